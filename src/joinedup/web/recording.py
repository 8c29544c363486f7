"""Turning the "record a concern" page into an interchange record (joinedup.concern/1), and a
`RecordError` from the records app back into an error against the field it names."""

from __future__ import annotations

import re
import uuid
from typing import Any

from joinedup.core import clock
from joinedup.records.interchange import SCHEMA_ID, RecordError
from joinedup.web.forms.concern import MENTION_FORM_FIELDS, MENTION_FORMSETS, ChildForm, WhatHappenedForm

FORM_REF = re.compile(r"^FORM-[0-9a-f]{12}$")
_PATH = re.compile(r"^(children|mentions)\[(\d+)\](?:\.(\w+))?$")


def new_form_ref() -> str:
    """The concern's `source_ref`, fixed when the form is first shown, so that sending the same form
    twice (a double click, or the back button) stores one concern, not two."""
    return f"FORM-{uuid.uuid4().hex[:12]}"


class ConcernEntry:
    """Every form on the "record a concern" page, bound or not, handled as one."""

    def __init__(self, data=None, *, initial_child: dict | None = None, quiet: bool = False) -> None:
        self.bound = data is not None
        ref = (data or {}).get("form_ref", "")
        self.form_ref = ref if FORM_REF.match(ref) else new_form_ref()
        self.what = WhatHappenedForm(data, quiet=quiet)
        self.child1 = ChildForm(data, prefix="child1", initial=initial_child or {}, quiet=quiet)
        self.child2 = ChildForm(data, prefix="child2", optional=True, quiet=quiet)
        self.mentions = {kind: formset(data, prefix=kind, quiet=quiet) for kind, formset in MENTION_FORMSETS.items()}
        self.other_errors: list[str] = []
        self._mention_rows: list = []

    @classmethod
    def with_another_row(cls, data, kind: str) -> ConcernEntry:
        """The same entry with one more empty row of `kind` (the no-JavaScript "add another")."""
        data = data.copy()
        key = f"{kind}-TOTAL_FORMS"
        try:
            data[key] = str(min(int(data.get(key, "0")) + 1, 30))
        except ValueError:
            data[key] = "1"
        return cls(data, quiet=True)

    def forms(self) -> list:
        mention_forms = [form for formset in self.mentions.values() for form in formset.forms]
        return [self.child1, self.child2, self.what, *mention_forms]

    def is_valid(self) -> bool:
        formsets_ok = all(formset.is_valid() for formset in self.mentions.values())
        forms_ok = all(form.is_valid() for form in (self.child1, self.child2, self.what))
        return formsets_ok and forms_ok and not self.other_errors

    def known_children(self) -> dict[int, int]:
        """{position: child id} for a child picked after searching (only the first child can be picked)."""
        known = self.child1.cleaned_data.get("known_child") if self.child1.is_valid() else None
        return {0: known} if known else {}

    def second_child_open(self) -> bool:
        return self.bound and (self.child2.has_changed() or bool(self.child2.errors))

    def error_summary(self) -> list[dict[str, str]]:
        """(link, message) for the GOV.UK error summary, in the order the fields appear on the page."""
        from joinedup.web.templatetags.govuk import error_anchor

        out = [{"href": "", "text": message} for message in self.other_errors]
        for form in self.forms():
            for message in form.non_field_errors():
                out.append({"href": "", "text": message})
            for name in form.errors:
                if name == "__all__":
                    continue
                out.append({"href": f"#{error_anchor(form[name])}", "text": form.errors[name][0]})
        for formset in self.mentions.values():
            for message in formset.non_form_errors():
                out.append({"href": "", "text": message})
        return out

    # --- to the interchange format ---------------------------------------------------------------

    def to_record(self, user) -> dict[str, Any]:
        agency = user.agency
        children = [child_record(self.child1.cleaned_data)]
        if not self.child2.is_empty():
            children.append(child_record(self.child2.cleaned_data))
        what = self.what.cleaned_data
        record: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "source_ref": self.form_ref,
            "agency": {"name": agency.name, "type": agency.type},
            "reporter": {"name": user.display_name, "role": user.get_role_display()},
            "received_at": clock.now().isoformat(),
            "children": children,
            "summary": what["summary"],
        }
        if what.get("child_words"):
            record["child_words"] = what["child_words"]
        if what.get("categories"):
            record["categories"] = list(what["categories"])
        if what.get("indicators"):
            record["indicators"] = list(what["indicators"])
        mentions = []
        self._mention_rows = []
        for kind in MENTION_FORM_FIELDS:
            for form in self.mentions[kind].forms:
                if not form.has_changed():
                    continue
                mention = form.to_record()
                if mention:
                    mentions.append(mention)
                    self._mention_rows.append(form)
        if mentions:
            record["mentions"] = mentions
        return record

    def add_record_error(self, error: RecordError) -> None:
        """Show a refusal from the records app against the field it names."""
        message = f"{error.message[:1].upper()}{error.message[1:]}"
        field = error.field
        match = _PATH.match(field)
        if match:
            which, index, name = match.group(1), int(match.group(2)), match.group(3) or ""
            if which == "children":
                form = self.child1 if index == 0 else self.child2
                form.add_error(name if name in form.fields else "given_name", message)
                return
            if index < len(self._mention_rows):
                form = self._mention_rows[index]
                form.add_error(name if name in form.fields else "role", message)
                return
        if field in self.what.fields:
            self.what.add_error(field, message)
            return
        self.other_errors.append(message)


def child_record(data: dict[str, Any]) -> dict[str, Any]:
    """One child in interchange form: only what was filled in."""
    out: dict[str, Any] = {}
    for name in ("ref", "given_name", "family_name", "sex", "ethnicity", "nationality", "address", "postcode",
                 "school", "nhs_number", "upn"):
        if data.get(name):
            out[name] = data[name]
    if data.get("dob"):
        out["dob"] = data["dob"].isoformat()
    if data.get("approx_age") is not None:
        out["approx_age"] = data["approx_age"]
    return out


def child_initial(description) -> dict[str, Any]:
    """The child form's starting values from what an agency recorded about a known child."""
    fields = ("given_name", "family_name", "dob", "approx_age", "sex", "address", "postcode", "school",
              "ethnicity", "nationality", "nhs_number", "upn")
    return {name: getattr(description, name) for name in fields if getattr(description, name) not in ("", None)}


__all__ = ["ChildForm", "ConcernEntry", "WhatHappenedForm", "child_initial", "child_record", "new_form_ref"]
