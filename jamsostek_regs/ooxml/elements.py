"""WordprocessingML as ElementTree elements: a body to edit, runs and tracked changes.

:func:`parse_body` reads what a writer generated for ``w:body`` (paragraphs and tables) into an
element to edit; :func:`serialize_body` gives the edited content back as the same kind of
string. The builders make runs and the ``w:ins`` / ``w:del`` of tracked changes and put them
where the schema wants them.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from xml.etree import ElementTree

from jamsostek_regs.ooxml.markup import preserves, safe
from jamsostek_regs.ooxml.names import W_NS, XML_SPACE, w

ElementTree.register_namespace("w", W_NS)
_OPEN, _CLOSE = f'<w:body xmlns:w="{W_NS}">', "</w:body>"

Element = ElementTree.Element


def parse_body(content: str) -> Element:
    """A ``w:body`` element holding ``content`` (paragraphs and tables as a writer makes them)."""
    return ElementTree.fromstring(_OPEN + content + _CLOSE)


def serialize_body(body: Element) -> str:
    """The content of ``body`` as a string, for a writer to put in its document."""
    if not len(body):
        return ""
    out = ElementTree.tostring(body, encoding="unicode")
    assert out.startswith(_OPEN) and out.endswith(_CLOSE), out[:80]
    return out[len(_OPEN) : -len(_CLOSE)]


def run(props: Element | None, items: list[str], deleted: bool = False) -> Element:
    """A ``w:r`` with a copy of ``props`` (its ``w:rPr``) holding ``items``: each ``"\\t"`` a
    tab, each other item a text (``w:delText`` in a deleted run)."""
    element = Element(w("r"))
    if props is not None:
        element.append(copy.deepcopy(props))
    for item in items:
        if item == "\t":
            ElementTree.SubElement(element, w("tab"))
            continue
        text = ElementTree.SubElement(element, w("delText" if deleted else "t"))
        text.text = safe(item)
        if preserves(item):
            text.set(XML_SPACE, "preserve")
    return element


def revision(kind: str, number: int, attrs: Mapping[str, str]) -> Element:
    """A ``w:ins`` or ``w:del`` (``kind``) numbered ``number`` with ``attrs`` (``author``,
    ``date``: local names).

    Raises:
        UnwritableTextError: a value holds a character XML 1.0 cannot hold.
    """
    values = {w(name): safe(value, f"the {name} of a tracked change") for name, value in attrs.items()}
    return Element(w(kind), {w("id"): str(number), **values})


def paragraph_mark(p: Element) -> Element:
    """The run properties of the paragraph mark of ``p`` (``w:pPr/w:rPr``), made if missing:
    a revision put there tracks the paragraph mark."""
    props = p.find(w("pPr"))
    if props is None:
        props = Element(w("pPr"))
        p.insert(0, props)
    mark = props.find(w("rPr"))
    if mark is None:
        mark = ElementTree.SubElement(props, w("rPr"))
    return mark


def row_props(row: Element) -> Element:
    """The ``w:trPr`` of table row ``row``, made if missing: a revision there tracks the row."""
    props = row.find(w("trPr"))
    if props is None:
        props = Element(w("trPr"))
        row.insert(0, props)
    return props
