"""Bulk relinking: every person record against every other it is blocked with, scored by Splink on DuckDB
with the saved model, and clustered by Splink's connected components. The periodic full relink; the
incremental path (a new mention as it arrives) uses `scoring.score_pair`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from joinedup.identity.linkage.engine import connect, make_linker
from joinedup.identity.linkage.model_json import check_definitions
from joinedup.identity.linkage.person_model import (
    COMPARISONS,
    DETERMINISTIC_RULES,
    MODEL_PATH,
    PRIOR_FROM_DATA_AT,
    PRIOR_RECALL,
)
from joinedup.identity.linkage.records import COLUMNS, require_unique_ids, to_arrow

__all__ = ["Pair", "Relinked", "prior_from_data", "relink"]

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class Pair(NamedTuple):
    id_l: str
    id_r: str
    match_weight: float
    match_probability: float


class Relinked(NamedTuple):
    clusters: dict[str, str]  # record id -> cluster id (the id of one record of the cluster)
    pairs: Any  # pyarrow table (id_l, id_r, match_weight, match_probability): every pair at the threshold
    prior: float = 0.0  # the probability that two random records match, as used

    def pair_list(self) -> list[Pair]:
        """The pairs as Python tuples (for small runs: a million-record relink has tens of millions)."""
        columns = self.pairs.to_pydict()
        return [Pair(*row) for row in zip(columns["id_l"], columns["id_r"], columns["match_weight"],
                                          columns["match_probability"], strict=True)]

    def groups(self) -> list[list[str]]:
        """The clusters of more than one record, each sorted."""
        members: dict[str, list[str]] = {}
        for record, cluster in self.clusters.items():
            members.setdefault(cluster, []).append(record)
        return sorted(sorted(m) for m in members.values() if len(m) > 1)


def prior_from_data(prior: str, records: int) -> bool:
    if prior not in ("auto", "data", "model"):
        raise ValueError(f"prior must be auto, data or model, not {prior!r}")
    return prior == "data" or (prior == "auto" and records >= PRIOR_FROM_DATA_AT)


def prior_in_use(linker: Any) -> float:
    return float(linker.misc.save_model_to_json()["probability_two_random_records_match"])


def _chunks(count: int, per_chunk: int) -> int:
    return max(1, -(-count // per_chunk))


def relink(records: Iterable[Mapping[str, Any]] | Any, model_path: str | Path = MODEL_PATH, *,
           threshold: float = 0.95, progress: Progress | None = None, chunk_records: int = 400_000,
           threads: int | None = None, memory_limit: str | None = None,
           temp_directory: str | Path | None = None, prior: str = "auto") -> Relinked:
    """Cluster person records (dicts from `records.person_record`, or a pyarrow table of the same
    columns) with the saved model: pairs with match probability >= `threshold` are joined, and clusters
    are their connected components. Prediction runs in chunks of about `chunk_records` records a side
    (bounded memory); `progress(stage, done, total)` is called as each stage and chunk completes.
    `prior`: "model" uses the saved model's prior, "data" estimates it from these records with the
    deterministic rules, "auto" does so from PRIOR_FROM_DATA_AT records up (see `person_model`)."""
    import pyarrow as pa

    report = progress or (lambda stage, done, total: None)
    model = json.loads(Path(model_path).read_text(encoding="utf-8"))
    check_definitions(model, COMPARISONS)
    model.pop("linker_uid", None)  # a fresh uid per run: table names never collide
    table = require_unique_ids(records) if hasattr(records, "num_rows") else to_arrow(records, ["unique_id", *COLUMNS])
    # Splink works on row numbers (joins on integers are cheaper than on long text ids); mapped back at the end
    ids = table.column("unique_id").combine_chunks()
    table = table.set_column(table.schema.get_field_index("unique_id"), "unique_id", pa.array(range(len(ids)), pa.int64()))
    report("load", table.num_rows, table.num_rows)
    con = connect(threads=threads, memory_limit=memory_limit, temp_directory=temp_directory)
    try:
        linker = make_linker(table, model, con)
        if prior_from_data(prior, len(ids)):
            linker.training.estimate_probability_two_random_records_match(list(DETERMINISTIC_RULES), recall=PRIOR_RECALL)
            report("prior", 1, 1)
        return _run(linker, con, ids, threshold, chunk_records, report)
    finally:
        con.close()


def _predict(linker: Any, count: int, threshold: float, chunk_records: int, report: Progress) -> Any:
    chunks = _chunks(count, chunk_records)
    done, parts = 0, []
    for left in range(1, chunks + 1):
        for right in range(1, chunks + 1):
            parts.append(linker.inference.predict_chunk(
                left_chunk=(left, chunks), right_chunk=(right, chunks),
                threshold_match_probability=threshold, warning_mode="never"))
            done += 1
            report("predict", done, chunks * chunks)
    if len(parts) == 1:
        return parts[0]
    union = " UNION ALL ".join(f"SELECT * FROM {p.physical_name}" for p in parts)
    predictions = linker.misc.query_sql(union, output_type="splink_df")
    for part in parts:
        part.drop_table_from_database_and_remove_from_cache()
    return predictions


def _run(linker: Any, con: Any, ids: Any, threshold: float, chunk_records: int, report: Progress) -> Relinked:
    import pyarrow as pa

    predictions = _predict(linker, len(ids), threshold, chunk_records, report)
    clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold)
    report("cluster", 1, 1)
    nodes = con.sql(f"SELECT unique_id, cluster_id FROM {clustered.physical_name}").to_arrow_table()
    clusters = dict(zip(ids.take(nodes.column("unique_id")).to_pylist(),
                        ids.take(nodes.column("cluster_id")).to_pylist(), strict=True))
    edges = con.sql(f"SELECT unique_id_l, unique_id_r, match_weight, match_probability "
                        f"FROM {predictions.physical_name}").to_arrow_table()
    pairs = pa.table({"id_l": ids.take(edges.column("unique_id_l")), "id_r": ids.take(edges.column("unique_id_r")),
                      "match_weight": edges.column("match_weight"),
                      "match_probability": edges.column("match_probability")})
    report("done", len(clusters), len(ids))
    return Relinked(clusters, pairs, prior_in_use(linker))
