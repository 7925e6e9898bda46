"""A redline: B's formatted draft with native Word tracked changes from A.

The two drafts are joined by key (:mod:`.align`) into one tree in B's order, where each text,
label and title carries its word-level changes as marker characters; the ordinary layout and
DOCX writer turn that tree into B's body (:func:`jamsostek_regs.writers.docx.body`) with B's
styles; then every run is split at the markers into ``w:ins`` / ``w:del`` runs (with
``w:author`` and ``w:date`` from the caller, never the clock) and the writer makes the DOCX of
the edited body (:func:`~jamsostek_regs.writers.docx.document`). A paragraph only A has is
deleted with its paragraph mark, one only B has is inserted with its mark, and so are table
rows (``w:trPr``). Accepting every change gives B's text exactly; rejecting every change gives
A's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from jamsostek_regs.diff import words
from jamsostek_regs.diff.align import Pair, align
from jamsostek_regs.layout import layout
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.ooxml import elements
from jamsostek_regs.ooxml.elements import Element
from jamsostek_regs.ooxml.names import w
from jamsostek_regs.ooxml.package import w3cdtf
from jamsostek_regs.writers import docx

DEL_OPEN, DEL_CLOSE, INS_OPEN, INS_CLOSE = "\ue010", "\ue011", "\ue012", "\ue013"
#: Anywhere in a paragraph: the whole paragraph (or table row) is A's only / B's only.
ONLY_A, ONLY_B = "\ue014", "\ue015"
_MARKERS = {DEL_OPEN: "del", DEL_CLOSE: "", INS_OPEN: "ins", INS_CLOSE: ""}
#: Revision ids start here, clear of the bookmark ids the writer numbers from 0.
FIRST_ID = 1_000_000
#: Clauses whose label the layout prints in their text ("Pasal 7", "BAB II").
_HEADINGS = frozenset({"bab", "bagian", "paragraf", "pasal"})
_LAST_WORD = re.compile(r"\S*\s*$")


def render(a: Draft, b: Draft, author: str, date: str) -> bytes:
    """The DOCX redline from draft ``a`` to draft ``b``; ``date`` is an ISO date or date-time.

    Raises:
        UnwritableTextError: ``author`` (or a text) holds a character XML 1.0 cannot hold.
    """
    merged = Draft(b.meta, _merge(_anchored(_tables_first(align(a.root, b.root, ordered=True)))))
    tracked = _Tracker(author, w3cdtf(date)).body(docx.body(layout(merged)))
    return docx.document(tracked, b.meta)


# --------------------------------------------------------------------------- the joined tree


def _tables_first(root: Pair) -> Pair:
    """The joined parts with, between two parts both drafts share, one draft's own parts that
    hold a table before the other draft's own parts (see :meth:`_Tracker._before_tables`)."""
    parts: list[Pair] = []
    gap: list[Pair] = []
    for part in (*root.children, None):
        if part is not None and (part.a is None or part.b is None):
            gap.append(part)
            continue
        tabled = [p for p in gap if any(n.node.kind == "table" for n in p.walk())]
        sides = {p.a is None for p in tabled}
        first = sides.pop() if len(sides) == 1 else False  # True: B's own parts first
        parts += sorted(gap, key=lambda p: (p.a is None) != first)
        gap = []
        if part is not None:
            parts.append(part)
    return replace(root, children=tuple(parts))


def _anchored(root: Pair) -> Pair:
    """The joined tree ending with a paragraph of both drafts.

    The last paragraph mark of a document cannot be deleted or inserted. When the last part
    (a lampiran) is one draft's only, the other draft's last line moves to pair with its last
    line (each draft keeps its order: only that draft's own parts lie in between).
    """
    parts = list(root.children)
    last = parts[-1]
    if last.a is not None and last.b is not None:
        return root
    mine = "a" if last.b is None else "b"
    other = next(i for i in range(len(parts) - 1, -1, -1) if (parts[i].b if mine == "a" else parts[i].a))
    theirs = _last_leaf(parts[other])
    own = _last_leaf(last)
    if mine == "a":
        joined, left = Pair(own.a, theirs.b), (Pair(theirs.a, None) if theirs.a else None)
    else:
        joined, left = Pair(theirs.a, own.b), (Pair(None, theirs.b) if theirs.b else None)
    parts[other] = _with_last_leaf(parts[other], left)
    parts[-1] = _with_last_leaf(parts[-1], joined)
    return replace(root, children=tuple(parts))


def _last_leaf(pair: Pair) -> Pair:
    return _last_leaf(pair.children[-1]) if pair.children else pair


def _with_last_leaf(pair: Pair, leaf: Pair | None) -> Pair:
    """``pair`` with its last leaf replaced by ``leaf`` (or removed, when ``None``)."""
    if not pair.children:
        assert leaf is not None
        return leaf
    *rest, last = pair.children
    if last.children:
        return replace(pair, children=(*rest, _with_last_leaf(last, leaf)))
    return replace(pair, children=(*rest, leaf) if leaf else tuple(rest))


