"""axe-core, which the browser tests run on every public page, is vendored from npm with its licence and
recorded in the vendor README (no page loads it; the tests inject it from our own static path)."""

import re
from pathlib import Path

import joinedup.web

VENDOR = Path(joinedup.web.__file__).parent / "static" / "vendor"


def test_axe_core_is_vendored_with_its_licence_and_recorded():
    script = (VENDOR / "axe-core" / "axe.min.js").read_text()
    version = re.match(r"/\*! axe v(\d+\.\d+\.\d+)", script).group(1)
    assert "Mozilla Public" in (VENDOR / "axe-core" / "LICENSE").read_text()
    readme = (VENDOR / "README.md").read_text()
    assert f"| axe-core | {version} |" in readme
    assert "MPL-2.0" in readme


def test_no_public_page_loads_axe(client, db):
    for path in ("/report/en/", "/report/ur/follow-up/"):
        assert "axe" not in client.get(path).content.decode()
