"""Matching a child as an agency describes them to the children JoinedUp already knows.

Rules (issue: one child, one record):
- an equal NHS number, unique pupil number (UPN) or local-authority id is the same child;
- the same agency's own `ref` is the same child (agencies keep their references stable);
- otherwise a points score in the Fellegi-Sunter style (agreement adds log-odds, disagreement takes
  them away) over names (with variants and typos), date of birth or approximate age, sex, postcode,
  address and school decides: at or above `JOINEDUP_MATCH_AUTO_LINK` the description is linked
  automatically; between that and `JOINEDUP_MATCH_REVIEW` it gets a child record of its own and a
  possible match goes to a person to decide; below, it is a new child.

Plain Python, no database: `ChildIndex` is filled by the caller (all descriptions for a bulk import, or
just the candidates for one concern). Every score carries its explanation, field by field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Any

from rapidfuzz.distance import OSA, JaroWinkler
from rapidfuzz.fuzz import token_set_ratio

from joinedup.records.names import (
    fold,
    given_forms,
    given_key,
    given_variants,
    name_key,
    postcode_district,
    postcode_key,
)


@dataclasses.dataclass
class Description:
    """The matching-relevant parts of one child description."""

    agency_id: int
    ref: str = ""
    nhs_number: str = ""
    upn: str = ""
    la_id: str = ""
    given: str = ""
    family: str = ""
    dob: dt.date | None = None
    birth_year: int | None = None  # from approx_age when there is no dob
    sex: str = ""
    postcode: str = ""
    address: str = ""
    school: str = ""
    given_k: str = ""
    family_k: str = ""

    @classmethod
    def from_child_data(cls, agency_id: int, child: dict[str, Any], received_at: dt.datetime) -> Description:
        dob = dt.date.fromisoformat(child["dob"]) if child.get("dob") else None
        birth_year = None
        if dob is None and child.get("approx_age") is not None:
            birth_year = received_at.year - int(child["approx_age"])
        return cls(
            agency_id=agency_id,
            ref=(child.get("ref") or "").strip(),
            nhs_number=normalise_id(child.get("nhs_number", "")),
            upn=normalise_id(child.get("upn", "")),
            la_id=normalise_id(child.get("la_id", "")),
            given=fold(child.get("given_name", "")),
            family=name_key(child.get("family_name", "")),
            dob=dob,
            birth_year=birth_year,
            sex=child.get("sex", "") if child.get("sex") in ("female", "male") else "",
            postcode=postcode_key(child.get("postcode", "")),
            address=fold(child.get("address", "")),
            school=fold(child.get("school", "")),
            given_k=given_key(child.get("given_name", "")),
            family_k=name_key(child.get("family_name", "")),
        )


def normalise_id(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum())


@dataclasses.dataclass
class Score:
    points: float
    explanation: list[tuple[str, str, float]]  # (field, what happened, points)
    definite: bool = False

    def as_json(self) -> list[dict[str, Any]]:
        return [{"field": f, "outcome": o, "points": p} for f, o, p in self.explanation]


def _typo_of_variant(written: str, name: str) -> bool:
    """'Roob' for Robert: one letter away from one of the name's known forms ('Rob')."""
    return len(written) >= 3 and any(len(v) >= 3 and OSA.distance(written, v) == 1 for v in given_forms(name))


def _name_points(a: Description, b: Description, out: list, typos_of_variants: bool) -> None:
    if a.family and b.family:
        if a.family == b.family:
            out.append(("family name", "equal", 6.0))
        else:
            sim = JaroWinkler.similarity(a.family, b.family)
            if sim >= 0.92:
                out.append(("family name", f"similar ({sim:.2f})", 4.0))
            elif sim >= 0.85:
                out.append(("family name", f"somewhat similar ({sim:.2f})", 1.5))
            else:
                out.append(("family name", "different", -5.0))
    if a.given and b.given:
        first_a, first_b = a.given.split(" ")[0], b.given.split(" ")[0]
        if first_a == first_b:
            out.append(("given name", "equal", 5.0))
        elif a.given_k == b.given_k or given_variants(first_a) & given_variants(first_b):
            out.append(("given name", "known variant", 4.0))
        else:
            sim = JaroWinkler.similarity(first_a, first_b)
            if sim >= 0.9:
                out.append(("given name", f"similar ({sim:.2f})", 3.0))
            elif len(first_a) >= 3 and OSA.distance(first_a, first_b) == 1 and sorted(first_a) == sorted(first_b):
                out.append(("given name", "two letters swapped", 3.0))
            elif typos_of_variants and (_typo_of_variant(first_a, first_b) or _typo_of_variant(first_b, first_a)):
                out.append(("given name", "one letter from a known variant", 3.0))
            elif first_a[0] == first_b[0] and (len(first_a) == 1 or len(first_b) == 1):
                out.append(("given name", "initial agrees", 1.0))
            else:
                out.append(("given name", "different", -6.0))


