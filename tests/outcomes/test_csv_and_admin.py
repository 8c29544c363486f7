"""The CSV downloads (safe from spreadsheet formulas, audited), the population file and command, and
the posts an administrator keeps."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from joinedup.core.models import AuditEvent, Team
from joinedup.core.spreadsheet import safe_cell
from joinedup.outcomes import services
from joinedup.outcomes.figures import Figure, as_csv
from joinedup.outcomes.models import PopulationGroup, PopulationLoad, TeamPosts
from joinedup.outcomes.population import PopulationError, age_band, read_population

GOOD = """age_band,sex,ethnicity,children,recorded_as
0-4,female,White British,120,WBRI;White - English/Welsh/Scottish/Northern Irish/British
0-4,male,White British,130,
16-17,male,Pakistani,40,APKN
"""


@pytest.mark.parametrize("value,cell", [
    ("=1+1", "'=1+1"), ("+44 7700", "'+44 7700"), ("-3", "'-3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("Team A", "Team A"), (12, "12"), (None, ""),
])
def test_a_cell_that_a_spreadsheet_would_run_is_made_text(value, cell):
    assert safe_cell(value) == cell


def test_the_csv_holds_the_table(db):
    figure = Figure(key="k", title="t", headline="", how="", headers=["team", "vacancies"], rows=[["=HYPERLINK(1)", 3]])
    assert list(csv.reader(io.StringIO(as_csv(figure)))) == [["team", "vacancies"], ["'=HYPERLINK(1)", "3"]]


def test_a_downloaded_figure_is_safe_and_audited(login, users):
    team = Team.objects.create(agency=users.adam.agency, name="=cmd|' /C calc'!A0")
    services.set_posts(users.adam, team, 4)
    response = login("lena").get(reverse("outcomes_dashboard_csv", args=["vacancies"]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["team", "agency", "funded_posts", "filled_posts", "vacancies", "posts_set_on"]
    assert rows[1][:5] == ["'=cmd|' /C calc'!A0", "Northtown Children's Social Care", "4", "0", "4"]
    event = AuditEvent.objects.get(event="service_figures_downloaded")
    assert (event.actor, event.detail["figure"]) == (users.lena, "vacancies")


def test_the_dashboard_page_shows_every_figure_with_a_chart_table_and_download(login):
    page = login("lena").get(reverse("outcomes_dashboard")).content.decode()
    for key in ("time-to-help", "on-time", "caseloads", "vacancies", "exploitation", "missing", "mental-health",
                "under-identified"):
        assert f'data-figure="{key}"' in page and f'data-table="{key}"' in page
        assert reverse("outcomes_dashboard_csv", args=[key]) in page
    assert "A child&#x27;s wait starts with the first concern" in page  # the definition of help is on the page


def test_the_population_file_is_read_with_its_aliases():
    rows = read_population(GOOD)
    assert [(r.age_band, r.sex, r.ethnicity, r.children) for r in rows] == [
        ("0-4", "female", "White British", 120), ("0-4", "male", "White British", 130), ("16-17", "male", "Pakistani", 40)]
    assert rows[0].recorded_as == ("WBRI", "White - English/Welsh/Scottish/Northern Irish/British")


@pytest.mark.parametrize("text,message", [
    ("band,sex,ethnicity,children\n", "missing: age_band"),
    ("age_band,sex,ethnicity,children\n3-7,female,X,1\n", "Line 2: age_band"),
    ("age_band,sex,ethnicity,children\n0-4,girl,X,1\n", "Line 2: sex"),
    ("age_band,sex,ethnicity,children\n0-4,female,X,many\n", "not a whole number"),
    ("age_band,sex,ethnicity,children\n0-4,female,X,1\n0-4,female,x,2\n", "Line 3: 0-4, female, x appears twice"),
])
def test_a_bad_population_file_is_refused_naming_the_line(text, message):
    with pytest.raises(PopulationError, match=message):
        read_population(text)


def test_age_bands():
    assert [age_band(a) for a in (None, 0, 4, 5, 13, 14, 15, 16, 17, 18)] == [
        None, "0-4", "0-4", "5-9", "10-13", "14-15", "14-15", "16-17", "16-17", None]


def test_the_load_population_command_keeps_the_previous_load(db, tmp_path):
    path = tmp_path / "population.csv"
    path.write_text(GOOD)
    call_command("load-population", str(path), stdout=io.StringIO())
    call_command("load-population", str(path), stdout=io.StringIO())
    assert PopulationLoad.objects.count() == 2 and PopulationGroup.objects.count() == 6
    assert AuditEvent.objects.filter(event="population_loaded").count() == 2
    path.write_text("age_band,sex,ethnicity,children\n0-4,female,X,-1\n")
    with pytest.raises(CommandError, match="Line 2"):
        call_command("load-population", str(path))


def test_posts_are_set_by_command_or_page_and_never_edited(login, users):
    team = users.sunita.team
    call_command("set-posts", team.agency.name, team.name, "6", stdout=io.StringIO())
    response = login("adam").post(reverse("outcomes_posts"), {"team": team.pk, "funded_posts": "7", "note": "New budget"})
    assert response.status_code == 302
    assert list(TeamPosts.objects.order_by("pk").values_list("funded_posts", flat=True)) == [6, 7]
    assert AuditEvent.objects.filter(event="team_posts_set").count() == 2
    with pytest.raises(CommandError, match="No team"):
        call_command("set-posts", "Nowhere", "Nobody", "3")


def test_only_an_administrator_keeps_posts_and_population(users):
    from joinedup.records.services import RefusedError

    with pytest.raises(RefusedError):
        services.set_posts(users.lena, users.sunita.team, 3)
    with pytest.raises(RefusedError):
        services.load_population(users.maria, read_population(GOOD), "x")
