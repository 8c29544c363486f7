"""Hostile text. A script in every free-text field of a concern (names, summary, the child's words, every
mention field, the reporter) is shown as text on every page that shows it, never run: the raw markup
never reaches a page. SQL metacharacters and wildcards in every search box and filter are harmless: the
page answers (200, or 400 for a value it refuses), finds nothing it should not, and the data is intact."""

import pytest
from django.urls import reverse

from joinedup.identity.models import Alert, Entity
from joinedup.records.models import Child, Concern

XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;"
WIDE = ["alice", "anna", "sunita"]


@pytest.fixture
def hostile(users, submit):
    for name in ("alice", "anna", "sunita", "peter", "audrey", "maria"):
        assert getattr(users, name)
    person = {"kind": "person", "role": "suspected_abuser", "given_name": f"Mo{XSS}", "family_name": f"Fx{XSS}",
              "nickname": XSS, "description": XSS, "phone": "07700 900123", "address": XSS, "postcode": "NT1 1AA"}
    car = {"kind": "vehicle", "role": "transported_child", "plate": "XS51 SSX", "make": XSS, "model": XSS, "colour": XSS, "taxi_firm": XSS}
    place = {"kind": "place", "role": "taken_to", "name": f"Flat {XSS}", "address": XSS, "venue_type": "flat"}
    online = {"kind": "online", "role": "contacted_child", "platform": XSS, "handle": f"h{XSS}"}
    ids = []
    for n, agency in ((1, "police"), (2, "school")):
        result = submit(agency, received_at=f"2024-06-0{n}T10:00:00+00:00",
                        reporter={"name": XSS, "role": XSS},
                        children=[{"ref": f"X{n}", "given_name": f"Ann{n}{XSS}", "family_name": f"Hostile{XSS}", "dob": f"2010-0{n}-0{n}",
                                   "ethnicity": XSS, "nationality": XSS, "address": XSS, "school": XSS}],
                        summary=f"Summary {XSS}", child_words=f"Words {XSS}", mentions=[person, car, place, online])
        ids.append(result.concern_id)
    return ids


def _pages(concern_ids):
    concern = Concern.objects.get(pk=concern_ids[0])
    child_id = concern.current_version.children.first().child_id
    pages = [reverse("front_door"), reverse("concern_detail", args=[concern.pk]), reverse("child_detail", args=[child_id]),
             reverse("find_child") + "?q=Ann1", reverse("my_work"), reverse("alert_list"), reverse("entity_list")]
    pages += [reverse("alert_detail", args=[a.pk]) for a in Alert.objects.all()]
    pages += [reverse("entity_detail", args=[e.pk]) for e in Entity.objects.all()]
    other = Concern.objects.get(pk=concern_ids[1]).current_version.children.first().child_id
    pages.append(reverse("find_path") + f"?start=C-{child_id:05d}&end=C-{other:05d}")
    return pages


@pytest.mark.parametrize("username", WIDE)
def test_a_script_in_any_field_is_shown_as_text_on_every_page(login, hostile, username):
    client = login(username)
    shown_escaped = 0
    for url in _pages(hostile):
        response = client.get(url)
        if response.status_code == 404:
            continue
        body = response.content.decode()
        assert response.status_code == 200, url
        assert "<script>alert" not in body, url  # the raw markup never reaches the page
        assert "<img src=x" not in body, url
        shown_escaped += ESCAPED in body
    assert shown_escaped >= 3  # the hostile text really was on the pages, escaped


def test_the_audit_search_shows_hostile_text_as_text(login, hostile):
    body = login("audrey").get(reverse("audit_search"), {"q": XSS}).content.decode()
    assert "<script>alert" not in body


SQL = ["' OR 1=1 --", "\"; DROP TABLE records_concern; --", "%", "_", "\\", "' UNION SELECT password FROM core_user --", "\x00"]


@pytest.mark.parametrize("payload", SQL)
def test_sql_in_every_search_box_is_harmless(login, hostile, payload):
    before = (Concern.objects.count(), Child.objects.count())
    searches = [("alice", "find_child", {"q": payload}), ("alice", "front_door", {"q": payload, "category": payload, "page": payload}),
                ("anna", "alert_list", {"status": payload, "page": payload}), ("anna", "entity_list", {"kind": payload}),
                ("anna", "find_path", {"start": payload, "end": payload}), ("audrey", "audit_search", {"q": payload, "child": payload}),
                ("alice", "record_find_child", {"q": payload}), ("maria", "team", {"q": payload})]
    for username, name, params in searches:
        response = login(username).get(reverse(name), params, follow=True)
        assert response.status_code in (200, 400), (name, payload, response.status_code)
        body = response.content.decode(errors="replace")
        if name in ("find_child", "record_find_child"):
            assert "Ann1" not in body and "Ann2" not in body, (name, payload)  # a wildcard finds nothing
    assert (Concern.objects.count(), Child.objects.count()) == before
