"""The working-morning e-mail digest, the run_sweeps command and the Celery wiring."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from placements.models import DigestLog, Notification, Task
from placements.sweeps import send_digests
from placements.tasks import run_daily_sweeps, send_daily_digests
from tests.factories.accounts import UserFactory
from tests.factories.placements import EmployedPlacementFactory, TaskFactory
from wsp_platform.celery import app

pytestmark = pytest.mark.django_db
D = datetime.date
MONDAY = D(2026, 3, 9)


def at(day, hour=7):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def user():
    return UserFactory(email="sanne@wsp.example", first_name="Sanne")


def test_digest_lists_new_and_overdue_tasks_once_per_day(user):
    with time_machine.travel(at(MONDAY - datetime.timedelta(days=1), 20), tick=False):
        TaskFactory(assignee=user, title="Nieuw: bel de werkgever", due_date=MONDAY + datetime.timedelta(days=3))
    TaskFactory(assignee=user, title="Te laat: loonwaarde", due_date=MONDAY - datetime.timedelta(days=2))
    TaskFactory(assignee=user, title="Al afgerond", due_date=MONDAY - datetime.timedelta(days=2), status="afgerond")
    TaskFactory(title="Van een collega", due_date=MONDAY - datetime.timedelta(days=2))
    with time_machine.travel(at(MONDAY), tick=False):
        assert send_digests(MONDAY) == 2  # user + the colleague
        assert send_digests(MONDAY) == 0  # exactly once per user per day
        send_daily_digests.apply(kwargs={"day": MONDAY.isoformat()})
    mine = [m for m in mail.outbox if m.to == ["sanne@wsp.example"]]
    assert len(mine) == 1
    body = mine[0].body
    assert "Nieuw: bel de werkgever" in body and "Te laat: loonwaarde" in body
    assert "Al afgerond" not in body and "Van een collega" not in body
    assert "1 nieuw, 1 te laat" in mine[0].subject
    log = DigestLog.objects.get(user=user, day=MONDAY)
    assert log.sent_at and log.new_count == 1 and log.overdue_count == 1


def test_next_digest_only_shows_tasks_new_since_the_previous_one(user):
    with time_machine.travel(at(MONDAY - datetime.timedelta(days=1), 20), tick=False):
        TaskFactory(assignee=user, title="Oude taak", due_date=MONDAY + datetime.timedelta(days=10))
    with time_machine.travel(at(MONDAY), tick=False):
        send_digests(MONDAY)
    with time_machine.travel(at(MONDAY, 15), tick=False):
        TaskFactory(assignee=user, title="Middagtaak", due_date=MONDAY + datetime.timedelta(days=10))
    tuesday = MONDAY + datetime.timedelta(days=1)
    with time_machine.travel(at(tuesday), tick=False):
        assert send_digests(tuesday) == 1
    body = mail.outbox[-1].body
    assert "Middagtaak" in body and "Oude taak" not in body


def test_no_digest_at_the_weekend_or_without_tasks(user):
    TaskFactory(assignee=user, due_date=MONDAY - datetime.timedelta(days=5))
    saturday = MONDAY - datetime.timedelta(days=2)
    assert send_digests(saturday) == 0
    UserFactory(email="leeg@wsp.example")  # nothing to report
    with time_machine.travel(at(MONDAY), tick=False):
        assert send_digests(MONDAY) == 1
    assert not DigestLog.objects.filter(user__email="leeg@wsp.example").exists()


def test_digest_marks_notifications_emailed(user):
    from placements.services import create_task
    from wsp_platform.audit.services import Actor

    task, _ = create_task(title="Plan nazorg", due_date=MONDAY, assignee=user, actor=Actor.system())
    with time_machine.travel(at(MONDAY), tick=False):
        send_digests(MONDAY)
    assert Notification.objects.get(task=task).emailed_at is not None


def test_run_sweeps_command_for_a_given_day():
    placement = EmployedPlacementFactory(contract_end_date=D(2026, 6, 30))
    from io import StringIO

    out = StringIO()
    call_command("run_sweeps", "--date", "2026-05-19", "--rule", "contract_einde", stdout=out)
    assert "contract_einde" in out.getvalue() and "Totaal 1 nieuwe taken" in out.getvalue()
    assert Task.objects.filter(placement=placement, kind="contract_einde").count() == 1
    call_command("run_sweeps", "--date", "2026-05-19", stdout=StringIO())
    assert Task.objects.filter(placement=placement, kind="contract_einde").count() == 1


def test_run_sweeps_command_defaults_to_today_in_amsterdam():
    placement = EmployedPlacementFactory(contract_end_date=D(2026, 6, 30))
    from io import StringIO

    # 22:30 UTC on 18 May is already 19 May in Amsterdam.
    with time_machine.travel(datetime.datetime(2026, 5, 18, 22, 30, tzinfo=datetime.UTC), tick=False):
        call_command("run_sweeps", "--rule", "contract_einde", stdout=StringIO())
    assert Task.objects.filter(placement=placement).count() == 1


@pytest.mark.parametrize("args,message", [(["--date", "19-05-2026"], "Ongeldige datum"),
                                          (["--rule", "onzin"], "Onbekende sweep")])
def test_run_sweeps_command_bad_input(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("run_sweeps", *args)


def test_celery_task_runs_the_sweep():
    placement = EmployedPlacementFactory(contract_end_date=D(2026, 6, 30))
    result = run_daily_sweeps.apply(kwargs={"day": "2026-05-19", "rules": ["contract_einde"]})
    assert result.get() == {"contract_einde": 1}
    assert Task.objects.filter(placement=placement).count() == 1


def test_celery_configuration_for_production():
    conf = app.conf
    assert conf.task_serializer == "json" and conf.accept_content == ["json"] and conf.result_serializer == "json"
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.worker_prefetch_multiplier == 1
    assert conf.timezone == "Europe/Amsterdam"
    route = app.amqp.router.route({}, "placements.tasks.run_daily_sweeps")
    assert route["queue"].name == "sweeps"
    assert app.amqp.router.route({}, "placements.tasks.send_daily_digests")["queue"].name == "default"
    for task in (run_daily_sweeps, send_daily_digests):
        assert task.acks_late and task.reject_on_worker_lost and task.time_limit and task.soft_time_limit
        assert task.autoretry_for and task.retry_backoff
    schedule = conf.beat_schedule
    assert schedule["daily-deadline-sweeps"]["task"] == run_daily_sweeps.name
    assert schedule["working-morning-digest"]["task"] == send_daily_digests.name
    visibility = conf.broker_transport_options["visibility_timeout"]
    assert visibility > run_daily_sweeps.time_limit
