"""Create an API client for a municipal system and print its token once.

    manage.py create_api_client "Zaaksysteem Utrecht" --municipality GM0344 --scopes candidates.read placements.read
    manage.py create_api_client "Dashboard regio" --municipality GM0344 --scopes all
"""

from django.core.management.base import BaseCommand, CommandError

from wsp_platform.accounts.models import ApiClient, ApiScope, Municipality


class Command(BaseCommand):
    help = "Maak een API-client aan voor een gemeente en toon het token (eenmalig)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Naam van de client (uniek).")
        parser.add_argument("--municipality", required=True, help="CBS-code van de gemeente, bijv. GM0344.")
        parser.add_argument(
            "--scopes", nargs="+", required=True,
            help=f"Scopes ({', '.join(ApiScope.values)}), komma- of spatiegescheiden; 'all' geeft alle scopes.",
        )
        parser.add_argument("--quiet", action="store_true", help="Print alleen het token.")

    def handle(self, *args, name, municipality, scopes, quiet=False, **options):
        requested = [s.strip() for item in scopes for s in item.split(",") if s.strip()]
        if "all" in requested:
            requested = list(ApiScope.values)
        unknown = sorted(set(requested) - set(ApiScope.values))
        if unknown:
            raise CommandError(f"Onbekende scopes: {', '.join(unknown)}. Kies uit: {', '.join(ApiScope.values)}.")
        gemeente = Municipality.objects.filter(cbs_code=municipality.upper()).first()
        if gemeente is None:
            raise CommandError(f"Geen gemeente met CBS-code {municipality}.")
        if ApiClient.objects.filter(name=name).exists():
            raise CommandError(f"Er is al een API-client met de naam {name!r}.")
        client = ApiClient(name=name, municipality=gemeente, scopes=sorted(set(requested)))
        token = client.set_new_token()
        client.full_clean()
        client.save()
        if quiet:
            self.stdout.write(token)
            return
        self.stdout.write(f"API-client {client.name} ({gemeente.cbs_code}) met scopes: {', '.join(client.scopes)}")
        self.stdout.write("Token (wordt niet opgeslagen en niet opnieuw getoond):")
        self.stdout.write(token)
