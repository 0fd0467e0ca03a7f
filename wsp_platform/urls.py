"""Root URLs. Each area includes its own urls module; paths in Dutch for the UI."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("wsp_platform.api.urls")),
    path("account/", include("wsp_platform.accounts.urls")),
    path("kandidaten/", include("candidates.urls")),
    path("werkgevers/", include("employers.urls")),
    path("plaatsingen/", include("placements.urls")),
    path("subsidies/", include("subsidies.urls")),
    path("portaal/", include("employers.portal.urls")),
    path("", include("wsp_platform.core.urls")),
]
