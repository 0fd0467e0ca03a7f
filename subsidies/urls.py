from django.urls import path

from . import views

app_name = "subsidies"
urlpatterns = [
    path("aanvragen/", views.application_list, name="application_list"),
    path("aanvragen/nieuw/", views.application_create, name="application_create"),
    path("aanvragen/<uuid:uuid>/", views.application_detail, name="application_detail"),
    path("aanvragen/<uuid:uuid>/wijzigen/", views.application_edit, name="application_edit"),
    path("aanvragen/<uuid:uuid>/status/<str:target>/", views.application_transition, name="application_transition"),
    path("aanvragen/<uuid:uuid>/vervolg/", views.application_follow_up, name="application_follow_up"),
    path("aanvragen/<uuid:uuid>/uitbetaling/", views.application_payment, name="application_payment"),
    path("loonwaarde/", views.assessment_list, name="assessment_list"),
    path("plaatsing/<uuid:uuid>/", views.placement_overview, name="placement"),
    path("plaatsing/<uuid:uuid>/meting/", views.assessment_create, name="assessment_create"),
    path("plaatsing/<uuid:uuid>/eerdere-meting/", views.early_assessment_request, name="early_assessment"),
    path("budget/", views.budget, name="budget"),
]
