"""`joinedup reset_second_factor USERNAME`: remove someone's second factor (a lost phone); they set up a
new one at their next sign-in. Audited."""

from django.core.management.base import BaseCommand, CommandError

from joinedup.accounts import services
from joinedup.core.models import User


class Command(BaseCommand):
    help = "Remove a user's authenticator app and backup codes; they set up new ones at their next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}")
        removed = services.reset(user)
        self.stdout.write(f"Removed {removed} second-factor device(s) of {username}; they set one up at next sign-in.")
