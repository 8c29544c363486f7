"""The "find a path" page: for analysts, police and the front door only; each search audited with what was
asked and found; a path shown as steps (and as a picture) with the concern behind each; bad references
named in the error summary; and the form on an alert page."""

import pytest
from django.urls import reverse

from joinedup.core.models import AuditEvent
from joinedup.identity.models import Entity
from tests.identity.test_paths import chain  # noqa: F401 (pytest fixture)
from tests.web.conftest import EVERYONE

WORKS_ALERTS = ["alice", "peter", "anna"]


def _ref(pk):
    return f"C-{pk:05d}"


@pytest.mark.parametrize("username", EVERYONE)
def test_find_a_path_is_for_analysts_police_and_the_front_door(login, chain, username):  # noqa: F811
    url = reverse("find_path") + f"?start={_ref(chain['ava'])}&end={_ref(chain['cat'])}"
    response = login(username).get(url)
    assert response.status_code == (200 if username in WORKS_ALERTS else 404)
    if response.status_code == 404:
        assert b"Pathfinder" not in response.content
        assert not AuditEvent.objects.filter(event="path_searched").exists()


def test_someone_not_signed_in_is_sent_to_sign_in(client, db):
    assert client.get(reverse("find_path")).status_code == 302


def test_a_path_is_shown_step_by_step_with_its_concerns_and_audited(login, chain):  # noqa: F811
    response = login("anna").get(reverse("find_path"), {"start": _ref(chain["ava"]), "end": _ref(chain["cat"]).lower()})
    page = response.content.decode()
    assert response.status_code == 200
    assert "A path in 4 steps" in page
    assert page.index("Pathfinder1") < page.index("Pathfinder2") < page.index("Pathfinder3")
    assert "PA71 THX" in page and "Northtown Health" in page
    assert 'id="network-data"' in page
    event = AuditEvent.objects.get(event="path_searched")
    assert event.actor.username == "anna"
    assert event.detail["from_reference"] == _ref(chain["ava"]) and event.detail["to_reference"] == _ref(chain["cat"])
    assert event.detail["found"][0] == _ref(chain["ava"]) and len(event.detail["found"]) == 5
    assert "Intelligence analyst" in event.reason


def test_no_path_says_so_plainly_and_is_audited(login, chain):  # noqa: F811
    response = login("peter").get(reverse("find_path"), {"start": _ref(chain["ava"]), "end": _ref(chain["dee"])})
    assert response.status_code == 200
    assert "No path found" in response.content.decode()
    assert AuditEvent.objects.get(event="path_searched").detail["found"] == []
    every = login("peter").get(reverse("find_path"), {"start": _ref(chain["ava"]), "end": _ref(chain["dee"]), "every_link": "on"})
    assert "A path in 6 steps" in every.content.decode()


def test_time_order_is_a_choice_on_the_form(login, chain):  # noqa: F811
    response = login("alice").get(reverse("find_path"), {"start": _ref(chain["cat"]), "end": _ref(chain["ava"]), "time_order": "on"})
    assert "No path found" in response.content.decode() and "in time order" in response.content.decode()


@pytest.mark.parametrize(("start", "end", "message"), [
    ("Kayleigh", "AVA", "is not a child reference"),
    ("", "AVA", "Enter the child or entity to start from"),
    ("AVA", "C-9999999", "There is no child C-9999999"),
])
def test_bad_references_are_named_in_the_error_summary(login, chain, start, end, message):  # noqa: F811
    start, end = (_ref(chain["ava"]) if value == "AVA" else value for value in (start, end))
    response = login("anna").get(reverse("find_path"), {"start": start, "end": end})
    assert response.status_code == 400
    assert message in response.content.decode() and "There is a problem" in response.content.decode()
    assert not AuditEvent.objects.filter(event="path_searched").exists()


def test_an_alert_page_offers_a_path_between_its_children(login, chain):  # noqa: F811
    from joinedup.identity.models import Alert

    alert = Alert.objects.filter(children__child_id=chain["ava"]).first()
    page = login("anna").get(reverse("alert_detail", args=[alert.pk])).content.decode()
    assert "data-alert-path-form" in page
    assert f'value="{_ref(chain["ava"])}" selected' in page
    car = Entity.objects.get(kind="vehicle")
    assert f'value="{car.reference}"' in page
