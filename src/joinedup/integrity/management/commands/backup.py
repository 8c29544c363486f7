"""`joinedup backup [--output FILE]`: write a consistent, encrypted backup of the whole database."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from joinedup.core import clock
from joinedup.integrity.backup import make_backup
from joinedup.integrity.crypto import BackupError


class Command(BaseCommand):
    help = "Write a consistent, encrypted backup (key: JOINEDUP_BACKUP_KEY or JOINEDUP_BACKUP_KEY_FILE)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="the backup file to write (default: a new file in JOINEDUP_BACKUP_DIR)")

    def handle(self, *args, output, **options):
        path = Path(output) if output else settings.JOINEDUP_BACKUP_DIR / f"joinedup-{clock.now():%Y%m%dT%H%M%S%fZ}.backup"
        try:
            result = make_backup(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        manifest = result.manifest
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"wrote {result.path}: {manifest['engine']}, {len(manifest['tables'])} tables, {rows:,} rows; "
            + ", ".join(f"{t} head {h['head_id']}" for t, h in manifest["chains"].items())
        )
