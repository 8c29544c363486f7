"""Each comparison-level predicate means the same in DuckDB SQL (what Splink runs) and in Python (what the
fast scorer runs), null values included."""

from __future__ import annotations

import itertools

import pyarrow as pa
import pytest

from joinedup.identity.linkage import levels
from joinedup.identity.linkage.engine import connect
from joinedup.identity.linkage.person_model import COMPARISONS

VALUES = ["", "mohammed", "mohamed", "mo", "m", "martha", "marhta", "smith", "smyth"]
DATES = ["", "2010-07-04", "2010-04-07", "2010-07-05", "2011-07-04", "2009-01-01"]

PREDICATES = {
    "null": levels.null("x"),
    "exact": levels.exact("x"),
    "crossed": levels.crossed("x", "y"),
    "jaro_winkler": levels.jaro_winkler("x", 0.9),
    "levenshtein": levels.levenshtein("x", 1),
    "shorter_than": levels.shorter_than("x", 2),
    "overlap": levels.overlap("lo", "hi"),
    "not_crossed": levels.not_(levels.crossed("x", "y")),
    "all_of": levels.all_of(levels.null("x"), levels.not_(levels.exact("y"))),
    "any_of": levels.any_of(levels.exact("x"), levels.levenshtein("y", 1)),
}


def _pairs():
    rows = []
    for (x_l, x_r), (y_l, y_r) in itertools.product(itertools.product(VALUES, repeat=2), [("", "mo"), ("mo", "m")]):
        rows.append({"x_l": x_l, "x_r": x_r, "y_l": y_l, "y_r": y_r, "lo_l": "2010-01-01", "hi_l": "2012-01-01",
                     "lo_r": "", "hi_r": ""})
    for lo_l, hi_l, lo_r, hi_r in itertools.product(DATES, repeat=4):
        rows.append({"x_l": "", "x_r": "", "y_l": "", "y_r": "", "lo_l": lo_l, "hi_l": hi_l, "lo_r": lo_r,
                     "hi_r": hi_r})
    return rows


@pytest.mark.parametrize("name", PREDICATES)
def test_sql_and_python_agree_on_every_pair(name):
    pred = PREDICATES[name]
    rows = _pairs()
    con = connect()
    con.register("pairs", pa.table({k: pa.array([r[k] or None for r in rows], pa.string()) for k in rows[0]}))
    sql_results = [bool(v) for (v,) in con.execute(f"SELECT coalesce({pred.sql}, FALSE) FROM pairs").fetchall()]
    for row, from_sql in zip(rows, sql_results, strict=True):
        a = {k[:-2]: v for k, v in row.items() if k.endswith("_l")}
        b = {k[:-2]: v for k, v in row.items() if k.endswith("_r")}
        assert pred.test(a, b) == from_sql, (name, row)


def test_a_comparison_renders_null_first_and_else_last():
    given = COMPARISONS[0].splink_dict()
    labels = [level["label_for_charts"] for level in given["comparison_levels"]]
    assert labels[0] == "null" and given["comparison_levels"][0]["is_null_level"]
    assert labels[-1] == "else" and given["comparison_levels"][-1]["sql_condition"] == "ELSE"
    assert labels == COMPARISONS[0].labels()


def test_every_level_has_a_fallback_so_rare_fields_never_leave_a_level_untrained():
    for comparison in COMPARISONS:
        for label in comparison.labels()[1:]:
            m, u = comparison.fallback(label)
            assert 0 < m < 1 and 0 < u < 1, (comparison.name, label)


def test_the_connection_never_fetches_extensions():
    con = connect()
    settings = dict(con.execute("SELECT name, value FROM duckdb_settings() WHERE name LIKE 'auto%_known_extensions'")
                    .fetchall())
    assert settings == {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
