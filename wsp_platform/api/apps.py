from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "wsp_platform.api"
    label = "api"
    verbose_name = "REST API"

    def ready(self):
        # Webhook events for placements and subsidy applications; the response cache's
        # write watcher on every database connection.
        from . import cache, schema, signals  # noqa: F401
