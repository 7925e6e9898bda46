"""DOCX writer: the layout blocks as WordprocessingML, styled by ``resources/reference.docx``.

python-docx is far too slow to build documents at run time, so this writer generates the body
of ``word/document.xml`` as a string with the builders of :mod:`jamsostek_regs.ooxml.markup`
and copies every other part (styles, header with the page number, settings, theme) from the
reference document, which ``tools/make_reference_docx.py`` builds. A draft's DOCX also
carries its key manifest (:mod:`jamsostek_regs.ooxml.manifest`): the key, bookmark and text
fingerprint of every node it shows, so that a reader finds the keys again after Word.
Paragraphs name their style by the id that the reference assigned to the style name; the
page (F4, margins, header, different first page) is the reference's ``w:sectPr``. A text
that XML 1.0 cannot hold is refused (:class:`jamsostek_regs.ooxml.markup.UnwritableTextError`),
never dropped.

:func:`body` and :func:`document` are the two halves of :func:`write`, for a caller that edits
the body in between (the redline, :mod:`jamsostek_regs.diff.redline`).

The output is deterministic: the same blocks and metadata give byte-identical files (see
:mod:`jamsostek_regs.ooxml.package`; core properties from :class:`Meta`, never the clock).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib import resources

from jamsostek_regs.layout import RINCIAN, STYLES, Block, Style, layout
from jamsostek_regs.model import Draft, Meta
from jamsostek_regs.ooxml import manifest, markup
from jamsostek_regs.ooxml import reference as ooxml_reference
from jamsostek_regs.ooxml.bookmarks import Bookmarks
from jamsostek_regs.ooxml.package import core_properties
from jamsostek_regs.ooxml.reference import Reference
from jamsostek_regs.writers import docx_compose

#: The first line of the first page starts 8 cm (4535 twips) below the top edge (R2, read as
#: the first page only; see tools/make_reference_docx.py).
FIRST_LINE_FROM_TOP = 4535
#: Room to sign and stamp: space (twips, 2 cm) above the empty line between a jabatan and the
#: name, about four lines in all as in published Perkada.
SIGNING_SPACE = 1134
#: How much further right (twips, 0.25 cm) the text of a list with two-character numbers
#: ("10.") starts, so that the number never touches its text.
WIDE_LABEL = 142
#: The kop (``Meta.kop``): the place of the lambang daerah above its centred bold lines, and
#: the height (twips) one of its lines takes, so that the judul still starts 8 cm down.
LAMBANG = "[lambang daerah]"
KOP_LINE = 280
#: Styles whose block keeps the block before it on its page: the perintah pengundangan keeps
#: the last Pasal's end, a signature block the end of a lampiran's table (no page holds only
#: signatures).
_KEPT_AFTER = ("Penutup", "TtdKanan", "TtdKiri")
#: Where a table cell's lettered items part ("...; b. ..." or "...; dan c. ..."), and how far
#: (twips, 0.7 cm) their text hangs from the label.
_CELL_ITEM = re.compile(r"(?<=;) (?=[a-z]\. )|(?<=; dan) (?=[a-z]\. )")
CELL_LABEL = 397
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
#: Parts the lettered items of a table cell in a redline (see :func:`cell_items`).
ITEM_BREAK = "\ue020"
#: The key of the Menetapkan line: set flush left, never stretched by justification.
MENETAPKAN = "diktum.menetapkan"
#: Table column weights: the longest cell text of a column, clamped to this range (at the
#: minimum, a column still holds "No." on one line).
MIN_WEIGHT, MAX_WEIGHT = 8, 40


@functools.cache
def reference() -> Reference:
    """Read the reference document once.

    Raises:
        ValueError: it lacks a style of :data:`jamsostek_regs.layout.STYLES`.
    """
    data = resources.files(__package__).joinpath("resources", "reference.docx").read_bytes()
    ref = ooxml_reference.load(data)
    missing = [name for name in STYLES if name not in ref.style_ids]
    if missing:
        raise ValueError(f"reference.docx lacks the styles {missing}")
    return ref


def render(draft: Draft) -> bytes:
    """Return the DOCX bytes of ``draft`` (with the bodies of its attached lampiran)."""
    data = write(layout(draft), draft.meta)
    return docx_compose.compose(data, draft) if draft.meta.attachments else data


def write(blocks: Sequence[Block], meta: Meta) -> bytes:
    """Return the DOCX bytes of ``blocks`` with core properties from ``meta``.

    Raises:
        UnwritableTextError: a text holds a character XML 1.0 cannot hold.
    """
    writer = _Body(reference())
    return document(writer.kop(meta.kop) + writer.xml(blocks), meta, writer.keys)


def body(blocks: Sequence[Block]) -> str:
    """The content of ``w:body`` for ``blocks``: their paragraphs and tables."""
    return _Body(reference()).xml(blocks)


def document(content: str, meta: Meta, keys: Sequence[manifest.Entry] = ()) -> bytes:
    """The DOCX whose body holds ``content`` (from :func:`body`), with core properties from
    ``meta`` and the key manifest ``keys`` (none for a document that is no draft, the redline)."""
    return reference().docx(content, core_properties(meta.title, meta.author, meta.date), keys)


class _Body:
    """Builds the body of one document (bookmarks, the first judul and the key manifest are state)."""

    def __init__(self, ref: Reference) -> None:
        self.ref = ref
        self.label_column = ref.tab_stops["Pembukaan"][1]  # the label tab stop
        self.bookmarks = Bookmarks()
        self.judul_done = False
        self.kop_height = 0
        self.keys: list[manifest.Entry] = []
        self._keyed: set[str] = set()

    def kop(self, lines: Sequence[str]) -> str:
        """The kop above the judul: the place of the lambang, then ``lines`` centred in bold."""
        if not lines:
            return ""
        self.kop_height = KOP_LINE * (len(lines) + 2)  # the lambang's line and a line of space
        props = markup.paragraph_props(self.ref.style_ids["Judul"])
        return "".join(markup.paragraph(props, markup.run(markup.text(t))) for t in (LAMBANG, *lines))

    def xml(self, blocks: Sequence[Block]) -> str:
        wide = _wide_lists(blocks)
        kept = {i - 1 for i, b in enumerate(blocks) if b.style in _KEPT_AFTER}  # the last Pasal's end
        return "".join(
            self._table(b, i in kept) if b.rows else self._paragraph(b, i in wide, i in kept)
            for i, b in enumerate(blocks)
        )

    def _key(self, block: Block, mark: tuple[int, str] | None) -> None:
        """The manifest entry of the first block that shows a node (a heading's number)."""
        if block.key is None or block.key in self._keyed:
            return
        self._keyed.add(block.key)
        text = block.plain() if block.rows else block.text
        self.keys.append(manifest.Entry(block.key, mark[1] if mark else "", manifest.fingerprint(text)))

    def _paragraph(self, block: Block, wide: bool = False, keep: bool = False) -> str:
        start, end = self._bookmark(block)
        return markup.paragraph(self._props(block, wide, keep), start + markup.run(_columns(block)) + end)

    def _props(self, block: Block, wide: bool, keep: bool) -> str:
        space_before = None
        if block.style == "Judul" and not self.judul_done:
            self.judul_done = True
            space_before = max(0, FIRST_LINE_FROM_TOP - self.ref.top - self.kop_height)
        elif _signing_space(block):
            space_before = SIGNING_SPACE
        style = self.ref.style_ids[block.style]
        if wide:  # the label column stays, the text moves right
            left, step = self.ref.indents[block.style]
            return markup.paragraph_props(
                style,
                keep_next=keep,
                tabs=(self.ref.tab_stops[block.style][0], left + WIDE_LABEL),
                hanging=step + WIDE_LABEL,
                left=left - step,
            )
        # no label: the text hangs at the label column
        hanging = self.label_column if block.style == "Pembukaan" and not block.label else None
        return markup.paragraph_props(
            style,
            page_break=block.page_break,
            keep_next=keep,
            space_before=space_before,
            hanging=hanging,
            align="left" if block.key == MENETAPKAN else None,
        )

    def _bookmark(self, block: Block) -> tuple[str, str]:
        """The bookmark of the first block of each anchor (see :mod:`jamsostek_regs.ooxml.bookmarks`);
        records the block's manifest entry."""
        mark = self.bookmarks.add(block.anchor)
        self._key(block, mark)
        return markup.bookmark(*mark) if mark else ("", "")

    def _cell(self, cell: str, header: bool, marks: tuple[str, str], keep: bool) -> str:
        """The paragraphs of a cell: one, or one per lettered item with the text hanging; ``marks``
        (a bookmark's start and end) around its first run; ``keep``: kept with what follows."""
        style = self.ref.style_ids["Tabel"]
        items = [cell] if header else cell_items(cell)
        if len(items) == 1:
            props = markup.paragraph_props(style, keep_next=keep)
            runs = [markup.run(markup.text(cell), bold=header)]
        else:
            props = markup.paragraph_props(style, keep_next=keep, tabs=(None, CELL_LABEL), hanging=CELL_LABEL)
            runs = [markup.run(_item(item)) for item in items]
        runs[0] = marks[0] + runs[0] + marks[1]
        return "".join(markup.paragraph(props, run) for run in runs)

    def _table(self, block: Block, keep: bool = False) -> str:
        """The table of ``block``; ``keep``: its last row stays with the next paragraph."""
        count = max(len(row) for row in block.rows)
        widths = _widths(block.rows, count, self.ref.text_width)
        marks = self._bookmark(block)  # in the first cell
        last = len(block.rows) - 1
        rows = "".join(
            self._row([*row, *[""] * (count - len(row))], widths, i, marks, keep and i == last)
            for i, row in enumerate(block.rows)
        )
        return markup.table(self.ref.text_width, widths, rows)

    def _row(
        self, cells: list[str], widths: list[int], index: int, marks: tuple[str, str], keep: bool
    ) -> str:
        """Row ``index`` of a table (0: the header, with the table's bookmark in its first cell)."""
        header = index == 0
        paragraphs = [
            self._cell(cell, header, marks if header and i == 0 else ("", ""), keep)
            for i, cell in enumerate(cells)
        ]
        tcs = "".join(markup.table_cell(width, p) for p, width in zip(paragraphs, widths, strict=True))
        return markup.table_row(tcs, header=header)


def cell_items(cell: str) -> list[str]:
    """The lettered items of a table cell ("a. ...; b. ...; dan c. ..."), or the cell whole.

    A redline (:mod:`jamsostek_regs.diff.redline`) parts the items of a cell itself, with
    :data:`ITEM_BREAK`, since its change markers (private-use characters) may stand where the
    items part; a cell with markers and no break is one paragraph.
    """
    if ITEM_BREAK in cell:
        return cell.split(ITEM_BREAK)
    if not cell.startswith("a. ") or _PRIVATE_USE.search(cell):
        return [cell]
    return _CELL_ITEM.split(cell)


def _item(text: str) -> str:
    """A cell's lettered item as its label, a tab and its text."""
    label, _space, rest = text.partition(" ")
    return markup.text(label) + markup.TAB + markup.text(rest)


def _signing_space(block: Block) -> bool:
    """Whether ``block`` is the empty line between a jabatan and the name of a signature."""
    return block.style in ("TtdKanan", "TtdKiri") and not block.text and (block.key or "").endswith(".ttd")


def _wide_lists(blocks: Sequence[Block]) -> set[int]:
    """Indices of the rincian of every list (the items of one parent) that has a label of three
    characters or more ("10.", "10)")."""
    lists: dict[int, list[int]] = {}  # first index of a list -> its items
    open_: dict[Style, int] = {}  # rincian style -> first index of its open list
    for i, block in enumerate(blocks):
        if block.style not in RINCIAN:
            open_.clear()
            continue
        depth = RINCIAN.index(block.style)
        for deeper in RINCIAN[depth + 1 :]:
            open_.pop(deeper, None)
        lists.setdefault(open_.setdefault(block.style, i), []).append(i)
    return {i for items in lists.values() if any(len(blocks[j].label) >= 3 for j in items) for i in items}


def _columns(block: Block) -> str:
    """The run content: "lead<TAB>:<TAB>label<TAB>text", "label<TAB>text" or "text".

    Pembukaan rows after the first of a group have no lead and no colon, only the tabs.
    """
    if block.style == "Pembukaan":
        columns = [block.lead, ":" if block.lead else "", block.label, block.text]
        if not block.label:  # no label tab: the text starts at the label column
            del columns[2]
    else:
        columns = [block.label, block.text] if block.label else [block.text]
    return markup.TAB.join(markup.text(column) for column in columns)


def _widths(rows: Sequence[Sequence[str]], count: int, total: int) -> list[int]:
    """Column widths (twips) proportional to the longest cell of each column, clamped."""
    longest = [max(len(row[c]) for row in rows if c < len(row)) for c in range(count)]
    weights = [min(max(n, MIN_WEIGHT), MAX_WEIGHT) for n in longest]
    widths = [total * w // sum(weights) for w in weights]
    widths[-1] += total - sum(widths)
    return widths
