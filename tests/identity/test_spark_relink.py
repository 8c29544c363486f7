"""The relink on Apache Spark (local mode): the same records and model give the same links, scores,
explanations and clusters as the DuckDB relink, and importing its clusters changes the database exactly
as the DuckDB relink does, keeping people's judgements."""

from __future__ import annotations

import datetime as dt
import json
import math

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from joinedup.core import clock
from joinedup.core.models import AuditEvent
from joinedup.identity import services, spark_relink
from joinedup.identity.linkage import MODEL_PATH, load_model, relink, score_records
from joinedup.identity.linkage.person_model import COMPARISONS
from joinedup.identity.linkage.records import COLUMNS, to_arrow
from joinedup.identity.models import Entity, Judgement, MentionLink
from joinedup.identity.relinking import person_links, relink_people
from sim import town as sim_town


@pytest.fixture(scope="module")
def spark():
    """One local Spark session for the module (starting the JVM is most of the cost)."""
    session = spark_relink.session("local[2]")
    yield session
    session.stop()


def _groups(clusters: dict[str, str]) -> list[list[str]]:
    members: dict[str, list[str]] = {}
    for record, cluster in clusters.items():
        members.setdefault(cluster, []).append(record)
    return sorted(sorted(m) for m in members.values() if len(m) > 1)


def _read_clusters(directory) -> dict[str, str]:
    table = pq.read_table(directory / spark_relink.CLUSTERS).to_pydict()
    return dict(zip(table["unique_id"], table["cluster_id"], strict=True))


# -- without Spark: the model's SQL in Spark's dialect ---------------------------------------------------------

def test_the_saved_model_is_translated_to_spark_sql_with_nothing_else_changed():
    model = json.loads(MODEL_PATH.read_text())
    settings = spark_relink.spark_model(model)
    assert settings["sql_dialect"] == "spark" and "linker_uid" not in settings
    assert settings["probability_two_random_records_match"] == model["probability_two_random_records_match"]
    conditions = [level["sql_condition"] for c in settings["comparisons"] for level in c["comparison_levels"]]
    assert not any('"' in sql for sql in conditions)  # Spark reads "x" as a string, not a column
    assert not any("jaro_winkler_similarity" in sql.lower() for sql in conditions)
    assert sum(spark_relink.JARO_WINKLER in sql.lower() for sql in conditions) == 4
    for saved, spark in zip(model["comparisons"], settings["comparisons"], strict=True):
        for a, b in zip(saved["comparison_levels"], spark["comparison_levels"], strict=True):
            assert (a["m_probability"], a["u_probability"]) == (b["m_probability"], b["u_probability"]) \
                if "m_probability" in a else "m_probability" not in b
    assert [r["blocking_rule"] for r in settings["blocking_rules_to_generate_predictions"]] == [
        r["blocking_rule"] for r in model["blocking_rules_to_generate_predictions"]]  # plain l.x = r.x


def test_a_model_whose_levels_differ_from_the_code_is_refused():
    model = json.loads(MODEL_PATH.read_text())
    model["comparisons"][0]["comparison_levels"][1]["sql_condition"] = '"given_l" <> "given_r"'
    with pytest.raises(ValueError, match="retrain"):
        spark_relink.spark_model(model)


# -- a synthetic town through the database: export, Spark, compare with DuckDB, import ------------------------------

def _state() -> dict[int, int]:
    return dict(person_links().values_list("mention_id", "entity_id"))


def _one_entity_groups(groups: list[list[str]]) -> list[list[MentionLink]]:
    """The clusters (of three or more mentions) whose links are all on one entity now."""
    found = []
    for members in groups:
        links = list(person_links().filter(mention_id__in=[int(m) for m in members]).order_by("mention_id"))
        if len(links) >= 3 and len({link.entity_id for link in links}) == 1:
            found.append(links)
    return found


