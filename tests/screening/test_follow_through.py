"""Follow-through from the screening: a child screened at the top two levels, or a concern recorded as
missing or substance misuse while significant exploitation indicators are present, is due a decision on
a strategy discussion within one working day; one open decision per child at a time. And the screening
rules are configuration (a TOML file)."""

import datetime as dt

import pytest

from joinedup.casework.models import Action, ActionKind, ActionStatus
from joinedup.casework.screening_work import reason_for_work
from joinedup.core import deadlines
from joinedup.screening import rules
from joinedup.screening.queries import screen_children
from joinedup.screening.rules import RULES, RulesError, from_mapping
from joinedup.screening.score import Observation, screen

AT = dt.datetime(2025, 6, 16, 12, 0, tzinfo=dt.UTC)  # a Monday


def seen(*codes):
    return [Observation(code, "P-1", "Northtown Police", AT) for code in codes]


@pytest.mark.parametrize(("codes", "categories", "expected"), [
    (["missing_overnight", "missing_repeat", "staying_out_late"], ["neglect"], "strong concern"),  # level 3
    (["missing_overnight", "missing_repeat", "online_grooming", "staying_out_late"], ["other"], "serious concern"),
    (["missing_overnight"], ["missing"], "recorded as missing while significant"),  # level 2, masked
    (["vehicles_unknown_adults"], ["substance_misuse", "missing"], "recorded as missing and substance misuse"),
    (["staying_out_late", "drug_misuse"], ["substance_misuse"], None),  # no significant indicator
    (["missing_overnight"], ["neglect"], None),  # level 2, not a masking category
    ([], ["missing"], None),
])
def test_which_screenings_need_a_strategy_decision(codes, categories, expected):
    why = reason_for_work(screen(seen(*codes), at=AT), categories, RULES)
    if expected is None:
        assert why is None
    else:
        assert expected in why


def _child_concern(submit, n, **overrides):
    data = {
        "received_at": f"2025-06-{16 + n:02d}T10:00:00+00:00",
        "children": [{"ref": "FT-1", "given_name": "Follow", "family_name": "Throughtest", "dob": "2009-02-03"}],
        "child_words": "", "categories": ["neglect"], "indicators": [], "mentions": [],
    }
    return submit("police", **{**data, **overrides})


def test_a_child_reaching_level_3_is_due_a_strategy_decision_once(users, submit):
    assert users.alice  # the front door team exists
    _child_concern(submit, 0, indicators=["missing_overnight", "staying_out_late"])
    assert not Action.objects.filter(kind=ActionKind.STRATEGY_DECISION).exists()  # level 2: no work yet
    _child_concern(submit, 1, indicators=["missing_repeat"])
    work = Action.objects.get(kind=ActionKind.STRATEGY_DECISION)
    assert "strong concern" in work.title
    assert work.owner_team.members.filter(username="alice").exists()
    assert work.due_at == deadlines.due("strategy_discussion", dt.datetime(2025, 6, 17, 10, tzinfo=dt.UTC))
    assert work.due_rule == "strategy_discussion" and work.child_id is not None
    _child_concern(submit, 2, indicators=["online_grooming"])  # level 4 now; one decision is already due
    assert Action.objects.filter(kind=ActionKind.STRATEGY_DECISION).count() == 1
    Action.objects.filter(pk=work.pk).update(status=ActionStatus.DONE)
    _child_concern(submit, 3, indicators=["unexplained_money_gifts"])  # decided; a new concern re-screens
    assert Action.objects.filter(kind=ActionKind.STRATEGY_DECISION, status=ActionStatus.OPEN).count() == 1


def test_missing_with_significant_indicators_is_not_left_as_just_missing(users, submit):
    assert users.alice
    _child_concern(submit, 0, categories=["missing"], indicators=["vehicles_unknown_adults"])
    work = Action.objects.get(kind=ActionKind.STRATEGY_DECISION)
    assert "recorded as missing while significant signs of exploitation are present" in work.title


def test_a_missing_episode_without_exploitation_signs_starts_no_strategy_decision(users, submit):
    assert users.alice
    _child_concern(submit, 0, categories=["missing"], indicators=["staying_out_late"])
    assert not Action.objects.filter(kind=ActionKind.STRATEGY_DECISION).exists()


def test_the_rules_file_changes_the_thresholds_windows_and_follow_through(tmp_path, settings, users, submit):
    changed = from_mapping({"thresholds": [[0, 1], [3, 2], [5, 3], [30, 4]], "follow_through_level": 4,
                            "masking_categories": []})
    assert screen(seen("missing_overnight"), at=AT, rules=changed).level.number == 3
    assert reason_for_work(screen(seen("missing_overnight"), at=AT, rules=changed), ["missing"], changed) is None
    path = tmp_path / "screening.toml"
    path.write_text('thresholds = [[0, 1], [3, 2], [5, 3], [30, 4]]\n'
                    '[windows]\nsignificant = [{within_months = 1, points = 7, why = "in the last month"}]\n')
    settings.JOINEDUP_SCREENING_RULES_FILE = str(path)
    assert users.alice
    result = _child_concern(submit, 0, indicators=["missing_overnight"])
    from joinedup.records.models import Concern

    child_id = Concern.objects.get(pk=result.concern_id).current_version.children.get().child_id
    screening = screen_children([child_id], at=AT + dt.timedelta(days=2))[child_id]
    assert (screening.score, screening.level.number) == (7, 3)
    assert "in the last month" in screening.points[0].why
    assert Action.objects.filter(kind=ActionKind.STRATEGY_DECISION, child_id=child_id).exists()


@pytest.mark.parametrize(("data", "named"), [
    ({"thresholdz": []}, "thresholdz"),
    ({"windows": {"huge": []}}, "huge"),
    ({"windows": {"significant": [{"within_months": -1, "points": 5}]}}, "windows.significant[0].within_months"),
    ({"weights": {"not_an_indicator": "significant"}}, "not_an_indicator"),
    ({"thresholds": [[6, 2]]}, "thresholds"),
    ({"police_warning_level": "two"}, "police_warning_level"),
])
def test_a_bad_rules_file_is_refused_naming_the_key(data, named):
    with pytest.raises(RulesError, match=named.replace("[", r"\[").replace("]", r"\]")):
        from_mapping(data)


def test_no_rules_file_means_the_published_defaults():
    assert rules._from_file("") is RULES
