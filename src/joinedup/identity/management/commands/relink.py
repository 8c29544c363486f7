"""`joinedup relink`: re-run the full linkage of people (Splink on DuckDB) with a progress bar, update
entities to match, keep human judgements, and re-evaluate alerts. With `--export-parquet DIR` it only
writes the person records for a relink on Spark (`python -m joinedup.identity.spark_relink`); with
`--import-parquet DIR` it applies that relink's clusters instead of running DuckDB."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from joinedup.identity.linkage.person_model import MODEL_PATH
from joinedup.identity.relinking import export_people, import_relinked, read_run, relink_people
from joinedup.identity.spark_relink import digest


class Command(BaseCommand):
    help = "Re-link every person mention with the Splink model, keeping human judgements; re-evaluate alerts."

    def add_arguments(self, parser):
        parser.add_argument("--threshold", type=float, default=None,
                            help="match probability to join two mentions (default 0.95)")
        parser.add_argument("--no-progress", action="store_true")
        spark = parser.add_mutually_exclusive_group()
        spark.add_argument("--export-parquet", metavar="DIR",
                           help="only write the person records to DIR/records.parquet, for a relink on Spark")
        spark.add_argument("--import-parquet", metavar="DIR",
                           help="apply the clusters a Spark relink wrote to DIR instead of relinking on DuckDB")

    def handle(self, *args, threshold, no_progress, export_parquet=None, import_parquet=None, **options):
        if export_parquet:
            count = export_people(export_parquet)
            self.stdout.write(f"wrote {count} person records to {export_parquet}/records.parquet")
            return
        if import_parquet:
            if threshold is not None:
                raise CommandError("--threshold is the Spark relink's when importing: give it there")
            try:
                run = read_run(import_parquet)
            except (OSError, ValueError) as error:
                raise CommandError(f"no finished Spark relink in {import_parquet}: {error}") from error
            report = import_relinked(import_parquet)
            same = "the app's model" if run["model_sha256"] == digest(MODEL_PATH) else "NOT the app's current model"
            self.stdout.write(
                f"imported a {run['engine']} relink of {run['records']} records (threshold {run['threshold']}, "
                f"model sha256 {run['model_sha256'][:12]}: {same}): {report.unscored} mentions arrived since "
                "the export and were left as they are")
            self._summary(report)
            return
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

        report = relink_people(threshold=0.95 if threshold is None else threshold, progress=progress)
        if bar is not None:
            bar.close()
        self._summary(report)

    def _summary(self, report):
        self.stdout.write(
            f"relinked {report.mentions} person mentions into {report.clusters} clusters: {report.moved} links moved, "
            f"{report.kept_by_judgement} kept by a person's judgement; alerts {report.alerts_before} -> {report.alerts_after}"
        )
