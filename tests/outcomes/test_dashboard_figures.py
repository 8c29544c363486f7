"""Every figure on the leaders' dashboard, on a tiny town whose answers were worked out by hand.

Four children, each concern made through the real services on a frozen clock; "now" is Monday 15 June
2026, so the 12 months run from July 2025 to June 2026:

- Ann (girl, born 14 Jul 2010, recorded as "WBRI"): neglect concerns on 2 and 4 March 09:00; a child-in-need
  decision on the second at 4 March 21:00 -> helped after 2.5 days; the first concern is never decided (late).
- Ben (boy, born 1 Jan 2015, "Pakistani"): a concern on 6 April 10:00, early help at 22:00 -> 0.5 days.
- Cat (girl, born 1 May 2012, ethnicity not given): a sexual exploitation concern on 5 May 08:00, strategy
  discussion decided on 15 May 08:00 -> 10 days, and the decision was late.
- Dan (boy, born 1 Jan 2009, "not_stated"): a missing concern on 6 May 12:00, information and advice the same
  afternoon (not help).
"""

import datetime as dt

import pytest

from joinedup.casework import services as casework
from joinedup.casework.models import Case, DecisionKind
from joinedup.core import clock
from joinedup.outcomes import dashboard, services
from joinedup.outcomes.population import PopulationRow
from joinedup.records.models import Concern

NOW = dt.datetime(2026, 6, 15, 12, 0, tzinfo=dt.UTC)


def utc(month, day, hour):
    return dt.datetime(2026, month, day, hour, tzinfo=dt.UTC)


def child(ref, given, sex, dob, ethnicity):
    return {"ref": ref, "given_name": given, "family_name": "Figuretest", "sex": sex, "dob": dob,
            "ethnicity": ethnicity, "postcode": "NT1 1AA"}


@pytest.fixture
def town(users, submit, settings):
    settings.JOINEDUP_SAFE_CASELOAD = 0
    ann = child("A-1", "Ann", "female", "2010-07-14", "WBRI")
    ben = child("B-1", "Ben", "male", "2015-01-01", "Pakistani")
    cat = child("C-1", "Cat", "female", "2012-05-01", "")
    dan = child("D-1", "Dan", "male", "2009-01-01", "not_stated")

    def concern(who, received, categories, indicators=()):
        result = submit("school", children=[who], received_at=received.isoformat(), categories=list(categories),
                        indicators=list(indicators), mentions=[])
        return Concern.objects.get(pk=result.concern_id)

    def decide(c, kind, when):
        with clock.frozen(when):
            return casework.record_decision(users.alice, c, kind, "Decided for the test.")

    concern(ann, utc(3, 2, 9), ["neglect"])
    decide(concern(ann, utc(3, 4, 9), ["neglect"]), DecisionKind.CHILD_IN_NEED, utc(3, 4, 21))
    decide(concern(ben, utc(4, 6, 10), ["neglect"]), DecisionKind.EARLY_HELP, utc(4, 6, 22))
    decide(concern(cat, utc(5, 5, 8), ["sexual_exploitation"]), DecisionKind.STRATEGY_DISCUSSION, utc(5, 15, 8))
    decide(concern(dan, utc(5, 6, 12), ["missing"]), DecisionKind.INFORMATION_ADVICE, utc(5, 6, 15))
    ann_case = Case.objects.filter(child__descriptions__given_name="Ann", closed_at__isnull=True).distinct().get()
    cat_case = Case.objects.filter(child__descriptions__given_name="Cat", closed_at__isnull=True).distinct().get()
    with clock.frozen(utc(5, 16, 9)):
        casework.allocate_case(users.maria, ann_case, users.sunita)
    with clock.frozen(utc(4, 1, 12)):
        services.record_review(users.sunita, ann_case.child, held_on=dt.date(2026, 4, 1), child_view="OK.",
                               measures=services.Measures(mental_health_referred_on=dt.date(2026, 3, 10)))
    with clock.frozen(utc(5, 20, 12)):
        services.record_review(users.sunita, ann_case.child, held_on=dt.date(2026, 5, 20), child_view="Better.",
                               measures=services.Measures(mental_health_referred_on=dt.date(2026, 3, 10),
                                                          mental_health_first_seen_on=dt.date(2026, 5, 9)))
    with clock.frozen(utc(6, 1, 12)):
        services.record_review(users.maria, cat_case.child, held_on=dt.date(2026, 6, 1), child_view="Don't know.",
                               measures=services.Measures(mental_health_referred_on=dt.date(2026, 5, 20)))
    services.load_population(users.adam, [
        PopulationRow("14-15", "female", "White British", 100, ("WBRI",)),
        PopulationRow("10-13", "male", "Pakistani", 50),
        PopulationRow("16-17", "male", "White British", 50),
    ], source="test population")
    services.set_posts(users.adam, users.sunita.team, 5)
    return dashboard.build(NOW)


