"""/account/: two-factor authentication, privacy (BSN reveal, AVG) and team management.

No URL here ever carries a BSN: candidates are addressed by UUID, the BSN is only
ever in a POST response.
"""

from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("2fa/", views.two_factor, name="two_factor"),
    path("kandidaten/<uuid:uuid>/bsn/", views.reveal_bsn, name="reveal_bsn"),
    path("kandidaten/<uuid:uuid>/inzage/", views.candidate_export, name="candidate_export"),
    path("kandidaten/<uuid:uuid>/anonimiseren/", views.erase_candidate, name="erase_candidate"),
    path("toestemmingen/<uuid:uuid>/intrekken/", views.consent_withdraw, name="consent_withdraw"),
    path("audit/", views.audit_search, name="audit_search"),
    path("audit/export.csv", views.audit_export, name="audit_export"),
    path("caseload/", views.caseload_reassign, name="caseload_reassign"),
]
