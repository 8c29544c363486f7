"""Need to know: who may see which children and concerns.

Every view and API endpoint gets its querysets and objects through these functions, so a rule is
written once and applies to lists as well as single records. A refused object is a 404 (nobody learns
whether a child's record exists). Each decision carries its reason for the audit trail.
"""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.http import Http404

from joinedup.core.roles import OWN_AGENCY_ONLY, SAFEGUARDING_WIDE
from joinedup.records.models import Child, Concern, ConcernChild


def scope(user) -> str:
    """"all" (every agency's records), "own_agency" (what the user's agency sent), or "none"."""
    if user is None or not user.is_authenticated or not user.is_active:
        return "none"
    if user.role in SAFEGUARDING_WIDE:
        return "all"
    if user.role in OWN_AGENCY_ONLY and user.agency_id:
        return "own_agency"
    return "none"


def access_reason(user) -> str:
    match scope(user):
        case "all":
            return f"{user.get_role_display()}: safeguarding duty covers every agency's records"
        case "own_agency":
            return f"{user.get_role_display()}: the child is known to {user.agency.name}"
        case _:
            return "no access"


# Other apps may widen what an own-agency user sees: each grant is a function (user) -> Q over Concern,
# e.g. casework lets an agency that was notified about a concern (invited to a strategy discussion,
# referred to) see that concern. Registered in the app's ready().
_CONCERN_GRANTS: list = []


def register_concern_grant(grant) -> None:
    if grant not in _CONCERN_GRANTS:
        _CONCERN_GRANTS.append(grant)


def _own_agency_concerns(user) -> Q:
    q = Q(agency_id=user.agency_id)
    for grant in _CONCERN_GRANTS:
        q |= grant(user)
    return q


# Other apps may narrow it: each restriction is a function (user) -> set of child ids hidden from the
# user (restricted records, open only to named people). A concern naming a hidden child is hidden too.
_CHILD_RESTRICTIONS: list = []


def register_child_restriction(restriction) -> None:
    if restriction not in _CHILD_RESTRICTIONS:
        _CHILD_RESTRICTIONS.append(restriction)


def hidden_children(user) -> frozenset[int]:
    hidden: frozenset[int] = frozenset()
    for restriction in _CHILD_RESTRICTIONS:
        hidden |= restriction(user)
    return hidden


def concerns_naming(child_ids) -> QuerySet[ConcernChild]:
    """The ids (`version__concern_id`) of concerns that name any of these children in any version: what a
    restriction on a child hides. `child_ids` may be a queryset."""
    return ConcernChild.objects.filter(child_id__in=child_ids).values("version__concern_id")


def _without_hidden(concerns: QuerySet[Concern], user) -> QuerySet[Concern]:
    hidden = hidden_children(user)
    if not hidden:
        return concerns
    return concerns.exclude(pk__in=concerns_naming(hidden))


def concerns_visible_to(user) -> QuerySet[Concern]:
    match scope(user):
        case "all":
            return _without_hidden(Concern.objects.all(), user)
        case "own_agency":
            return _without_hidden(Concern.objects.filter(_own_agency_concerns(user)).distinct(), user)
        case _:
            return Concern.objects.none()


def _children_in_scope(user) -> QuerySet[Child]:
    live = Child.objects.filter(merged_into__isnull=True)
    match scope(user):
        case "all":
            return live
        case "own_agency":
            known = ConcernChild.objects.filter(child=OuterRef("pk"), agency_id=user.agency_id)
            granted = ConcernChild.objects.filter(
                child=OuterRef("pk"), version__concern__in=concerns_visible_to(user).values("pk"),
                version__concern__current_version_id=F("version_id"),
            )
            return live.filter(Exists(known) | Exists(granted))
        case _:
            return Child.objects.none()


def children_visible_to(user) -> QuerySet[Child]:
    children = _children_in_scope(user)
    hidden = hidden_children(user) if scope(user) != "none" else frozenset()
    return children.exclude(pk__in=hidden) if hidden else children


class RestrictedRecord(Http404):
    """The user would see this child but the record is restricted to named people: they may break the glass."""

    def __init__(self, child: Child):
        super().__init__("No such child")
        self.child = child


def descriptions_visible_to(user, child: Child) -> QuerySet[ConcernChild]:
    """The child's details as each agency knows them, limited to what the user may see (nothing of a child
    restricted away from the user)."""
    rows = ConcernChild.objects.filter(child=child)
    if scope(user) != "none" and child.pk in hidden_children(user):
        return rows.none()
    if scope(user) == "own_agency":
        rows = rows.filter(Q(agency_id=user.agency_id) | Q(version__concern__in=concerns_visible_to(user).values("pk")))
    return rows


def descriptions_of_children_visible_to(user, child_ids) -> QuerySet[ConcernChild]:
    """As `descriptions_visible_to`, for many children at once (none of a child restricted away from the user,
    so a list of work never names that child)."""
    rows = ConcernChild.objects.filter(child_id__in=child_ids)
    hidden = hidden_children(user) if scope(user) != "none" else frozenset()
    if hidden:
        rows = rows.exclude(child_id__in=hidden)
    if scope(user) == "own_agency":
        rows = rows.filter(Q(agency_id=user.agency_id) | Q(version__concern__in=concerns_visible_to(user).values("pk")))
    elif scope(user) == "none":
        rows = rows.none()
    return rows


def get_child_for_user(user, pk: int) -> Child:
    """The child, following merges; 404 if it does not exist or the user may not see it."""
    child = Child.objects.filter(pk=pk).first()
    seen = 0
    while child is not None and child.merged_into_id is not None and seen < 20:
        child = Child.objects.filter(pk=child.merged_into_id).first()
        seen += 1
    if child is None or not children_visible_to(user).filter(pk=child.pk).exists():
        if child is not None and child.pk in hidden_children(user) and _children_in_scope(user).filter(pk=child.pk).exists():
            raise RestrictedRecord(child)
        raise Http404("No such child")
    return child


def get_concern_for_user(user, pk: int) -> Concern:
    concern = concerns_visible_to(user).filter(pk=pk).first()
    if concern is None:
        raise Http404("No such concern")
    return concern
