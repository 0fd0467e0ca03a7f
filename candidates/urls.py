from django.urls import path

from placements import views as placement_views

from . import views

app_name = "candidates"
urlpatterns = [
    path("", views.candidate_list, name="list"),
    path("nieuw/", views.candidate_create, name="create"),
    path("<uuid:uuid>/", views.candidate_detail, name="detail"),
    path("<uuid:uuid>/wijzigen/", views.candidate_edit, name="edit"),
    path("<uuid:uuid>/tijdlijn/", views.candidate_timeline, name="timeline"),
    path("<uuid:uuid>/contactmoment/", views.candidate_contact_moment, name="contact_moment"),
    path("<uuid:uuid>/voorstellen/", views.candidate_propose, name="propose"),
    path("<uuid:uuid>/passende-banen/", placement_views.match_jobs_for_candidate, name="job_matches"),
]
