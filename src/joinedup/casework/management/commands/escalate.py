"""`joinedup escalate`: escalate overdue work to team managers (run on a schedule, e.g. cron every 15
minutes: `*/15 * * * * /path/.venv/bin/joinedup escalate`)."""

from django.core.management.base import BaseCommand

from joinedup.casework.escalation import escalate_overdue


class Command(BaseCommand):
    help = "Escalate overdue work to team managers, in the app and by email (each item once)."

    def handle(self, *args, **options):
        made = escalate_overdue()
        self.stdout.write(f"escalated {len(made)} overdue item(s)")
