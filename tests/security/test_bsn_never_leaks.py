"""A seeded BSN must appear in no log line, no URL produced during the test (requests,
redirects, links, form actions) and no page an employer user sees. Error reports mask it."""

import logging
import re
import sys

import pytest
from django.test import Client
from django.urls import reverse

from tests.security.conftest import SEEDED_BSN
from tests.security.test_authorisation_matrix import all_routes, build_url, has_object
from wsp_platform.accounts import policy

URL_ATTRS = re.compile(r"""(?:href|src|action|hx-get|hx-post|hx-put|hx-delete|hx-patch)\s*=\s*["']([^"']*)["']""")


def _digit_variants(bsn: str) -> list[str]:
    return [bsn, f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}", f"{bsn[:3]} {bsn[3:6]} {bsn[6:]}"]


class RecordingClient(Client):
    """A test client that remembers every URL it requested, was redirected to or saw in HTML."""

    def __init__(self, *args, urls=None, pages=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.urls = urls if urls is not None else []
        self.pages = pages if pages is not None else []

    def request(self, **request):
        self.urls.append(f"{request.get('PATH_INFO', '')}?{request.get('QUERY_STRING', '')}")
        response = super().request(**request)
        if "Location" in response:
            self.urls.append(response["Location"])
        content_type = response.get("Content-Type", "")
        if "html" in content_type and not getattr(response, "streaming", False):
            html = response.content.decode(errors="replace")
            self.pages.append((request.get("PATH_INFO", ""), html))
            self.urls.extend(URL_ATTRS.findall(html))
        return response


@pytest.mark.django_db
def test_seeded_bsn_appears_in_no_log_url_or_employer_page(two_worlds, caplog):
    from tests.factories.api import ApiClientFactory

    caplog.set_level(logging.DEBUG)
    candidate = two_worlds.a.candidate
    assert candidate.bsn == SEEDED_BSN
    urls, staff_pages = [], []

    # --- Staff work with the file: detail, edit form, reveal, export, a new candidate by BSN.
    staff = RecordingClient(urls=urls, pages=staff_pages)
    staff.force_login(two_worlds.a.bemiddelaar)
    staff.get(reverse("candidates:detail", args=[candidate.uuid]))
    staff.get(reverse("candidates:edit", args=[candidate.uuid]))
    staff.get(reverse("candidates:list"))
    reveal = staff.post(reverse("accounts:reveal_bsn", args=[candidate.uuid]), HTTP_HX_REQUEST="true")
    assert SEEDED_BSN in reveal.content.decode()  # the one place it may appear: the reveal response
    staff.get(reverse("accounts:candidate_export", args=[candidate.uuid]))
    # Registering the same person again: a duplicate-BSN error, never the BSN in a URL or log.
    staff.post(reverse("candidates:create"), {"bsn": SEEDED_BSN, "first_name": "Dubbel", "last_name": "Persoon"})
    # An invalid BSN with the same digits shuffled: the error message does not echo it into logs.
    staff.post(reverse("candidates:create"), {"bsn": SEEDED_BSN[::-1], "first_name": "X", "last_name": "Y"})

    # --- The API: search by BSN in the body.
    api_client = ApiClientFactory(municipality=two_worlds.a.municipality)
    api = RecordingClient(urls=urls)
    api.post("/api/v1/candidates/_zoek", {"bsn": SEEDED_BSN}, content_type="application/json",
             HTTP_AUTHORIZATION=f"Bearer {api_client.token}", HTTP_X_AUDIT_TOELICHTING="controle")

    # --- The employer user walks every portal page reachable with a GET.
    employer_pages = []
    employer = RecordingClient(urls=urls, pages=employer_pages)
    employer.force_login(two_worlds.a.employer_user)
    visited = 0
    for route in all_routes():
        if policy.rule_for_route(route.key) != policy.EMPLOYER:
            continue
        url = build_url(route, two_worlds.a if has_object(route) else None)
        if employer.get(url).status_code == 200:
            visited += 1
    assert visited >= 5
    employer.get(reverse("home"), follow=True)

    # --- A logged warning with a BSN-looking value is masked by the log filter (defence in depth).
    from wsp_platform.core.logging import RequestIdFilter

    record = logging.LogRecord("wsp", logging.WARNING, __file__, 1, "lookup failed for %s", (SEEDED_BSN,), None)
    RequestIdFilter().filter(record)
    assert SEEDED_BSN not in record.getMessage()

    # --- Nowhere.
    for variant in _digit_variants(SEEDED_BSN):
        assert variant not in caplog.text, "BSN in log output"
        leaked_urls = [u for u in urls if variant in u]
        assert not leaked_urls, f"BSN in URL(s): {leaked_urls}"
        leaked_pages = [path for path, html in employer_pages if variant in html]
        assert not leaked_pages, f"BSN on employer page(s): {leaked_pages}"
    # Employers do not even see the masked form or the last four digits.
    assert not [path for path, html in employer_pages if candidate.bsn_masked in html]
    # Staff pages show the masked form only.
    detail_path = reverse("candidates:detail", args=[candidate.uuid])
    detail_html = next(html for path, html in staff_pages if path == detail_path)
    assert SEEDED_BSN not in detail_html and candidate.bsn_masked in detail_html


def test_error_reports_mask_bsn(rf):
    from django.views.debug import ExceptionReporter

    from wsp_platform.core.logging import SafeExceptionReporterFilter

    request = rf.post("/kandidaten/nieuw/", {"bsn": SEEDED_BSN, "opmerking": f"bsn is {SEEDED_BSN}", "naam": "Piet"})

    def failing_view(bsn_value):
        note = f"BSN {bsn_value}"  # noqa: F841 - a local the report would show
        raise ValueError("kon kandidaat niet opslaan")

    try:
        failing_view(SEEDED_BSN)
    except ValueError:
        exc_type, exc_value, tb = sys.exc_info()
    reporter = ExceptionReporter(request, exc_type, exc_value, tb)
    assert isinstance(reporter.filter, SafeExceptionReporterFilter)
    text = reporter.get_traceback_text() + reporter.get_traceback_html()
    assert SEEDED_BSN not in text
    assert "Piet" in text  # other values stay readable


def test_log_filter_masks_bsn_like_values_in_tracebacks():
    from wsp_platform.core.logging import RequestIdFilter, mask_bsn_like

    assert mask_bsn_like(f"a {SEEDED_BSN} b") == "a ********* b"
    assert mask_bsn_like("7361.60.231") == "*********"
    assert mask_bsn_like("KvK 12345678, 2026-11-22") == "KvK 12345678, 2026-11-22"
    try:
        raise KeyError(SEEDED_BSN)
    except KeyError:
        record = logging.LogRecord("wsp", logging.ERROR, __file__, 1, "oeps", (), sys.exc_info())
    RequestIdFilter().filter(record)
    assert SEEDED_BSN not in record.exc_text
