"""`joinedup demo_code USERNAME`: the current second-factor code of a demo user (demo users only)."""

from django.core.management.base import BaseCommand, CommandError

from joinedup.core.demo import DEMO_DEVICE, DEMO_USERS, current_code
from joinedup.core.models import User


class Command(BaseCommand):
    help = "Print the current sign-in code of a demo user (as their authenticator app would show it)."

    def add_arguments(self, parser):
        parser.add_argument("username", choices=sorted(DEMO_USERS))

    def handle(self, *args, username, **options):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        user = User.objects.filter(username=username).first()
        device = TOTPDevice.objects.filter(user=user, name=DEMO_DEVICE, confirmed=True).first() if user else None
        if device is None:
            raise CommandError(f"{username} has no demo authenticator: run `joinedup demo_setup` first")
        self.stdout.write(current_code(device))
