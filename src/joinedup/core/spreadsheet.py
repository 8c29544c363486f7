"""Cells for files a spreadsheet can open (CSV): text that a spreadsheet would run as a formula is
prefixed with an apostrophe, so it shows as text ("formula injection", OWASP CSV injection).

Every CSV export writes its text cells through `safe_cell` (tests/security/test_spreadsheet.py checks
every `csv.writer` in the code does)."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """`value` as text a spreadsheet will show, never run: "=1+1" becomes "'=1+1"."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def safe_row(values) -> list[str]:
    return [safe_cell(value) for value in values]
