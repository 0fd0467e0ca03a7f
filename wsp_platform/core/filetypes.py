"""Content sniffing for uploads: the first bytes must match the file's extension, so a
script or executable renamed to .pdf is refused before it is stored."""

import zipfile

# Extension -> accepted leading bytes.
MAGIC: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    # Office Open XML and OpenDocument are zip containers.
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
}
# What must be inside the zip container for each office type.
ZIP_MARKERS: dict[str, tuple[str, ...]] = {
    "docx": ("word/",),
    "xlsx": ("xl/",),
    "pptx": ("ppt/",),
    "odt": ("mimetype",),
    "ods": ("mimetype",),
}
# Never accepted as "text", whatever the extension says.
_BINARY_MARKERS = (b"MZ", b"\x7fELF", b"#!", b"<?php", b"<script", b"<html", b"<!doctype html")


def _head(file, size: int = 2048) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        return file.read(size) or b""
    finally:
        file.seek(position)


def content_matches_extension(file, extension: str) -> bool:
    """True when the file's content looks like what its extension promises."""
    extension = extension.lower().lstrip(".")
    head = _head(file)
    if isinstance(head, str):
        head = head.encode()
    if extension == "txt":
        lowered = head.lstrip().lower()
        if any(lowered.startswith(marker.lower()) for marker in _BINARY_MARKERS) or b"\x00" in head:
            return False
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character cut off at the end of the sample is fine.
            if exc.start < len(head) - 4:
                try:
                    head.decode("cp1252")
                except UnicodeDecodeError:
                    return False
        return True
    prefixes = MAGIC.get(extension)
    if prefixes is None:
        return True  # no signature known: the extension allow-list decides
    if not head.startswith(prefixes):
        return False
    markers = ZIP_MARKERS.get(extension)
    if markers:
        position = file.tell()
        try:
            file.seek(0)
            with zipfile.ZipFile(file) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
        finally:
            file.seek(position)
        return any(name.startswith(marker) for marker in markers for name in names)
    return True
