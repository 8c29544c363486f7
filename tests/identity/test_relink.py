"""The full relink keeps people's judgements."""

import datetime as dt

import pytest

from joinedup.core import clock
from joinedup.identity import services
from joinedup.identity.models import Judgement, LinkKind, MentionLink
from joinedup.identity.relinking import relink_people
from joinedup.records.services import RefusedError

pytestmark = pytest.mark.django_db

GARY = {"kind": "person", "role": "suspected_abuser", "given_name": "Gary", "family_name": "Uncleton", "dob": "1979-04-02", "sex": "male"}


def _concern(submit, n):
    at = dt.datetime(2024, 3, n, 10, tzinfo=dt.UTC)
    with clock.frozen(at):
        return submit("police", children=[{"ref": f"K-{n}", "given_name": f"Kid{n}", "family_name": f"Fam{n}"}],
                      mentions=[GARY], received_at=at.isoformat(), categories=["sexual_abuse"], indicators=[])


def test_a_rejected_link_is_never_remade_by_a_relink(submit, users):
    for n in (1, 2, 3):
        _concern(submit, n)
    links = list(MentionLink.objects.filter(kind=LinkKind.LINKED).order_by("mention_id"))
    assert len({link.entity_id for link in links}) == 1  # the same man, linked on arrival
    services.judge_link(users.anna, links[2], confirm=False, reason="a different man with the same name (checked PNC)")
    moved = MentionLink.objects.get(mention_id=links[2].mention_id, kind=LinkKind.LINKED)
    assert moved.entity_id != links[0].entity_id
    report = relink_people()
    assert report.mentions == 3
    still = MentionLink.objects.get(mention_id=links[2].mention_id, kind=LinkKind.LINKED)
    assert still.entity_id == moved.entity_id
    assert report.kept_by_judgement >= 1
    rejected = MentionLink.objects.get(pk=links[2].pk)
    assert rejected.judgement == Judgement.REJECTED and rejected.kind == LinkKind.POSSIBLE


def test_only_some_roles_judge_links_and_a_reason_is_needed(submit, users):
    _concern(submit, 1)
    link = MentionLink.objects.get(kind=LinkKind.LINKED)
    with pytest.raises(RefusedError):
        services.judge_link(users.sam, link, confirm=True, reason="looks right")
    with pytest.raises(RefusedError):
        services.judge_link(users.anna, link, confirm=True, reason=" ")
    services.judge_link(users.anna, link, confirm=True, reason="matches the PNC record")
    assert MentionLink.objects.get(pk=link.pk).judgement == Judgement.CONFIRMED
