"""Reading and completing Splink's model JSON without Splink: the match weight of each level exactly as
Splink computes it (log2 of m over u, each clamped at 1e-300), the prior as a match weight, and a check
that the saved SQL of every level is what the level definitions in code render today (so that a change
to a level without retraining fails loudly instead of scoring with stale weights)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from joinedup.identity.linkage.levels import Comparison

__all__ = ["complete", "level_weights", "prior_weight", "check_definitions"]

_CLAMP = 1e-300  # Splink's M_U_CLAMP_MIN
# No level is impossible among matches: a field wrongly recorded (the wrong sex ticked) must not veto a
# match on its own, which an m of 1e-134 from EM (seen: sex "else") would do. At most -13 bits or so.
M_FLOOR = 1e-4


def _levels(model: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    for comparison in model["comparisons"]:
        if comparison["output_column_name"] == name:
            return comparison["comparison_levels"]
    raise ValueError(f"the model has no comparison {name!r}")


def complete(model: dict[str, Any], comparisons: Sequence[Comparison]) -> list[str]:
    """Fill in, from each level's `fallback`, the m or u probability of any level that training
    could not estimate (no pair at that level), raise any m below `M_FLOOR` to it, renormalise that
    comparison's m and u to sum to 1, and note the fact in its description. Returns
    "comparison/level (m|u)" for each value set. Raises if a missing value has no fallback."""
    filled: list[str] = []
    for definition in comparisons:
        levels = [level for level in _levels(model, definition.name) if not level.get("is_null_level")]
        here: list[str] = []
        for level in levels:
            label = level["label_for_charts"]
            for index, key in enumerate(("m_probability", "u_probability")):
                if key not in level:
                    fallback = definition.fallback(label)
                    if fallback is None:
                        raise ValueError(f"training left {definition.name}/{label} without an {key[0]} "
                                         "probability and it has no fallback: train on more varied records")
                    level[key] = fallback[index]
                    here.append(f"{label} ({key[0]})")
            if level["m_probability"] < M_FLOOR:
                level["m_probability"] = M_FLOOR
                here.append(f"{label} (m floor)")
        if here:
            for key in ("m_probability", "u_probability"):
                total = sum(level[key] for level in levels)
                for level in levels:
                    level[key] = level[key] / total
        note = f" [not seen in training or below the floor, set by hand: {', '.join(here)}]" if here else ""
        for comparison in model["comparisons"]:  # Splink 5 drops a custom comparison's description
            if comparison["output_column_name"] == definition.name:
                comparison["comparison_description"] = definition.description + note
        filled += [f"{definition.name}/{item}" for item in here]
    return filled


def level_weights(model: Mapping[str, Any], name: str) -> list[tuple[str, float]]:
    """(label, match weight) for each level of a comparison in the model, the null level's weight 0."""
    weights = []
    for level in _levels(model, name):
        if level.get("is_null_level"):
            weights.append((level.get("label_for_charts", "null"), 0.0))
            continue
        m, u = level.get("m_probability"), level.get("u_probability")
        if not isinstance(m, int | float) or not isinstance(u, int | float):
            raise ValueError(f"{name}/{level.get('label_for_charts')}: the model has no m or u probability")
        weights.append((level.get("label_for_charts", ""), math.log2(max(m, _CLAMP) / max(u, _CLAMP))))
    return weights


def prior_weight(model: Mapping[str, Any]) -> float:
    """The match weight of the prior, as Splink's prob_to_match_weight computes it."""
    p = model["probability_two_random_records_match"]
    return math.log2(p / (1 - p))


def check_definitions(model: Mapping[str, Any], comparisons: Sequence[Comparison]) -> None:
    """Raise if the model's levels (labels and SQL) are not exactly those the definitions render."""
    for definition in comparisons:
        expected = definition.splink_dict()["comparison_levels"]
        saved = _levels(model, definition.name)
        pairs = list(zip(expected, saved, strict=False))
        if len(expected) != len(saved) or any(
                e["sql_condition"] != s["sql_condition"] or e["label_for_charts"] != s.get("label_for_charts")
                for e, s in pairs):
            raise ValueError(f"the saved model's {definition.name!r} levels differ from the definitions in code: "
                             "retrain and save the model")
