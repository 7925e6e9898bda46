"""Attached lampiran in the DOCX: each placeholder paragraph replaced by the attached document.

In the tree the body of an attached lampiran is one line (see
:mod:`jamsostek_regs.source.attachments`). :func:`compose` replaces that paragraph in the DOCX
by the body of the attached document through docxcompose: its styles are kept, its own lists
restart at 1, and the draft's numbering (plain text labels) is not touched. Its tables are
fitted to the draft's text width (F4 less the draft's margins): a document made on US Letter or
A4 with fixed columns keeps the proportions of its columns, not their widths, so its right edge
lines up with the draft's text and its headers have room.

The composed file is as reproducible as the rest: the zip is rewritten with fixed entry order
and timestamps, and the list ids docxcompose draws at random are replaced by fixed ones.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.model import Draft
from jamsostek_regs.ooxml.names import REL_NUMBERING, w
from jamsostek_regs.ooxml.package import repackage

#: High bits of the fixed list ids (``w:nsid``) of composed documents.
NSID_BASE = 0x4A520000


def compose(data: bytes, draft: Draft) -> bytes:
    """Return the DOCX ``data`` with each placeholder replaced by its attached document."""
    import docx
    from docxcompose.composer import Composer

    document = docx.Document(io.BytesIO(data))
    composer = Composer(document)
    body = document.element.body
    own = {id(table) for table in body.iterchildren(w("tbl"))}
    start = 0
    for text, path in _placeholders(draft):
        target = next(p for p in list(body)[start:] if p.tag == w("p") and _text(p) == text)
        start = body.index(target)
        body.remove(target)
        composer.insert(start, _open(path))
    _fix_list_ids(document)
    width = _text_width(body)
    for table in body.iterchildren(w("tbl")):
        if id(table) not in own:
            _fit(table, width)
    out = io.BytesIO()
    document.save(out)
    return repackage(out.getvalue())


def _placeholders(draft: Draft) -> list[tuple[str, Path]]:
    """(placeholder text, attached file) of each attached lampiran, in document order."""
    paths = {attached.key: attached.path for attached in draft.meta.attachments}
    return [
        (next(c for c in part.children if c.kind == "line").plain(), paths[part.key])
        for part in draft.root.children
        if part.kind == "lampiran" and part.key in paths
    ]


def _open(path: Path) -> Any:
    """The attached document, read with python-docx; a file it cannot read is an input error."""
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors, ...
        raise InputError([Problem(str(path), 1, 1, "", f"cannot read this Word document: {exc}")]) from None


def _text(paragraph: Any) -> str:
    return "".join(t.text or "" for t in paragraph.iter(w("t")))


def _text_width(body: Any) -> int:
    """The width of the text (twips): the page's width less its left and right margins."""
    section = body.find(w("sectPr"))
    size, margins = section.find(w("pgSz")), section.find(w("pgMar"))
    return int(size.get(w("w"))) - int(margins.get(w("left"))) - int(margins.get(w("right")))


def _fit(table: Any, width: int) -> None:
    """Scale the columns of ``table`` (grid and cell widths in twips) so that it is ``width`` wide."""
    columns = table.findall(f"{w('tblGrid')}/{w('gridCol')}")
    total = sum(int(column.get(w("w"), "0")) for column in columns)
    if not total or total == width:
        return
    for element in (*columns, *table.iter(w("tcW"))):
        if element.tag == w("gridCol") or element.get(w("type"), "dxa") == "dxa":
            element.set(w("w"), str(int(element.get(w("w"), "0")) * width // total))
    last = columns[-1]  # what the rounding down left goes to the last column
    last.set(w("w"), str(int(last.get(w("w"))) + width - sum(int(c.get(w("w"))) for c in columns)))
    props = table.find(w("tblPr"))
    if props is not None:
        for old in props.findall(w("tblW")) + props.findall(w("tblInd")):
            props.remove(old)
        size = props.makeelement(w("tblW"), {w("w"): str(width), w("type"): "dxa"})
        style = props.find(w("tblStyle"))
        props.insert(0 if style is None else 1, size)


def _fix_list_ids(document: Any) -> None:
    """Replace the random ``w:nsid`` docxcompose gives each list by a fixed one."""
    part = document.part
    numbering = next((r.target_part for r in part.rels.values() if r.reltype == REL_NUMBERING), None)
    if numbering is None:
        return
    for abstract in numbering.element.iter(w("abstractNum")):
        nsid = abstract.find(w("nsid"))
        if nsid is not None:
            number = int(abstract.get(w("abstractNumId")))
            nsid.set(w("val"), f"{NSID_BASE + number:08X}")
