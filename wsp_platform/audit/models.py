"""Append-only audit trail: every change and every look at sensitive data."""

from django.conf import settings
from django.db import models


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("De audittrail kan niet worden gewijzigd.")

    def delete(self):
        raise PermissionError("De audittrail kan niet worden verwijderd.")


class AuditAction(models.TextChoices):
    CREATE = "create", "Aangemaakt"
    UPDATE = "update", "Gewijzigd"
    DELETE = "delete", "Verwijderd"
    TRANSITION = "transition", "Statuswijziging"
    READ = "read", "Ingezien"
    EXPORT = "export", "Geëxporteerd"
    ANONYMISE = "anonymise", "Geanonimiseerd"


class Channel(models.TextChoices):
    UI = "ui", "Webapplicatie"
    API = "api", "API"
    TASK = "task", "Achtergrondtaak"
    ADMIN = "admin", "Beheer"
    SYSTEM = "system", "Systeem"


class AuditEntry(models.Model):
    at = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    api_client = models.ForeignKey(
        "accounts.ApiClient", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    channel = models.CharField("kanaal", max_length=16, choices=Channel.choices)
    action = models.CharField("actie", max_length=16, choices=AuditAction.choices)
    object_type = models.CharField("soort object", max_length=64, db_index=True)
    object_uuid = models.UUIDField("object", null=True, db_index=True)
    object_repr = models.CharField("omschrijving", max_length=200, blank=True)
    changes = models.JSONField("wijzigingen", default=dict, blank=True)
    purpose = models.CharField("toelichting", max_length=300, blank=True)
    request_id = models.CharField("request-id", max_length=64, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "audittrail"
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("De audittrail kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("De audittrail kan niet worden verwijderd.")
