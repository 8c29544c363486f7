"""Fixtures for the pages: a signed-in browser per named user, and a small town of concerns."""

from pathlib import Path

import pytest
from django.conf import settings

from tests import factories

# Who is who (tests/factories.py): the role sets the access tables below are written against.
WIDE = ["alice", "sunita", "maria", "peter", "anna"]  # safeguarding duty covers every agency
OWN_AGENCY = ["sam", "rose", "harriet", "yusuf"]  # see only what their own agency sent
NO_RECORDS = ["audrey", "adam"]  # auditor and administrator: no children's records
EVERYONE = WIDE + OWN_AGENCY + NO_RECORDS


@pytest.fixture(autouse=True, scope="session")
def static_root_exists():
    """WhiteNoise warns on every request if STATIC_ROOT is missing (nothing is collected in tests)."""
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture
def login(client, users):
    """`login("sam")` signs the test client in as that named user, password and second factor (see
    `force_login_is_a_full_sign_in` in tests/conftest.py), and returns the client."""

    def _login(username):
        client.force_login(getattr(users, username))
        return client

    return _login


@pytest.fixture
def school_concern(submit):
    """A concern from Northtown Academy (Sam's school) about Kayleigh."""
    return submit("school", children=[
        {"ref": "NA-2231", "given_name": "Kayleigh", "family_name": "Testwood", "dob": "2010-07-14",
         "sex": "female", "postcode": "NT4 2QP", "school": "Northtown Academy"}
    ])


@pytest.fixture
def police_concern(submit):
    """A concern from Northtown Police about the same Kayleigh (linked by name, date of birth, postcode)."""
    return submit("police")


@pytest.fixture
def possible_match(submit, police_concern):
    """A health record of a Kayleigh Testwood with no date of birth: a possible match to review."""
    from joinedup.records.models import MatchCandidate

    submit("health", children=[{"given_name": "Kayleigh", "family_name": "Testwood", "sex": "female"}])
    return MatchCandidate.objects.get()


def record_form(**overrides):
    """POST data for the "record a concern" page: one child and a summary, every mention row empty."""
    data = {
        "form_ref": "",
        "child1-given_name": "Jordan",
        "child1-family_name": "Webtest",
        "child1-dob_0": "3",
        "child1-dob_1": "9",
        "child1-dob_2": "2011",
        "child1-sex": "male",
        "child1-postcode": "NT2 1AA",
        "summary": "Seen with an older man in a black car after school, twice this week.",
        "child_words": "He's my mate, he buys me stuff.",
        "categories": ["criminal_exploitation"],
        "indicators": ["vehicles_unknown_adults", "unexplained_money_gifts"],
    }
    for kind, rows in (("person", 2), ("vehicle", 1), ("phone", 1), ("place", 1), ("online", 1)):
        data[f"{kind}-TOTAL_FORMS"] = str(rows)
        data[f"{kind}-INITIAL_FORMS"] = "0"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


NEUTRAL = {"categories": ["neglect"], "indicators": [], "mentions": []}


@pytest.fixture
def followed(users, submit):
    """A school concern about Kayleigh decided by Alice (front door) as a strategy discussion: police and
    health are told, a case is open, and Sunita (social worker) owns "Visit the family", due in three days."""
    import datetime as dt
    from types import SimpleNamespace

    from joinedup.casework import services
    from joinedup.casework.models import Action, Case, DecisionKind, Notification
    from joinedup.core import clock
    from joinedup.records.models import Concern

    assert users.peter and users.harriet and users.sunita  # the police and health agencies exist
    concern = Concern.objects.get(pk=submit("school", **NEUTRAL).concern_id)
    decision = services.record_decision(
        users.alice, concern, DecisionKind.STRATEGY_DISCUSSION, "Significant harm suspected.",
        actions=[services.ActionSpec("Visit the family", clock.now() + dt.timedelta(days=3), owner=users.sunita)],
    )
    return SimpleNamespace(
        concern=concern, decision=decision, action=Action.objects.get(title="Visit the family"),
        case=Case.objects.get(), child_id=Case.objects.get().child_id,
        police_note=Notification.objects.get(to_agency__type="police"),
    )


@pytest.fixture
def awaiting(users, submit):
    """Alice decided "no further action" on a police concern about sexual exploitation: it waits for a
    manager's sign-off."""
    from joinedup.casework import services
    from joinedup.casework.models import DecisionKind
    from joinedup.records.models import Concern

    concern = Concern.objects.get(pk=submit("police", mentions=[]).concern_id)
    return services.record_decision(users.alice, concern, DecisionKind.NO_FURTHER_ACTION, "Nothing more to do.")


__all__ = ["EVERYONE", "NEUTRAL", "NO_RECORDS", "OWN_AGENCY", "WIDE", "factories", "record_form"]
