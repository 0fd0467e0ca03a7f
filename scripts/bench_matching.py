#!/usr/bin/env python
"""Benchmark: matching at 100 000 candidates and 5 000 jobs on PostgreSQL.

Usage:
    .venv/bin/python scripts/bench_matching.py [--candidates 100000] [--jobs 5000]
        [--queries 200] [--baseline-queries 10] [--keep]

It creates a database of its own (``wsp_bench_matching`` on the server of
``BENCH_DATABASE_URL`` or ``DATABASE_URL``, default the local PostgreSQL), migrates
it, bulk-seeds synthetic candidates (spread around Dutch towns) and jobs with
tasks, capabilities and requirements, then times

* "top 20 candidates for a job" (``placements.matching.candidates_for_job``) and
* "top 20 jobs for a candidate" (``placements.matching.jobs_for_candidate``)

over ``--queries`` random questions each, and the straightforward baseline that
loads every candidate (every job) and runs the same rule on each in Python, over
``--baseline-queries`` questions (it is slow). It prints p50/p95 and the ratio of
the p50s, and drops the database afterwards (unless ``--keep``). The database
used by the tests is never touched.
"""

import argparse
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BENCH_DB = "wsp_bench_matching"

# Rough town centres (WGS84) to spread synthetic people and workplaces around.
TOWNS = [
    (52.37, 4.90), (51.92, 4.48), (52.08, 4.30), (52.09, 5.12), (51.44, 5.48), (51.56, 5.09),
    (53.22, 6.57), (51.84, 5.86), (52.22, 6.89), (51.99, 5.91), (52.16, 5.39), (52.51, 6.09),
    (51.59, 4.78), (50.85, 5.69), (52.70, 5.75), (52.96, 5.92), (51.50, 3.61), (52.63, 4.75),
    (52.39, 4.64), (51.69, 5.30), (52.01, 4.36), (52.15, 4.49), (51.81, 4.67), (53.20, 5.80),
]
SECTORS = ["zorg", "horeca", "detailhandel", "logistiek", "schoonmaak", "groen", "industrie", "overheid"]
WORDS = ["schoonmaak", "koken", "post", "magazijn", "tuin", "dieren", "administratie", "kassa", "techniek",
         "zorg", "kinderen", "computer", "fietsen", "bakken", "planten", "sorteren", "inpakken", "verkoop"]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--candidates", type=int, default=100_000)
    p.add_argument("--jobs", type=int, default=5_000)
    p.add_argument("--queries", type=int, default=200)
    p.add_argument("--baseline-queries", type=int, default=10)
    p.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
    return p.parse_args()


def server_url() -> str:
    """The PostgreSQL server to use: BENCH_DATABASE_URL, else DATABASE_URL when it is
    PostgreSQL, else the local server. Only its host and credentials are used."""
    for name in ("BENCH_DATABASE_URL", "DATABASE_URL"):
        url = os.environ.get(name, "")
        if url.startswith("postgres"):
            return url
    return "postgres://postgres@127.0.0.1:5432/postgres"


def with_db(url: str, name: str) -> str:
    parts = urlparse(url)
    return urlunparse(parts._replace(path=f"/{name}"))


def admin_exec(url: str, sql: str):
    import psycopg2

    conn = psycopg2.connect(with_db(url, "postgres"))
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(sql)
    conn.close()


