"""Who is under-identified: children known to services, and children who were the subject of an
exploitation concern, in the last 12 months, by age band, sex and ethnic group, against the local child
population an administrator loaded. A report only: ethnicity is never an input to any rule or score."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from joinedup.outcomes import charts, stats
from joinedup.outcomes.figures import Figure
from joinedup.outcomes.population import BAND_NAMES, SEXES, age_band, age_on

NOT_RECORDED = "Not recorded"
NOT_STATED = "Not stated (the child or family chose not to say)"
# How the interchange writes an ethnicity that is absent (not recorded) or declined (not stated).
ABSENT = frozenset({"not_recorded", "not recorded", "unknown"})
DECLINED = frozenset({"not_stated", "not stated", "refused"})
NOT_MATCHED = "Recorded, not in the population table"
PER = 1000


@dataclasses.dataclass
class Person:
    age_band: str
    sex: str
    ethnicity: str


def _newest(values: list[tuple[dt.datetime, object]]):
    present = [(at, v) for at, v in values if v not in (None, "")]
    return max(present, key=lambda pair: pair[0])[1] if present else None


def characteristics(arrivals, known: set[int], aliases: dict[str, str], latest: dict[int, dt.datetime]) -> dict[int, Person]:
    """Each known child's age band (at their latest concern in the window), sex and ethnic group, from the
    newest description that records each."""
    dobs, ages, sexes, groups = (defaultdict(list) for _ in range(4))
    for a in arrivals:
        if a.child_id in known:
            dobs[a.child_id].append((a.received_at, a.dob))
            ages[a.child_id].append((a.received_at, a.approx_age))
            sexes[a.child_id].append((a.received_at, a.sex if a.sex in SEXES else ""))
            recorded = a.ethnicity.strip()
            groups[a.child_id].append((a.received_at, "" if recorded.casefold() in ABSENT else recorded))
    out = {}
    for child in known:
        dob = _newest(dobs[child])
        age = age_on(dob, latest[child].date()) if dob else _newest(ages[child])
        recorded = _newest(groups[child])
        group = _group(recorded, aliases)
        out[child] = Person(age_band(age) or NOT_RECORDED, _newest(sexes[child]) or NOT_RECORDED, group)
    return out


def _group(recorded: str | None, aliases: dict[str, str]) -> str:
    if not recorded:
        return NOT_RECORDED
    if recorded.casefold() in DECLINED:
        return NOT_STATED
    return aliases.get(recorded.casefold(), NOT_MATCHED)


def _aliases(groups) -> dict[str, str]:
    out = {}
    for g in groups:
        out[g.ethnicity.casefold()] = g.ethnicity
        for alias in g.recorded_as:
            out[alias.strip().casefold()] = g.ethnicity
    return out


def _rate(count: int, population: int | None) -> float | None:
    return count / population * PER if population else None


def _ratio(rate: float | None, overall: float | None) -> str:
    return "" if rate is None or not overall else f"{rate / overall:.2f}"


def figure(arrivals, load, groups, start: dt.datetime, now: dt.datetime) -> Figure:
    window = [a for a in arrivals if not a.withdrawn and start <= a.received_at <= now]
    known = {a.child_id for a in window}
    victims = {a.child_id for a in window if a.exploitation}
    latest: dict[int, dt.datetime] = {}
    for a in window:
        latest[a.child_id] = max(latest.get(a.child_id, a.received_at), a.received_at)
    people = characteristics(arrivals, known, _aliases(groups), latest)
    total_population = sum(g.children for g in groups)
    overall_known, overall_victims = _rate(len(known), total_population), _rate(len(victims), total_population)
    dimensions = {
        "age band": (lambda p: p.age_band, list(BAND_NAMES), lambda g: g.age_band),
        "sex": (lambda p: p.sex, list(SEXES), lambda g: g.sex),
        "ethnicity": (lambda p: p.ethnicity, sorted({g.ethnicity for g in groups}), lambda g: g.ethnicity),
    }
    rows, chart_list = [], []
    for dimension, (of_person, names, of_group) in dimensions.items():
        pop: dict[str, int] = defaultdict(int)
        for g in groups:
            pop[of_group(g)] += g.children
        k_count: dict[str, int] = defaultdict(int)
        v_count: dict[str, int] = defaultdict(int)
        for child, person in people.items():
            k_count[of_person(person)] += 1
            v_count[of_person(person)] += child in victims
        extra = [n for n in (NOT_MATCHED, NOT_STATED, NOT_RECORDED) if k_count.get(n)]
        k_items, v_items = [], []
        for name in names + extra:
            population = pop.get(name)
            k_rate, v_rate = _rate(k_count[name], population), _rate(v_count[name], population)
            rows.append([dimension, name, population if population is not None else "", k_count[name],
                         stats.one_decimal(k_rate), _ratio(k_rate, overall_known), v_count[name],
                         stats.one_decimal(v_rate), _ratio(v_rate, overall_victims)])
            if population:
                k_items.append((name, k_rate, f"{k_rate:.1f} per 1,000 ({k_count[name]})"))
                v_items.append((name, v_rate, f"{v_rate:.1f} per 1,000 ({v_count[name]})"))
        if k_items:
            chart_list.append(charts.bars(
                f"chart-known-{dimension.replace(' ', '-')}", f"Children known to services per 1,000 children, by {dimension}",
                k_items, reference=overall_known, reference_label=f"the rate for all children ({overall_known:.1f} per 1,000)"))
            chart_list.append(charts.bars(
                f"chart-victims-{dimension.replace(' ', '-')}", f"Children with an exploitation concern per 1,000 children, by {dimension}",
                v_items, reference=overall_victims, reference_label=f"the rate for all children ({overall_victims:.1f} per 1,000)"))
    rows.append(["all", "All children", total_population or "", len(known), stats.one_decimal(overall_known), "1.00" if overall_known else "",
                 len(victims), stats.one_decimal(overall_victims), "1.00" if overall_victims else ""])
    if load is None:
        headline = (f"{len(known)} children known to services in the last 12 months, {len(victims)} with an exploitation concern. "
                    "No local child population has been loaded, so there are no rates: an administrator loads it with "
                    "joinedup load-population.")
    else:
        headline = (f"{len(known)} children known to services in the last 12 months ({stats.one_decimal(overall_known)} per 1,000 "
                    f"of the {total_population:,} children in the area), {len(victims)} with an exploitation concern "
                    f"({stats.one_decimal(overall_victims)} per 1,000). A group with a relative rate well below 1 may be "
                    "under-identified: its children are less often known to services than children overall.")
    how = (
        "Children known to services: every child named in a concern received (not withdrawn) in the last 12 months; "
        "with an exploitation concern: those named in a concern categorised as sexual or criminal exploitation. Age is "
        "at the child's latest concern (from the date of birth, or the age given when there is none), sex and ethnicity "
        "are from the newest description that records them. Rates are per 1,000 children of the same group in the local "
        "population; the relative rate divides a group's rate by the rate for all children. Children whose "
        "characteristic was not recorded are counted in the totals but in no group. A rate made from a handful of "
        "children (the count is shown beside each bar) can move a long way from one year to the next: read it with "
        "the count. "
        + (f"Population: {load.source}, loaded {load.created_at:%-d %B %Y}." if load else "")
    )
    return Figure(
        key="under-identified", title="Who is under-identified", headline=headline, how=how,
        headers=["dimension", "group", "population", "known_children", "known_per_1000", "known_relative_rate",
                 "exploitation_children", "exploitation_per_1000", "exploitation_relative_rate"],
        rows=rows, charts=chart_list,
    )
