"""The retention rules as data: for each record type, which date the period runs from and for how many
years. Plain functions, no database: `due_on(rule, facts)` is the date a record becomes due for disposal.

Defaults (shared/product/DOMAIN.md, "Data protection (UK)"; local policy may change them in
JOINEDUP_RETENTION_RULES_FILE, TOML):

- child_protection (every child's record unless classified otherwise): 35 years after last contact;
- looked_after: until the 75th anniversary of the child's birth, or 15 years after death if the child
  died before 18;
- adoption: 100 years from the adoption order;
- allegation_against_staff (substantiated): until the 100th birthday of the person the allegation was
  about.

"Last contact" is the latest recorded activity for the child (see `contact.py`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from django.conf import settings

# What a period can run from.
BASES = {
    "last_contact": "last contact",
    "date_of_birth": "the child's date of birth",
    "event_date": "the date of the event (for example the adoption order)",
    "subject_date_of_birth": "the date of birth of the person the record is about (for example the member of staff)",
}
DEFAULT_TYPE = "child_protection"


@dataclasses.dataclass(frozen=True)
class Rule:
    record_type: str
    label: str
    basis: str
    years: int
    # If the child died before this age, the record is kept `years_after_death` after the death instead.
    died_before_age: int | None = None
    years_after_death: int | None = None

    def describe(self) -> str:
        text = f"{self.years} years from {BASES[self.basis]}"
        if self.died_before_age is not None and self.years_after_death is not None:
            text += f" ({self.years_after_death} years after death if the child died before {self.died_before_age})"
        return text


@dataclasses.dataclass(frozen=True)
class Facts:
    """What a due date is worked out from (any may be unknown)."""

    last_contact: dt.date | None = None
    date_of_birth: dt.date | None = None
    date_of_death: dt.date | None = None
    event_date: dt.date | None = None
    subject_date_of_birth: dt.date | None = None


RULES: Mapping[str, Rule] = MappingProxyType({
    "child_protection": Rule("child_protection", "Child protection", "last_contact", 35),
    "looked_after": Rule("looked_after", "Looked-after child", "date_of_birth", 75, died_before_age=18, years_after_death=15),
    "adoption": Rule("adoption", "Adoption", "event_date", 100),
    "allegation_against_staff": Rule("allegation_against_staff", "Allegation against staff (substantiated)",
                                     "subject_date_of_birth", 100),
})


def add_years(day: dt.date, years: int) -> dt.date:
    """The anniversary `years` on; 29 February falls on 1 March in a year that has none (the day a person
    born on 29 February attains an age in law)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


def due_on(rule: Rule, facts: Facts) -> dt.date | None:
    """The date the record becomes due for disposal, or None if a date it needs is not recorded (then it
    is never due: nothing is disposed of on a guess)."""
    if rule.died_before_age is not None and rule.years_after_death is not None and facts.date_of_death is not None:
        born = facts.date_of_birth
        if born is not None and facts.date_of_death < add_years(born, rule.died_before_age):
            return add_years(facts.date_of_death, rule.years_after_death)
    start = getattr(facts, rule.basis)
    return add_years(start, rule.years) if start is not None else None


class RulesError(ValueError):
    """The retention rules file is not valid (the message names the key)."""


_KEYS = {"label", "basis", "years", "died_before_age", "years_after_death"}


def _whole(record_type: str, key: str, value, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise RulesError(f"{record_type}.{key}: a whole number of at least {minimum}")
    return value


def _rule(record_type: str, table, base: Rule | None) -> Rule:
    if not isinstance(table, Mapping):
        raise RulesError(f"{record_type}: a table of {', '.join(sorted(_KEYS))}")
    unknown = set(table) - _KEYS
    if unknown:
        raise RulesError(f"{record_type}.{sorted(unknown)[0]}: unknown key (known: {', '.join(sorted(_KEYS))})")
    if base is None and not {"basis", "years"} <= set(table):
        raise RulesError(f"{record_type}: a new record type needs basis and years")
    changes: dict = {}
    if "basis" in table:
        if table["basis"] not in BASES:
            raise RulesError(f"{record_type}.basis: one of {', '.join(BASES)}")
        changes["basis"] = table["basis"]
    if "label" in table:
        if not isinstance(table["label"], str) or not table["label"].strip():
            raise RulesError(f"{record_type}.label: some text")
        changes["label"] = table["label"].strip()
    for key in ("years", "died_before_age", "years_after_death"):
        if key in table:
            changes[key] = _whole(record_type, key, table[key])
    if base is None:
        return Rule(record_type=record_type, label=changes.pop("label", record_type.replace("_", " ").capitalize()), **changes)
    return dataclasses.replace(base, **changes)


def from_mapping(data: Mapping, base: Mapping[str, Rule] = RULES) -> Mapping[str, Rule]:
    """`base` with the record types in `data` changed or added (the shape of a retention rules TOML file:
    one table per record type)."""
    rules = dict(base)
    for record_type, table in data.items():
        if not record_type.replace("_", "").isalnum() or not record_type.islower() or len(record_type) > 40:
            raise RulesError(f"{record_type}: a record type is lower-case letters, digits and underscores")
        rules[record_type] = _rule(record_type, table, base.get(record_type))
    return MappingProxyType(rules)


@functools.cache
def _from_file(path: str) -> Mapping[str, Rule]:
    if not path:
        return RULES
    with open(Path(path), "rb") as f:
        try:
            data = tomllib.load(f)
        except tomllib.TOMLDecodeError as problem:
            raise RulesError(f"not valid TOML: {problem}") from problem
    return from_mapping(data)


def current() -> Mapping[str, Rule]:
    """The rules in force: the defaults above, with JOINEDUP_RETENTION_RULES_FILE's changes (TOML)."""
    return _from_file(settings.JOINEDUP_RETENTION_RULES_FILE)


def rule_for(record_type: str) -> Rule:
    """The rule for a record type; a type no longer in the rules falls back to the default (never to
    "keep for ever" silently: the dry run shows which rule was used)."""
    rules = current()
    return rules.get(record_type) or rules[DEFAULT_TYPE]
