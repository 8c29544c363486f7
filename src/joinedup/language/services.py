"""Checking a text in the context of its concern, and recording what was found when the text is saved.

`check_text(text, context)` runs the checker (`joinedup.language.check`) with what the record says about
the child's age and the people mentioned. `record_check(...)` writes the `LanguageCheck` row (and, when
flagged words were kept, a `LanguageKept` audit event) in the transaction that saves the text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import connection

from joinedup.core import audit, clock
from joinedup.language.checker import Finding, check
from joinedup.language.events import LanguageKept
from joinedup.language.models import LanguageCheck, RecordKind

ADULT_AGE = 18
# Adults whose presence says nothing about who the other person in a sentence is (the checker's own
# rule: an adult's age belonging to a parent or relative is not an adult of concern).
NOT_OF_CONCERN = frozenset({"parent_or_carer", "relative", "household_member", "professional"})


@dataclasses.dataclass(frozen=True)
class CheckContext:
    """What the checker is told about a text: the (youngest) child's age, whether an adult of concern is
    among the people mentioned, and those people (interchange mention dicts)."""

    child_age: int | None = None
    adult_mentioned: bool = False
    mentions: tuple[dict, ...] = ()


def age_on(dob: Any, approx_age: Any, today: dt.date) -> int | None:
    """An age from an approximate age or a date of birth (a date or an ISO string); None if neither."""
    try:
        if approx_age not in (None, ""):
            return int(approx_age)
        if dob:
            born = dob if isinstance(dob, dt.date) else dt.date.fromisoformat(str(dob))
            return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    except (TypeError, ValueError):
        return None
    return None


def context_from_record(record: dict[str, Any], today: dt.date | None = None) -> CheckContext:
    """The context of a `joinedup.concern/1` record (a form's, an API body, or a stored payload)."""
    today = today or clock.now().date()
    ages = [age_on(c.get("dob"), c.get("approx_age"), today) for c in record.get("children") or [] if isinstance(c, dict)]
    known = [age for age in ages if age is not None]
    people = tuple(
        m for m in record.get("mentions") or [] if isinstance(m, dict) and (m.get("kind") or "person") == "person"
    )
    return CheckContext(
        child_age=min(known) if known else None,
        adult_mentioned=any(is_adult_of_concern(m, today) for m in people),
        mentions=people,
    )


def is_adult_of_concern(mention: dict[str, Any], today: dt.date) -> bool:
    """A person mention aged 18 or more (by approximate age or date of birth) who is not a parent,
    relative, household member or professional."""
    if mention.get("role") in NOT_OF_CONCERN:
        return False
    age = age_on(mention.get("dob"), mention.get("approx_age"), today)
    return age is not None and age >= ADULT_AGE


def check_text(text: str, context: CheckContext | None = None) -> list[Finding]:
    context = context or CheckContext()
    if not text or not text.strip():
        return []
    return check(
        text, child_age=context.child_age, adult_mentioned=context.adult_mentioned or None,
        mentions=list(context.mentions),
    )


def finding_key(finding: Finding) -> tuple[str, str]:
    """A flagged phrase as the writer was shown it: (rule, phrase in lower case)."""
    return finding.rule, finding.phrase.lower()


def record_check(
    writer, kind: str, record_id: int, findings: list[Finding], *, shown: Iterable[tuple[str, str]] = (),
    child_ids: Iterable[int | None] = (), channel: str = "web",
) -> LanguageCheck:
    """Record the check of one saved text. `findings` are those in the text as saved (kept words);
    `shown` the (rule, phrase) pairs flagged while it was written, which include them. Must run in the
    transaction that saves the text (checked). Kept words also write a `LanguageKept` audit event for
    each child the record is about."""
    if not connection.in_atomic_block:
        raise RuntimeError("a language check must be recorded in the transaction that saves the text")
    if kind not in RecordKind.values:
        raise ValueError(f"not a kind of checked text: {kind!r}")
    flagged = set(shown) | {finding_key(f) for f in findings}
    rules = sorted({rule for rule, _phrase in flagged})
    kept_phrases = [f.phrase for f in findings]
    row = LanguageCheck.objects.create(
        kind=kind, record_id=record_id, channel=channel, created_by=writer, created_at=clock.now(),
        team_id=getattr(writer, "team_id", None), agency_id=getattr(writer, "agency_id", None),
        findings=len(flagged), rules=rules, kept=bool(kept_phrases), kept_phrases=kept_phrases,
    )
    if kept_phrases:
        kept_rules = sorted({f.rule for f in findings})
        for child_id in list(child_ids) or [None]:
            audit.record(
                LanguageKept(
                    child_id=child_id, record_kind=kind, record_id=record_id, check_id=row.pk,
                    phrases=kept_phrases, rules=kept_rules, channel=channel,
                ),
                writer,
            )
    return row
