"""`joinedup create_api_client`: give an agency system a token for the API, or revoke one."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from joinedup.api.services import issue_api_client, revoke_api_client
from joinedup.core.models import AgencyType
from joinedup.records.services import RefusedError


class Command(BaseCommand):
    help = (
        "Create an API client for an agency system and print its token once (only a hash is kept): "
        'joinedup create_api_client --agency "Northtown Police" --agency-type police '
        '--name "Police records system". Revoke one with --revoke NAME.'
    )

    def add_arguments(self, parser):
        parser.add_argument("--agency", help="the agency the system belongs to (created if new)")
        parser.add_argument(
            "--agency-type", choices=AgencyType.values,
            help="the agency's type (needed when the agency is new; checked when it exists)",
        )
        parser.add_argument("--name", help="a name for the system, e.g. 'Police records system'")
        parser.add_argument("--revoke", metavar="NAME", help="revoke the active API client with this name")

    def handle(self, *args, agency, agency_type, name, revoke, **options):
        call_command("migrate", verbosity=0, interactive=False)
        if revoke:
            if agency or name:
                raise CommandError("--revoke takes only the client's name.")
            self._revoke(revoke)
            return
        if not agency or not name:
            raise CommandError("Give --agency and --name (or --revoke NAME).")
        try:
            client, token = issue_api_client(agency_name=agency, agency_type=agency_type, name=name)
        except RefusedError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Created API client {client.name!r} for {client.user.agency.name} "
            f"(acting as user {client.user.username})."
        )
        self.stdout.write("Its token is shown only now; keep it in the system's secret store:")
        self.stdout.write(token)

    def _revoke(self, name: str) -> None:
        try:
            client = revoke_api_client(name)
        except RefusedError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Revoked API client {client.name!r}; its token no longer works.")
