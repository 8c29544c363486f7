"""Access attacks: every page with an object in its address, asked for by every signed-in user who must
not see that object (a school, a youth project, another school, the auditor, the administrator, a service
leader), by GET and by POST. Each answer is "Page not found" (404), or "method not allowed" (405) for a
form-only address: never the page, never "forbidden" (which would say the object exists), never a
redirect that a write succeeded. No answer names the child, the car or the concern, and nothing is
written. Someone not signed in is sent to sign in. The addresses are read from the URL configuration, so
a new page is attacked without anyone remembering to add it here."""

import datetime as dt

import pytest
from django.urls import URLResolver, get_resolver, reverse

from joinedup.casework import services as casework
from joinedup.casework.models import Action, Case, Decision, DecisionKind, DecisionStatus, Notification
from joinedup.core import clock
from joinedup.core.models import AuditEvent
from joinedup.dataprotection import services as subject_access
from joinedup.identity.models import Alert, MentionLink
from joinedup.outcomes import services as outcomes
from joinedup.records.models import Concern, MatchCandidate
from joinedup.records.services import merge_children
from joinedup.restrictions import services as restrictions
from joinedup.restrictions.models import Restriction

OUTSIDERS = ["sam", "rose", "yusuf", "audrey", "adam", "lena"]
# Pages some outsiders may use by their role: information governance (the auditor) answers subject-access
# requests, so sees everything held about the child there (and only there).
ROLE_PAGES = {"audrey": ("subject_access",)}
SECRETS = ("Secretia", "Outsiderly", "Hiddenia", "PA99 SEC", "PA99SEC")
NO_OBJECT = 987654


def _patterns(patterns=None, prefix=""):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p.url_patterns, prefix + str(p.pattern))
        elif p.name:
            yield prefix + str(p.pattern), p.name, list(p.pattern.converters)


OBJECT_PAGES = sorted({(name, tuple(params)) for _route, name, params in _patterns()
                       if "pk" in params and not name.startswith("api")})


def _child(concern: Concern) -> int:
    return concern.current_version.children.get().child_id


@pytest.fixture
def targets(users, submit):
    """Two police concerns about children known only to the police and social care, sharing a car (an
    alert); decisions, actions, a case, a notification to the police, a sign-off, a possible match, a
    merge, a goal in a plan and a restriction."""
    for name in ("alice", "sunita", "maria", "peter", "anna", *OUTSIDERS):
        assert getattr(users, name)
    car = {"kind": "vehicle", "role": "transported_child", "plate": "PA99 SEC", "colour": "grey"}
    first = Concern.objects.get(pk=submit("police", children=[{"given_name": "Secretia", "family_name": "Outsiderly", "dob": "2010-02-02"}],
                                          mentions=[car], received_at="2024-05-01T10:00:00+00:00").concern_id)
    second = Concern.objects.get(pk=submit("police", children=[{"given_name": "Hiddenia", "family_name": "Outsiderly", "dob": "2011-03-03"}],
                                           mentions=[car], received_at="2024-05-02T10:00:00+00:00").concern_id)
    twin = Concern.objects.get(pk=submit("police", children=[{"given_name": "Secretia", "family_name": "Outsiderly-Twin", "dob": "2012-04-04"}],
                                         mentions=[], categories=["neglect"], indicators=[], child_words="",
                                         received_at="2024-05-03T10:00:00+00:00").concern_id)
    submit("police", children=[{"given_name": "Secretia", "family_name": "Outsiderly"}], mentions=[], categories=["neglect"],
           indicators=[], child_words="", received_at="2024-05-04T10:00:00+00:00")  # no date of birth: a possible match
    casework.record_decision(users.alice, first, DecisionKind.CHILD_IN_NEED, "Needs assessment.",
                             actions=[casework.ActionSpec("Visit Secretia", clock.now() + dt.timedelta(days=3), owner=users.sunita)])
    casework.record_decision(users.alice, second, DecisionKind.REFERRAL, "Police to investigate.", refer_to=users.peter.agency)
    waiting = casework.record_decision(users.alice, twin, DecisionKind.NO_FURTHER_ACTION, "Nothing more.")
    merged = merge_children(users.maria, Concern.objects.get(pk=twin.pk).current_version.children.get().child,
                            Concern.objects.order_by("-pk").first().current_version.children.get().child, "Same girl")
    goal = outcomes.add_goal(users.sunita, Case.objects.get().child, "I want to feel safe going to school.")
    restrictions.restrict(users.maria, second.current_version.children.get().child, [], "A relative of staff.")
    sar = subject_access.log_request(users.maria, Case.objects.get().child, requester_name="A. Parent",
                                     requester="parent_with_authority", authority="The child's signed consent.")
    alert = Alert.objects.get()
    return {
        "child": _child(first), "concern": first.pk, "action": Action.objects.get(title="Visit Secretia").pk,
        "notification": Notification.objects.filter(concern=second).first().pk,
        "decision": waiting.pk if waiting.status == DecisionStatus.AWAITING_SIGN_OFF else Decision.objects.first().pk,
        "case": Case.objects.get().pk, "match": (MatchCandidate.objects.first() or MatchCandidate(pk=NO_OBJECT)).pk,
        "alert": alert.pk, "entity": MentionLink.objects.filter(mention__kind="vehicle").first().entity_id,
        "link": MentionLink.objects.filter(mention__kind="vehicle").first().pk, "merge": merged.pk,
        "goal": goal.pk, "restriction": Restriction.objects.get().pk, "restricted_child": _child(second), "sar": sar.pk,
    }


