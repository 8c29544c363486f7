"""The `joinedup` command: Django's management commands under one name.

`joinedup import FILE`, `joinedup export alerts`, `joinedup demo`, `joinedup serve`, and every other
command listed by `joinedup help`.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "joinedup.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["joinedup", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
