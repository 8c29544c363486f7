"""What a session may reach before its second factor is verified: role data, read by one middleware.

- Roles that can search, see intelligence, or see more than their own agency's records must verify a
  second factor (a code from an authenticator app, or a backup code) before any other page.
- Roles that see only their own agency's records may, without one, only record concerns (as in school
  systems); with one verified they get their normal view.
- Agency systems use API tokens and never sign in to the pages.
"""

from __future__ import annotations

from django.urls import Resolver404, resolve

from joinedup.core.roles import OWN_AGENCY_ONLY, READS_AUDIT, SAFEGUARDING_WIDE, SEES_ADULT_INTELLIGENCE, Role

NEEDS_SECOND_FACTOR = frozenset(SAFEGUARDING_WIDE | SEES_ADULT_INTELLIGENCE | READS_AUDIT | {Role.ADMINISTRATOR})
RECORD_ONLY_WITHOUT_SECOND_FACTOR = frozenset(OWN_AGENCY_ONLY - {Role.AGENCY_SYSTEM})

# Paths open to everyone, signed in or not: static files and the public reporting page.
OPEN_PREFIXES = ("/static/", "/report/")

# Pages anyone signed in may use at any time: signing out, and the second-factor pages themselves.
ALWAYS_OPEN = frozenset({"login", "logout", "second_factor", "second_factor_set_up"})

# Pages a record-only session may use, and the query parameters that would turn each into a search
# or a read of a child's record (which need the second factor).
RECORD_ONLY_PAGES: dict[str, tuple[str, ...]] = {
    "home": (),
    "record_concern": ("q", "child"),
    "record_mention_row": (),
    "concern_recorded": (),
    "language_check_partial": (),
}

REQUIRED = "required"
RECORD_ONLY = "record_only"
EXEMPT = "exempt"


def rule_for(user) -> str:
    """Whether this user's role needs the second factor for everything, only for what is more than
    recording, or not at all. An unknown or empty role is treated as needing it."""
    if user.role in RECORD_ONLY_WITHOUT_SECOND_FACTOR:
        return RECORD_ONLY
    if user.role == Role.AGENCY_SYSTEM:
        return EXEMPT
    return REQUIRED


def page_name(path: str) -> str | None:
    try:
        return resolve(path).url_name
    except Resolver404:
        return None


def allowed_without_second_factor(user, path: str, params) -> bool:
    """May this session (password only) open `path` with these GET parameters?"""
    if path.startswith(OPEN_PREFIXES):
        return True
    name = page_name(path)
    if name in ALWAYS_OPEN:
        return True
    rule = rule_for(user)
    if rule == EXEMPT:
        return True
    if rule == RECORD_ONLY and name in RECORD_ONLY_PAGES:
        return not any(params.get(key) for key in RECORD_ONLY_PAGES[name])
    return False
