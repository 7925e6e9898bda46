"""The OOXML package: a reproducible zip of parts, and the core properties.

Same parts, same bytes: entries are dated :data:`ZIP_DATE` with Unix permissions 0644 (never
the clock's or the file system's), in the order given; :func:`read` gives a package's parts in
the canonical order (``[Content_Types].xml`` first, then by name), which :func:`repackage`
uses to make the output of another library (python-docx, docxcompose) reproducible.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

from jamsostek_regs.ooxml.markup import escape
from jamsostek_regs.ooxml.names import CONTENT_TYPES, DOCUMENT

ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>{dates}"
    "</cp:coreProperties>"
)
_DATES = (
    '<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>'
)


def package(parts: Mapping[str, bytes]) -> bytes:
    """Zip ``parts`` in the given order, reproducibly (see :func:`add_entry`)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            add_entry(archive, name, data)
    return out.getvalue()


def add_entry(archive: zipfile.ZipFile, name: str, data: bytes, compress: int = zipfile.ZIP_DEFLATED) -> None:
    """Add one entry dated :data:`ZIP_DATE` with Unix permissions 0644, never the clock's.

    The bundle zip (:mod:`jamsostek_regs.bundle.archive`) writes its entries the same way.
    """
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.compress_type = compress
    info.create_system = 3
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def read(data: bytes) -> dict[str, bytes]:
    """The parts of the package ``data``: ``[Content_Types].xml`` first, then by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(archive.namelist(), key=lambda n: (n != CONTENT_TYPES, n))
        return {name: archive.read(name) for name in names}


def repackage(data: bytes) -> bytes:
    """The package ``data`` zipped again reproducibly, its parts in :func:`read`'s order."""
    return package(read(data))


def is_docx(path: Path) -> bool:
    """Whether ``path`` is a zip holding a WordprocessingML main document."""
    try:
        with zipfile.ZipFile(path) as archive:
            return DOCUMENT in archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return False  # not a zip, or one whose directory is damaged


def core_properties(title: str, creator: str, date: str) -> bytes:
    """The core properties part: title, creator, and created/modified from the ISO ``date``.

    Without a date (or with one that is not ISO) there are no dates: the clock would make
    every build differ.
    """
    moment = w3cdtf(date)
    dates = _DATES.format(date=moment) if moment else ""
    fields = {"title": escape(title, "the title"), "creator": escape(creator, "the author")}
    return _CORE.format(dates=dates, **fields).encode()


def w3cdtf(value: str) -> str:
    """An ISO date or date-time as W3CDTF in UTC; ``""`` if empty or not ISO."""
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
