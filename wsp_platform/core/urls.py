from django.contrib.auth import views as auth_views
from django.urls import path

from placements import views as placement_views

from . import views

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("meldingen/gelezen/", views.notifications_read, name="notifications_read"),
    path("documenten/<str:kind>/<uuid:uuid>/toevoegen/", views.document_upload, name="document_upload"),
    path("documenten/<uuid:uuid>/", views.document_download, name="document_download"),
    path("taken/", placement_views.task_list, name="task_list"),
    path("taken/nieuw/", placement_views.task_create, name="task_create"),
    path("taken/<uuid:uuid>/afronden/", placement_views.task_complete, name="task_complete"),
    path("taken/<uuid:uuid>/verzetten/", placement_views.task_reschedule, name="task_reschedule"),
    path("taken/<uuid:uuid>/toewijzen/", placement_views.task_assign, name="task_assign"),
    path("", views.home, name="home"),
]
