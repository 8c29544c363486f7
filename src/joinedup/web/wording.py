"""Checking language as people write, on every page whose free text goes on a child's record.

Before a text is saved, the page shows the phrases the checker flags (highlighted with <mark>), why each
may blame the child and what to write instead, and two choices: edit the words (the box keeps them), or
"keep my words" (one click: the form is sent again with keep_words=1). Nothing is rewritten, ever.

Which phrases the writer has been shown travels with the form in a signed hidden field (language_seen),
so "keep my words" keeps only what the writer saw (a phrase flagged for the first time is shown first),
and `record_check` learns what was flagged while the text was written even after an edit removed it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from django.core import signing
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from joinedup.language.checker import Finding
from joinedup.language.models import LanguageCheck
from joinedup.language.services import (
    CheckContext,
    check_text,
    context_from_record,
    finding_key,
    record_check,
)

SEEN_FIELD = "language_seen"
KEEP_FIELD = "keep_words"
MAX_SEEN = 100
FIELD_NAME = re.compile(r"^[a-z0-9_-]{1,60}$")


def _salt(kind: str) -> str:
    return f"joinedup.web.wording.{kind}"


def seen_token(user_id: int | None, kind: str, pairs) -> str:
    """The signed value of the hidden field: the (rule, phrase) pairs shown to this user for this text."""
    if not pairs:
        return ""
    shown = sorted([rule, phrase] for rule, phrase in pairs)[:MAX_SEEN]
    return signing.dumps({"u": user_id, "s": shown}, salt=_salt(kind), compress=True)


def read_seen(value: str, user_id: int | None, kind: str) -> frozenset[tuple[str, str]]:
    """The pairs in a token this app signed for this user and kind of text; anything else counts as none."""
    if not value:
        return frozenset()
    try:
        data = signing.loads(value, salt=_salt(kind))
    except signing.BadSignature:
        return frozenset()
    if not isinstance(data, dict) or data.get("u") != user_id:
        return frozenset()
    pairs = data.get("s") or []
    return frozenset((str(p[0]), str(p[1])) for p in pairs if isinstance(p, list) and len(p) == 2)


def highlight(text: str, findings: list[Finding]) -> SafeString:
    """The text, escaped, with each flagged phrase in <mark class="joinedup-flag">."""
    parts, position = [], 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < position:
            continue
        parts.append(escape(text[position:finding.start]))
        parts.append(format_html('<mark class="joinedup-flag">{}</mark>', text[finding.start:finding.end]))
        position = finding.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every part is escaped above


@dataclasses.dataclass
class Review:
    """One text as it stands on a page: what the checker flags now and what the writer has seen."""

    kind: str  # language.models.RecordKind
    field_id: str  # the textarea's id
    text: str
    findings: list[Finding]
    seen: frozenset[tuple[str, str]] = frozenset()
    keep: bool = False
    user_id: int | None = None

    @property
    def shown(self) -> frozenset[tuple[str, str]]:
        return self.seen | {finding_key(f) for f in self.findings}

    @property
    def must_show(self) -> bool:
        """Show the findings rather than save: the writer has not chosen to keep every flagged phrase."""
        if not self.findings:
            return False
        return not (self.keep and all(finding_key(f) in self.seen for f in self.findings))

    @property
    def token(self) -> str:
        return seen_token(self.user_id, self.kind, self.shown)

    @property
    def panel_id(self) -> str:
        return f"{self.field_id}-language"

    def highlighted(self) -> SafeString:
        return highlight(self.text, self.findings)

    def record(self, writer, record_id: int, *, child_ids=()) -> LanguageCheck | None:
        """Record the check of the saved text (nothing for an empty text). Call in the saving transaction."""
        if not self.text:
            return None
        return record_check(writer, self.kind, record_id, self.findings, shown=self.shown, child_ids=child_ids)


def review(field, kind: str, context: CheckContext | None, user) -> Review:
    """Check a form's text field as sent (the cleaned value if it has one). The form's data also says
    what was shown before (language_seen) and whether the writer chose to keep their words. With no
    context the text is not checked: the page is only being shown again (say, with one more row), and
    what the writer was shown is carried forward."""
    form = field.form
    data = form.data if form.is_bound else {}
    if context is None:
        return Review(kind=kind, field_id=field.auto_id, text="", findings=[],
                      seen=read_seen(data.get(SEEN_FIELD, ""), user.pk, kind), user_id=user.pk)
    if form.is_bound:
        form.errors  # noqa: B018 (validates the form, once: the value to check is the cleaned one)
    if field.name in getattr(form, "cleaned_data", {}):
        text = form.cleaned_data[field.name] or ""
    else:
        text = str(field.value() or "").strip()
    return Review(
        kind=kind, field_id=field.auto_id, text=text, findings=check_text(text, context),
        seen=read_seen(data.get(SEEN_FIELD, ""), user.pk, kind), keep=data.get(KEEP_FIELD) == "1", user_id=user.pk,
    )


def concern_context(concern) -> CheckContext:
    """The context of a text about a concern: its current version, as received."""
    version = concern.current_version
    return context_from_record(version.payload if version is not None else {})


def form_context(data) -> CheckContext:
    """The context of the summary on the "record a concern" page from what has been typed so far (the
    live check: the saved check uses the whole record)."""
    children: list[dict[str, Any]] = []
    for prefix in ("child1", "child2"):
        day, month, year = (data.get(f"{prefix}-dob_{i}", "").strip() for i in range(3))
        dob = f"{year}-{month.zfill(2)}-{day.zfill(2)}" if day and month and len(year) == 4 else None
        children.append({"dob": dob, "approx_age": data.get(f"{prefix}-approx_age", "").strip() or None})
    mentions = []
    try:
        rows = max(0, min(int(data.get("person-TOTAL_FORMS", "0")), 30))
    except ValueError:
        rows = 0
    for index in range(rows):
        row = {name: data.get(f"person-{index}-{name}", "").strip() for name in
               ("role", "given_name", "family_name", "nickname", "approx_age")}
        if any(row.values()):
            mentions.append({"kind": "person", **{k: v for k, v in row.items() if v}})
    return context_from_record({"children": children, "mentions": mentions})


def live_field_name(value: str) -> str | None:
    return value if FIELD_NAME.match(value or "") else None
