"""Children, concerns (append-only versions), the children and mentions each version names, and the
record of how children were matched across agencies."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from joinedup.core.models import Agency, Stamped, clock_now


class Child(models.Model):
    """One child, as JoinedUp has resolved them across agencies. The child's details live in the
    agencies' own descriptions (`ConcernChild`); this row is the identity they are linked to."""

    created_at = models.DateTimeField(default=clock_now)
    merged_into = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["merged_into"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"C-{self.pk:05d}"


class ConcernStatus(models.TextChoices):
    OPEN = "open", "Open"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Channel(models.TextChoices):
    FORM = "form", "Recorded in JoinedUp"
    API = "api", "Agency system (API)"
    IMPORT = "import", "Bulk import"


class Concern(Stamped):
    """A concern as one agency sent it. Its content lives in versions; this row never changes except to
    point at its newest version, or to record a withdrawal (with a reason)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="concerns")
    source_ref = models.CharField(max_length=200)
    received_at = models.DateTimeField(db_index=True)
    current_version = models.ForeignKey(
        "ConcernVersion", on_delete=models.PROTECT, null=True, related_name="+"
    )
    status = models.CharField(max_length=20, choices=ConcernStatus.choices, default=ConcernStatus.OPEN)
    withdrawn_reason = models.TextField(blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    decision_due_at = models.DateTimeField(null=True)
    # The current version's urgency, kept beside the pointer (both written in the same statement) so the
    # front-door queue can be read in order from an index.
    urgency = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "source_ref"], name="concern_unique_source_ref")
        ]
        indexes = [
            models.Index(fields=["status", "received_at"]),
            models.Index(fields=["status", "urgency", "received_at"], name="concern_queue_order"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return reference_for(self.pk)


REFERENCE_PREFIX = "JU-"


def reference_for(pk: int) -> str:
    return f"{REFERENCE_PREFIX}{pk:07d}"


def pk_from_reference(reference: str) -> int | None:
    reference = reference.strip().upper()
    if not reference.startswith(REFERENCE_PREFIX):
        return None
    digits = reference[len(REFERENCE_PREFIX):]
    if not digits or len(digits) > 12 or not all("0" <= ch <= "9" for ch in digits):
        return None
    return int(digits)


def split_codes(value: str) -> list[str]:
    return value.split()


class ConcernVersion(Stamped):
    """One immutable version of a concern. `payload` is the interchange record exactly as received
    (nothing is lost); the typed columns are what the application reads."""

    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    content_hash = models.CharField(max_length=64)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    payload = models.JSONField()
    reporter_name = models.CharField(max_length=200, blank=True)
    reporter_role = models.CharField(max_length=200, blank=True)
    occurred_at = models.CharField(max_length=64, blank=True)
    summary = models.TextField()
    child_words = models.TextField(blank=True)
    # Space-separated codes with a space either side (" missing sexual_exploitation "), so a code can be
    # filtered with `__contains=" code "` on every database. Written once; versions never change.
    category_codes = models.CharField(max_length=600, blank=True)
    indicator_codes = models.CharField(max_length=1200, blank=True)
    urgency = models.PositiveSmallIntegerField(default=0)
    correction_reason = models.TextField(blank=True)
    # Hash chain (joinedup.integrity.chain): the row_hash of the version before (in id order), and this
    # version's own.
    prev_hash = models.CharField(max_length=64, default="", editable=False)
    row_hash = models.CharField(max_length=64, default="", editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["concern", "number"], name="version_unique_number"),
            # Two versions can never follow the same one: a fork of the chain fails at the database.
            models.UniqueConstraint(fields=["prev_hash"], name="version_chain_unique_prev"),
        ]
        indexes = [models.Index(fields=["concern", "content_hash"])]

    @property
    def categories(self) -> list[str]:
        return split_codes(self.category_codes)

    @property
    def indicators(self) -> list[str]:
        return split_codes(self.indicator_codes)


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    OTHER = "other", "Other"
    UNKNOWN = "unknown", "Unknown"


class ConcernChild(models.Model):
    """A child as one version of one concern describes them, and the child record it is linked to."""

    version = models.ForeignKey(ConcernVersion, on_delete=models.PROTECT, related_name="children")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="descriptions")
    ref = models.CharField(max_length=200, blank=True)
    nhs_number = models.CharField(max_length=20, blank=True)
    upn = models.CharField(max_length=20, blank=True)
    la_id = models.CharField(max_length=60, blank=True)
    given_name = models.CharField(max_length=200, blank=True)
    family_name = models.CharField(max_length=200, blank=True)
    other_names = models.JSONField(default=list, blank=True)
    dob = models.DateField(null=True, blank=True)
    approx_age = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=10, choices=Sex.choices, blank=True)
    ethnicity = models.CharField(max_length=200, blank=True)
    nationality = models.CharField(max_length=200, blank=True)
    address = models.CharField(max_length=500, blank=True)
    postcode = models.CharField(max_length=20, blank=True)
    school = models.CharField(max_length=200, blank=True)
    # Normalised keys used by the matcher (records/matching.py); derived once when the row is written.
    given_key = models.CharField(max_length=200, blank=True)
    family_key = models.CharField(max_length=200, blank=True)
    postcode_key = models.CharField(max_length=10, blank=True)
    link_method = models.CharField(max_length=30)
    link_score = models.FloatField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["nhs_number"]),
            models.Index(fields=["upn"]),
            models.Index(fields=["la_id"]),
            models.Index(fields=["agency", "ref"]),
            models.Index(fields=["dob"]),
            models.Index(fields=["family_key", "given_key"]),
            models.Index(fields=["postcode_key", "family_key"]),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.agency_id})"

    @property
    def display_name(self) -> str:
        name = " ".join(part for part in (self.given_name, self.family_name) if part)
        return name or (f"ref {self.ref}" if self.ref else "name not given")


class MentionKind(models.TextChoices):
    PERSON = "person", "Person"
    VEHICLE = "vehicle", "Vehicle"
    PHONE = "phone", "Phone"
    PLACE = "place", "Place"
    ONLINE = "online", "Online account"


class Mention(models.Model):
    """Someone or something a concern names: a person, vehicle, phone, place or online account."""

    version = models.ForeignKey(ConcernVersion, on_delete=models.PROTECT, related_name="mentions")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=MentionKind.choices)
    role = models.CharField(max_length=40)
    given_name = models.CharField(max_length=200, blank=True)
    family_name = models.CharField(max_length=200, blank=True)
    nickname = models.CharField(max_length=200, blank=True)
    dob = models.DateField(null=True, blank=True)
    approx_age = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=10, blank=True)
    ethnicity = models.CharField(max_length=200, blank=True)
    nationality = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    phone = models.CharField(max_length=60, blank=True)
    address = models.CharField(max_length=500, blank=True)
    postcode = models.CharField(max_length=20, blank=True)
    plate = models.CharField(max_length=60, blank=True)
    make = models.CharField(max_length=100, blank=True)
    model = models.CharField(max_length=100, blank=True)
    colour = models.CharField(max_length=60, blank=True)
    taxi_firm = models.CharField(max_length=200, blank=True)
    number = models.CharField(max_length=60, blank=True)
    name = models.CharField(max_length=200, blank=True)
    venue_type = models.CharField(max_length=20, blank=True)
    platform = models.CharField(max_length=100, blank=True)
    handle = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"{self.kind}: {self.label}"

    @property
    def label(self) -> str:
        from joinedup.records.mentions import mention_label

        return mention_label(self)


class MatchStatus(models.TextChoices):
    OPEN = "open", "Waiting for a person to decide"
    SAME = "same", "Decided: the same child"
    DIFFERENT = "different", "Decided: different children"


class MatchCandidate(Stamped):
    """An uncertain match: a child description that may be the same child as an existing record."""

    description = models.ForeignKey(ConcernChild, on_delete=models.PROTECT, related_name="match_candidates")
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    candidate = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    score = models.FloatField()
    explanation = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=MatchStatus.choices, default=MatchStatus.OPEN)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "score"])]


class LinkEventKind(models.TextChoices):
    MERGE = "merge", "Merged"
    SPLIT = "split", "Split"


class ChildLinkEvent(Stamped):
    """A merge or split of child records, with exactly which descriptions moved, so it can be undone."""

    kind = models.CharField(max_length=10, choices=LinkEventKind.choices)
    from_child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    to_child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    moved = models.JSONField(default=list)
    reason = models.TextField()
    reverses = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