def _object_for(name: str, targets: dict) -> dict:
    """The address arguments for a page, from the object kind its name says it is about."""
    kinds = [("subject_access", "sar"), ("restrict", "restricted_child"), ("review_restriction", "restriction"), ("break_glass", "restricted_child"),
             ("child", "child"), ("undo_merge", "child"), ("close_case", "child"), ("plan_add_goal", "child"),
             ("plan_record_review", "child"), ("plan_change_goal", "goal"), ("concern", "concern"),
             ("sharing", "concern"), ("action", "action"), ("notification", "notification"), ("sign_off", "decision"),
             ("allocate_case", "case"), ("match", "match"), ("alert", "alert"), ("entity", "entity")]
    kind = next((k for prefix, k in kinds if prefix in name), None)
    return {"pk": targets[kind] if kind else NO_OBJECT, "link_pk": targets["link"], "event_pk": targets["merge"]}


def test_every_page_with_an_object_is_attacked(targets):
    """The list is not empty, and every object page found has an object to ask for."""
    assert len(OBJECT_PAGES) >= 25
    assert all(_object_for(name, targets)["pk"] != NO_OBJECT for name, _params in OBJECT_PAGES), OBJECT_PAGES


@pytest.mark.parametrize("username", OUTSIDERS)
def test_outsiders_get_page_not_found_for_every_object_page(login, targets, username):
    client = login(username)
    before = AuditEvent.objects.exclude(event__in=["sign_in", "signed_in"]).count()
    problems = []
    for name, params in OBJECT_PAGES:
        if name.startswith(ROLE_PAGES.get(username, ())):
            continue
        url = reverse(name, kwargs={p: v for p, v in _object_for(name, targets).items() if p in params})
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"reason": "x", "note": "x", "judgement": "confirm"})
            body = response.content.decode(errors="replace")
            if response.status_code not in (404, 405):
                problems.append(f"{method.upper()} {url} ({name}) -> {response.status_code}")
            leaked = [s for s in SECRETS if s in body]
            if leaked:
                problems.append(f"{method.upper()} {url} ({name}) shows {leaked}")
    assert problems == []
    assert AuditEvent.objects.count() == before  # nothing written, not even a view


def test_someone_not_signed_in_is_sent_to_sign_in_everywhere(client, targets):
    for name, params in OBJECT_PAGES:
        url = reverse(name, kwargs={p: v for p, v in _object_for(name, targets).items() if p in params})
        response = client.get(url)
        assert response.status_code in (302, 405), (url, response.status_code)
        if response.status_code == 302:
            assert "/sign-in" in response.url or "login" in response.url, (url, response.url)


@pytest.mark.parametrize("username", ["sam", "yusuf"])
def test_searching_for_a_child_one_cannot_see_finds_nothing_and_says_nothing(login, targets, username):
    response = login(username).get(reverse("find_child"), {"q": "Secretia Outsiderly"})
    body = response.content.decode()
    assert response.status_code == 200 and "No children found" in body
    body = body.replace("Secretia Outsiderly", "")  # the page repeats the words searched for, nothing more
    assert f"/children/{targets['child']}/" not in body and "2 February 2010" not in body
    assert not any(s in body for s in SECRETS)
