"""`joinedup import FILE [--replay]`: validate and import concern records (shared/spec/INTERCHANGE.md)."""

from __future__ import annotations

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from joinedup.core import audit
from joinedup.records.importer import import_file


class Command(BaseCommand):
    help = "Validate and import concern records from a JSON Lines file (joinedup.concern/1)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON Lines file ('-' for standard input)")
        parser.add_argument(
            "--replay",
            action="store_true",
            help="store records in received_at order, running every rule as of each record's received_at",
        )
        parser.add_argument("--no-progress", action="store_true", help="do not draw a progress bar")
        parser.add_argument("--max-errors-shown", type=int, default=200, help="rejected lines listed in full")

    def handle(self, *args, file, replay, no_progress, max_errors_shown, **options):
        call_command("migrate", verbosity=0, interactive=False)
        if file == "-":
            if replay:
                raise CommandError("--replay needs a file, not standard input (it reads the file twice)")
            stream = sys.stdin.buffer
            size = None
        else:
            try:
                stream = open(file, "rb")  # noqa: SIM115 - closed below
            except OSError as exc:
                raise CommandError(f"cannot open {file}: {exc.strerror}") from None
            size = os.fstat(stream.fileno()).st_size
        show = (not no_progress and sys.stderr.isatty()) or os.environ.get("JOINEDUP_PROGRESS") == "1"
        bars = _ProgressBars(show, size, replay)

        try:
            report = import_file(stream, replay=replay, progress=bars.update)
        finally:
            bars.close()
            if stream is not sys.stdin.buffer:
                stream.close()
        with transaction.atomic():
            audit.record(
                audit.ImportRun(
                    file=os.path.basename(file), imported=report.created, versions=report.versions,
                    unchanged=report.unchanged, rejected=len(report.rejected), replay=replay,
                )
            )
        for number, reason in report.rejected[:max_errors_shown]:
            self.stderr.write(f"line {number}: {reason}")
        if len(report.rejected) > max_errors_shown:
            self.stderr.write(f"... and {len(report.rejected) - max_errors_shown} more rejected lines")
        self.stdout.write(
            f"imported {report.created + report.versions} records "
            f"({report.created} new concerns, {report.versions} new versions), "
            f"{report.unchanged} unchanged, {len(report.rejected)} rejected"
        )
        if report.rejected:
            sys.exit(1)


class _ProgressBars:
    """A bar per phase: bytes while checking (or importing), then records while storing in time order."""

    def __init__(self, show: bool, size: int | None, replay: bool) -> None:
        self.show = show
        self.size = size
        self.replay = replay
        self.phase = ""
        self.bar: tqdm | None = None

    def update(self, phase: str, done: int) -> None:
        if not self.show:
            return
        if phase != self.phase:
            self.close()
            self.phase = phase
            if phase == "read":
                desc = "checking" if self.replay else "importing"
                self.bar = tqdm(total=self.size, unit="B", unit_scale=True, desc=desc, file=sys.stderr)
            else:
                self.bar = tqdm(unit=" records", desc="storing in time order", file=sys.stderr)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
