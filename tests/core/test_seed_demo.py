"""manage.py seed_demo: the promised demo data set, valid, deterministic, scalable."""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command

from candidates.models import Candidate, Consent, TargetGroupStatus, WorkNeed
from employers.models import ContactPerson, Employer, Job, JobRequirement
from placements.choices import PlacementStatus
from placements.models import Contract, Placement, Task
from subsidies.models import LoonwaardeAssessment, SubsidyApplication
from wsp_platform.accounts.models import Municipality, Region, Role, User
from wsp_platform.core.management.commands.seed_demo import FLUSH_ORDER
from wsp_platform.core.validators import is_valid_bsn

TODAY = datetime.date(2026, 3, 2)
PASSWORD = "demo-wachtwoord-2026"

pytestmark = pytest.mark.django_db


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", "--today", TODAY.isoformat(), *args, stdout=out)
    return out.getvalue()


def latest_assessments_of_active_placements():
    latest = {}
    for assessment in LoonwaardeAssessment.objects.exclude(placement__status__in=["beeindigd", "doorstroom"]):
        current = latest.get(assessment.placement_id)
        if current is None or assessment.assessed_on > current.assessed_on:
            latest[assessment.placement_id] = assessment
    return list(latest.values())


def fingerprint() -> dict:
    """What a user would see of the data set, without database ids, UUIDs or ciphertexts."""
    return {
        "candidates": sorted(Candidate.objects.values_list(
            "bsn_hash", "first_name", "name_prefix", "last_name", "birth_date", "postcode", "status",
            "owner__username", "municipality__cbs_code", "hours_available_per_week",
        )),
        "employers": sorted(Employer.objects.values_list("kvk_number", "name", "sector", "account_holder__username")),
        "jobs": sorted(Job.objects.values_list("employer__kvk_number", "title", "kind", "creation_method", "status")),
        "placements": sorted(Placement.objects.values_list(
            "candidate__bsn_hash", "employer__kvk_number", "status", "start_date", "trial_end_date",
            "contract_end_date", "end_date", "end_reason",
        ), key=str),
        "assessments": sorted(LoonwaardeAssessment.objects.values_list(
            "placement__candidate__bsn_hash", "assessed_on", "percentage", "next_due_on",
        )),
        "applications": sorted(SubsidyApplication.objects.values_list(
            "placement__candidate__bsn_hash", "kind", "status", "period_start", "period_end", "amount_granted",
        ), key=str),
    }


def delete_demo_data():
    for model in reversed(FLUSH_ORDER):
        model.objects.all().delete()
    User.objects.filter(role=Role.WERKGEVER).delete()


def test_seed_demo_produces_the_promised_data_set():
    output = seed()

    assert Candidate.objects.count() == 200
    assert Employer.objects.count() == 40
    assert Job.objects.count() == 60
    assert Placement.objects.count() == 80
    # One region with its WSP, real municipalities with their CBS codes.
    region = Region.objects.get()
    assert region.name == "Midden-Utrecht" and region.wsp_name
    assert dict(Municipality.objects.values_list("cbs_code", "name")) == {
        "GM0344": "Utrecht", "GM0356": "Nieuwegein", "GM0321": "Houten", "GM0353": "IJsselstein",
    }
    # Every placement status, with the reason every closed placement needs.
    assert set(Placement.objects.values_list("status", flat=True)) == set(PlacementStatus.values)
    assert not Placement.objects.filter(status__in=["beeindigd", "doorstroom"], end_reason="").exists()
    assert Contract.objects.filter(placement__status="in_dienst").exists()
    assert Placement.objects.filter(status="proefplaatsing", trial_end_date__isnull=False).exists()
    # Carved jobs: a method, source tasks from an existing function, negotiable requirements.
    carved = Job.objects.filter(kind="gecreeerd")
    assert carved.count() >= 10
    assert {"jobcarving", "functiecreatie", "ihw", "teamcrafting", "werkaanpassing", "stapelbaan"} <= set(
        carved.values_list("creation_method", flat=True)
    )
    assert carved.filter(source_tasks__isnull=False).exists()
    assert JobRequirement.objects.filter(is_hard=True).exists()
    assert JobRequirement.objects.filter(is_hard=False).exists()
    # Loonwaarde reassessments due soon (within 8 weeks) and overdue.
    latest = latest_assessments_of_active_placements()
    assert any(TODAY <= a.next_due_on <= TODAY + datetime.timedelta(weeks=8) for a in latest)
    assert any(a.next_due_on < TODAY for a in latest)
    # Subsidy applications of several kinds and statuses.
    kinds = set(SubsidyApplication.objects.values_list("kind", flat=True))
    statuses = set(SubsidyApplication.objects.values_list("status", flat=True))
    assert {"loonkostensubsidie", "jobcoach", "werkplekaanpassing"} <= kinds and len(kinds) >= 5
    assert {"concept", "ingediend", "toegekend", "lopend", "afgewezen", "beeindigd"} <= statuses
    # Profiles, target groups, consents, contacts with champions, open tasks.
    assert TargetGroupStatus.objects.count() >= 200
    assert WorkNeed.objects.exists() and Consent.objects.exists()
    assert ContactPerson.objects.filter(is_champion=True).exists()
    assert Task.objects.filter(status="open", due_date__lt=TODAY).exists()
    assert Task.objects.filter(status="open", due_date__gte=TODAY).exists()
    # The summary names the counts and the logins.
    assert "200 kandidaten" in output and "80 plaatsingen" in output
    assert "bemiddelaar3" in output and PASSWORD in output


