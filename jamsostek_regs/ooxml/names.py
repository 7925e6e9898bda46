"""Namespace URIs, qualified names and part names of WordprocessingML packages."""

from __future__ import annotations

#: The WordprocessingML main namespace (prefix ``w``).
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: ``W_NS`` in ElementTree's Clark notation, ready to prefix a local name.
W = f"{{{W_NS}}}"
#: ``xml:space``, in Clark notation.
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: The relationship type of the numbering part (list definitions).
REL_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"

CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
CORE = "docProps/core.xml"


def w(local: str) -> str:
    """The Clark name of the WordprocessingML element or attribute ``local`` (``"p"``, ``"val"``)."""
    return W + local
