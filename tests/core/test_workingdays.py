import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from joinedup.core.workingdays import add_working_days, is_working_day, referral_decision_due

LONDON = ZoneInfo("Europe/London")


def utc(*args):
    return dt.datetime(*args, tzinfo=dt.UTC)


def due_day(received):
    due = referral_decision_due(received)
    assert (due.hour, due.minute, due.second) == (23, 59, 59)
    assert due.tzinfo is not None
    return due.astimezone(LONDON).date()


def test_a_referral_on_a_tuesday_is_due_by_the_end_of_wednesday():
    assert due_day(utc(2024, 3, 5, 10, 0)) == dt.date(2024, 3, 6)


def test_a_referral_on_friday_or_at_the_weekend_is_due_on_monday():
    assert due_day(utc(2024, 3, 1, 16, 0)) == dt.date(2024, 3, 4)
    assert due_day(utc(2024, 3, 2, 23, 40)) == dt.date(2024, 3, 4)
    assert due_day(utc(2024, 3, 3, 9, 0)) == dt.date(2024, 3, 4)


def test_christmas_and_boxing_day_are_skipped():
    # Christmas Eve 2024 is a Tuesday; 25 and 26 December are bank holidays.
    assert due_day(utc(2024, 12, 24, 12, 0)) == dt.date(2024, 12, 27)
    # The spec's own example: received on Friday 27 December 2024, due by the end of Monday 30th.
    assert referral_decision_due(utc(2024, 12, 27, 12, 0)).isoformat() == "2024-12-30T23:59:59+00:00"


def test_easter_good_friday_and_easter_monday_are_skipped():
    # Easter 2024: Good Friday 29 March, Easter Monday 1 April.
    assert due_day(utc(2024, 3, 28, 12, 0)) == dt.date(2024, 4, 2)


def test_the_early_may_bank_holiday_is_skipped():
    # Monday 6 May 2024.
    assert due_day(utc(2024, 5, 3, 12, 0)) == dt.date(2024, 5, 7)


def test_the_day_is_the_local_day_in_london():
    # 23:30 UTC on Monday 1 July 2024 is 00:30 on Tuesday in London (BST): due by the end of Wednesday.
    assert due_day(utc(2024, 7, 1, 23, 30)) == dt.date(2024, 7, 3)
    due = referral_decision_due(utc(2024, 7, 1, 23, 30))
    assert due.utcoffset() == dt.timedelta(hours=1)


days = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@given(days, st.integers(min_value=0, max_value=60))
def test_adding_working_days_lands_on_a_working_day_after_exactly_that_many(day, count):
    result = add_working_days(day, count)
    if count == 0:
        assert result == day
        return
    assert result > day
    assert is_working_day(result)
    between = [day + dt.timedelta(days=i) for i in range(1, (result - day).days + 1)]
    assert sum(is_working_day(d) for d in between) == count


@given(days, st.integers(min_value=0, max_value=30), st.integers(min_value=0, max_value=30))
def test_adding_working_days_composes(day, a, b):
    assert add_working_days(add_working_days(day, a), b) == add_working_days(day, a + b)


@given(st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 12, 31), timezones=st.just(dt.UTC)))
def test_a_referral_decision_is_never_due_on_a_weekend_or_holiday_and_always_after_receipt(received):
    due = referral_decision_due(received)
    assert due > received
    assert is_working_day(due.astimezone(LONDON).date())
    assert (due - received) < dt.timedelta(days=8)
