"""The "see writing improve" page (/language/): the share of texts with flagged phrases, and with flagged
phrases kept, by month and by team, as a table, an SVG chart and a CSV, from LanguageCheck rows only;
who may see it; and a fixed number of queries however much there is."""

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from joinedup.core import clock
from joinedup.language.models import LanguageCheck
from tests import factories

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2025, 3, 15, 12, 0, tzinfo=dt.UTC)
MANAGERS = ["maria", "audrey", "adam"]


@pytest.fixture(autouse=True, scope="session")
def static_root_exists():
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture(autouse=True)
def frozen_now():
    with clock.frozen(NOW):
        yield


def _checks(writer, at: str, texts: int, flagged: int, kept: int, kind: str = "concern"):
    """`texts` rows written by `writer` at `at`: `flagged` of them flagged, `kept` of those kept."""
    when = dt.datetime.fromisoformat(at)
    for i in range(texts):
        is_flagged, is_kept = i < flagged, i < kept
        LanguageCheck.objects.create(
            kind=kind, record_id=1000 + i, created_by=writer, created_at=when, team=writer.team, agency=writer.agency,
            findings=1 if is_flagged else 0, rules=["out_of_control"] if is_flagged else [], kept=is_kept,
            kept_phrases=["out of control"] if is_kept else [],
        )


@pytest.fixture
def dataset(users):
    """By hand:
    Child protection team (Sunita): Jan 2025 4 texts, 2 flagged, 1 kept; Feb 2 texts, none flagged;
      Mar 5 texts, 1 flagged, none kept; and 1 flagged text at 00:30 on 1 July 2024 UK time (23:30 UTC on
      30 June), which is July's; and 3 texts in February 2024, outside the last 12 months.
    Front door (Alice): Feb 2025 4 texts, 3 flagged, 2 kept (decision rationales).
    Northtown Academy safeguarding (Sam): Mar 2025 2 texts, 1 flagged and kept.
    """
    _checks(users.sunita, "2025-01-10T09:00:00+00:00", 4, 2, 1)
    _checks(users.sunita, "2025-02-03T09:00:00+00:00", 2, 0, 0)
    _checks(users.sunita, "2025-03-01T00:30:00+00:00", 5, 1, 0)
    _checks(users.sunita, "2024-06-30T23:30:00+00:00", 1, 1, 0)
    _checks(users.sunita, "2024-02-20T09:00:00+00:00", 3, 3, 3)
    _checks(users.alice, "2025-02-27T17:00:00+00:00", 4, 3, 2, kind="decision")
    _checks(users.sam, "2025-03-14T10:00:00+00:00", 2, 1, 1)


def _row(page: str, attribute: str, value: str) -> dict[str, str]:
    match = re.search(rf'<tr class="govuk-table__row" {attribute}="{re.escape(value)}">(.*?)</tr>', page, re.S)
    assert match, value
    cells = dict(re.findall(r'data-([a-z-]+)>([^<]*)<', match.group(1)))
    return cells


def test_the_monthly_figures_match_the_hand_count(client, users, dataset):
    client.force_login(users.maria)
    page = client.get(reverse("language_figures")).content.decode()
    assert _row(page, "data-month", "2025-01") == {"texts": "4", "flagged": "2", "flagged-share": "50%", "kept": "1",
                                                   "kept-share": "25%"}
    assert _row(page, "data-month", "2025-02") == {"texts": "6", "flagged": "3", "flagged-share": "50%", "kept": "2",
                                                   "kept-share": "33%"}
    assert _row(page, "data-month", "2025-03") == {"texts": "7", "flagged": "2", "flagged-share": "29%", "kept": "1",
                                                   "kept-share": "14%"}
    assert _row(page, "data-month", "2024-07") == {"texts": "1", "flagged": "1", "flagged-share": "100%", "kept": "0",
                                                   "kept-share": "0%"}
    assert _row(page, "data-month", "2024-06")["texts"] == "0"
    assert _row(page, "data-month", "2024-04")["flagged-share"] == "–"
    assert 'data-month="2024-03"' not in page and 'data-month="2024-02"' not in page  # 12 months: Apr 2024 to Mar 2025
    total = re.search(r"data-language-total>(.*?)</p>", page, re.S).group(1)
    assert "18 texts saved" in total and "in 8 (44%)" in total and "in 4 (22%)" in total


def test_the_team_figures_match_the_hand_count(client, users, dataset):
    client.force_login(users.audrey)
    page = client.get(reverse("language_figures")).content.decode()
    assert _row(page, "data-team", "Child protection team") == {
        "texts": "12", "flagged": "4", "flagged-share": "33%", "kept": "1", "kept-share": "8%"}
    assert _row(page, "data-team", "Front door (MASH)") == {
        "texts": "4", "flagged": "3", "flagged-share": "75%", "kept": "2", "kept-share": "50%"}
    assert _row(page, "data-team", "Safeguarding") == {
        "texts": "2", "flagged": "1", "flagged-share": "50%", "kept": "1", "kept-share": "50%"}


