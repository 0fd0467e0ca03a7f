"""Services: assessments (validation, next due, signal on a lower loonwaarde, early
request) and the application lifecycle with its audit trail."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from placements.models import Signal, Task
from subsidies import services
from subsidies.models import LoonwaardeAssessment, SubsidyApplication
from subsidies.rules import TransitionRefused
from tests.factories.subsidies import JobTaskFactory, LoonwaardeRuleFactory, SubsidyApplicationFactory
from wsp_platform.audit.models import AuditEntry

D = datetime.date
TODAY = D(2026, 3, 1)


def record(world, **kwargs):
    values = {"assessed_on": D(2026, 2, 1), "method": "uniform", "percentage": 60, "normfunctie": "Bakkerij",
              "functieloon_per_hour": Decimal("15.00"), "today": TODAY}
    return services.record_assessment(world.placement, actor=world.actor, **(values | kwargs))


def test_record_assessment_sets_next_due_and_audits(world):
    assessment = record(world)
    assert assessment.next_due_on == D(2027, 2, 1)
    assert AuditEntry.objects.filter(object_uuid=assessment.uuid, action="create").count() == 1


def test_record_assessment_uses_the_municipality_rule(world):
    LoonwaardeRuleFactory(municipality=world.municipality, measurement_interval_months=6)
    assert record(world).next_due_on == D(2026, 8, 1)


def test_forfaitair_start_due_before_six_months_end(world):
    assessment = record(world, method="forfaitair", percentage=50, assessed_on=D(2026, 1, 1))
    assert assessment.next_due_on == D(2026, 6, 30)


def test_beschut_werk_due_after_three_years(world):
    world.placement.is_beschut_werk = True
    world.placement.save()
    assert record(world).next_due_on == D(2029, 2, 1)


@pytest.mark.parametrize(
    "kwargs,field,message",
    [
        ({"percentage": "60.5"}, "percentage", "heel percentage"),
        ({"percentage": 101}, "percentage", "tussen 0 en 100"),
        ({"percentage": -1}, "percentage", "tussen 0 en 100"),
        ({"percentage": "zestig"}, "percentage", "heel percentage"),
        ({"method": "forfaitair", "percentage": 40}, "percentage", "altijd 50%"),
        ({"method": "anders", "method_name": ""}, "method_name", "gevalideerde methode"),
        ({"assessed_on": D(2026, 3, 2)}, "assessed_on", "toekomst"),
        ({"normfunctie": " "}, "normfunctie", "normfunctie"),
        ({"functieloon_per_hour": "0"}, "functieloon_per_hour", "functieloon"),
    ],
)
def test_record_assessment_refuses_bad_input_in_dutch(world, kwargs, field, message):
    with pytest.raises(ValidationError) as exc:
        record(world, **kwargs)
    assert message in " ".join(exc.value.message_dict[field])
    assert not LoonwaardeAssessment.objects.exists()


def test_task_basis_is_saved_and_must_belong_to_the_job(world):
    task = JobTaskFactory(job=world.job, description="Broodjes beleggen")
    assessment = record(world, task_scores=[{"job_task": task, "performance_percentage": 70},
                                            {"description": "Afwassen", "performance_percentage": "50"}])
    assert sorted((s.description, s.performance_percentage) for s in assessment.task_scores.all()) == [
        ("Afwassen", 50), ("Broodjes beleggen", 70)]
    foreign = JobTaskFactory(description="Elders")
    with pytest.raises(ValidationError) as exc:
        record(world, task_scores=[{"job_task": foreign, "performance_percentage": 70}])
    assert "hoort niet bij de baan" in exc.value.message_dict["task_scores"][0]


def test_lower_loonwaarde_raises_signal_and_one_task_for_the_bemiddelaar(world):
    record(world, assessed_on=D(2025, 2, 1), percentage=60)
    lower = record(world, assessed_on=D(2026, 2, 1), percentage=45)
    signal = Signal.objects.get(placement=world.placement)
    assert signal.kind == "loonwaarde_gedaald"
    assert "van 60%" in signal.message and "naar 45%" in signal.message
    task = Task.objects.get(dedup_key=f"loonwaarde_gedaald:{lower.uuid}")
    assert task.assignee == world.user and task.placement == world.placement


def test_equal_or_higher_loonwaarde_raises_no_signal(world):
    record(world, assessed_on=D(2025, 2, 1), percentage=60)
    record(world, assessed_on=D(2026, 1, 1), percentage=60)
    record(world, assessed_on=D(2026, 2, 1), percentage=65)
    assert not Signal.objects.exists()


def test_early_request_moves_due_date_forward_and_creates_task(world):
    assessment = record(world)
    latest, task = services.request_early_assessment(
        world.placement, actor=world.actor, requested_by="werkgever", due_on=D(2026, 4, 1),
        reason="Taken veranderd", today=TODAY)
    latest.refresh_from_db()
    assert latest.pk == assessment.pk and latest.next_due_on == D(2026, 4, 1)
    assert latest.early_requested_by == "de werkgever"
    assert task.due_date == D(2026, 4, 1) and task.kind == "loonwaarde"
    # A later requested date does not push the due date back.
    services.request_early_assessment(world.placement, actor=world.actor, requested_by="bemiddelaar",
                                      due_on=D(2026, 9, 1), reason="Later", today=TODAY)
    latest.refresh_from_db()
    assert latest.next_due_on == D(2026, 4, 1)


def test_early_request_validates(world):
    with pytest.raises(ValidationError) as exc:
        services.request_early_assessment(world.placement, actor=world.actor, requested_by="kandidaat",
                                          due_on=D(2026, 1, 1), reason="", today=TODAY)
    assert set(exc.value.message_dict) == {"requested_by", "due_on", "reason"}


# --- applications ------------------------------------------------------------------

def lks_data(**overrides):
    return {"kind": "loonkostensubsidie", "period_start": D(2026, 1, 1), "period_end": D(2026, 6, 30),
            "hours_per_week": Decimal("24"), "details": {}} | overrides


def test_create_application_validates_per_kind(world):
    with pytest.raises(ValidationError) as exc:
        services.create_application(world.placement, actor=world.actor,
                                    data={"kind": "jobcoach", "period_start": D(2026, 1, 1), "details": {}})
    assert "details.provider" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.create_application(world.placement, actor=world.actor, data=lks_data(hours_per_week=None))
    assert "hours_per_week" in exc.value.message_dict
    application = services.create_application(world.placement, actor=world.actor, data=lks_data())
    assert application.status == "concept" and application.municipality == world.municipality


def test_full_lifecycle_writes_audit_and_history(world):
    app = services.create_application(world.placement, actor=world.actor, data=lks_data())
    services.submit_application(app, actor=world.actor, today=TODAY)
    assert app.status == "ingediend" and app.submitted_on == TODAY
    services.start_review(app, actor=world.actor)
    services.grant_application(app, actor=world.actor, decision_date=D(2026, 1, 20), decision_reference="B-1",
                               amount_granted="4000.00", today=TODAY)
    assert (app.status, app.amount_granted, app.period_end) == ("toegekend", Decimal("4000.00"), D(2026, 6, 30))
    services.activate_application(app, actor=world.actor, today=TODAY)
    services.end_application(app, actor=world.actor, reason="Periode voorbij", today=TODAY)
    assert app.status == "beeindigd" and app.end_reason == "Periode voorbij"
    transitions = AuditEntry.objects.filter(object_uuid=app.uuid, action="transition")
    assert transitions.count() == 5
    assert [c.to_status for c in app.status_changes.order_by("id")] == [
        "concept", "ingediend", "in_behandeling", "toegekend", "lopend", "beeindigd"]


def test_refused_transition_changes_nothing_and_explains(world):
    app = services.create_application(world.placement, actor=world.actor, data=lks_data())
    with pytest.raises(TransitionRefused, match="Van Concept naar Toegekend kan niet"):
        services.grant_application(app, actor=world.actor, decision_date=TODAY, decision_reference="X",
                                   amount_granted=1)
    app.refresh_from_db()
    assert app.status == "concept" and app.amount_granted is None
    assert not AuditEntry.objects.filter(object_uuid=app.uuid, action="transition").exists()


def test_refusal_needs_reason(world):
    app = SubsidyApplicationFactory(placement=world.placement, status="in_behandeling")
    with pytest.raises(TransitionRefused, match="reden van de afwijzing"):
        services.refuse_application(app, actor=world.actor, decision_date=TODAY, reason="")
    services.refuse_application(app, actor=world.actor, decision_date=TODAY, reason="Geen doelgroep")
    assert app.status == "afgewezen" and app.refusal_reason == "Geen doelgroep"


def test_submit_refused_when_kind_details_incomplete(world):
    app = SubsidyApplicationFactory(placement=world.placement, kind="jobcoach", details={"provider": "X"})
    with pytest.raises(TransitionRefused, match="niet compleet"):
        services.submit_application(app, actor=world.actor)


def test_update_only_while_concept_or_ingediend(world):
    app = SubsidyApplicationFactory(placement=world.placement, status="toegekend")
    with pytest.raises(TransitionRefused, match="kan niet meer worden gewijzigd"):
        services.update_application(app, actor=world.actor, data={"hours_per_week": Decimal("20")})


def test_prefill_follow_up_continues_the_previous_period(world):
    previous = SubsidyApplicationFactory(
        placement=world.placement, kind="jobcoach", status="lopend", period_start=D(2026, 1, 1),
        period_end=D(2026, 6, 30), amount_granted=Decimal("2400.00"),
        details={"provider": "Coach BV", "hours_per_week": "2.0", "hours_total": "52.0", "end_date": "2026-06-30"},
    )
    data = services.prefill_follow_up(previous)
    assert data["period_start"] == D(2026, 7, 1) and data["period_end"] == D(2026, 12, 31)
    assert data["details"]["provider"] == "Coach BV" and data["amount_requested"] == Decimal("2400.00")
    follow_up = services.create_follow_up(
        previous, actor=world.actor,
        data={"details": data["details"] | {"end_date": "2026-12-31"}})
    assert follow_up.previous == previous and follow_up.status == "concept"
    assert follow_up.period_start == D(2026, 7, 1) and follow_up.period_end == D(2026, 12, 31)
    odd = SubsidyApplicationFactory(placement=world.placement, kind="lkv", status="toegekend",
                                    period_start=D(2026, 1, 10), period_end=D(2026, 2, 9))
    assert services.prefill_follow_up(odd)["period_end"] == D(2026, 3, 12)  # same 31 days
    with pytest.raises(TransitionRefused, match="al een vervolgaanvraag"):
        services.create_follow_up(previous, actor=world.actor)
    assert SubsidyApplication.objects.filter(previous=previous).count() == 1
