"""The bemiddelaar's day in a real browser (Debian's Chromium via Playwright):
log in, find a candidate, log a contact moment, propose for a job, move the
placement to proefplaatsing on the board, see the new task at home, export."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


def seed():
    from tests.factories.accounts import MunicipalityFactory, TeamFactory, UserFactory
    from tests.factories.candidates import CandidateFactory, WorkNeedFactory
    from tests.factories.employers import ContactMomentFactory, ContactPersonFactory, EmployerFactory, JobFactory
    from tests.factories.placements import EmployedPlacementFactory, PlacementFactory, TaskFactory

    today = timezone.localdate()
    team = TeamFactory(name="Team Utrecht-West")
    region = team.region
    utrecht = MunicipalityFactory(region=region, name="Utrecht", cbs_code="GM0344")
    zeist = MunicipalityFactory(region=region, name="Zeist", cbs_code="GM0355")
    me = UserFactory(username="demo-bemiddelaar", first_name="Sanne", last_name="de Boer", team=team)
    colleague = UserFactory(username="collega", first_name="Ahmed", last_name="Yilmaz", team=team)
    people = [
        ("Fatima", "El Amrani", utrecht, "bemiddelbaar"), ("Daan", "Visser", utrecht, "verkenning"),
        ("Lotte", "Smit", zeist, "geplaatst"), ("Mohamed", "Bakker", utrecht, "bemiddelbaar"),
        ("Sophie", "Mulder", zeist, "aanmelding"), ("Ruben", "de Groot", utrecht, "in_traject"),
        ("Emma", "Bos", utrecht, "wachtlijst"), ("Thijs", "Meijer", zeist, "bemiddelbaar"),
    ]
    candidates = [
        CandidateFactory(first_name=f, last_name=ln, municipality=m, city=m.name, status=s, team=team, owner=me)
        for f, ln, m, s in people
    ]
    WorkNeedFactory(candidate=candidates[0], description="Een rustige werkplek")
    WorkNeedFactory(candidate=candidates[0], description="Eén instructie tegelijk")
    linde = EmployerFactory(name="Zorggroep De Linde", region=region, account_holder=me, deputy=colleague,
                            service_style="strategisch_partnerschap", sector="zorg")
    ContactPersonFactory(employer=linde, name="Petra de Vries", job_title="HR-adviseur", is_champion=True,
                         layer="hr", phone="030-1234567")
    ContactPersonFactory(employer=linde, name="Karin Jansen", job_title="Teamleider facilitair",
                         layer="werkbegeleider", leaving_on=today + datetime.timedelta(days=30))
    groen = EmployerFactory(name="Groenbedrijf Utrecht", region=region, account_holder=me, sector="groen")
    JobFactory(employer=linde, title="Medewerker facilitair", status="open")
    JobFactory(employer=linde, title="Gastvrouw restaurant", status="open", kind="gecreeerd",
               creation_method="jobcarving", is_generic=False, hours_per_week=16)
    groen_job = JobFactory(employer=groen, title="Hovenier", status="open", sector="groen")
    PlacementFactory(candidate=candidates[5], job=groen_job, owner=me, status="kennismaking")
    EmployedPlacementFactory(candidate=candidates[2], job=JobFactory(employer=groen, title="Medewerker groen"),
                             owner=me, status="in_dienst")
    EmployedPlacementFactory(candidate=candidates[6], job=JobFactory(employer=linde, title="Schoonmaker"),
                             owner=me, status="nazorg")
    ContactMomentFactory(candidate=candidates[0], author=me, summary="Intake: wil graag in de zorg werken.",
                         occurred_at=timezone.now() - datetime.timedelta(days=10))
    TaskFactory(assignee=me, title="Loonwaardemeting plannen voor Lotte Smit", candidate=candidates[2],
                due_date=today - datetime.timedelta(days=2))
    return me


def test_bemiddelaar_day(page, screenshot, live_server):
    seed()
    login(page, "demo-bemiddelaar")
    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_role("heading", name="Mijn werkvoorraad").is_visible()
    screenshot("werkvoorraad")

    # Find a candidate by search (htmx updates the results as you type).
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kandidaten").click()
    page.get_by_label("Zoeken").fill("Amrani")
    page.get_by_label("Zoeken").press("Enter")
    results = page.locator("#results")
    expect(results.locator(".count")).to_have_text("1 resultaat")
    assert "Visser" not in results.inner_text()
    page.goto("/kandidaten/")
    screenshot("kandidaten")
    page.get_by_label("Zoeken").fill("Amrani")
    page.get_by_label("Zoeken").press("Enter")
    expect(results.locator(".count")).to_have_text("1 resultaat")
    page.locator("#results").get_by_role("link", name="Fatima El Amrani").click()
    page.get_by_role("heading", name="Fatima El Amrani").wait_for()

    # Add a contact moment in two clicks (plus typing).
    page.get_by_text("+ Contactmoment").click()
    page.get_by_label("WhatsApp").check()
    page.get_by_label("Samenvatting").fill("Afgesproken: kennismaking bij Zorggroep De Linde volgende week.")
    page.get_by_role("button", name="Contactmoment opslaan").click()
    page.get_by_text("Het contactmoment is vastgelegd.").wait_for()
    assert page.locator("#timeline").get_by_text("Afgesproken: kennismaking bij Zorggroep De Linde").is_visible()
    screenshot("kandidaat")

    # Propose the candidate for a job.
    page.get_by_role("link", name="Voorstellen voor baan").click()
    job_value = page.locator("#id_job option", has_text="Medewerker facilitair").get_attribute("value")
    page.get_by_label("Baan").select_option(job_value)
    page.get_by_role("button", name="Voorstellen").click()
    page.get_by_text("is voorgesteld voor Medewerker facilitair").wait_for()

    # Move it through the pipeline on the board.
    page.goto("/plaatsingen/bord/")
    card = page.locator("[data-card]", has_text="Fatima El Amrani")
    card.locator("summary").click()
    card.get_by_label("Naar status").select_option("kennismaking")
    card.get_by_role("button", name="Verplaatsen").click()
    page.get_by_text("Fatima El Amrani staat nu op Kennismaking").wait_for()

    card = page.locator("[data-card]", has_text="Fatima El Amrani")
    card.locator("summary").click()
    card.get_by_label("Naar status").select_option("proefplaatsing")
    # A move without the trial end date is refused with the reason.
    card.get_by_role("button", name="Verplaatsen").click()
    page.get_by_text("Vul de einddatum van de proefplaatsing in.").wait_for()
    card = page.locator("[data-card]", has_text="Fatima El Amrani")
    card.locator("summary").click()
    card.get_by_label("Naar status").select_option("proefplaatsing")
    trial_end = timezone.localdate() + datetime.timedelta(days=14)
    card.get_by_label("Einde proefplaatsing").fill(trial_end.isoformat())
    card.get_by_role("button", name="Verplaatsen").click()
    page.get_by_text("Fatima El Amrani staat nu op Proefplaatsing").wait_for()
    assert page.locator("[data-drop-status=proefplaatsing]").get_by_role("link", name="Fatima El Amrani").is_visible()
    screenshot("pipeline")

    # The decision task shows up on the home page.
    page.get_by_role("link", name="Mijn werkvoorraad").click()
    tasks = page.locator("section", has=page.get_by_role("heading", name=re.compile("Taken vandaag")))
    tasks.locator(".task__title", has_text="Besluit na proefplaatsing Fatima El Amrani").wait_for()
    assert page.get_by_text("Proefplaatsing loopt af").is_visible()

    # Export the candidate list.
    page.goto("/kandidaten/?status=bemiddelbaar")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("kandidaten-") and download.suggested_filename.endswith(".csv")
    content = open(download.path(), encoding="utf-8-sig").read()
    assert "Mohamed Bakker" in content and "Daan Visser" not in content

    # Employer detail with contacts, jobs and timeline.
    page.goto("/werkgevers/")
    page.get_by_role("link", name="Zorggroep De Linde").click()
    page.get_by_role("heading", name="Contactpersonen").wait_for()
    screenshot("werkgever")


def test_small_screen(page, screenshot, live_server):
    seed()
    page.set_viewport_size({"width": 360, "height": 780})
    login(page, "demo-bemiddelaar")
    page.get_by_role("heading", name="Mijn werkvoorraad").wait_for()
    # No horizontal scrolling of the page at 360 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("link", name="Kandidaten").click()
    page.get_by_role("heading", name="Kandidaten").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot("kandidaten-mobiel")
