"""Login hardening: django-axes lockout, TOTP two-factor authentication for staff."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.accounts import UserFactory

PASSWORD = "geheim-wachtwoord-123"


def _code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.django_db
def test_login_form_and_client_login_still_work(client):
    user = UserFactory(username="inlogger")
    response = client.post(reverse("login"), {"username": "inlogger", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    client.logout()
    assert client.login(username="inlogger", password=PASSWORD)  # no request: not counted by axes
    client.force_login(user)
    assert client.get(reverse("candidates:list")).status_code == 200


@pytest.mark.django_db
def test_lockout_after_repeated_failures(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="doelwit")
    for _ in range(3):
        response = client.post(reverse("login"), {"username": "doelwit", "password": "fout-wachtwoord"})
    # The third failure locks the account: the Dutch lockout page, HTTP 429.
    assert response.status_code == 429
    assert "Account tijdelijk geblokkeerd" in response.content.decode()
    # Even the right password is refused while locked.
    response = client.post(reverse("login"), {"username": "doelwit", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another user from the same address (other browser) can still log in.
    UserFactory(username="collega")
    other = client.__class__(HTTP_USER_AGENT="andere browser")
    assert other.post(reverse("login"), {"username": "collega", "password": PASSWORD}).status_code == 302


@pytest.mark.django_db
def test_two_failures_then_success_resets_the_counter(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="vergeetachtig")
    for _ in range(2):
        client.post(reverse("login"), {"username": "vergeetachtig", "password": "fout"})
    assert client.post(reverse("login"), {"username": "vergeetachtig", "password": PASSWORD}).status_code == 302
    client.logout()
    for _ in range(2):
        client.post(reverse("login"), {"username": "vergeetachtig", "password": "fout"})
    assert client.post(reverse("login"), {"username": "vergeetachtig", "password": PASSWORD}).status_code == 302


@pytest.mark.django_db
def test_2fa_is_off_by_default_in_tests(client, settings):
    assert settings.WSP_REQUIRE_2FA is False
    client.force_login(UserFactory(username="zonder2fa"))
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_2fa_enrol_and_verify_flow(client, settings):
    settings.WSP_REQUIRE_2FA = True
    user = UserFactory(username="tweestaps")
    client.post(reverse("login"), {"username": "tweestaps", "password": PASSWORD})
    # Every staff page sends an unverified session to the 2FA page, keeping where it was going.
    response = client.get(reverse("candidates:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    assert "next=%2Fkandidaten%2F" in response["Location"]
    # Enrolment: a secret and an otpauth URI are shown.
    html = client.get(response["Location"]).content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    assert "otpauth://totp/" in html and "Geheime sleutel" in html
    # A wrong code is refused with a Dutch message.
    html = client.post(reverse("accounts:two_factor"), {"otp_token": "000000"}).content.decode()
    if "Deze code klopt niet" not in html:  # 000000 happened to be the right code
        pytest.skip("random collision with the current TOTP code")
    # django-otp throttles after a failure (1 s, doubling); a user simply waits a moment.
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttle_reset()
    response = client.post(reverse("accounts:two_factor"), {"otp_token": _code(device), "next": "/kandidaten/"})
    assert response.status_code == 302 and response["Location"] == "/kandidaten/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("candidates:list")).status_code == 200


@pytest.mark.django_db
def test_2fa_verify_with_existing_device_shows_no_secret(client, settings):
    settings.WSP_REQUIRE_2FA = True
    user = UserFactory(username="heeftapp")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    html = client.get(reverse("accounts:two_factor")).content.decode()
    assert "otpauth://" not in html and "Geheime sleutel" not in html
    response = client.post(reverse("accounts:two_factor"), {"otp_token": _code(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")  # no open redirect
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_2fa_not_forced_on_employer_users(client, settings):
    from tests.factories.accounts import EmployerUserFactory

    settings.WSP_REQUIRE_2FA = True
    client.force_login(EmployerUserFactory(username="werkgever-2fa"))
    response = client.get("/portaal/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_2fa_forced_for_functional_admin_and_superuser(client, settings):
    from wsp_platform.accounts.models import Role

    settings.WSP_REQUIRE_2FA = True
    for user in (UserFactory(username="fb", role=Role.FUNCTIONEEL_BEHEERDER, team=None),
                 UserFactory(username="root", is_superuser=True, is_staff=True)):
        client.force_login(user)
        response = client.get("/admin/")
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:two_factor"))
