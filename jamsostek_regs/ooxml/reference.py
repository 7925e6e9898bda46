"""A reference document: the parts a writer copies, and the facts it reads from them.

A writer generates only the body of ``word/document.xml`` and the core properties; every
other part (styles, numbering, header, settings, theme) and the section properties after the
body come from a reference document made in Word or python-docx.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree import ElementTree

from jamsostek_regs.ooxml import manifest
from jamsostek_regs.ooxml.names import CORE, DOCUMENT, STYLES, w
from jamsostek_regs.ooxml.package import package, read

_BODY = "<w:body>"
_SECTION = "<w:sectPr"


@dataclass(frozen=True, slots=True)
class Reference:
    """What a writer takes from its reference document.

    Attributes:
        parts: every part in output order; the document and core properties are replaced.
        head: ``word/document.xml`` up to and including ``<w:body>``.
        tail: the section properties and the closing tags.
        style_ids: style name -> style id.
        tab_stops: style name -> positions of its tab stops (twips), in order.
        indents: style name -> its left indent and hanging indent (twips; 0 where none).
        top: top page margin (twips).
        text_width: page width minus the left and right margins (twips).
    """

    parts: dict[str, bytes]
    head: str
    tail: str
    style_ids: dict[str, str]
    tab_stops: dict[str, tuple[int, ...]]
    indents: dict[str, tuple[int, int]]
    top: int
    text_width: int

    def docx(self, body: str, core: bytes, keys: Sequence[manifest.Entry] = ()) -> bytes:
        """The DOCX whose body holds ``body`` (paragraphs and tables, before the reference's
        section properties), whose core properties are ``core`` and, when there are ``keys``,
        with their key manifest (:mod:`.manifest`)."""
        document = self.head + body + self.tail
        parts = self.parts | {DOCUMENT: document.encode(), CORE: core}
        return package(manifest.add(parts, keys) if keys else parts)


def load(data: bytes) -> Reference:
    """Read the reference document ``data`` (a DOCX).

    Raises:
        ValueError: the document has no body or no page size and margins.
    """
    parts = read(data)
    document = parts[DOCUMENT].decode()
    try:
        head = document[: document.index(_BODY) + len(_BODY)]
        tail = document[document.index(_SECTION) :]
    except ValueError:
        raise ValueError("reference document: no w:body with a w:sectPr") from None
    section = ElementTree.fromstring(parts[DOCUMENT]).find(f"{w('body')}/{w('sectPr')}")
    if section is None:
        raise ValueError("reference document: no w:sectPr at the end of the body")
    margins = _twips(section, "pgMar", "left") + _twips(section, "pgMar", "right")
    styles = ElementTree.fromstring(parts[STYLES]).iter(w("style"))
    named = [(n.get(w("val"), ""), style) for style in styles if (n := style.find(w("name"))) is not None]
    return Reference(
        parts=parts,
        head=head,
        tail=tail,
        style_ids={name: style.get(w("styleId"), "") for name, style in named},
        tab_stops={name: _tab_stops(style) for name, style in named},
        indents={name: _indent(style) for name, style in named},
        top=_twips(section, "pgMar", "top"),
        text_width=_twips(section, "pgSz", "w") - margins,
    )


def _twips(section: ElementTree.Element, tag: str, attr: str) -> int:
    element = section.find(w(tag))
    value = element.get(w(attr)) if element is not None else None
    if value is None or not value.isdigit():
        raise ValueError(f"reference document: no w:{tag}/@w:{attr} in the section properties")
    return int(value)


def _tab_stops(style: ElementTree.Element) -> tuple[int, ...]:
    path = f"{w('pPr')}/{w('tabs')}/{w('tab')}"
    return tuple(sorted(int(tab.get(w("pos"), "0")) for tab in style.iterfind(path)))


def _indent(style: ElementTree.Element) -> tuple[int, int]:
    ind = style.find(f"{w('pPr')}/{w('ind')}")
    if ind is None:
        return 0, 0
    return int(ind.get(w("left"), "0")), int(ind.get(w("hanging"), "0"))