def _dob_points(a: Description, b: Description, out: list) -> None:
    if a.dob and b.dob:
        if a.dob == b.dob:
            out.append(("date of birth", "equal", 7.0))
        elif (a.dob.day, a.dob.month) == (b.dob.month, b.dob.day) and a.dob.year == b.dob.year:
            out.append(("date of birth", "day and month swapped", 3.5))
        elif sum(x != y for x, y in zip(a.dob.isoformat(), b.dob.isoformat(), strict=True)) == 1:
            out.append(("date of birth", "one digit differs", 3.5))
        else:
            out.append(("date of birth", "different", -7.0))
        return
    year_a = a.dob.year if a.dob else a.birth_year
    year_b = b.dob.year if b.dob else b.birth_year
    if year_a and year_b:
        if abs(year_a - year_b) <= 1:
            out.append(("age", "consistent with date of birth", 1.0))
        else:
            out.append(("age", "inconsistent", -4.0))


def _place_points(a: Description, b: Description, out: list) -> None:
    if a.postcode and b.postcode:
        if a.postcode == b.postcode:
            out.append(("postcode", "equal", 3.0))
        elif postcode_district(a.postcode) and postcode_district(a.postcode) == postcode_district(b.postcode):
            out.append(("postcode", "same district", 0.5))
        else:
            out.append(("postcode", "different", -1.0))
    if a.address and b.address:
        sim = token_set_ratio(a.address, b.address)
        if sim >= 90:
            out.append(("address", f"similar ({sim:.0f}%)", 2.0))
    if a.school and b.school and token_set_ratio(a.school, b.school) >= 90:
        out.append(("school", "same", 1.0))


def score(a: Description, b: Description, typos_of_variants: bool = False) -> Score:
    """How strongly two descriptions point at the same child, with the reasons. `typos_of_variants`
    also scores a given name one letter from a known form of the other ("Roob", Rob) as similar: too
    loose for linking records (twins' names can be that close) but right for asking whether two records
    could be one child."""
    for field, label in (("nhs_number", "NHS number"), ("upn", "pupil number"), ("la_id", "local-authority id")):
        va, vb = getattr(a, field), getattr(b, field)
        if va and vb:
            if va == vb:
                return Score(100.0, [(label, "equal", 100.0)], definite=True)
            return Score(-100.0, [(label, "different", -100.0)])
    if a.ref and b.ref and a.agency_id == b.agency_id:
        if a.ref == b.ref:
            return Score(100.0, [("agency reference", "equal, same agency", 100.0)], definite=True)
    out: list[tuple[str, str, float]] = []
    if a.ref and b.ref and a.agency_id == b.agency_id:
        out.append(("agency reference", "different, same agency", -4.0))
    _name_points(a, b, out, typos_of_variants)
    _dob_points(a, b, out)
    if a.sex and b.sex:
        out.append(("sex", "equal" if a.sex == b.sex else "different", 0.5 if a.sex == b.sex else -5.0))
    _place_points(a, b, out)
    return Score(sum(p for _, _, p in out), out)


@dataclasses.dataclass
class Outcome:
    child_key: Any | None  # the matched child (whatever key the index holds), or None for a new child
    method: str  # identifier | agency_ref | score | picked | new
    score: Score | None
    possible: list[tuple[Any, Score]]  # uncertain candidates for a person to review
    merge: list[Any] = dataclasses.field(default_factory=list)  # other records this one shows are the same child


_ID_TYPES = ("nhs", "upn", "la")


