"""`joinedup set-posts AGENCY TEAM POSTS`: set a team's funded posts (the previous figure is kept)."""

from django.core.management.base import BaseCommand, CommandError

from joinedup.core.models import Team
from joinedup.outcomes.services import set_posts


class Command(BaseCommand):
    help = "Set the number of funded posts in a team (used to count vacancies on the service outcomes page)."

    def add_arguments(self, parser):
        parser.add_argument("agency", help="the agency's name, as in JoinedUp")
        parser.add_argument("team", help="the team's name")
        parser.add_argument("posts", type=int, help="funded posts")
        parser.add_argument("--note", default="", help="why, or from which budget")

    def handle(self, *args, agency: str, team: str, posts: int, note: str, **options):
        found = Team.objects.filter(agency__name=agency, name=team).first()
        if found is None:
            raise CommandError(f"No team {team!r} in {agency!r}.")
        if posts < 0:
            raise CommandError("Posts cannot be negative.")
        set_posts(None, found, posts, note)
        self.stdout.write(f"{team} ({agency}) has {posts} funded posts.")
