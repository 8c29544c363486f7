"""Who may see and write a child's plan: the roles that decide and work cases (`core.roles`), for a
child they may see (`records.access`). Refusals are a 404, as everywhere."""

from __future__ import annotations

from django.http import Http404

from joinedup.casework.models import Case
from joinedup.core.roles import READS_CHILD_PLANS, READS_SERVICE_FIGURES, WRITES_CHILD_PLANS, Role
from joinedup.records.access import get_child_for_user, scope
from joinedup.records.models import Child


def may_read_plan(user) -> bool:
    return user.is_authenticated and user.role in READS_CHILD_PLANS and scope(user) == "all"


def may_write_plan(user) -> bool:
    return user.is_authenticated and user.role in WRITES_CHILD_PLANS and scope(user) == "all"


def open_case(child: Child) -> Case | None:
    return Case.objects.filter(child=child, closed_at__isnull=True).order_by("-created_at").first()


def get_child_for_plan_writer(user, pk: int) -> tuple[Child, Case]:
    """The child and their open case, for someone who may write the plan; else 404."""
    if not may_write_plan(user):
        raise Http404("No such page")
    child = get_child_for_user(user, pk)
    case = open_case(child)
    if case is None:
        raise Http404("No open case")
    return child, case


def outcomes_navigation(user) -> list[tuple[str, str]]:
    """The menu items of this app for the user's role: (label, url name)."""
    items = []
    if user.role in READS_SERVICE_FIGURES:
        items.append(("Outcomes", "outcomes_dashboard"))
    if user.role == Role.ADMINISTRATOR:
        items.append(("Funded posts", "outcomes_posts"))
    return items
