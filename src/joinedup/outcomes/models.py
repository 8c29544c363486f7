"""The child's plan (goals in the child's words, reviews with the child's own view and the measures that
matter to them), and the two things an administrator keeps for the service figures: the local child
population and each team's funded posts.

Append-only: a goal changes by a new version, a review is recorded once, a population load or a posts
figure is replaced by a newer one (the old rows are kept).
"""

from __future__ import annotations

from django.db import models

from joinedup.casework.models import Case
from joinedup.core.models import Stamped, Team
from joinedup.records.models import Child


class GoalState(models.TextChoices):
    WORKING_ON = "working_on", "Working on it"
    ACHIEVED = "achieved", "Achieved"
    STOPPED = "stopped", "No longer wanted"


class Goal(Stamped):
    """One version of a goal, written with the child in their own words. A change is a new version that
    `replaces` this one; the newest version of each goal is the one without a replacement."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="goals")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    replaces = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by")
    number = models.PositiveIntegerField(default=1)
    words = models.TextField()
    state = models.CharField(max_length=20, choices=GoalState.choices, default=GoalState.WORKING_ON)
    change_reason = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["child", "created_at"])]

    def __str__(self) -> str:
        return f"Goal for {self.child.reference}: {self.words[:40]}"


class MentalHealthSupport(models.TextChoices):
    NOT_NEEDED = "not_needed", "Not needed"
    WAITING = "waiting", "Referred, waiting to be seen"
    RECEIVING = "receiving", "Getting support"
    ENDED = "ended", "Support has ended"
    DECLINED = "declined", "Offered, the child said no"


class Review(Stamped):
    """A review of the plan with the child: their view in their words, and the measures they chose.
    A measure left empty was not asked about, or the child chose not to say."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="plan_reviews")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField()
    child_view = models.TextField()
    missing_episodes = models.PositiveSmallIntegerField(null=True, blank=True)
    attendance_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    mental_health_support = models.CharField(max_length=20, choices=MentalHealthSupport.choices, blank=True)
    mental_health_referred_on = models.DateField(null=True, blank=True)
    mental_health_first_seen_on = models.DateField(null=True, blank=True)
    safe_score = models.PositiveSmallIntegerField(null=True, blank=True)
    safe_scale_top = models.PositiveSmallIntegerField(null=True, blank=True)
    safe_scale_words = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["child", "held_on"])]

    def __str__(self) -> str:
        return f"Review for {self.child.reference} on {self.held_on}"


class PopulationLoad(Stamped):
    """One load of the local child population (the newest load is the one the figures use)."""

    source = models.CharField(max_length=300)
    children = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"Population from {self.source}"


class PopulationGroup(models.Model):
    """Children living in the area in one age band, sex and ethnic group."""

    load = models.ForeignKey(PopulationLoad, on_delete=models.PROTECT, related_name="groups")
    age_band = models.CharField(max_length=10)
    sex = models.CharField(max_length=10)
    ethnicity = models.CharField(max_length=200)
    recorded_as = models.JSONField(default=list, blank=True)
    children = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.age_band} {self.sex} {self.ethnicity}: {self.children}"


class TeamPosts(Stamped):
    """A team's funded posts, as an administrator set them; the newest row for a team is in force."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    funded_posts = models.PositiveSmallIntegerField()
    note = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "team posts"
        indexes = [models.Index(fields=["team", "created_at"])]

    def __str__(self) -> str:
        return f"{self.funded_posts} posts in {self.team}"
