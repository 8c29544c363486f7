"""Subject-access requests: logging one (with its one-month clock as follow-through work), withholding or
releasing an item under the serious-harm exemption, exporting, and recording that the response was sent.
All audited in the same transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import ClassVar

from django.db import transaction

from joinedup.casework.models import ActionKind, ActionStatus
from joinedup.casework.services import create_due_work
from joinedup.core import audit, clock, deadlines
from joinedup.core.roles import Role
from joinedup.dataprotection.models import ItemDecision, Requester, SubjectAccessRequest
from joinedup.records.models import Child, Concern, ConcernChild
from joinedup.records.services import RefusedError

# Information governance (the auditor role) and team managers handle subject-access requests.
HANDLES_REQUESTS = frozenset({Role.AUDITOR, Role.TEAM_MANAGER})


@dataclasses.dataclass(frozen=True)
class SubjectAccessLogged(audit.AuditEventData):
    """A subject-access request about a child was received (due within a month)."""

    name: ClassVar[str] = "subject_access_logged"
    request_id: int = 0
    requester: str = ""

    def object_ref(self):
        return "subject_access", str(self.request_id)


@dataclasses.dataclass(frozen=True)
class SubjectAccessItemDecided(audit.AuditEventData):
    """An item of a subject-access export was withheld (serious harm) or released again, with the reason."""

    name: ClassVar[str] = "subject_access_item_decided"
    request_id: int = 0
    item_key: str = ""
    withheld: bool = True
    reason: str = ""

    def object_ref(self):
        return "subject_access", str(self.request_id)


@dataclasses.dataclass(frozen=True)
class SubjectAccessExported(audit.AuditEventData):
    """Someone produced the export of everything held about the child (JSON or the readable page)."""

    name: ClassVar[str] = "subject_access_exported"
    request_id: int = 0
    form: str = ""

    def object_ref(self):
        return "subject_access", str(self.request_id)


@dataclasses.dataclass(frozen=True)
class SubjectAccessCompleted(audit.AuditEventData):
    """The response to a subject-access request was sent."""

    name: ClassVar[str] = "subject_access_completed"
    request_id: int = 0
    reason: str = ""

    def object_ref(self):
        return "subject_access", str(self.request_id)


def _check(actor) -> None:
    if actor.role not in HANDLES_REQUESTS:
        raise RefusedError("Only information governance and team managers handle subject-access requests.")


def _anchor(child: Child) -> Concern | None:
    """The follow-through item hangs on the child's most recent concern (every due item names one)."""
    row = (ConcernChild.objects.filter(child=child).select_related("version__concern")
           .order_by("-version__concern__received_at").first())
    return row.version.concern if row else None


@transaction.atomic
def log_request(actor, child: Child, *, requester_name: str, requester: str, authority: str,
                received_at: dt.datetime | None = None) -> SubjectAccessRequest:
    _check(actor)
    requester_name, authority = requester_name.strip(), authority.strip()
    if requester not in Requester.values:
        raise RefusedError("Say in what capacity the requester asks.")
    if not requester_name:
        raise RefusedError("Give the requester's name.")
    if not authority:
        raise RefusedError("Say how the requester's right to the child's information was established.")
    received = received_at or clock.now()
    request = SubjectAccessRequest.objects.create(
        child=child, requester_name=requester_name, requester=requester, authority=authority, received_at=received,
        due_at=deadlines.due("subject_access", received), created_by=actor, created_at=clock.now(),
    )
    concern = _anchor(child)
    if concern is not None:
        request.action = create_due_work(
            kind=ActionKind.SUBJECT_ACCESS, title=f"Respond to subject-access request {request.reference}",
            concern=concern, rule="subject_access", start=received, actor=actor, child_id=child.pk,
            owner=actor,
        )
        request.save(update_fields=["action"])
    audit.record(SubjectAccessLogged(child_id=child.pk, request_id=request.pk, requester=request.get_requester_display()), actor)
    return request


@transaction.atomic
def decide_item(actor, request: SubjectAccessRequest, item_key: str, *, withheld: bool, reason: str) -> ItemDecision:
    _check(actor)
    reason = reason.strip()
    if not reason:
        raise RefusedError("Give the reason (for withholding: the serious harm disclosure would be likely to cause).")
    if request.completed_at is not None:
        raise RefusedError("The response has already been sent.")
    row = ItemDecision.objects.create(request=request, item_key=item_key[:60], withheld=withheld, reason=reason,
                                      created_by=actor, created_at=clock.now())
    audit.record(SubjectAccessItemDecided(child_id=request.child_id, request_id=request.pk, item_key=row.item_key,
                                          withheld=withheld, reason=reason), actor)
    return row


@transaction.atomic
def record_export(actor, request: SubjectAccessRequest, form: str) -> None:
    _check(actor)
    audit.record(SubjectAccessExported(child_id=request.child_id, request_id=request.pk, form=form), actor)


@transaction.atomic
def complete(actor, request: SubjectAccessRequest, note: str) -> SubjectAccessRequest:
    from joinedup.casework.services import _close  # the follow-through item closes with the request

    _check(actor)
    note = note.strip()
    if not note:
        raise RefusedError("Say what was sent, and how.")
    request = SubjectAccessRequest.objects.select_for_update().get(pk=request.pk)
    if request.completed_at is not None:
        raise RefusedError("The response has already been sent.")
    request.completed_at, request.completed_by, request.completion_note = clock.now(), actor, note
    request.save(update_fields=["completed_at", "completed_by", "completion_note"])
    if request.action_id and request.action.status == ActionStatus.OPEN:
        _close(request.action, actor, ActionStatus.DONE, f"Response sent: {note}", request.completed_at)
    audit.record(SubjectAccessCompleted(child_id=request.child_id, request_id=request.pk, reason=note), actor)
    return request
