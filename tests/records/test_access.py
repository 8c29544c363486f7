"""Need to know, at the queryset level: what each role sees of children and concerns."""

import pytest
from django.http import Http404

from joinedup.records import access

pytestmark = pytest.mark.django_db

KAYLEIGH = {"ref": "K-1", "given_name": "Kayleigh", "family_name": "Testwood", "dob": "2010-07-14"}
AMIR = {"ref": "A-1", "given_name": "Amir", "family_name": "Brackenby", "dob": "2009-02-01"}


@pytest.fixture
def town(submit):
    """Kayleigh is known to the police and to Northtown Academy; Amir only to the police."""
    return {
        "police_kayleigh": submit("police", children=[KAYLEIGH]),
        "school_kayleigh": submit("school", children=[KAYLEIGH]),
        "police_amir": submit("police", children=[AMIR]),
    }


WIDE = ["alice", "sunita", "maria", "peter", "anna"]


@pytest.mark.parametrize("username", WIDE)
def test_safeguarding_roles_see_every_agencys_concerns_and_children(town, users, username):
    user = getattr(users, username)
    assert access.concerns_visible_to(user).count() == 3
    assert access.children_visible_to(user).count() == 2


def test_a_school_lead_sees_their_own_pupil_and_only_what_their_school_sent(town, users):
    sam = users.sam
    concerns = access.concerns_visible_to(sam)
    assert list(concerns.values_list("pk", flat=True)) == [town["school_kayleigh"].concern_id]
    kayleigh = town["school_kayleigh"].child_ids[0]
    assert list(access.children_visible_to(sam).values_list("pk", flat=True)) == [kayleigh]
    child = access.get_child_for_user(sam, kayleigh)
    agencies = {row.agency.name for row in access.descriptions_visible_to(sam, child)}
    assert agencies == {"Northtown Academy"}


@pytest.mark.parametrize("username", ["rose", "harriet", "yusuf", "audrey", "adam"])
def test_roles_without_a_connection_to_the_child_get_404(town, users, username):
    user = getattr(users, username)
    with pytest.raises(Http404):
        access.get_child_for_user(user, town["police_kayleigh"].child_ids[0])
    with pytest.raises(Http404):
        access.get_concern_for_user(user, town["police_kayleigh"].concern_id)
    assert access.concerns_visible_to(user).count() == 0


def test_a_school_lead_gets_404_for_a_child_only_the_police_know(town, users):
    with pytest.raises(Http404):
        access.get_child_for_user(users.sam, town["police_amir"].child_ids[0])
    with pytest.raises(Http404):
        access.get_concern_for_user(users.sam, town["police_kayleigh"].concern_id)


def test_a_missing_child_and_a_forbidden_child_look_the_same(town, users):
    with pytest.raises(Http404) as missing:
        access.get_child_for_user(users.sam, 999999)
    with pytest.raises(Http404) as forbidden:
        access.get_child_for_user(users.sam, town["police_amir"].child_ids[0])
    assert str(missing.value) == str(forbidden.value)


def test_an_inactive_user_sees_nothing(town, users):
    peter = users.peter
    peter.is_active = False
    assert access.concerns_visible_to(peter).count() == 0


def test_access_decisions_carry_their_reason(users):
    assert "every agency" in access.access_reason(users.alice)
    assert "Northtown Academy" in access.access_reason(users.sam)
    assert access.access_reason(users.audrey) == "no access"