def _merge(pair: Pair) -> Node:
    """B's node (or A's) whose text, label and title carry the changes as markers."""
    a, b = pair.a, pair.b
    children = tuple(_merge(child) for child in pair.children)
    if a is None or b is None:
        node = a or b
        assert node is not None
        mark = ONLY_A if b is None else ONLY_B
        items = docx.cell_items(node.plain()) if node.kind == "line" else []
        if len(items) > 1:  # a table cell of lettered items: each its own paragraph, all one side's
            text: tuple[str, ...] = (docx.ITEM_BREAK.join(mark + item for item in items),)
        else:
            text = (mark + node.plain(),) if node.text or node.kind == "line" else ()
        title = mark + node.title if node.title else ""
        num = mark + node.num if node.kind in _HEADINGS else node.num
        eid = node.eid if a is None else ""
        return replace(node, text=text, title=title, num=num, end="", eid=eid, children=children)
    num, lead = _label(a.num, b.num)
    text = (lead + _marked(a.plain(), b.plain()),) if b.text or a.text or lead else ()
    if b.kind == "line" and max(len(docx.cell_items(a.plain())), len(docx.cell_items(b.plain()))) > 1:
        text = (_items_marked(a.plain(), b.plain()),)
    return replace(b, text=text, title=_marked(a.title, b.title), num=num, end="", children=children)


def _items_marked(a: str, b: str) -> str:
    """A table cell of lettered items (in either draft), marked item by item: the items in the
    same place compared word by word, those only one draft has A's only or B's only, parted by
    :data:`~jamsostek_regs.writers.docx.ITEM_BREAK` so that each stays its own paragraph."""
    items_a, items_b = docx.cell_items(a), docx.cell_items(b)
    out = []
    for i in range(max(len(items_a), len(items_b))):
        if i >= len(items_b):
            out.append(ONLY_A + items_a[i])
        elif i >= len(items_a):
            out.append(ONLY_B + items_b[i])
        else:
            out.append(_marked(items_a[i], items_b[i]))
    return docx.ITEM_BREAK.join(out)


def _label(a: str, b: str) -> tuple[str, str]:
    """The label of a node in both drafts, and what its text must start with.

    A label only B has is inserted together with the tab after it (its insertion is closed
    at the start of the text); a label only A has is deleted, tab and all, in the text.
    """
    if a == b:
        return b, ""
    if not a:
        return INS_OPEN + b, INS_CLOSE
    if not b:
        return "", f"{DEL_OPEN}{a}\t{DEL_CLOSE}"
    return f"{DEL_OPEN}{a}{DEL_CLOSE}{INS_OPEN}{b}{INS_CLOSE}", ""


def _marked(a: str, b: str) -> str:
    """B's text with A's words: deletions and insertions between markers."""
    out = []
    for op in _ending_deleted(words.ops(a, b)):
        if op.op == "equal":
            out.append(op.text)
        elif op.op == "delete":
            out.append(DEL_OPEN + op.text + DEL_CLOSE)
        else:
            out.append(INS_OPEN + op.text + INS_CLOSE)
    return "".join(out)


def _ending_deleted(ops: tuple[words.Op, ...]) -> tuple[words.Op, ...]:
    """The same change, not ending with an insertion when A's text is not empty.

    LibreOffice joins an insertion at the end of a paragraph with an inserted paragraph after
    it, paragraph break included, and rejecting both then joins the two paragraphs. So the last
    word before a final insertion is deleted and inserted again with it ("[ins]" then "[del]").
    """
    if len(ops) < 2 or ops[-1].op != "insert":
        return ops
    *rest, before, last = ops
    if before.op == "delete":
        return (*rest, last, before)
    cut = _LAST_WORD.search(before.text)
    start = cut.start() if cut else 0
    head, word = before.text[:start], before.text[start:]
    kept = (words.Op("equal", head),) if head else ()
    return (*rest, *kept, words.Op("insert", word + last.text), words.Op("delete", word))


# ------------------------------------------------------------------------- tracked changes


