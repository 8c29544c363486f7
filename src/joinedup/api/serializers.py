"""The shapes of API responses (read-only: records are validated by the interchange validator, not by
DRF serializers, so there is exactly one definition of a valid record)."""

from __future__ import annotations

from rest_framework import serializers

from joinedup.records.models import ConcernStatus, Sex


class ConcernRecordSerializer(serializers.BaseSerializer):
    """A `joinedup.concern/1` record, passed through as it is (its OpenAPI schema is the interchange
    JSON Schema: see api/openapi.py)."""

    def to_representation(self, instance):
        return instance


class ErrorSerializer(serializers.Serializer):
    field = serializers.CharField(
        allow_blank=True,
        help_text="Where the error is: a record field such as `children[0].dob`, a query parameter, "
        "or empty when it is about the request as a whole.",
    )
    message = serializers.CharField()


class ErrorsSerializer(serializers.Serializer):
    errors = ErrorSerializer(many=True)


class WarningSerializer(serializers.Serializer):
    """A phrase in the record that may blame the child (the language check). Never blocks storing."""

    field = serializers.CharField(help_text="The record field the phrase is in (`summary`).")
    phrase = serializers.CharField(help_text="The phrase as written: `record[field][start:end]`.")
    start = serializers.IntegerField(min_value=0, help_text="Where the phrase starts, in Unicode code points.")
    end = serializers.IntegerField(min_value=0, help_text="Where it ends (exclusive), in Unicode code points.")
    reason = serializers.CharField(help_text="Why it may blame the child.")
    suggestions = serializers.ListField(child=serializers.CharField(), help_text="What to write instead.")


class SubmitResultSerializer(serializers.Serializer):
    reference = serializers.CharField(help_text="JoinedUp's reference for the concern, e.g. JU-0000012.")
    outcome = serializers.ChoiceField(
        choices=["created", "version", "unchanged"],
        help_text="created: a new concern; version: a new version of a concern already sent with this "
        "source_ref; unchanged: identical content was already stored (nothing was written).",
    )
    version = serializers.IntegerField(min_value=1, help_text="The version the content is stored as.")
    children = serializers.ListField(
        child=serializers.CharField(), help_text="The child record each child in the record is linked to, in order."
    )
    warnings = WarningSerializer(
        many=True,
        help_text="Phrases in the summary that may blame the child, with why and what to write instead "
        "(empty when there are none). The record is stored as sent: correct it by sending a new version. "
        "The child's own words (`child_words`) are never checked.",
    )


class ConcernSummarySerializer(serializers.Serializer):
    """A row of the concern list: no child's details, so listing is not a read of a child's record."""

    reference = serializers.CharField()
    agency = serializers.CharField(source="agency.name")
    source_ref = serializers.CharField()
    received_at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=ConcernStatus.choices)
    version = serializers.IntegerField(source="current_version.number")


class ConcernDetailSerializer(serializers.Serializer):
    reference = serializers.CharField(source="concern.reference")
    agency = serializers.CharField(source="concern.agency.name")
    source_ref = serializers.CharField(source="concern.source_ref")
    received_at = serializers.DateTimeField(source="concern.received_at")
    status = serializers.ChoiceField(source="concern.status", choices=ConcernStatus.choices)
    withdrawn_reason = serializers.CharField(source="concern.withdrawn_reason", allow_blank=True)
    withdrawn_at = serializers.DateTimeField(source="concern.withdrawn_at", allow_null=True)
    version = serializers.IntegerField(source="concern.current_version.number", help_text="The current version.")
    versions = serializers.ListField(child=serializers.IntegerField(), help_text="Every version's number.")
    children = serializers.ListField(
        child=serializers.CharField(), help_text="The child records the current version names, in order."
    )
    record = ConcernRecordSerializer(
        source="concern.current_version.payload", help_text="The current version, exactly as it was received."
    )


class ChildDescriptionSerializer(serializers.Serializer):
    """The child as one agency describes them in the current version of one concern."""

    agency = serializers.CharField(source="agency.name")
    concern = serializers.CharField(source="version.concern.reference")
    received_at = serializers.DateTimeField(source="version.concern.received_at")
    ref = serializers.CharField(allow_blank=True)
    given_name = serializers.CharField(allow_blank=True)
    family_name = serializers.CharField(allow_blank=True)
    other_names = serializers.ListField(child=serializers.CharField(allow_blank=True))
    dob = serializers.DateField(allow_null=True)
    approx_age = serializers.IntegerField(allow_null=True)
    sex = serializers.ChoiceField(choices=[("", "Not given"), *Sex.choices], allow_blank=True)
    ethnicity = serializers.CharField(allow_blank=True)
    nationality = serializers.CharField(allow_blank=True)
    address = serializers.CharField(allow_blank=True)
    postcode = serializers.CharField(allow_blank=True)
    school = serializers.CharField(allow_blank=True)
    nhs_number = serializers.CharField(allow_blank=True)
    upn = serializers.CharField(allow_blank=True)
    la_id = serializers.CharField(allow_blank=True)


class ChildDetailSerializer(serializers.Serializer):
    reference = serializers.CharField(
        source="child.reference", help_text="The child's reference (a merged child's reference leads here)."
    )
    known_as = ChildDescriptionSerializer(
        source="descriptions", many=True,
        help_text="How each agency the caller may see describes the child.",
    )
    concerns = serializers.ListField(
        child=serializers.CharField(), help_text="The concerns the caller may see that name the child."
    )
