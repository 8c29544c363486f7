"""Named reads for the pages, each with its select_related/prefetch_related fixed here, so that a page
runs the same number of queries however many rows it shows. Every query starts from the need-to-know
functions in `records.access`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from joinedup.core import clock
from joinedup.core.models import Agency, AuditEvent
from joinedup.records.access import (
    children_visible_to,
    concerns_visible_to,
    descriptions_of_children_visible_to,
    descriptions_visible_to,
    scope,
)
from joinedup.records.matching import normalise_id
from joinedup.records.models import (
    Child,
    ChildLinkEvent,
    Concern,
    ConcernChild,
    ConcernStatus,
    ConcernVersion,
    LinkEventKind,
    MatchCandidate,
    MatchStatus,
    Mention,
    pk_from_reference,
)
from joinedup.web.follow_through import live_decision_exists

QUEUE_AGES = {
    "day": ("In the last day", dt.timedelta(days=1)),
    "week": ("In the last week", dt.timedelta(days=7)),
    "month": ("In the last month", dt.timedelta(days=30)),
    "older": ("More than a month ago", dt.timedelta(days=30)),
}
AGE_BANDS = {
    "0-10": ("Under 11", 0, 10),
    "11-13": ("11 to 13", 11, 13),
    "14-15": ("14 or 15", 14, 15),
    "16-17": ("16 or 17", 16, 17),
    "18+": ("18 or over", 18, 25),
}
CHILD_REFERENCE = re.compile(r"^C-?(\d{1,9})$", re.IGNORECASE)


def _current(rows: QuerySet[ConcernChild]) -> QuerySet[ConcernChild]:
    """Only descriptions in the current version of their concern (older versions are history)."""
    return rows.filter(version_id=F("version__concern__current_version_id"))


# --- front door ---------------------------------------------------------------------------------


def front_door_queue(user, *, agency_id=None, category="", received="", age_band="") -> QuerySet[Concern]:
    """Open concerns from every agency the user may see that still need a decision (none in effect or
    waiting for sign-off; one not signed off puts the concern back), most urgent first, then newest."""
    rows = concerns_visible_to(user).filter(status=ConcernStatus.OPEN).exclude(live_decision_exists())
    now = clock.now()
    if agency_id:
        rows = rows.filter(agency_id=agency_id)
    if category:
        rows = rows.filter(current_version__category_codes__contains=f" {category} ")
    if received in QUEUE_AGES:
        since = now - QUEUE_AGES[received][1]
        rows = rows.filter(received_at__lt=since) if received == "older" else rows.filter(received_at__gte=since)
    if age_band in AGE_BANDS:
        rows = rows.filter(Exists(_children_in_band(age_band, now)))
    return (
        rows.select_related("agency", "current_version")
        .prefetch_related(Prefetch("current_version__children", queryset=ConcernChild.objects.order_by("position")))
        .order_by("-urgency", "-received_at", "-id")
    )


def _children_in_band(band: str, now: dt.datetime) -> QuerySet[ConcernChild]:
    _label, youngest, oldest = AGE_BANDS[band]
    today = now.date()
    born_after = _years_before(today, oldest + 1)  # exclusive
    born_by = _years_before(today, youngest)
    by_dob = Q(dob__gt=born_after, dob__lte=born_by)
    by_age = Q(dob__isnull=True, approx_age__gte=youngest, approx_age__lte=oldest)
    return ConcernChild.objects.filter(version_id=OuterRef("current_version_id")).filter(by_dob | by_age)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def queue_agencies(user) -> QuerySet[Agency]:
    return Agency.objects.filter(Exists(concerns_visible_to(user).filter(agency_id=OuterRef("pk")))).order_by("name")


def decision_clock(due_at: dt.datetime | None, now: dt.datetime) -> dict[str, object]:
    """How the decision deadline stands: overdue, due today, or due later."""
    if due_at is None:
        return {"state": "none", "due_at": None}
    if due_at < now:
        return {"state": "overdue", "due_at": due_at}
    if due_at - now <= dt.timedelta(hours=24):
        return {"state": "soon", "due_at": due_at}
    return {"state": "due", "due_at": due_at}


# --- finding a child ----------------------------------------------------------------------------


@dataclasses.dataclass
class FoundChild:
    child_id: int
    names: list[str]
    dobs: list[dt.date]
    agencies: list[str]
    newest: ConcernChild

    @property
    def reference(self) -> str:
        return f"C-{self.child_id:05d}"


def _parse_date(text: str) -> dt.date | None:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %m %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def search_words(query: str) -> str:
    """A search box's words, with NUL and other control characters taken out (PostgreSQL cannot store
    NUL, even in the audit trail's record of the search) and spaces collapsed."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in query).split())


