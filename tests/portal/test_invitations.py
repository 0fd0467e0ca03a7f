"""Inviting employer users: one-time link, password validators, used and expired links."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories.accounts import RegionFactory, TeamFactory, UserFactory
from tests.factories.employers import EmployerFactory
from wsp_platform.accounts.models import Role
from wsp_platform.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/portaal/uitnodiging/[^/\s]+/[^/\s]+/)")
PASSWORD = "Zonnebloem-Kruispunt-42"


@pytest.fixture
def staff_client(client, world_a):
    client.force_login(world_a.employer.account_holder)
    return client


def invite(client, employer, email="hr@werkgever-a.example", first_name="Hanna", last_name="de Vries"):
    return client.post(
        reverse("portal:invite", args=[employer.uuid]),
        {"email": email, "first_name": first_name, "last_name": last_name},
    )


def link_from_outbox(index=-1) -> str:
    return LINK.search(mail.outbox[index].body).group(1)


def test_account_holder_invites_and_user_sets_password(
    staff_client, client, world_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(staff_client, world_a.employer)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="hr@werkgever-a.example")
    assert user.role == Role.WERKGEVER and user.employer == world_a.employer and not user.is_active
    assert not user.has_usable_password()
    assert AuditEntry.objects.filter(object_type="accounts.user", action="create").exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["hr@werkgever-a.example"]
    assert world_a.employer.name in message.body and "één keer" in message.body
    link = link_from_outbox()

    staff_client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert "Kies een wachtwoord" in page.content.decode()
    response = client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    user.refresh_from_db()
    assert user.is_active and user.check_password(PASSWORD)
    home = client.get(reverse("portal:home"))
    assert home.status_code == 200 and world_a.employer.name in home.content.decode()


def test_reused_link_shows_clear_message(staff_client, client, world_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(staff_client, world_a.employer)
    link = link_from_outbox()
    staff_client.logout()
    client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    client.logout()
    again = client.get(link)
    assert again.status_code == 410
    assert "al gebruikt of verlopen" in again.content.decode()
    other = "Ander-Wachtwoord-991"
    assert client.post(link, {"password1": other, "password2": other}).status_code == 410
    user = get_user_model().objects.get(email="hr@werkgever-a.example")
    assert user.check_password(PASSWORD)


def test_expired_link(staff_client, client, world_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(staff_client, world_a.employer)
    link = link_from_outbox()
    staff_client.logout()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=6)):
        assert client.get(link).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        response = client.get(link)
        assert response.status_code == 410
        assert "al gebruikt of verlopen" in response.content.decode()


def test_tampered_link(client, world_a):
    assert client.get("/portaal/uitnodiging/MTIz/abc-def/").status_code == 410
    assert client.get("/portaal/uitnodiging/!!!/abc-def/").status_code == 410


def test_password_validators_apply(staff_client, client, world_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(staff_client, world_a.employer)
    link = link_from_outbox()
    staff_client.logout()
    short = client.post(link, {"password1": "kort", "password2": "kort"})
    assert short.status_code == 200
    assert "te kort" in short.content.decode()
    mismatch = client.post(link, {"password1": PASSWORD, "password2": PASSWORD + "x"})
    assert "niet gelijk" in mismatch.content.decode()
    assert not get_user_model().objects.get(email="hr@werkgever-a.example").is_active


def test_employer_can_have_several_users_and_duplicates_are_refused(
    staff_client, world_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(staff_client, world_a.employer, email="een@werkgever-a.example")
        invite(staff_client, world_a.employer, email="twee@werkgever-a.example")
    assert world_a.employer.users.count() == 3  # the factory's user plus two invited
    response = invite(staff_client, world_a.employer, email=world_a.user.email)
    assert response.status_code == 200
    assert "Er bestaat al een account met dit e-mailadres." in response.content.decode()
    # Re-inviting someone who has not accepted yet sends a fresh link.
    with django_capture_on_commit_callbacks(execute=True):
        assert invite(staff_client, world_a.employer, email="een@werkgever-a.example").status_code == 302
    assert len(mail.outbox) == 3


def test_only_staff_of_the_region_may_invite(client, world_a):
    other_region_staff = UserFactory(username="elders", team=TeamFactory(region=RegionFactory(name="Elders")))
    client.force_login(other_region_staff)
    assert invite(client, world_a.employer).status_code == 404
    client.force_login(world_a.user)
    assert invite(client, world_a.employer).status_code == 404
    client.logout()
    assert invite(client, world_a.employer).status_code == 302  # to the login page
    assert not get_user_model().objects.filter(email="hr@werkgever-a.example").exists()


def test_invite_page_lists_portal_users(staff_client, world_a):
    html = staff_client.get(reverse("portal:invite", args=[world_a.employer.uuid])).content.decode()
    assert world_a.user.email in html and "actief" in html


def test_link_is_bound_to_its_user(staff_client, client, world_a, django_capture_on_commit_callbacks):
    other = EmployerFactory(region=world_a.employer.region, account_holder=world_a.employer.account_holder)
    with django_capture_on_commit_callbacks(execute=True):
        invite(staff_client, world_a.employer, email="a@a.example")
        invite(staff_client, other, email="b@b.example")
    link_a, link_b = link_from_outbox(0), link_from_outbox(1)
    uid_a, token_a = link_a.strip("/").split("/")[-2:]
    uid_b, _ = link_b.strip("/").split("/")[-2:]
    assert client.get(f"/portaal/uitnodiging/{uid_b}/{token_a}/").status_code == 410
    assert client.get(f"/portaal/uitnodiging/{uid_a}/{token_a}/").status_code == 200