@pytest.mark.slow
@pytest.mark.django_db
def test_a_spark_relink_matches_duckdb_and_imports_exactly_as_the_duckdb_relink(spark, users, tmp_path, capsys):
    concerns, _ = sim_town.generate(seed=3, concerns=400, years=1)
    town = tmp_path / "town.jsonl"
    town.write_text("".join(json.dumps(concern) + "\n" for concern in concerns))
    call_command("import", str(town), "--replay", "--no-progress")
    records, out = tmp_path / "records", tmp_path / "relinked"
    call_command("relink", export_parquet=str(records))
    exported = pq.read_table(records / spark_relink.RECORDS)
    assert 200 <= exported.num_rows <= 600 and exported.num_rows == person_links().count()

    stages = []
    summary = spark_relink.run(records, out, spark=spark, progress=lambda stage, done, total: stages.append(stage))
    duck = relink(exported)

    # the same clusters, links, scores and explanations as DuckDB on the same records
    spark_groups = _groups(_read_clusters(out))
    assert len(spark_groups) >= 10  # the town's people recur: there is something to get wrong
    assert spark_groups == duck.groups()
    links = pq.read_table(out / spark_relink.LINKS).to_pylist()
    duck_pairs = {frozenset((p.id_l, p.id_r)): p for p in duck.pair_list()}
    assert {frozenset((link["id_l"], link["id_r"])) for link in links} == set(duck_pairs)
    by_id = {r["unique_id"]: r for r in exported.to_pylist()}
    model = load_model()
    for link in links:
        pair = duck_pairs[frozenset((link["id_l"], link["id_r"]))]
        assert math.isclose(link["match_weight"], pair.match_weight, abs_tol=1e-9)
        assert math.isclose(link["match_probability"], pair.match_probability, abs_tol=1e-12)
        assert link["match_probability"] >= 0.95
        # the explanation is the waterfall the app shows for the pair
        weight, _, steps = score_records(by_id[link["id_l"]], by_id[link["id_r"]], model)
        assert [(s.comparison, s.level) for s in steps[1:]] == [(c.name, link[c.name]) for c in COMPARISONS]
        for step in steps[1:]:
            assert math.isclose(link[f"mw_{step.comparison}"], step.match_weight, abs_tol=1e-9)
        parts = summary["prior_match_weight"] + sum(link[f"mw_{c.name}"] for c in COMPARISONS)
        assert math.isclose(parts, link["match_weight"], abs_tol=1e-9)
        assert math.isclose(weight, link["match_weight"], abs_tol=1e-9)
    assert pq.read_table(out / spark_relink.RUN).to_pylist() == [summary]
    assert summary["engine"] == "spark" and summary["records"] == exported.num_rows
    assert summary["links"] == len(links) == duck.pairs.num_rows
    assert summary["clusters"] == len(set(duck.clusters.values()))
    assert stages[0] == "load" and stages[-1] == "done"
    assert not (out / "_work").exists()  # Splink's intermediate tables are cleaned up

    # people's judgements and a stale link, after the export (the import reads the database as it is then)
    rejecting, staling = _one_entity_groups(duck.groups())[:2]
    services.judge_link(users.anna, rejecting[1], confirm=False, reason="a different person, same details (checked)")
    stale = Entity.objects.create(kind="person", label="stale", created_at=clock.now())
    MentionLink.objects.filter(pk=staling[1].pk).update(entity=stale)

    before = _state()
    with pytest.raises(RuntimeError), transaction.atomic():  # what the DuckDB relink does, then undone
        duck_report = relink_people()
        duck_state = _state()
        raise RuntimeError("roll back")
    assert _state() == before

    call_command("relink", import_parquet=str(out))
    output = capsys.readouterr().out
    assert f"imported a spark relink of {exported.num_rows} records" in output and "the app's model" in output
    assert f"{duck_report.moved} links moved, {duck_report.kept_by_judgement} kept" in output
    assert _state() == duck_state != before
    assert duck_report.moved >= 1 and duck_report.kept_by_judgement >= 1
    assert _state()[staling[1].mention_id] == staling[0].entity_id  # mended
    assert _state()[rejecting[1].mention_id] != rejecting[0].entity_id  # the rejection stuck
    assert MentionLink.objects.get(pk=rejecting[1].pk).judgement == Judgement.REJECTED
    event = AuditEvent.objects.filter(event="people_relinked").latest("pk")
    assert event.detail["engine"] == "spark" and event.detail["moved"] == duck_report.moved


