"""The arithmetic of the service figures, checked against values worked out by hand."""

import datetime as dt
from zoneinfo import ZoneInfo

from joinedup.outcomes import stats

UTC = dt.UTC
LONDON = ZoneInfo("Europe/London")


def at(day, hour=0):
    return dt.datetime(2026, 3, day, hour, tzinfo=UTC)


def test_the_median_of_an_even_count_is_the_mean_of_the_middle_two():
    assert stats.median([4, 1, 3, 2]) == 2.5
    assert stats.median([7, 1, 3]) == 3
    assert stats.median([]) is None


def test_the_slowest_tenth_is_the_nearest_rank_ninetieth_percentile():
    # 10 values: rank ceil(9.0) = 9 -> the 9th smallest; 11 values: rank ceil(9.9) = 10.
    assert stats.slowest_tenth(list(range(1, 11))) == 9
    assert stats.slowest_tenth(list(range(1, 12))) == 10
    assert stats.slowest_tenth([5]) == 5
    assert stats.slowest_tenth([]) is None


def test_a_wait_runs_from_the_first_concern_since_the_last_help_to_the_next_help():
    concerns = [(1, at(1)), (1, at(3)), (1, at(10)), (2, at(5))]
    helps = [(1, at(4)), (1, at(12)), (1, at(13)), (2, at(5))]
    waits = sorted(stats.waits_to_help(concerns, helps))
    assert waits == [
        (1, at(1), at(4)),  # first concern on the 1st, the concern on the 3rd is the same wait
        (1, at(10), at(12)),  # a new wait starts after help on the 4th; help on the 13th starts none
        (2, at(5), at(5)),  # a concern at the moment of help counts before it: no wait
    ]


def test_months_are_local_calendar_months_ending_with_this_one():
    now = dt.datetime(2026, 3, 31, 23, 30, tzinfo=UTC)  # already 1 April in London (BST)
    months = stats.last_months(now, LONDON, 3)
    assert months == [dt.date(2026, 2, 1), dt.date(2026, 3, 1), dt.date(2026, 4, 1)]
    assert stats.window_start(months, LONDON) == dt.datetime(2026, 2, 1, tzinfo=LONDON)
