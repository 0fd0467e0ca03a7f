"""Every portal page renders for an employer user and shows what it should."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

RANDOM_TOKEN = re.compile(r"[A-Za-z0-9]{32,}")


def visible_html(response) -> str:
    """The page without CSRF tokens and other long random strings (they could contain anything)."""
    return RANDOM_TOKEN.sub("", response.content.decode())


def portal_pages(world):
    return [
        reverse("portal:home"),
        reverse("portal:placement", args=[world.placement.uuid]),
        reverse("portal:signal", args=[world.placement.uuid]),
        reverse("portal:subsidies"),
        reverse("portal:proposals"),
        reverse("portal:jobs"),
        reverse("portal:work_request"),
        reverse("portal:reports"),
        reverse("portal:documents"),
    ]


def test_home_shows_placements_contacts_todos_and_notice(portal_client, world_a):
    response = portal_client.get(reverse("portal:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "SanneA V." in html
    assert "Medewerker groen A" in html
    assert "In dienst / gedetacheerd" in html
    assert "Jan Jobcoach A" in html and "030-1234567" in html
    assert world_a.task.due_date.strftime("%d-%m-%Y") in html  # next planned nazorg visit
    assert world_a.private_report.occurred_at.astimezone().strftime("%d-%m-%Y") in html  # last contact
    assert "Anouk Accounthouder" in html and "030-7654321" in html and "anouk@wsp.example" in html
    assert "Victor Vervanger" in html
    since = world_a.employer.account_holder_since.strftime("%d-%m-%Y")
    assert f"Sinds {since} is Anouk Accounthouder uw nieuwe accounthouder" in html
    assert "Getekende arbeidsovereenkomst A" in html and "Loonstrook maart A" in html


def test_no_account_holder_notice_after_60_days(portal_client, world_a):
    import datetime

    world_a.employer.account_holder_since -= datetime.timedelta(days=70)
    world_a.employer.save()
    html = portal_client.get(reverse("portal:home")).content.decode()
    assert "uw nieuwe accounthouder" not in html


def test_placement_detail_shows_subsidies_cost_reports_documents(portal_client, world_a):
    html = portal_client.get(reverse("portal:placement", args=[world_a.placement.uuid])).content.decode()
    assert "Loonkostensubsidie (LKS)" in html and "Toegekend" in html
    assert "9.600,00" in html and "1.600,00" in html
    assert "Kostenoverzicht komende 12 maanden" in html
    assert "1.684,80" in html  # 15.00 × 24 h × 52 / 12 × 1.08 holiday pay: gross wage per month
    assert "Gedeeld verslag A" in html
    assert "Intern verslag A" not in html
    assert "Werkplan A" in html and "Intern dossierstuk A" not in html


def test_proposals_are_anonymous_without_consent(portal_client, world_a):
    html = portal_client.get(reverse("portal:proposals")).content.decode()
    assert "AhmedA B." in html  # consented to share the profile with this employer
    assert "LotteA" not in html  # consent withdrawn: anonymous
    assert f"Kandidaat {world_a.proposal_anonymous.uuid.hex[:6].upper()}" in html
    assert "Eén instructie tegelijk A" in html  # shareable and consented
    assert "Niet deelbare behoefte A" not in html
    assert "Behoefte ingetrokken toestemming A" not in html
    assert "Past goed bij het groenteam A" in html


def test_jobs_page_lists_vacancies_and_carved_jobs(portal_client, world_a):
    html = portal_client.get(reverse("portal:jobs")).content.decode()
    assert "Medewerker groen A" in html
    assert "Gecreëerde baan A" in html and "Jobcarving" in html


@pytest.mark.parametrize("page_index", range(9))
def test_no_protected_value_on_any_portal_page(portal_client, world_a, world_b, page_index):
    url = portal_pages(world_a)[page_index]
    response = portal_client.get(url)
    assert response.status_code == 200, url
    html = visible_html(response)
    for value in world_a.protected + world_b.protected:
        assert value not in html, f"{value!r} leaked on {url}"
    for value in world_b.markers:
        assert value not in html, f"employer B's {value!r} visible on {url}"


def test_list_pages_use_bounded_queries(portal_client, world_a, django_assert_max_num_queries):
    from tests.factories.placements import EmployedPlacementFactory

    for _ in range(10):
        EmployedPlacementFactory(job=world_a.job, employer=world_a.employer)
    names = ("portal:home", "portal:subsidies", "portal:proposals", "portal:jobs", "portal:reports", "portal:documents")
    for name in names:
        with django_assert_max_num_queries(20):
            assert portal_client.get(reverse(name)).status_code == 200
