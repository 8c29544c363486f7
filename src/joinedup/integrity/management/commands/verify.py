"""`joinedup verify`: check the hash chains of the audit log and concern versions; exit 1 at a break."""

from __future__ import annotations

import os
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from joinedup.integrity import chain
from joinedup.integrity.verify import verify_model


class Command(BaseCommand):
    help = "Check that the audit log and concern versions are unaltered (their hash chains); report the first break."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="do not draw a progress bar")

    def handle(self, *args, no_progress, **options):
        show = (not no_progress and sys.stderr.isatty()) or os.environ.get("JOINEDUP_PROGRESS") == "1"
        broken = []
        for model in chain.chained_models():
            table = model._meta.db_table
            bar = tqdm(total=model._default_manager.count(), unit=" rows", desc=table, file=sys.stderr) if show else None
            try:
                report = verify_model(model, progress=bar.update if bar else None)
            finally:
                if bar is not None:
                    bar.close()
            if report.ok:
                head = f"head id {report.head_id}, {report.head_hash}" if report.head_id else "empty"
                self.stdout.write(f"{table}: {report.rows:,} rows, chain intact ({head})")
            else:
                self.stdout.write(f"{table}: BROKEN after {report.rows - 1:,} good rows")
                broken.append(report.broken.describe())
        if broken:
            raise CommandError("the hash chain is broken: " + " | ".join(broken))
