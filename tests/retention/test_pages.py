"""The retention page: records officers only (everyone else gets "page not found" for every address,
GET and POST, and nothing is written), proposing, approving by a second officer, holds and classifying."""

import pytest
from django.urls import reverse

from joinedup.core import clock
from joinedup.core.models import AuditEvent
from joinedup.retention.models import Classification, LegalHold, Proposal, Tombstone
from joinedup.retention.urls import urlpatterns
from tests.retention.test_due_and_holds import LATER
from tests.web.conftest import EVERYONE

OFFICERS = ["audrey", "adam"]
ADDRESSES = [reverse(p.name) for p in urlpatterns]


@pytest.mark.parametrize("username", [u for u in EVERYONE + ["lena"] if u not in OFFICERS])
def test_other_roles_get_page_not_found_everywhere(login, town, username):
    client = login(username)
    before = AuditEvent.objects.exclude(event__in=["sign_in", "signed_in"]).count()
    for url in ADDRESSES:
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"child": f"C-{town['lily']:05d}", "hold-child": f"C-{town['lily']:05d}",
                                                     "hold-reason": "x", "reason": "x", "proposal": "1", "approve": "yes"})
            assert response.status_code in (404, 405), (method, url, response.status_code)
            assert b"Lilyanne" not in response.content
    assert AuditEvent.objects.exclude(event__in=["sign_in", "signed_in"]).count() == before
    assert not LegalHold.objects.exists() and not Proposal.objects.exists()


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(reverse("retention"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_an_officer_sees_what_is_due_and_proposes_and_another_approves(login, town, users):
    lily = f"C-{town['lily']:05d}"
    with clock.frozen(LATER):
        page = login("audrey").get(reverse("retention")).content.decode()
        assert f'data-due-child="{lily}"' in page and "Lilyanne" not in page
        assert "Retention" in page  # in the navigation
        response = login("audrey").post(reverse("retention_propose"), {"child": lily}, follow=True)
        assert "Disposal proposed" in response.content.decode()
        proposal = Proposal.objects.get(child_id_number=town["lily"])
        page = login("audrey").get(reverse("retention")).content.decode()
        assert "You proposed this" in page
        response = login("audrey").post(reverse("retention_decide"), {"proposal": proposal.pk, "approve": "yes"}, follow=True)
        assert "different records officer" in response.content.decode() and not Tombstone.objects.exists()
        response = login("adam").post(reverse("retention_decide"), {"proposal": proposal.pk, "approve": "yes", "reason": "ok"},
                                      follow=True)
    assert "Disposal approved" in response.content.decode()
    assert Tombstone.objects.get().approved_by == users.adam


def test_placing_and_lifting_a_hold_from_the_page(login, town):
    lily = f"C-{town['lily']:05d}"
    client = login("audrey")
    response = client.post(reverse("retention_hold"), {"hold-child": lily, "hold-reason": "Quarrymoor inquiry."}, follow=True)
    assert f"{lily} is on legal hold" in response.content.decode()
    hold = LegalHold.objects.get()
    with clock.frozen(LATER):
        page = client.get(reverse("retention")).content.decode()
    assert "Blocked: legal hold" in page
    client.post(reverse("retention_lift_hold"), {"hold": hold.pk, "reason": "The inquiry reported."})
    hold.refresh_from_db()
    assert hold.lifted_at is not None and hold.lift_reason == "The inquiry reported."


def test_classifying_from_the_page_needs_the_rules_date(login, town):
    lily = f"C-{town['lily']:05d}"
    client = login("adam")
    data = {"classify-child": lily, "classify-record_type": "looked_after", "classify-reason": "In care."}
    response = client.post(reverse("retention_classify"), data)
    assert response.status_code == 400 and "give that date" in response.content.decode()
    data.update({"classify-date_of_birth_0": "1", "classify-date_of_birth_1": "3", "classify-date_of_birth_2": "2008"})
    assert client.post(reverse("retention_classify"), data).status_code == 302
    assert Classification.objects.get().date_of_birth.isoformat() == "2008-03-01"
