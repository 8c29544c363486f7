"""A small town for retention: Lily Disposable, whose record holds something in every app (two concerns,
one corrected, naming an adult; a decision with an action done; a case and a goal; a restriction; a
subject-access request; a sharing decision; a recorded fact), all in 2024; and Oscar Keepling, whose
record must come through any disposal of Lily's untouched. Names and texts are fictional."""

import datetime as dt

import pytest

from joinedup.core import clock
from tests import factories
from tests.web.conftest import login, static_root_exists  # noqa: F401 (pytest fixtures)

LILY = {"ref": "LD-1", "given_name": "Lilyanne", "family_name": "Disposable", "dob": "2008-03-01", "sex": "female",
        "postcode": "ZZ9 9ZZ", "school": "Nowhere Fictional Academy"}
OSCAR = {"ref": "OK-1", "given_name": "Oscarino", "family_name": "Keepling", "dob": "2011-05-05", "sex": "male",
         "postcode": "ZZ8 8ZZ"}
ADULT = {"kind": "person", "role": "suspected_abuser", "given_name": "Rexworth", "family_name": "Fictionalman", "approx_age": 41}
SUMMARY = "Lilyanne was seen at the Quarrymoor Lane garages late at night with an older man."
CORRECTED = "Lilyanne was seen at the Quarrymoor Lane lock-ups after midnight with an older man in a blue van."
WORDS = "Nobody ever listens to me about the Quarrymoor boys."
SECRETS = ("Lilyanne", "Disposable", "Quarrymoor", "Rexworth", "Fictionalman", "ZZ9 9ZZ", "Nowhere Fictional")
LAST_CONTACT = dt.datetime(2024, 6, 10, 9, 0, tzinfo=dt.UTC)


def at(day: str):
    return clock.frozen(dt.datetime.fromisoformat(day + "T09:00:00+00:00"))


@pytest.fixture
def town(users, submit):
    """{"lily": child id, "oscar": child id, "concerns": [Lily's concern ids], "oscar_concern": id}."""
    from joinedup.casework import services as casework
    from joinedup.casework.models import Action, DecisionKind
    from joinedup.coredata import services as coredata
    from joinedup.dataprotection import services as subject_access
    from joinedup.outcomes import services as outcomes
    from joinedup.records.models import Channel, Child, Concern
    from joinedup.records.services import submit_concern
    from joinedup.restrictions import services as restrictions
    from joinedup.sharing import services as sharing

    for name in ("alice", "sunita", "maria", "peter", "audrey", "adam"):
        assert getattr(users, name)
    with at("2024-03-01"):
        first = submit("police", source_ref="RET-LILY-1", received_at="2024-03-01T09:00:00+00:00", children=[LILY],
                       mentions=[ADULT], summary=SUMMARY, child_words=WORDS)
    with at("2024-03-05"):
        submit_concern(None, factories.concern_data("police", source_ref="RET-LILY-1", received_at="2024-03-01T09:00:00+00:00",
                                                    children=[LILY], mentions=[ADULT], summary=CORRECTED, child_words=WORDS),
                       channel=Channel.API, correction_reason="Lilyanne's street was wrong")
    with at("2024-04-01"):
        second = submit("school", received_at="2024-04-01T09:00:00+00:00", children=[LILY], mentions=[],
                        summary="Lilyanne Disposable missed school again.", child_words="", categories=["neglect"], indicators=[])
    with at("2024-03-20"):
        oscar = submit("police", received_at="2024-03-20T09:00:00+00:00", children=[OSCAR], mentions=[],
                       summary="Oscarino was found alone at the station.", child_words="", categories=["neglect"], indicators=[])
    lily = Child.objects.get(pk=first.child_ids[0])
    concern = Concern.objects.get(pk=first.concern_id)
    with at("2024-05-01"):
        casework.record_decision(users.alice, concern, DecisionKind.CHILD_IN_NEED, "Lilyanne needs an assessment.",
                                 actions=[casework.ActionSpec("Visit Lilyanne at home", clock.now() + dt.timedelta(days=3),
                                                              owner=users.sunita)])
        sharing.record_sharing(users.peter, concern, users.alice.agency, shared=True, reason="Lilyanne is at risk tonight.")
        coredata.record_fact(users.peter, characteristic="disability", status="recorded", value="Lilyanne has dyslexia", child=lily)
    with at("2024-05-10"):
        subject_access.log_request(users.audrey, lily, requester_name="Lilyanne Disposable", requester="child",
                                   authority="Lilyanne asked in person at Nowhere Fictional Academy.")
    with at("2024-05-20"):
        outcomes.add_goal(users.sunita, lily, "Lilyanne wants to feel safe at Quarrymoor.")
    with at("2024-06-10"):
        casework.complete_action(users.sunita, Action.objects.get(title="Visit Lilyanne at home"), "Seen Lilyanne at home.")
        restrictions.restrict(users.maria, lily, [], "Lilyanne's aunt works in the team.")
    return {"lily": lily.pk, "oscar": oscar.child_ids[0], "concerns": [first.concern_id, second.concern_id],
            "oscar_concern": oscar.concern_id}
