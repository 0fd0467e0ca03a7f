"""Domain operations on shared records (documents)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from wsp_platform.audit.services import Actor, AuditAction, record

from .models import Document, DocumentType, validate_upload


@transaction.atomic
def upload_document(
    subject,
    uploaded_file,
    *,
    actor: Actor,
    title: str = "",
    document_type: str = DocumentType.OVERIG,
    shared_with_employer: bool = False,
) -> Document:
    """Attach a file to a candidate, placement, subsidy application or employer.

    Type and size are checked against the settings; the file is stored through
    Django's storage API under a random name outside the web root.
    """
    validate_upload(uploaded_file)
    if document_type not in DocumentType.values:
        raise ValidationError({"document_type": "Kies een geldige soort document."})
    document = Document(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        document_type=document_type,
        title=(title or uploaded_file.name)[:200],
        original_name=uploaded_file.name[:255],
        size=uploaded_file.size,
        shared_with_employer=shared_with_employer,
        uploaded_by=actor.user_or_none,
    )
    document.file.save(uploaded_file.name, uploaded_file, save=False)
    document.save()
    record(actor, AuditAction.CREATE, document, changes={"subject": (None, f"{subject._meta.label_lower}")})
    return document
