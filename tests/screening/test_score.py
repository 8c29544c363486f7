"""The screening as a pure function: named cases from the published SERAF-style scoring, the time
windows, the overrides, and the rules as data. No database."""

import dataclasses
import datetime as dt
import inspect

import pytest

from joinedup.screening import rules
from joinedup.screening.rules import DISCLOSURE, RULES, Window
from joinedup.screening.score import Observation, months_before, screen, youngest_age

AT = dt.datetime(2025, 6, 15, 12, 0, tzinfo=dt.UTC)
VULNERABILITIES = ["abuse_in_family", "family_breakdown", "low_self_esteem"]
MODERATE = ["staying_out_late", "school_absence"]


def seen(code, *, months_ago=0, days_ago=0, ref="P-000001", agency="Northtown Police"):
    return Observation(code, ref, agency, months_before(AT, months_ago) - dt.timedelta(days=days_ago))


def test_three_vulnerabilities_and_two_moderate_indicators_score_5_level_1():
    result = screen([seen(c) for c in VULNERABILITIES + MODERATE], at=AT)
    assert (result.score, result.level.number) == (5, 1)


def test_one_significant_indicator_now_and_one_moderate_score_6_level_2():
    result = screen([seen("missing_overnight"), seen("staying_out_late")], at=AT)
    assert (result.score, result.level.number) == (6, 2)


@pytest.mark.parametrize(("score_codes", "level"), [
    (["missing_overnight", "missing_repeat", "staying_out_late"], 3),  # 11
    (["missing_overnight", "missing_repeat", "online_grooming", "staying_out_late"], 4),  # 16
    (["missing_overnight", "missing_repeat"], 2),  # 10
])
def test_the_score_thresholds(score_codes, level):
    assert screen([seen(c) for c in score_codes], at=AT).level.number == level


@pytest.mark.parametrize(("months_ago", "points"), [(0, 5), (5, 5), (6, 5), (7, 1), (12, 1), (13, 0)])
def test_a_significant_indicator_scores_by_how_long_ago_it_was_recorded(months_ago, points):
    result = screen([seen("vehicles_unknown_adults", months_ago=months_ago)], at=AT)
    assert result.score == points


def test_a_significant_indicator_7_months_ago_scores_1_and_13_months_ago_scores_0_but_is_listed():
    assert screen([seen("missing_repeat", months_ago=7)], at=AT).score == 1
    old = screen([seen("missing_repeat", months_ago=13)], at=AT)
    assert old.score == 0 and old.points == ()
    assert [p.code for p in old.not_counted] == ["missing_repeat"]


def test_a_moderate_indicator_counts_only_in_the_last_6_months_and_a_vulnerability_at_any_time():
    assert screen([seen("drug_misuse", months_ago=6)], at=AT).score == 1
    assert screen([seen("drug_misuse", months_ago=7)], at=AT).score == 0
    assert screen([seen("isolated", months_ago=40)], at=AT).score == 1


def test_each_indicator_counts_once_from_its_most_recent_concern_and_lists_the_others():
    result = screen([
        seen("missing_overnight", months_ago=8, ref="S-000001", agency="Northtown Academy"),
        seen("missing_overnight", months_ago=1, ref="P-000002"),
        seen("missing_overnight", months_ago=2, ref="H-000003", agency="Northtown Health"),
    ], at=AT)
    assert result.score == 5
    (point,) = result.points
    assert (point.source.concern_reference, point.source.agency, point.points) == ("P-000002", "Northtown Police", 5)
    assert point.label == "Going missing overnight or longer"
    assert point.why == "significant indicator in the last 6 months"
    assert point.also_in == ("H-000003", "S-000001")


def test_every_point_names_the_concern_it_came_from():
    result = screen([seen("isolated", ref="S-1", agency="School"), seen("online_grooming", ref="P-2")], at=AT)
    assert {(p.code, p.source.concern_reference, p.source.agency, p.points) for p in result.points} == {
        ("isolated", "S-1", "School", 1), ("online_grooming", "P-2", "Northtown Police", 5),
    }


