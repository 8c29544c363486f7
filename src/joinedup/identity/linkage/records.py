"""Person records for linkage: one row per person mention (an adult of concern, or a child described in a
concern), its columns taken from `joinedup.identity.normalise.person_features` plus a few derived ones
(an initial, a postcode sector, the date of birth with day and month swapped) so that every comparison
level is a plain predicate over columns, the same in SQL and in Python."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from joinedup.identity.normalise import person_features
from joinedup.identity.normalise.people import PersonFeatures

__all__ = ["COLUMNS", "prepare", "person_record", "concern_records", "records_of", "town_records", "to_arrow",
           "require_unique_ids"]

COLUMNS = ("given", "given_key", "initial", "family", "family_key", "nickname_key", "sex", "dob",
           "dob_swapped", "birth_min", "birth_max", "phone", "postcode", "sector", "district", "address",
           "address_flat")


def _swap_day_month(dob: str) -> str:
    """"2010-07-04" -> "2010-04-07" (the day and month written the wrong way round), "" if impossible."""
    if len(dob) != 10 or dob[5:7] == dob[8:10] or int(dob[8:10]) > 12:
        return ""
    return f"{dob[:4]}-{dob[8:10]}-{dob[5:7]}"


def prepare(f: PersonFeatures) -> dict[str, str]:
    """The linkage columns of one person's features ("" where missing)."""
    phone = f.phone if f.phone and not f.phone.startswith("?") else ""  # a fragment is not a phone key
    return {
        "given": f.given, "given_key": f.given_key, "initial": f.given[:1], "family": f.family,
        "family_key": f.family_key, "nickname_key": f.nickname_key if len(f.nickname_key) >= 2 else "",
        "sex": f.sex, "dob": f.dob, "dob_swapped": _swap_day_month(f.dob), "birth_min": f.birth_min,
        "birth_max": f.birth_max, "phone": phone, "postcode": f.postcode,
        "sector": f.postcode[:-2] if len(f.postcode) > 4 else "", "district": f.district,
        "address": f.address, "address_flat": f"{f.flat}/{f.address}" if f.address else "",
    }


def person_record(record_id: str, mention: Mapping[str, Any] | PersonFeatures,
                  received_at: Any = None) -> dict[str, str]:
    """A linkage record: `unique_id` and the prepared columns of a person mention (or features)."""
    features = mention if isinstance(mention, PersonFeatures) else person_features(mention, received_at)
    return {"unique_id": str(record_id), **prepare(features)}


def concern_records(concern: Mapping[str, Any]) -> Iterator[dict[str, str]]:
    """The person records of one interchange concern: its person mentions ("<agency>|<ref>|m<i>") and its
    children ("<agency>|<ref>|c<i>"), each placed in time by the concern's received_at."""
    key = f"{concern.get('agency', {}).get('name', '')}|{concern.get('source_ref', '')}"
    received = concern.get("received_at")
    for i, mention in enumerate(concern.get("mentions") or ()):
        if isinstance(mention, Mapping) and mention.get("kind") == "person":
            yield person_record(f"{key}|m{i}", mention, received)
    for i, child in enumerate(concern.get("children") or ()):
        if isinstance(child, Mapping):
            yield person_record(f"{key}|c{i}", child, received)


def records_of(concerns: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """The person records of many concerns, a re-sent concern (same agency and source_ref) replacing its
    earlier version, so that every record id is unique."""
    latest: dict[str, Mapping[str, Any]] = {}
    for concern in concerns:
        latest[f"{concern.get('agency', {}).get('name', '')}|{concern.get('source_ref', '')}"] = concern
    return [record for concern in latest.values() for record in concern_records(concern)]


def town_records(path: str | Path) -> list[dict[str, str]]:
    """The person records of a JSON Lines file of concerns (a synthetic town's town.jsonl, or a file
    given to `joinedup import`), as `records_of`."""
    with open(path, encoding="utf-8") as lines:
        return records_of(json.loads(line) for line in lines if line.strip())


def to_arrow(records: Iterable[Mapping[str, Any]], columns: Iterable[str] | None = None) -> Any:
    """A pyarrow table of records for Splink, "" turned into NULL. `columns` defaults to the record keys."""
    import pyarrow as pa

    rows = records if isinstance(records, list) else list(records)
    names = list(columns) if columns is not None else (list(rows[0]) if rows else ["unique_id", *COLUMNS])
    data = {name: [row.get(name) or None for row in rows] for name in names}
    return require_unique_ids(pa.table({name: pa.array(values, type=pa.string()) for name, values in data.items()}))


def require_unique_ids(table: Any) -> Any:
    """The table, after checking that its `unique_id` values are present and distinct (Splink would
    silently score a repeated id's pairs twice over)."""
    import pyarrow.compute as pc

    ids = table.column("unique_id")
    if ids.null_count or pc.count_distinct(ids).as_py() != table.num_rows:
        raise ValueError("every record needs a unique_id, and no two the same")
    return table
