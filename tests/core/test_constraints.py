"""What must never be violated is refused by the database itself (PostgreSQL, as in
production), even when the code around it has a bug and skips validation."""

import datetime

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction

from candidates.models import Candidate
from placements.models import Contract, Placement
from subsidies.models import SubsidyApplication
from tests.factories.candidates import CandidateFactory
from tests.factories.placements import ContractFactory, EmployedPlacementFactory
from tests.factories.subsidies import SubsidyApplicationFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not settings.DATABASE_IS_POSTGRES, reason="constraints are checked on PostgreSQL (CI)"),
]

BSN = "111222333"


def test_duplicate_bsn_is_refused_by_the_unique_keyed_hash():
    CandidateFactory(bsn=BSN)
    with pytest.raises(IntegrityError, match="bsn_hash"), transaction.atomic():
        CandidateFactory(bsn=BSN)
    assert Candidate.objects.count() == 1


def test_two_different_bsns_are_fine():
    CandidateFactory(bsn=BSN)
    CandidateFactory(bsn="123456782")
    assert Candidate.objects.count() == 2


def test_placement_ending_before_its_start_is_refused():
    placement = EmployedPlacementFactory(start_date=datetime.date(2026, 1, 1))
    placement.end_date = datetime.date(2025, 12, 31)
    placement.status = "beeindigd"
    placement.end_reason = "anders"
    with pytest.raises(IntegrityError, match="placement_end_after_start"), transaction.atomic():
        placement.save()
    placement.refresh_from_db()
    assert placement.end_date is None


def test_placement_contract_end_before_start_is_refused():
    with pytest.raises(IntegrityError, match="placement_contract_end_after_start"), transaction.atomic():
        EmployedPlacementFactory(start_date=datetime.date(2026, 1, 1), contract_end_date=datetime.date(2025, 6, 30))
    assert not Placement.objects.exists()


def test_closed_placement_without_a_reason_is_refused():
    placement = EmployedPlacementFactory()
    placement.status = "beeindigd"
    with pytest.raises(IntegrityError, match="placement_closed_has_reason"), transaction.atomic():
        placement.save()


def test_contract_ending_before_its_start_is_refused():
    placement = EmployedPlacementFactory()
    with pytest.raises(IntegrityError, match="contract_end_after_start"), transaction.atomic():
        ContractFactory(placement=placement, start_date=datetime.date(2026, 1, 1), end_date=datetime.date(2025, 12, 1))
    assert not Contract.objects.exists()


def test_temporary_contract_without_end_is_refused():
    with pytest.raises(IntegrityError, match="contract_temporary_has_end"), transaction.atomic():
        ContractFactory(kind="tijdelijk", end_date=None)


def test_subsidy_period_ending_before_its_start_is_refused():
    placement = EmployedPlacementFactory()
    with pytest.raises(IntegrityError, match="application_period_end_after_start"), transaction.atomic():
        SubsidyApplicationFactory(
            placement=placement, period_start=datetime.date(2026, 7, 1), period_end=datetime.date(2026, 6, 30)
        )
    assert not SubsidyApplication.objects.exists()


def test_valid_rows_are_accepted():
    """The same factories with consistent dates save fine, so the refusals above are about the dates."""
    placement = EmployedPlacementFactory(
        start_date=datetime.date(2026, 1, 1), contract_end_date=datetime.date(2026, 12, 31)
    )
    ContractFactory(placement=placement, start_date=datetime.date(2026, 1, 1), end_date=datetime.date(2026, 12, 31))
    SubsidyApplicationFactory(placement=placement, period_start=datetime.date(2026, 1, 1),
                              period_end=datetime.date(2026, 1, 1))
    assert Contract.objects.count() == 1 and SubsidyApplication.objects.count() == 1
