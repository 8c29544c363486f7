"""How complete the core data set is, by agency, for children (as each agency described them in the
current version of its concerns) and for alleged perpetrators (people named in a harmful role). Each
characteristic of each person counts once per agency: recorded if any of that agency's records gives it,
else "not stated" if the person declined, else "not recorded" (nobody asked, or it was not written down).
The inquiries found exactly these gaps: ethnicity unknown for two thirds of perpetrators (Casey 2025).

Reads four queries, however many records; nothing here is used by any score, rule or alert.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from django.db.models import F
from django.db.models.functions import Coalesce

from joinedup.coredata.models import FactStatus, RecordedFact
from joinedup.identity.models import LinkKind, MentionLink
from joinedup.records.models import ConcernChild, ConcernStatus, Mention, MentionKind

CHARACTERISTICS = ("age", "sex", "ethnicity", "nationality", "disability")
RECORDED, NOT_STATED, NOT_RECORDED = "recorded", "not_stated", "not_recorded"
# Roles in which an adult is alleged to have harmed a child (shared/spec: mention roles).
PERPETRATOR_ROLES = ("suspected_abuser", "gave_gifts_or_money", "supplied_alcohol_or_drugs", "transported_child",
                     "described_as_partner", "contacted_child")
ALL_AGENCIES = "All agencies"
_RANK = {NOT_RECORDED: 0, NOT_STATED: 1, RECORDED: 2}


def status_of_text(value: str) -> str:
    """Ethnicity or nationality as the interchange gives it: free text, `not_stated` or `not_recorded`."""
    value = (value or "").strip()
    if not value or value.lower() == "not_recorded":
        return NOT_RECORDED
    return NOT_STATED if value.lower() == "not_stated" else RECORDED


def status_of_sex(value: str) -> str:
    return RECORDED if value in ("female", "male", "other") else NOT_RECORDED


@dataclasses.dataclass
class Cell:
    recorded: int = 0
    not_stated: int = 0
    not_recorded: int = 0

    @property
    def total(self) -> int:
        return self.recorded + self.not_stated + self.not_recorded

    @property
    def percent(self) -> int:
        return round(100 * self.recorded / self.total) if self.total else 0


@dataclasses.dataclass
class Row:
    agency: str
    people: int
    cells: dict[str, Cell]


@dataclasses.dataclass
class Table:
    title: str
    rows: list[Row]


class _Tally:
    """Best status per (agency, person, characteristic), then counted."""

    def __init__(self):
        self.best: dict[tuple[str, object], dict[str, str]] = defaultdict(lambda: dict.fromkeys(CHARACTERISTICS, NOT_RECORDED))

    def see(self, agency: str, person: object, **statuses: str) -> None:
        for key in (agency, ALL_AGENCIES):
            mine = self.best[(key, person)]
            for characteristic, status in statuses.items():
                if _RANK[status] > _RANK[mine[characteristic]]:
                    mine[characteristic] = status

    def fact(self, agency: str, person: object, status: str) -> None:
        """A recorded fact counts only for people the agency has described (and for all agencies)."""
        for key in (agency, ALL_AGENCIES):
            if (key, person) in self.best:
                mine = self.best[(key, person)]
                if _RANK[status] > _RANK[mine["disability"]]:
                    mine["disability"] = status

    def table(self, title: str) -> Table:
        rows: dict[str, Row] = {}
        for (agency, _person), statuses in self.best.items():
            row = rows.setdefault(agency, Row(agency, 0, {c: Cell() for c in CHARACTERISTICS}))
            row.people += 1
            for characteristic, status in statuses.items():
                cell = row.cells[characteristic]
                setattr(cell, status, getattr(cell, status) + 1)
        ordered = sorted((r for r in rows.values() if r.agency != ALL_AGENCIES), key=lambda r: r.agency)
        return Table(title, ordered + ([rows[ALL_AGENCIES]] if ALL_AGENCIES in rows else []))


def _fact_status(status: str) -> str:
    return RECORDED if status == FactStatus.RECORDED else NOT_STATED


def children_table() -> Table:
    tally = _Tally()
    rows = (
        ConcernChild.objects.filter(version_id=F("version__concern__current_version_id"))
        .exclude(version__concern__status=ConcernStatus.WITHDRAWN)
        .annotate(person=Coalesce("child__merged_into_id", "child_id"))
        .values_list("agency__name", "person", "dob", "approx_age", "sex", "ethnicity", "nationality")
    )
    for agency, person, dob, approx_age, sex, ethnicity, nationality in rows.iterator(5000):
        tally.see(agency, person, age=RECORDED if dob or approx_age is not None else NOT_RECORDED,
                  sex=status_of_sex(sex), ethnicity=status_of_text(ethnicity), nationality=status_of_text(nationality))
    facts = RecordedFact.objects.filter(child__isnull=False).annotate(person=Coalesce("child__merged_into_id", "child_id"))
    for agency, person, status in facts.values_list("agency__name", "person", "status"):
        tally.fact(agency, person, _fact_status(status))
    return tally.table("Children")


def perpetrators_table() -> Table:
    """Adults named in a harmful role; one adult per entity where the mention is linked to one."""
    tally = _Tally()
    mentions = (
        Mention.objects.filter(kind=MentionKind.PERSON, role__in=PERPETRATOR_ROLES, version_id=F("version__concern__current_version_id"))
        .exclude(version__concern__status=ConcernStatus.WITHDRAWN)
        .values_list("pk", "version__concern__agency__name", "dob", "approx_age", "sex", "ethnicity", "nationality")
    )
    entity_of = dict(
        MentionLink.objects.filter(kind=LinkKind.LINKED, mention__kind=MentionKind.PERSON, mention__role__in=PERPETRATOR_ROLES)
        .annotate(node=Coalesce("entity__merged_into_id", "entity_id")).values_list("mention_id", "node")
    )
    for pk, agency, dob, approx_age, sex, ethnicity, nationality in mentions.iterator(5000):
        person = ("e", entity_of[pk]) if pk in entity_of else ("m", pk)
        tally.see(agency, person, age=RECORDED if dob or approx_age is not None else NOT_RECORDED,
                  sex=status_of_sex(sex), ethnicity=status_of_text(ethnicity), nationality=status_of_text(nationality))
    facts = RecordedFact.objects.filter(entity__isnull=False).annotate(node=Coalesce("entity__merged_into_id", "entity_id"))
    for agency, node, status in facts.values_list("agency__name", "node", "status"):
        tally.fact(agency, ("e", node), _fact_status(status))
    return tally.table("Alleged perpetrators")