def rows(board, key):
    if key == "under-identified":
        return {(row[0], row[1]): row[2:] for row in board.figure(key).rows}
    return {row[0]: row[1:] for row in board.figure(key).rows}


def test_time_from_first_concern_to_help(town):
    table = rows(town, "time-to-help")
    assert table["Mar 2026"] == [1, "2.5", "2.5"]
    assert table["Apr 2026"] == [1, "0.5", "0.5"]
    assert table["May 2026"] == [1, "10.0", "10.0"]
    assert table["Jun 2026"] == [0, "", ""]
    assert table["All 12 months"] == [3, "2.5", "10.0"]  # median of 0.5, 2.5, 10; slowest tenth is rank 3
    assert "within 2.5 days" in town.figure("time-to-help").headline


def test_referral_decisions_on_time(town):
    table = rows(town, "on-time")
    # Ann's first concern was never decided (late), her second on time; Ben's on time; Cat's ten days late;
    # Dan's on time: 3 of 5.
    assert table["All 12 months"][:3] == [5, 3, "60.0"]
    assert table["Mar 2026"][:3] == [2, 1, "50.0"]
    assert table["Apr 2026"][:3] == [1, 1, "100.0"]


def test_caseloads_against_the_safe_limit(town):
    table = rows(town, "caseloads")
    assert table["Sunita Tester"] == ["Child protection team", 1, 0, "yes"]
    assert table["Not allocated"][1] == 1  # Cat's case
    assert town.figure("caseloads").headline.startswith("1 of ")


def test_vacancies_are_funded_posts_less_the_people_in_the_team(town):
    # The child protection team has Sunita and Maria: 5 funded, 2 filled, 3 vacant.
    assert rows(town, "vacancies")["Child protection team"][1:4] == [5, 2, 3]


def test_the_share_of_work_that_is_exploitation(town):
    table = rows(town, "exploitation")
    assert table["May 2026"] == [2, 1, "50.0"]
    assert table["All 12 months"] == [5, 1, "20.0"]
    assert "1 of 2 open cases" in town.figure("exploitation").headline


def test_missing_episodes(town):
    table = rows(town, "missing")
    assert table["May 2026"][:2] == [1, 1]
    assert table["All 12 months"][:2] == [1, 1]


def test_mental_health_waiting_times(town):
    table = rows(town, "mental-health")
    assert table["May 2026"] == [1, "60.0", 60]  # 10 March to 9 May
    assert table["Still waiting now"] == [1, "26.0", 26]  # Cat, referred 20 May, waiting on 15 June


def test_who_is_under_identified(town):
    table = rows(town, "under-identified")
    # 4 children known of 200: 20 per 1,000; Cat alone had an exploitation concern: 5 per 1,000.
    assert table[("all", "All children")] == [200, 4, "20.0", "1.00", 1, "5.0", "1.00"]
    assert table[("age band", "14-15")] == [100, 2, "20.0", "1.00", 1, "10.0", "2.00"]  # Ann (15) and Cat (14)
    assert table[("age band", "16-17")] == [50, 1, "20.0", "1.00", 0, "0.0", "0.00"]  # Dan (17)
    assert table[("age band", "5-9")] == ["", 0, "", "", 0, "", ""]
    assert table[("sex", "female")] == [100, 2, "20.0", "1.00", 1, "10.0", "2.00"]
    assert table[("ethnicity", "White British")] == [150, 1, "6.7", "0.33", 0, "0.0", "0.00"]  # Ann, as WBRI
    assert table[("ethnicity", "Pakistani")] == [50, 1, "20.0", "1.00", 0, "0.0", "0.00"]
    assert table[("ethnicity", "Not recorded")][1] == 1  # Cat
    assert table[("ethnicity", "Not stated (the child or family chose not to say)")][1] == 1  # Dan


def test_the_dashboard_runs_a_fixed_number_of_queries(town, django_assert_max_num_queries, submit):
    with django_assert_max_num_queries(12):
        dashboard.build(NOW)


def test_ethnicity_changes_only_the_ethnicity_rows_of_the_report(town):
    from joinedup.records.models import ConcernChild

    for row in ConcernChild.objects.all():  # a different recording of every child's ethnicity
        ConcernChild.objects.filter(pk=row.pk).update(ethnicity={"WBRI": "Pakistani"}.get(row.ethnicity, "WBRI"))
    again = dashboard.build(NOW)
    for before, after in zip(town.figures, again.figures, strict=True):
        if before.key != "under-identified":
            assert before.rows == after.rows and before.headline == after.headline, before.key
    unchanged = [r for r in town.figure("under-identified").rows if r[0] != "ethnicity"]
    assert unchanged == [r for r in again.figure("under-identified").rows if r[0] != "ethnicity"]
    assert rows(again, "under-identified")[("ethnicity", "White British")][1] == 3  # Ben, Cat and Dan now