def _search_filter(query: str) -> Q | None:
    query = search_words(query)
    if not query:
        return None
    if match := CHILD_REFERENCE.match(query):
        return Q(child_id=int(match.group(1)))
    if (concern_pk := pk_from_reference(query)) is not None:
        return Q(version__concern_id=concern_pk)
    if (day := _parse_date(query)) is not None:
        return Q(dob=day)
    clause = Q()
    for token in query.split(" "):
        if any(ch.isdigit() for ch in token):
            if (day := _parse_date(token)) is not None:
                clause &= Q(dob=day)
            else:
                ident = normalise_id(token)
                clause &= Q(nhs_number=ident) | Q(upn=ident) | Q(ref__iexact=token)
        else:
            clause &= Q(given_name__icontains=token) | Q(family_name__icontains=token) | Q(other_names__icontains=token)
    return clause


def search_children(user, query: str, limit: int = 20) -> list[FoundChild]:
    """Children the user may see whose details match a name, date of birth, or reference
    (C-00012 for a child, JU-0000012 for a concern, or an NHS number, pupil number or agency ref)."""
    clause = _search_filter(query)
    if clause is None:
        return []
    child_ids = _matching_children(user, clause, limit)
    found: dict[int, FoundChild] = {}
    details = (
        _current(descriptions_of_children_visible_to(user, child_ids))
        .select_related("agency", "version__concern")
        .order_by("-version__concern__received_at", "-id")
    )
    for row in details:
        entry = found.get(row.child_id)
        if entry is None:
            entry = found[row.child_id] = FoundChild(row.child_id, [], [], [], row)
        _add_unique(entry.names, row.display_name)
        _add_unique(entry.dobs, row.dob)
        _add_unique(entry.agencies, row.agency.name)
    return [found[child_id] for child_id in child_ids if child_id in found]


def _matching_children(user, clause: Q, limit: int) -> list[int]:
    """The first `limit` children (by reference) whose details, as the user may see them, match.

    Candidates are children the user may see with any matching description; only those that still match
    on the descriptions `descriptions_of_children_visible_to` allows are kept (an own-agency user must
    not find a child by what another agency recorded). For "all" scope the first batch is the answer."""
    candidates = (
        _current(ConcernChild.objects.filter(clause, child__in=children_visible_to(user)))
        .order_by("child_id").values_list("child_id", flat=True).distinct()
    )
    found: list[int] = []
    batch = limit * 2
    for start in range(0, batch * 5, batch):
        ids = list(candidates[start:start + batch])
        confirmed = set(
            _current(descriptions_of_children_visible_to(user, ids).filter(clause)).values_list("child_id", flat=True)
        )
        found.extend(child_id for child_id in ids if child_id in confirmed)
        if len(found) >= limit or len(ids) < batch:
            break
    return found[:limit]


def _add_unique(values: list, value) -> None:
    if value not in (None, "") and value not in values:
        values.append(value)


def newest_description(user, child: Child) -> ConcernChild | None:
    """What the user's own agency last recorded about the child, else the newest they may see."""
    rows = _current(descriptions_visible_to(user, child)).select_related("agency")
    own = rows.filter(agency_id=user.agency_id).order_by("-version__concern__received_at", "-id").first()
    return own or rows.order_by("-version__concern__received_at", "-id").first()


