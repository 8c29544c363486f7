"""Who may open which page. A page someone may not use is a 404, never a 403: nobody learns what
exists. Record-level rules (which children and concerns) live in `records.access`; these are the
role-level rules for whole pages, read from the role sets in `core.roles`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from django.contrib.auth.decorators import login_required
from django.http import Http404

from joinedup.core.roles import REVIEWS_MATCHES, Role
from joinedup.records.access import scope


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


def can_withdraw(user, concern) -> bool:
    """The agency that recorded a concern may withdraw it, and so may the front door.

    Kept here until records.services checks it itself (see the web report)."""
    if user.role == Role.FRONT_DOOR:
        return True
    return scope(user) != "none" and user.agency_id is not None and user.agency_id == concern.agency_id


def can_review_matches(user) -> bool:
    return user.role in REVIEWS_MATCHES and scope(user) == "all"
