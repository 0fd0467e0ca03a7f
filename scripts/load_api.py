#!/usr/bin/env python
"""Load test of the REST API on loopback: requests/s and latency percentiles for

  * GET /api/v1/candidates?pageSize=50&page=N   (the candidate list, a page of 50)
  * GET /api/v1/placements/{uuid}               (placement detail)

at 50 concurrent clients (one asyncio loop, HTTP/1.1 by hand, stdlib only) against
gunicorn with 2 workers, with 100 000 candidates seeded, with the API response cache
(wsp_platform.api.cache, on Redis) warm, or with ``--no-cache`` without it.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsp_api .venv/bin/python scripts/load_api.py

Seeds with ``manage.py seed_demo`` when that command exists and gives enough
candidates, else bulk-inserts minimal rows itself (only when the database holds
fewer than --candidates). Options: --candidates, --concurrency, --seconds, --workers,
--worker-class, --no-cache, --write-every. Redis: REDIS_URL, else redis://127.0.0.1:6379/0.
"""

import argparse
import asyncio
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsp_platform.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wsp_api")


def ensure_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg2

    name = url.rsplit("/", 1)[1]
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def seed(target: int) -> tuple[str, list[str]]:
    import django

    django.setup()
    from django.core.management import call_command, get_commands

    call_command("migrate", "--noinput", verbosity=0)
    from candidates.models import Candidate
    from placements.models import Placement
    from wsp_platform.accounts.models import ApiClient, ApiScope, Municipality

    if Candidate.objects.count() < target and "seed_demo" in get_commands():
        print("seeding with manage.py seed_demo ...", flush=True)
        try:
            call_command("seed_demo", "--scale", str(max(1, target // 200)))  # scale 1 = 200 candidates
        except Exception as exc:  # noqa: BLE001 - fall back to the minimal seed below
            print(f"seed_demo failed ({exc}); using the minimal seed", flush=True)
    if Candidate.objects.count() < target:
        _bulk_seed(target - Candidate.objects.count())
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Planner statistics and the visibility map (index-only COUNT) for the fresh tables, as
            # autovacuum would give a long-running database.
            cursor.execute("VACUUM ANALYZE")
    # The client belongs to the municipality with the most candidates.
    from django.db.models import Count

    municipality = Municipality.objects.annotate(n=Count("candidates")).order_by("-n").first()
    client = ApiClient(name=f"loadtest-{int(time.time())}", municipality=municipality, scopes=list(ApiScope.values))
    token = client.set_new_token()
    client.save()
    placements = list(
        Placement.objects.filter(candidate__municipality=municipality).values_list("uuid", flat=True)[:2000]
    )
    count = Candidate.objects.filter(municipality=municipality).count()
    print(f"{Candidate.objects.count()} candidates ({count} in {municipality.cbs_code}), "
          f"{len(placements)} placements of that municipality sampled", flush=True)
    return token, [str(p) for p in placements]


def _bulk_seed(missing: int) -> None:
    import datetime
    from decimal import Decimal

    from django.db import transaction

    from candidates.models import Candidate
    from employers.models import Employer, Job
    from placements.models import Placement
    from wsp_platform.accounts.models import Municipality, Region, Team
    from wsp_platform.core import crypto
    from wsp_platform.core.validators import is_valid_bsn

    print(f"bulk-inserting {missing} candidates ...", flush=True)
    region, _ = Region.objects.get_or_create(name="Regio Load")
    municipality, _ = Municipality.objects.get_or_create(cbs_code="GM0999",
                                                         defaults={"name": "Loadstad", "region": region})
    team, _ = Team.objects.get_or_create(name="Team Load", region=region)
    employer, _ = Employer.objects.get_or_create(kvk_number="99999999", defaults={
        "name": "Load BV", "sector": "zorg", "size_class": "lt250", "region": region})
    job, _ = Job.objects.get_or_create(employer=employer, title="Medewerker", defaults={
        "sector": "zorg", "hours_per_week": Decimal("24"), "hourly_wage": Decimal("15.00")})
    start = 300000000 + Candidate.objects.count() * 20
    first_names = ["Anna", "Bram", "Cem", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Ilse", "Joris"]
    last_names = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos"]
    taken = set(Candidate.objects.values_list("bsn_hash", flat=True))  # seed_demo's BSNs
    batch, made, value = [], 0, start
    fernet_token = crypto.encrypt("000000000")  # the same ciphertext for speed: load rows only
    with transaction.atomic():
        while made < missing:
            value += 1
            if not is_valid_bsn(str(value)):
                continue
            bsn = str(value)
            if crypto.keyed_hash(bsn) in taken:
                continue
            batch.append(Candidate(
                bsn_encrypted=fernet_token, bsn_hash=crypto.keyed_hash(bsn), bsn_last4=bsn[-4:],
                first_name=random.choice(first_names), last_name=f"{random.choice(last_names)} {made}",
                birth_date=datetime.date(1980 + made % 25, 1 + made % 12, 1 + made % 28),
                postcode="3511 AB", city="Loadstad", municipality=municipality, team=team,
                status=random.choice(["bemiddelbaar", "in_traject", "geplaatst"]),
                hours_available_per_week=8 + made % 32,
            ))
            made += 1
            if len(batch) == 5000:
                Candidate.objects.bulk_create(batch)
                batch = []
        if batch:
            Candidate.objects.bulk_create(batch)
        candidates = list(Candidate.objects.filter(municipality=municipality).values_list("pk", flat=True)[:5000])
        Placement.objects.bulk_create(
            Placement(candidate_id=pk, job=job, employer=employer, origin="netwerk", status="in_dienst",
                      start_date=datetime.date(2025, 1, 1), hours_per_week=Decimal("24"))
            for pk in candidates
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch_each(port: int, token: str, paths) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for path in paths:
        conn.request("GET", path, headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
        response = conn.getresponse()
        response.read()
        assert response.status == 200, (path, response.status)
    conn.close()


class Writer(threading.Thread):
    """Changes one candidate through the API every ``every`` seconds (GET for the ETag, then
    PATCH with If-Match), as a case system that writes while others read. Each write moves
    the response cache's data version, so every page has to be rendered again."""

    def __init__(self, port: int, token: str, every: float):
        super().__init__(daemon=True)
        self.port, self.every, self.writes = port, every, 0
        self.headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        self.stop = threading.Event()

    def _call(self, conn, method, path, body=None, extra=None):
        headers = {**self.headers, **(extra or {})}
        if body is not None:
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response, response.read()

    def run(self):
        import json

        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        _, body = self._call(conn, "GET", "/api/v1/candidates?pageSize=1")
        path = f"/api/v1/candidates/{json.loads(body)['results'][0]['uuid']}"
        while not self.stop.wait(self.every):
            response, _ = self._call(conn, "GET", path)
            etag = response.getheader("ETag")
            city = json.dumps({"city": random.choice(["Utrecht", "Houten", "Zeist", "Vianen"])})
            response, _ = self._call(conn, "PATCH", path, city, {"If-Match": etag})
            assert response.status == 200, response.status
            self.writes += 1


async def _client(port: int, request_head: str, paths, deadline: float, latencies: list, errors: list) -> None:
    """One client: a request, wait for the whole answer, the next request (no pause).
    HTTP/1.1 by hand on asyncio streams; reconnects when the server closes (gunicorn's
    sync workers close after every answer)."""
    reader = writer = None
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(request_head.format(path=paths()).encode())
            status = await reader.readline()
            length, close = 0, False
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"connection":
                    close = value.strip().lower() == b"close"
            await reader.readexactly(length)
            ok = status.split(b" ", 2)[1:2] == [b"200"]
        except (OSError, ValueError, asyncio.IncompleteReadError):
            ok, close = False, True
        if close and writer is not None:
            writer.close()
            reader = writer = None
        if ok:
            latencies.append(time.perf_counter() - started)
        else:
            errors[0] += 1
    if writer is not None:
        writer.close()


def run_load(port: int, token: str, paths, concurrency: int, seconds: float) -> dict:
    """``concurrency`` clients that never pause, for ``seconds``, in one asyncio loop (lighter
    on the shared two cores than a thread per client, so the server gets the CPU)."""
    latencies: list[float] = []
    errors = [0]
    request_head = (
        "GET {path} HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        f"Authorization: Bearer {token}\r\nAccept: application/json\r\n\r\n"
    )

    async def all_clients():
        deadline = time.perf_counter() + seconds
        await asyncio.gather(*(
            _client(port, request_head, paths, deadline, latencies, errors) for _ in range(concurrency)
        ))

    began = time.perf_counter()
    asyncio.run(all_clients())
    took = time.perf_counter() - began
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000 if latencies else float("nan")

    return {
        "requests": len(latencies), "errors": errors[0], "rps": len(latencies) / took,
        "p50": pct(0.50), "p95": pct(0.95), "p99": pct(0.99),
        "mean": statistics.fmean(latencies) * 1000 if latencies else float("nan"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class (sync, gthread)")
    parser.add_argument("--write-every", type=float, default=0,
                        help="seconds between writes by one extra client while the others read (0: no writes)")
    parser.add_argument("--no-cache", action="store_true",
                        help="switch the API response cache off (WSP_API_CACHE=0): every request renders")
    args = parser.parse_args()

    ensure_database(os.environ["DATABASE_URL"])
    token, placements = seed(args.candidates)
    port = free_port()
    env = dict(os.environ, DEBUG="0", ALLOWED_HOSTS="127.0.0.1", WSP_API_THROTTLE_RATE="100000000/minute",
               LOG_LEVEL="WARNING", DB_CONN_MAX_AGE="600", WSP_CACHE_KEY_PREFIX=f"wsp-load-{port}",
               WSP_API_CACHE="0" if args.no_cache else "1")
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "wsp_platform.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--worker-class", args.worker_class, "--log-level", "warning",
         "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env,
    )
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        pages = 100

        def list_path():
            return f"/api/v1/candidates?pageSize=50&page={random.randint(1, pages)}"

        def detail_path():
            return f"/api/v1/placements/{random.choice(placements)}"

        # Warm up both workers (connections) and, with the cache on, fetch every page once.
        run_load(port, token, list_path, 4, 2)
        if not args.no_cache:
            fetch_each(port, token, [f"/api/v1/candidates?pageSize=50&page={page}" for page in range(1, pages + 1)]
                       + [f"/api/v1/placements/{uuid}" for uuid in placements])
        print(f"gunicorn {args.workers} {args.worker_class} workers, {args.concurrency} concurrent clients, "
              f"{args.seconds:.0f} s per endpoint, response cache {'off' if args.no_cache else 'on (warm)'}"
            + (f", one write every {args.write_every:g} s" if args.write_every else ""),
              flush=True)
        for name, paths in (("candidate list (page of 50)", list_path), ("placement detail", detail_path)):
            if name == "placement detail" and not placements:
                print("no placements to fetch; skipped placement detail")
                continue
            writer = Writer(port, token, args.write_every) if args.write_every else None
            if writer:
                writer.start()
            r = run_load(port, token, paths, args.concurrency, args.seconds)
            if writer:
                writer.stop.set()
                writer.join()
                name = f"{name}, {writer.writes} writes"
            print(f"{name:28s} {r['rps']:7.1f} req/s  p50 {r['p50']:6.1f} ms  p95 {r['p95']:6.1f} ms  "
                  f"p99 {r['p99']:6.1f} ms  ({r['requests']} ok, {r['errors']} errors)", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
