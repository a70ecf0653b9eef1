"""`samverkan validate_earchive PACKAGE.zip`: eark-validator (E-ARK SIP 2.1.0) on a package, offline."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.earchive.validation import KNOWN_FALSE_POSITIVE, validate_package


class Command(BaseCommand):
    help = ("Validerar ett e-arkivpaket med eark-validator (E-ARK SIP 2.1.0) utan nätverk. Med --as-published "
            "körs validatorns regel SIP14 som den är (den ger alltid ett fel, se samverkan/earchive/validation.py).")

    def add_arguments(self, parser):
        parser.add_argument("package", help="ZIP-filen (eller paketets mapp)")
        parser.add_argument("--as-published", action="store_true",
                            help="validatorns egen SIP14, inte som E-ARK SIP 2.1 anger den")

    def handle(self, *args, package, as_published, **options):
        path = Path(package)
        if not path.exists():
            raise CommandError(f"{package} finns inte.")
        try:
            result = validate_package(path, corrected_sip14=not as_published)
        except ImportError:
            raise CommandError("eark-validator är inte installerat (pip install eark-validator==1.1.3).") from None
        for finding in result.findings:
            if finding.severity != "Info" or options["verbosity"] > 1:
                self.stdout.write(str(finding))
        rule = "validatorns egen" if as_published else "som E-ARK SIP 2.1 anger den"
        self.stdout.write(f"Struktur: {result.structure_status}, schema: {result.schema_status}, "
                          f"Schematron: {result.schematron_status} (SIP14 {rule}). "
                          f"Fel: {len(result.errors)}, varningar: "
                          f"{sum(f.severity == 'Warn' for f in result.findings)}.")
        if not result.valid:
            known = as_published and [f.rule for f in result.errors] == [KNOWN_FALSE_POSITIVE]
            raise CommandError("Paketet har bara validatorns kända fel SIP14." if known else "Paketet är inte giltigt.")
