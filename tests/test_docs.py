"""Documentation that is tested: every setting and every command of ours is in the operator guide."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "joinedup"
GUIDE = (ROOT / "docs" / "operator-guide.md").read_text()


def _settings_read():
    found = set()
    for path in SRC.rglob("*.py"):
        found |= set(re.findall(r'"(JOINEDUP_[A-Z_]+)"', path.read_text()))
    return sorted(found)


def _our_commands():
    return sorted(p.stem for p in SRC.glob("*/management/commands/*.py") if not p.stem.startswith("_"))


@pytest.mark.parametrize("variable", _settings_read())
def test_every_setting_is_documented(variable):
    assert f"`{variable}`" in GUIDE


@pytest.mark.parametrize("command", _our_commands())
def test_every_command_is_documented(command):
    assert f"`{command}" in GUIDE
