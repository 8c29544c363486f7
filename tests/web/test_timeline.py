"""The chronology picture's layout (no database)."""

import datetime as dt

from joinedup.web import timeline


def _entry(day, lane="Northtown Police", urgency=3, withdrawn=False):
    return timeline.Entry(dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC), lane, urgency, withdrawn, day)


def test_it_draws_nothing_without_concerns():
    assert timeline.build([]) is None


def test_a_lane_per_agency_a_dot_per_concern_and_a_tick_per_new_year():
    picture = timeline.build(
        [_entry("2023-05-01"), _entry("2024-02-01", "Northtown Academy", 1), _entry("2025-03-01", urgency=2)]
    )
    assert [lane.full_label for lane in picture.lanes] == ["Northtown Academy", "Northtown Police"]
    assert len(picture.dots) == 3
    assert [tick.label for tick in picture.ticks] == ["2024", "2025"]
    xs = sorted(dot.x for dot in picture.dots)
    assert picture.plot_left < xs[0] < xs[-1] < picture.plot_right


def test_urgency_shows_in_size_as_well_as_colour():
    picture = timeline.build([_entry("2024-01-01", urgency=3), _entry("2024-02-01", urgency=1)])
    sizes = {dot.colour: dot.r for dot in picture.dots}
    assert sizes["#d4351c"] > sizes["#1d70b8"]


def test_the_text_alternative_says_how_many_from_whom_and_when():
    text = timeline.describe(
        [_entry("2024-01-01"), _entry("2024-03-01", "Northtown Academy", 1)], ["Northtown Academy", "Northtown Police"]
    )
    assert text.startswith("2 concerns from 2 agencies (Northtown Academy, Northtown Police)")
    assert "between 1 January 2024 and 1 March 2024" in text
    assert "1 about possible sexual abuse or exploitation" in text


def test_a_single_concern_still_gets_a_year_label():
    picture = timeline.build([_entry("2024-06-01")])
    assert [tick.label for tick in picture.ticks] == ["2024"]
