"""The local child population file an administrator loads (`joinedup load-population FILE`), and the
age bands the service figures use. No database here.

The file is CSV with a header row::

    age_band,sex,ethnicity,children,recorded_as
    10-13,female,Pakistani,410,APKN;Asian or Asian British - Pakistani

- `age_band`: one of 0-4, 5-9, 10-13, 14-15, 16-17 (age in whole years);
- `sex`: female or male;
- `ethnicity`: the group's name as the population estimate gives it;
- `children`: how many children in the area are in that age band, sex and group (a whole number);
- `recorded_as` (optional): other ways agencies record the same group, separated by semicolons, so that
  a child recorded as "APKN" is counted in "Pakistani". Matching ignores case and spaces at either end.

Each age band, sex and group appears once. Ethnicity is only ever reported against this table: it is
never an input to any rule, score or alert.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io

AGE_BANDS: tuple[tuple[str, int, int], ...] = (("0-4", 0, 4), ("5-9", 5, 9), ("10-13", 10, 13), ("14-15", 14, 15), ("16-17", 16, 17))
BAND_NAMES = tuple(name for name, _, _ in AGE_BANDS)
SEXES = ("female", "male")
COLUMNS = ("age_band", "sex", "ethnicity", "children")
MAX_ROWS = 10_000


class PopulationError(ValueError):
    """The file cannot be loaded; the message names the line and the problem."""


@dataclasses.dataclass(frozen=True)
class PopulationRow:
    age_band: str
    sex: str
    ethnicity: str
    children: int
    recorded_as: tuple[str, ...] = ()


def age_band(age: int | None) -> str | None:
    """The band for an age in whole years; None for an unknown age or an adult."""
    if age is None:
        return None
    for name, low, high in AGE_BANDS:
        if low <= age <= high:
            return name
    return None


def age_on(dob: dt.date, day: dt.date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def read_population(text: str) -> list[PopulationRow]:
    """Parse the population file (see the module docstring); raise PopulationError on the first problem."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise PopulationError(f"The header row must name {', '.join(COLUMNS)} (missing: {', '.join(missing)}).")
    rows: list[PopulationRow] = []
    seen: set[tuple[str, str, str]] = set()
    for line, raw in enumerate(reader, start=2):
        if len(rows) >= MAX_ROWS:
            raise PopulationError(f"More than {MAX_ROWS} rows: is this the right file?")
        band, sex = (raw.get("age_band") or "").strip(), (raw.get("sex") or "").strip().lower()
        ethnicity, count = (raw.get("ethnicity") or "").strip(), (raw.get("children") or "").strip()
        if band not in BAND_NAMES:
            raise PopulationError(f"Line {line}: age_band {band!r} is not one of {', '.join(BAND_NAMES)}.")
        if sex not in SEXES:
            raise PopulationError(f"Line {line}: sex {sex!r} is not female or male.")
        if not ethnicity:
            raise PopulationError(f"Line {line}: ethnicity is empty.")
        if not count.isdigit():
            raise PopulationError(f"Line {line}: children {count!r} is not a whole number.")
        key = (band, sex, ethnicity.casefold())
        if key in seen:
            raise PopulationError(f"Line {line}: {band}, {sex}, {ethnicity} appears twice.")
        seen.add(key)
        aliases = tuple(a.strip() for a in (raw.get("recorded_as") or "").split(";") if a.strip())
        rows.append(PopulationRow(band, sex, ethnicity, int(count), aliases))
    return rows
