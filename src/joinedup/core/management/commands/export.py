"""`joinedup export alerts` and `joinedup export overdue --as-of T`: JSON Lines to standard output
(shared/spec/INTERCHANGE.md)."""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from joinedup.casework.overdue import overdue_as_of
from joinedup.core import clock
from joinedup.identity.export import alerts_as_spec


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
    help = "Export alerts (joinedup.alert/1) or overdue work (joinedup.overdue/1) as JSON Lines."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["alerts", "overdue"], help="what to export")
        parser.add_argument("--as-of", dest="as_of", help="overdue: the moment (ISO 8601 with offset); default now")

    def handle(self, *args, what, as_of, **options):
        if what == "alerts":
            rows = alerts_as_spec()
        else:
            rows = (item.as_spec() for item in overdue_as_of(parse_as_of(as_of)))
        for row in rows:
            self.stdout.write(json.dumps(row, ensure_ascii=False))
