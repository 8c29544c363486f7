"""Roles and what each may do. Data, not scattered `if` statements: views and querysets ask here."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    FRONT_DOOR = "front_door", "Front-door triage (MASH)"
    SOCIAL_WORKER = "social_worker", "Social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    POLICE_OFFICER = "police_officer", "Police officer"
    ANALYST = "analyst", "Intelligence analyst"
    SCHOOL_DSL = "school_dsl", "School designated safeguarding lead"
    HEALTH = "health_practitioner", "Health practitioner"
    YOUTH_WORKER = "youth_worker", "Youth worker"
    AUDITOR = "auditor", "Auditor"
    ADMINISTRATOR = "administrator", "Administrator"
    SERVICE_LEADER = "service_leader", "Service leader"
    AGENCY_SYSTEM = "agency_system", "Agency system (API)"


# Roles whose safeguarding duty covers every child and every agency's concerns ("all" scope).
SAFEGUARDING_WIDE = frozenset({Role.FRONT_DOOR, Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.POLICE_OFFICER, Role.ANALYST})

# Roles that see only the children their own agency has raised concerns about, and only their own
# agency's concerns ("associated" scope).
OWN_AGENCY_ONLY = frozenset({Role.SCHOOL_DSL, Role.HEALTH, Role.YOUTH_WORKER, Role.AGENCY_SYSTEM})

# Roles that may see intelligence about adults (alerts, entities, networks): analysts, police and the
# front door only; every view is audited with the reason.
SEES_ADULT_INTELLIGENCE = frozenset({Role.FRONT_DOOR, Role.POLICE_OFFICER, Role.ANALYST})

RECORDS_CONCERNS = SAFEGUARDING_WIDE | OWN_AGENCY_ONLY
SEES_FRONT_DOOR = frozenset({Role.FRONT_DOOR, Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.POLICE_OFFICER, Role.ANALYST})
REVIEWS_MATCHES = frozenset({Role.FRONT_DOOR, Role.TEAM_MANAGER, Role.ANALYST})
READS_AUDIT = frozenset({Role.AUDITOR, Role.ADMINISTRATOR})

# Service figures (the leaders' dashboard): counts and times, never a child's record.
READS_SERVICE_FIGURES = frozenset({Role.SERVICE_LEADER, Role.TEAM_MANAGER})
# The child's plan: read by the roles that decide and work cases; written by those who work them.
READS_CHILD_PLANS = frozenset({Role.FRONT_DOOR, Role.SOCIAL_WORKER, Role.TEAM_MANAGER})
WRITES_CHILD_PLANS = frozenset({Role.SOCIAL_WORKER, Role.TEAM_MANAGER})
