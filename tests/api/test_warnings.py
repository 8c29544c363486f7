"""POST /api/concerns/ checks the summary's language: each phrase that may blame the child comes back in
`warnings` (never blocking), and the check is recorded as for a page, with channel "api"."""

import pytest
from django.test import Client

from joinedup.core.models import AuditEvent
from joinedup.language.models import LanguageCheck
from joinedup.records.models import Concern
from tests.factories import concern_data

pytestmark = pytest.mark.django_db

URL = "/api/concerns/"
SUMMARY = "Found in a car with two adult men at 1am. Kayleigh keeps putting herself at risk."
CHILD_WORDS = "I'm out of control, I know."


def test_a_flagged_summary_is_stored_as_sent_with_warnings(callers):
    response = callers.police_system.post(URL, concern_data("police", summary=SUMMARY, child_words=CHILD_WORDS))
    assert response.status_code == 201
    warnings = response.json()["warnings"]
    assert warnings == [{
        "field": "summary", "phrase": "putting herself at risk", "start": 57, "end": 80,
        "reason": "Puts responsibility on the child.",
        "suggestions": ["the child may have been groomed", "an adult may be exploiting the child's vulnerability",
                        "it is not clear whether the child is under pressure to go missing"],
    }]
    assert SUMMARY[57:80] == "putting herself at risk"
    concern = Concern.objects.get()
    assert concern.current_version.summary == SUMMARY  # nothing is rewritten


def test_the_check_is_recorded_for_the_concern_with_the_kept_phrases(callers):
    system = callers.police_system
    system.post(URL, concern_data("police", summary=SUMMARY))
    concern = Concern.objects.get()
    check = LanguageCheck.objects.get()
    assert (check.kind, check.record_id, check.channel) == ("concern", concern.pk, "api")
    assert (check.created_by, check.agency) == (system.user, system.user.agency)
    assert (check.findings, check.rules, check.kept) == (1, ["putting_self_at_risk"], True)
    assert check.kept_phrases == ["putting herself at risk"]
    event = AuditEvent.objects.get(event="language_kept")
    assert event.detail["channel"] == "api" and event.object_id == str(concern.pk)


def test_a_plain_summary_has_no_warnings_and_its_check_is_recorded(callers):
    response = callers.police_system.post(URL, concern_data("police"))
    assert response.json()["warnings"] == []
    check = LanguageCheck.objects.get()
    assert (check.findings, check.kept) == (0, False)
    assert not AuditEvent.objects.filter(event="language_kept").exists()


def test_the_childs_own_words_are_never_checked(callers):
    body = callers.police_system.post(URL, concern_data("police", child_words="He's my boyfriend, I'm out of control."))
    assert body.json()["warnings"] == []


def test_resending_identical_content_warns_again_but_records_nothing_new(callers):
    record = concern_data("police", summary=SUMMARY)
    first = callers.police_system.post(URL, record).json()
    again = callers.police_system.post(URL, record)
    assert again.status_code == 200 and again.json()["warnings"] == first["warnings"]
    assert LanguageCheck.objects.count() == 1


def test_a_corrected_version_is_checked_again(callers):
    record = concern_data("police", summary=SUMMARY)
    callers.police_system.post(URL, record)
    corrected = "Found in a car with two adult men at 1am. They may be grooming her."
    response = callers.police_system.post(URL, {**record, "summary": corrected})
    assert response.status_code == 201 and response.json()["warnings"] == []
    assert list(LanguageCheck.objects.order_by("pk").values_list("kept", flat=True)) == [True, False]


def test_an_adult_among_the_mentions_is_the_checkers_context(callers):
    mentions = [{"kind": "person", "role": "seen_with", "given_name": "Dan", "approx_age": 31}]
    record = concern_data("school", summary="She says Dan is her boyfriend.", mentions=mentions)
    warnings = callers.school_system.post(URL, record).json()["warnings"]
    assert [w["phrase"] for w in warnings] == ["boyfriend"]
    peer = concern_data("school", summary="She says Dan is her boyfriend.",
                        mentions=[{**mentions[0], "approx_age": 15}])
    assert callers.school_system.post(URL, peer).json()["warnings"] == []


def test_an_invalid_record_records_no_check(callers):
    response = callers.police_system.post(URL, concern_data("police", summary=""))
    assert response.status_code == 400
    assert not LanguageCheck.objects.exists()


def test_the_schema_documents_the_warnings():
    schema = Client().get("/api/schema/", {"format": "json"}).json()
    result = schema["components"]["schemas"]["SubmitResult"]
    assert "warnings" in result["required"]
    warning = schema["components"]["schemas"]["Warning"]
    assert set(warning["properties"]) == {"field", "phrase", "start", "end", "reason", "suggestions"}
    examples = schema["paths"]["/api/concerns/"]["post"]["responses"]["201"]["content"]["application/json"]["examples"]
    assert any(example["value"]["warnings"] for example in examples.values())
