"""The bulk relink on Apache Spark: the same person records, the same saved Splink model and the same
threshold as `joinedup relink` on DuckDB, scored by Splink's Spark backend and clustered by its connected
components, reading and writing Parquet so that the work can run on a cluster, away from the app.

    joinedup relink --export-parquet DIR              # the app host: person records -> DIR/records.parquet
    python -m joinedup.identity.spark_relink --input DIR --output OUT [--master local[2]]
    joinedup relink --import-parquet OUT              # the app host: apply the clusters, judgements kept

Under `spark-submit` leave `--master` out (spark-submit sets it); run directly, the default is
`local[2]`. OUT gets:

- `links.parquet`: every pair at or above the threshold: `id_l`, `id_r`, `match_weight`,
  `match_probability`, then per comparison of the model its level (`given_name`, ...) and that level's
  match weight (`mw_given_name`, ...): the explanation. `match_weight` is `prior_match_weight` (in
  `run.parquet`) plus the `mw_` columns, as in the waterfall the app shows.
- `clusters.parquet`: `unique_id`, `cluster_id` for every record (a record alone is its own cluster).
- `run.parquet`: one row: engine, Spark version, threshold, the model file's SHA-256, the prior's
  match weight, counts and seconds.

The model's levels are written in DuckDB SQL (`linkage.levels`); they are translated to Spark SQL with
sqlglot. Jaro-Winkler is the one function Spark lacks: it runs as a Python UDF with rapidfuzz, the same
implementation the arrival scorer uses and DuckDB agrees with, rather than the Scala UDF in Splink's jar,
whose Jaro-Winkler differs near the 0.8 level (so Spark and DuckDB give the same levels, weights and
clusters for the same records; a test checks it). The executors need Python with rapidfuzz, pandas and
pyarrow (ship the app's virtualenv; see the operator guide).

No Django here: the app's side (export and import) is `joinedup.identity.relinking`.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from joinedup.identity.linkage.model_json import check_definitions, level_weights, prior_weight
from joinedup.identity.linkage.person_model import COMPARISONS, DETERMINISTIC_RULES, MODEL_PATH, PRIOR_RECALL
from joinedup.identity.linkage.records import COLUMNS
from joinedup.identity.linkage.relink import prior_from_data, prior_in_use

__all__ = ["RECORDS", "LINKS", "CLUSTERS", "RUN", "JARO_WINKLER", "spark_model", "session", "register_functions",
           "run", "digest", "main"]

RECORDS = "records.parquet"
LINKS = "links.parquet"
CLUSTERS = "clusters.parquet"
RUN = "run.parquet"
JARO_WINKLER = "joinedup_jaro_winkler"  # the Spark SQL name of the Jaro-Winkler UDF

Progress = Callable[[str, int, int], None]  # (stage, done, total), as linkage.relink


def path_in(directory: str | Path, name: str) -> str:
    """`directory/name` for a local path or a URI (hdfs://..., s3a://...), which pathlib would mangle."""
    return f"{str(directory).rstrip('/')}/{name}"


def _to_spark(sql: str) -> str:
    """One condition from Splink's DuckDB SQL to Spark SQL: identifiers in backticks, and
    jaro_winkler_similarity as the JoinedUp UDF."""
    import sqlglot
    from sqlglot import exp

    def rename(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.JarowinklerSimilarity):
            return exp.Anonymous(this=JARO_WINKLER, expressions=[node.this, node.expression])
        return node

    return sqlglot.parse_one(sql, read="duckdb").transform(rename).sql(dialect="spark")


def spark_model(model: Mapping[str, Any]) -> dict[str, Any]:
    """The saved (DuckDB) model as settings for Splink's Spark backend: the same levels, m and u
    probabilities, prior and blocking rules, the SQL in Spark's dialect, and the comparison vector
    (gamma) columns kept for the explanation. Raises ValueError if the model's levels are not the ones
    defined in code (as the DuckDB relink does)."""
    check_definitions(model, COMPARISONS)
    settings = copy.deepcopy(dict(model))
    settings.pop("linker_uid", None)  # a fresh uid per run: table names never collide
    settings["sql_dialect"] = "spark"
    # Splink keeps the comparison vector (gamma_ columns: the level of each comparison) only with the
    # matching columns; the links keep the levels and their weights, not the compared values.
    settings["retain_matching_columns"] = True
    settings["retain_intermediate_calculation_columns"] = False
    for comparison in settings["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level["sql_condition"].strip().upper() != "ELSE":
                level["sql_condition"] = _to_spark(level["sql_condition"])
            if "sql_dialect" in level:
                level["sql_dialect"] = "spark"
    for rule in settings["blocking_rules_to_generate_predictions"]:
        rule["blocking_rule"] = _to_spark(rule["blocking_rule"])
        rule["sql_dialect"] = "spark"
    return settings


def _explanation_sql(model: Mapping[str, Any]) -> list[str]:
    """Spark SQL expressions turning Splink's gamma_<comparison> columns into the level's label and
    its match weight (Splink numbers a comparison's levels -1 for null, then from n-1 down to 0 for
    else, in the order the model lists them)."""
    columns = []
    prefix = model.get("comparison_vector_value_column_prefix", "gamma_")
    for comparison in COMPARISONS:
        weights = level_weights(model, comparison.name)
        gammas = [-1, *range(len(weights) - 2, -1, -1)]
        labels = " ".join(f"WHEN {g} THEN '{label}'" for g, (label, _) in zip(gammas, weights, strict=True))
        mws = " ".join(f"WHEN {g} THEN CAST({weight!r} AS DOUBLE)"
                       for g, (_, weight) in zip(gammas, weights, strict=True))
        gamma = f"`{prefix}{comparison.name}`"
        columns.append(f"CASE {gamma} {labels} END AS `{comparison.name}`")
        columns.append(f"CASE {gamma} {mws} END AS `mw_{comparison.name}`")
    return columns


def session(master: str | None = None, *, shuffle_partitions: int | None = None,
            driver_memory: str | None = None, app_name: str = "joinedup-relink") -> Any:
    """A Spark session. `master` None under spark-submit (it sets the master); run directly with no
    master, `local[2]`. Local sessions have no web UI, a few shuffle partitions (default 4) and run
    their Python workers with this interpreter."""
    from pyspark.sql import SparkSession

    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not launched by spark-submit
        master = "local[2]"
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # else Spark runs the system's python3
        builder = (builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", str(shuffle_partitions or 4))
                   # not ./spark-warehouse in whatever directory it was started from
                   .config("spark.sql.warehouse.dir", str(Path(tempfile.gettempdir()) / "joinedup-spark-warehouse")))
    elif shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    if driver_memory:
        builder = builder.config("spark.driver.memory", driver_memory)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def register_functions(spark: Any) -> None:
    """Register the Jaro-Winkler similarity the model's SQL calls. The function is built here, not at
    module level, so that Spark pickles it by value: executors need rapidfuzz, not JoinedUp."""
    from pyspark.sql.functions import udf
    from pyspark.sql.types import DoubleType

    def jaro_winkler(left: str | None, right: str | None) -> float | None:
        from rapidfuzz.distance import JaroWinkler

        if left is None or right is None:
            return None  # NULL, as DuckDB's jaro_winkler_similarity gives for a NULL argument
        return float(JaroWinkler.normalized_similarity(left, right))

    spark.udf.register(JARO_WINKLER, udf(jaro_winkler, DoubleType(), useArrow=True))


def digest(path: str | Path) -> str:
    """The SHA-256 of a model file, as `run.parquet` records it."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _read_records(spark: Any, source: str) -> Any:
    """The exported person records, checked: the columns `linkage.records` makes, ids present and
    unique (Splink would silently score a repeated id's pairs twice over)."""
    from pyspark.sql import functions as F

    frame = spark.read.parquet(source)
    missing = [c for c in ("unique_id", *COLUMNS) if c not in frame.columns]
    if missing:
        raise ValueError(f"{source} lacks the person record columns {', '.join(missing)}: "
                         "export it with `joinedup relink --export-parquet`")
    frame = frame.select(*(F.col(c).cast("string").alias(c) for c in ("unique_id", *COLUMNS)))
    counts = frame.agg(F.count(F.lit(1)).alias("rows"), F.count("unique_id").alias("ids"),
                       F.countDistinct("unique_id").alias("distinct")).first()
    if not counts["rows"] == counts["ids"] == counts["distinct"]:
        raise ValueError("every record needs a unique_id, and no two the same")
    return frame, counts["rows"]


def run(input_dir: str | Path, output_dir: str | Path, *, model_path: str | Path = MODEL_PATH,
        threshold: float = 0.95, spark: Any = None, master: str | None = None,
        work_dir: str | Path | None = None, progress: Progress | None = None, prior: str = "auto") -> dict[str, Any]:
    """Relink the person records in `input_dir`/records.parquet on Spark and write links, clusters and
    the run's summary to `output_dir` (see the module docstring). Pairs with match probability at or
    above `threshold` are joined, clusters are their connected components. Uses `spark` if given (it is
    left running), else starts a session on `master` and stops it at the end. Splink's intermediate
    tables go to `work_dir` (default `output_dir`/_work; on a cluster, shared storage), removed at the end.
    `prior` as for the DuckDB relink (`linkage.relink.relink`). Returns the summary."""
    from pyspark.sql import functions as F
    from splink import Linker, SparkAPI

    report = progress or (lambda stage, done, total: None)
    began = time.perf_counter()
    model_path = Path(model_path)
    model = json.loads(model_path.read_text(encoding="utf-8"))
    settings = spark_model(model)
    own_session = spark is None
    spark = spark or session(master)
    work = str(work_dir or path_in(output_dir, "_work"))
    try:
        _remove(spark, path_in(output_dir, RUN))  # a run that fails leaves no summary: it cannot be imported
        register_functions(spark)
        spark.sparkContext.setCheckpointDir(work)
        records, count = _read_records(spark, path_in(input_dir, RECORDS))
        report("load", count, count)
        api = SparkAPI(spark_session=spark, break_lineage_method="parquet", register_udfs_automatically=False)
        links_out, clusters_out = path_in(output_dir, LINKS), path_in(output_dir, CLUSTERS)
        used = {"probability_two_random_records_match": model["probability_two_random_records_match"]}
        if count:
            linker = Linker(api.register(records), settings, log_level=None)
            if prior_from_data(prior, count):
                linker.training.estimate_probability_two_random_records_match(list(DETERMINISTIC_RULES), recall=PRIOR_RECALL)
                used["probability_two_random_records_match"] = prior_in_use(linker)
            predictions = linker.inference.predict(threshold_match_probability=threshold)
            report("predict", 1, 1)
            clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
                predictions, threshold_match_probability=threshold)
            report("cluster", 1, 1)
            links = spark.sql(
                "SELECT unique_id_l AS id_l, unique_id_r AS id_r, match_weight, match_probability, "
                + ", ".join(_explanation_sql(model)) + f" FROM {predictions.physical_name}")
            clusters = spark.sql(f"SELECT unique_id, cluster_id FROM {clustered.physical_name}")
        else:
            explanation = "".join(f", `{c.name}` string, `mw_{c.name}` double" for c in COMPARISONS)
            links = spark.createDataFrame([], "id_l string, id_r string, match_weight double, "
                                              "match_probability double" + explanation)
            clusters = spark.createDataFrame([], "unique_id string, cluster_id string")
        links.write.mode("overwrite").parquet(links_out)
        clusters.write.mode("overwrite").parquet(clusters_out)
        written_links = spark.read.parquet(links_out).count()
        cluster_count = spark.read.parquet(clusters_out).select(F.countDistinct("cluster_id")).first()[0]
        summary = {"engine": "spark", "spark_version": spark.version, "threshold": float(threshold),
                   "model": model_path.name, "model_sha256": digest(model_path),
                   "prior_match_weight": prior_weight(used), "records": int(count), "links": int(written_links),
                   "clusters": int(cluster_count), "seconds": round(time.perf_counter() - began, 3)}
        spark.createDataFrame([summary]).coalesce(1).write.mode("overwrite").parquet(path_in(output_dir, RUN))
        report("done", count, count)
        return summary
    finally:
        _remove(spark, work)
        if own_session:
            spark.stop()


def _remove(spark: Any, path: str) -> None:
    """Delete Splink's intermediate Parquet through Hadoop's file system (local, HDFS or object store)."""
    try:
        jvm = spark.sparkContext._jvm
        hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
        hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(hadoop_path, True)
    except Exception:  # pragma: no cover - a stopped session or an unreachable store: leave it
        logging.getLogger(__name__).warning("could not remove Spark work directory %s", path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m joinedup.identity.spark_relink", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", required=True, help="directory (or URI) holding records.parquet")
    parser.add_argument("--output", required=True, help="directory (or URI) for links, clusters and run.parquet")
    parser.add_argument("--master", default=None,
                        help="Spark master, e.g. local[2]; leave out under spark-submit (default local[2] otherwise)")
    parser.add_argument("--model", default=str(MODEL_PATH), help="the Splink model JSON (default: the committed one)")
    parser.add_argument("--threshold", type=float, default=0.95, help="match probability to join two records")
    parser.add_argument("--shuffle-partitions", type=int, default=None,
                        help="spark.sql.shuffle.partitions (default 4 in local mode, else Spark's)")
    parser.add_argument("--driver-memory", default=None, help="spark.driver.memory in local mode, e.g. 4g")
    parser.add_argument("--work", default=None, help="Splink's intermediate tables (default OUTPUT/_work)")
    parser.add_argument("--prior", default="auto", choices=("auto", "model", "data"),
                        help="the model's prior, one estimated from the records, or auto (from 100,000 records)")
    args = parser.parse_args(argv)
    logging.getLogger("splink").setLevel(logging.ERROR)
    began = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        sys.stderr.write(f"[{time.perf_counter() - began:7.1f} s] {stage} {done:,}/{total:,}\n")

    spark = session(args.master, shuffle_partitions=args.shuffle_partitions, driver_memory=args.driver_memory)
    try:
        summary = run(args.input, args.output, model_path=args.model, threshold=args.threshold, spark=spark,
                      work_dir=args.work, progress=progress, prior=args.prior)
    finally:
        spark.stop()
    sys.stdout.write(json.dumps(summary) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
