"""The demo town's synthetic population covers every way the town's agencies record ethnicity, so the
under-identification figures for the demo show groups, not "not in the population table"."""

from sim.demo_outcomes import CHILDREN_IN_TOWN, population_rows

from sim import data


def test_every_recorded_ethnicity_of_the_demo_town_is_in_a_population_group():
    rows = population_rows()
    known = {r.ethnicity.casefold() for r in rows} | {a.casefold() for r in rows for a in r.recorded_as}
    written = set(data.DFE_CODES) | set(data.DFE_CODES.values()) | set(data.CENSUS_LABELS.values())
    assert {w for w in written if w.casefold() not in known} == set()


def test_the_demo_population_adds_up_to_the_towns_children():
    rows = population_rows()
    assert abs(sum(r.children for r in rows) - CHILDREN_IN_TOWN) < len(rows)  # rounding, at most 1 a row
    assert len({(r.age_band, r.sex, r.ethnicity) for r in rows}) == len(rows)
