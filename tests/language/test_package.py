"""joinedup.language is plain functions: importable and usable without Django or a database."""

import subprocess
import sys


def test_the_package_works_without_django():
    code = ("import sys, joinedup.language as language; "
            "assert language.check('She is out of control.'); "
            "assert language.suggest_indicators('She was missing overnight.'); "
            "assert language.suggest_mentions('YX19 ABC'); "
            "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django was imported'")
    env = {"PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
