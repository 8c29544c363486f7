"""The person model: which columns of two person records are compared and how (the comparison levels),
which pairs are compared at all (blocking), and how the model is trained, by expectation-maximisation on
the data itself, without labels. The trained model is Splink's JSON, saved in
`joinedup/identity/models/person_model.json` and reviewed like code.

Address and postcode are one comparison, not two: they are far from independent (the same address nearly
always means the same postcode), and counting both would count the same evidence twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from joinedup.identity.linkage.engine import connect, fit, make_linker
from joinedup.identity.linkage.levels import (
    Comparison,
    Level,
    all_of,
    any_of,
    crossed,
    exact,
    jaro_winkler,
    levenshtein,
    not_,
    null,
    overlap,
    shorter_than,
)
from joinedup.identity.linkage.records import COLUMNS, to_arrow

__all__ = ["COMPARISONS", "PREDICTION_RULES", "TRAINING_RULES", "MODEL_PATH", "settings", "train",
           "save_model"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "person_model.json"

# Each level: label, predicate, and the hand-set (m, u) used only where training saw no pair at that level.
COMPARISONS: tuple[Comparison, ...] = (
    Comparison("given_name", "First given name", null("given"), (
        Level("exact", exact("given"), (0.8, 0.004)),
        Level("known_variant", exact("given_key"), (0.08, 0.001)),  # Mo / Mohammed, Liz / Elizabeth
        Level("jaro_winkler_0.92", jaro_winkler("given", 0.92), (0.04, 0.001)),
        Level("initial", all_of(shorter_than("given", 2), exact("initial")), (0.005, 0.001)),
        Level("jaro_winkler_0.80", jaro_winkler("given", 0.80), (0.02, 0.005)),
    ), otherwise=(0.005, 0.989)),
    Comparison("family_name", "Family name (Mac/Mc, Saint/St, spaces and hyphens folded)", null("family_key"), (
        Level("exact", exact("family_key"), (0.9, 0.007)),
        Level("jaro_winkler_0.92", jaro_winkler("family_key", 0.92), (0.07, 0.001)),
        Level("jaro_winkler_0.80", jaro_winkler("family_key", 0.80), (0.02, 0.003)),
    ), otherwise=(0.01, 0.989)),
    Comparison("nickname", "Nickname, or a nickname that is the other's given name",
               all_of(null("nickname_key"), not_(crossed("nickname_key", "given_key"))), (
        Level("exact", exact("nickname_key"), (0.6, 0.01)),
        Level("nickname_is_given_name", crossed("nickname_key", "given_key"), (0.3, 0.05)),
    ), otherwise=(0.1, 0.94)),
    Comparison("sex", "Sex", null("sex"), (Level("exact", exact("sex"), (0.99, 0.5)),), otherwise=(0.01, 0.5)),
    Comparison("birth", "Date of birth, or the birth dates an approximate age allows", null("birth_min"), (
        Level("exact", exact("dob"), (0.6, 0.0003)),
        Level("typo", any_of(levenshtein("dob", 1), crossed("dob", "dob_swapped")), (0.03, 0.0015)),
        Level("ranges_overlap", overlap("birth_min", "birth_max"), (0.3, 0.12)),
    ), otherwise=(0.07, 0.878)),
    Comparison("phone", "Phone number (E.164)", null("phone"), (Level("exact", exact("phone"), (0.85, 1e-5)),),
               otherwise=(0.15, 1 - 1e-5)),
    Comparison("address", "Address, else postcode, sector or district", all_of(null("address"), null("district")), (
        Level("same_address", exact("address_flat"), (0.75, 0.001)),
        Level("same_building", exact("address"), (0.01, 0.0005)),
        Level("same_postcode", exact("postcode"), (0.15, 0.005)),
        Level("same_sector", exact("sector"), (0.01, 0.01)),
        Level("same_district", exact("district"), (0.01, 0.07)),
    ), otherwise=(0.07, 0.9135)),
)

# Pairs compared when predicting: each rule is compound (or on a column that is nearly unique), so that no
# single common value makes a block of millions of pairs.
PREDICTION_RULES: tuple[str, ...] = (
    "l.given_key = r.given_key AND l.family_key = r.family_key",
    "l.family_key = r.family_key AND l.dob = r.dob",
    "l.given_key = r.given_key AND l.dob = r.dob",
    "l.given_key = r.given_key AND l.address = r.address",
    "l.family_key = r.family_key AND l.address = r.address",
    "l.nickname_key = r.nickname_key AND l.sex = r.sex",
    "l.phone = r.phone",
)
# EM sessions: each estimates the m probabilities of the comparisons its rule does not use; together they
# cover every comparison. Compound rules keep the training pairs few (a skewed single column does not).
# Not "same address and sex": its pairs are mostly fathers and sons, mothers and daughters, and EM takes
# the household for the person (a given name that differs came out as common among matches as not).
TRAINING_RULES: tuple[str, ...] = (
    "l.given_key = r.given_key AND l.family_key = r.family_key",
    "l.dob = r.dob AND l.sex = r.sex",
)
# The recall assumed of the deterministic rules when estimating the prior (training and bulk relinks).
PRIOR_RECALL = 0.7
# At or above this many records a bulk relink estimates the prior from the records it relinks: the chance
# that two random records are the same person falls as the population grows (about 1/N), so the prior
# trained on a town of tens of thousands overstates it for a million and merges strangers.
PRIOR_FROM_DATA_AT = 100_000
# Rules that admit almost no false matches, to estimate the prior (how often two random records match).
DETERMINISTIC_RULES: tuple[str, ...] = (
    "l.given_key = r.given_key AND l.family_key = r.family_key AND l.dob = r.dob",
    "l.given_key = r.given_key AND l.family_key = r.family_key AND l.address_flat = r.address_flat",
)


def settings(comparisons: Iterable[Comparison] = COMPARISONS,
             rules: Iterable[str] = PREDICTION_RULES, **extra: Any) -> dict[str, Any]:
    """The untrained Splink settings dictionary for deduplicating person records."""
    return {"link_type": "dedupe_only", "unique_id_column_name": "unique_id",
            "comparisons": [c.splink_dict() for c in comparisons],
            "blocking_rules_to_generate_predictions": [{"blocking_rule": r} for r in rules],
            "retain_matching_columns": False, "retain_intermediate_calculation_columns": False,
            "em_convergence": 0.0001, "max_iterations": 50, "linker_uid": "person_model", **extra}


def train(records: Iterable[Mapping[str, Any]], *, recall: float = PRIOR_RECALL, max_pairs: float = 2e7,
          seed: int = 7, **connect_options: Any) -> dict[str, Any]:
    """Train the person model on `records` (dicts with `unique_id` and the columns of
    `records.person_record`) and return Splink's trained model dictionary. Unsupervised: the prior from
    deterministic rules at an assumed `recall`, u probabilities from `max_pairs` random pairs (seeded),
    m probabilities by EM on each training rule in turn."""
    linker = make_linker(to_arrow(records, ["unique_id", *COLUMNS]), settings(), connect(**connect_options))
    return fit(linker, COMPARISONS, training_rules=TRAINING_RULES, deterministic_rules=DETERMINISTIC_RULES,
               recall=recall, max_pairs=max_pairs, seed=seed)


def save_model(model: Mapping[str, Any], path: str | Path = MODEL_PATH) -> Path:
    """Write Splink's model JSON and return its path. Probabilities are rounded to 10 significant digits
    (retraining on the same data then gives the same file: DuckDB's parallel sums differ in the last bit)."""
    def rounded(value: Any) -> Any:
        if isinstance(value, float):
            return float(f"{value:.10g}")
        if isinstance(value, dict):
            return {k: rounded(v) for k, v in value.items()}
        if isinstance(value, list):
            return [rounded(v) for v in value]
        return value

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rounded(model), indent=2) + "\n", encoding="utf-8")
    return path
