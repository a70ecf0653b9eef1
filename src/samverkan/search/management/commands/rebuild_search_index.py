from django.core.management.base import BaseCommand

from samverkan.search.services import rebuild_index


class Command(BaseCommand):
    help = "Bygger om sökindexet för alla möten."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(self.style.SUCCESS(f"Sökindexet är ombyggt: {count} punkter indexerade."))
