"""Werkaanpassing: adjusting the existing job or workplace for one person, recorded on
the placement (issue: job redesign and matching)."""

import pytest
from django.urls import reverse

from wsp_platform.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_record_a_work_adjustment_from_the_placement_page(staff_client, world):
    detail = reverse("placements:detail", args=[world.placement.uuid])
    url = reverse("placements:adjustment", args=[world.placement.uuid])
    page = staff_client.get(detail).content.decode()
    assert "Nog geen aanpassingen van baan of werkplek." in page and url in page

    # Bad input: the Dutch errors, what was typed is still there, nothing saved.
    response = staff_client.post(url, {"adjustment_type": "werkplek", "made_on": "31-02-2026",
                                       "description": "", "owner": "Petra (werkbegeleider)"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit veld is vereist." in html
    assert "Voer een geldige datum in." in html
    assert 'value="Petra (werkbegeleider)"' in html
    assert not world.placement.adjustments.exists()

    response = staff_client.post(url, {"adjustment_type": "werkplek", "made_on": "2026-11-16",
                                       "description": "Bureau bij het raam, weg van de printer",
                                       "owner": "Petra (werkbegeleider)"})
    assert response.status_code == 302 and response["Location"] == detail
    adjustment = world.placement.adjustments.get()
    assert AuditEntry.objects.filter(object_uuid=adjustment.uuid, action="create", user=world.user).count() == 1
    page = staff_client.get(detail).content.decode()
    assert "Werkplek of hulpmiddel" in page and "Bureau bij het raam, weg van de printer" in page


def test_no_work_adjustment_on_another_regions_placement(staff_client, world):
    url = reverse("placements:adjustment", args=[world.foreign_placement.uuid])
    assert staff_client.get(url).status_code == 404
    assert staff_client.post(url, {"adjustment_type": "uren", "made_on": "2026-11-16",
                                   "description": "x"}).status_code == 404
    assert not world.foreign_placement.adjustments.exists()


def test_changing_the_werkbegeleider_dates_the_change_in_one_audit_row(world):
    """The sweeps watch a new werkbegeleider (the main reason placements fail), so the
    edit service records the date of the change; other edits leave it alone."""
    from django.utils import timezone

    from placements.services import update_placement
    from wsp_platform.audit.services import Actor

    placement = world.placement
    placement.supervisor_name = "Henk"
    placement.save()
    update_placement(placement, actor=Actor(user=world.user), data={"hours_per_week": 20})
    placement.refresh_from_db()
    assert placement.supervisor_changed_on is None

    update_placement(placement, actor=Actor(user=world.user), data={"supervisor_name": "Ayse"})
    placement.refresh_from_db()
    assert placement.supervisor_changed_on == timezone.localdate()
    entry = AuditEntry.objects.filter(object_uuid=placement.uuid, action="update").latest("at")
    assert set(entry.changes) == {"supervisor_name", "supervisor_changed_on"}
