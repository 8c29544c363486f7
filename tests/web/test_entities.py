"""Entity pages: one vehicle, phone, person, place or account with every child and concern linked to it,
how each link was made (to confirm or reject), possible matches, and the most connected entities and
hotspots. Only analysts, police and the front door may open them; every view of an entity is audited."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from joinedup.core.models import AuditEvent
from joinedup.identity.models import Entity, MentionLink
from tests.web.conftest import EVERYONE
from tests.web.test_alerts import car, child, make_alert

WORKS_ALERTS = ["alice", "peter", "anna"]


def flat(name="Flat 7"):
    return {"kind": "place", "role": "taken_to", "name": name, "address": "133 Hawthorn Road", "postcode": "NT1 1AA", "venue_type": "flat"}


def make_place(submit, children=2, name="Flat 7", surname="Placetest"):
    for n in range(1, children + 1):
        submit("police", children=child(n, surname), mentions=[flat(name)], received_at=f"2024-04-0{n}T10:00:00+00:00")
    return MentionLink.objects.filter(mention__kind="place", kind="linked").order_by("-pk").first().entity


@pytest.fixture
def entity(users, submit):
    assert users.anna
    return make_alert(submit).entity


def _expect(allowed):
    return [(name, 200 if name in allowed else 404) for name in EVERYONE]


@pytest.mark.parametrize("username,status", _expect(WORKS_ALERTS))
def test_an_entity_page_is_for_analysts_police_and_the_front_door(login, entity, username, status):
    assert login(username).get(reverse("entity_detail", args=[entity.pk])).status_code == status


@pytest.mark.parametrize("username,status", _expect(WORKS_ALERTS))
def test_the_most_connected_list_is_for_analysts_police_and_the_front_door(login, entity, username, status):
    assert login(username).get(reverse("entity_list")).status_code == status
    assert login(username).get(reverse("entity_list") + "?kind=place").status_code == status


@pytest.mark.parametrize("username,status", _expect(WORKS_ALERTS))
def test_judging_a_link_from_the_entity_page_is_for_the_same_roles(login, entity, username, status):
    link = MentionLink.objects.filter(entity=entity).first()
    response = login(username).post(reverse("entity_judge_link", args=[entity.pk, link.pk]), {"judgement": "confirm", "reason": "Same plate"})
    assert response.status_code == (302 if status == 200 else 404)


def test_someone_not_signed_in_is_sent_to_sign_in(client, entity):
    assert client.get(reverse("entity_list")).status_code == 302
    assert client.get(reverse("entity_detail", args=[entity.pk])).status_code == 302


def test_an_unknown_entity_is_a_404(login, db):
    assert login("anna").get(reverse("entity_detail", args=[999])).status_code == 404


def test_the_entity_page_shows_children_concerns_roles_and_links(login, entity):
    page = login("anna").get(reverse("entity_detail", args=[entity.pk])).content.decode()
    assert "YK62 HBD" in page and "Vehicle" in page and entity.reference in page
    assert "Child1 YK62HBD1" in page and "Child2 YK62HBD2" in page
    assert "Northtown Academy" in page and "Northtown Police" in page
    assert "transported child" in page and "counts as evidence" in page
    links = MentionLink.objects.filter(entity=entity, kind="linked")
    for link in links:
        assert reverse("entity_judge_link", args=[entity.pk, link.pk]) in page
        assert reverse("concern_detail", args=[link.mention.version.concern_id]) in page
    assert page.count('name="judgement" value="confirm"') == links.count()
    assert "<script>" not in page and "style=" not in page


def test_possible_matches_are_listed_separately(login, entity, submit):
    other = submit("police", children=child(3, "Possible"), mentions=[car("ZZ99 ZZZ")], received_at="2024-03-05T10:00:00+00:00")
    assert other
    mention_link = MentionLink.objects.filter(mention__plate="ZZ99 ZZZ", kind="linked").first()
    possible = MentionLink.objects.create(mention=mention_link.mention, entity=entity, kind="possible", method="score", score=0.4,
                                          explanation=[["plate", "differs"]], created_at=mention_link.created_at)
    page = login("anna").get(reverse("entity_detail", args=[entity.pk])).content.decode()
    assert "data-entity-possible" in page
    possible_part = page.split('id="possible"')[1]
    assert f'id="link-{possible.pk}"' in possible_part and "Plate: differs" in possible_part
    assert f'id="link-{possible.pk}"' not in page.split('id="possible"')[0]


def test_a_link_is_confirmed_with_a_reason_and_not_without(login, entity):
    link = MentionLink.objects.filter(entity=entity).first()
    url = reverse("entity_judge_link", args=[entity.pk, link.pk])
    response = login("anna").post(url, {"judgement": "confirm", "reason": ""})
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.judgement == ""
    response = login("anna").post(url, {"judgement": "confirm", "reason": "Same plate, same colour."})
    assert response["Location"].endswith(reverse("entity_detail", args=[entity.pk]) + f"#link-{link.pk}")
    link.refresh_from_db()
    assert link.judgement == "confirmed"
    assert AuditEvent.objects.filter(event="link_judged", object_id=str(link.pk)).exists()


def test_a_link_of_another_entity_cannot_be_judged_here(login, entity, submit):
    other = make_place(submit)
    link = MentionLink.objects.filter(entity=other).first()
    response = login("anna").post(reverse("entity_judge_link", args=[entity.pk, link.pk]), {"judgement": "reject", "reason": "No"})
    assert response.status_code == 404


def test_every_view_of_an_entity_is_audited_with_the_role(login, entity):
    login("peter").get(reverse("entity_detail", args=[entity.pk]))
    event = AuditEvent.objects.get(event="entity_viewed")
    assert event.object_id == str(entity.pk)
    assert "Police officer" in event.reason


def test_most_connected_ranks_by_distinct_children_and_hotspots_are_places(login, entity, submit):
    place = make_place(submit, 3)
    page = login("anna").get(reverse("entity_list")).content.decode()
    assert "data-entity-ranking" in page
    assert page.index(place.reference) < page.index(entity.reference)
    hotspots = login("anna").get(reverse("entity_list") + "?kind=place").content.decode()
    assert "Hotspots" in hotspots and place.reference in hotspots and entity.reference not in hotspots
    vehicles = login("anna").get(reverse("entity_list") + "?kind=vehicle").content.decode()
    assert entity.reference in vehicles and place.reference not in vehicles


def test_the_alert_page_links_to_its_entities(login, entity):
    page = login("anna").get(reverse("alert_detail", args=[entity.alert.pk])).content.decode()
    assert reverse("entity_detail", args=[entity.pk]) in page


@pytest.mark.parametrize("size", [2, 5])
def test_the_entity_pages_run_a_fixed_number_of_queries(login, users, submit, size, django_assert_max_num_queries):
    small = make_alert(submit, 2, plate="AB12 CDE").entity
    large = make_alert(submit, size, plate="XY34 ZZZ", agencies=("police", "school", "health")).entity
    client = login("anna")
    with CaptureQueriesContext(connection) as baseline:
        client.get(reverse("entity_detail", args=[small.pk]))
    with django_assert_max_num_queries(len(baseline)):
        assert client.get(reverse("entity_detail", args=[large.pk])).status_code == 200
    with CaptureQueriesContext(connection) as list_small:
        client.get(reverse("entity_list"))
    make_place(submit, size)
    make_alert(submit, 3, plate="QQ11 QQQ")
    assert Entity.objects.count() > 2
    with django_assert_max_num_queries(len(list_small)):
        assert client.get(reverse("entity_list")).status_code == 200
    with django_assert_max_num_queries(len(list_small)):
        assert client.get(reverse("entity_list") + "?kind=place").status_code == 200
