#!/usr/bin/env python
"""Benchmark: the daily deadline sweep over 1 000 000 placements in PostgreSQL.

Seeds a separate database (default ``wsp_bench``; created and migrated when missing) in
bulk with PostgreSQL COPY — minimal but realistic rows: 1M placements over 250k candidates,
most of them closed, the active ones with contracts, loonwaarde assessments, subsidy
applications and contact moments — then runs every sweep for one day and prints the wall
time, the tasks created, the queries issued and the peak memory (max RSS; ``--tracemalloc``
adds the Python heap peak, at a cost in speed).

    .venv/bin/python scripts/bench_sweeps.py                # seed once (a few minutes), then sweep
    .venv/bin/python scripts/bench_sweeps.py --placements 100000 --reseed

Three runs are timed: the first ever run (it also catches up the 7-day backlog), the same
day again (everything already exists: the idempotent path), and the next day (a normal night).
Target: each under 60 s, memory bounded (the sweeps page through results by primary key).
"""

import argparse
import datetime
import io
import json
import os
import random
import resource
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wsp_bench"


def ensure_database(url: str) -> None:
    import dj_database_url
    import psycopg2

    cfg = dj_database_url.parse(url)
    conn = psycopg2.connect(dbname="postgres", user=cfg["USER"], password=cfg["PASSWORD"] or None,
                            host=cfg["HOST"], port=cfg["PORT"] or 5432)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [cfg["NAME"]])
        if not cur.fetchone():
            cur.execute(f'CREATE DATABASE "{cfg["NAME"]}"')
            print(f"created database {cfg['NAME']}")
    conn.close()


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- COPY helpers ----------------------------------------------------------------------------

def _text(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dict | list):
        value = json.dumps(value)
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


class Copier:
    """COPY rows of ``model`` (dicts by attname); every other column gets its default."""

    def __init__(self, model, now, *, explicit_id: bool = True):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if explicit_id or not f.primary_key]
        self.columns = [f.column for f in self.fields]
        self.makers = []
        for f in self.fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.makers.append(lambda now=now: now)
            elif f.name == "uuid":
                self.makers.append(uuid.uuid4)
            elif f.has_default() and callable(f.default):
                self.makers.append(f.default)
            else:
                const = f.get_default()
                self.makers.append(lambda const=const: const)

    def copy(self, cursor, rows) -> int:
        buf = io.StringIO()
        n = 0
        for row in rows:
            pairs = zip(self.fields, self.makers, strict=True)
            buf.write("\t".join(_text(row[f.attname] if f.attname in row else make()) for f, make in pairs))
            buf.write("\n")
            n += 1
        buf.seek(0)
        cursor.copy_expert(f'COPY {self.model._meta.db_table} ({", ".join(self.columns)}) FROM STDIN', buf)
        return n


