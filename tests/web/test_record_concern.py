"""Recording a concern through the form: a reference at once, nothing typed lost on an error."""

import pytest
from django.urls import reverse

from joinedup.core.models import AuditEvent
from joinedup.records.models import Concern, ConcernChild, Mention
from tests.web.conftest import record_form


def _post(client, **overrides):
    return client.post(reverse("record_concern"), record_form(**overrides), follow=True)


def test_recording_a_concern_creates_it_and_shows_the_reference(login):
    response = _post(login("sam"))
    concern = Concern.objects.get()
    assert response.status_code == 200
    assert concern.reference.encode() in response.content
    assert b"govuk-panel--confirmation" in response.content
    version = concern.current_version
    assert concern.agency.name == "Northtown Academy"
    assert version.channel == "form"
    assert version.child_words == "He's my mate, he buys me stuff."
    assert version.categories == ["criminal_exploitation"]
    assert version.indicators == ["vehicles_unknown_adults", "unexplained_money_gifts"]
    child = ConcernChild.objects.get()
    assert (child.given_name, child.family_name, str(child.dob), child.sex) == ("Jordan", "Webtest", "2011-09-03", "male")
    assert version.reporter_name == "Sam Tester"


def test_empty_mention_rows_are_ignored_and_filled_ones_kept(login):
    _post(
        login("harriet"),
        **{"person-0-role": "seen_with", "person-0-given_name": "Mo", "person-0-approx_age": "35",
           "vehicle-0-role": "transported_child", "vehicle-0-plate": "YK6? H?D", "vehicle-0-colour": "black",
           "online-0-role": "contacted_child", "online-0-platform": "Snapchat", "online-0-handle": "mo_b"},
    )
    kinds = sorted(Mention.objects.values_list("kind", "role"))
    assert kinds == [("online", "contacted_child"), ("person", "seen_with"), ("vehicle", "transported_child")]
    assert Mention.objects.get(kind="person").approx_age == 35


def test_a_second_child_is_optional_and_kept_when_given(login):
    _post(login("yusuf"), **{"child2-given_name": "Tia", "child2-family_name": "Webtest", "child2-approx_age": "12"})
    names = sorted(ConcernChild.objects.values_list("given_name", flat=True))
    assert names == ["Jordan", "Tia"]


def test_a_validation_error_keeps_what_was_typed_and_names_the_field(login):
    response = _post(login("sam"), summary="", **{"child1-dob_0": "31", "child1-dob_1": "2"})
    assert Concern.objects.count() == 0
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert 'href="#id_summary"' in page and "Enter what happened" in page
    assert 'href="#id_child1-dob_0"' in page and "Date of birth must be a real date" in page
    assert 'value="Jordan"' in page and 'value="Webtest"' in page
    assert "He&#x27;s my mate, he buys me stuff." in page
    assert 'value="criminal_exploitation" checked' in page
    assert 'value="vehicles_unknown_adults" checked' in page


def test_a_child_needs_a_name_or_an_identifier(login):
    response = _post(login("sam"), **{"child1-given_name": "", "child1-family_name": ""})
    assert Concern.objects.count() == 0
    assert b"Enter the child&#x27;s name" in response.content


def test_a_mention_needs_to_say_how_it_is_connected(login):
    response = _post(login("sam"), **{"phone-0-number": "07700 900461"})
    assert Concern.objects.count() == 0
    assert b'href="#id_phone-0-role"' in response.content


def test_sending_the_same_form_twice_records_one_concern(login):
    client = login("sam")
    data = record_form(form_ref="FORM-0123456789ab")
    first = client.post(reverse("record_concern"), data)
    second = client.post(reverse("record_concern"), data)
    assert Concern.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_add_another_without_javascript_keeps_the_input_and_adds_a_row(login):
    response = login("sam").post(reverse("record_concern"), record_form(add_mention="person", summary=""))
    page = response.content.decode()
    assert Concern.objects.count() == 0
    assert 'name="person-TOTAL_FORMS" value="3"' in page
    assert 'name="person-2-given_name"' in page
    assert 'value="Jordan"' in page
    assert "govuk-error-summary" not in page  # not finished yet: no errors shown