def seed(n_candidates: int, n_jobs: int, rng: random.Random):
    from candidates.models import Candidate
    from employers.models import Employer, EmployerLocation, Job, JobRequirement, JobTask
    from wsp_platform.accounts.models import Municipality, Region, Team
    from wsp_platform.core.models import Skill

    region = Region.objects.create(name="Benchregio", wsp_name="WSP Bench")
    municipality = Municipality.objects.create(cbs_code="GM9999", name="Benchgemeente", region=region)
    team = Team.objects.create(name="Benchteam", region=region)
    skills = Skill.objects.bulk_create([Skill(name=f"Vaardigheid {i:02d}") for i in range(60)])
    skill_ids = [s.pk for s in skills]

    def near_town(spread_km=12.0):
        lat, lon = rng.choice(TOWNS)
        return lat + rng.gauss(0, spread_km / 111), lon + rng.gauss(0, spread_km / 70)

    def words(k):
        return " ".join(rng.sample(WORDS, k))

    t0 = time.perf_counter()
    batch = []
    statuses = ["bemiddelbaar"] * 6 + ["verkenning", "in_traject", "geplaatst", "aanmelding"]
    for i in range(n_candidates):
        lat, lon = near_town()
        caps = [rng.choice([None, 1, 2, 3, 3]) for _ in range(4)]
        batch.append(Candidate(
            bsn_encrypted="bench", bsn_hash=f"bench-{i}", bsn_last4=f"{i % 10000:04d}",
            first_name="Bench", last_name=f"Kandidaat {i}", birth_date="1990-01-01",
            postcode="1000 AA", latitude=lat, longitude=lon, municipality=municipality, team=team,
            status=rng.choice(statuses), hours_available_per_week=rng.choice([8, 12, 16, 20, 24, 28, 32, 36]),
            travel_radius_km=rng.choice([5, 10, 10, 15, 20, 25, 30, 40]),
            capacity_physical=caps[0], capacity_mental=caps[1], capacity_pace=caps[2], capacity_stimuli=caps[3],
            needs_quiet_workplace=rng.random() < 0.15,
            wished_sectors=rng.sample(SECTORS, rng.randint(0, 3)),
            interests=words(rng.randint(0, 3)), experience=words(rng.randint(0, 2)),
            education_level=rng.randint(0, 5),
        ))
        if len(batch) == 10_000:
            Candidate.objects.bulk_create(batch)
            batch = []
    Candidate.objects.bulk_create(batch)
    through = Candidate.skills.through
    cand_ids = list(Candidate.objects.values_list("pk", flat=True))
    links = []
    for cid in cand_ids:
        for sid in rng.sample(skill_ids, rng.randint(0, 6)):
            links.append(through(candidate_id=cid, skill_id=sid))
        if len(links) >= 20_000:
            through.objects.bulk_create(links)
            links = []
    through.objects.bulk_create(links)
    print(f"  seeded {n_candidates} candidates in {time.perf_counter() - t0:.1f} s")

    t0 = time.perf_counter()
    employers = Employer.objects.bulk_create([
        Employer(name=f"Benchwerkgever {i}", kvk_number=f"{20000000 + i}", sector=rng.choice(SECTORS),
                 size_class="lt250", region=region)
        for i in range(max(1, n_jobs // 10))
    ])
    locations = []
    for e in employers:
        for k in range(2):
            lat, lon = near_town(8)
            locations.append(EmployerLocation(employer=e, name=f"Vestiging {k}", postcode="1000 AA", city="Bench",
                                              latitude=lat, longitude=lon))
    locations = EmployerLocation.objects.bulk_create(locations)
    jobs = Job.objects.bulk_create([
        Job(employer_id=loc.employer_id, location=loc, title=f"Medewerker {words(1)}", description=words(3),
            sector=rng.choice(SECTORS), hours_per_week=Decimal(rng.choice([12, 16, 20, 24, 32])),
            min_hours_per_week=rng.choice([None, Decimal(12)]), hourly_wage=Decimal("14.71"),
            education_level=rng.choice([0, 0, 1, 2, 3]))
        for loc in (rng.choice(locations) for _ in range(n_jobs))
    ])
    tasks = JobTask.objects.bulk_create([
        JobTask(job=j, description=words(2), hours_per_week=Decimal(rng.choice([2, 4, 6, 8])),
                physical_load=rng.choice([1, 1, 2, 3]), mental_load=rng.choice([1, 1, 2, 3]),
                pace=rng.choice([1, 2, 2, 3]), stimuli=rng.choice([1, 2, 3]),
                quiet_spot_possible=rng.random() < 0.5)
        for j in jobs for _ in range(rng.randint(1, 4))
    ])
    JobTask.capabilities.through.objects.bulk_create([
        JobTask.capabilities.through(jobtask_id=t.pk, skill_id=sid)
        for t in tasks for sid in rng.sample(skill_ids, rng.randint(0, 2))
    ])
    reqs = []
    for j in jobs:
        for _ in range(rng.randint(0, 3)):
            hard = rng.random() < 0.25
            sid = rng.choice(skill_ids) if rng.random() < 0.8 else None
            reqs.append(JobRequirement(job=j, description=f"Eis {sid or 'vrij'}", skill_id=sid, is_hard=hard))
    JobRequirement.objects.bulk_create(reqs)
    print(f"  seeded {n_jobs} jobs with {len(tasks)} tasks and {len(reqs)} requirements "
          f"in {time.perf_counter() - t0:.1f} s")


def jobs_for_candidate_naive(candidate, limit=20):
    """Baseline: every open job's facts loaded, the rule run on each in Python."""
    from employers.models import Job
    from placements import matching

    cf = matching.candidate_facts(candidate)
    facts = matching.job_facts_many(Job.objects.filter(status="open").values_list("pk", flat=True))
    matches = [m for m in (matching.evaluate(cf, jf) for jf in facts.values()) if not m.excluded]
    matches.sort(key=lambda m: (-m.score, m.distance_km if m.distance_km is not None else 1e9, m.job_id))
    return matches[:limit]


def timed(fn, items):
    times = []
    for item in items:
        t0 = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def pct(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * len(values) + 0.5) - 1))
    return values[k]


