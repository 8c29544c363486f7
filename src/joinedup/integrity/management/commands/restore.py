"""`joinedup restore FILE [--into DATABASE] [--yes]`: check a backup fully, then restore it."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from joinedup.integrity.crypto import BackupError
from joinedup.integrity.restore import restore_backup


class Command(BaseCommand):
    help = ("Decrypt and check a backup (key, manifest, hash chains and row counts in a scratch copy), then "
            "restore it into a database; nothing is replaced unless every check passes.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup file")
        parser.add_argument("--into", help="a database URL or a SQLite file path (default: the configured database)")
        parser.add_argument("--yes", action="store_true", help="needed to replace the configured database")

    def handle(self, *args, file, into, yes, **options):
        if not into and not yes:
            raise CommandError("restoring replaces the configured database: add --yes, or give --into")
        try:
            result = restore_backup(Path(file), into)
        except BackupError as exc:
            raise CommandError(f"backup refused, nothing was changed: {exc}") from None
        chains = ", ".join(f"{t} head {h['head_id']}" for t, h in result.manifest["chains"].items())
        self.stdout.write(f"restored the backup of {result.manifest['created_at']} into {result.target} "
                          f"(chains verified: {chains})")
