"""`joinedup relink`: re-run the full linkage of people (Splink on DuckDB) with a progress bar, update
entities to match, keep human judgements, and re-evaluate alerts."""

import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from joinedup.identity.relinking import relink_people


class Command(BaseCommand):
    help = "Re-link every person mention with the Splink model, keeping human judgements; re-evaluate alerts."

    def add_arguments(self, parser):
        parser.add_argument("--threshold", type=float, default=0.95, help="match probability to join two mentions")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, threshold, no_progress, **options):
        bar = None

        def progress(stage, done, total):
            nonlocal bar
            if no_progress:
                return
            if bar is None or bar.desc != stage:
                if bar is not None:
                    bar.close()
                bar = tqdm(total=total or None, desc=stage, file=sys.stderr)
            bar.update(done - bar.n)

        report = relink_people(threshold=threshold, progress=progress)
        if bar is not None:
            bar.close()
        self.stdout.write(
            f"relinked {report.mentions} person mentions into {report.clusters} clusters: {report.moved} links moved, "
            f"{report.kept_by_judgement} kept by a person's judgement; alerts {report.alerts_before} -> {report.alerts_after}"
        )
