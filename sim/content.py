"""Writing one concern: the summary, the child's own words, categories, indicators and mentions, with
the truth behind every mention. Scenario functions (`sim.background`, `sim.networks`) drive a `Ctx`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from typing import Any

from sim import mentions
from sim.agencies import Agency
from sim.timeutil import local_date, local_hhmm
from sim.world import Child, Entity, Town


@dataclasses.dataclass(eq=False)
class Draft:
    """A concern to be written: which children, which agency, when, and why (the scenario)."""

    scenario: str
    children: list[Child]
    agency: Agency
    occurred: dt.datetime
    received: dt.datetime = None  # type: ignore[assignment]
    service: str = ""
    network: Any = None  # sim.networks.Network
    stage: int = 0
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)
    source_ref: str = ""


VICTIM_BLAMING = re.compile(
    r"putting (?:her|him|them)sel(?:f|ves) at risk|sexually active|making (?:\w+ )?(?:own )?choices|lifestyle choices?|"
    r"out of control|keeps going missing|associating with|boyfriend|in a relationship|drunk and disorderly|"
    r"\brunner\b|involved in crime|promiscuous|consensual",
    re.IGNORECASE,
)

_BLAMING_WORDS = ("risk", "sexually", "choice", "control", "missing", "associat", "boyfriend", "relationship",
                  "disorderly", "runner", "crime", "promiscuous", "consensual")

_PRONOUNS = {
    "female": {"s": "she", "o": "her", "p": "her", "self": "herself"},
    "male": {"s": "he", "o": "him", "p": "his", "self": "himself"},
    "plural": {"s": "they", "o": "them", "p": "their", "self": "themselves"},
}


class Ctx:
    def __init__(self, rng: random.Random, town: Town, draft: Draft, written: list[dict]) -> None:
        self.rng = rng
        self.town = town
        self.draft = draft
        self.agency = draft.agency
        self.child = draft.children[0]
        self.day = local_date(draft.occurred)
        self.plural = len(draft.children) > 1
        self.summary: list[str] = []
        self.child_words: str | None = None
        self.categories: list[str] = []
        self.indicators: list[str] = []
        self.mentions: list[dict] = []
        self.truth: list[str | None] = []
        self.identifying: list[bool] = []
        self.peers: list[Child] = []
        names = [w.get("given_name") for w in written]
        if self.plural:
            n = " and ".join(x or "a sibling" for x in names)
            pron = _PRONOUNS["plural"]
        else:
            n = names[0] or ("the young person" if self.child.age_on(self.day) >= 11 else "the child")
            pron = _PRONOUNS[self.child.sex]
        self.slots = {
            "n": n, "N": n[0].upper() + n[1:], "t": local_hhmm(draft.occurred), "day": self.day.strftime("%A"),
            "S": pron["s"].capitalize(), "P": pron["p"].capitalize(), "was": "were" if self.plural else "was",
            "is": "are" if self.plural else "is", "has": "have" if self.plural else "has", **pron,
        }

    # -- text -------------------------------------------------------------------------------------

    def fmt(self, text: str, **extra: str) -> str:
        return text.format(**self.slots, **extra)

    def say(self, options: tuple[str, ...] | list[str] | str, **extra: str) -> None:
        text = options if isinstance(options, str) else self.rng.choice(options)
        self.summary.append(self.fmt(text, **extra))

    def say_as(self, by_type: dict[str, tuple[str, ...]], default: tuple[str, ...], **extra: str) -> None:
        """Say one of the sentences written for this kind of agency (or the default ones)."""
        self.say(by_type.get(self.agency.type, default), **extra)

    def maybe(self, p: float, options: tuple[str, ...] | list[str] | str, **extra: str) -> None:
        if self.rng.random() < p:
            self.say(options, **extra)

    def words(self, p: float, options: tuple[str, ...]) -> None:
        if self.rng.random() < p:
            self.child_words = self.fmt(self.rng.choice(options))

    def blame(self, p: float, options: tuple[str, ...]) -> None:
        """A victim-blaming sentence, as real records contain (for the language checker to find)."""
        if not self.plural and self.rng.random() < p:
            self.say(options)

    def victim_blaming(self) -> list[str]:
        """The victim-blaming phrases in the summary, as written."""
        text = " ".join(self.summary)
        lower = text.lower()
        if not any(word in lower for word in _BLAMING_WORDS):
            return []
        return [m.group(0) for m in VICTIM_BLAMING.finditer(text)]

    def cats(self, *codes: str) -> None:
        for code in codes:
            if code not in self.categories:
                self.categories.append(code)

    def inds(self, *codes: str, k: int | None = None) -> None:
        chosen = codes if k is None else self.rng.sample(codes, min(k, len(codes)))
        for code in chosen:
            if code not in self.indicators:
                self.indicators.append(code)

    # -- mentions ---------------------------------------------------------------------------------

    def _add(self, mention: dict, truth: str | None, identifying: bool) -> None:
        self.mentions.append(mention)
        self.truth.append(truth)
        self.identifying.append(identifying)

    def person(self, ent: Entity, role: str, detail: int = 2, nickname_only: bool = False) -> str:
        m, phrase = mentions.person(self.rng, ent, role, detail, self.day, nickname_only)
        self._add(m, self.town.registry.eid(ent), detail >= 1 and any(k in m for k in ("given_name", "nickname", "phone")))
        return phrase

    def unknown_person(self, role: str, sex: str, age: int, description: str) -> str:
        """Someone nobody can identify (truth: null)."""
        m = {"kind": "person", "role": role, "sex": sex, "approx_age": age, "description": description}
        self._add(m, None, False)
        return description

    def vehicle(self, ent: Entity, role: str = "transported_child", detail: int = 2) -> str:
        m, phrase = mentions.vehicle(self.rng, ent, role, detail)
        self._add(m, self.town.registry.eid(ent), "plate" in m and m["plate"].count("?") <= 1)
        return phrase

    def phone(self, ent: Entity | None, role: str = "contacted_child") -> str | None:
        if ent is None:
            return None
        m, phrase = mentions.phone(self.rng, ent, role)
        self._add(m, self.town.registry.eid(ent), True)
        return phrase

    def place(self, ent: Entity, role: str, detail: int = 2) -> str:
        m, phrase = mentions.place(self.rng, ent, role, detail)
        self._add(m, self.town.registry.eid(ent), "name" in m or "address" in m)
        return phrase

    def online(self, ent: Entity, role: str = "contacted_child", detail: int = 2) -> str:
        m, phrase = mentions.online(self.rng, ent, role, detail)
        self._add(m, self.town.registry.eid(ent), "handle" in m and not m["handle"].endswith("..."))
        return phrase

    def peer(self, other: Child) -> str:
        self.peers.append(other)
        m, phrase = mentions.child_as_peer(self.rng, other, self.day)
        self._add(m, other.cid, True)
        return phrase

    # -- the child's own things -------------------------------------------------------------------

    def child_phone(self, child: Child | None = None) -> Entity | None:
        child = child or self.child
        if child.phone is None:
            child.phone = self.town.phone()
        return child.phone

    def child_account(self, child: Child | None = None) -> Entity:
        child = child or self.child
        if child.account is None:
            child.account = self.town.account(platforms=1)
        return child.account

    def friend(self) -> Child | None:
        """Another child of about the same age, usually from the same school."""
        age, school = self.child.age_on(self.day), self.school()
        for _ in range(40):
            other = self.rng.choice(self.town.children)
            other_age = other.age_on(self.day)
            if other.family is self.child.family or not 4 <= other_age <= 17 or abs(other_age - age) > 2:
                continue
            if other.school_on(self.day) == school or self.rng.random() < 0.25:
                return other
        return None

    def carer(self, sex: str | None = None) -> Entity | None:
        carers = self.child.family.carers
        if sex:
            carers = [c for c in carers if c["sex"] == sex]
        return self.rng.choice(carers) if carers else None

    def home(self) -> Entity:
        return self.town.home(self.child.family.address_on(self.day))

    def school(self) -> str | None:
        return self.child.school_on(self.day)

    def public_place(self) -> Entity:
        return self.rng.choice(self.town.places["public"])