class ChildIndex:
    """Descriptions already linked to children, with blocking keys to find candidates quickly.

    When one new description is the same child as two existing records (say it carries the NHS number
    of one and the agency reference of the other, or matches both confidently), `resolve` says so in
    `Outcome.merge`, unless the two records hold different identifiers of the same kind; the caller
    merges them (reversibly) and tells the index with `merge`."""

    def __init__(self) -> None:
        self._exact: dict[tuple, Any] = {}
        self._blocks: dict[tuple, list[tuple[Description, Any]]] = defaultdict(list)
        self._block_sizes: dict[tuple, int] = defaultdict(int)  # entries offered, kept or not
        self._kept: set[tuple] = set()  # (block, child, description content) of each kept entry
        self._alias: dict[Any, Any] = {}
        self._ids: dict[Any, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    @staticmethod
    def exact_keys(d: Description) -> list[tuple]:
        keys = [(f, v) for f, v in (("nhs", d.nhs_number), ("upn", d.upn), ("la", d.la_id)) if v]
        if d.ref:
            keys.append(("ref", d.agency_id, d.ref))
        return keys

    @staticmethod
    def block_keys(d: Description) -> list[tuple]:
        keys = []
        if d.dob:
            keys.append(("dob", d.dob))
        if d.family_k and d.given_k:
            keys.append(("names", d.family_k, d.given_k))
        if d.family_k and d.postcode:
            keys.append(("family_pc", d.family_k, d.postcode))
        if d.given_k and d.postcode:
            keys.append(("given_pc", d.given_k, d.postcode))
        return keys

    def canonical(self, key: Any) -> Any:
        seen = key
        while seen in self._alias:
            seen = self._alias[seen]
        if seen is not key:
            self._alias[key] = seen
        return seen

    def add(self, d: Description, child_key: Any) -> None:
        child_key = self.canonical(child_key)
        for key in self.exact_keys(d):
            self._exact.setdefault(key, child_key)
        content = dataclasses.astuple(d)
        for key in self.block_keys(d):
            if self._block_sizes[key] < 200:  # a huge block is not informative; keep lookups bounded
                self._block_sizes[key] += 1
                # The same child described the same way again (each concern of one agency, say) would
                # only score the same again: counted towards the bound, not kept.
                if (key, child_key, content) not in self._kept:
                    self._kept.add((key, child_key, content))
                    self._blocks[key].append((d, child_key))
        for kind, value in zip(_ID_TYPES, (d.nhs_number, d.upn, d.la_id), strict=True):
            if value:
                self._ids[child_key][kind].add(value)

    def merge(self, keep: Any, other: Any) -> None:
        keep, other = self.canonical(keep), self.canonical(other)
        if keep is other or keep == other:
            return
        self._alias[other] = keep
        for kind, values in self._ids.pop(other, {}).items():
            self._ids[keep][kind] |= values

    def _conflict(self, a: Any, b: Any) -> bool:
        ids_a, ids_b = self._ids.get(a, {}), self._ids.get(b, {})
        return any(ids_a.get(k) and ids_b.get(k) and not (ids_a[k] & ids_b[k]) for k in _ID_TYPES)

    def _conflicts_with_description(self, d: Description, key: Any) -> bool:
        ids = self._ids.get(key, {})
        mine = dict(zip(_ID_TYPES, (d.nhs_number, d.upn, d.la_id), strict=True))
        return any(mine[k] and ids.get(k) and mine[k] not in ids[k] for k in _ID_TYPES)

    def _best_scores(self, d: Description) -> dict[Any, Score]:
        """Each candidate child's best score against `d`."""
        best: dict[Any, Score] = {}
        scored: set[int] = set()  # a description in several of d's blocks scores the same each time
        for key in self.block_keys(d):
            for other, child_key in self._blocks.get(key, ()):
                if id(other) in scored:
                    continue
                scored.add(id(other))
                child_key = self.canonical(child_key)
                s = score(d, other)
                if child_key not in best or s.points > best[child_key].points:
                    best[child_key] = s
        return best

    def resolve(self, d: Description, auto_link: float, review: float) -> Outcome:
        exact: list[tuple[Any, str]] = []
        for key in self.exact_keys(d):
            if key in self._exact:
                found = self.canonical(self._exact[key])
                if all(found != k for k, _ in exact):
                    exact.append((found, "agency_ref" if key[0] == "ref" else "identifier"))
        ranked = sorted(self._best_scores(d).items(), key=lambda kv: kv[1].points, reverse=True)
        if exact:
            primary, method = exact[0]
            chosen = Score(100.0, [(method.replace("_", " "), "equal", 100.0)], True)
        elif ranked and ranked[0][1].points >= auto_link and not self._conflicts_with_description(d, ranked[0][0]):
            primary, method, chosen = ranked[0][0], "score", ranked[0][1]
        else:
            possible = [(k, s) for k, s in ranked[:3] if s.points >= review]
            return Outcome(None, "new", None, possible)
        others = [k for k, _ in exact[1:]] + [k for k, s in ranked if s.points >= auto_link]
        merge = []
        for other in others:
            if other == primary or other in merge:
                continue
            if self._conflict(primary, other) or self._conflicts_with_description(d, other):
                continue
            merge.append(other)
        return Outcome(primary, method, chosen, [], merge)
