from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from community.services.accounts import demo_editor_ensure


class Command(BaseCommand):
    help = "Create the demo editor account (once) and print how to sign in. Demo sites only."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--email", default="editor@commons.localhost")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo editor is only for the local demo (DEBUG on).")
        password = settings.DEMO_EDITOR_PASSWORD
        user, created = demo_editor_ensure(
            username=options["username"], email=options["email"], password=password
        )
        state = "Created" if created else "Kept"
        self.stdout.write(
            self.style.SUCCESS(
                f"{state} the demo editor. Sign in at {settings.WAGTAILADMIN_BASE_URL}/admin/ "
                f"as '{user.username}' with password '{password}'."
            )
        )
