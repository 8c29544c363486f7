"""Training the person model by EM on a small synthetic town, saving it, and loading it back."""

from __future__ import annotations

import json

import pytest

from joinedup.identity.linkage import MODEL_PATH, load_model
from joinedup.identity.linkage.engine import make_linker
from joinedup.identity.linkage.person_model import COMPARISONS, TRAINING_RULES
from joinedup.identity.linkage.records import COLUMNS, to_arrow
from joinedup.identity.linkage.train import main


def test_training_gives_every_level_an_m_and_a_u(small_model):
    model, _ = small_model
    assert 0 < model["probability_two_random_records_match"] < 0.01
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            if not level.get("is_null_level"):
                assert 0 < level["m_probability"] <= 1 and 0 < level["u_probability"] <= 1


def test_em_learns_that_agreeing_names_and_dates_are_evidence_for_a_match(small_model):
    weights = {c.name: dict(w) for c, w in load_model(small_model[1]).comparisons}
    assert weights["given_name"]["exact"] > 4 and weights["given_name"]["else"] < -4
    assert weights["family_name"]["exact"] > 4
    assert weights["birth"]["exact"] > 6 and weights["birth"]["else"] < -2


def test_the_saved_model_loads_in_splink_and_in_the_python_scorer(small_town, small_model):
    records, _ = small_town
    _, path = small_model
    linker = make_linker(to_arrow(records[:50], ["unique_id", *COLUMNS]), path)
    assert linker.misc.save_model_to_json()["probability_two_random_records_match"] == pytest.approx(
        json.loads(path.read_text())["probability_two_random_records_match"])
    assert [c.name for c, _ in load_model(path).comparisons] == [c.name for c in COMPARISONS]


def test_em_is_trained_on_two_or_more_compound_blocking_rules():
    assert len(TRAINING_RULES) >= 2
    assert all(" AND " in rule for rule in TRAINING_RULES)


def test_the_committed_model_matches_the_level_definitions_in_code():
    model = json.loads(MODEL_PATH.read_text())
    assert model["sql_dialect"] == "duckdb" and model["link_type"] == "dedupe_only"
    load_model()  # raises if a level was changed without retraining


def test_a_model_whose_levels_drifted_from_the_code_is_refused(small_model, tmp_path):
    model, _ = small_model
    drifted = json.loads(json.dumps(model))
    drifted["comparisons"][0]["comparison_levels"][1]["sql_condition"] = '"given_l" = "given_r" AND TRUE'
    with pytest.raises(ValueError, match="retrain"):
        load_model(drifted)


def test_the_train_command_writes_the_model_json(tmp_path, capsys):
    from sim import town as sim_town

    concerns, truth = sim_town.generate(seed=5, concerns=600, years=1)
    sim_town.write(tmp_path, concerns, truth)
    out = tmp_path / "model.json"
    assert main(["--town", str(tmp_path), "--out", str(out), "--max-pairs", "2e5"]) == 0
    assert "wrote" in capsys.readouterr().out
    load_model(out)
