"""`samverkan export_earchive --body SLUG --from 2021-01-01 --to 2021-12-31 OUT.zip`: an e-archive package."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.core.archiving import ArchiveSelection
from samverkan.core.errors import UserError
from samverkan.directory.models import Body
from samverkan.earchive.package import build_package
from samverkan.earchive.services import check_period


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"”{value}” är inget datum (ÅÅÅÅ-MM-DD).") from None


class Command(BaseCommand):
    help = ("Skriver ett organs möteshandlingar för en period som e-arkivpaket (E-ARK CSIP/SIP 2.1, "
            "FGS Paketstruktur 2.0) i en ZIP-fil.")

    def add_arguments(self, parser):
        parser.add_argument("--body", required=True, help="organets slug (adressnamn), t.ex. lchnv")
        parser.add_argument("--from", dest="start", required=True, help="första dagen, ÅÅÅÅ-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="sista dagen, ÅÅÅÅ-MM-DD")
        parser.add_argument("--include-non-public", action="store_true",
                            help="ta med bilagor som inte är offentliga (märks i paketet)")
        parser.add_argument("out", help="ZIP-filen som skrivs")

    def handle(self, *args, body, start, end, include_non_public, out, **options):
        found = Body.objects.filter(slug=body).first()
        if found is None:
            raise CommandError(f"Det finns inget organ med slug ”{body}”.")
        try:
            first, last = check_period(_date(start), _date(end))
        except UserError as error:
            raise CommandError(error.message) from None
        summary = build_package(ArchiveSelection(found.pk, first, last, include_non_public), Path(out),
                                exported_by="samverkan export_earchive")
        self.stdout.write(self.style.SUCCESS(
            f"E-arkivpaketet är skrivet till {out}: {summary.meetings} möten, {summary.documents} filer, "
            f"{summary.size} byte, SHA-256 {summary.sha256}."))
