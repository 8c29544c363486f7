import datetime as dt

import pytest

from joinedup.core import deadlines


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


def test_an_assessment_is_due_45_working_days_after_the_referral():
    # From Monday 2 September 2024: 45 working days later (no bank holidays in between) is Monday 4 November.
    due = deadlines.due("assessment", utc(2024, 9, 2, 10))
    assert due.isoformat() == "2024-11-04T23:59:59+00:00"


def test_a_return_home_interview_is_due_72_hours_after_the_return():
    assert deadlines.due("return_home_interview", utc(2024, 3, 1, 22, 15)) == utc(2024, 3, 4, 22, 15)


def test_review_conferences_count_calendar_months_and_clip_to_the_month_end():
    assert deadlines.due("first_review_conference", utc(2024, 11, 30, 12)).date() == dt.date(2025, 2, 28)
    assert deadlines.due("review_conference", utc(2024, 8, 31, 12)).date() == dt.date(2025, 2, 28)


def test_a_rules_file_overrides_a_rule(settings, tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('[referral_decision]\nunit = "working_days"\namount = 2\n')
    settings.JOINEDUP_CLOCK_RULES_FILE = str(path)
    assert deadlines.due("referral_decision", utc(2024, 3, 5, 10)).date() == dt.date(2024, 3, 7)


def test_a_malformed_rules_file_is_refused_naming_the_rule(settings, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[assessment]\nunit = "fortnights"\namount = 3\n')
    settings.JOINEDUP_CLOCK_RULES_FILE = str(path)
    with pytest.raises(deadlines.RuleError, match="assessment"):
        deadlines.due("assessment", utc(2024, 3, 5, 10))
