"""`joinedup export overdue --as-of T`: JSON Lines to standard output (shared/spec/INTERCHANGE.md)."""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from joinedup.casework.overdue import overdue_as_of
from joinedup.core import clock


def parse_as_of(value: str | None) -> dt.datetime:
    if not value:
        return clock.now()
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--as-of is not a date and time: {value!r}") from None
    if parsed.tzinfo is None:
        raise CommandError(f"--as-of needs a UTC offset, for example {value}+00:00")
    return parsed


class Command(BaseCommand):
    help = "Export overdue work (joinedup.overdue/1) as JSON Lines."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["overdue"], help="what to export")
        parser.add_argument("--as-of", dest="as_of", help="the moment (ISO 8601 with offset); default now")

    def handle(self, *args, what, as_of, **options):
        at = parse_as_of(as_of)
        for item in overdue_as_of(at):
            self.stdout.write(json.dumps(item.as_spec(), ensure_ascii=False))
