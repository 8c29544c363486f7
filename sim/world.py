"""The true state of Northtown: families, children, carers, streets, schools, places, vehicles, phones and
online accounts. Nothing here is what an agency writes; `sim.agencies` and `sim.mentions` render it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random
from typing import Any

from sim import data, noise
from sim.timeutil import add_years, age_on


@dataclasses.dataclass(eq=False)
class Entity:
    """A person (other than a child), vehicle, phone, place or online account. `eid` is given when it is
    first mentioned, so the truth file lists only entities that appear."""

    kind: str
    attrs: dict[str, Any]
    network: str | None = None
    eid: str | None = None

    def __getitem__(self, key: str) -> Any:
        return self.attrs[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)


@dataclasses.dataclass(eq=False)
class Address:
    house: str
    street: str
    postcode: str
    flat: str | None = None
    home: Entity | None = None

    @property
    def line(self) -> str:
        base = f"{self.house} {self.street}"
        return f"{self.flat}, {base}" if self.flat else base


@dataclasses.dataclass(eq=False)
class Family:
    fid: str
    surname: str
    heritage: str
    ethnicity: str
    moves: list[tuple[dt.date, Address]]
    primary: str
    secondary: str
    carers: list[Entity] = dataclasses.field(default_factory=list)
    children: list[Child] = dataclasses.field(default_factory=list)

    def address_on(self, day: dt.date) -> Address:
        current = self.moves[0][1]
        for since, address in self.moves:
            if since <= day:
                current = address
        return current


@dataclasses.dataclass(eq=False)
class Child:
    cid: str
    given: str
    family_name: str
    dob: dt.date
    sex: str
    ethnicity: str
    family: Family
    nhs_number: str
    upn: str
    weight: float  # how much the family is known to services (a long tail, capped at MAX_WEIGHT)
    sen: bool = False
    middle: str = ""
    twin: Child | None = None
    la_id: str | None = None
    phone: Entity | None = None
    account: Entity | None = None
    transport: Entity | None = None
    network: str | None = None

    def age_on(self, day: dt.date) -> int:
        return age_on(self.dob, day)

    def school_on(self, day: dt.date) -> str | None:
        """The school the child attends on `day` (by school year: age on the 31 August before)."""
        year_start = dt.date(day.year if day.month >= 9 else day.year - 1, 8, 31)
        age = age_on(self.dob, year_start)
        if age < 4:
            return None
        if self.sen:
            return data.SPECIAL_SCHOOL if age < 16 else data.COLLEGE
        if age <= 10:
            return self.family.primary
        if age <= 15:
            return self.family.secondary
        return data.COLLEGE

    def window(self, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date] | None:
        """The days within [start, end) on which the child is aged 4 to 17."""
        lo = max(start, add_years(self.dob, 4))
        hi = min(end, add_years(self.dob, 18) - dt.timedelta(days=1))
        return (lo, hi) if lo < hi else None


def nhs_number(rng: random.Random) -> str:
    """A 10-digit NHS number with a valid modulus-11 check digit, starting 999 (a test range)."""
    while True:
        digits = [9, 9, 9] + [rng.randrange(10) for _ in range(6)]
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)


_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
# A child's share of the everyday concerns is weight / total weight. Uncapped, one draw from the long tail
# in a 100,000-concern town gave one child 4,420 concerns in 4 years (three a day); capped, the most
# reported child has about 200 (one a week), as a child missing from home week after week would.
MAX_WEIGHT = 100.0


def upn(rng: random.Random, serial: int, year: int) -> str:
    """A unique pupil number: check letter, local-authority code 999 (not a real authority), school,
    year of issue and serial, with the DfE check letter."""
    body = f"999{rng.randrange(2000, 7000):04d}{year % 100:02d}{serial % 1000:03d}"
    total = sum(int(ch) * w for ch, w in zip(body, range(2, 14), strict=True))
    return _UPN_LETTERS[total % 23] + body


def _variant_of_any(name: str, names: set[str]) -> bool:
    """Siblings are not given two forms of one name (Mohammed and Muhammad)."""
    return any(v in names for v in data.GIVEN_VARIANTS.get(name, ())) or any(
        name in data.GIVEN_VARIANTS.get(other, ()) for other in names)


class Registry:
    """Hands out truth ids to entities as they are first mentioned."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []

    def eid(self, entity: Entity) -> str:
        if entity.eid is None:
            entity.eid = f"T-E-{len(self.entities) + 1:05d}"
            self.entities.append(entity)
        return entity.eid


