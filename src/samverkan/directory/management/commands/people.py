"""`samverkan people --duplicates`: names that may be one person spelled two ways."""

from django.core.management.base import BaseCommand

from samverkan.directory.models import Person
from samverkan.directory.services import similar_people


class Command(BaseCommand):
    help = "Listar personer i katalogen, eller med --duplicates möjliga dubbletter att bekräfta."

    def add_arguments(self, parser):
        parser.add_argument("--duplicates", action="store_true", help="lista namn som liknar varandra")

    def handle(self, *args, duplicates=False, **options):
        if duplicates:
            pairs = similar_people()
            for pair in pairs:
                self.stdout.write(
                    f"{pair.first.name} (#{pair.first.pk})  ~  {pair.second.name} (#{pair.second.pk})"
                    f"  likhet {pair.score:.2f}"
                )
            self.stdout.write(f"{len(pairs)} möjliga dubbletter. Bekräfta dem på /personer/dubbletter/.")
            return
        for person in Person.objects.select_related("organization"):
            organization = f" ({person.organization})" if person.organization else ""
            self.stdout.write(f"{person.pk}\t{person.name}{organization}")
