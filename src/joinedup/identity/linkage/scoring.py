"""Scoring one pair of people on arrival, in pure Python, with the saved Splink model: the same levels
(`person_model.COMPARISONS`, whose predicates also render the SQL Splink runs) and the model's m and u
probabilities, so the match weight equals the one Splink's predict gives for the pair. No DuckDB, no
Splink import: a few microseconds a pair."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from joinedup.identity.linkage.levels import Comparison, Record
from joinedup.identity.linkage.model_json import check_definitions, level_weights, prior_weight
from joinedup.identity.linkage.person_model import COMPARISONS, MODEL_PATH
from joinedup.identity.linkage.records import prepare
from joinedup.identity.normalise.people import PersonFeatures

__all__ = ["Step", "Model", "load_model", "match_probability", "score_pair", "score_records"]


class Step(NamedTuple):
    """One bar of the waterfall: a comparison, the level the pair fell in, its match weight (bits)."""

    comparison: str
    level: str
    match_weight: float

    @property
    def bayes_factor(self) -> float:
        return 2.0 ** self.match_weight


class Model(NamedTuple):
    """A loaded model: the prior's match weight and, per comparison, its definition and level weights.
    `headroom[i]` is the most the comparisons after the i-th can still add (so scoring can stop early)."""

    prior: float
    comparisons: tuple[tuple[Comparison, tuple[tuple[str, float], ...]], ...]
    path: str
    headroom: tuple[float, ...] = ()


def _build(model: Mapping[str, Any], comparisons: Sequence[Comparison], path: str) -> Model:
    check_definitions(model, comparisons)
    weighted = tuple((c, tuple(level_weights(model, c.name))) for c in comparisons)
    best = [max(w for _, w in weights) for _, weights in weighted]
    headroom = tuple(sum(best[i + 1:]) for i in range(len(best)))
    return Model(prior_weight(model), weighted, path, headroom)


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> Model:
    return _build(json.loads(Path(path).read_text(encoding="utf-8")), COMPARISONS, path)


def load_model(source: str | Path | Mapping[str, Any] | None = None,
               comparisons: Sequence[Comparison] = COMPARISONS) -> Model:
    """The person model from a path (default: the committed model JSON) or a model dictionary. Raises
    ValueError if its levels are not the ones defined in code (the model needs retraining)."""
    if isinstance(source, Mapping):
        return _build(source, comparisons, "<dict>")
    path = Path(source or MODEL_PATH)
    if comparisons is COMPARISONS:
        return _load(str(path), path.stat().st_mtime)
    return _build(json.loads(path.read_text(encoding="utf-8")), comparisons, str(path))


def score_records(a: Record, b: Record, model: Model | None = None) -> tuple[float, float, list[Step]]:
    """Like `score_pair`, for two prepared records (`records.prepare` or `person_record` dicts)."""
    model = model or load_model()
    steps = [Step("prior", "probability_two_random_records_match", model.prior)]
    total = model.prior
    for comparison, weights in model.comparisons:
        label, weight = weights[comparison.level_of(a, b)]
        steps.append(Step(comparison.name, label, weight))
        total += weight
    return total, _probability(total), steps


def match_probability(a: Record, b: Record, model: Model, floor: float = 0.0) -> float:
    """The probability of `score_records`, without building its waterfall (resolving one person mention
    scores up to hundreds of candidates, and only the best few are explained). With `floor`, a pair that
    cannot reach that probability whatever its remaining fields say gets 0.0 as soon as that is certain
    (most candidates share only a blocking key, and scoring stops after the names)."""
    total = model.prior
    if floor <= 0.0 or not model.headroom:
        for comparison, weights in model.comparisons:
            total += weights[comparison.level_of(a, b)][1]
        return _probability(total)
    needed = _weight(floor)
    for (comparison, weights), rest in zip(model.comparisons, model.headroom, strict=True):
        total += weights[comparison.level_of(a, b)][1]
        if total + rest < needed:
            return 0.0
    return _probability(total)


def _weight(probability: float) -> float:
    """The match weight (bits) of a probability: the inverse of `_probability`."""
    return math.log2(probability / (1.0 - probability))


def score_pair(a: PersonFeatures, b: PersonFeatures, model: Model | None = None) -> tuple[float, float, list[Step]]:
    """(match weight in bits, match probability, waterfall) for two people's features under the saved
    model (or `model`). The waterfall starts with the prior, then one step per comparison."""
    return score_records(prepare(a), prepare(b), model)


def _probability(weight: float) -> float:
    """As Splink computes it, stable at both ends."""
    if weight >= 0:
        return 1.0 / (1.0 + math.pow(2.0, -weight))
    bf = math.pow(2.0, weight)
    return bf / (1.0 + bf)