def seed(n_placements: int, n_candidates: int, day: datetime.date) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from candidates.models import Candidate
    from employers.models import ContactMoment, Employer, Job
    from placements.models import Contract, Placement
    from subsidies.models import LoonwaardeAssessment, SubsidyApplication
    from wsp_platform.accounts.models import Municipality, Region, Team, User

    rnd = random.Random(42)
    now = timezone.now()
    t0 = time.perf_counter()
    tables = [m._meta.db_table for m in (ContactMoment, LoonwaardeAssessment, SubsidyApplication, Contract, Placement,
                                          Candidate, Job, Employer)]
    with connection.cursor() as cur:
        cur.execute("TRUNCATE " + ", ".join(tables) + ", placements_task, placements_notification, "
                    "placements_sweeprun, placements_digestlog, audit_auditentry RESTART IDENTITY CASCADE")
    region, _ = Region.objects.get_or_create(name="Bench regio")
    municipality, _ = Municipality.objects.get_or_create(cbs_code="GM0344", defaults={"name": "Utrecht",
                                                                                       "region": region})
    team, _ = Team.objects.get_or_create(name="Bench team", region=region)
    users = [User.objects.get_or_create(username=f"bench{i}", defaults={"team": team, "region": region,
                                                                          "email": f"bench{i}@wsp.example"})[0]
             for i in range(50)]
    user_ids = [u.pk for u in users]
    n_employers, n_jobs = 2000, 5000
    origin_day = datetime.date(2016, 1, 1)
    span = (day - origin_day).days

    with transaction.atomic(), connection.cursor() as cur:
        Copier(Employer, now).copy(cur, (
            {"id": i, "name": f"Werkgever {i}", "kvk_number": f"{50000000 + i}", "sector": "zorg",
             "size_class": "lt250", "region_id": region.pk, "account_holder_id": user_ids[i % 50],
             "account_holder_since": day - datetime.timedelta(days=rnd.randint(0, 3000))}
            for i in range(1, n_employers + 1)))
        Copier(Job, now).copy(cur, (
            {"id": i, "employer_id": 1 + i % n_employers, "title": "Medewerker", "sector": "zorg",
             "hours_per_week": 24, "hourly_wage": "14.71"} for i in range(1, n_jobs + 1)))
        Copier(Candidate, now).copy(cur, (
            {"id": i, "bsn_encrypted": "x", "bsn_hash": f"{i:064x}", "bsn_last4": "0000", "first_name": "Kandidaat",
             "last_name": str(i), "birth_date": datetime.date(1990, 1, 1), "postcode": "3511AB",
             "municipality_id": municipality.pk, "team_id": team.pk, "owner_id": user_ids[i % 50],
             "status": rnd.choice(("geplaatst", "in_traject", "afgesloten", "afgesloten")),
             "created_at": now - datetime.timedelta(days=rnd.randint(0, span))}
            for i in range(1, n_candidates + 1)))
        print(f"  employers, jobs, {n_candidates} candidates: {time.perf_counter() - t0:.1f} s")

        active_ids = []

        def placements():
            for i in range(1, n_placements + 1):
                start = origin_day + datetime.timedelta(days=rnd.randint(0, span))
                job = 1 + i % n_jobs
                row = {"id": i, "candidate_id": 1 + i % n_candidates, "job_id": job,
                       "employer_id": 1 + job % n_employers, "owner_id": user_ids[i % 50], "origin": "netwerk",
                       "start_date": start}
                roll = rnd.random()
                if roll < 0.62:
                    end = min(day, start + datetime.timedelta(days=rnd.randint(30, 1500)))
                    row.update(status="beeindigd", end_reason="anders", end_date=end)
                elif roll < 0.67:
                    row.update(status="proefplaatsing", start_date=None, introduction_start_date=start,
                               trial_end_date=day + datetime.timedelta(days=rnd.randint(-5, 60)))
                elif roll < 0.70:
                    row.update(status="voorgesteld", start_date=None)
                else:
                    row.update(status=rnd.choice(("in_dienst", "nazorg")),
                               contract_end_date=max(start, day) + datetime.timedelta(days=rnd.randint(1, 700)),
                               jobcoach_name="Coach" if rnd.random() < 0.2 else "",
                               nazorg_interval_days=14 if rnd.random() < 0.02 else None)
                    if rnd.random() < 0.01:
                        row.update(supervisor_status="vertrekt", supervisor_name="Werkbegeleider",
                                   supervisor_changed_on=day + datetime.timedelta(days=rnd.randint(-20, 60)))
                    active_ids.append((i, row["start_date"]))
                yield row

        Copier(Placement, now).copy(cur, placements())
        print(f"  {n_placements} placements: {time.perf_counter() - t0:.1f} s ({len(active_ids)} employed)")

        def contracts():
            for pid, start in active_ids[::8]:
                chain = rnd.randint(1, 3)
                for s in range(chain):
                    begin = start + datetime.timedelta(days=365 * s)
                    yield {"placement_id": pid, "sequence": s + 1, "kind": "tijdelijk", "start_date": begin,
                           "end_date": begin + datetime.timedelta(days=364), "hours_per_week": 24,
                           "hourly_wage": "14.71"}

        def assessments():
            for pid, start in active_ids[::3]:
                assessed = max(start, day - datetime.timedelta(days=rnd.randint(1, 360)))
                yield {"placement_id": pid, "assessed_on": assessed, "method": "uniform", "percentage": 60,
                       "normfunctie": "Medewerker", "functieloon_per_hour": "14.71",
                       "next_due_on": assessed + datetime.timedelta(days=365)}

        def applications():
            for pid, start in active_ids[::3]:
                begin = max(start, day - datetime.timedelta(days=rnd.randint(0, 360)))
                yield {"placement_id": pid, "municipality_id": municipality.pk,
                       "kind": "jobcoach" if rnd.random() < 0.3 else "loonkostensubsidie", "status": "lopend",
                       "period_start": begin, "period_end": begin + datetime.timedelta(days=364),
                       "is_forfaitair": rnd.random() < 0.1}

        def moments():
            for pid, _start in active_ids:
                for _ in range(rnd.randint(0, 2)):
                    at = now - datetime.timedelta(days=rnd.randint(0, 400), minutes=rnd.randint(0, 600))
                    yield {"occurred_at": at, "channel": "telefoon", "with_whom": "kandidaat", "summary": "Contact",
                           "placement_id": pid, "candidate_id": 1 + pid % n_candidates,
                           "is_jobcoach_contact": rnd.random() < 0.3}

        counts = {m.__name__: Copier(m, now, explicit_id=False).copy(cur, gen()) for m, gen in (
            (Contract, contracts), (LoonwaardeAssessment, assessments), (SubsidyApplication, applications),
            (ContactMoment, moments))}
        for model in (Employer, Job, Candidate, Placement, Contract, LoonwaardeAssessment, SubsidyApplication,
                      ContactMoment):
            table = model._meta.db_table
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}")
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE")
    print(f"  related rows {counts}: {time.perf_counter() - t0:.1f} s")


