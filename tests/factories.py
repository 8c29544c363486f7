"""Test data: named agencies and users for every role (alice at the front door, sam the school DSL...),
and interchange records. Every name is fictional."""

from __future__ import annotations

import itertools
from typing import Any

from joinedup.core.models import Agency, Team, User
from joinedup.core.roles import Role

PASSWORD = "correct horse battery staple"

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
    return u


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
