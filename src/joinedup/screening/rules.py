"""The screening rules as data: weights, time windows, score thresholds, overrides and the wording of
each level. `score.screen` reads only what is passed to it, so a test (or a local variant of the tool)
can change a weight by passing a changed `Rules`.

Source: one published SERAF-style variant (shared/product/DOMAIN.md): vulnerabilities 1 point; moderate
indicators 1 point if present now or in the last 6 months; significant indicators 5 points if in the last
6 months, 1 point if 6-12 months ago; 0-5 level 1, 6-10 level 2, 11-15 level 3, 16+ level 4.
"""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from django.conf import settings

from joinedup.records.vocabulary import INDICATORS


@dataclasses.dataclass(frozen=True)
class Window:
    """An observation received no more than `within_months` before the screening scores `points`.
    `within_months=None` means at any time."""

    within_months: int | None
    points: int
    why: str


@dataclasses.dataclass(frozen=True)
class Level:
    number: int
    title: str
    description: str
    tag: str  # GOV.UK tag colour class


# A disclosure of exploitation is not an indicator in the vocabulary: `queries` records one as an
# observation with this code (see DISCLOSURE_CATEGORIES).
DISCLOSURE = "disclosure_of_exploitation"

# A concern with one of these categories that records the child's own words is a disclosure of
# exploitation. The concern's author chose the category having heard the child; the child's words are
# what the child said. `disclosure_withdrawn` ("reported an assault then withdrew it") stays a
# significant indicator scored by the windows, as the vocabulary classes it: the tools treat a
# retraction as a sign of pressure on the child, not as a current disclosure.
DISCLOSURE_CATEGORIES = frozenset({"sexual_exploitation"})

LEVELS: Mapping[int, Level] = MappingProxyType({
    1: Level(
        1, "Few signs of sexual exploitation recorded: stay alert",
        "What the agencies have recorded does not at present show that the child is being sexually exploited. "
        "Any vulnerabilities listed can make a child a target for people who exploit children: keep watching "
        "for new signs and share what you see.",
        "govuk-tag--grey",
    ),
    2: Level(
        2, "Concern that the child may be being groomed or targeted for sexual exploitation",
        "Signs recorded across agencies suggest that someone may be grooming or targeting the child. Share "
        "what you know with the front door, talk with the child, and consider a strategy discussion.",
        "govuk-tag--yellow",
    ),
    3: Level(
        3, "Strong concern that the child is being sexually exploited",
        "Several signs together suggest that the child is being sexually exploited or is being harmed by "
        "people exploiting them. Hold a strategy discussion; plan how to protect the child and disrupt the "
        "people of concern.",
        "govuk-tag--orange",
    ),
    4: Level(
        4, "Serious concern that the child is being sexually exploited: act now",
        "The child has told someone they are being exploited, or the signs recorded show that the child is "
        "being sexually exploited and is likely to be suffering significant harm. Act now to keep the child "
        "safe: police and children's social care together, today.",
        "govuk-tag--red",
    ),
})


@dataclasses.dataclass(frozen=True)
class Rules:
    # weight class -> windows, tried in order; the first that contains the observation scores.
    windows: Mapping[str, tuple[Window, ...]]
    # lowest score for each level, highest level first.
    thresholds: tuple[tuple[int, int], ...]
    # indicator code -> weight class (from the shared vocabulary).
    weight_classes: Mapping[str, str]
    levels: Mapping[int, Level]
    disclosure_level: int
    # A disclosure counts for this many months (the longest scoring window), so an old disclosure with
    # nothing since does not hold the child at "act now" for ever; None would mean at any time.
    disclosure_within_months: int | None
    # A child this age or younger: any significant indicator is a potential indicator of abuse.
    young_child_max_age: int
    young_child_min_level: int
    # Levels at which a police officer is warned before acting.
    police_warning_level: int
    # A child screened at this level or above is due a strategy-discussion decision (follow-through).
    follow_through_level: int = 3
    # Categories under which exploitation is often missed ("missing", "substance misuse"): a concern in
    # one of them while significant indicators are present is due a strategy-discussion decision too.
    masking_categories: frozenset[str] = frozenset({"substance_misuse", "missing"})

    def with_weight(self, weight_class: str, windows: tuple[Window, ...]) -> Rules:
        """A copy with one weight class's windows changed."""
        return dataclasses.replace(self, windows=MappingProxyType({**self.windows, weight_class: windows}))


