"""scripts/audit-dependencies (run by `make test`): fails on a known vulnerability, and says plainly when
the advisory service could not be asked (pip-audit's own answer is faked here: no network in tests)."""

import importlib.machinery
import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit-dependencies"


@pytest.fixture
def audit(monkeypatch):
    def _run(stdout: str, strict: bool = False) -> int:
        loader = importlib.machinery.SourceFileLoader("audit_dependencies", str(SCRIPT))
        module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
        loader.exec_module(module)
        monkeypatch.setattr(module, "STRICT", strict)
        monkeypatch.setattr(module.subprocess, "run",
                            lambda *a, **k: subprocess.CompletedProcess(a, 1, stdout=stdout, stderr="boom\nno network"))
        return module.main()

    return _run


def _report(*deps):
    return json.dumps({"dependencies": list(deps), "fixes": []})


def test_a_known_vulnerability_fails(audit, capsys):
    rc = audit(_report({"name": "django", "version": "6.1.3", "vulns": [
        {"id": "PYSEC-0000-1", "fix_versions": ["6.1.4"]}]}, {"name": "tqdm", "version": "4.70.1", "vulns": []}))
    assert rc == 1
    assert "django 6.1.3: PYSEC-0000-1 (fixed in 6.1.4)" in capsys.readouterr().out


def test_no_vulnerabilities_passes(audit, capsys):
    assert audit(_report({"name": "django", "version": "6.1.3", "vulns": []})) == 0
    assert "no known vulnerabilities in 1 packages" in capsys.readouterr().out


def test_an_unreachable_advisory_service_is_reported_as_not_checked(audit, capsys):
    skipped = {"name": "django", "version": "6.1.3", "skip_reason": "Dependency not found on PyPI"}
    assert audit(_report(skipped)) == 0
    assert "pip-audit: NOT CHECKED" in capsys.readouterr().out
    assert audit(_report(skipped), strict=True) == 2
    assert audit("not json at all", strict=True) == 2
    assert "no network" in capsys.readouterr().out
