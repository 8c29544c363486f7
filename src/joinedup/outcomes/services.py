"""Use cases of the child's plan and of the data an administrator keeps. The only place that writes the
outcomes models; each runs in one transaction with its audit event. Nothing is edited: a goal changes by
a new version, a review is recorded once, posts and population are replaced by newer rows."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.db import transaction

from joinedup.core import audit, clock
from joinedup.core.models import Team
from joinedup.core.roles import Role
from joinedup.outcomes import events
from joinedup.outcomes.access import may_write_plan, open_case
from joinedup.outcomes.models import (
    Goal,
    GoalState,
    MentalHealthSupport,
    PopulationGroup,
    PopulationLoad,
    Review,
    TeamPosts,
)
from joinedup.outcomes.population import PopulationRow
from joinedup.records.access import children_visible_to
from joinedup.records.models import Child
from joinedup.records.services import RefusedError


def _check_writer(actor, child: Child):
    if not may_write_plan(actor) or not children_visible_to(actor).filter(pk=child.pk).exists():
        raise RefusedError("You cannot write this child's plan.")
    case = open_case(child)
    if case is None:
        raise RefusedError("The child has no open case: a plan belongs to an open case.")
    return case


@transaction.atomic
def add_goal(actor, child: Child, words: str) -> Goal:
    """A new goal, written with the child in their own words."""
    case = _check_writer(actor, child)
    words = words.strip()
    if not words:
        raise RefusedError("Write the goal in the child's words.")
    goal = Goal.objects.create(child=child, case=case, words=words, created_by=actor, created_at=clock.now())
    audit.record(events.GoalWritten(child_id=child.pk, goal_id=goal.pk, version=1, state=goal.state), actor)
    return goal


@transaction.atomic
def revise_goal(actor, goal: Goal, *, words: str, state: str, reason: str) -> Goal:
    """A new version of a goal (new words, or achieved, or no longer wanted); the old one is kept."""
    case = _check_writer(actor, goal.child)
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    if Goal.objects.filter(replaces=goal).exists():
        raise RefusedError("This goal has already been changed: change the newest version.")
    if state not in GoalState.values:
        raise RefusedError(f"{state!r} is not a state of a goal.")
    words, reason = words.strip(), reason.strip()
    if not words:
        raise RefusedError("Write the goal in the child's words.")
    if not reason:
        raise RefusedError("Say why the goal changed.")
    if words == goal.words and state == goal.state:
        raise RefusedError("Nothing has changed.")
    new = Goal.objects.create(
        child=goal.child, case=case, replaces=goal, number=goal.number + 1, words=words, state=state,
        change_reason=reason, created_by=actor, created_at=clock.now(),
    )
    audit.record(
        events.GoalWritten(child_id=goal.child_id, goal_id=new.pk, version=new.number, state=state, replaces_id=goal.pk, reason=reason),
        actor,
    )
    return new


@dataclasses.dataclass
class Measures:
    """What the child chose to measure at a review; None where it was not asked or the child did not say."""

    missing_episodes: int | None = None
    attendance_percent: int | None = None
    mental_health_support: str = ""
    mental_health_referred_on: dt.date | None = None
    mental_health_first_seen_on: dt.date | None = None
    safe_score: int | None = None
    safe_scale_top: int | None = None
    safe_scale_words: str = ""


def _check_measures(m: Measures, held_on: dt.date) -> None:
    if m.attendance_percent is not None and not 0 <= m.attendance_percent <= 100:
        raise RefusedError("School attendance is a percentage from 0 to 100.")
    if (m.safe_score is None) != (m.safe_scale_top is None):
        raise RefusedError("Give both how safe the child feels and the top of the scale they chose.")
    if m.safe_scale_top is not None and (m.safe_scale_top < 1 or not 0 <= m.safe_score <= m.safe_scale_top):
        raise RefusedError("How safe the child feels must be on their scale, from 0 to the top they chose.")
    if m.mental_health_support and m.mental_health_support not in MentalHealthSupport.values:
        raise RefusedError("Choose how the child's mental-health support stands.")
    referred, seen = m.mental_health_referred_on, m.mental_health_first_seen_on
    if seen is not None and referred is None:
        raise RefusedError("Give the date the child was referred for mental-health support.")
    if referred is not None and referred > held_on or seen is not None and seen > held_on:
        raise RefusedError("Mental-health dates cannot be after the review.")
    if referred is not None and seen is not None and seen < referred:
        raise RefusedError("The child cannot be seen before they were referred.")


@transaction.atomic
def record_review(actor, child: Child, *, held_on: dt.date, child_view: str, measures: Measures) -> Review:
    """A review with the child: their view in their words, and the measures they chose."""
    case = _check_writer(actor, child)
    child_view = child_view.strip()
    if not child_view:
        raise RefusedError("Write the child's view, in their words (or what they chose to say).")
    if held_on > clock.now().date():
        raise RefusedError("A review cannot be recorded before it is held.")
    _check_measures(measures, held_on)
    review = Review.objects.create(
        child=child, case=case, held_on=held_on, child_view=child_view, created_by=actor, created_at=clock.now(),
        **dataclasses.asdict(measures),
    )
    chosen = tuple(sorted(k for k, v in dataclasses.asdict(measures).items() if v not in (None, "")))
    audit.record(events.ReviewRecorded(child_id=child.pk, review_id=review.pk, held_on=held_on.isoformat(), measures=chosen), actor)
    return review


def _check_administrator(actor) -> None:
    if actor is not None and actor.role != Role.ADMINISTRATOR:
        raise RefusedError("Only an administrator can change this.")


@transaction.atomic
def load_population(actor, rows: list[PopulationRow], source: str) -> PopulationLoad:
    """Replace the local child population with `rows` (the previous load is kept)."""
    _check_administrator(actor)
    if not rows:
        raise RefusedError("The population file has no rows.")
    load = PopulationLoad.objects.create(
        source=source[:300], children=sum(r.children for r in rows), created_by=actor, created_at=clock.now()
    )
    PopulationGroup.objects.bulk_create(
        PopulationGroup(load=load, age_band=r.age_band, sex=r.sex, ethnicity=r.ethnicity, recorded_as=list(r.recorded_as),
                        children=r.children)
        for r in rows
    )
    audit.record(events.PopulationLoaded(load_id=load.pk, source=load.source, groups=len(rows), children=load.children), actor)
    return load


@transaction.atomic
def set_posts(actor, team: Team, funded_posts: int, note: str = "") -> TeamPosts:
    """Set a team's funded posts (the previous figure is kept)."""
    _check_administrator(actor)
    if funded_posts < 0:
        raise RefusedError("A team cannot have fewer than no posts.")
    posts = TeamPosts.objects.create(team=team, funded_posts=funded_posts, note=note.strip(), created_by=actor, created_at=clock.now())
    audit.record(events.PostsSet(team_id=team.pk, funded_posts=funded_posts, reason=note.strip()), actor)
    return posts


@transaction.atomic
def record_download(actor, figure: str) -> None:
    audit.record(events.ServiceFiguresDownloaded(figure=figure), actor)