def timed_run(day: datetime.date, use_tracemalloc: bool) -> None:
    import tracemalloc

    from django.db import connection

    from placements.models import Task
    from placements.sweeps import run_sweeps

    if use_tracemalloc:
        tracemalloc.start()
    before = Task.objects.count()
    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    t0 = time.perf_counter()
    with connection.execute_wrapper(count):
        result = run_sweeps(day)
    elapsed = time.perf_counter() - t0
    created = Task.objects.count() - before
    line = (f"sweep {day}: {elapsed:6.1f} s, {created:7d} tasks created, {queries[0]:5d} queries, "
            f"max RSS {maxrss_mb():.0f} MB")
    if use_tracemalloc:
        _cur, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        line += f", Python heap peak {peak / 2**20:.1f} MB"
    print(line)
    print("   per rule: " + ", ".join(f"{k} {v}" for k, v in result.items() if v))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--placements", type=int, default=1_000_000)
    parser.add_argument("--candidates", type=int, default=250_000)
    parser.add_argument("--date", default="2026-05-19")
    parser.add_argument("--reseed", action="store_true", help="seed again even if the data is there")
    parser.add_argument("--tracemalloc", action="store_true", help="also measure the Python heap peak (slower)")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    ensure_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsp_platform.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from placements.models import Placement

    day = datetime.date.fromisoformat(args.date)
    have = Placement.objects.count()
    if args.reseed or have != args.placements:
        print(f"seeding {args.placements} placements into {settings.DATABASES['default']['NAME']} ...")
        seed(args.placements, args.candidates, day)
    else:
        print(f"reusing {have} placements in {settings.DATABASES['default']['NAME']} (--reseed to start over)")
        from django.db import connection

        with connection.cursor() as cur:
            cur.execute("TRUNCATE placements_task, placements_notification, placements_sweeprun CASCADE")
    print(f"baseline max RSS {maxrss_mb():.0f} MB")
    timed_run(day, args.tracemalloc)  # first run: catches up the 7-day backlog
    timed_run(day, args.tracemalloc)  # same day again: nothing new (idempotent)
    timed_run(day + datetime.timedelta(days=1), args.tracemalloc)  # the next night


if __name__ == "__main__":
    main()