def test_one_kind_of_text_and_a_shorter_period_can_be_chosen(client, users, dataset):
    client.force_login(users.maria)
    page = client.get(reverse("language_figures"), {"kind": "decision", "months": "3"}).content.decode()
    assert re.findall(r'data-month="([0-9-]+)"', page) == ["2025-01", "2025-02", "2025-03"]
    assert _row(page, "data-month", "2025-02") == {"texts": "4", "flagged": "3", "flagged-share": "75%", "kept": "2",
                                                   "kept-share": "50%"}
    assert _row(page, "data-month", "2025-03")["texts"] == "0"
    assert re.findall(r'data-team="([^"]+)"', page) == ["Front door (MASH)"]


def test_a_choice_it_does_not_know_shows_the_default(client, users, dataset):
    client.force_login(users.maria)
    page = client.get(reverse("language_figures"), {"kind": "nonsense", "months": "999"}).content.decode()
    assert len(re.findall(r'data-month="', page)) == 12


def test_the_chart_is_an_accessible_svg_with_a_bar_for_each_share(client, users, dataset):
    client.force_login(users.maria)
    page = client.get(reverse("language_figures")).content.decode()
    svg = re.search(r"<svg class=\"joinedup-chart\".*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="language-chart-title language-chart-desc"' in svg
    assert "<title id=\"language-chart-title\">" in svg
    desc = re.search(r"<desc id=\"language-chart-desc\">(.*?)</desc>", svg, re.S).group(1)
    assert "January 2025: 4 texts, 2 flagged (50%), 1 kept (25%)." in desc
    assert "May 2024: no texts." in desc
    # Two bars for each of the 4 months with texts.
    assert svg.count('data-series="flagged"') == 4 and svg.count('data-series="kept"') == 4
    assert "January 2025: 2 of 4 flagged as written (50%)" in svg
    assert " style=" not in svg  # colours come from classes (a strict CSP is coming)


def test_the_csv_has_each_teams_figures_for_each_month(client, users, dataset):
    client.force_login(users.maria)
    response = client.get(reverse("language_figures_csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_key = {(r["month"], r["team"]): r for r in rows}
    assert len(rows) == 6
    assert by_key[("2025-02", "Front door (MASH)")] == {
        "month": "2025-02", "agency": "Northtown Children's Social Care", "team": "Front door (MASH)", "texts": "4",
        "flagged": "3", "flagged_percent": "75.0", "kept": "2", "kept_percent": "50.0"}
    assert by_key[("2024-07", "Child protection team")]["flagged_percent"] == "100.0"
    assert sum(int(r["texts"]) for r in rows) == 18


def test_a_team_name_cannot_become_a_spreadsheet_formula(client, users):
    from joinedup.core.models import Team

    team = Team.objects.create(agency=factories.agency("youth"), name="=HYPERLINK(\"x\")")
    yusuf = users.yusuf
    yusuf.team = team
    yusuf.save()
    _checks(yusuf, "2025-03-02T10:00:00+00:00", 1, 0, 0)
    client.force_login(users.maria)
    rows = list(csv.DictReader(io.StringIO(client.get(reverse("language_figures_csv")).content.decode())))
    assert rows[0]["team"] == "'=HYPERLINK(\"x\")"


def test_the_page_says_so_when_nothing_was_saved(client, users):
    client.force_login(users.maria)
    page = client.get(reverse("language_figures")).content.decode()
    assert "No texts were saved in these months." in page and "0 texts saved" in page


def test_the_page_runs_the_same_queries_however_much_there_is(client, users, dataset, django_assert_num_queries):
    client.force_login(users.maria)
    url = reverse("language_figures")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for name in ("peter", "anna", "harriet", "rose", "yusuf"):
        _checks(getattr(users, name), "2024-11-05T10:00:00+00:00", 7, 3, 1, kind="action_note")
    with django_assert_num_queries(len(small.captured_queries)):
        page = client.get(url).content.decode()
    assert 'data-team="Response"' in page
    assert len(small.captured_queries) <= 5  # the session, the user, the second factor, the figures


# --- who may see it ------------------------------------------------------------------------------------


@pytest.mark.parametrize("username", list(factories.USERS))
def test_the_figures_are_for_managers_auditors_and_administrators(client, users, username):
    client.force_login(getattr(users, username))
    expected = 200 if username in MANAGERS else 404
    assert client.get(reverse("language_figures")).status_code == expected
    assert client.get(reverse("language_figures_csv")).status_code == expected


def test_someone_not_signed_in_is_sent_to_sign_in(client):
    for name in ("language_figures", "language_figures_csv"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("username,shown", [("maria", True), ("audrey", True), ("adam", True), ("alice", False),
                                            ("sam", False)])
def test_the_menu_offers_the_page_to_those_who_may_see_it(client, users, username, shown):
    client.force_login(getattr(users, username))
    page = client.get(reverse("home"), follow=True).content.decode()
    assert ('href="/language/"' in page) is shown
