"""The one place that opens DuckDB for Splink. Nothing is fetched at run time: DuckDB's automatic
installing and loading of extensions is off (Splink's DuckDB SQL needs none), and `splink_datasets`
(which downloads) is never used."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from joinedup.identity.linkage.levels import Comparison
from joinedup.identity.linkage.model_json import complete

if TYPE_CHECKING:  # DuckDB and Splink are imported when a linker is made, not when the app starts
    import duckdb

__all__ = ["connect", "make_linker", "fit", "NO_NETWORK"]

NO_NETWORK = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def connect(*, threads: int | None = None, memory_limit: str | None = None,
            temp_directory: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection that never loads or installs an extension by itself. `memory_limit`
    ("6GB") bounds DuckDB's own memory; past it, work spills to `temp_directory`."""
    import duckdb

    config: dict[str, Any] = dict(NO_NETWORK)
    if threads:
        config["threads"] = int(threads)
    if memory_limit:
        config["memory_limit"] = memory_limit
    if temp_directory:
        config["temp_directory"] = str(temp_directory)
    return duckdb.connect(":memory:", config=config)


def make_linker(tables: Any, settings: dict[str, Any] | str | Path,
                connection: duckdb.DuckDBPyConnection | None = None) -> Any:
    """A Splink linker on DuckDB over one pyarrow table (deduplication) or a list of them (linking), each
    with a `unique_id` column."""
    from splink import DuckDBAPI, Linker

    api = DuckDBAPI(connection if connection is not None else connect())
    many = isinstance(tables, list | tuple)
    frames = [api.register(t, dataset_display_name=f"records_{i}") for i, t in enumerate(tables if many else [tables])]
    if isinstance(settings, Path):
        settings = str(settings)
    return Linker(frames if many else frames[0], settings, log_level=None)


def fit(linker: Any, comparisons: Sequence[Comparison], *, training_rules: Iterable[str],
        deterministic_rules: Iterable[str], recall: float, max_pairs: float, seed: int) -> dict[str, Any]:
    """Train a linker's model without labels and return Splink's model dictionary, completed (see
    `model_json.complete`): the prior from deterministic rules at an assumed `recall`, u probabilities
    from `max_pairs` random pairs (seeded, so reproducible), m probabilities by EM on each training rule
    in turn (each estimates the comparisons its rule does not use)."""
    linker.training.estimate_probability_two_random_records_match(list(deterministic_rules), recall=recall)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=seed)
    for rule in training_rules:
        linker.training.estimate_parameters_using_expectation_maximisation(rule, estimate_without_term_frequencies=True)
    model = linker.misc.save_model_to_json()
    complete(model, comparisons)
    return model
