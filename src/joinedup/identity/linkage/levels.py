"""One definition of each comparison level, rendered two ways: as the DuckDB SQL that Splink runs, and as a
Python predicate that the fast scorer runs on arrival. A level is built from the small predicates below
(`exact`, `jaro_winkler`, `overlap`, ...), each of which carries both forms, so the two cannot drift apart;
a test checks that they give the same level for the same pair.

Conventions: a record is a mapping of column name to str, where "" or None means missing (missing values
are NULL in DuckDB). Every predicate is null-safe: it is false when a value it needs is missing, which is
what SQL's NULL does inside a CASE WHEN, as long as negation goes through `not_` (it coalesces).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from rapidfuzz.distance import JaroWinkler, Levenshtein

Record = Mapping[str, Any]
Test = Callable[[Record, Record], bool]
# Similarity thresholds are lowered by this much on both sides, so that a float computed a hair differently
# by DuckDB and by rapidfuzz (they differ in the last bit) never falls on opposite sides of a threshold.
_EPSILON = 1e-9


class Pred(NamedTuple):
    """A condition on a pair of records: `sql` over Splink's "col_l"/"col_r" columns, `test` in Python."""

    sql: str
    test: Test


class Level(NamedTuple):
    """A comparison level. `fallback` is the (m, u) pair used where training saw no pair at this level
    (a field rare in the training data): hand-set, and written into the model for a reviewer to see."""

    label: str
    pred: Pred
    fallback: tuple[float, float] | None = None


class Comparison(NamedTuple):
    """A Splink comparison: a null level, then levels tried in order, then "else" (whose fallback m and u
    are `otherwise`)."""

    name: str
    description: str
    null: Pred
    levels: tuple[Level, ...]
    otherwise: tuple[float, float] | None = None

    def fallback(self, label: str) -> tuple[float, float] | None:
        if label == "else":
            return self.otherwise
        return next((level.fallback for level in self.levels if level.label == label), None)

    def labels(self) -> list[str]:
        return ["null", *(level.label for level in self.levels), "else"]

    def splink_dict(self) -> dict[str, Any]:
        """The comparison as Splink's settings dictionary expects it."""
        levels = [{"sql_condition": self.null.sql, "label_for_charts": "null", "is_null_level": True}]
        levels += [{"sql_condition": level.pred.sql, "label_for_charts": level.label} for level in self.levels]
        levels.append({"sql_condition": "ELSE", "label_for_charts": "else"})
        return {"output_column_name": self.name, "comparison_description": self.description,
                "comparison_levels": levels}

    def level_of(self, a: Record, b: Record) -> int:
        """Index into `labels()` of the level this pair falls in (0 is null, the last is else)."""
        if self.null.test(a, b):
            return 0
        for index, level in enumerate(self.levels, start=1):
            if level.pred.test(a, b):
                return index
        return len(self.levels) + 1


def _q(column: str, side: str) -> str:
    return f'"{column}_{side}"'


def _present(*values: Any) -> bool:
    for v in values:  # a plain loop: called millions of times in a replay, and a generator costs twice as much
        if v is None or v == "":
            return False
    return True


def null(*columns: str) -> Pred:
    """Any of the columns missing on either side."""
    sql = "(" + " OR ".join(f"{_q(c, s)} IS NULL" for c in columns for s in "lr") + ")"

    def test(a: Record, b: Record) -> bool:
        for c in columns:  # plain loops, as in _present: every pair scored runs this once per comparison
            x, y = a[c], b[c]
            if x is None or x == "" or y is None or y == "":
                return True
        return False
    return Pred(sql, test)


def exact(column: str) -> Pred:
    return Pred(f"{_q(column, 'l')} = {_q(column, 'r')}", lambda a, b: _present(a[column]) and a[column] == b[column])


def crossed(left: str, right: str) -> Pred:
    """`left` on one side equals `right` on the other, either way round (a nickname against a given name)."""
    sql = f"({_q(left, 'l')} = {_q(right, 'r')} OR {_q(right, 'l')} = {_q(left, 'r')})"

    def test(a: Record, b: Record) -> bool:
        return (_present(a[left]) and a[left] == b[right]) or (_present(a[right]) and a[right] == b[left])
    return Pred(sql, test)


def jaro_winkler(column: str, threshold: float) -> Pred:
    t = float(f"{threshold - _EPSILON:.10f}")
    sql = f"jaro_winkler_similarity({_q(column, 'l')}, {_q(column, 'r')}) >= {t!r}"

    def test(a: Record, b: Record) -> bool:
        x, y = a[column], b[column]
        return _present(x, y) and JaroWinkler.normalized_similarity(x, y) >= t
    return Pred(sql, test)


def levenshtein(column: str, distance: int) -> Pred:
    sql = f"levenshtein({_q(column, 'l')}, {_q(column, 'r')}) <= {int(distance)}"

    def test(a: Record, b: Record) -> bool:
        x, y = a[column], b[column]
        return _present(x, y) and Levenshtein.distance(x, y) <= distance
    return Pred(sql, test)


def overlap(low: str, high: str) -> Pred:
    """The ranges [low, high] on the two sides overlap (ISO dates compare as text)."""
    sql = f"({_q(low, 'l')} <= {_q(high, 'r')} AND {_q(low, 'r')} <= {_q(high, 'l')})"

    def test(a: Record, b: Record) -> bool:
        return _present(a[low], a[high], b[low], b[high]) and a[low] <= b[high] and b[low] <= a[high]
    return Pred(sql, test)


def shorter_than(column: str, length: int) -> Pred:
    """Either side's value is shorter than `length` (an initial: "J")."""
    sql = f"(length({_q(column, 'l')}) < {int(length)} OR length({_q(column, 'r')}) < {int(length)})"

    def test(a: Record, b: Record) -> bool:
        return any(_present(value) and len(value) < length for value in (a[column], b[column]))
    return Pred(sql, test)


def all_of(*preds: Pred) -> Pred:
    tests = tuple(p.test for p in preds)

    def test(a: Record, b: Record) -> bool:
        for t in tests:
            if not t(a, b):
                return False
        return True
    return Pred("(" + " AND ".join(p.sql for p in preds) + ")", test)


def any_of(*preds: Pred) -> Pred:
    return Pred("(" + " OR ".join(p.sql for p in preds) + ")", lambda a, b: any(p.test(a, b) for p in preds))


def not_(pred: Pred) -> Pred:
    return Pred(f"(NOT coalesce({pred.sql}, FALSE))", lambda a, b: not pred.test(a, b))


def columns_of(comparisons: Sequence[Comparison]) -> list[str]:
    """Every input column the comparisons read, in first-use order."""
    found: dict[str, None] = {}
    for comparison in comparisons:
        for pred in (comparison.null, *(level.pred for level in comparison.levels)):
            for part in pred.sql.split('"')[1::2]:
                found.setdefault(part.rsplit("_", 1)[0], None)
    return list(found)
