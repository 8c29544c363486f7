"""Decisions, sign-offs, actions, notifications and cases: the follow-through on every concern.

Nothing here is edited away: a decision is recorded once (a sign-off is its own record), an action's
reassignments are kept, and closing anything records who, when and why. Every deadline is stored with
the rule that produced it, so a changed rule can be re-applied to open work.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from joinedup.core.models import Agency, Stamped, Team
from joinedup.records.models import Child, Concern


class DecisionKind(models.TextChoices):
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    INFORMATION_ADVICE = "information_and_advice", "Information and advice"
    EARLY_HELP = "early_help", "Early help"
    CHILD_IN_NEED = "child_in_need_assessment", "Child-in-need assessment (section 17)"
    STRATEGY_DISCUSSION = "strategy_discussion", "Strategy discussion / section 47 enquiry"
    IMMEDIATE_PROTECTION = "immediate_protection", "Immediate protection"
    REFERRAL = "referral_to_agency", "Referral to another agency"
    LINKED_CASE = "linked_to_open_case", "Linked to an existing open case"


class DecisionStatus(models.TextChoices):
    EFFECTIVE = "effective", "In effect"
    AWAITING_SIGN_OFF = "awaiting_sign_off", "Waiting for a manager to sign off"
    NOT_SIGNED_OFF = "not_signed_off", "Not signed off: needs a new decision"


class Decision(Stamped):
    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(max_length=40, choices=DecisionKind.choices)
    rationale = models.TextField()
    refer_to = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    status = models.CharField(max_length=20, choices=DecisionStatus.choices)
    sign_off_reasons = models.JSONField(default=list, blank=True)
    effective_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["concern", "created_at"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.concern.reference}"


class SignOff(Stamped):
    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="sign_off")
    approved = models.BooleanField()
    note = models.TextField()

    def __str__(self) -> str:
        return f"{'Signed off' if self.approved else 'Not signed off'}: {self.decision}"


class Case(Stamped):
    """A child's open involvement with children's social care, with the allocated worker."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="cases")
    allocated_worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    closure_reason = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["child", "closed_at"]), models.Index(fields=["allocated_worker", "closed_at"])]

    def __str__(self) -> str:
        return f"Case for {self.child.reference}"


class ActionKind(models.TextChoices):
    SIGN_OFF = "sign_off", "Manager sign-off of a decision"
    HISTORY_REVIEW = "history_review", "Review the child's whole history"
    ASSESSMENT = "assessment", "Child-in-need assessment"
    STRATEGY_DISCUSSION = "strategy_discussion", "Strategy discussion"
    INITIAL_CONFERENCE = "initial_conference", "Initial child protection conference"
    REVIEW_CONFERENCE = "review_conference", "Review child protection conference"
    RETURN_HOME_INTERVIEW = "return_home_interview", "Return-home interview"
    ALERT_TRIAGE = "alert_triage", "Triage an alert"
    STRATEGY_DECISION = "strategy_decision", "Decide on a strategy discussion (exploitation screening)"
    SUBJECT_ACCESS = "subject_access", "Respond to a subject-access request"
    OTHER = "action", "Action"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class Action(Stamped):
    kind = models.CharField(max_length=30, choices=ActionKind.choices)
    title = models.CharField(max_length=300)
    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="actions")
    child = models.ForeignKey(Child, on_delete=models.PROTECT, null=True, blank=True, related_name="actions")
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, null=True, blank=True, related_name="actions")
    alert = models.ForeignKey("identity.Alert", on_delete=models.PROTECT, null=True, blank=True, related_name="actions")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="actions")
    owner_team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="actions")
    due_at = models.DateTimeField(db_index=True)
    due_rule = models.CharField(max_length=40, blank=True)
    due_rule_params = models.JSONField(default=dict, blank=True)
    due_from = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    completion_note = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["status", "due_at"]),
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["owner_team", "status"]),
            models.Index(fields=["child", "status"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_label(self) -> str:
        if self.owner_id:
            return self.owner.display_name
        return self.owner_team.name if self.owner_team_id else "unassigned"


class Reassignment(Stamped):
    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="reassignments")
    from_owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    from_team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, related_name="+")
    to_owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    to_team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, related_name="+")
    reason = models.TextField()

    def __str__(self) -> str:
        return f"Reassigned {self.action}"


class NotificationPurpose(models.TextChoices):
    STRATEGY_DISCUSSION = "strategy_discussion", "Invited to a strategy discussion"
    REFERRAL = "referral", "Referred for a service"
    INFORMATION = "information", "Information shared"


class Notification(Stamped):
    """A decision that needs another agency: it must acknowledge in time."""

    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="notifications")
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="notifications")
    to_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="notifications")
    purpose = models.CharField(max_length=30, choices=NotificationPurpose.choices)
    message = models.TextField(blank=True)
    ack_due_at = models.DateTimeField()
    due_rule = models.CharField(max_length=40, default="acknowledgement")
    due_rule_params = models.JSONField(default=dict, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["to_agency", "acknowledged_at"]), models.Index(fields=["ack_due_at"])]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}: {self.to_agency}"


class Escalation(Stamped):
    """Overdue work brought to a manager's attention (in the app, and by email)."""

    kind = models.CharField(max_length=30)  # as in the overdue export: referral_decision, action, ...
    item_id = models.PositiveBigIntegerField()
    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="escalations")
    title = models.CharField(max_length=300)
    due_at = models.DateTimeField()
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, related_name="escalations")
    emailed_to = models.JSONField(default=list)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "item_id"], name="escalation_once_per_item")]
        indexes = [models.Index(fields=["team", "created_at"])]

    def __str__(self) -> str:
        return f"Escalated: {self.title}"