class Town:
    """The population and the fixed places of one generated town."""

    def __init__(self, rng: random.Random, n_children: int, start: dt.date, end: dt.date) -> None:
        self.rng = rng
        self.start, self.end = start, end
        self.registry = Registry()
        self._streets = self._make_streets()
        self._phones = [f"07700 900{n:03d}" for n in range(1000)]
        rng.shuffle(self._phones)
        self._handles: set[str] = set()
        self._adult_ids = itertools.count(1)
        self.families: list[Family] = []
        self.children: list[Child] = []
        self._make_population(n_children)
        self.places = self._make_places()
        self.transport = [self.vehicle(firm=data.SCHOOL_TRANSPORT_FIRM, model=("Ford", "Transit minibus"), colour="white")
                          for _ in range(max(3, n_children // 600))]
        for child in self.children:
            if child.sen:
                child.transport = rng.choice(self.transport)
        n_prof = max(8, n_children // 120)
        self.professionals = [self._professional() for _ in range(n_prof)]

    # -- streets and addresses --------------------------------------------------------------------

    def _make_streets(self) -> list[tuple[str, int, list[str], str | None]]:
        rng, used, streets = self.rng, set(), []

        def postcode(district: int) -> str:
            while True:
                pc = f"NT{district} {rng.randrange(1, 10)}{rng.choice(data.POSTCODE_LETTERS)}{rng.choice(data.POSTCODE_LETTERS)}"
                if pc not in used:
                    used.add(pc)
                    return pc

        for street in data.STREETS:
            district = rng.randrange(1, 10)
            streets.append((street, district, [postcode(district) for _ in range(rng.randrange(1, 4))], None))
        for block, street in data.FLAT_BLOCKS:
            district = rng.randrange(1, 10)
            streets.append((street, district, [postcode(district)], block))
        return streets

    def new_address(self) -> Address:
        street, _, postcodes, block = self.rng.choice(self._streets)
        if block:
            return Address(block, street, postcodes[0], flat=f"Flat {self.rng.randrange(1, 60)}")
        house = str(self.rng.randrange(1, 140))
        flat = f"Flat {self.rng.randrange(1, 6)}" if self.rng.random() < 0.08 else None
        return Address(house, street, self.rng.choice(postcodes), flat=flat)

    def street_postcode(self, street: str) -> str:
        for name, _, postcodes, _ in self._streets:
            if name == street:
                return postcodes[0]
        return self._streets[0][2][0]

    # -- people -----------------------------------------------------------------------------------

    def _heritage(self) -> tuple[str, str]:
        keys = [h[0] for h in data.HERITAGES]
        key = self.rng.choices(keys, weights=[h[1] for h in data.HERITAGES])[0]
        ethnicities = dict((h[0], h[2]) for h in data.HERITAGES)[key]
        return key, self.rng.choice(ethnicities)

    def adult(self, sex: str, heritage: str | None = None, family_name: str | None = None,
              age: int | None = None, ethnicity: str | None = None) -> Entity:
        rng = self.rng
        if heritage is None:
            heritage, ethnicity = self._heritage()
        given = rng.choice(data.ADULT_NAMES[heritage][sex])
        age = age if age is not None else rng.randrange(22, 55)
        dob = dt.date(self.start.year - age, rng.randrange(1, 13), rng.randrange(1, 29))
        return Entity("person", {
            "given_name": given, "family_name": family_name or rng.choice(data.SURNAMES), "sex": sex,
            "dob": dob, "ethnicity": ethnicity or "", "heritage": heritage,
            "description": rng.choice(data.DESCRIPTIONS) if sex == "male" else "",
        })

    def _professional(self) -> Entity:
        role, org = self.rng.choice(data.PROFESSIONAL_ROLES)
        person = self.adult(self.rng.choice(("female", "female", "male")))
        person.attrs.update(role_title=role, organisation=org)
        return person

    def _child_names(self, heritage: str, sex: str, taken: set[str]) -> str:
        pool = data.CHILD_NAMES[heritage][sex]
        if heritage == "mixed" and self.rng.random() < 0.5:
            pool = data.CHILD_NAMES["white_british"][sex]
        for _ in range(20):
            name = self.rng.choice(pool)
            if name not in taken and not _variant_of_any(name, taken):
                return name
        return self.rng.choice(data.CHILD_NAMES["white_british"][sex])

    def _make_population(self, n_children: int) -> None:
        rng = self.rng
        mid = self.start + dt.timedelta(days=(self.end - self.start).days // 2)
        primaries = [s[0] for s in data.SCHOOLS if s[2] == "primary"]
        secondaries = [s[0] for s in data.SCHOOLS if s[2] == "secondary"]
        ages = list(range(2, 20))
        age_weights = [0.5, 0.8, 1, 1, 1, 1, 1, 1, 1.1, 1.3, 1.5, 1.7, 1.8, 1.8, 1.7, 1.5, 1.0, 0.4]
        while len(self.children) < n_children:
            heritage, ethnicity = self._heritage()
            address = self.new_address()
            moves = [(self.start - dt.timedelta(days=3650), address)]
            if rng.random() < 0.07:
                moves.append((self.start + dt.timedelta(days=rng.randrange((self.end - self.start).days)), self.new_address()))
            family = Family(
                fid=f"T-F-{len(self.families) + 1:05d}", surname=rng.choice(data.SURNAMES), heritage=heritage,
                ethnicity=ethnicity, moves=moves,
                primary=rng.choices(primaries, weights=[3, 3, 2, 1.5, 1.5][: len(primaries)])[0],
                secondary=rng.choices(secondaries, weights=[4.5, 4, 1.5][: len(secondaries)])[0],
            )
            if rng.random() < 0.04:  # a double-barrelled name
                family.surname = f"{family.surname}-{rng.choice(data.SURNAMES)}"
            self.families.append(family)
            size = rng.choices((1, 2, 3, 4, 5), weights=(40, 34, 17, 7, 2))[0]
            eldest_age = rng.choices(ages, weights=age_weights)[0]
            age = eldest_age
            taken: set[str] = set()
            twins_left = 0
            for i in range(size):
                if twins_left:
                    self._add_twin(family, taken)
                    twins_left = 0
                    continue
                if i:
                    age -= rng.randrange(1, 5)
                if age < 0:
                    break
                sex = rng.choice(("female", "male"))
                dob = add_years(mid, -age) - dt.timedelta(days=rng.randrange(365))
                self._new_child(family, rng, self._child_names(heritage, sex, taken), sex, dob, taken)
                if i + 1 < size and rng.random() < 0.06:
                    twins_left = 1
            self._make_carers(family, eldest_age)

    def _new_child(self, family: Family, rng: random.Random, given: str, sex: str, dob: dt.date, taken: set[str]) -> Child:
        taken.add(given)
        n = len(self.children) + 1
        child = Child(
            cid=f"T-C-{n:05d}", given=given, family_name=family.surname, dob=dob, sex=sex,
            ethnicity=family.ethnicity, family=family, nhs_number=nhs_number(rng),
            upn=upn(rng, n, dob.year + 5), weight=min(MAX_WEIGHT, rng.paretovariate(1.6)), sen=rng.random() < 0.03,
        )
        if rng.random() < 0.3:
            child.middle = self._child_names(family.heritage, sex, taken | {given})
        if family.children and family.children[-1].sen and rng.random() < 0.3:
            child.sen = True
        family.children.append(child)
        self.children.append(child)
        return child

    def _add_twin(self, family: Family, taken: set[str]) -> None:
        """A twin of the last child: same date of birth, address and school; sometimes a similar name."""
        rng = self.rng
        first = family.children[-1]
        same_sex = rng.random() < 0.6
        sex = first.sex if same_sex else ("male" if first.sex == "female" else "female")
        given = ""
        if same_sex and family.heritage in ("white_british", "mixed", "black_caribbean") and rng.random() < 0.4:
            a, b = rng.choice(data.SIMILAR_TWIN_NAMES[sex])
            if a not in taken and b not in taken:
                taken.discard(first.given)
                first.given, given = a, b
                taken.add(a)
        twin = self._new_child(family, rng, given or self._child_names(family.heritage, sex, taken), sex, first.dob, taken)
        twin.sen = first.sen
        twin.twin, first.twin = first, twin

    def _make_carers(self, family: Family, eldest_age: int) -> None:
        rng = self.rng
        mum_age = eldest_age + rng.randrange(18, 36)
        if rng.random() < 0.93:
            name = family.surname if rng.random() < 0.7 else rng.choice(data.SURNAMES)
            family.carers.append(self.adult("female", family.heritage, name, mum_age, family.ethnicity))
        if rng.random() < 0.65 or not family.carers:
            name = family.surname if rng.random() < 0.8 else rng.choice(data.SURNAMES)
            family.carers.append(self.adult("male", family.heritage, name, mum_age + rng.randrange(-3, 8), family.ethnicity))
        for carer in family.carers:
            carer.attrs["family"] = family

    # -- things -----------------------------------------------------------------------------------

    def _make_places(self) -> dict[str, list[Entity]]:
        places: dict[str, list[Entity]] = {"public": [], "takeaway": [], "hotel": [], "school": []}
        for name, venue, street in data.PUBLIC_PLACES:
            places["public"].append(self.place(name, venue, street))
        for name in data.TAKEAWAYS:
            places["takeaway"].append(self.place(name, "takeaway", self.rng.choice(data.STREETS)))
        for name in data.HOTELS:
            places["hotel"].append(self.place(name, "hotel", self.rng.choice(data.STREETS)))
        for name, *_ in data.SCHOOLS:
            places["school"].append(self.place(name, "school_gate", self.rng.choice(data.STREETS)))
        for name in (data.COLLEGE, data.SPECIAL_SCHOOL):
            places["school"].append(self.place(name, "school_gate", self.rng.choice(data.STREETS)))
        return places

    def place(self, name: str, venue: str, street: str, address: str = "") -> Entity:
        return Entity("place", {"name": name, "venue_type": venue, "street": street, "address": address,
                                "postcode": self.street_postcode(street)})

    def school_place(self, school: str) -> Entity:
        return next(p for p in self.places["school"] if p["name"] == school)

    def home(self, address: Address) -> Entity:
        if address.home is None:
            address.home = Entity("place", {"name": "", "venue_type": "flat" if address.flat else "home",
                                            "street": address.street, "address": address.line,
                                            "postcode": address.postcode})
        return address.home

    def vehicle(self, firm: str = "", model: tuple[str, str] | None = None, colour: str | None = None) -> Entity:
        make, model_name = model or self.rng.choice(data.VEHICLES)
        return Entity("vehicle", {"plate": noise.plate(self.rng), "make": make, "model": model_name,
                                  "colour": colour or self.rng.choice(data.COLOURS), "taxi_firm": firm})

    def phone(self) -> Entity | None:
        """A new phone from Ofcom's drama range, or None once all 1,000 numbers are in use."""
        if not self._phones:
            return None
        return Entity("phone", {"number": self._phones.pop()})

    def account(self, platforms: int = 1) -> Entity:
        rng = self.rng
        for attempt in range(1000):
            a, b, c = (rng.choice(part) for part in data.HANDLE_PARTS)
            handle = f"{a}{b}{c}".replace("__", "_").lower()
            if attempt > 20:  # the simple combinations are used up in a big town
                handle += str(rng.randrange(10, 10000))
            if handle not in self._handles:
                self._handles.add(handle)
                break
        return Entity("online", {"handle": handle, "platforms": rng.sample(sorted(data.PLATFORMS), platforms)})
