import datetime

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Voer de dagelijkse deadline-sweeps uit (en optioneel het e-mailoverzicht) voor een dag."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Dag (JJJJ-MM-DD); standaard vandaag (Europe/Amsterdam).")
        parser.add_argument("--rule", action="append", dest="rules", help="Alleen deze sweep (herhaalbaar).")
        parser.add_argument("--digest", action="store_true", help="Verstuur daarna ook het e-mailoverzicht.")
        parser.add_argument("--force-digest", action="store_true", help="Ook in het weekend mailen.")

    def handle(self, *args, date=None, rules=None, digest=False, force_digest=False, **options):
        from placements.sweeps import RULES, run_sweeps, send_digests

        day = None
        if date:
            try:
                day = datetime.date.fromisoformat(date)
            except ValueError:
                raise CommandError(f"Ongeldige datum '{date}': gebruik JJJJ-MM-DD.") from None
        if rules and set(rules) - set(RULES):
            raise CommandError(f"Onbekende sweep(s): {', '.join(sorted(set(rules) - set(RULES)))}. "
                               f"Kies uit: {', '.join(RULES)}.")
        result = run_sweeps(day, rules)
        for name, created in result.items():
            self.stdout.write(f"{name:22} {created:6d} nieuwe taken")
        self.stdout.write(self.style.SUCCESS(f"Totaal {sum(result.values())} nieuwe taken."))
        if digest or force_digest:
            sent = send_digests(day, force=force_digest)
            self.stdout.write(f"{sent} e-mailoverzicht(en) verstuurd.")
