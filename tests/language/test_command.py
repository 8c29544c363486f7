"""`joinedup language-check`: UTF-8 text in, one text per line; one JSON object out per line."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError


def _call(data: bytes, *args):
    """Run the command with data on standard input: (stdout lines as JSON, stderr text, CommandError or None)."""
    out, err = io.StringIO(), io.StringIO()
    old, sys.stdin = sys.stdin, io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    error = None
    try:
        call_command("language-check", *args, stdout=out, stderr=err)
    except CommandError as exc:
        error = exc
    finally:
        sys.stdin = old
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue(), error


def _run(data: bytes, *args):
    lines, err, error = _call(data, *args)
    assert error is None, error
    return lines, err


def test_it_writes_one_json_object_per_input_line():
    lines, err = _run(b"She is putting herself at risk.\n\nShe got into a car with two men.\r\n")
    assert err == ""
    assert [r["text"] for r in lines] == ["She is putting herself at risk.", "", "She got into a car with two men."]
    first = lines[0]
    assert set(first) == {"text", "findings", "indicators"}
    [finding] = first["findings"]
    assert finding["phrase"] == "putting herself at risk"
    assert first["text"][finding["start"]:finding["end"]] == finding["phrase"]
    assert finding["reason"] and finding["suggestions"]
    assert lines[1] == {"text": "", "findings": [], "indicators": []}
    assert lines[2]["indicators"] == [{"code": "vehicles_unknown_adults", "evidence": "She got into a car with two men."}]


def test_offsets_count_characters_not_bytes():
    [line], _ = _run("Caf\u00e9 \u2014 \U0001f600 she is out of control.\n".encode())
    [finding] = line["findings"]
    assert line["text"][finding["start"]:finding["end"]] == "out of control"


def test_bad_utf8_is_reported_with_its_line_number_and_the_other_lines_still_come_out():
    lines, err, error = _call(b"She is out of control.\n\xff\xfe broken\nShe keeps going missing.\n")
    assert isinstance(error, CommandError) and "not valid UTF-8" in str(error)
    assert "line 2" in err and "Traceback" not in err
    assert [r["text"] for r in lines] == ["She is out of control.", "She keeps going missing."]


def test_the_childs_age_and_an_adult_can_be_given():
    [line], _ = _run(b"She is sexually active.\n", "--child-age", "12")
    assert [f["rule"] for f in line["findings"]] == ["sexually_active_under_13"]
    [line], _ = _run(b"She says her boyfriend will be angry.\n", "--adult-mentioned")
    assert [f["rule"] for f in line["findings"]] == ["adult_boyfriend"]


def test_the_installed_command_runs_with_its_hyphenated_name(tmp_path):
    joinedup = Path(sys.executable).parent / "joinedup"
    env = {**os.environ, "JOINEDUP_VAR_DIR": str(tmp_path)}
    result = subprocess.run([str(joinedup), "language-check"], input=b"He is out of control.\n\x80oops\n",
                            capture_output=True, env=env, timeout=60)
    assert result.returncode == 1
    assert json.loads(result.stdout.decode())["findings"][0]["phrase"] == "out of control"
    stderr = result.stderr.decode()
    assert "line 2: not valid UTF-8" in stderr and "Traceback" not in stderr
