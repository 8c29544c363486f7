"""How a similarity explains itself: one `Outcome` per compared field, like a Splink waterfall.

Each outcome carries a weight in bits (log2 of a Bayes factor): positive is evidence that the two
mentions are the same thing, negative that they are not, 0 neutral (a field missing on one side).
The weights here are hand-set starting values; a trained Splink model replaces them later.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple


class Outcome(NamedTuple):
    field: str
    level: str  # "exact", "variant", "typo", "differs", "missing", ...
    weight: float  # bits of evidence
    detail: str = ""


def missing(field: str) -> Outcome:
    return Outcome(field, "missing", 0.0)


def probability(outcomes: Iterable[Outcome], prior_bits: float) -> float:
    """Posterior probability from prior log2-odds plus the outcomes' weights."""
    bits = prior_bits + sum(o.weight for o in outcomes)
    if bits > 60:
        return 1.0
    if bits < -60:
        return 0.0
    return 1.0 / (1.0 + math.pow(2.0, -bits))
