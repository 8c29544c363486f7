"""Who may open which page. A page someone may not use is a 404, never a 403: nobody learns what
exists. Record-level rules (which children and concerns) live in `records.access`; these are the
role-level rules for whole pages, read from the role sets in `core.roles`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from django.contrib.auth.decorators import login_required
from django.http import Http404

from joinedup.casework.services import DECIDES, can_work_on
from joinedup.core.roles import REVIEWS_MATCHES, Role
from joinedup.records.access import concerns_visible_to, scope
from joinedup.web.follow_through import action_for_page


def require_role(roles: Iterable[str]) -> Callable:
    """Signed in (else to the sign-in page) and holding one of `roles` (else 404)."""
    allowed = frozenset(roles)

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.user.role not in allowed:
                raise Http404("No such page")
            return view(request, *args, **kwargs)

        return login_required(wrapper)

    return decorator


def require_records_access(view: Callable) -> Callable:
    """Signed in and allowed to see some children's records at all (else 404)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if scope(request.user) == "none":
            raise Http404("No such page")
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def can_review_matches(user) -> bool:
    return user.role in REVIEWS_MATCHES and scope(user) == "all"


def get_action_for_user(user, pk: int):
    """An action, for the people who work on it: its owner, their team, their manager, and the
    decision-making roles (front door, social workers, managers) who may see its concern. Else 404."""
    action = action_for_page(pk)
    if action is None or not concerns_visible_to(user).filter(pk=action.concern_id).exists():
        raise Http404("No such action")
    if not (can_work_on(user, action) or user.role in DECIDES):
        raise Http404("No such action")
    return action


def may_change_action(user, action) -> bool:
    """Whether to offer complete and cancel (the service decides)."""
    return can_work_on(user, action)


def may_reassign_action(user, action) -> bool:
    """Whether to offer reassignment: as `may_change_action`, and any team manager."""
    return may_change_action(user, action) or user.role == Role.TEAM_MANAGER
