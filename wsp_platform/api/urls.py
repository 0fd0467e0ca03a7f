"""/api/v1/: kebab-case paths, UUIDs only, no trailing slash (a trailing slash is a 404)."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.renderers import JSONOpenAPIRenderer
from rest_framework.routers import SimpleRouter

from candidates.api.views import CandidateViewSet
from employers.api.redesign import CarveJobView, FunctiecreatieView, FunctionsView
from employers.api.views import ContactPersonViewSet, EmployerViewSet, JobViewSet
from placements.api.matching import CandidateMatchesView, JobMatchesView
from placements.api.views import PlacementViewSet, ProposalViewSet, TaskViewSet
from subsidies.api.views import LksCalculationView, LoonwaardeAssessmentViewSet, SubsidyApplicationViewSet

from .base import API_VERSION, NotFoundView
from .schema import SPECTACULAR_API_SETTINGS
from .subscriptions import WebhookSubscriptionViewSet

app_name = "api"

router = SimpleRouter(trailing_slash=False)
router.register("candidates", CandidateViewSet, basename="candidate")
router.register("employers", EmployerViewSet, basename="employer")
router.register("contact-persons", ContactPersonViewSet, basename="contactperson")
router.register("jobs", JobViewSet, basename="job")
router.register("proposals", ProposalViewSet, basename="proposal")
router.register("placements", PlacementViewSet, basename="placement")
router.register("loonwaarde-assessments", LoonwaardeAssessmentViewSet, basename="loonwaardeassessment")
router.register("subsidy-applications", SubsidyApplicationViewSet, basename="subsidyapplication")
router.register("tasks", TaskViewSet, basename="task")
router.register("webhook-subscriptions", WebhookSubscriptionViewSet, basename="webhooksubscription")


class SchemaView(SpectacularAPIView):
    """The OpenAPI document, public (no token), with the API-Version header."""

    authentication_classes = []
    permission_classes = []
    custom_settings = SPECTACULAR_API_SETTINGS

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-Version"] = API_VERSION
        return response


class JSONSchemaView(SchemaView):
    renderer_classes = [JSONOpenAPIRenderer]


urlpatterns = [
    path("openapi.json", JSONSchemaView.as_view(), name="schema-json"),
    path("openapi.yaml", SchemaView.as_view(), name="schema"),
    path("docs", SpectacularSwaggerView.as_view(url_name="api:schema-json", authentication_classes=[],
                                                permission_classes=[]), name="docs"),
    path("redoc", SpectacularRedocView.as_view(url_name="api:schema-json", authentication_classes=[],
                                               permission_classes=[]), name="redoc"),
    path("loonkostensubsidie/_bereken", LksCalculationView.as_view(), name="lks-calculation"),
    path("jobs/<uuid:uuid>/candidate-matches", CandidateMatchesView.as_view(), name="job-candidate-matches"),
    path("candidates/<uuid:uuid>/job-matches", JobMatchesView.as_view(), name="candidate-job-matches"),
    path("employers/<uuid:uuid>/functions", FunctionsView.as_view(), name="employer-functions"),
    path("employers/<uuid:uuid>/carved-jobs", CarveJobView.as_view(), name="employer-carved-jobs"),
    path("employers/<uuid:uuid>/functiecreatie-conversations", FunctiecreatieView.as_view(),
         name="employer-functiecreatie-conversations"),
    *router.urls,
    re_path(r"^.*$", NotFoundView.as_view(), name="not-found"),
]
