"""Hidden exploitation networks: the ground truth a linkage and alerting feature should find.

Six shapes, after the patterns the inquiries describe: a group of men using cars and a taxi firm around a
takeaway; an adult "boyfriend" to several girls in turn; an online groomer with one handle across
platforms; an adult relative abusing children in the wider family; a landlord whose flat children are
taken to; men at a school gate. Each victim's concerns are spread over agencies and time, the first ones
carry only weak signals, and every entity is written differently each time.

Who the abusers are is drawn from the whole town's population mix: no characteristic of a person makes
them more or less likely to be an abuser in this simulation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sim import data, network_texts
from sim.agencies import Agency
from sim.content import Draft
from sim.world import Child, Entity, Town

KINDS = ("takeaway_group", "boyfriend", "online_groomer", "intra_familial", "landlord", "school_gate")

# (min victims, max victims, ages, share of girls, agencies by stage: weak, partial, strong)
_SHAPES = {
    "takeaway_group": (4, 8, (12, 16), 0.85, (
        {"school": 3, "police": 2, "health": 1, "public": 1, "youth": 1, "social_care": 1},
        {"police": 3, "youth": 2, "school": 2, "public": 2, "social_care": 1},
        {"police": 4, "social_care": 2, "health": 2, "youth": 2, "public": 1})),
    "boyfriend": (3, 5, (13, 16), 1.0, (
        {"school": 3, "health": 2, "youth": 1, "public": 1},
        {"school": 2, "police": 2, "youth": 2, "health": 1, "social_care": 1},
        {"police": 3, "health": 2, "social_care": 2, "school": 1})),
    "online_groomer": (3, 8, (11, 15), 0.65, (
        {"school": 3, "health": 1, "public": 1},
        {"school": 3, "public": 2, "police": 1, "youth": 1},
        {"police": 3, "school": 2, "social_care": 1, "public": 1})),
    "intra_familial": (3, 5, (5, 14), 0.6, (
        {"school": 4, "health": 2},
        {"school": 3, "health": 1, "social_care": 1, "public": 1},
        {"social_care": 3, "police": 3, "school": 1, "health": 1})),
    "landlord": (3, 7, (13, 17), 0.6, (
        {"police": 2, "school": 2, "youth": 2, "public": 1},
        {"youth": 2, "police": 2, "public": 2, "housing": 2},
        {"police": 3, "housing": 2, "social_care": 2, "youth": 1})),
    "school_gate": (3, 6, (12, 15), 0.8, (
        {"school": 5, "public": 1},
        {"school": 3, "public": 2, "police": 1},
        {"police": 3, "school": 2, "social_care": 1, "public": 1})),
}


@dataclasses.dataclass(eq=False)
class Network:
    nid: str
    kind: str
    start: dt.date
    end: dt.date
    people: list[Entity] = dataclasses.field(default_factory=list)
    vehicles: list[Entity] = dataclasses.field(default_factory=list)
    places: list[Entity] = dataclasses.field(default_factory=list)
    phones: list[Entity] = dataclasses.field(default_factory=list)
    accounts: list[Entity] = dataclasses.field(default_factory=list)
    victims: list[Child] = dataclasses.field(default_factory=list)
    school: str | None = None
    drafts: list[Draft] = dataclasses.field(default_factory=list)

    @property
    def entities(self) -> list[Entity]:
        return self.people + self.vehicles + self.places + self.phones + self.accounts

    def own(self, *entities: Entity | None) -> None:
        for e in entities:
            if e is not None:
                e.network = self.nid


def count_for(concerns: int) -> int:
    return max(3, round(concerns / 830))


class Planner:
    def __init__(self, rng: random.Random, town: Town, agencies: dict[str, Agency], pick_agency) -> None:
        self.rng = rng
        self.town = town
        self.agencies = agencies
        self.pick_agency = pick_agency  # (rng, weights, child, day) -> (Agency, service)
        self._takeaways = list(town.places["takeaway"])
        rng.shuffle(self._takeaways)

    def plan(self, n: int) -> list[Network]:
        kinds = list(KINDS)
        self.rng.shuffle(kinds)
        networks = []
        days = (self.town.end - self.town.start).days
        for i in range(n):
            kind = kinds[i % len(kinds)]
            for _ in range(10):  # a small town may not have enough children of the right age at first try
                start = self.town.start + dt.timedelta(days=self.rng.randrange(0, max(1, int(days * 0.6))))
                end = min(self.town.end - dt.timedelta(days=14), start + dt.timedelta(days=self.rng.randrange(240, 720)))
                net = Network(f"T-N-{len(networks) + 1:03d}", kind, start, end)
                getattr(self, f"_cast_{kind}")(net)
                if len(net.victims) >= 3:
                    break
            else:
                continue
            net.own(*net.entities)
            for child in net.victims:
                child.network = net.nid
            self._drafts(net)
            networks.append(net)
        return networks

    # -- the people and things of each shape ---------------------------------------------------------

    def _man(self, lo: int, hi: int, nickname: float = 0.5, phone: float = 0.6) -> Entity:
        man = self.town.adult("male", age=self.rng.randrange(lo, hi))
        if self.rng.random() < nickname:
            man.attrs["nickname"] = self.rng.choice(data.NICKNAMES_ADULT)
        if self.rng.random() < phone:
            man.attrs["phone"] = self.town.phone()
        return man

    def _cast_takeaway_group(self, net: Network) -> None:
        town, rng = self.town, self.rng
        takeaway = self._takeaways.pop() if self._takeaways else rng.choice(town.places["takeaway"])
        net.places.append(takeaway)
        if rng.random() < 0.6:
            net.places.append(rng.choice(town.places["hotel"]))
        net.people = [self._man(24, 50) for _ in range(rng.randrange(3, 6))]
        firm = rng.choice(data.TAXI_FIRMS)
        net.vehicles = [town.vehicle(firm=firm, model=("Toyota", "Prius") if rng.random() < 0.5 else None)]
        net.vehicles += [town.vehicle() for _ in range(rng.randrange(1, 3))]
        net.phones = [p["phone"] for p in net.people if p.get("phone")]
        self._victims(net)

    def _cast_boyfriend(self, net: Network) -> None:
        man = self._man(19, 28, nickname=0.3, phone=0.9)
        net.people = [man]
        net.vehicles = [self.town.vehicle()]
        net.phones = [man["phone"]] if man.get("phone") else []
        address = self.town.new_address()
        net.places = [self.town.place("", "flat", address.street, address=address.line)]
        self._victims(net, sequential=True)

    def _cast_online_groomer(self, net: Network) -> None:
        man = self._man(20, 45, nickname=0.0, phone=0.5)
        man.attrs["nickname"] = self.rng.choice(("Jay", "Kai", "Leo", "Zak", "Tom", "Ash"))
        man.attrs["claimed_age"] = self.rng.randrange(14, 18)
        net.people = [man]
        net.accounts = [self.town.account(platforms=self.rng.randrange(2, 4))]
        net.phones = [man["phone"]] if man.get("phone") else []
        self._victims(net)

    def _cast_intra_familial(self, net: Network) -> None:
        rng, town = self.rng, self.town
        for _ in range(200):
            family = rng.choice(town.families)
            kids = [c for c in family.children if self._eligible(c, net, (5, 14), 0.5)]
            if kids:
                break
        else:
            return
        uncle = town.adult("male", family.heritage, family.surname if rng.random() < 0.5 else None,
                           age=rng.randrange(30, 65), ethnicity=family.ethnicity)
        uncle.attrs["nickname"] = rng.choice((f"Uncle {uncle['given_name']}", f"Grandad {uncle['given_name']}",
                                              f"Uncle {uncle['given_name'][0]}"))
        net.people = [uncle]
        address = town.new_address()
        net.places = [town.place("", "house", address.street, address=address.line)]
        if rng.random() < 0.5:
            net.vehicles = [town.vehicle()]
        net.victims = kids[:3]
        want = rng.randrange(3, 6)
        for attempt in range(600):  # cousins: children of other households in the same wider family
            if len(net.victims) >= want:
                break
            other = rng.choice(town.families)
            if other.heritage != family.heritage and attempt < 400:
                continue
            for c in other.children:
                if c not in net.victims and self._eligible(c, net, (5, 14), 0.5):
                    net.victims.append(c)

    def _cast_landlord(self, net: Network) -> None:
        town, rng = self.town, self.rng
        landlord = self._man(35, 62, nickname=0.3, phone=0.9)
        net.people = [landlord] + [self._man(20, 35) for _ in range(rng.randrange(0, 3))]
        address = town.new_address()
        flat = address.flat or f"Flat {rng.randrange(1, 9)}"
        net.places = [town.place("", "flat", address.street, address=f"{flat}, {address.house} {address.street}")]
        net.vehicles = [town.vehicle()] if rng.random() < 0.6 else []
        net.phones = [p["phone"] for p in net.people if p.get("phone")]
        self._victims(net)

    def _cast_school_gate(self, net: Network) -> None:
        town, rng = self.town, self.rng
        schools = [s[0] for s in data.SCHOOLS if s[3] and s[2] == "secondary"]
        net.school = rng.choice(schools)
        school = town.school_place(net.school)
        net.places = [town.place(rng.choice(("the school gates", f"{net.school} gates", "the school gate")), "school_gate",
                                 school["street"])]
        net.people = [self._man(20, 40) for _ in range(rng.randrange(2, 4))]
        firm = rng.choice(data.TAXI_FIRMS) if rng.random() < 0.4 else ""
        net.vehicles = [town.vehicle(firm=firm)] + ([town.vehicle()] if rng.random() < 0.5 else [])
        net.phones = [p["phone"] for p in net.people if p.get("phone")]
        self._victims(net)

    # -- victims and their concerns -------------------------------------------------------------------

    def _eligible(self, child: Child, net: Network, ages: tuple[int, int], girls: float) -> bool:
        if child.network is not None:
            return False
        age = child.age_on(net.start)
        if not ages[0] <= age <= ages[1]:
            return False
        window = child.window(self.town.start, self.town.end)
        if window is None or window[1] < net.start + dt.timedelta(days=90):
            return False
        if net.school and child.school_on(net.start + dt.timedelta(days=30)) != net.school:
            return False
        share = girls if child.sex == "female" else 1 - girls
        return self.rng.random() < share * min(1.0, 0.3 + child.weight / 4)

    def _victims(self, net: Network, sequential: bool = False) -> None:
        lo, hi, ages, girls, _ = _SHAPES[net.kind]
        want = self.rng.randrange(lo, hi + 1)
        for _ in range(20000):
            if len(net.victims) >= want:
                break
            child = self.rng.choice(self.town.children)
            if child not in net.victims and self._eligible(child, net, ages, girls):
                net.victims.append(child)

    def _drafts(self, net: Network) -> None:
        rng = self.rng
        stages_by_agency = _SHAPES[net.kind][4]
        span = max(30, (net.end - net.start).days)
        for i, child in enumerate(net.victims):
            if net.kind == "boyfriend":  # one girl after another
                entry = net.start + dt.timedelta(days=int(span * i / len(net.victims)) + rng.randrange(0, 30))
            else:
                entry = net.start + dt.timedelta(days=rng.randrange(0, max(1, span - 30)))
            window = child.window(self.town.start, self.town.end)
            assert window is not None
            n = rng.choices((2, 3, 4, 5, 6), weights=(3, 4, 3, 2, 1))[0]
            day, stage = entry, 0 if rng.random() < 0.75 else 1
            for k in range(n):
                if day > window[1]:
                    break
                if k == n - 1 and stage == 0 and rng.random() < 0.8:
                    stage = 1
                services = network_texts.SERVICES.get((net.kind, stage), ("gp",))
                agency, service = self.pick_agency(rng, stages_by_agency[stage], child, day, services)
                children = [child]
                if net.kind == "intra_familial" and stage == 2 and rng.random() < 0.4:
                    siblings = [c for c in net.victims if c is not child and c.family is child.family]
                    children += siblings[:1]
                net.drafts.append(Draft(f"network:{net.kind}", children, agency, _noon(day), service=service,
                                        network=net, stage=stage))
                day += dt.timedelta(days=rng.randrange(5, 75))
                stage = min(2, stage + (1 if rng.random() < 0.55 else 0))
        if len({d.agency.name for d in net.drafts}) < 2 and net.drafts:
            net.drafts[-1].agency = self.agencies["police"]
            net.drafts[-1].service = ""


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
