from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "wsp_platform.audit"
    label = "audit"
    verbose_name = "Audittrail"
