"""Read the text of a DOCX as Word shows it after accepting or rejecting every tracked change.

Accepting drops ``w:del`` and keeps ``w:ins``; rejecting does the opposite. A paragraph whose
mark is deleted (accept) or inserted (reject) loses its mark: what is left of it joins the next
paragraph. A table row marked deleted (accept) or inserted (reject) goes. Paragraph text is
its runs' text with each tab as ``\\t``; a table row is its cells' texts joined by `` | ``.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal
from xml.etree import ElementTree

from jamsostek_regs.ooxml.names import DOCUMENT, W

View = Literal["accept", "reject"]


def body(data: bytes) -> ElementTree.Element:
    """The ``w:body`` of a DOCX."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read(DOCUMENT))
    found = root.find(f"{W}body")
    assert found is not None
    return found


def paragraphs(data: bytes, view: View) -> list[str]:
    """The document's paragraphs (and table rows) after every change is accepted or rejected."""
    gone = "del" if view == "accept" else "ins"
    out: list[str] = []
    carry = ""
    for element in body(data):
        if element.tag == f"{W}tbl":
            out += [
                _row(row, gone) for row in element.iter(f"{W}tr") if not _marked(row.find(f"{W}trPr"), gone)
            ]
        elif element.tag == f"{W}p":
            text = carry + _text(element, gone)
            ppr = element.find(f"{W}pPr")
            mark = ppr.find(f"{W}rPr") if ppr is not None else None
            if _marked(mark, gone):
                carry = text
            else:
                out.append(text)
                carry = ""
    assert not carry, "the last paragraph lost its mark"
    return out


def _marked(props: ElementTree.Element | None, kind: str) -> bool:
    return props is not None and props.find(f"{W}{kind}") is not None


def _row(row: ElementTree.Element, gone: str) -> str:
    return " | ".join("".join(_text(p, gone) for p in cell.iter(f"{W}p")) for cell in row.iter(f"{W}tc"))


def _text(p: ElementTree.Element, gone: str) -> str:
    parts: list[str] = []
    for child in p:
        if child.tag == f"{W}{gone}":
            continue
        runs = [child] if child.tag == f"{W}r" else list(child.iter(f"{W}r"))
        for run in runs:
            for item in run:
                if item.tag in (f"{W}t", f"{W}delText"):
                    parts.append(item.text or "")
                elif item.tag == f"{W}tab":
                    parts.append("\t")
    return "".join(parts)


def has_changes(data: bytes) -> bool:
    """Whether the document holds any tracked change."""
    tree = body(data)
    return any(tree.iter(f"{W}ins")) or any(tree.iter(f"{W}del"))
