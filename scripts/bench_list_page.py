#!/usr/bin/env python
"""Benchmark: server time and query count of the candidate list page at 10 000 candidates.

Usage (use a database of its own, it gets seeded):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsp_bench .venv/bin/python scripts/bench_list_page.py

It migrates, seeds with ``manage.py seed_demo --scale 50`` when that command exists
(otherwise it bulk-creates 10 000 candidates for one team), then requests the list
page as a bemiddelaar through Django's test client, in-process (no network, no
browser): the figures are the server's own time per request and its query count.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsp_platform.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command, get_commands  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

TARGET = 10_000
RUNS = 15


def bulk_seed(n: int):
    """Fallback seeding: one region, team, bemiddelaar and ``n`` candidates."""
    import datetime
    import random

    from candidates.models import Candidate
    from wsp_platform.accounts.models import Municipality, Region, Role, Team, User
    from wsp_platform.core.validators import is_valid_bsn

    region, _ = Region.objects.get_or_create(name="Benchregio")
    team, _ = Team.objects.get_or_create(name="Benchteam", region=region)
    municipality, _ = Municipality.objects.get_or_create(cbs_code="GM9999", defaults={"name": "Benchstad",
                                                                                     "region": region})
    user, created = User.objects.get_or_create(
        username="bench-bemiddelaar", defaults={"role": Role.BEMIDDELAAR, "team": team, "region": region}
    )
    if created:
        user.set_password("geheim-wachtwoord-123")
        user.save()
    rng = random.Random(42)
    first = ["Fatima", "Daan", "Lotte", "Mohamed", "Sophie", "Ruben", "Emma", "Thijs", "Noor", "Jan", "Anouk"]
    last = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "El Amrani", "Yilmaz"]
    statuses = ["aanmelding", "verkenning", "bemiddelbaar", "in_traject", "geplaatst", "wachtlijst"]
    existing = Candidate.objects.count()
    number = 200_000_000 + existing * 20
    batch = []
    for i in range(existing, n):
        while not is_valid_bsn(str(number)):
            number += 1
        c = Candidate(
            first_name=rng.choice(first), last_name=rng.choice(last), birth_date=datetime.date(1990, 1, 1),
            postcode="3511 AB", city="Benchstad", municipality=municipality, team=team,
            owner=user if i % 3 == 0 else None, status=rng.choice(statuses),
            hours_available_per_week=rng.choice([8, 16, 24, 32]), experience="Magazijn, schoonmaak",
        )
        c.bsn = str(number)
        number += 20 - (number % 10)
        batch.append(c)
        if len(batch) == 2000:
            Candidate.objects.bulk_create(batch)
            batch = []
    Candidate.objects.bulk_create(batch)
    return user


def bench_user():
    from candidates.models import Candidate
    from wsp_platform.accounts.models import User

    if Candidate.objects.count() < TARGET and "seed_demo" in get_commands():
        try:
            call_command("seed_demo", "--scale", "50")
        except Exception as exc:  # the command may still be in the making
            print(f"seed_demo --scale 50 failed ({exc}); bulk-creating instead")
    if Candidate.objects.count() < TARGET:
        bulk_seed(TARGET)
    return (
        User.objects.filter(role="bemiddelaar", team__isnull=False)
        .annotate(n=Count("team__candidates"))
        .order_by("-n")
        .first()
    )


def measure(client, url, headers=None):
    times, queries = [], []
    client.get(url, headers=headers)  # warm up caches, connections and templates
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url, headers=headers)
            elapsed = time.perf_counter() - start
        assert response.status_code == 200, (url, response.status_code)
        times.append(elapsed * 1000)
        queries.append(len(ctx.captured_queries))
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], max(queries)


def main():
    call_command("migrate", verbosity=0)
    user = bench_user()
    from wsp_platform.accounts.policy import candidates_for

    visible = candidates_for(user).count()
    client = Client()
    client.force_login(user)
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"Database: {engine}; candidates in total: {visible:,} visible to {user.username}")
    print(f"{'page':<44} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    htmx = {"HX-Request": "true", "HX-Target": "results"}
    for label, url, headers in (
        ("candidate list, page 1", "/kandidaten/", None),
        ("search 'jansen'", "/kandidaten/?q=jansen", None),
        ("filter status + sort by hours", "/kandidaten/?status=bemiddelbaar&ordering=-hours", None),
        ("last page", "/kandidaten/?page=400", None),
        ("htmx results fragment (search 'bakker')", "/kandidaten/?q=bakker", htmx),
    ):
        median, p95, queries = measure(client, url, headers)
        print(f"{label:<44} {median:>10.1f} {p95:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
