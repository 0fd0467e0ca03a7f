"""Seed the dated rate tables with published values (editable in the admin afterwards).

Sources:
- WML (hourly, 21 and older, excluding holiday allowance): Rijksoverheid, "Bedragen
  minimumloon" (Wet minimumloon en minimumvakantiebijslag, art. 14; halfyearly
  indexation regelingen in the Staatscourant).
- Youth percentages: Wet minimumloon en minimumvakantiebijslag, art. 9 / Besluit
  minimumjeugdloon (percentages since 1-1-2017).
- Vergoeding werkgeverslasten: Regeling loonkostensubsidie Participatiewet,
  Stcrt. 2017-68248 (23.5% since 2018-01-01; 23% before).
- Begeleidingsvergoeding beschut werk 2021: €7 800 per year for 31 hours a week
  (Rijksoverheid, beschut werk, jaarlijks vastgesteld bedrag).
"""

import datetime
from decimal import Decimal

from django.db import migrations

WML_SOURCE = "Rijksoverheid, Bedragen minimumloon (Wet minimumloon en minimumvakantiebijslag)"
WML = [
    (datetime.date(2024, 1, 1), Decimal("13.27")),
    (datetime.date(2024, 7, 1), Decimal("13.68")),
    (datetime.date(2025, 1, 1), Decimal("14.06")),
    (datetime.date(2025, 7, 1), Decimal("14.40")),
    (datetime.date(2026, 1, 1), Decimal("14.71")),
]
YOUTH = [(20, "80"), (19, "60"), (18, "50"), (17, "39.5"), (16, "34.5"), (15, "30")]
ALLOWANCE_SOURCE = "Regeling loonkostensubsidie Participatiewet, Stcrt. 2017-68248"
ALLOWANCE = [(datetime.date(2015, 1, 1), Decimal("23.00")), (datetime.date(2018, 1, 1), Decimal("23.50"))]


def seed(apps, schema_editor):
    MinimumWageRate = apps.get_model("subsidies", "MinimumWageRate")
    YouthWagePercentage = apps.get_model("subsidies", "YouthWagePercentage")
    EmployerCostAllowanceRate = apps.get_model("subsidies", "EmployerCostAllowanceRate")
    GuidanceAllowanceRate = apps.get_model("subsidies", "GuidanceAllowanceRate")
    for effective_from, amount in WML:
        MinimumWageRate.objects.update_or_create(
            effective_from=effective_from, defaults={"hourly_amount": amount, "source": WML_SOURCE}
        )
    for age, percentage in YOUTH:
        YouthWagePercentage.objects.update_or_create(
            effective_from=datetime.date(2024, 1, 1), age=age, defaults={"percentage": Decimal(percentage)}
        )
    for effective_from, percentage in ALLOWANCE:
        source = ALLOWANCE_SOURCE if effective_from.year >= 2018 else f"Vóór 2018 (zie {ALLOWANCE_SOURCE})"
        EmployerCostAllowanceRate.objects.update_or_create(
            effective_from=effective_from, defaults={"percentage": percentage, "source": source}
        )
    GuidanceAllowanceRate.objects.update_or_create(
        effective_from=datetime.date(2021, 1, 1),
        defaults={
            "yearly_amount": Decimal("7800.00"),
            "basis_hours_per_week": Decimal("31"),
            "source": "Rijksoverheid, begeleidingsvergoeding beschut werk 2021",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("subsidies", "0002_application_history_documents")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