def test_add_another_with_htmx_returns_one_row_and_the_new_count(login):
    response = login("sam").get(
        reverse("record_mention_row"), {"add_mention": "vehicle", "vehicle-TOTAL_FORMS": "1"}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert 'name="vehicle-1-plate"' in page
    assert 'id="id_vehicle-TOTAL_FORMS"' in page and 'value="2"' in page and 'hx-swap-oob="true"' in page
    assert "<html" not in page


def test_searching_for_a_known_child_finds_them_and_is_audited(login, school_concern):
    client = login("sam")
    response = client.get(reverse("record_concern"), {"q": "kayleigh"})
    assert b"C-%05d" % school_concern.child_ids[0] in response.content
    event = AuditEvent.objects.get(event="child_searched")
    assert event.detail == {"query": "kayleigh", "results": 1}


@pytest.mark.parametrize("query", ["Testwood", "14/07/2010", "2010-07-14", "NA-2231"])
def test_search_finds_by_name_date_of_birth_or_reference(login, school_concern, query):
    response = login("sam").get(reverse("record_concern"), {"q": query})
    assert b"Kayleigh Testwood" in response.content


def test_search_by_child_reference(login, school_concern):
    reference = f"C-{school_concern.child_ids[0]:05d}"
    response = login("alice").get(reverse("find_child"), {"q": reference})
    assert b"Kayleigh Testwood" in response.content


def test_search_with_htmx_returns_only_the_results(login, school_concern):
    response = login("sam").get(reverse("record_find_child"), {"q": "Kayleigh"}, HTTP_HX_REQUEST="true")
    assert b"Kayleigh Testwood" in response.content
    assert b"<html" not in response.content


def test_search_does_not_find_another_schools_pupil(login, school_concern):
    response = login("rose").get(reverse("record_concern"), {"q": "Kayleigh"})
    assert b"Testwood" not in response.content
    assert b"No children found" in response.content


def test_picking_a_known_child_fills_in_their_details(login, school_concern):
    child_id = school_concern.child_ids[0]
    response = login("sam").get(reverse("record_concern"), {"child": child_id})
    page = response.content.decode()
    assert 'value="Kayleigh"' in page and 'value="Testwood"' in page and 'value="2010"' in page
    assert 'value="NA-2231"' in page  # the school's own reference, since the school recorded it
    assert AuditEvent.objects.filter(event="child_viewed", child_id=child_id).exists()


def test_picking_a_child_with_htmx_returns_just_their_details(login, school_concern):
    response = login("sam").get(
        reverse("record_child_details"), {"child": school_concern.child_ids[0]}, HTTP_HX_REQUEST="true"
    )
    assert b'id="child1-fields"' in response.content and b'value="Kayleigh"' in response.content
    assert b"<html" not in response.content


def test_picking_another_schools_child_is_refused(login, school_concern):
    response = login("rose").get(reverse("record_concern"), {"child": school_concern.child_ids[0]})
    assert response.status_code == 404


def test_a_recorded_child_with_the_same_details_joins_the_known_child(login, school_concern):
    _post(
        login("sam"),
        **{"child1-given_name": "Kayleigh", "child1-family_name": "Testwood", "child1-dob_0": "14",
           "child1-dob_1": "7", "child1-dob_2": "2010", "child1-sex": "female", "child1-postcode": "NT4 2QP"},
    )
    new = Concern.objects.exclude(pk=school_concern.concern_id).get()
    assert list(new.current_version.children.values_list("child_id", flat=True)) == school_concern.child_ids


def test_the_page_offers_every_category_and_groups_the_indicators(login):
    page = login("sam").get(reverse("record_concern")).content.decode()
    assert page.count('name="categories"') == 13
    assert page.count('name="indicators"') == 25
    assert "Significant signs of exploitation" in page and "What makes the child more vulnerable" in page
    assert "The child&#x27;s own words" in page


def test_find_a_child_page_searches_with_or_without_htmx(login, school_concern):
    client = login("peter")
    full = client.get(reverse("find_child"), {"q": "Testwood"})
    assert b"<html" in full.content and b"View record" in full.content
    partial = client.get(reverse("find_child"), {"q": "Testwood"}, HTTP_HX_REQUEST="true")
    assert b"<html" not in partial.content and b"View record" in partial.content
    assert AuditEvent.objects.filter(event="child_searched").count() == 2


def test_a_child_picked_after_searching_is_linked_as_picked(login, submit):
    """Details that differ from what is known (a nickname, no date of birth) would not match; the pick does."""
    known = submit("school").child_ids[0]
    client = login("sam")
    page = client.get(reverse("record_concern"), {"child": known}).content.decode()
    assert f'name="child1-known_child" value="{known}"' in page
    data = record_form(**{"child1-known_child": str(known), "child1-given_name": "Kay", "child1-family_name": "T",
                          "child1-dob_0": "", "child1-dob_1": "", "child1-dob_2": ""})
    client.post(reverse("record_concern"), data)
    newest = Concern.objects.order_by("-pk").first()
    described = ConcernChild.objects.get(version=newest.current_version)
    assert described.child_id == known and described.link_method == "picked"


def test_a_picked_child_the_user_cannot_see_is_refused(login, submit):
    hidden = submit("police").child_ids[0]
    response = _post(login("sam"), **{"child1-known_child": str(hidden)})
    assert Concern.objects.filter(agency__name="Northtown Academy").count() == 0
    page = response.content.decode()
    assert "govuk-error-summary" in page and "The chosen child record cannot be found" in page


def test_the_pick_is_kept_when_the_form_is_shown_again_with_an_error(login, submit):
    known = submit("school").child_ids[0]
    response = _post(login("sam"), summary="", **{"child1-known_child": str(known)})
    page = response.content.decode()
    assert "Enter what happened" in page
    assert f'name="child1-known_child" value="{known}"' in page and "Filled in from what is known about" in page
