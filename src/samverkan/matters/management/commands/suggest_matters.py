"""Suggest open matters for agenda items (e.g. after an import); nothing is linked."""

from django.core.management.base import BaseCommand

from samverkan.matters.services import suggest_matters


class Command(BaseCommand):
    help = "Föreslå ärenden för punkter efter likhet; sekretariatet bekräftar eller avvisar varje förslag."

    def handle(self, *args, **options):
        created = suggest_matters()
        for link in created:
            self.stdout.write(f"{link.matter}: {link.item.meeting} punkt {link.item.full_number} "
                              f"”{link.item.title}” ({link.score:.2f})")
        self.stdout.write(f"{len(created)} nya förslag.")
