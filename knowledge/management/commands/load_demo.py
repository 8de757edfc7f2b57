from django.core.management.base import BaseCommand

from knowledge.services import home_page_ensure


class Command(BaseCommand):
    help = "Load the demo network's content. Safe to run again: it changes nothing the second time."

    def handle(self, *args, **options):
        home = home_page_ensure()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: home page '{home.title}'."))
