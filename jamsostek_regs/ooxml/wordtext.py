"""The text of a WordprocessingML body: its paragraphs and tables, as the reader sees them.

:func:`extract` reads the main document (with its styles and numbering parts) into
:class:`Paragraph` and :class:`Table` blocks in document order. Each paragraph has its text
(tabs kept as ``"\\t"``), the label Word's automatic numbering shows before it
(:mod:`.numbering`), its style name, the bookmarks that start in it and its number in the file
(1 for the first paragraph of the body, counting the paragraphs of tables too).

**Tracked changes.** ``view="accepted"`` reads the text with every change accepted (inserted
runs in, deleted runs out, a paragraph whose mark was deleted joined to the next one);
``view="original"`` reads it with every change rejected. :attr:`Body.revisions` counts the
insertions, deletions and moves, :attr:`Body.comments` the comments of the comments part.

**What is not text.** Field instructions, drawings, text boxes and footnote references are
skipped; a line break is a space. Tables nested deeper than :data:`MAX_DEPTH` are read as the
paragraphs they hold. Walking never recurses on the XML (a deeply nested part cannot exhaust
the stack); a part that is not well-formed XML raises :class:`ValueError`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal
from xml.etree import ElementTree

from jamsostek_regs.ooxml.names import COMMENTS, DOCUMENT, NUMBERING, STYLES, w
from jamsostek_regs.ooxml.numbering import Counters

View = Literal["accepted", "original"]

#: Tables nested deeper than this are read as their paragraphs.
MAX_DEPTH = 8

Element = ElementTree.Element
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = w("p"), w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent")
_T, _DEL_TEXT, _TAB, _BR, _CR = w("t"), w("delText"), w("tab"), w("br"), w("cr")
_NO_BREAK_HYPHEN, _BOOKMARK = w("noBreakHyphen"), w("bookmarkStart")
_INS, _DEL, _MOVE_FROM, _MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
_REVISIONS = frozenset({_INS, _DEL, _MOVE_FROM, _MOVE_TO})
#: Never text: properties, field instructions, drawings and text boxes, footnote references.
_NOT_TEXT = frozenset(
    w(name)
    for name in (
        "pPr", "rPr", "instrText", "delInstrText", "drawing", "pict", "object", "footnoteReference",
        "endnoteReference", "commentReference", "fldData", "txbxContent",
    )
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}  # fmt: skip
#: What each view leaves out: the deleted text when accepting, the inserted text when rejecting.
_LEFT_OUT: dict[View, frozenset[str]] = {
    "accepted": _NOT_TEXT | {_DEL, _MOVE_FROM},
    "original": _NOT_TEXT | {_INS, _MOVE_TO},
}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: its number in the file, text, automatic label, style name and bookmarks."""

    number: int
    text: str
    label: str = ""
    style: str = ""
    bookmarks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """One table: row -> cell -> paragraphs; ``bordered`` when it draws lines (a data table,
    not a signature block laid out in a borderless table)."""

    number: int
    rows: tuple[tuple[tuple[Paragraph, ...], ...], ...]
    bordered: bool


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class Body:
    """The blocks of a document body, and how many tracked changes and comments it has."""

    blocks: tuple[Block, ...]
    revisions: int
    comments: int


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    numbering: tuple[str, int] | None


def extract(parts: Mapping[str, bytes], view: View = "accepted") -> Body:
    """The body of the package ``parts`` (see the module docstring).

    Raises:
        ValueError: there is no main document, or it (or its styles) is no well-formed XML,
            or it has no ``w:body``.
    """
    if DOCUMENT not in parts:
        raise ValueError(f"it has no {DOCUMENT}")
    root = _parse(parts[DOCUMENT], DOCUMENT)
    body = root.find(w("body"))
    if body is None:
        raise ValueError(f"{DOCUMENT} has no w:body")
    reader = _Reader(_styles(parts.get(STYLES)), Counters(parts.get(NUMBERING)), view)
    blocks = tuple(reader.blocks(body, 0))
    return Body(blocks, reader.revisions, _comments(parts.get(COMMENTS)))


def _parse(data: bytes, name: str) -> Element:
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise ValueError(f"{name} is not well-formed XML ({exc})") from None


def _styles(part: bytes | None) -> dict[str, _Style]:
    """Style id -> name and the numbering the style gives its paragraphs."""
    if not part:
        return {}
    out = {}
    for style in _parse(part, STYLES).iter(w("style")):
        name = style.find(w("name"))
        numbering = style.find(f"{w('pPr')}/{w('numPr')}")
        out[style.get(w("styleId"), "")] = _Style(
            name.get(w("val"), "") if name is not None else "",
            _num(numbering) if numbering is not None else None,
        )
    return out


def _num(props: Element) -> tuple[str, int] | None:
    num_id, level = props.find(w("numId")), props.find(w("ilvl"))
    if num_id is None:
        return None
    value = level.get(w("val"), "0") if level is not None else "0"
    return num_id.get(w("val"), ""), int(value) if value.isdigit() else 0


def _comments(part: bytes | None) -> int:
    try:
        return sum(1 for _ in ElementTree.fromstring(part).iter(w("comment"))) if part else 0
    except ElementTree.ParseError:
        return 0


