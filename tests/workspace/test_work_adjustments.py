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
