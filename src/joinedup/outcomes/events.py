"""Audit events of the child's plan and of the data an administrator keeps for the service figures."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from joinedup.core.audit import AuditEventData


@dataclasses.dataclass(frozen=True)
class GoalWritten(AuditEventData):
    """A goal was written with the child, or a new version of it replaced the old one (kept)."""

    name: ClassVar[str] = "plan_goal_written"
    goal_id: int = 0
    version: int = 1
    state: str = ""
    replaces_id: int | None = None
    reason: str = ""

    def object_ref(self):
        return "goal", str(self.goal_id)


@dataclasses.dataclass(frozen=True)
class ReviewRecorded(AuditEventData):
    """A review of the child's plan was recorded, with the child's view and the measures they chose."""

    name: ClassVar[str] = "plan_review_recorded"
    review_id: int = 0
    held_on: str = ""
    measures: tuple = ()

    def object_ref(self):
        return "plan_review", str(self.review_id)


@dataclasses.dataclass(frozen=True)
class PopulationLoaded(AuditEventData):
    """An administrator loaded the local child population (the previous load is kept)."""

    name: ClassVar[str] = "population_loaded"
    load_id: int = 0
    source: str = ""
    groups: int = 0
    children: int = 0

    def object_ref(self):
        return "population_load", str(self.load_id)


@dataclasses.dataclass(frozen=True)
class PostsSet(AuditEventData):
    """An administrator set a team's funded posts (the previous figure is kept)."""

    name: ClassVar[str] = "team_posts_set"
    team_id: int = 0
    funded_posts: int = 0
    reason: str = ""

    def object_ref(self):
        return "team", str(self.team_id)


@dataclasses.dataclass(frozen=True)
class ServiceFiguresDownloaded(AuditEventData):
    """Someone downloaded one of the service figures as a spreadsheet (CSV)."""

    name: ClassVar[str] = "service_figures_downloaded"
    figure: str = ""
