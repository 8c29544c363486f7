"""Use cases of the public reporting page: receiving a report, checking a reporter's reference and
passphrase, adding information to a report, and what the reporter may see of its progress.

A report is stored as a concern through `records.services.submit_concern`, from the public reporting
agency (type "public"), so it lands in the front-door queue with the one-working-day decision clock like
every other concern. Added information is a new version of that concern (append-only), never an edit.
The reporter may learn that the report was received and whether it is being acted on; never what was
decided about a child.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import unicodedata

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.utils import timezone

from joinedup.core import audit, clock
from joinedup.public import events
from joinedup.public.models import PublicReport
from joinedup.records.models import Channel, ConcernStatus
from joinedup.records.services import RefusedError, submit_concern

# Unambiguous letters and digits (no 0/O, 1/I/L) for references people read aloud or copy by hand.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "R-"
MAX_ADDITIONS = 20

# Who is reporting, as the front door reads it (the page shows each in the reporter's language).
REPORTER_ROLES = {
    "child": "a child or young person",
    "parent": "a parent or carer",
    "neighbour": "a neighbour, friend or member of the public",
    "community": "a community or voluntary group",
    "other": "someone else",
}

LANGUAGE_NAMES = {
    "en": "English", "ur": "Urdu", "pa": "Punjabi (Gurmukhi)", "bn": "Bengali", "pl": "Polish",
    "sk": "Slovak", "ro": "Romanian",
}


@dataclasses.dataclass(frozen=True)
class ReportDetails:
    """What the reporter typed (cleaned by the form)."""

    what_happened: str
    reporter_role: str
    language: str
    child_name: str = ""
    child_age: int | None = None
    where: str = ""
    when: str = ""
    your_name: str = ""
    your_contact: str = ""


@dataclasses.dataclass(frozen=True)
class Progress:
    """What a reporter may see: received when, and which of three stages it has reached."""

    reference: str
    received_at: dt.datetime
    decision_due_at: dt.datetime | None
    stage: str  # "received", "acting" or "closed"
    additions: tuple[dt.datetime, ...]


def new_reference() -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{REFERENCE_PREFIX}{body[:4]}-{body[4:]}"


def new_passphrase() -> str:
    """Four groups of four digits (about 53 bits): readable in every script the page is offered in."""
    return " ".join("".join(secrets.choice("0123456789") for _ in range(4)) for _ in range(4))


def normalise_reference(value: str) -> str:
    text = "".join(ch for ch in value.upper() if ch.isalnum())
    if text.startswith("R") and len(text) == 9:
        return f"{REFERENCE_PREFIX}{text[1:5]}-{text[5:]}"
    return value.strip().upper()


def normalise_passphrase(value: str) -> str:
    """Digits only, whatever script they were typed in (Urdu, Bengali and Gurmukhi digits count)."""
    out = []
    for ch in value:
        digit = unicodedata.digit(ch, None)
        if digit is not None:
            out.append(str(digit))
    return "".join(out)


def _summary(details: ReportDetails, reference: str) -> str:
    lines = [details.what_happened.strip(), ""]
    if details.where:
        lines.append(f"Where: {details.where}")
    if details.when:
        lines.append(f"When: {details.when}")
    lines.append(
        f"Reported on the public reporting page in {LANGUAGE_NAMES.get(details.language, details.language)} by "
        f"{REPORTER_ROLES.get(details.reporter_role, 'someone')} (reference {reference})."
    )
    if details.your_name or details.your_contact:
        contact = ", ".join(part for part in (details.your_name, details.your_contact) if part)
        lines.append(f"Reporter's contact details: {contact}")
    else:
        lines.append("The reporter gave no contact details (anonymous).")
    return "\n".join(lines)


def _child(details: ReportDetails, reference: str) -> dict:
    child: dict = {}
    parts = details.child_name.split()
    if parts:
        child["given_name"] = parts[0]
        if len(parts) > 1:
            child["family_name"] = " ".join(parts[1:])
    else:
        # Nobody named: the report's own reference identifies the child it is about.
        child["ref"] = f"{reference}-1"
    if details.child_age is not None:
        child["approx_age"] = details.child_age
    return child


def _record(details: ReportDetails, reference: str, received_at: dt.datetime) -> dict:
    reporter = {"role": f"{REPORTER_ROLES.get(details.reporter_role, 'someone')} (public reporting page)"}
    if details.your_name:
        reporter["name"] = details.your_name
    record = {
        "schema": "joinedup.concern/1",
        "source_ref": reference,
        "agency": {"name": settings.JOINEDUP_PUBLIC_AGENCY_NAME, "type": "public"},
        "reporter": reporter,
        "received_at": received_at.isoformat(),
        "children": [_child(details, reference)],
        "summary": _summary(details, reference),
    }
    if details.when:
        record["occurred_at"] = details.when[:64]
    return record


def submit_report(details: ReportDetails) -> tuple[PublicReport, str]:
    """Store the report as a concern in the front-door queue. Returns the report and its passphrase
    (shown to the reporter once; only its hash is kept)."""
    passphrase = new_passphrase()
    hashed = make_password(passphrase)  # slow on purpose; outside the transaction
    for _attempt in range(5):
        reference = new_reference()
        try:
            with transaction.atomic():
                if PublicReport.objects.filter(reference=reference).exists():
                    continue
                result = submit_concern(None, _record(details, reference, clock.now()), channel=Channel.FORM)
                report = PublicReport.objects.create(
                    concern_id=result.concern_id, reference=reference, passphrase_hash=hashed,
                    language=details.language, created_at=clock.now(),
                )
                for child_id in result.child_ids or [None]:
                    audit.record(
                        events.PublicReportReceived(
                            child_id=child_id, concern_id=result.concern_id, reference=reference,
                            language=details.language,
                        )
                    )
                return report, passphrase
        except IntegrityError:  # the same reference drawn twice at once: draw again
            continue
    raise RuntimeError("could not draw an unused reference")


_DUMMY_HASH: list[str] = []


def find_report(reference: str, passphrase: str) -> PublicReport | None:
    """The report with this reference, if the passphrase is right; otherwise None (the same answer,
    taking about the same time, whether or not the reference exists)."""
    report = (
        PublicReport.objects.filter(reference=normalise_reference(reference)).select_related("concern").first()
    )
    digits = normalise_passphrase(passphrase)
    if report is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(make_password("0000 0000 0000 0000"))
        check_password(digits, _DUMMY_HASH[0])
        return None
    formatted = " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))
    return report if check_password(formatted, report.passphrase_hash) else None


@transaction.atomic
def record_follow_up(report: PublicReport) -> None:
    for child_id in _child_ids(report) or [None]:
        audit.record(events.PublicReportFollowedUp(child_id=child_id, concern_id=report.concern_id, reference=report.reference))


def _child_ids(report: PublicReport) -> list[int]:
    from joinedup.records.models import ConcernChild

    concern = report.concern
    return list(ConcernChild.objects.filter(version_id=concern.current_version_id).values_list("child_id", flat=True))


def additions(report: PublicReport) -> list[dt.datetime]:
    return list(
        report.concern.versions.filter(number__gt=1).order_by("number").values_list("created_at", flat=True)
    )


def add_information(report: PublicReport, text: str) -> int:
    """Add what the reporter typed as a new version of the concern (the earlier versions are kept).
    Returns the new version number."""
    text = text.strip()
    if not text:
        raise RefusedError("empty")
    with transaction.atomic():
        concern = type(report.concern).objects.select_for_update().get(pk=report.concern_id)
        if concern.versions.count() > MAX_ADDITIONS:
            raise RefusedError("too_many")
        payload = dict(concern.current_version.payload)
        now = clock.now()
        payload["summary"] = (
            f"{payload['summary']}\n\nAdded by the reporter on the public reporting page, "
            f"{timezone.localtime(now):%d %B %Y %H:%M}:\n{text}"
        )
        result = submit_concern(
            None, payload, channel=Channel.FORM,
            correction_reason="The reporter added information on the public reporting page",
        )
        for child_id in result.child_ids or [None]:
            audit.record(
                events.PublicReportAdded(
                    child_id=child_id, concern_id=concern.pk, reference=report.reference, version=result.version
                )
            )
        return result.version


def progress(report: PublicReport) -> Progress:
    """How far the report has got, never what was decided about a child."""
    from joinedup.casework.models import Decision, DecisionStatus

    concern = report.concern
    if concern.status == ConcernStatus.WITHDRAWN:
        stage = "closed"
    elif Decision.objects.filter(
        concern=concern, status__in=[DecisionStatus.EFFECTIVE, DecisionStatus.AWAITING_SIGN_OFF]
    ).exists():
        stage = "acting"
    else:
        stage = "received"
    return Progress(
        reference=report.reference, received_at=concern.received_at, decision_due_at=concern.decision_due_at,
        stage=stage, additions=tuple(additions(report)),
    )
