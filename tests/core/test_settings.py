import os
import subprocess
import sys

import pytest


def _load_settings(env):
    return subprocess.run(
        [sys.executable, "-c", "import joinedup.settings"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    "variable,value",
    [("JOINEDUP_DEBUG", "maybe"), ("JOINEDUP_IMPORT_BATCH", "lots"), ("JOINEDUP_DATABASE_URL", "mysql-ish://x")],
)
def test_a_malformed_setting_stops_start_up_naming_the_variable(variable, value, tmp_path):
    result = _load_settings({variable: value, "JOINEDUP_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert variable in result.stderr


def test_good_settings_load(tmp_path):
    result = _load_settings({"JOINEDUP_DEBUG": "false", "JOINEDUP_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
