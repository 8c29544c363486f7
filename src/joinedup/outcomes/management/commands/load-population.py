"""`joinedup load-population FILE`: load the local child population (CSV, format in outcomes/population.py
and the operator guide). The previous load is kept; the service figures use the newest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from joinedup.outcomes.population import PopulationError, read_population
from joinedup.outcomes.services import load_population
from joinedup.records.services import RefusedError


class Command(BaseCommand):
    help = "Load the local child population by age band, sex and ethnic group from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            rows = read_population(file.read_text(encoding="utf-8"))
            load = load_population(None, rows, source=file.name)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from None
        except (PopulationError, RefusedError) as exc:
            raise CommandError(f"{file}: {exc}") from None
        self.stdout.write(f"Loaded {len(rows)} groups, {load.children} children, from {file.name}.")
