"""The key manifest: which clause key each paragraph of a DOCX the tool wrote shows.

A draft's DOCX carries, besides the bookmarks of its anchors (:mod:`.bookmarks`), one custom
XML part (``customXml/item1.xml``, the place Word keeps data of other programs and that Word
and LibreOffice keep on saving) listing, in document order, one :class:`Entry` per node the
document shows: its stable key, the name of the bookmark on its first paragraph (if any) and a
fingerprint of its text. A reader maps a bookmark that survived back to its key, and a
paragraph without one to the next entry with the same fingerprint.

:func:`add` puts the part (with its properties part, its relationship from the main document
and its content type) into a package's parts; :func:`find` reads it back from any package,
whatever number Word or LibreOffice gave the part, and gives ``()`` when there is none or it
is damaged. The part is as reproducible as the rest (fixed item id, entries in order).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.etree import ElementTree

from jamsostek_regs.ooxml.markup import escape
from jamsostek_regs.ooxml.names import CONTENT_TYPES, DOCUMENT_RELS, REL_CUSTOM_XML, REL_CUSTOM_XML_PROPS

#: The namespace of the manifest's root element; the reader recognises the part by it.
NAMESPACE = "urn:jamsostek-regs:keys:1"
PART = "customXml/item1.xml"
PROPS = "customXml/itemProps1.xml"
RELS = "customXml/_rels/item1.xml.rels"
#: The fixed data store id of the part (Word wants one; the clock or chance must not make it).
ITEM_ID = "{4A535245-4753-4B45-5953-000000000001}"
_RELATIONSHIP_ID = "rIdJamsostekKeys"
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_ENTRY = f"{{{NAMESPACE}}}k"


@dataclass(frozen=True, slots=True)
class Entry:
    """One node the document shows: its key, its bookmark ("" when none) and text fingerprint."""

    key: str
    bookmark: str
    fingerprint: str


def fingerprint(text: str) -> str:
    """A short hash of ``text`` with its whitespace normalised (tabs, runs of spaces)."""
    return hashlib.blake2b(" ".join(text.split()).encode(), digest_size=6).hexdigest()


def add(parts: Mapping[str, bytes], entries: Iterable[Entry]) -> dict[str, bytes]:
    """``parts`` with the manifest of ``entries``, related from the main document."""
    rows = "".join(
        f'<k n="{escape(e.key)}" b="{escape(e.bookmark)}" f="{escape(e.fingerprint)}"/>' for e in entries
    )
    manifest = f'{_HEAD}<keys xmlns="{NAMESPACE}">{rows}</keys>'
    props = (
        f'{_HEAD}<ds:datastoreItem ds:itemID="{ITEM_ID}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        "<ds:schemaRefs/></ds:datastoreItem>"
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL_CUSTOM_XML_PROPS}" Target="itemProps1.xml"/></Relationships>'
    )
    types = (
        parts[CONTENT_TYPES]
        .decode()
        .replace("</Types>", f'<Override PartName="/{PROPS}" ContentType="{_PROPS_TYPE}"/></Types>')
    )
    relationship = f'<Relationship Id="{_RELATIONSHIP_ID}" Type="{REL_CUSTOM_XML}" Target="../{PART}"/>'
    related = parts[DOCUMENT_RELS].decode().replace("</Relationships>", relationship + "</Relationships>")
    return {
        **parts,
        CONTENT_TYPES: types.encode(),
        DOCUMENT_RELS: related.encode(),
        PART: manifest.encode(),
        PROPS: props.encode(),
        RELS: (_HEAD + rels).encode(),
    }


def find(parts: Mapping[str, bytes]) -> tuple[Entry, ...]:
    """The manifest's entries in document order; ``()`` when the package has none (or a damaged one)."""
    for name, data in parts.items():
        if (
            not (name.startswith("customXml/item") and name.endswith(".xml"))
            or NAMESPACE.encode() not in data
        ):
            continue
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError:
            return ()
        return tuple(
            Entry(k.get("n", ""), k.get("b", ""), k.get("f", "")) for k in root.iter(_ENTRY) if k.get("n")
        )
    return ()
