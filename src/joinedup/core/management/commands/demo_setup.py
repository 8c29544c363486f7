"""`joinedup demo_setup`: create the demo log-ins (one per role) and print them."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from joinedup.core.demo import DEMO_USERS, demo_password, ensure_demo_users


class Command(BaseCommand):
    help = "Create one demo user per role (if missing) and print the log-ins."

    def add_arguments(self, parser):
        parser.add_argument("--address", default="http://127.0.0.1:8000/")
        parser.add_argument("--quiet", action="store_true", help="create the users without printing")

    def handle(self, *args, address, quiet, **options):
        call_command("migrate", verbosity=0, interactive=False)
        ensure_demo_users()
        if quiet:
            return
        password = demo_password()
        self.stdout.write("")
        self.stdout.write(f"JoinedUp is at {address}  (synthetic data only)")
        self.stdout.write(f"Sign in with any of these user names; the password for all of them is: {password}")
        for username, (role, agency, _, team, _) in DEMO_USERS.items():
            self.stdout.write(f"  {username:<13} {role.label} - {agency}, {team}")
        self.stdout.write("")
        self.stdout.write("Then JoinedUp asks for a 6-digit code, as a real sign-in would from an authenticator app on")
        self.stdout.write("your phone. For the demo users, get the current code in another terminal with:")
        self.stdout.write("  .venv/bin/joinedup demo_code frontdoor      (or any user name above)")
        self.stdout.write("Each code works once and changes every 30 seconds. School, health and youth users may skip it")
        self.stdout.write("and only record concerns.")
        self.stdout.write("")
