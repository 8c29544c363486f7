"""Every export a spreadsheet can open is safe from formula injection."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse

from joinedup.core.spreadsheet import safe_cell, safe_row

SRC = Path(__file__).resolve().parents[2] / "src" / "joinedup"


@pytest.mark.parametrize("text", ["=1+1", "+44 7700 900123", "-2", "@SUM(A1)", "\t=1", "\r=1",
                                  "=HYPERLINK(\"http://evil.example\",\"click\")"])
def test_a_cell_a_spreadsheet_would_run_is_shown_as_text(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Northtown Academy", "Child protection team", "2024-03", "", 12, "a=b"])
def test_ordinary_cells_are_unchanged(value):
    assert safe_cell(value) == str(value)


def test_rows_and_missing_values():
    assert safe_row(["=x", None, 3]) == ["'=x", "", "3"]


def test_every_csv_writer_in_the_code_writes_through_safe_cell():
    writers = [path for path in SRC.rglob("*.py") if re.search(r"csv\.(writer|DictWriter)\(", path.read_text())]
    assert writers, "no CSV export found: this test would check nothing"
    for path in writers:
        assert "safe_cell" in path.read_text() or "safe_row" in path.read_text(), path


def test_the_language_figures_export_escapes_a_formula_in_a_team_name(login, users):
    from joinedup.core.models import Team
    from tests.language.test_pages import _checks

    peter = users.peter
    peter.team = Team.objects.create(agency=peter.agency, name="=cmd|' /C calc'!A0")
    peter.save()
    from joinedup.core import clock

    _checks(peter, clock.now().isoformat(), 2, 1, 0)
    response = login("maria").get(reverse("language_figures_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    teams = [row[2] for row in rows[1:]]
    assert "'=cmd|' /C calc'!A0" in teams
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows[1:] for cell in row[1:3])