class _Tracker:
    """Turns the markers of a document body into ``w:ins`` / ``w:del``."""

    def __init__(self, author: str, date: str) -> None:
        self.attrs = {"author": author, **({"date": date} if date else {})}  # w:date is optional
        self.next_id = FIRST_ID

    def body(self, xml: str) -> str:
        root = elements.parse_body(xml)
        marks = [self._block(element) for element in root]
        for i, element in enumerate(root):  # a spacer between two paragraphs of one side goes with them
            mark = marks[i - 1] if 0 < i < len(root) - 1 and marks[i] is None else None
            if mark and mark == marks[i + 1] and element.tag == w("p") and not _has_runs(element):
                self._mark_paragraph(element, mark)
                marks[i] = mark
        self._before_tables(list(root), marks)
        return elements.serialize_body(root)

    def _before_tables(self, blocks: list[Element], marks: list[str | None]) -> None:
        """A paragraph right before a table keeps its mark in LibreOffice. When both are one
        side's only, the mark the view without that side must lose goes earlier: to the
        nearest paragraph that view shows, whose text then ends up in this paragraph."""
        for i in range(1, len(blocks)):
            side = marks[i]
            if blocks[i].tag != w("tbl") or not side or marks[i - 1] != side or blocks[i - 1].tag != w("p"):
                continue
            props = blocks[i - 1].find(f"{w('pPr')}/{w('rPr')}")
            earlier = next((k for k in range(i - 2, -1, -1) if marks[k] != side), None)
            if props is None or earlier is None or blocks[earlier].tag != w("p"):
                continue
            props.remove(props.find(w(side)))  # type: ignore[arg-type]
            self._mark_paragraph(blocks[earlier], side)

    def _block(self, element: Element) -> str | None:
        """Track one paragraph or table; return "del" / "ins" if it is A's / B's only."""
        if element.tag == w("p"):
            mark = self._paragraph(element)
            if mark:
                self._mark_paragraph(element, mark)
            return mark
        marks = {self._row(row) for row in element.iter(w("tr"))}
        return marks.pop() if len(marks) == 1 else None

    def _row(self, row: Element) -> str | None:
        cells = [[(p, self._paragraph(p)) for p in cell.findall(w("p"))] for cell in row.iter(w("tc"))]
        marks = {mark for cell in cells for _p, mark in cell}
        mark = marks.pop() if len(marks) == 1 else None
        if mark:
            elements.row_props(row).append(self._revision(mark))
        for cell in cells:  # a cell's inner paragraph marks too, or LibreOffice keeps the row
            self._cell_marks(cell)
        return mark

    def _cell_marks(self, cell: list[tuple[Element, str | None]]) -> None:
        """Track the marks of a cell's paragraphs that are one side's only (a lettered item A or
        B alone has): a paragraph's own mark, or for the cell's last paragraph, which keeps its
        mark, the mark of the paragraph before it, so accepting or rejecting leaves no empty one."""
        marked: set[int] = set()
        for k, (_p, mark) in enumerate(cell):
            target = k if k < len(cell) - 1 else k - 1
            if mark and target >= 0 and target not in marked:
                marked.add(target)
                self._mark_paragraph(cell[target][0], mark)

    def _paragraph(self, p: Element) -> str | None:
        """Split the runs of ``p`` at the markers; return the paragraph's own mark, if any."""
        whole = None
        for index, run in reversed(list(enumerate(p))):
            if run.tag != w("r"):
                continue
            pieces, mark = _pieces(run)
            whole = whole or mark
            p.remove(run)
            for offset, element in enumerate(self._elements(pieces, run.find(w("rPr")), mark)):
                p.insert(index + offset, element)
        return whole

    def _elements(
        self, pieces: list[tuple[str, list[str]]], props: Element | None, mark: str | None
    ) -> Iterator[Element]:
        for state, items in pieces:
            state = mark or state
            run = elements.run(props, items, deleted=state == "del")
            if state:
                wrapper = self._revision(state)
                wrapper.append(run)
                yield wrapper
            else:
                yield run

    def _mark_paragraph(self, p: Element, mark: str) -> None:
        """Track the paragraph mark of ``p`` as inserted or deleted (``w:ins`` before ``w:del``)."""
        props = elements.paragraph_mark(p)
        props.insert(0 if mark == "ins" else len(props), self._revision(mark))

    def _revision(self, kind: str) -> Element:
        self.next_id += 1
        return elements.revision(kind, self.next_id, self.attrs)


def _has_runs(p: Element) -> bool:
    return any(child.tag in (w("r"), w("ins"), w("del")) for child in p)


def _pieces(run: Element) -> tuple[list[tuple[str, list[str]]], str | None]:
    """The content of ``run`` as (state, texts and tabs) pieces; and ONLY_A / ONLY_B, if there."""
    pieces: list[tuple[str, list[str]]] = []
    state, mark = "", None
    current: list[str] = []

    def cut() -> None:
        nonlocal current
        if current:
            pieces.append((state, current))
        current = []

    for child in run:
        if child.tag == w("tab"):
            current.append("\t")
        elif child.tag == w("t"):
            for char in child.text or "":
                if char in (ONLY_A, ONLY_B):
                    mark = "del" if char == ONLY_A else "ins"
                elif char in _MARKERS:
                    cut()
                    state = _MARKERS[char]
                elif char == "\t" or not current or current[-1] == "\t":
                    current.append(char)
                else:
                    current[-1] += char
    cut()
    return pieces, mark
