"""Uploads: the content must match the extension (magic bytes), on top of type and size."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wsp_platform.core.models import validate_upload


def _office(kind: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr({"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}[kind], "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content",
    [
        ("cv.pdf", b"%PDF-1.7\n..."),
        ("foto.png", b"\x89PNG\r\n\x1a\n0000"),
        ("foto.jpg", b"\xff\xd8\xff\xe0JFIF"),
        ("brief.docx", _office("docx")),
        ("lijst.xlsx", _office("xlsx")),
        ("notitie.txt", "Gesprek met werkgever: één taak tegelijk.".encode()),
    ],
)
def test_real_files_are_accepted(name, content):
    validate_upload(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    "name, content",
    [
        ("cv.pdf", b"MZ\x90\x00 windows executable"),
        ("foto.png", b"%PDF-1.4 not a png"),
        ("foto.jpg", b"<html><script>alert(1)</script>"),
        ("brief.docx", b"PK\x03\x04 not really a zip"),
        ("brief.docx", _office("xlsx")),  # a spreadsheet renamed to .docx
        ("notitie.txt", b"\x7fELF\x02\x01\x01"),
        ("notitie.txt", b"<script>alert(1)</script>"),
    ],
)
def test_content_that_does_not_match_is_refused(name, content):
    with pytest.raises(ValidationError, match="past niet bij het type"):
        validate_upload(SimpleUploadedFile(name, content))


def test_disallowed_type_and_size_still_refused(settings):
    with pytest.raises(ValidationError, match="niet toegestaan"):
        validate_upload(SimpleUploadedFile("script.exe", b"MZ"))
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError, match="te groot"):
        validate_upload(SimpleUploadedFile("groot.pdf", b"%PDF-" + b"x" * 100))
