from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("plaatsingen/<uuid:uuid>/", views.placement_detail, name="placement"),
    path("plaatsingen/<uuid:uuid>/signaal/", views.signal_create, name="signal"),
    path("plaatsingen/<uuid:uuid>/document/", views.document_upload, name="document_upload"),
    path("subsidies/", views.subsidies, name="subsidies"),
    path("voorstellen/", views.proposals, name="proposals"),
    path("voorstellen/<uuid:uuid>/reageren/", views.proposal_respond, name="proposal_respond"),
    path("banen/", views.jobs, name="jobs"),
    path("banen/aanvraag/", views.work_request, name="work_request"),
    path("verslagen/", views.reports, name="reports"),
    path("documenten/", views.documents, name="documents"),
    path("documenten/<uuid:uuid>/", views.document_download, name="document_download"),
    path("uitnodigen/<uuid:uuid>/", views.invite, name="invite"),
    path("uitnodiging/<str:uidb64>/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
