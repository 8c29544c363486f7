"""The screening rules as data: weights, time windows, score thresholds, overrides and the wording of
each level. `score.screen` reads only what is passed to it, so a test (or a local variant of the tool)
can change a weight by passing a changed `Rules`.

Source: one published SERAF-style variant (shared/product/DOMAIN.md): vulnerabilities 1 point; moderate
indicators 1 point if present now or in the last 6 months; significant indicators 5 points if in the last
6 months, 1 point if 6-12 months ago; 0-5 level 1, 6-10 level 2, 11-15 level 3, 16+ level 4.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

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
