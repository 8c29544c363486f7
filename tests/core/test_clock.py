import datetime as dt

import pytest

from joinedup.core import clock


def test_it_is_the_wall_clock_when_not_replaying():
    before = dt.datetime.now(dt.UTC)
    assert before <= clock.now() <= dt.datetime.now(dt.UTC)
    assert not clock.is_replaying()


def test_it_is_the_records_time_during_a_replay_and_back_afterwards():
    at = dt.datetime(2024, 3, 2, 23, 40, tzinfo=dt.UTC)
    with clock.frozen(at):
        assert clock.now() == at
        assert clock.is_replaying()
        inner = at + dt.timedelta(days=1)
        with clock.frozen(inner):
            assert clock.now() == inner
        assert clock.now() == at
    assert not clock.is_replaying()


def test_it_refuses_a_time_without_an_offset():
    with pytest.raises(ValueError, match="aware"):
        with clock.frozen(dt.datetime(2024, 1, 1)):
            pass
