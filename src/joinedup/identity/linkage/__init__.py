"""Probabilistic linkage of people mentioned in concerns (adults of concern and children): a Splink model
(Fellegi-Sunter, trained by expectation-maximisation on the data, no labels) on DuckDB, saved as JSON in
`joinedup/identity/models/person_model.json`. The rest of the app uses only these functions, never Splink:

- `person_record(id, mention, received_at)`: one linkage record from a person mention or a child;
- `concern_records(concern)`: the person records of an interchange concern;
- `train(records) -> model dict` and `save_model(model, path)`; the command
  `python -m joinedup.identity.linkage.train --town DIR`;
- `score_pair(a, b, model=None) -> (match_weight, match_probability, waterfall)`: one pair of
  `PersonFeatures` on arrival, pure Python, microseconds; `load_model(path)` for another model;
  `score_records` and `match_probability` (the probability alone) for prepared records;
- `relink(records, model_path, threshold=..., progress=...) -> Relinked(clusters, pairs)`: the bulk
  relink, clusters as {record id: cluster id}, pairs as a pyarrow table (`pair_list()` for tuples).

Heavy imports (Splink, DuckDB, pyarrow) happen only when training or relinking.
"""

from __future__ import annotations

from joinedup.identity.linkage.person_model import MODEL_PATH, save_model, train
from joinedup.identity.linkage.records import concern_records, person_record
from joinedup.identity.linkage.relink import Pair, Relinked, relink
from joinedup.identity.linkage.scoring import (
    Model,
    Step,
    load_model,
    match_probability,
    score_pair,
    score_records,
)

__all__ = ["person_record", "concern_records", "train", "save_model", "MODEL_PATH", "score_pair",
           "score_records", "match_probability", "load_model", "Model", "Step", "relink", "Relinked", "Pair"]