@pytest.mark.slow
def test_a_repeated_record_id_is_refused(spark, tmp_path):
    record = {"unique_id": "x1", **{c: None for c in COLUMNS}, "given": "zed"}
    source = tmp_path / "in"
    source.mkdir()
    table = to_arrow([record], ["unique_id", *COLUMNS])
    pq.write_table(pa.concat_tables([table, table]), source / spark_relink.RECORDS)
    with pytest.raises(ValueError, match="unique_id"):
        spark_relink.run(source, tmp_path / "out", spark=spark)


# -- the command's import and export, without Spark -----------------------------------------------------------------

GARY = {"kind": "person", "role": "suspected_abuser", "given_name": "Gary", "family_name": "Uncleton",
        "dob": "1979-04-02", "sex": "male"}
KERRY = {"kind": "person", "role": "gave_gifts_or_money", "given_name": "Kerrigan", "family_name": "Vossbeck",
         "dob": "1984-11-20", "sex": "female"}


def _concern(submit, day, person):
    at = dt.datetime(2024, 3, day, 10, tzinfo=dt.UTC)
    with clock.frozen(at):
        submit("police", children=[{"ref": f"K-{day}", "given_name": f"Kid{day}", "family_name": f"Famtest{day}"}],
               mentions=[person], received_at=at.isoformat(), categories=["sexual_abuse"], indicators=[])


def _write_run(directory, clusters: dict[str, str]) -> None:
    directory.mkdir(parents=True)
    pq.write_table(pa.table({"unique_id": list(clusters), "cluster_id": list(clusters.values())}),
                   directory / spark_relink.CLUSTERS)
    pq.write_table(pa.Table.from_pylist([{"engine": "spark", "spark_version": "4.3.0", "threshold": 0.95,
                                          "model": "person_model.json", "model_sha256": "0" * 64,
                                          "prior_match_weight": -12.3, "records": len(clusters), "links": 1,
                                          "clusters": len(set(clusters.values())), "seconds": 1.0}]),
                   directory / spark_relink.RUN)


@pytest.mark.django_db
def test_the_import_follows_the_files_clusters_and_leaves_mentions_it_does_not_list(submit, tmp_path, capsys):
    for day in (1, 2, 3):
        _concern(submit, day, GARY)
    _concern(submit, 4, KERRY)
    gary = list(person_links().filter(mention__version__concern__received_at__day__lte=3).order_by("mention_id"))
    kerry = person_links().get(mention__version__concern__received_at__day=4)
    assert len({link.entity_id for link in gary}) == 1 and kerry.entity_id != gary[0].entity_id
    call_command("relink", export_parquet=str(tmp_path / "in"))
    exported = pq.read_table(tmp_path / "in" / spark_relink.RECORDS)
    assert sorted(exported.column("unique_id").to_pylist()) == sorted(str(link.mention_id) for link in [*gary, kerry])
    # a clustering that puts Kerrigan with Gary (as a wrong model might), and does not list Gary's third mention
    _write_run(tmp_path / "out", {str(gary[0].mention_id): "a", str(gary[1].mention_id): "a",
                                  str(kerry.mention_id): "a"})
    call_command("relink", import_parquet=str(tmp_path / "out"))
    output = capsys.readouterr().out
    assert "1 mentions arrived since the export" in output and "1 links moved" in output
    assert "NOT the app's current model" in output  # the hand-written summary's digest is not the model's
    assert person_links().get(mention_id=kerry.mention_id).entity_id == gary[0].entity_id
    assert person_links().get(mention_id=gary[2].mention_id).entity_id == gary[2].entity_id


@pytest.mark.django_db
def test_the_import_refuses_an_unfinished_run_and_a_threshold(tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(CommandError, match="no finished Spark relink"):
        call_command("relink", import_parquet=str(tmp_path / "out"))
    _write_run(tmp_path / "done", {"1": "a"})
    with pytest.raises(CommandError, match="threshold"):
        call_command("relink", "--threshold", "0.9", import_parquet=str(tmp_path / "done"))


@pytest.mark.django_db
def test_the_plain_relink_command_still_relinks_on_duckdb(submit, capsys):
    for day in (1, 2):
        _concern(submit, day, GARY)
    call_command("relink", "--no-progress")
    assert "relinked 2 person mentions into 1 clusters: 0 links moved" in capsys.readouterr().out
    assert AuditEvent.objects.filter(event="people_relinked").latest("pk").detail["engine"] == "duckdb"
