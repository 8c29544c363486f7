"""No protected characteristic (ethnicity, religion, nationality) is ever an input to linkage, alerts, the
exploitation screening or the follow-through it starts: permuting them across every record of a town
gives exactly the same alerts, the same screening of every child and the same overdue work."""

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from sim.town import generate

pytestmark = pytest.mark.slow
JOINEDUP = str(Path(sys.executable).parent / "joinedup")
PROTECTED = ("ethnicity", "nationality", "religion")


def _permute(records: list[dict], seed: int) -> list[dict]:
    records = json.loads(json.dumps(records))
    people = [p for r in records for p in r["children"] + [m for m in r.get("mentions", []) if m["kind"] == "person"]]
    rng = random.Random(seed)
    for field in PROTECTED:
        values = [p.get(field) for p in people]
        rng.shuffle(values)
        for person, value in zip(people, values, strict=True):
            if value is None:
                person.pop(field, None)
            else:
                person[field] = value
    return records


SCREEN_ALL = """
import django; django.setup()
from joinedup.records.models import Child, Concern
from joinedup.screening.queries import screen_children
at = Concern.objects.latest("received_at").received_at  # as the town's last day saw it
ids = list(Child.objects.filter(merged_into=None).order_by("pk").values_list("pk", flat=True))
for pk, s in sorted(screen_children(ids, at=at).items()):
    print(pk, s.level.number, s.score, [p.code for p in s.points])
"""


def _alerts(records: list[dict], workdir: Path) -> list[str]:
    workdir.mkdir()
    town = workdir / "town.jsonl"
    town.write_text("".join(json.dumps(r) + "\n" for r in records))
    env = {**__import__("os").environ, "JOINEDUP_DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite'}", "JOINEDUP_VAR_DIR": str(workdir)}
    subprocess.run([JOINEDUP, "import", str(town), "--replay", "--no-progress"], env=env, check=True, capture_output=True)
    out = subprocess.run([JOINEDUP, "export", "alerts"], env=env, check=True, capture_output=True, text=True).stdout
    overdue = subprocess.run([JOINEDUP, "export", "overdue"], env=env, check=True, capture_output=True, text=True).stdout
    screened = subprocess.run([sys.executable, "-c", SCREEN_ALL], env={**env, "DJANGO_SETTINGS_MODULE": "joinedup.settings"},
                              check=True, capture_output=True, text=True).stdout
    return out.splitlines() + ["-- overdue --"] + overdue.splitlines() + ["-- screening --"] + screened.splitlines()


def test_permuting_ethnicity_and_nationality_across_all_records_changes_no_alert(tmp_path):
    records, _ = generate(seed=5, concerns=1500, years=3)
    permuted = _permute(records, seed=1)
    changed = sum(
        a.get("ethnicity") != b.get("ethnicity")
        for ra, rb in zip(records, permuted, strict=True)
        for a, b in zip(ra["children"], rb["children"], strict=True)
    )
    assert changed > 100  # the permutation really moved the values
    original = _alerts(records, tmp_path / "original")
    alerts = original[:original.index("-- overdue --")]
    assert len(alerts) > 0
    assert any('"kind": "strategy_decision"' in line for line in original)  # screening follow-through exists
    assert any(line.split()[1] in ("3", "4") for line in original[original.index("-- screening --") + 1:])
    assert _alerts(permuted, tmp_path / "permuted") == original
