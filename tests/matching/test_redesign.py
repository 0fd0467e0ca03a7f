"""Job redesign: carving a job out of tasks of existing functions."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from employers import redesign
from employers.models import FunctiecreatieConversation, Function, FunctionTask, Job
from tests.factories.accounts import TeamFactory, UserFactory
from tests.factories.employers import EmployerFactory, EmployerLocationFactory, FunctionFactory, FunctionTaskFactory
from wsp_platform.audit.services import Actor
from wsp_platform.core.models import Skill

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer():
    return EmployerFactory()


@pytest.fixture
def two_functions(employer):
    nurse = FunctionFactory(employer=employer, name="Verpleegkundige")
    cook = FunctionFactory(employer=employer, name="Kok")
    linen = Skill.objects.create(name="Linnen vouwen")
    t1 = FunctionTaskFactory(function=nurse, description="Bedden opmaken", hours_per_week=Decimal("4.5"),
                             physical_load=2, quiet_spot_possible=True)
    t1.capabilities.add(linen)
    t2 = FunctionTaskFactory(function=nurse, description="Linnenkar vullen", hours_per_week=Decimal("2"),
                             quiet_spot_possible=True)
    FunctionTaskFactory(function=nurse, description="Medicatie delen", hours_per_week=Decimal("10"))
    t4 = FunctionTaskFactory(function=cook, description="Groente snijden", hours_per_week=Decimal("6"), stimuli=3,
                             quiet_spot_possible=False)
    FunctionTaskFactory(function=cook, description="Menu samenstellen", hours_per_week=Decimal("8"))
    return nurse, cook, [t1, t2, t4]


def test_carving_from_two_functions_gives_the_right_hours(employer, two_functions):
    nurse, cook, tasks = two_functions
    summary = redesign.carve_summary(redesign.tasks_for_carving(employer, [t.pk for t in tasks]))
    freed = {s.function.name: (s.hours_freed, s.function_hours, s.hours_left) for s in summary.per_function}
    assert freed == {
        "Verpleegkundige": (Decimal("6.5"), Decimal("16.5"), Decimal("10.0")),
        "Kok": (Decimal("6"), Decimal("14"), Decimal("8")),
    }
    assert summary.total_hours == Decimal("12.5")
    assert [s.name for s in summary.capabilities] == ["Linnen vouwen"]
    assert summary.max_loads == {"fysiek": 2, "mentaal": 1, "werktempo": 1, "prikkels": 3}
    assert summary.all_quiet is False

    conversation = FunctiecreatieConversation.objects.create(
        employer=employer, held_on=datetime.date(2026, 11, 1), staffing_problem="Tekort aan verpleegkundigen"
    )
    location = EmployerLocationFactory(employer=employer)
    job = redesign.carve_job(
        employer, actor=Actor.system(), task_ids=[t.pk for t in tasks], title="Zorgassistent facilitair",
        creation_method="jobcarving", is_generic=False, hourly_wage=Decimal("14.71"), location=location,
        functiecreatie=conversation,
    )
    job.refresh_from_db()
    assert job.kind == "gecreeerd" and job.creation_method == "jobcarving" and job.is_generic is False
    assert job.hours_per_week == Decimal("12.5")
    assert job.functiecreatie == conversation and job.sector == employer.sector
    assert set(job.source_tasks.all()) == set(tasks)
    copies = {t.description: t for t in job.tasks.all()}
    assert set(copies) == {"Bedden opmaken", "Linnenkar vullen", "Groente snijden"}
    assert copies["Bedden opmaken"].source_task == tasks[0]
    assert copies["Bedden opmaken"].physical_load == 2 and copies["Groente snijden"].stimuli == 3
    assert [s.name for s in copies["Bedden opmaken"].capabilities.all()] == ["Linnen vouwen"]


def test_carving_refuses_other_employers_tasks_and_bad_input(employer, two_functions):
    other_task = FunctionTaskFactory()  # another employer's function
    with pytest.raises(ValidationError) as exc:
        redesign.carve_job(employer, actor=Actor.system(), task_ids=[other_task.pk], title="X",
                           creation_method="jobcarving", is_generic=True, hourly_wage=Decimal("14"))
    assert "tasks" in exc.value.message_dict
    _, _, tasks = two_functions
    with pytest.raises(ValidationError) as exc:
        redesign.carve_job(employer, actor=Actor.system(), task_ids=[tasks[0].pk], title="X",
                           creation_method="werkaanpassing", is_generic=True, hourly_wage=Decimal("14"))
    assert "creation_method" in exc.value.message_dict
    assert not Job.objects.exists()


def test_workspace_records_functions_tasks_conversation_and_carves(client, employer):
    team = TeamFactory(region=employer.region)
    user = UserFactory(team=team)
    client.force_login(user)
    url = reverse("employers:redesign", args=[employer.uuid])
    assert client.get(url).status_code == 200
    detail = client.get(reverse("employers:detail", args=[employer.uuid])).content.decode()
    assert url in detail

    assert client.post(url, {"action": "function", "functie-name": "Magazijnmedewerker",
                             "functie-fte_count": "3"}).status_code == 302
    function = Function.objects.get(employer=employer)
    skill = Skill.objects.create(name="Scannen")
    response = client.post(url, {
        "action": "task", "taak-function": function.pk, "taak-description": "Retouren sorteren",
        "taak-hours_per_week": "7.5", "taak-complexity": "1", "taak-physical_load": "2", "taak-mental_load": "1",
        "taak-pace": "1", "taak-stimuli": "1", "taak-capabilities": [skill.pk],
    })
    assert response.status_code == 302
    task = FunctionTask.objects.get(function=function)
    assert list(task.capabilities.all()) == [skill]
    response = client.post(url, {"action": "conversation", "gesprek-held_on": "2026-11-20",
                                 "gesprek-staffing_problem": "Veel overwerk in het magazijn"})
    assert response.status_code == 302
    conversation = FunctiecreatieConversation.objects.get(employer=employer)

    html = client.get(url, {"taak": [task.pk]}).content.decode()
    assert "7,5 uur per week" in html and "Scannen" in html

    response = client.post(url, {
        "action": "carve", "baan-tasks": [task.pk], "baan-title": "Retourmedewerker",
        "baan-creation_method": "functiecreatie", "baan-is_generic": "on", "baan-hourly_wage": "14.71",
        "baan-functiecreatie": conversation.pk,
    })
    job = Job.objects.get(title="Retourmedewerker")
    assert response.status_code == 302 and response["Location"] == reverse("employers:job_detail", args=[job.uuid])
    assert job.hours_per_week == Decimal("7.5") and job.functiecreatie == conversation and job.is_generic

    # A bad carve (no method) gets the page back with the error.
    response = client.post(url, {"action": "carve", "baan-tasks": [task.pk], "baan-title": "X",
                                 "baan-hourly_wage": "14"})
    assert response.status_code == 400
    assert "Methode" in response.content.decode()
