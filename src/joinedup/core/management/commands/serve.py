"""`joinedup serve`: run JoinedUp under gunicorn (a production-grade server), after migrating and
collecting static files."""

import os
import shutil
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve JoinedUp with gunicorn (migrates and collects static files first)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("JOINEDUP_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("JOINEDUP_WORKERS", "2")))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("JOINEDUP_THREADS", "4")))
        parser.add_argument("--plain-http", action="store_true",
                            help="a laptop demo on http://127.0.0.1: no HTTPS redirect, cookies over plain HTTP")

    def handle(self, *args, bind, workers, threads, plain_http=False, **options):
        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False)
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which("gunicorn")
        if gunicorn is None:
            raise CommandError("gunicorn is not installed (run `make venv`)")
        if plain_http:  # the workers read their settings afresh from this environment
            os.environ.update(JOINEDUP_SSL_REDIRECT="false", JOINEDUP_SECURE_COOKIES="false")
            self.stdout.write("Plain HTTP, for a demo on this machine only: serve real data behind HTTPS.")
        self.stdout.write(f"Serving JoinedUp on http://{bind}/ (Ctrl+C to stop)")
        self.stdout.flush()
        os.execv(
            gunicorn,
            [
                gunicorn, "joinedup.wsgi:application", "--bind", bind, "--workers", str(workers),
                "--threads", str(threads), "--access-logfile", "-", "--graceful-timeout", "20",
            ],
        )