def test_every_seeded_bsn_is_valid_and_unique():
    seed()
    bsns = [c.bsn for c in Candidate.objects.all()]
    assert all(is_valid_bsn(b) for b in bsns)
    assert len(set(bsns)) == len(bsns) == 200


def test_seeded_rows_pass_model_validation():
    """The demo data respects every validator and constraint the forms would enforce."""
    seed()
    errors = Counter()
    first_error = {}
    for model in apps.get_models():
        if model._meta.app_label not in {"candidates", "employers", "placements", "subsidies", "accounts"}:
            continue
        for obj in model.objects.all():
            try:
                obj.full_clean(validate_unique=False)
            except ValidationError as exc:
                errors[model.__name__] += 1
                first_error.setdefault(model.__name__, exc.message_dict)
    assert not errors, first_error


def test_demo_users_and_roles():
    seed()
    users = {u.username: u for u in User.objects.all()}
    assert {"bemiddelaar", "bemiddelaar2", "bemiddelaar3", "teamleider", "beheerder", "werkgever"} <= set(users)
    for user in users.values():
        assert user.check_password(PASSWORD)
    assert all(users[f"bemiddelaar{n}"].role == Role.BEMIDDELAAR for n in ("", "2", "3"))
    assert users["teamleider"].role == Role.TEAMLEIDER
    beheerder = users["beheerder"]
    assert beheerder.role == Role.FUNCTIONEEL_BEHEERDER and beheerder.is_staff and not beheerder.is_superuser
    assert beheerder.has_perm("subsidies.change_minimumwagerate")
    assert not beheerder.has_perm("candidates.view_candidate")
    employer_user = users["werkgever"]
    assert employer_user.role == Role.WERKGEVER and employer_user.employer == Employer.objects.order_by("pk").first()
    assert employer_user.employer.placements.exists()
    # The bemiddelaar's caseload is there, in their own team.
    caseload = Candidate.objects.filter(owner=users["bemiddelaar"])
    assert caseload.count() >= 20 and not caseload.exclude(team=users["bemiddelaar"].team).exists()


def test_same_seed_gives_the_same_data_and_another_seed_does_not():
    seed("--seed", "7")
    first = fingerprint()
    delete_demo_data()
    assert not Candidate.objects.exists()

    seed("--seed", "7")
    assert fingerprint() == first

    delete_demo_data()
    seed("--seed", "8")
    assert fingerprint()["candidates"] != first["candidates"]


def test_scale_two_doubles_everything():
    output = seed("--scale", "2")
    assert Candidate.objects.count() == 400
    assert Employer.objects.count() == 80
    assert Job.objects.count() == 120
    assert Placement.objects.count() == 160
    counts = Counter(Placement.objects.values_list("status", flat=True))
    assert set(counts) == set(PlacementStatus.values)
    assert "400 kandidaten" in output


def test_if_empty_does_nothing_when_users_exist():
    User.objects.create_user("iemand", password="x-geheim-123456")
    output = seed("--if-empty")
    assert "niet opnieuw" in output
    assert not Candidate.objects.exists()
    assert not User.objects.filter(username="bemiddelaar").exists()


def test_scale_must_be_positive():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="minimaal 1"):
        seed("--scale", "0")


def test_every_task_links_to_records_its_assignee_may_open():
    """The werkvoorraad links each task to its candidate, placement and employer; in the
    demo data those links open for the person the task is assigned to (no 404s)."""
    from wsp_platform.accounts import policy

    seed()
    tasks = Task.objects.select_related("assignee").exclude(assignee=None)
    assert tasks.exists()
    for task in tasks:
        user = task.assignee
        if task.candidate_id:
            assert policy.candidates_for(user).filter(pk=task.candidate_id).exists(), task.title
        if task.placement_id:
            assert policy.placements_for(user).filter(pk=task.placement_id).exists(), task.title
        if task.employer_id:
            assert policy.employers_for(user).filter(pk=task.employer_id).exists(), task.title


def test_no_job_lists_the_same_requirement_twice():
    from django.db.models import Count

    seed()
    doubles = (JobRequirement.objects.values("job", "description").annotate(n=Count("id")).filter(n__gt=1))
    assert not doubles.exists(), list(doubles[:3])
