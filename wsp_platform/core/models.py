import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models


class BaseModel(models.Model):
    """Every domain record: a public UUID (the only id the outside world sees) and timestamps."""

    uuid = models.UUIDField("UUID", default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    updated_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        abstract = True


def validate_upload(file) -> None:
    """Type and size checks for uploaded documents (settings, not constants)."""
    extension = Path(file.name).suffix.lower().lstrip(".")
    if extension not in settings.DOCUMENT_ALLOWED_EXTENSIONS:
        allowed = ", ".join(settings.DOCUMENT_ALLOWED_EXTENSIONS)
        raise ValidationError(f"Bestandstype .{extension} is niet toegestaan (toegestaan: {allowed}).")
    if file.size > settings.DOCUMENT_MAX_UPLOAD_BYTES:
        limit = settings.DOCUMENT_MAX_UPLOAD_BYTES // (1024 * 1024)
        raise ValidationError(f"Het bestand is te groot (maximaal {limit} MB).")
    from .filetypes import content_matches_extension

    if not content_matches_extension(file, extension):
        raise ValidationError(f"De inhoud van het bestand past niet bij het type .{extension}.")


def document_path(instance, filename: str) -> str:
    # A random name: the original file name (which may hold a person's name) stays in the database.
    return f"documents/{instance.uuid.hex[:2]}/{instance.uuid.hex}{Path(filename).suffix.lower()}"


class DocumentType(models.TextChoices):
    CV = "cv", "Cv"
    CONTRACT = "contract", "Arbeidsovereenkomst"
    BESCHIKKING = "beschikking", "Beschikking"
    AANVRAAG = "aanvraag", "Aanvraagformulier"
    LOONWAARDE_RAPPORT = "loonwaarde_rapport", "Loonwaarderapport"
    OFFERTE = "offerte", "Offerte"
    VERSLAG = "verslag", "Bezoekverslag"
    OVERIG = "overig", "Overig"


class Document(BaseModel):
    """A file attached to a candidate, placement, subsidy application or employer."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    document_type = models.CharField("soort", max_length=32, choices=DocumentType.choices, default=DocumentType.OVERIG)
    title = models.CharField("titel", max_length=200)
    file = models.FileField("bestand", upload_to=document_path, validators=[validate_upload])
    original_name = models.CharField("oorspronkelijke bestandsnaam", max_length=255)
    size = models.PositiveIntegerField("grootte (bytes)", default=0)
    shared_with_employer = models.BooleanField("zichtbaar voor werkgever", default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.title


class Skill(models.Model):
    """Shared vocabulary of skills and capabilities: what a candidate can, what a task asks."""

    name = models.CharField("naam", max_length=80, unique=True)

    class Meta:
        verbose_name = "vaardigheid"
        verbose_name_plural = "vaardigheden"
        ordering = ["name"]

    def __str__(self):
        return self.name
