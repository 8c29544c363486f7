"""The retention rules as data: hand-worked due dates for each rule, the TOML override, and a bad key
stopping start-up with a message naming it."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from joinedup.retention import rules
from joinedup.retention.rules import Facts, due_on

D = dt.date


def test_a_child_protection_record_is_due_35_years_after_last_contact():
    assert due_on(rules.RULES["child_protection"], Facts(last_contact=D(2024, 6, 10))) == D(2059, 6, 10)


def test_a_looked_after_childs_record_is_due_on_the_75th_anniversary_of_birth():
    assert due_on(rules.RULES["looked_after"], Facts(date_of_birth=D(2008, 3, 1), last_contact=D(2030, 1, 1))) == D(2083, 3, 1)


def test_a_looked_after_child_who_died_at_12_is_due_15_years_after_death():
    facts = Facts(date_of_birth=D(2008, 3, 1), date_of_death=D(2020, 6, 15))  # aged 12
    assert due_on(rules.RULES["looked_after"], facts) == D(2035, 6, 15)


def test_a_looked_after_person_who_died_as_an_adult_keeps_the_75th_anniversary():
    facts = Facts(date_of_birth=D(2008, 3, 1), date_of_death=D(2026, 3, 1))  # died on the 18th birthday
    assert due_on(rules.RULES["looked_after"], facts) == D(2083, 3, 1)


def test_adoption_is_kept_100_years_from_the_order():
    assert due_on(rules.RULES["adoption"], Facts(event_date=D(2012, 9, 30))) == D(2112, 9, 30)


def test_an_allegation_against_staff_is_kept_until_the_persons_100th_birthday():
    assert due_on(rules.RULES["allegation_against_staff"], Facts(subject_date_of_birth=D(1971, 11, 2))) == D(2071, 11, 2)


def test_a_29_february_anniversary_falls_on_1_march():
    assert rules.add_years(D(2008, 2, 29), 75) == D(2083, 3, 1)
    assert rules.add_years(D(2008, 2, 29), 76) == D(2084, 2, 29)


def test_without_the_date_a_rule_needs_a_record_is_never_due():
    assert due_on(rules.RULES["looked_after"], Facts(last_contact=D(1990, 1, 1))) is None
    assert due_on(rules.RULES["child_protection"], Facts()) is None


def test_a_file_changes_a_rule_and_adds_a_record_type(tmp_path, settings):
    path = tmp_path / "retention.toml"
    path.write_text('[child_protection]\nyears = 40\n\n[private_fostering]\nbasis = "date_of_birth"\nyears = 30\n'
                    'label = "Private fostering"\n')
    settings.JOINEDUP_RETENTION_RULES_FILE = str(path)
    current = rules.current()
    assert due_on(current["child_protection"], Facts(last_contact=D(2024, 6, 10))) == D(2064, 6, 10)
    assert due_on(current["private_fostering"], Facts(date_of_birth=D(2010, 1, 1))) == D(2040, 1, 1)
    assert current["looked_after"] == rules.RULES["looked_after"]  # the rest as they were


@pytest.mark.parametrize(("text", "named"), [
    ("[looked_after]\nyeers = 80\n", "looked_after.yeers"),
    ("[adoption]\nyears = -1\n", "adoption.years"),
    ("[adoption]\nbasis = \"birthday\"\n", "adoption.basis"),
    ("[new_type]\nyears = 10\n", "new_type"),
])
def test_a_bad_key_is_refused_naming_it(text, named):
    import tomllib

    with pytest.raises(rules.RulesError, match=named.replace(".", r"\.")):
        rules.from_mapping(tomllib.loads(text))


def test_a_bad_file_stops_the_app_naming_the_key(tmp_path, settings):
    from django.apps import apps

    path = tmp_path / "bad.toml"
    path.write_text("[looked_after]\nyeers = 80\n")
    settings.JOINEDUP_RETENTION_RULES_FILE = str(path)
    with pytest.raises(ImproperlyConfigured, match="JOINEDUP_RETENTION_RULES_FILE: looked_after.yeers"):
        apps.get_app_config("retention").ready()


def test_a_bad_file_stops_the_command_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[child_protection]\nyears = \"thirty-five\"\n")
    env = {**os.environ, "JOINEDUP_RETENTION_RULES_FILE": str(path), "JOINEDUP_VAR_DIR": str(tmp_path / "var")}
    done = subprocess.run([sys.executable, "-m", "joinedup.cli", "check"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "child_protection.years" in done.stderr
