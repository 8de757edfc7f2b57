from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from community.demo_content import load_community_demo
from knowledge.models import SharedService

DEMO_SIGN_INS = [
    ("a citizen", "citizen@commons.localhost"),
    ("a verified officer", "officer@northshire.gov.uk"),
    ("a community moderator", "moderator@commons.localhost"),
    ("email not confirmed yet", "unverified@commons.localhost"),
]


class Command(BaseCommand):
    help = (
        "Load the demo communities, threads, stories and brokerage listings, with their people. "
        "Demo sites only; run `load_demo` first. Safe to run again: it changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default="",
            help="Password for new demo accounts (default: the demo editor's password).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo community is only for the local demo (DEBUG on).")
        password = options["password"] or getattr(settings, "DEMO_EDITOR_PASSWORD", "")
        if not password:
            raise CommandError("Give a --password or set DEMO_EDITOR_PASSWORD.")
        if not SharedService.objects.filter(
            slug="tri-valley-revenues-and-benefits-service"
        ).exists():
            raise CommandError("Load the knowledge demo first: manage.py load_demo.")
        load_community_demo(password)
        self.stdout.write(self.style.SUCCESS("Demo community ready."))
        self.stdout.write(f"Sign in on the site at /accounts/login/ with password '{password}' as:")
        for role, email in DEMO_SIGN_INS:
            self.stdout.write(f"  {role:<28} {email}")
