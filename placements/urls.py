from django.urls import path

from . import views

app_name = "placements"
urlpatterns = [
    path("", views.placement_list, name="list"),
    path("bord/", views.placement_board, name="board"),
    path("<uuid:uuid>/", views.placement_detail, name="detail"),
    path("<uuid:uuid>/wijzigen/", views.placement_edit, name="edit"),
    path("<uuid:uuid>/werkaanpassing/", views.placement_adjustment, name="adjustment"),
    path("<uuid:uuid>/status/", views.placement_transition, name="transition"),
    path("<uuid:uuid>/tijdlijn/", views.placement_timeline, name="timeline"),
    path("<uuid:uuid>/contactmoment/", views.placement_contact_moment, name="contact_moment"),
]
