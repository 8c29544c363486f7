"""The agencies of Northtown: what each knows about a child, how it writes it down, its own references
for children and concerns, and who in it reports.

Each agency keeps a stable `ref` per child and a record of how it first wrote the child's details (its
"profile"): repeat concerns from the same agency mostly repeat that record, while different agencies
disagree. Police officers, public reporters and A&E re-type details every time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import string

from sim import data, noise
from sim.world import Address, Child, Town


@dataclasses.dataclass(frozen=True)
class Style:
    """Probabilities that an agency records each detail (and gets it wrong)."""

    ref: str | None  # reference format for children, or None (the public)
    variant: float = 0.05  # writes a nickname or other form of the given name
    typo_given: float = 0.02
    typo_family: float = 0.02
    family: float = 1.0
    dob: float = 0.97
    dob_error: float = 0.01
    age: float = 0.5  # approx_age when there is no dob
    sex: float = 0.95
    ethnicity: float = 0.8
    ethnicity_style: str = "plain"
    address: float = 0.9
    postcode: float = 0.9
    postcode_error: float = 0.02
    school: float = 0.4
    nhs: float = 0.0
    upn: float = 0.0
    la_id: float = 0.0
    fresh: float = 0.05  # re-typed for each concern instead of reusing the agency's record
    duplicate: float = 0.005  # creates a second reference for a child it already knows
    middle: float = 0.05
    updates_address: bool = True


STYLES = {
    "police": Style("P-{:05d}", variant=0.18, typo_given=0.06, typo_family=0.07, dob=0.78, dob_error=0.06,
                    age=0.6, ethnicity=0.55, address=0.7, postcode=0.55, postcode_error=0.06, school=0.3,
                    fresh=0.35, duplicate=0.03, middle=0.02, updates_address=False),
    "social_care": Style("CS{:06d}", variant=0.03, dob=0.98, ethnicity=0.9, ethnicity_style="census",
                         school=0.6, nhs=0.45, upn=0.15, la_id=1.0, duplicate=0.008, middle=0.2),
    "education": Style("{code}-{:04d}", variant=0.06, dob=0.99, ethnicity=0.9, ethnicity_style="dfe",
                       school=0.3, upn=0.93, la_id=0.1, nhs=0.03, duplicate=0.006, middle=0.15),
    "health": Style("H{:07d}", variant=0.08, typo_given=0.03, typo_family=0.03, dob=0.96, dob_error=0.02,
                    ethnicity=0.7, school=0.25, nhs=0.88, fresh=0.12, duplicate=0.01, middle=0.1),
    "sexual_health": Style("GUM-{:05d}", variant=0.3, typo_family=0.05, family=0.5, dob=0.9, dob_error=0.04,
                           ethnicity=0.5, address=0.15, postcode=0.6, school=0.1, nhs=0.2, fresh=0.1,
                           duplicate=0.08, middle=0.0, updates_address=False),
    "youth_service": Style("SHY-{:04d}", variant=0.35, typo_given=0.04, typo_family=0.06, family=0.8, dob=0.45,
                           dob_error=0.05, age=0.8, sex=0.85, ethnicity=0.4, address=0.25, postcode=0.3,
                           school=0.45, fresh=0.15, duplicate=0.04, middle=0.0, updates_address=False),
    "housing": Style("TEN-{:05d}", variant=0.05, dob=0.7, dob_error=0.03, age=0.7, ethnicity=0.3, address=1.0,
                     postcode=1.0, school=0.1, fresh=0.05, duplicate=0.02, middle=0.0),
    "public": Style(None, variant=0.3, typo_given=0.08, typo_family=0.1, family=0.35, dob=0.04, dob_error=0.1,
                    age=0.6, sex=0.6, ethnicity=0.05, address=0.25, postcode=0.05, postcode_error=0.1,
                    school=0.35, fresh=1.0, middle=0.0, updates_address=False),
}


@dataclasses.dataclass
class Agency:
    key: str
    name: str
    type: str
    style: str
    code: str = ""  # schools: the short code in their references

    @property
    def is_school(self) -> bool:
        return self.type == "education"


def make_agencies() -> dict[str, Agency]:
    agencies = {
        "police": Agency("police", "Northtown Police", "police", "police"),
        "social_care": Agency("social_care", "Northtown Children's Social Care", "social_care", "social_care"),
        "health": Agency("health", "Northtown Health", "health", "health"),
        "youth": Agency("youth", "Safe Harbour Youth Project", "youth_service", "youth_service"),
        "public": Agency("public", "Public reporting", "public", "public"),
        "housing": Agency("housing", "Northtown Housing", "housing", "housing"),
    }
    for name, code, _, is_agency in data.SCHOOLS:
        if is_agency:
            agencies[name] = Agency(name, name, "education", "education", code)
    return agencies


_STAFF_ROLES = {
    "police": ("response officer", "neighbourhood officer", "missing persons coordinator", "detective constable",
               "PCSO"),
    "social_care": ("social worker", "MASH social worker", "emergency duty team", "family support worker",
                    "team manager"),
    "education": ("designated safeguarding lead", "deputy DSL", "class teacher", "head of year",
                  "attendance officer", "learning mentor"),
    "youth_service": ("youth worker", "detached youth worker", "project manager"),
    "housing": ("housing officer", "tenancy enforcement officer", "estate caretaker"),
}
_HEALTH_ROLES = {
    "gp": ("GP", "practice nurse"), "ae": ("A&E nurse", "emergency department doctor"),
    "sexual_health": ("sexual health nurse", "sexual health doctor"), "community": ("school nurse", "health visitor"),
    "camhs": ("CAMHS practitioner", "CAMHS nurse"),
}
_PUBLIC_ROLES = ("neighbour", "parent", "member of the public", "relative", "community group volunteer",
                 "shop worker", "friend's parent")


class Describer:
    """Writes children and reporters as each agency would, remembering each agency's own records."""

    def __init__(self, rng: random.Random, town: Town) -> None:
        self.rng = rng
        self.town = town
        self.refs: dict[tuple[str, str, str], list[str]] = {}
        self.profiles: dict[tuple[str, str], dict] = {}
        self._counters: dict[str, int] = {}
        self._staff: dict[str, list[dict]] = {}
        self.duplicates = 0

    # -- children ---------------------------------------------------------------------------------

    def describe(self, agency: Agency, child: Child, day: dt.date, service: str = "") -> dict:
        style_key = "sexual_health" if service == "sexual_health" else agency.style
        style = STYLES[style_key]
        if agency.type == "social_care" and child.la_id is None:
            child.la_id = f"{4_100_000 + self._next('la_id', 7):07d}"
        if style.ref is None:
            return self._finish(self._render(style, child, day), child, day, public=True)
        refs = self.refs.setdefault((agency.name, style_key, child.cid), [])
        if not refs or self.rng.random() < style.duplicate:
            if refs:
                self.duplicates += 1
            refs.append(self._new_ref(agency, style))
        ref = refs[0] if len(refs) == 1 or self.rng.random() < 0.5 else self.rng.choice(refs)
        key = (agency.name, ref)
        profile = self.profiles.get(key)
        moved = profile is not None and profile["_address"] is not child.family.address_on(day)
        if profile is None or self.rng.random() < style.fresh or (moved and style.updates_address):
            profile = self.profiles[key] = self._render(style, child, day)
        return self._finish({"ref": ref, **profile}, child, day, public=False)

    def _finish(self, profile: dict, child: Child, day: dt.date, public: bool) -> dict:
        """The agency's record as it reads on `day`: the age and school move on, the rest stays."""
        out = {k: v for k, v in profile.items() if not k.startswith("_")}
        if "approx_age" in out:
            out["approx_age"] = child.age_on(day)
            if public and self.rng.random() < 0.5:
                out["approx_age"] = max(4, out["approx_age"] + self.rng.choice((-1, 1)))
        if "_school_short" in profile:
            school = child.school_on(day)
            if school:
                short = profile["_school_short"]
                out["school"] = self.rng.choice(data.SCHOOL_SHORT_FORMS.get(school, (school,))) if short else school
        return out

    def _new_ref(self, agency: Agency, style: Style) -> str:
        assert style.ref is not None
        n = self._next(f"ref:{agency.name}:{style.ref}", 9)
        return style.ref.format(n + 1000, code=agency.code)

    def _next(self, counter: str, gap: int) -> int:
        value = self._counters.get(counter, self.rng.randrange(100, 900)) + self.rng.randrange(1, gap + 1)
        self._counters[counter] = value
        return value

    def _render(self, style: Style, child: Child, day: dt.date) -> dict:
        rng = self.rng
        address = child.family.address_on(day)
        out: dict = {"_address": address}
        self._names(style, child, out)
        if rng.random() < style.dob:
            dob = noise.dob_error(rng, child.dob) if rng.random() < style.dob_error else child.dob
            out["dob"] = dob.isoformat()
        elif rng.random() < style.age:
            out["approx_age"] = child.age_on(day)
        if rng.random() < style.sex:
            out["sex"] = child.sex
        self._ethnicity(style, child, out)
        self._address(style, address, out)
        for field, p, value in (("nhs_number", style.nhs, child.nhs_number), ("upn", style.upn, child.upn),
                                ("la_id", style.la_id, child.la_id)):
            if value and rng.random() < p:
                out[field] = _format_id(rng, field, value)
        if rng.random() < style.school:
            out["_school_short"] = style.ref is None or rng.random() < 0.35
        return out

    def _names(self, style: Style, child: Child, out: dict) -> None:
        rng = self.rng
        given = child.given
        if style.middle and child.middle and rng.random() < style.middle:
            given = f"{given} {child.middle}"
        elif rng.random() < style.variant:
            given = noise.given_variant(rng, child.given)
        if rng.random() < style.typo_given:
            given = noise.typo(rng, given)
        out["given_name"] = given
        if rng.random() < style.family:
            family = child.family_name
            if "-" in family and rng.random() < 0.3:
                family = family.split("-")[0]
            out["family_name"] = noise.typo(rng, family) if rng.random() < style.typo_family else family

    def _address(self, style: Style, address: Address, out: dict) -> None:
        rng = self.rng
        if rng.random() < style.address:
            if style.ref is None:
                out["address"] = f"lives on {address.street}" if rng.random() < 0.7 else f"{address.street} area"
            else:
                out["address"] = noise.format_address(rng, address.house, address.street, address.flat, address.postcode)
        if rng.random() < style.postcode:
            pc = noise.postcode_typo(rng, address.postcode) if rng.random() < style.postcode_error else address.postcode
            out["postcode"] = noise.format_postcode(rng, pc)

    def _ethnicity(self, style: Style, child: Child, out: dict) -> None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.04:
            out["ethnicity"] = "not_stated"
        elif roll < style.ethnicity:
            value = child.ethnicity
            if style.ethnicity_style == "dfe" and rng.random() < 0.5:
                value = data.DFE_CODES.get(value, value)
            elif style.ethnicity_style == "census":
                value = data.CENSUS_LABELS.get(value, value)
            out["ethnicity"] = value
        elif rng.random() < 0.5:
            out["ethnicity"] = "not_recorded"

    # -- reporters --------------------------------------------------------------------------------

    def reporter(self, agency: Agency, service: str = "", specialist: bool = False) -> dict | None:
        rng = self.rng
        if specialist and agency.type == "police":
            service = "cse"
        if agency.type == "public":
            if rng.random() < 0.55:
                return None
            out = {"role": rng.choice(_PUBLIC_ROLES)}
            if rng.random() < 0.4:
                out["name"] = rng.choice(("Anonymous", rng.choice(data.ADULT_NAMES["white_british"]["female"]),
                                          f"{rng.choice(string.ascii_uppercase)}. {rng.choice(data.SURNAMES)}"))
            return out
        pool_key = f"{agency.name}:{service}"
        staff = self._staff.get(pool_key)
        if staff is None:
            staff = self._staff[pool_key] = [self._staff_member(agency, service) for _ in range(rng.randrange(3, 9))]
        return dict(rng.choice(staff))

    def _staff_member(self, agency: Agency, service: str) -> dict:
        rng = self.rng
        surname = rng.choice(data.SURNAMES)
        initial = rng.choice("ABCDEFGHJKLMNPRSTW")
        if agency.type == "health":
            role = rng.choice(_HEALTH_ROLES.get(service or "gp", _HEALTH_ROLES["gp"]))
            name = f"Dr {initial}. {surname}" if "doctor" in role or role == "GP" else f"{initial}. {surname}"
            return {"name": name, "role": role}
        role = "CSE team detective" if service == "cse" else rng.choice(_STAFF_ROLES[agency.type])
        if agency.type == "police":
            rank = {"detective constable": "DC", "PCSO": "PCSO", "CSE team detective": "DC"}.get(role, "PC")
            return {"name": f"{rank} {initial}. {surname}", "role": role}
        if agency.type == "education" and rng.random() < 0.5:
            return {"name": f"{rng.choice(('Mrs', 'Mr', 'Ms', 'Miss'))} {surname}", "role": role}
        first = rng.choice(data.ADULT_NAMES[rng.choice(("white_british", "white_british", "pakistani", "indian"))][rng.choice(("female", "male"))])
        return {"name": f"{first} {surname}", "role": role}


def _format_id(rng: random.Random, field: str, value: str) -> str:
    if field == "nhs_number" and rng.random() < 0.35:
        return f"{value[:3]} {value[3:6]} {value[6:]}"
    if field == "upn" and rng.random() < 0.1:
        return value.lower()
    return value
