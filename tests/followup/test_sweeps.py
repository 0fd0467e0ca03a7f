"""Every deadline sweep: the task appears on the right day, not the day before, never twice."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from placements.choices import TaskKind, TaskStatus
from placements.models import NazorgSchedule, Notification, SweepRun, Task
from placements.services import create_task, transition_placement
from placements.sweeps import run_sweeps
from tests.factories.accounts import UserFactory
from tests.factories.candidates import CandidateFactory
from tests.factories.employers import ContactMomentFactory, ContactPersonFactory
from tests.factories.placements import ContractFactory, EmployedPlacementFactory, PlacementFactory
from tests.factories.subsidies import GrantedLksFactory, LoonwaardeAssessmentFactory, SubsidyApplicationFactory
from wsp_platform.audit.services import Actor

from .conftest import keys

pytestmark = pytest.mark.django_db
D = datetime.date


def at(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# --- Nazorg -----------------------------------------------------------------------------------

def test_nazorg_week_two_contact_appears_a_week_ahead_for_the_owner(appears_on):
    placement = EmployedPlacementFactory(start_date=D(2026, 1, 1), contract_end_date=None)
    task = appears_on("nazorg", f"nazorg:{placement.uuid}:2026-01-15", D(2026, 1, 8))
    assert task.kind == TaskKind.NAZORG
    assert task.due_date == D(2026, 1, 15)
    assert task.assignee == placement.owner
    assert task.placement == placement and task.candidate == placement.candidate
    assert "Nazorgcontact" in task.title and "week 2" in task.title
    assert Notification.objects.filter(user=placement.owner, task=task).exists()


def test_nazorg_monthly_and_half_yearly_contacts():
    placement = EmployedPlacementFactory(start_date=D(2023, 1, 10), contract_end_date=None)
    run_sweeps(D(2026, 1, 3), ["nazorg"])  # month 36 = 10-01-2026, appears 03-01
    assert keys("nazorg") == [f"nazorg:{placement.uuid}:2026-01-10"]
    run_sweeps(D(2026, 4, 3), ["nazorg"])  # month 39 is not a contact in the stable phase
    assert len(keys("nazorg")) == 1


def test_nazorg_region_schedule_replaces_the_default(appears_on):
    placement = EmployedPlacementFactory(start_date=D(2026, 1, 1), contract_end_date=None)
    NazorgSchedule.objects.create(region=placement.employer.region, early_weeks="3")
    run_sweeps(D(2026, 1, 8), ["nazorg"])
    assert keys("nazorg") == []  # no week 1 / week 2 contact in this region
    appears_on("nazorg", f"nazorg:{placement.uuid}:2026-01-22", D(2026, 1, 15))


def test_nazorg_override_per_placement(appears_on):
    placement = EmployedPlacementFactory(start_date=D(2026, 1, 1), contract_end_date=None, nazorg_interval_days=10)
    appears_on("nazorg", f"nazorg:{placement.uuid}:2026-01-21", D(2026, 1, 14))
    assert not Task.objects.filter(dedup_key=f"nazorg:{placement.uuid}:2026-01-15").exists()


def test_nazorg_not_for_closed_placements():
    EmployedPlacementFactory(start_date=D(2026, 1, 1), status="beeindigd", end_reason="prive")
    run_sweeps(D(2026, 1, 8), ["nazorg"])
    assert keys("nazorg") == []


def test_nazorg_during_trial_counts_from_the_introduction_start(appears_on):
    placement = PlacementFactory(status="proefplaatsing", introduction_start_date=D(2026, 2, 2),
                                 trial_end_date=D(2026, 4, 1))
    appears_on("nazorg", f"nazorg:{placement.uuid}:2026-02-09", D(2026, 2, 2))


# --- Loonwaarde, forfaitaire LKS, beschikkingen ---------------------------------------------------

def test_loonwaarde_reassessment_due_in_8_weeks(appears_on):
    assessment = LoonwaardeAssessmentFactory(next_due_on=D(2027, 1, 15))
    task = appears_on("loonwaarde", f"loonwaarde:{assessment.placement.uuid}:2027-01-15", D(2026, 11, 20))
    assert task.kind == TaskKind.LOONWAARDE and "15-01-2027" in task.title


def test_loonwaarde_newer_assessment_silences_the_old_due_date():
    old = LoonwaardeAssessmentFactory(next_due_on=D(2027, 1, 15))
    LoonwaardeAssessmentFactory(placement=old.placement, assessed_on=D(2026, 10, 1), next_due_on=D(2027, 10, 1))
    run_sweeps(D(2026, 11, 20), ["loonwaarde"])
    assert keys("loonwaarde") == []


def test_loonwaarde_overdue(appears_on):
    assessment = LoonwaardeAssessmentFactory(next_due_on=D(2027, 1, 15))
    task = appears_on("loonwaarde_te_laat", f"loonwaarde_te_laat:{assessment.placement.uuid}:2027-01-15",
                      D(2027, 1, 16))
    assert "te laat" in task.title


def test_forfaitaire_lks_month_five_without_measurement(appears_on):
    placement = EmployedPlacementFactory(start_date=D(2026, 1, 1))
    GrantedLksFactory(placement=placement, is_forfaitair=True)
    task = appears_on("forfaitair_einde", f"forfaitair_einde:{placement.uuid}:2026-06-30", D(2026, 6, 1))
    assert task.kind == TaskKind.FORFAITAIR_EINDE and "30-06-2026" in task.title


def test_forfaitaire_lks_with_a_real_measurement_gets_no_task():
    placement = EmployedPlacementFactory(start_date=D(2026, 1, 1))
    GrantedLksFactory(placement=placement, is_forfaitair=True)
    LoonwaardeAssessmentFactory(placement=placement, assessed_on=D(2026, 4, 1), next_due_on=D(2027, 4, 1))
    run_sweeps(D(2026, 6, 1), ["forfaitair_einde"])
    assert keys("forfaitair_einde") == []


def test_beschikking_ending_in_6_weeks_without_follow_up(appears_on):
    application = GrantedLksFactory(period_end=D(2026, 6, 30))
    task = appears_on("beschikking_einde", f"beschikking_einde:{application.uuid}:2026-06-30", D(2026, 5, 19))
    assert task.placement == application.placement and "vervolgbeschikking" in task.title


def test_beschikking_with_follow_up_application_gets_no_task():
    application = GrantedLksFactory(period_end=D(2026, 6, 30))
    SubsidyApplicationFactory(placement=application.placement, previous=application, period_start=D(2026, 7, 1),
                              period_end=D(2026, 12, 31))
    run_sweeps(D(2026, 5, 19), ["beschikking_einde"])
    assert keys("beschikking_einde") == []


# --- Trial, contract, jobcoach ---------------------------------------------------------------

def test_trial_ending_in_2_weeks_without_decision(appears_on):
    placement = PlacementFactory(status="proefplaatsing", introduction_start_date=D(2026, 2, 1),
                                 trial_end_date=D(2026, 3, 20))
    task = appears_on("proefplaatsing_einde", f"proefplaatsing_einde:{placement.uuid}:2026-03-20", D(2026, 3, 6))
    assert task.due_date == D(2026, 3, 6)


def test_trial_with_decision_or_task_from_the_pipeline_is_not_doubled():
    decided = PlacementFactory(status="proefplaatsing", trial_end_date=D(2026, 3, 20), trial_decision="In dienst")
    planned = PlacementFactory(status="proefplaatsing", trial_end_date=D(2026, 3, 20))
    # The pipeline move (services.move_placement) already made the task with the same key.
    create_task(title="Besluit", due_date=D(2026, 3, 6), actor=Actor.system(), placement=planned,
                kind=TaskKind.PROEFPLAATSING_EINDE, dedup_key=f"proefplaatsing_einde:{planned.uuid}:2026-03-20")
    run_sweeps(D(2026, 3, 6), ["proefplaatsing_einde"])
    assert keys("proefplaatsing_einde") == [f"proefplaatsing_einde:{planned.uuid}:2026-03-20"]
    assert not Task.objects.filter(placement=decided).exists()


def test_contract_ending_in_6_weeks(appears_on):
    placement = EmployedPlacementFactory(contract_end_date=D(2026, 6, 30))
    appears_on("contract_einde", f"contract_einde:{placement.uuid}:2026-06-30", D(2026, 5, 19))


def test_jobcoach_budget_ending(appears_on):
    application = GrantedLksFactory(kind="jobcoach", period_end=D(2026, 6, 30))
    task = appears_on("jobcoach_budget", f"jobcoach_budget:{application.uuid}:2026-06-30", D(2026, 5, 19))
    assert task.kind == TaskKind.JOBCOACH


def test_no_jobcoach_contact_for_4_weeks_in_the_first_half_year(appears_on):
    placement = EmployedPlacementFactory(start_date=D(2026, 1, 1), jobcoach_name="Jan Coach")
    ContactMomentFactory(placement=placement, is_jobcoach_contact=True, occurred_at=at(D(2026, 2, 10)))
    ContactMomentFactory(placement=placement, is_jobcoach_contact=False, occurred_at=at(D(2026, 3, 1)))
    task = appears_on("jobcoach_contact", f"jobcoach_contact:{placement.uuid}:2026-03-10", D(2026, 3, 10))
    assert "10-02-2026" in task.title


def test_no_jobcoach_contact_since_the_start(appears_on):
    placement = EmployedPlacementFactory(start_date=D(2026, 1, 1), jobcoach_name="Jan Coach")
    appears_on("jobcoach_contact", f"jobcoach_contact:{placement.uuid}:2026-01-29", D(2026, 1, 29))


def test_jobcoach_silence_after_the_first_half_year_is_not_flagged():
    placement = EmployedPlacementFactory(start_date=D(2026, 1, 1), jobcoach_name="Jan Coach")
    ContactMomentFactory(placement=placement, is_jobcoach_contact=True, occurred_at=at(D(2026, 6, 20)))
    run_sweeps(D(2026, 7, 18), ["jobcoach_contact"])
    assert keys("jobcoach_contact") == []


def test_no_jobcoach_task_without_a_jobcoach():
    EmployedPlacementFactory(start_date=D(2026, 1, 1))
    run_sweeps(D(2026, 1, 29), ["jobcoach_contact"])
    assert keys("jobcoach_contact") == []


# --- People leave -------------------------------------------------------------------------------

def test_champion_leaving_tasks_for_account_holder_and_placement_owner(appears_on):
    placement = EmployedPlacementFactory()
    champion = ContactPersonFactory(employer=placement.employer, is_champion=True, leaving_on=D(2026, 4, 30))
    task = appears_on("kartrekker", f"kartrekker:{champion.uuid}:2026-04-30", D(2026, 4, 2))
    assert task.assignee == placement.employer.account_holder and task.employer == placement.employer
    owner_task = Task.objects.get(dedup_key=f"kartrekker:{champion.uuid}/{placement.uuid}:2026-04-30")
    assert owner_task.assignee == placement.owner


def test_champion_marked_as_left(appears_on):
    placement = EmployedPlacementFactory()
    champion = ContactPersonFactory(employer=placement.employer, is_champion=True, left_on=D(2026, 3, 10))
    appears_on("kartrekker", f"kartrekker:{champion.uuid}:2026-03-10", D(2026, 3, 10))


def test_non_champion_leaving_is_no_task():
    placement = EmployedPlacementFactory()
    ContactPersonFactory(employer=placement.employer, is_champion=False, left_on=D(2026, 3, 10))
    run_sweeps(D(2026, 3, 10), ["kartrekker"])
    assert keys("kartrekker") == []


def test_account_holder_changed(appears_on):
    placement = EmployedPlacementFactory()
    employer = placement.employer
    employer.account_holder = UserFactory()
    employer.account_holder_since = D(2026, 3, 10)
    employer.save()
    task = appears_on("accounthouder", f"accounthouder:{placement.uuid}:2026-03-10", D(2026, 3, 10))
    assert task.assignee == placement.owner and "Nieuwe accounthouder" in task.title


def test_werkbegeleider_leaving_appears_four_weeks_ahead(appears_on):
    placement = EmployedPlacementFactory(supervisor_name="Carla", supervisor_status="vertrekt",
                                         supervisor_changed_on=D(2026, 5, 1))
    task = appears_on("werkbegeleider", f"werkbegeleider:{placement.uuid}:2026-05-01", D(2026, 4, 3))
    assert task.kind == TaskKind.WERKBEGELEIDER and "vertrekt per 01-05-2026" in task.title


def test_werkbegeleider_changed(appears_on):
    placement = EmployedPlacementFactory(supervisor_name="Bram", supervisor_status="gewisseld",
                                         supervisor_changed_on=D(2026, 3, 10))
    task = appears_on("werkbegeleider", f"werkbegeleider:{placement.uuid}:2026-03-10", D(2026, 3, 10))
    assert task.due_date == D(2026, 3, 17)


# --- Candidates without contact ------------------------------------------------------------------

def test_candidate_without_contact_for_8_weeks(appears_on):
    candidate = CandidateFactory(status="in_traject")
    ContactMomentFactory(candidate=candidate, occurred_at=at(D(2026, 1, 5)))
    task = appears_on("geen_contact", f"geen_contact:{candidate.uuid}:2026-03-02", D(2026, 3, 2))
    assert task.assignee == candidate.owner and task.candidate == candidate
    assert "8 weken geen contact" in task.title


def test_contact_through_a_placement_counts(appears_on):
    placement = EmployedPlacementFactory()
    ContactMomentFactory(candidate=placement.candidate, occurred_at=at(D(2026, 1, 5)))
    ContactMomentFactory(placement=placement, occurred_at=at(D(2026, 2, 1)))
    run_sweeps(D(2026, 3, 2), ["geen_contact"])
    assert keys("geen_contact") == []
    appears_on("geen_contact", f"geen_contact:{placement.candidate.uuid}:2026-03-29", D(2026, 3, 29))


def test_new_candidate_never_contacted(appears_on):
    with time_machine.travel(at(D(2026, 1, 5), 9), tick=False):
        candidate = CandidateFactory(status="aanmelding")
    appears_on("geen_contact", f"geen_contact:{candidate.uuid}:2026-03-02", D(2026, 3, 2))


def test_closed_candidate_file_gets_no_contact_task():
    candidate = CandidateFactory(status="afgesloten")
    ContactMomentFactory(candidate=candidate, occurred_at=at(D(2026, 1, 5)))
    run_sweeps(D(2026, 3, 2), ["geen_contact"])
    assert keys("geen_contact") == []


# --- Contract chain ---------------------------------------------------------------------------------

def _chain(n: int, **placement):
    placement = EmployedPlacementFactory(**placement)
    contracts = [
        ContractFactory(placement=placement, sequence=i + 1, start_date=D(2024 + i, 1, 1), end_date=D(2024 + i, 12, 31))
        for i in range(n)
    ]
    return placement, contracts[-1]


def test_third_temporary_contract_ending_without_permanent_decision(appears_on):
    _placement, third = _chain(3, transition_plan="Vast contract wordt besproken")
    task = appears_on("ketenregeling", f"ketenregeling:{third.uuid}:2026-12-31", D(2026, 10, 1))
    assert task.kind == TaskKind.KETENREGELING and "3e tijdelijke contract" in task.title


def test_second_contract_or_a_decision_is_no_ketenregeling_task():
    _chain(2, transition_plan="x")
    _chain(3, transition_plan="x", permanent_contract_decision="Vast contract per 1-1")
    run_sweeps(D(2026, 10, 1), ["ketenregeling"])
    run_sweeps(D(2025, 10, 1), ["ketenregeling"])
    assert keys("ketenregeling") == []


def test_temporary_contract_ending_in_3_months_without_transition_plan(appears_on):
    _placement, first = _chain(1)
    appears_on("transitieplan", f"transitieplan:{first.uuid}:2024-12-31", D(2024, 10, 1))
    _with_plan, other = _chain(1, transition_plan="Doorstroom naar vast")
    assert not Task.objects.filter(dedup_key__contains=str(other.uuid)).exists()


# --- Durability and step-down ----------------------------------------------------------------------

def test_durability_checkpoints_at_6_and_12_months(appears_on):
    placement = EmployedPlacementFactory(start_date=D(2026, 1, 1))
    appears_on("duurzaamheid", f"duurzaamheid:{placement.uuid}:2026-07-01", D(2026, 6, 17))
    task = appears_on("duurzaamheid", f"duurzaamheid:{placement.uuid}:2027-01-01", D(2026, 12, 18))
    assert task.kind == TaskKind.DUURZAAMHEID and task.due_date == D(2027, 1, 1)


def test_step_down_moment_at_6_months_only_with_lks_or_jobcoach(appears_on):
    supported = EmployedPlacementFactory(start_date=D(2026, 1, 1))
    GrantedLksFactory(placement=supported, status="lopend")
    EmployedPlacementFactory(start_date=D(2026, 1, 1))  # no subsidy, no jobcoach
    appears_on("afbouw", f"afbouw:{supported.uuid}:2026-07-01", D(2026, 6, 3))
    assert len(keys("afbouw")) == 1


# --- Lead times are settings ---------------------------------------------------------------------

def test_lead_time_from_settings(settings, appears_on):
    settings.WSP = {**settings.WSP, "LEAD_TIMES": {**settings.WSP["LEAD_TIMES"], "contract_end": 70}}
    placement = EmployedPlacementFactory(contract_end_date=D(2026, 6, 30))
    appears_on("contract_einde", f"contract_einde:{placement.uuid}:2026-06-30", D(2026, 4, 21))


def test_a_missed_night_is_caught_up_but_not_forever():
    placement = EmployedPlacementFactory(contract_end_date=D(2026, 6, 30))
    run_sweeps(D(2026, 5, 27), ["contract_einde"])  # 8 days late: outside the 7-day catch-up
    assert keys("contract_einde") == []
    run_sweeps(D(2026, 5, 26), ["contract_einde"])  # 7 days late: caught up
    assert keys("contract_einde") == [f"contract_einde:{placement.uuid}:2026-06-30"]


# --- Closing, logging, the whole run --------------------------------------------------------------

def test_closing_a_placement_cancels_its_open_follow_up_tasks():
    placement = EmployedPlacementFactory(start_date=D(2026, 1, 1), contract_end_date=D(2026, 2, 10))
    run_sweeps(D(2026, 1, 8))
    open_tasks = Task.objects.filter(placement=placement, status=TaskStatus.OPEN)
    assert open_tasks.count() >= 2
    transition_placement(placement, "beeindigd", actor=Actor.system(), end_reason="prive", end_date=D(2026, 1, 9))
    assert not Task.objects.filter(placement=placement, status=TaskStatus.OPEN).exists()
    assert Task.objects.filter(placement=placement, status=TaskStatus.GEANNULEERD).count() >= 2
    run_sweeps(D(2026, 1, 9))
    assert not Task.objects.filter(placement=placement, status=TaskStatus.OPEN).exists()


def test_full_run_is_logged_and_idempotent():
    EmployedPlacementFactory(start_date=D(2026, 1, 1), contract_end_date=D(2026, 2, 19))
    first = run_sweeps(D(2026, 1, 8))
    assert first["nazorg"] == 2 and first["contract_einde"] == 1
    second = run_sweeps(D(2026, 1, 8))
    assert sum(second.values()) == 0
    assert SweepRun.objects.filter(run_for=D(2026, 1, 8), status="klaar").count() == 2 * len(first)
    assert Notification.objects.count() == Task.objects.count()


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="Onbekende sweep"):
        run_sweeps(D(2026, 1, 8), ["bestaat_niet"])


def test_sweep_queries_do_not_grow_with_placements():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(day):
        with CaptureQueriesContext(connection) as ctx:
            created = run_sweeps(day)
        return len(ctx.captured_queries), created

    for _ in range(2):
        EmployedPlacementFactory(start_date=D(2025, 1, 1), contract_end_date=D(2025, 6, 30))
    few, created = queries_for(D(2025, 5, 19))
    assert created["contract_einde"] == 2
    for i in range(30):
        EmployedPlacementFactory(start_date=D(2026, 1, 1), contract_end_date=D(2026, 6, 30) if i % 2 else D(2026, 7, 1))
    many, created = queries_for(D(2026, 5, 19))
    assert created["contract_einde"] == 15  # 01-07 is tomorrow's
    assert many == few <= 80
