from django.urls import path

from placements import views as placement_views

from . import views

app_name = "employers"
urlpatterns = [
    path("", views.employer_list, name="list"),
    path("nieuw/", views.employer_create, name="create"),
    path("banen/", views.job_list, name="job_list"),
    path("banen/<uuid:job_uuid>/wijzigen/", views.job_form, name="job_edit"),
    path("banen/<uuid:uuid>/", views.job_detail, name="job_detail"),
    path("banen/<uuid:job_uuid>/kandidaten/", placement_views.match_candidates_for_job, name="job_matches"),
    path("banen/<uuid:job_uuid>/kandidaten/voorstellen/", placement_views.match_propose, name="job_match_propose"),
    path("<uuid:uuid>/", views.employer_detail, name="detail"),
    path("<uuid:uuid>/wijzigen/", views.employer_edit, name="edit"),
    path("<uuid:uuid>/tijdlijn/", views.employer_timeline, name="timeline"),
    path("<uuid:uuid>/contactmoment/", views.employer_contact_moment, name="contact_moment"),
    path("<uuid:uuid>/accounthouder/", views.employer_account_holder, name="account_holder"),
    path("<uuid:uuid>/contactpersonen/nieuw/", views.contact_person_form, name="contact_create"),
    path("<uuid:uuid>/contactpersonen/<uuid:contact_uuid>/", views.contact_person_form, name="contact_edit"),
    path("<uuid:uuid>/banen/nieuw/", views.job_form, name="job_create"),
    path("<uuid:uuid>/herontwerp/", views.employer_redesign, name="redesign"),
]
