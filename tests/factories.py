"""Test data: named agencies and users for every role (alice at the front door, sam the school DSL...),
and interchange records. Every name is fictional."""

from __future__ import annotations

import itertools
from typing import Any

from joinedup.core.models import Agency, Team, User
from joinedup.core.roles import Role

PASSWORD = "correct horse battery staple"
# Every named user has an authenticator app set up with this key (hex), so a test can type a real code.
TOTP_KEY = "4a6f696e65645570546573744b657930303031"

AGENCIES = {
    "police": ("Northtown Police", "police"),
    "social_care": ("Northtown Children's Social Care", "social_care"),
    "school": ("Northtown Academy", "education"),
    "other_school": ("Riverside High School", "education"),
    "health": ("Northtown Health", "health"),
    "youth": ("Safe Harbour Youth Project", "youth_service"),
    "public": ("Public reporting", "public"),
}

# username: (role, agency key, team)
USERS = {
    "alice": (Role.FRONT_DOOR, "social_care", "Front door (MASH)"),
    "sunita": (Role.SOCIAL_WORKER, "social_care", "Child protection team"),
    "maria": (Role.TEAM_MANAGER, "social_care", "Child protection team"),
    "peter": (Role.POLICE_OFFICER, "police", "Response"),
    "anna": (Role.ANALYST, "police", "Intelligence unit"),
    "sam": (Role.SCHOOL_DSL, "school", "Safeguarding"),
    "rose": (Role.SCHOOL_DSL, "other_school", "Safeguarding"),
    "harriet": (Role.HEALTH, "health", "School nursing"),
    "yusuf": (Role.YOUTH_WORKER, "youth", "Outreach"),
    "audrey": (Role.AUDITOR, "social_care", "Information governance"),
    "adam": (Role.ADMINISTRATOR, "social_care", "Systems"),
    "lena": (Role.SERVICE_LEADER, "social_care", "Leadership team"),
}


def agency(key: str) -> Agency:
    name, kind = AGENCIES[key]
    return Agency.objects.get_or_create(name=name, defaults={"type": kind})[0]


def user(username: str) -> User:
    role, agency_key, team_name = USERS[username]
    existing = User.objects.filter(username=username).first()
    if existing:
        return existing
    a = agency(agency_key)
    team = Team.objects.get_or_create(agency=a, name=team_name)[0]
    u = User.objects.create_user(
        username=username, password=PASSWORD, role=role, agency=a, team=team,
        first_name=username.title(), last_name="Tester",
    )
    second_factor(u)
    return u


def second_factor(user: User):
    """The user's confirmed authenticator app, with the known test key (made if missing)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test phone", key=TOTP_KEY, confirmed=True)


def totp_code(steps_ahead: int = 0) -> str:
    """The code an authenticator app with TOTP_KEY shows now (or `steps_ahead` 30-second steps later)."""
    import time

    from django_otp.oath import TOTP

    app = TOTP(bytes.fromhex(TOTP_KEY), step=30, t0=0, digits=6)
    app.time = time.time() + steps_ahead * 30
    return f"{app.token():06d}"


def verify_second_factor(client, user: User) -> None:
    """Mark the client's signed-in session as having passed the second factor, as the code page does."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from joinedup.accounts import policy

    if policy.rule_for(user) == policy.EXEMPT:
        return
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = second_factor(user).persistent_id
    session.save()


_refs = itertools.count(1)


def concern_data(agency_key: str = "police", **overrides: Any) -> dict[str, Any]:
    """A valid joinedup.concern/1 record; override any top-level field."""
    name, kind = AGENCIES[agency_key]
    data: dict[str, Any] = {
        "schema": "joinedup.concern/1",
        "source_ref": f"{agency_key.upper()}-{next(_refs):06d}",
        "agency": {"name": name, "type": kind},
        "reporter": {"name": "A. Reporter", "role": "officer"},
        "received_at": "2024-03-04T10:00:00+00:00",
        "children": [
            {"ref": "K-1", "given_name": "Kayleigh", "family_name": "Testwood", "dob": "2010-07-14",
             "sex": "female", "postcode": "NT4 2QP"}
        ],
        "summary": "Seen getting into a silver car with two adult men outside the Golden Spice takeaway.",
        "child_words": "He said he'd get me a phone.",
        "categories": ["sexual_exploitation"],
        "indicators": ["vehicles_unknown_adults"],
        "mentions": [{"kind": "vehicle", "role": "transported_child", "plate": "YK62 HBD", "colour": "silver"}],
    }
    data.update(overrides)
    return data
