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
        show = not no_progress and sys.stderr.isatty() or os.environ.get("JOINEDUP_PROGRESS") == "1"
        bars: dict[str, tqdm] = {}

        def progress(phase: str, done: int) -> None:
            if not show:
                return
            if phase not in bars:
                for bar in bars.values():
                    bar.close()
                if phase == "read":
                    bars[phase] = tqdm(total=size, unit="B", unit_scale=True, desc="checking" if replay else "importing", file=sys.stderr)
                else:
                    bars[phase] = tqdm(unit=" records", desc="storing in time order", file=sys.stderr)
            bar = bars[phase]
            bar.update(done - bar.n)

        try:
            report = import_file(stream, replay=replay, progress=progress)
        finally:
            for bar in bars.values():
                bar.close()
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
