"""Secure settings outside debug, and `joinedup check --deploy` clean with production-style settings
(each in a fresh process, as the settings module reads the environment once)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

JOINEDUP = Path(sys.executable).with_name("joinedup")

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "joinedup.settings",
    "JOINEDUP_DEBUG": "false",
    "JOINEDUP_SECRET_KEY": "a-production-style-key-" + "x7Qp2Lm9Vt4Rb8Nc3Wz6Hy1Ks5Dg0Fj" * 2,
    "JOINEDUP_ALLOWED_HOSTS": "joinedup.example.org",
    "JOINEDUP_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def _env(tmp_path, **extra):
    # A clean production-style environment: none of this machine's JoinedUp settings, and not the browser
    # tests' DJANGO_ALLOW_ASYNC_UNSAFE (which check --deploy rightly refuses).
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOINEDUP_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(PRODUCTION, JOINEDUP_VAR_DIR=str(tmp_path), **extra)
    return env


def _settings(tmp_path, **extra) -> dict:
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({k: getattr(s, k)"
        " for k in ('SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS',"
        " 'JOINEDUP_IDLE_MINUTES', 'AXES_FAILURE_LIMIT')}))"
    )
    out = subprocess.run([sys.executable, "-c", script], env=_env(tmp_path, **extra), capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def test_outside_debug_cookies_are_secure_http_is_redirected_and_hsts_is_on(tmp_path):
    assert _settings(tmp_path) == {
        "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True, "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000, "JOINEDUP_IDLE_MINUTES": 30, "AXES_FAILURE_LIMIT": 5,
    }


def test_in_debug_they_are_off_and_each_can_be_set(tmp_path):
    debug = _settings(tmp_path, JOINEDUP_DEBUG="true")
    assert not debug["SESSION_COOKIE_SECURE"] and not debug["SECURE_SSL_REDIRECT"] and debug["SECURE_HSTS_SECONDS"] == 0
    demo = _settings(tmp_path, JOINEDUP_SECURE_COOKIES="false", JOINEDUP_SSL_REDIRECT="false",
                     JOINEDUP_IDLE_MINUTES="15", JOINEDUP_LOCKOUT_FAILURES="10")
    assert demo["SESSION_COOKIE_SECURE"] is False and demo["SECURE_SSL_REDIRECT"] is False
    assert demo["JOINEDUP_IDLE_MINUTES"] == 15 and demo["AXES_FAILURE_LIMIT"] == 10


def test_a_malformed_setting_stops_start_up(tmp_path):
    with pytest.raises(subprocess.CalledProcessError) as failure:
        _settings(tmp_path, JOINEDUP_IDLE_MINUTES="half an hour")
    assert "JOINEDUP_IDLE_MINUTES must be a whole number" in failure.value.stderr


@pytest.mark.slow
def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = subprocess.run([str(JOINEDUP), "check", "--deploy", "--fail-level", "WARNING"], env=_env(tmp_path),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.slow
def test_check_deploy_does_catch_an_insecure_setting(tmp_path):
    result = subprocess.run([str(JOINEDUP), "check", "--deploy", "--fail-level", "WARNING"],
                            env=_env(tmp_path, JOINEDUP_SECURE_COOKIES="false"), capture_output=True, text=True)
    assert result.returncode != 0 and "security.W012" in result.stdout + result.stderr