def test_an_observation_after_the_moment_of_screening_is_not_yet_known():
    assert screen([seen("missing_overnight", days_ago=-1)], at=AT).score == 0


def test_a_disclosure_of_exploitation_is_the_highest_level_at_once():
    result = screen([seen(DISCLOSURE, ref="P-9")], at=AT)
    assert result.score == 0 and result.score_level == 1
    assert result.level.number == 4
    assert result.level.title == "Serious concern that the child is being sexually exploited: act now"
    assert [s.concern_reference for s in result.overrides[0].sources] == ["P-9"]


def test_a_disclosure_more_than_12_months_ago_no_longer_overrides():
    assert screen([seen(DISCLOSURE, months_ago=13)], at=AT).level.number == 1


def test_a_withdrawn_disclosure_is_a_significant_indicator_not_an_override():
    result = screen([seen("disclosure_withdrawn")], at=AT)
    assert (result.score, result.level.number, result.overrides) == (5, 1, ())


def test_a_12_year_old_with_one_significant_indicator_is_at_least_level_3_and_flagged():
    result = screen([seen("online_grooming")], at=AT, age=12)
    assert result.score == 5 and result.score_level == 1
    assert result.level.number == 3
    assert result.young_child
    assert "potential indicator of abuse" in result.overrides[0].reason


def test_a_14_year_old_or_a_young_child_without_significant_indicators_is_not_flagged():
    assert not screen([seen("online_grooming")], at=AT, age=14).young_child
    assert screen([seen("online_grooming")], at=AT, age=14).level.number == 1
    assert not screen([seen("staying_out_late")], at=AT, age=10).young_child


def test_a_young_child_with_a_higher_score_keeps_the_higher_level():
    codes = ["missing_overnight", "missing_repeat", "online_grooming", "staying_out_late"]
    assert screen([seen(c) for c in codes], at=AT, age=11).level.number == 4


def test_the_weights_are_read_from_the_rules_data():
    heavier = RULES.with_weight("moderate", (Window(6, 3, "moderate, weighted locally"),))
    observations = [seen("staying_out_late"), seen("school_absence")]
    assert screen(observations, at=AT).score == 2
    assert screen(observations, at=AT, rules=heavier).score == 6
    assert screen(observations, at=AT, rules=heavier).level.number == 2


def test_the_thresholds_are_read_from_the_rules_data():
    stricter = dataclasses.replace(RULES, thresholds=((4, 4), (3, 3), (2, 2), (0, 1)))
    assert screen([seen(c) for c in VULNERABILITIES], at=AT, rules=stricter).level.number == 3


def test_every_level_describes_the_concern_and_the_harm_not_the_child():
    for level in rules.LEVELS.values():
        text = f"{level.title} {level.description}".lower()
        for words in ("high risk", "high-risk", "risky", "risk-taking", "putting herself", "putting himself", "choice"):
            assert words not in text
        assert "concern" in text or "signs" in text


def test_no_protected_characteristic_is_an_input():
    parameters = set(inspect.signature(screen).parameters)
    assert parameters == {"observations", "at", "age", "rules"}  # age only for the 13-or-under override
    fields = {f.name for f in dataclasses.fields(Observation)}
    assert not fields & {"sex", "ethnicity", "nationality", "religion", "disability", "gender"}


def test_months_before_clamps_to_the_end_of_a_shorter_month():
    assert months_before(dt.datetime(2025, 8, 31, tzinfo=dt.UTC), 6) == dt.datetime(2025, 2, 28, tzinfo=dt.UTC)
    assert months_before(dt.datetime(2025, 1, 15, tzinfo=dt.UTC), 13) == dt.datetime(2023, 12, 15, tzinfo=dt.UTC)


def test_the_youngest_age_any_agency_records_is_used():
    dobs = [dt.date(2011, 6, 16), dt.date(2010, 1, 1)]
    assert youngest_age(dobs, [], AT) == 13  # 14 on 16 June 2025
    assert youngest_age([], [(11, dt.datetime(2024, 6, 1, tzinfo=dt.UTC))], AT) == 12
    assert youngest_age([], [], AT) is None
