"""Payments on a granted application: a ledger whose sum is ``amount_paid``, refused with a
Dutch reason before the beschikking, above the granted amount, for € 0 or with an
impossible date; the form on the application page re-shows what was typed."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from subsidies import services
from subsidies.models import SubsidyPayment
from tests.factories.subsidies import GrantedLksFactory, SubsidyApplicationFactory
from wsp_platform.audit.models import AuditEntry

D = datetime.date
TODAY = D(2026, 3, 31)
FEBRUARY = D(2026, 2, 1)


@pytest.fixture
def granted(world):
    return GrantedLksFactory(placement=world.placement, amount_granted=Decimal("3000.00"))


def pay(application, world, amount, paid_on=FEBRUARY, **extra):
    return services.record_payment(application, actor=world.actor, paid_on=paid_on, amount=amount,
                                   today=TODAY, **extra)


def test_payments_add_up_to_the_amount_paid_and_are_audited(world, granted):
    pay(granted, world, "1000.00", description="LKS januari", reference="BET-1")
    pay(granted, world, Decimal("499.99"), paid_on=D(2026, 3, 1))
    granted.refresh_from_db()
    assert granted.amount_paid == Decimal("1499.99")
    assert [(p.paid_on, p.amount) for p in granted.payments.all()] == [
        (D(2026, 2, 1), Decimal("1000.00")), (D(2026, 3, 1), Decimal("499.99")),
    ]
    assert AuditEntry.objects.filter(object_type="subsidies.subsidypayment").count() == 2
    change = AuditEntry.objects.filter(object_type="subsidies.subsidyapplication").latest("id")
    assert change.changes["amount_paid"] == ["1000.00", "1499.99"]


def test_more_than_granted_is_refused_with_what_is_left(world, granted):
    pay(granted, world, "2500.00")
    with pytest.raises(ValidationError) as refused:
        pay(granted, world, "600.00")
    message = refused.value.message_dict["amount"][0]
    assert "€ 2.500,00" in message and "€ 3.000,00" in message and "nog € 500,00" in message
    pay(granted, world, "500.00")  # exactly the rest is fine
    granted.refresh_from_db()
    assert granted.amount_paid == Decimal("3000.00") and granted.payments.count() == 2


@pytest.mark.parametrize(
    ("amount", "paid_on", "field", "text"),
    [
        ("0", D(2026, 2, 1), "amount", "groter zijn dan € 0"),
        ("-10", D(2026, 2, 1), "amount", "groter zijn dan € 0"),
        ("100", D(2026, 4, 1), "paid_on", "in de toekomst"),
        ("100", D(2025, 12, 1), "paid_on", "vóór de besluitdatum (15-12-2025)"),
        ("100", None, "paid_on", "Vul de betaaldatum in"),
    ],
)
def test_impossible_payments_are_refused_and_nothing_is_written(world, granted, amount, paid_on, field, text):
    with pytest.raises(ValidationError) as refused:
        pay(granted, world, amount, paid_on=paid_on)
    assert text in refused.value.message_dict[field][0]
    granted.refresh_from_db()
    assert granted.amount_paid == 0 and not SubsidyPayment.objects.exists()


def test_no_payment_before_the_beschikking(world):
    application = SubsidyApplicationFactory(placement=world.placement, status="ingediend")
    with pytest.raises(ValidationError) as refused:
        pay(application, world, "100")
    assert "pas als de aanvraag is toegekend (nu: ingediend)" in refused.value.messages[0]
    assert not SubsidyPayment.objects.exists()


def test_the_form_records_a_payment_and_the_page_lists_it(client, world, granted):
    client.force_login(world.user)
    url = reverse("subsidies:application_payment", args=[granted.uuid])
    response = client.post(url, {"paid_on": "2026-02-01", "amount": "1250,50", "description": "LKS jan",
                                 "reference": "BET-7"})
    assert response.status_code == 302
    page = client.get(granted.get_workspace_url()).content.decode()
    assert "Uitbetalingen" in page and "LKS jan" in page and "BET-7" in page
    assert "€ 1.250,50" in page and "van € 3.000,00 toegekend" in page


def test_a_refused_payment_re_shows_what_was_typed(client, world, granted):
    client.force_login(world.user)
    url = reverse("subsidies:application_payment", args=[granted.uuid])
    response = client.post(url, {"paid_on": "2026-02-01", "amount": "3500,00", "description": "Te veel"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "De uitbetaling is niet vastgelegd" in html
    assert "Er kan nog € 3.000,00 worden uitbetaald" in html
    assert 'value="3500,00"' in html and 'value="Te veel"' in html
    assert not SubsidyPayment.objects.exists()


def test_payments_of_another_teams_application_are_not_reachable(client, world, granted):
    from tests.factories.accounts import TeamFactory, UserFactory

    other = UserFactory(username="buiten-team", team=TeamFactory(name="Ander team"))
    client.force_login(other)
    url = reverse("subsidies:application_payment", args=[granted.uuid])
    assert client.post(url, {"paid_on": "2026-02-01", "amount": "10"}).status_code == 404
    assert not SubsidyPayment.objects.exists()


def test_the_admin_shows_payments_but_does_not_let_them_be_typed_over(client, world, granted):
    from tests.factories.accounts import UserFactory

    pay(granted, world, "750.00", reference="BET-ADMIN")
    client.force_login(UserFactory(username="beheer", is_staff=True, is_superuser=True))
    html = client.get(reverse("admin:subsidies_subsidyapplication_change", args=[granted.pk])).content.decode()
    assert "BET-ADMIN" in html
    assert 'name="amount_paid"' not in html and 'name="payments-0-amount"' not in html
