"""Mijn werkvoorraad: what needs attention today, each item linking to its record."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from employers.models import ContactMoment
from placements.models import Notification, Signal
from subsidies.models import LoonwaardeAssessment, SubsidyApplication
from tests.factories.placements import PlacementFactory, TaskFactory


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.mark.django_db
def test_home_lists_everything_that_needs_attention(staff_client, world, django_assert_max_num_queries):
    trial = world.placement
    trial.status, trial.trial_end_date = "proefplaatsing", days(5)
    trial.save()
    employed = PlacementFactory(candidate=world.other_candidate, job=world.job, owner=world.user, status="in_dienst",
                                start_date=days(-200))
    LoonwaardeAssessment.objects.create(
        placement=employed, assessed_on=days(-300), method="uniform", percentage=55, normfunctie="Schoonmaker",
        functieloon_per_hour=Decimal("14.40"), next_due_on=days(20),
    )
    SubsidyApplication.objects.create(
        placement=employed, municipality=world.municipality, kind="loonkostensubsidie", status="lopend",
        period_start=days(-150), period_end=days(30),
    )
    ContactMoment.objects.create(
        occurred_at=timezone.now() - datetime.timedelta(days=20), channel="bezoek", with_whom="werkgever",
        placement=employed, summary="Bezoek", follow_up_date=days(-6), author=world.user,
    )
    Signal.objects.create(placement=employed, kind="verzuim", message="Twee weken ziek", raised_on=days(-1),
                          raised_by_employer=True)
    task_today = TaskFactory(assignee=world.user, title="Vandaag bellen", due_date=days(0))
    TaskFactory(assignee=world.user, title="Te laat verslag", due_date=days(-4))
    TaskFactory(assignee=world.user, title="Volgende week evalueren", due_date=days(6))
    TaskFactory(assignee=world.colleague, title="Taak van collega", due_date=days(0))
    Notification.objects.create(user=world.user, message="Nieuwe taak: Vandaag bellen", task=task_today)

    with django_assert_max_num_queries(18):
        html = staff_client.get(reverse("home")).content.decode()
    placement_url = reverse("placements:detail", args=[employed.uuid])
    assert f'href="{reverse("placements:detail", args=[trial.uuid])}"' in html  # trial ending
    assert "uiterlijk " + days(20).strftime("%d-%m-%Y") + " (nu 55%)" in html  # loonwaarde due
    assert "tot en met " + days(30).strftime("%d-%m-%Y") in html  # beschikking ending
    assert "vervolg was " + days(-6).strftime("%d-%m-%Y") in html  # follow-up overdue
    assert "Verzuim" in html and placement_url in html
    assert "Vandaag bellen" in html and "Te laat verslag" in html and "Volgende week evalueren" in html
    assert "Taak van collega" not in html
    assert "Nieuwe taak: Vandaag bellen" in html
    assert "Bemiddelbaar" in html  # caseload by status
    assert "Zorggroep De Linde" in html  # my employers
    assert "Buitenregio" not in html


@pytest.mark.django_db
def test_follow_up_done_disappears(staff_client, world):
    ContactMoment.objects.create(
        occurred_at=timezone.now() - datetime.timedelta(days=20), channel="telefoon", with_whom="kandidaat",
        candidate=world.candidate, summary="Bel terug", follow_up_date=days(-6), author=world.user,
    )
    assert "vervolg was" in staff_client.get(reverse("home")).content.decode()
    ContactMoment.objects.create(occurred_at=timezone.now(), channel="telefoon", with_whom="kandidaat",
                                 candidate=world.candidate, summary="Teruggebeld", author=world.user)
    assert "vervolg was" not in staff_client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_mark_notifications_read(staff_client, world):
    Notification.objects.create(user=world.user, message="Lees mij")
    staff_client.post(reverse("notifications_read"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert "Lees mij" not in staff_client.get(reverse("home")).content.decode()


def test_home_uses_the_configured_lead_times_of_the_sweeps(staff_client, world, settings):
    """'Proefplaatsing loopt af' on the home page follows settings.WSP["LEAD_TIMES"],
    the same setting the deadline sweep uses, not a number of its own."""
    trial = world.placement
    trial.status, trial.trial_end_date = "proefplaatsing", days(20)
    trial.save()
    link = f'href="{reverse("placements:detail", args=[trial.uuid])}"'
    assert link not in staff_client.get(reverse("home")).content.decode()  # default: 14 days ahead
    settings.WSP = {**settings.WSP, "LEAD_TIMES": {**settings.WSP["LEAD_TIMES"], "trial_end": 21}}
    assert link in staff_client.get(reverse("home")).content.decode()
