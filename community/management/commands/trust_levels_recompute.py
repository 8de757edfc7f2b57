"""Nightly: bring everyone's earned trust level up to date (time since joining counts too)."""

from django.core.management.base import BaseCommand

from community.services.trust import trust_levels_recompute_all


class Command(BaseCommand):
    help = "Recompute every person's earned trust level; levels set by hand are left alone."

    def handle(self, *args, **options) -> None:
        changed = trust_levels_recompute_all()
        self.stdout.write(f"Changed {changed} trust level{'s' if changed != 1 else ''}.")