class _Reader:
    """Reads blocks in document order: paragraph numbers, list counters and the revision count
    are state."""

    def __init__(self, styles: dict[str, _Style], counters: Counters, view: View) -> None:
        self.styles, self.counters, self.view = styles, counters, view
        self.left_out = _LEFT_OUT[view]
        self.number = 0
        self.revisions = 0
        self.carried: list[str] = []  # text of paragraphs joined to the next (their mark removed)
        self.marks: list[str] = []  # bookmarks carried with them, or started between paragraphs

    def blocks(self, container: Element, depth: int) -> Iterator[Block]:
        """The paragraphs and tables of ``container`` (a body, a cell, a content control)."""
        stack = [iter(container)]
        while stack:
            for element in stack[-1]:
                if element.tag == _P:
                    paragraph = self.paragraph(element)
                    if paragraph is not None:
                        yield paragraph
                elif element.tag == _TBL:
                    if depth < MAX_DEPTH:
                        yield self.table(element, depth + 1)
                    else:
                        yield from filter(None, (self.paragraph(p) for p in element.iter(_P)))
                elif element.tag in (_SDT, _SDT_CONTENT):
                    stack.append(iter(element))
                    break
                elif element.tag == _BOOKMARK:
                    self.marks.append(element.get(w("name"), ""))
            else:
                stack.pop()

    def table(self, element: Element, depth: int) -> Table:
        number = self.number + 1
        rows = []
        for tr in element.findall(_TR):  # every row is read, so that paragraph numbers stay those of the file
            cells = tuple(tuple(_paragraphs(self.blocks(tc, depth))) for tc in tr.findall(_TC))
            if not self._row_removed(tr):
                rows.append(cells)
        return Table(number, tuple(rows), _bordered(element))

    def _row_removed(self, tr: Element) -> bool:
        """Whether the row is a tracked deletion (accepted view) or insertion (original view)."""
        marks = [m for m in (tr.find(f"{w('trPr')}/{_DEL}"), tr.find(f"{w('trPr')}/{_INS}")) if m is not None]
        self.revisions += len(marks)
        gone = _DEL if self.view == "accepted" else _INS
        return any(m.tag == gone for m in marks)

    def paragraph(self, element: Element) -> Paragraph | None:
        """The paragraph, or ``None`` when its mark is removed in this view (joined to the next)."""
        self.number += 1
        props = element.find(w("pPr"))
        text, marks = self._text(element)
        mark = props.find(w("rPr")) if props is not None else None
        if mark is not None:
            self.revisions += sum(1 for child in mark if child.tag in _REVISIONS)
            if any(child.tag in self.left_out for child in mark):
                self.carried.append(text)
                self.marks.extend(marks)
                return None
        style, label = self._style_and_label(props)
        text, self.carried = "".join([*self.carried, text]), []
        bookmarks, self.marks = (*self.marks, *marks), []
        return Paragraph(self.number, text, label, style, bookmarks)

    def _style_and_label(self, props: Element | None) -> tuple[str, str]:
        if props is None:
            return "", ""
        style_id = props.find(w("pStyle"))
        style = self.styles.get(style_id.get(w("val"), "") if style_id is not None else "")
        own = props.find(w("numPr"))
        numbering = _num(own) if own is not None else style.numbering if style is not None else None
        label = self.counters.label(*numbering) if numbering is not None else ""
        return (style.name if style is not None else ""), label

    def _text(self, paragraph: Element) -> tuple[str, list[str]]:
        """The text of ``paragraph`` in this view, and the bookmarks that start in it."""
        out: list[str] = []
        marks: list[str] = []
        stack = [iter(paragraph)]
        while stack:
            for element in stack[-1]:
                tag = element.tag
                if tag in _REVISIONS:
                    self.revisions += 1
                if tag in self.left_out:
                    continue
                if tag == _T or (tag == _DEL_TEXT and self.view == "original"):
                    out.append(element.text or "")
                elif tag == _TAB:
                    out.append("\t")
                elif tag in (_BR, _CR):
                    out.append(" ")
                elif tag == _NO_BREAK_HYPHEN:
                    out.append("-")
                elif tag == _BOOKMARK:
                    marks.append(element.get(w("name"), ""))
                elif len(element):
                    stack.append(iter(element))
                    break
            else:
                stack.pop()
        return "".join(out), marks


def _paragraphs(blocks: Iterator[Block]) -> Iterator[Paragraph]:
    """The paragraphs of ``blocks``, those of tables (nested in a cell) included, in order."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        else:
            yield from (p for row in block.rows for cell in row for p in cell)


def _bordered(table: Element) -> bool:
    """Whether the table draws lines: borders of its own or of its first cell (LibreOffice
    writes them there), or a table style (which has them)."""
    props = table.find(w("tblPr"))
    first = table.find(f"{w('tr')}/{w('tc')}/{w('tcPr')}/{w('tcBorders')}")
    own = props.find(w("tblBorders")) if props is not None else None
    for borders in (own, first):
        if borders is not None and any(side.get(w("val"), "none") not in ("none", "nil") for side in borders):
            return True
    style = props.find(w("tblStyle")) if props is not None else None
    return style is not None and style.get(w("val"), "") not in ("", "TableNormal", "NormalTable")