RULES = Rules(
    windows=MappingProxyType({
        "vulnerability": (Window(None, 1, "vulnerability"),),
        "moderate": (Window(6, 1, "moderate indicator in the last 6 months"),),
        "significant": (
            Window(6, 5, "significant indicator in the last 6 months"),
            Window(12, 1, "significant indicator 6 to 12 months ago"),
        ),
    }),
    thresholds=((16, 4), (11, 3), (6, 2), (0, 1)),
    weight_classes=MappingProxyType({code: weight for code, (_label, weight) in INDICATORS.items()}),
    levels=LEVELS,
    disclosure_level=4,
    disclosure_within_months=12,
    young_child_max_age=13,
    young_child_min_level=3,
    police_warning_level=2,
)


def label(code: str) -> str:
    if code == DISCLOSURE:
        return "Disclosure of sexual exploitation in the child's own words"
    return INDICATORS.get(code, (code.replace("_", " "), ""))[0]


class RulesError(ValueError):
    """The screening rules file is not valid (the message names the key)."""


_WHOLE_NUMBERS = ("disclosure_level", "young_child_max_age", "young_child_min_level", "police_warning_level",
                  "follow_through_level")


def _windows(weight_class: str, rows) -> tuple[Window, ...]:
    if not isinstance(rows, list) or not rows:
        raise RulesError(f"windows.{weight_class}: a list of {{within_months, points, why}} tables")
    windows = []
    for i, row in enumerate(rows):
        months, points = row.get("within_months"), row.get("points")
        if months is not None and (not isinstance(months, int) or months < 1):
            raise RulesError(f"windows.{weight_class}[{i}].within_months: a whole number of months, or left out for any time")
        if not isinstance(points, int) or points < 0:
            raise RulesError(f"windows.{weight_class}[{i}].points: a whole number of at least 0")
        windows.append(Window(months, points, str(row.get("why", weight_class))))
    return tuple(windows)


def _thresholds(rows, base: Rules) -> tuple[tuple[int, int], ...]:
    if not rows or any(len(r) != 2 or r[1] not in base.levels for r in rows) or 0 not in {r[0] for r in rows}:
        raise RulesError("thresholds: a list of [lowest score, level] pairs, levels 1-4, one starting at 0")
    return tuple(sorted(((int(a), int(b)) for a, b in rows), reverse=True))


def _weights(weights: Mapping, base: Rules) -> Mapping[str, str]:
    bad = {c: w for c, w in weights.items() if c not in base.weight_classes or w not in base.windows}
    if bad:
        raise RulesError(f"weights: unknown indicator or weight class in {bad}")
    return MappingProxyType({**base.weight_classes, **weights})


def _all_windows(windows: Mapping, base: Rules) -> Mapping[str, tuple[Window, ...]]:
    extra = set(windows) - set(base.windows)
    if extra:
        raise RulesError(f"windows: no weight class {', '.join(sorted(extra))} (known: {', '.join(base.windows)})")
    return MappingProxyType({**base.windows, **{k: _windows(k, v) for k, v in windows.items()}})


_PARSERS = {
    "windows": ("windows", _all_windows),
    "thresholds": ("thresholds", _thresholds),
    "weights": ("weight_classes", _weights),
    "masking_categories": ("masking_categories", lambda rows, _base: frozenset(rows)),
    "disclosure_within_months": ("disclosure_within_months", lambda months, _base: None if months == 0 else months),
}


def from_mapping(data: Mapping, base: Rules = RULES) -> Rules:
    """`base` with the keys in `data` replaced (the shape of a screening rules TOML file)."""
    unknown = set(data) - set(_PARSERS) - set(_WHOLE_NUMBERS)
    if unknown:
        raise RulesError(f"unknown key(s): {', '.join(sorted(unknown))}")
    changes: dict = {}
    for key, (field, parse) in _PARSERS.items():
        if key in data:
            changes[field] = parse(data[key], base)
    for key in _WHOLE_NUMBERS:
        if key in data:
            if not isinstance(data[key], int):
                raise RulesError(f"{key}: a whole number")
            changes[key] = data[key]
    return dataclasses.replace(base, **changes)


@functools.cache
def _from_file(path: str) -> Rules:
    if not path:
        return RULES
    with open(Path(path), "rb") as f:
        return from_mapping(tomllib.load(f))


def current() -> Rules:
    """The rules in force: the defaults above, with JOINEDUP_SCREENING_RULES_FILE's changes (TOML)."""
    return _from_file(settings.JOINEDUP_SCREENING_RULES_FILE)
