"""Subsidy pages: lists with filters/export and pinned query counts, the application
detail with its lifecycle buttons, forms that re-show input with Dutch errors, the
per-placement page, the template tag and the budget; staff only."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from subsidies.models import LoonwaardeAssessment, SubsidyApplication
from tests.factories.accounts import EmployerUserFactory, TeamFactory, UserFactory
from tests.factories.candidates import CandidateFactory
from tests.factories.placements import ContractFactory, EmployedPlacementFactory
from tests.factories.subsidies import GrantedLksFactory, LoonwaardeAssessmentFactory, SubsidyApplicationFactory

D = datetime.date


@pytest.fixture
def staff(client, world):
    client.force_login(world.user)
    return client


@pytest.fixture
def foreign_placement(db):
    team = TeamFactory(name="Ander team")
    owner = UserFactory(username="ander", team=team)
    return EmployedPlacementFactory(candidate=CandidateFactory(team=team, owner=owner), owner=owner)


def test_application_list_filters_exports_and_bounded_queries(staff, world, foreign_placement,
                                                              django_assert_max_num_queries):
    for i in range(12):
        SubsidyApplicationFactory(placement=world.placement, kind="jobcoach" if i % 2 else "loonkostensubsidie",
                                  status="ingediend" if i < 4 else "concept")
    SubsidyApplicationFactory(placement=foreign_placement, decision_reference="GEHEIM-1", status="ingediend")
    url = reverse("subsidies:application_list")
    with django_assert_max_num_queries(12):
        response = staff.get(url, {"status": "ingediend"})
    html = response.content.decode()
    assert response.status_code == 200 and "<strong>4</strong>" in html
    with django_assert_max_num_queries(12):
        response = staff.get(url)
    assert "<strong>12</strong>" in response.content.decode()
    export = staff.get(url, {"kind": "jobcoach", "export": "csv"})
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    lines = body.strip().splitlines()
    assert lines[0].startswith("Soort;Kandidaat;Werkgever") and len(lines) == 7
    assert "GEHEIM" not in body and world.candidate.bsn not in body


def test_assessment_list_and_export(staff, world, django_assert_max_num_queries):
    for month in range(1, 8):
        LoonwaardeAssessmentFactory(placement=world.placement, assessed_on=D(2025, month, 1), percentage=40 + month)
    with django_assert_max_num_queries(12):
        response = staff.get(reverse("subsidies:assessment_list"))
    assert response.status_code == 200 and "<strong>7</strong>" in response.content.decode()
    export = staff.get(reverse("subsidies:assessment_list"), {"export": "csv"})
    assert len(b"".join(export.streaming_content).decode("utf-8-sig").strip().splitlines()) == 8


def test_pages_are_404_for_employer_users_and_foreign_records(client, world, foreign_placement):
    app = SubsidyApplicationFactory(placement=world.placement)
    client.force_login(EmployerUserFactory(employer=world.employer))
    for url in (reverse("subsidies:application_list"), reverse("subsidies:assessment_list"),
                reverse("subsidies:application_detail", args=[app.uuid]),
                reverse("subsidies:placement", args=[world.placement.uuid]), reverse("subsidies:budget")):
        assert client.get(url).status_code == 404, url
    client.force_login(world.user)
    foreign_app = SubsidyApplicationFactory(placement=foreign_placement)
    assert client.get(reverse("subsidies:application_detail", args=[foreign_app.uuid])).status_code == 404
    assert client.get(reverse("subsidies:placement", args=[foreign_placement.uuid])).status_code == 404


def test_detail_shows_allowed_steps_and_refused_reasons(staff, world):
    app = SubsidyApplicationFactory(placement=world.placement, status="in_behandeling")
    html = staff.get(reverse("subsidies:application_detail", args=[app.uuid])).content.decode()
    assert "Naar Toegekend" in html and "Naar Afgewezen" in html
    assert "Van In behandeling naar Lopend kan niet" in html


def test_transition_post_grants_and_refused_transition_explains(staff, world):
    app = SubsidyApplicationFactory(placement=world.placement, status="in_behandeling")
    url = reverse("subsidies:application_transition", args=[app.uuid, "toegekend"])
    response = staff.post(url, {"decision_date": "2026-01-10", "decision_reference": "", "amount_granted": "100"})
    assert response.status_code == 400
    assert "Vul het kenmerk van de beschikking in." in response.content.decode()
    app.refresh_from_db()
    assert app.status == "in_behandeling"
    response = staff.post(url, {"decision_date": "2026-01-10", "decision_reference": "B-7", "amount_granted": "1234,56",
                                "period_start": "2026-01-01", "period_end": "2026-06-30"})
    assert response.status_code == 302
    app.refresh_from_db()
    assert (app.status, app.amount_granted, app.decision_reference) == ("toegekend", Decimal("1234.56"), "B-7")
    response = staff.post(reverse("subsidies:application_transition", args=[app.uuid, "ingediend"]))
    assert response.status_code == 400 and "Van Toegekend naar Ingediend kan niet" in response.content.decode()


def test_create_form_reshows_input_with_dutch_errors(staff, world):
    url = reverse("subsidies:application_create") + f"?plaatsing={world.placement.uuid}&soort=jobcoach"
    response = staff.post(url, {"period_start": "2026-02-01", "d_provider": "", "d_hours_per_week": "2",
                                "d_hours_total": "1", "d_end_date": "2026-12-31"})
    html = response.content.decode()
    assert response.status_code == 200 and "Vul &#x27;jobcoachorganisatie&#x27; in." in html
    assert 'value="2026-02-01"' in html and not SubsidyApplication.objects.exists()
    response = staff.post(url, {"period_start": "2026-02-01", "d_provider": "Coach BV", "d_hours_per_week": "2",
                                "d_hours_total": "40", "d_end_date": "2026-12-31"})
    app = SubsidyApplication.objects.get()
    assert response.status_code == 302 and app.details["provider"] == "Coach BV"
    assert app.municipality == world.municipality


def test_kind_choice_when_no_kind_given(staff, world):
    response = staff.get(reverse("subsidies:application_create"), {"plaatsing": world.placement.uuid})
    assert "Werkplekaanpassing" in response.content.decode()


def test_follow_up_form_is_prefilled(staff, world):
    app = GrantedLksFactory(placement=world.placement, period_start=D(2026, 1, 1), period_end=D(2026, 6, 30))
    html = staff.get(reverse("subsidies:application_follow_up", args=[app.uuid])).content.decode()
    assert 'value="2026-07-01"' in html and 'value="2026-12-31"' in html
    response = staff.post(reverse("subsidies:application_follow_up", args=[app.uuid]),
                          {"period_start": "2026-07-01", "period_end": "2026-12-31", "hours_per_week": "24"})
    assert response.status_code == 302
    assert SubsidyApplication.objects.get(previous=app).period_start == D(2026, 7, 1)


def test_assessment_form_records_and_refuses_fraction(staff, world):
    url = reverse("subsidies:assessment_create", args=[world.placement.uuid])
    base = {"assessed_on": "2026-01-10", "method": "uniform", "normfunctie": "Bakker", "functieloon_per_hour": "15,00",
            "taken-TOTAL_FORMS": "4", "taken-INITIAL_FORMS": "0"}
    response = staff.post(url, base | {"percentage": "55,5"})
    assert "De loonwaarde is een heel percentage" in response.content.decode()
    assert not LoonwaardeAssessment.objects.exists()
    response = staff.post(url, base | {"percentage": "55", "taken-0-description": "Deeg kneden",
                                       "taken-0-performance_percentage": "60"})
    assert response.status_code == 302
    assessment = LoonwaardeAssessment.objects.get()
    assert assessment.percentage == 55 and assessment.task_scores.get().description == "Deeg kneden"


def test_placement_page_chart_periods_and_costs(staff, world, django_assert_max_num_queries):
    ContractFactory(placement=world.placement, hourly_wage="15.00", start_date=D(2026, 1, 1), end_date=D(2026, 12, 31))
    LoonwaardeAssessmentFactory(placement=world.placement, assessed_on=D(2025, 12, 1), percentage=60)
    LoonwaardeAssessmentFactory(placement=world.placement, assessed_on=D(2026, 2, 1), percentage=55)
    GrantedLksFactory(placement=world.placement, period_start=D(2026, 1, 1), period_end=D(2026, 3, 31))
    with django_assert_max_num_queries(25):
        response = staff.get(reverse("subsidies:placement", args=[world.placement.uuid]))
    html = response.content.decode()
    assert 'id="loonwaarde-data" type="application/json"' in html and '"values": [60, 55]' in html
    assert "js/loonwaarde-chart.js" in html and "<script>" not in html
    assert "Het contract loopt door na de laatste beschikking" in html
    assert "Netto kosten" in html


def test_early_request_via_page(staff, world):
    LoonwaardeAssessmentFactory(placement=world.placement, assessed_on=D(2025, 12, 1))
    url = reverse("subsidies:early_assessment", args=[world.placement.uuid])
    response = staff.post(url, {"requested_by": "werkgever", "due_on": "2000-01-01", "reason": "x"})
    assert response.status_code == 400 and "De gewenste datum ligt in het verleden." in response.content.decode()


def test_template_tag_summary(world):
    LoonwaardeAssessmentFactory(placement=world.placement, percentage=65)
    SubsidyApplicationFactory(placement=world.placement, status="lopend", amount_granted=Decimal("1500"))
    html = Template("{% load subsidies_tags %}{% placement_subsidies placement %}").render(
        Context({"placement": world.placement}))
    assert "65%" in html and "€ 1.500,00" in html
    assert reverse("subsidies:placement", args=[world.placement.uuid]) in html


def test_budget_for_teamleider_only(client, world, django_assert_max_num_queries):
    LoonwaardeAssessmentFactory(placement=world.placement, assessed_on=D(2025, 12, 1))
    start = timezone.localdate().replace(day=1)
    for _ in range(5):
        GrantedLksFactory(placement=world.placement, amount_granted=Decimal("600"), period_start=start,
                          period_end=start + datetime.timedelta(days=90))
    SubsidyApplicationFactory(placement=world.placement, status="ingediend", period_start=start,
                              period_end=start + datetime.timedelta(days=180))
    client.force_login(world.user)
    assert client.get(reverse("subsidies:budget")).status_code == 404
    client.force_login(world.teamleider)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("subsidies:budget"))
    html = response.content.decode()
    assert response.status_code == 200 and "Amersfoort" in html and "Prognose" in html
    assert "niet berekend" not in html
