"""A real Celery worker (subprocess) against Redis and the test PostgreSQL database.

Skipped unless REDIS_URL is set and the database is PostgreSQL (CI sets both).
"""

import datetime
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from placements.models import Notification, SweepRun, Task
from placements.tasks import run_daily_sweeps
from tests.factories.placements import EmployedPlacementFactory

ROOT = Path(__file__).resolve().parents[2]
DAY = datetime.date(2026, 5, 19)

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL") or not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        reason="needs REDIS_URL and PostgreSQL",
    ),
]


def _database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class Worker:
    """``celery worker`` in its own process group, consuming one private queue."""

    def __init__(self, queue: str, tmp_path: Path, **env):
        self.queue = queue
        self.log = tmp_path / f"worker-{uuid.uuid4().hex[:6]}.log"
        self.env = {
            **os.environ,
            "DATABASE_URL": _database_url(),
            "DB_CONN_MAX_AGE": "0",
            "CELERY_VISIBILITY_TIMEOUT": "5",
            "CELERY_UNACKED_RESTORE_INTERVAL": "1",
            "CELERY_UNACKED_RESTORE_THROTTLE": "1",
            **env,
        }
        self.proc = None

    def start(self):
        celery = Path(sys.executable).with_name("celery")
        self.proc = subprocess.Popen(
            [str(celery), "-A", "wsp_platform", "worker", "-Q", self.queue, "-P", "solo", "-l", "info",
             "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"{self.queue}@%h"],
            cwd=ROOT, env=self.env, stdout=self.log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
        )
        return self

    def kill(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return self.log.read_text() if self.log.exists() else ""


@pytest.fixture
def queue():
    name = f"sweeps-test-{uuid.uuid4().hex[:8]}"
    yield name
    from wsp_platform.celery import app

    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge(name)


@pytest.fixture
def workers(tmp_path):
    started = []

    def make(queue, **env):
        worker = Worker(queue, tmp_path, **env).start()
        started.append(worker)
        return worker

    yield make
    for worker in started:
        worker.stop()


def wait_for(predicate, timeout: float, what: str, worker=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}\n" + (worker.output()[-4000:] if worker else ""))


def sweep_keys():
    return list(Task.objects.filter(kind="contract_einde").values_list("dedup_key", flat=True))


def test_worker_runs_the_daily_sweep_into_postgresql(queue, workers):
    placements = [EmployedPlacementFactory(contract_end_date=DAY + datetime.timedelta(days=42)) for _ in range(3)]
    worker = workers(queue)
    run_daily_sweeps.apply_async(kwargs={"day": DAY.isoformat()}, queue=queue)
    wait_for(lambda: SweepRun.objects.filter(run_for=DAY, status="klaar").count() >= 17, 90, "the sweep", worker)
    expected = {f"contract_einde:{p.uuid}:2026-06-30" for p in placements}
    assert set(sweep_keys()) == expected
    assert Notification.objects.filter(task__kind="contract_einde").count() == 3


def test_worker_killed_mid_sweep_then_redelivered_gives_exactly_the_expected_set(queue, workers):
    placements = [EmployedPlacementFactory(contract_end_date=DAY + datetime.timedelta(days=42)) for _ in range(30)]
    expected = {f"contract_einde:{p.uuid}:2026-06-30" for p in placements}
    slow = {"WSP_SWEEP_CHUNK_SIZE": "5", "WSP_SWEEP_CHUNK_PAUSE_SECONDS": "1"}
    first = workers(queue, **slow)
    run_daily_sweeps.apply_async(kwargs={"day": DAY.isoformat(), "rules": ["contract_einde"]}, queue=queue)
    wait_for(lambda: len(sweep_keys()) >= 5, 90, "the first chunks", first)
    first.kill()  # SIGKILL mid-sweep: the message was not acknowledged (acks_late)
    partial = len(sweep_keys())
    assert 5 <= partial < 30, "the sweep was not interrupted halfway"

    second = workers(queue, **slow)  # Redis redelivers the unacked message after the visibility timeout
    wait_for(lambda: SweepRun.objects.filter(run_for=DAY, status="klaar").exists(), 120, "redelivery", second)
    assert set(sweep_keys()) == expected  # no gaps
    assert len(sweep_keys()) == 30  # no duplicates
    assert Notification.objects.filter(task__kind="contract_einde").count() == 30
    assert SweepRun.objects.filter(run_for=DAY, status="bezig").count() == 1  # the killed run

    # Sending the sweep once more changes nothing.
    run_daily_sweeps.apply_async(kwargs={"day": DAY.isoformat(), "rules": ["contract_einde"]}, queue=queue)
    wait_for(lambda: SweepRun.objects.filter(run_for=DAY, status="klaar").count() == 2, 60, "re-run", second)
    assert len(sweep_keys()) == 30
