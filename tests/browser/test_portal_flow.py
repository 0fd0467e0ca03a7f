"""The employer portal in a real browser (Debian's Chromium via Playwright): the account
holder invites an employer user, the user opens the one-time link from the e-mail, sets a
password, sees the placement status and the cost overview, reports an absence; the
bemiddelaar then finds the new task."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Zonnebloem-Kruispunt-42"
LINK = re.compile(r"https?://[^/\s]+(/portaal/uitnodiging/[^/\s]+/[^/\s]+/)")


@pytest.fixture
def world(transactional_db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from tests.factories.accounts import TeamFactory, UserFactory
    from tests.portal.conftest import build_world

    team = TeamFactory(name="Team Groen")
    holder = UserFactory(username="accounthouder", first_name="Anouk", last_name="Accounthouder", team=team,
                         region=team.region, phone="030-7654321", email="anouk@wsp.example")
    deputy = UserFactory(username="vervanger", first_name="Victor", last_name="Vervanger", team=team,
                         region=team.region, phone="030-1111111", email="victor@wsp.example")
    return build_world("A", region=team.region, holder=holder, deputy=deputy, team=team)


def test_invite_accept_see_costs_report_absence(page, screenshot, world, browser, live_server):
    from placements.models import Signal, Task

    mail.outbox.clear()
    # 1. The account holder invites an employer user.
    login(page, "accounthouder")
    page.goto(f"/werkgevers/{world.employer.uuid}/")
    page.get_by_role("link", name="Portaalgebruiker uitnodigen").click()
    page.get_by_label("Voornaam").fill("Hanna")
    page.get_by_label("Achternaam").fill("de Vries")
    page.get_by_label("E-mailadres").fill("hanna@werkgever-a.example")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("De uitnodiging is verstuurd naar hanna@werkgever-a.example.")).to_be_visible()
    expect(page.get_by_text("uitgenodigd", exact=True)).to_be_visible()
    screenshot("portal-invite")

    # 2. The invited user opens the link from the e-mail in a fresh browser.
    assert len(mail.outbox) == 1
    link = LINK.search(mail.outbox[0].body).group(1)
    employer_context = browser.new_context(base_url=live_server.url, locale="nl-NL",
                                           viewport={"width": 390, "height": 844})
    employer_page = employer_context.new_page()
    employer_page.set_default_timeout(10_000)
    try:
        employer_page.goto(link)
        expect(employer_page.get_by_role("heading", name="Welkom bij het werkgeversportaal")).to_be_visible()
        employer_page.get_by_label("Nieuw wachtwoord").fill("kort")
        employer_page.get_by_label("Herhaal het wachtwoord").fill("kort")
        employer_page.get_by_role("button", name="Wachtwoord opslaan en inloggen").click()
        expect(employer_page.get_by_text("te kort").first).to_be_visible()
        employer_page.get_by_label("Nieuw wachtwoord").fill(PASSWORD)
        employer_page.get_by_label("Herhaal het wachtwoord").fill(PASSWORD)
        _shot(employer_page, "portal-accept-invitation")
        employer_page.get_by_role("button", name="Wachtwoord opslaan en inloggen").click()

        # 3. Lands on the portal: the placement status, contacts and to-do list.
        expect(employer_page).to_have_url(re.compile(r"/portaal/$"))
        expect(employer_page.get_by_role("heading", name=world.employer.name)).to_be_visible()
        row = employer_page.get_by_role("row").filter(has_text="SanneA V.")
        expect(row).to_contain_text("In dienst / gedetacheerd")
        expect(employer_page.get_by_text("uw nieuwe accounthouder")).to_be_visible()
        expect(employer_page.get_by_text("Getekende arbeidsovereenkomst A")).to_be_visible()
        _shot(employer_page, "portal-home-mobile")
        employer_page.set_viewport_size({"width": 1280, "height": 900})
        _shot(employer_page, "portal-home")

        # 4. The placement with its cost overview.
        employer_page.get_by_role("link", name="SanneA V.").first.click()
        expect(employer_page.get_by_role("heading", name="Kostenoverzicht komende 12 maanden")).to_be_visible()
        expect(employer_page.get_by_text("Loonkostensubsidie (LKS)").first).to_be_visible()
        expect(employer_page.get_by_text("Gedeeld verslag A").first).to_be_visible()
        _shot(employer_page, "portal-placement")

        # 5. Report an absence.
        employer_page.get_by_role("link", name="Verzuim melden").click()
        expect(employer_page.get_by_label("Verzuim of ziekmelding")).to_be_checked()
        employer_page.get_by_label("Toelichting").fill("Sinds vanochtend afwezig, heeft zich ziek gemeld.")
        _shot(employer_page, "portal-signal")
        employer_page.get_by_role("button", name="Melding versturen").click()
        expect(employer_page.get_by_text("Uw melding is doorgegeven aan de bemiddelaar")).to_be_visible()

        for name, path in [("portal-subsidies", "/portaal/subsidies/"), ("portal-proposals", "/portaal/voorstellen/"),
                           ("portal-jobs", "/portaal/banen/")]:
            employer_page.goto(path)
            _shot(employer_page, name)
        expect(employer_page.get_by_text("Gecreëerde baan A").first).to_be_visible()

        # The workspace stays closed to the employer.
        response = employer_page.goto(f"/kandidaten/{world.candidate.uuid}/")
        assert response.status == 404
    finally:
        employer_context.close()

    signal = Signal.objects.get(placement=world.placement, raised_by_employer=True)
    assert signal.kind == "verzuim"
    task = Task.objects.get(kind="signaal", placement=world.placement)

    # 6. The bemiddelaar of the placement logs in and sees the new task.
    page.context.clear_cookies()
    login(page, world.placement.owner.username)
    expect(page.get_by_text(task.title).first).to_be_visible()
    page.goto("/taken/")
    expect(page.get_by_text(task.title).first).to_be_visible()


def _shot(page, name):
    """Like the ``screenshot`` fixture, for the employer's own browser context."""
    import os

    from tests.browser.conftest import SCREENSHOTS

    if os.environ.get("WSP_SCREENSHOTS") != "1":
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
