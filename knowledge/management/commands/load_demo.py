from django.core.management.base import BaseCommand

from knowledge.demo.network import DEMO_SITES, load_demo_network


class Command(BaseCommand):
    help = "Load the demo network's content. Safe to run again: it changes nothing the second time."

    def handle(self, *args, **options):
        library = load_demo_network()
        self.stdout.write(self.style.SUCCESS(f"Demo network ready: home page '{library.home}'."))
        self.stdout.write("Branded front doors (with `make run`):")
        self.stdout.write("  http://127.0.0.1:8000/ (the whole network)")
        for site in DEMO_SITES:
            self.stdout.write(f"  http://{site.hostname}:8000/ ({site.site_name})")