def report(name, fast, slow):
    p50, p95 = statistics.median(fast), pct(fast, 95)
    print(f"{name}:")
    print(f"  matching  p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   ({len(fast)} queries)")
    if not slow:
        print(f"  target p95 < 150 ms: {'OK' if p95 < 150 else 'MISSED'} (no baseline run)")
        return
    b50, b95 = statistics.median(slow), pct(slow, 95)
    print(f"  baseline  p50 {b50:8.1f} ms   p95 {b95:8.1f} ms   ({len(slow)} queries, Python loop over all)")
    print(f"  ratio (baseline p50 / matching p50): {b50 / p50:6.1f}x   target p95 < 150 ms: "
          f"{'OK' if p95 < 150 else 'MISSED'}; >= 20x: {'OK' if b50 / p50 >= 20 else 'MISSED'}")


def main():
    args = parse_args()
    url = server_url()
    admin_exec(url, f"DROP DATABASE IF EXISTS {BENCH_DB}")
    admin_exec(url, f"CREATE DATABASE {BENCH_DB}")
    os.environ["DATABASE_URL"] = with_db(url, BENCH_DB)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsp_platform.settings")
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        rng = random.Random(20261122)
        print(f"bench_matching: {args.candidates} candidates, {args.jobs} jobs (database {BENCH_DB})")
        seed(args.candidates, args.jobs, rng)
        with connection.cursor() as cur:
            cur.execute("ANALYZE")

        from candidates.models import Candidate
        from employers.models import Job
        from placements import matching

        job_ids = list(Job.objects.values_list("pk", flat=True))
        cand_ids = list(Candidate.objects.values_list("pk", flat=True))
        jobs = list(Job.objects.select_related("employer").filter(pk__in=rng.sample(job_ids, args.queries)))
        cands = list(Candidate.objects.select_related("municipality").filter(
            pk__in=rng.sample(cand_ids, args.queries)))
        # Warm up connection and caches.
        matching.candidates_for_job(jobs[0])
        matching.jobs_for_candidate(cands[0])

        found = []
        fast_c = timed(lambda j: found.append(len(matching.candidates_for_job(j, limit=20))), jobs)
        slow_c = timed(lambda j: matching.candidates_for_job_naive(j, limit=20), jobs[: args.baseline_queries])
        fast_j = timed(lambda c: matching.jobs_for_candidate(c, limit=20), cands)
        slow_j = timed(lambda c: jobs_for_candidate_naive(c, limit=20), cands[: args.baseline_queries])
        # The fast path and the baseline must agree.
        for j in jobs[:3]:
            a = [(m.candidate_id, m.score) for m in matching.candidates_for_job(j, limit=20)]
            b = [(m.candidate_id, m.score) for m in matching.candidates_for_job_naive(j, limit=20)]
            assert a == b, f"fast and baseline disagree for job {j.pk}"
        print(f"  (candidates per job found: median {statistics.median(found):.0f})")
        report("top 20 candidates for a job", fast_c, slow_c)
        report("top 20 jobs for a candidate", fast_j, slow_j)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            admin_exec(url, f"DROP DATABASE IF EXISTS {BENCH_DB}")


if __name__ == "__main__":
    main()