# --- the child's page ---------------------------------------------------------------------------


def child_descriptions(user, child: Child) -> list[ConcernChild]:
    return list(
        _current(descriptions_visible_to(user, child))
        .select_related("agency", "version__concern")
        .order_by("agency__name", "-version__concern__received_at", "-id")
    )


def chronology(user, child: Child) -> list[Concern]:
    """Every concern the user may see that names the child, newest first, with what each names."""
    names_child = ConcernChild.objects.filter(version_id=OuterRef("current_version_id"), child=child)
    return list(
        concerns_visible_to(user)
        .filter(Exists(names_child))
        .select_related("agency", "current_version")
        .prefetch_related(Prefetch("current_version__mentions", queryset=Mention.objects.order_by("position")))
        .order_by("-received_at", "-id")
    )


def open_matches_for_child(user, child: Child) -> list[MatchCandidate]:
    if scope(user) != "all":
        return []
    return list(
        MatchCandidate.objects.filter(status=MatchStatus.OPEN)
        .filter(Q(child=child) | Q(candidate=child))
        .order_by("-score", "id")
    )


def merges_into(user, child: Child) -> list[ChildLinkEvent]:
    """Merges that brought other records into this child's, each marked if it has been undone."""
    if scope(user) != "all":
        return []
    undone = ChildLinkEvent.objects.filter(reverses=OuterRef("pk"))
    return list(
        ChildLinkEvent.objects.filter(kind=LinkEventKind.MERGE, to_child=child)
        .annotate(undone=Exists(undone))
        .select_related("created_by")
        .order_by("-created_at", "-id")
    )


# --- one concern --------------------------------------------------------------------------------


def concern_versions(concern: Concern) -> list[ConcernVersion]:
    return list(
        ConcernVersion.objects.filter(concern=concern)
        .select_related("created_by")
        .prefetch_related(
            Prefetch("children", queryset=ConcernChild.objects.order_by("position")),
            Prefetch("mentions", queryset=Mention.objects.order_by("position")),
        )
        .order_by("-number")
    )


# --- possible matches ---------------------------------------------------------------------------


def open_matches(user) -> QuerySet[MatchCandidate]:
    """Possible matches waiting for a person, strongest first, where the user may see the concern
    that raised them."""
    return (
        MatchCandidate.objects.filter(status=MatchStatus.OPEN)
        .filter(description__version__concern__in=concerns_visible_to(user))
        .select_related("description__agency", "description__version__concern")
        .order_by("-score", "id")
    )


def descriptions_by_child(user, child_ids: list[int]) -> dict[int, list[ConcernChild]]:
    """The current descriptions of several children (following one merge), newest first, grouped by
    the child id asked for."""
    merged = dict(Child.objects.filter(pk__in=child_ids, merged_into__isnull=False).values_list("pk", "merged_into_id"))
    live = {child_id: merged.get(child_id, child_id) for child_id in child_ids}
    rows = (
        _current(descriptions_of_children_visible_to(user, set(live.values())))
        .select_related("agency")
        .order_by("-version__concern__received_at", "-id")
    )
    by_live: dict[int, list[ConcernChild]] = defaultdict(list)
    for row in rows:
        by_live[row.child_id].append(row)
    return {child_id: by_live.get(live_id, []) for child_id, live_id in live.items()}


# --- audit --------------------------------------------------------------------------------------


def audit_events(*, user_text="", child_id=None, event="", since=None, until=None) -> QuerySet[AuditEvent]:
    rows = AuditEvent.objects.all()
    if user_text:
        rows = rows.filter(actor_label__icontains=user_text)
    if child_id:
        rows = rows.filter(child_id=child_id)
    if event:
        rows = rows.filter(event=event)
    if since:
        rows = rows.filter(at__gte=since)
    if until:
        rows = rows.filter(at__lt=until)
    return rows.order_by("-at", "-id")
