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

#: The relationship types a reader follows from the main document.
REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
#: The namespace of relationship parts (``*.rels``).
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
STYLES = "word/styles.xml"
NUMBERING = "word/numbering.xml"
COMMENTS = "word/comments.xml"
CORE = "docProps/core.xml"


def w(local: str) -> str:
    """The Clark name of the WordprocessingML element or attribute ``local`` (``"p"``, ``"val"``)."""
    return W + local
