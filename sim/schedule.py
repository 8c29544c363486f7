"""When concerns happen and who sends them: choosing the agency, the everyday concerns of the town, the
hours each agency works, and each agency's own concern references."""

from __future__ import annotations

import datetime as dt
import random

from sim.agencies import Agency
from sim.background import SCENARIOS, TRANSPORT, Scenario
from sim.content import Draft
from sim.timeutil import at_local, is_school_day, local_date, next_school_day, next_weekday
from sim.world import Child, Town


class AgencyPicker:
    """Chooses the agency (and health service) that records a concern about a child on a day."""

    def __init__(self, agencies: dict[str, Agency]) -> None:
        self.agencies = agencies

    def __call__(self, rng: random.Random, weights: dict[str, float], child: Child, day: dt.date,
                 services: tuple[str, ...] = ("gp",), fallback: float = 1.0) -> tuple[Agency, str] | None:
        """The agency, or None if the concern would come from a school that does not use JoinedUp and
        (with probability 1 - `fallback`) it never reaches another agency."""
        keys, values = list(weights), list(weights.values())
        while keys:
            key = rng.choices(keys, weights=values)[0]
            if key == "school":
                school = child.school_on(day)
                if school in self.agencies:
                    return self.agencies[school], ""
                if rng.random() >= fallback:
                    return None
                i = keys.index(key)
                del keys[i], values[i]
                continue
            return self.agencies[key], rng.choice(services) if key == "health" else ""
        return self.agencies["social_care"], ""


def background_drafts(rng: random.Random, town: Town, pick: AgencyPicker, n: int) -> list[Draft]:
    """`n` everyday concerns, spread over children by how much each family is known to services."""
    children, windows = [], []
    for child in town.children:
        window = child.window(town.start, town.end)
        if window:
            children.append(child)
            windows.append(window)
    if not children or n <= 0:
        return []
    by_age: dict[int, tuple[list[Scenario], list[float]]] = {}
    for age in range(4, 18):
        fitting = [s for s in SCENARIOS if s.ages[0] <= age <= s.ages[1]]
        by_age[age] = (fitting, [s.weight for s in fitting])
    index = rng.choices(range(len(children)), weights=[c.weight for c in children], k=n)
    drafts = []
    for i in index:
        child, (lo, hi) = children[i], windows[i]
        for attempt in range(4):  # a school that does not use JoinedUp refers only some concerns on
            day = lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))
            age = min(17, max(4, child.age_on(day)))
            if child.sen and rng.random() < 0.3:
                scenario = TRANSPORT
            else:
                fitting, weights = by_age[age]
                scenario = rng.choices(fitting, weights=weights)[0]
            chosen = pick(rng, scenario.agencies, child, day, scenario.services, fallback=0.35 if attempt < 3 else 1.0)
            if chosen is not None:
                agency, service = chosen
                break
        group = [child]
        if scenario.siblings and rng.random() < scenario.siblings:
            siblings = [c for c in child.family.children if c is not child and 4 <= c.age_on(day) <= 17]
            if siblings:
                group.append(rng.choice(siblings))
        drafts.append(Draft(scenario.key, group, agency, dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC),
                            service=service))
    return drafts


_EVENING = [1, 1, 1, 1, 0.5, 0.3, 0.3, 0.5, 0.8, 1, 1, 1, 1, 1.2, 1.3, 1.5, 1.8, 2, 2.2, 2.4, 2.5, 2.5, 2.2, 1.6]


def set_times(rng: random.Random, draft: Draft) -> None:
    """Give the draft a realistic time of day for its agency, and the time it reached JoinedUp."""
    day = draft.occurred.date()
    kind = draft.agency.type
    minute = rng.randrange(60)
    if kind == "education":
        day = next_school_day(day)
        received = at_local(day, rng.randrange(8, 16), minute)
        occurred = received - dt.timedelta(minutes=rng.randrange(10, 300))
        if draft.scenario == "domestic_abuse":
            occurred = at_local(day - dt.timedelta(days=1), rng.randrange(18, 24), minute)
    elif kind in ("social_care", "housing"):
        if kind == "social_care" and rng.random() < 0.1:  # emergency duty team, any day
            occurred = at_local(day, rng.choice((18, 19, 20, 21, 22, 23)), minute)
            received = occurred + dt.timedelta(minutes=rng.randrange(30, 180))
        else:
            day = next_weekday(day)
            received = at_local(day, rng.randrange(9, 17), minute)
            occurred = received - dt.timedelta(hours=rng.randrange(1, 72))
    elif kind == "youth_service":
        day = next_weekday(day)
        occurred = at_local(day, rng.randrange(15, 22), minute)
        received = occurred + dt.timedelta(hours=rng.randrange(1, 60))
    elif kind == "health":
        hour = rng.randrange(24) if draft.service == "ae" else rng.randrange(8, 19)
        occurred = at_local(day, hour, minute)
        received = occurred + dt.timedelta(minutes=rng.randrange(20, 60 * 48))
    else:  # police and the public: any day, mostly evenings
        occurred = at_local(day, rng.choices(range(24), weights=_EVENING)[0], minute)
        delay = rng.randrange(10, 360) if kind == "police" else rng.randrange(60, 60 * 24 * 10)
        received = occurred + dt.timedelta(minutes=delay)
    draft.occurred = occurred
    draft.received = received.replace(second=rng.randrange(60))
    if kind == "education" and not is_school_day(local_date(draft.received)):
        draft.received = at_local(next_school_day(local_date(draft.received)), 9, rng.randrange(60))


_PUBLIC_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class SourceRefs:
    """Each agency's own concern references, issued in the order concerns reach it."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._seq: dict[str, int] = {}
        self._public: set[str] = set()

    def _next(self, key: str, lo: int, gap: int) -> int:
        value = self._seq.get(key, self.rng.randrange(lo, lo * 2)) + self.rng.randrange(1, gap)
        self._seq[key] = value
        return value

    def issue(self, agency: Agency, received: dt.datetime) -> str:
        year = local_date(received).year
        kind = agency.type
        if kind == "police":
            return f"NTP-{year}-{self._next(f'police{year}', 100, 40):06d}"
        if kind == "social_care":
            return f"CSC-{year}-{self._next(f'csc{year}', 10, 12):05d}"
        if kind == "education":
            return f"{agency.code}-{year}-{self._next(agency.code + str(year), 10, 4):04d}"
        if kind == "health":
            return f"NH-{self._next('health', 20_000_000, 500):08d}"
        if kind == "youth_service":
            return f"SHY-C{self._next('youth', 100, 3):05d}"
        if kind == "housing":
            return f"NTH-{year}-{self._next(f'housing{year}', 10, 20):05d}"
        while True:
            ref = "PR-" + "".join(self.rng.choice(_PUBLIC_ALPHABET) for _ in range(6))
            if ref not in self._public:
                self._public.add(ref)
                return ref
