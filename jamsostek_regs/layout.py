"""Flatten a numbered, resolved draft into the paragraphs every export prints.

The layout is the last shared step before the writers: it decides *which paragraph carries
which text, label and style*, so DOCX, Markdown, HTML and plain text print exactly the same
words in the same order. Writers decide only how a style looks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from jamsostek_regs.citing import cite, word
from jamsostek_regs.model import Draft, Node

Style = Literal[
    "Judul",  # judul lines: centred capitals (R5, R6, R8)
    "Frasa",  # DENGAN RAHMAT TUHAN YANG MAHA ESA, centred (R14)
    "Jabatan",  # BUPATI ...,  centred (R15)
    "Pembukaan",  # Menimbang / Mengingat / Menetapkan rows: lead, ":", label, hanging text
    "Diktum",  # MEMUTUSKAN:, centred (R39)
    "BabNomor",  # BAB I, centred (R44)
    "BabJudul",  # KETENTUAN UMUM, centred capitals
    "BagianNomor",  # Bagian Kesatu, centred (R45)
    "BagianJudul",  # title case, centred
    "ParagrafNomor",  # Paragraf 1, centred (R46)
    "ParagrafJudul",
    "PasalNomor",  # Pasal 1, centred (R47)
    "PasalIsi",  # the text of a Pasal without ayat, justified
    "Ayat",  # (1) text, hanging indent (R49)
    "Rincian1",  # a. text, hanging indent by depth (R53, R54)
    "Rincian2",  # 1. text
    "Rincian3",  # a) text
    "Rincian4",  # 1) text
    "Penutup",  # the perintah pengundangan, justified (R92)
    "TtdKanan",  # Ditetapkan block, at the right (R94)
    "TtdKiri",  # Diundangkan block, at the left (R96)
    "BeritaDaerah",  # BERITA DAERAH ... TAHUN ... NOMOR ..., capitals (R97)
    "LampiranKepala",  # LAMPIRAN heading block at the top right (R106)
    "LampiranJudul",  # lampiran name, centred capitals (R107)
    "LampiranIsi",  # running text of a lampiran
    "Tabel",  # a table; ``rows`` holds the cells, the first row is the header
]

#: Every style, in the order the reference document defines them.
STYLES: tuple[Style, ...] = Style.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph (or table) of the printed regulation.

    Attributes:
        style: the named paragraph style.
        text: the paragraph text, without ``label`` and ``lead``.
        label: hanging label printed before the text ("a.", "(1)", "1.").
        lead: the pembukaan word on the first row of its group ("Menimbang", "Mengingat",
            "Menetapkan"), printed before a colon.
        anchor: id of the node this paragraph starts (for bookmarks and HTML anchors).
        page_break: start a new page before this block (each lampiran, R106).
        rows: table cells for style ``Tabel``.
        key: key of the node this paragraph shows (a heading's number and title both show
            the heading); ``None`` for a paragraph that shows no node (a blank line).
    """

    style: Style
    text: str = ""
    label: str = ""
    lead: str = ""
    anchor: str = ""
    page_break: bool = False
    rows: tuple[tuple[str, ...], ...] = ()
    key: str | None = None

    def plain(self) -> str:
        """Canonical one-line text: what every export must print for this block."""
        if self.rows:
            return " | ".join(" | ".join(row) for row in self.rows)
        parts = [self.lead, ":"] if self.lead else []
        parts += [self.label, self.text]
        return " ".join(p for p in parts if p)


Handler = Callable[[Node], Iterator[Block]]

#: The rincian styles, by depth (the first holds the items of an ayat or Pasal).
RINCIAN: tuple[Style, ...] = ("Rincian1", "Rincian2", "Rincian3", "Rincian4")


def layout(draft: Draft) -> tuple[Block, ...]:
    """Return the blocks of the whole draft in reading order."""
    return tuple(_blocks(draft.root))


def _blocks(node: Node) -> Iterator[Block]:
    handler = _HANDLERS.get(node.kind)
    if handler is not None:
        yield from handler(node)
    else:
        for child in node.children:
            yield from _blocks(child)


def _judul(node: Node) -> Iterator[Block]:
    for line in node.children:
        yield Block("Judul", line.plain(), key=line.key)


def _pembukaan(node: Node) -> Iterator[Block]:
    for child in node.children:
        if child.kind == "line":
            style: Style = "Frasa" if child.key.endswith("frasa") else "Jabatan"
            yield Block(style, child.plain(), key=child.key)
        elif child.kind in {"konsiderans", "dasar_hukum"}:
            yield from _pembukaan_rows(child, word(child))
        else:
            yield from _diktum(child)


def _pembukaan_rows(group: Node, lead: str) -> Iterator[Block]:
    for i, item in enumerate(group.children):
        yield Block("Pembukaan", item.plain(), label=item.num, lead=lead if i == 0 else "", key=item.key)


def _diktum(node: Node) -> Iterator[Block]:
    memutuskan, menetapkan = node.children
    yield Block("Diktum", memutuskan.plain(), key=memutuskan.key)
    yield Block("Pembukaan", menetapkan.plain(), lead="Menetapkan", key=menetapkan.key)


def _heading(number_style: Style, title_style: Style) -> Handler:
    def handler(node: Node) -> Iterator[Block]:
        yield Block(number_style, cite(node), anchor=node.eid, key=node.key)
        yield Block(title_style, node.title, key=node.key)
        for child in node.children:
            yield from _blocks(child)

    return handler


def _pasal(node: Node) -> Iterator[Block]:
    yield Block("PasalNomor", cite(node), anchor=node.eid, key=node.key)
    for ayat in node.children:
        style: Style = "Ayat" if ayat.num else "PasalIsi"
        yield Block(style, ayat.plain(), label=ayat.num, anchor=ayat.eid, key=ayat.key)
        yield from _items(ayat, 0)


def _items(parent: Node, depth: int) -> Iterator[Block]:
    for item in parent.children:
        if item.kind == "change":
            yield from _change(item)
            continue
        if item.kind == "line":  # words after a list that go on with its ayat (Pasal I of a Perubahan)
            yield Block("PasalIsi", item.plain(), key=item.key)
            continue
        if item.kind == "table":
            yield _table(item)
            continue
        yield Block(RINCIAN[depth], item.plain(), label=item.num, anchor=item.eid, key=item.key)
        yield from _items(item, depth + 1)


def _change(node: Node) -> Iterator[Block]:
    """A numbered change of a Perubahan's Pasal I: its formula, then the units it restates."""
    yield Block("Rincian1", node.plain(), label=node.num, anchor=node.eid, key=node.key)
    for unit in node.children:
        yield from _blocks(unit)


def _table(node: Node) -> Block:
    rows = tuple(tuple(cell.plain() for cell in row.children) for row in node.children)
    return Block("Tabel", rows=rows, anchor=node.eid, key=node.key)


def _penutup(node: Node) -> Iterator[Block]:
    for child in node.children:
        if child.kind == "pengesahan":
            yield from _pengesahan(child)
        elif child.key.endswith("berita"):
            yield Block("BeritaDaerah", child.plain(), key=child.key)
        else:
            yield Block("Penutup", child.plain(), key=child.key)


def _pengesahan(node: Node) -> Iterator[Block]:
    style: Style = "TtdKiri" if node.key.endswith("diundangkan") else "TtdKanan"
    if style == "TtdKiri" or node.key.startswith("lampiran."):
        yield Block(style)  # a blank line sets the block apart from what precedes it
    for line in node.children:
        yield Block(style, line.plain(), key=line.key)


def _lampiran(node: Node) -> Iterator[Block]:
    first = True
    for child in node.children:
        if child.kind == "pengesahan" and child.key.endswith("kepala"):
            for line in child.children:
                yield Block("LampiranKepala", line.plain(), page_break=first, anchor=node.eid, key=line.key)
                first = False
            yield Block("LampiranJudul", node.title, key=node.key)
        elif child.kind == "pengesahan":
            yield from _pengesahan(child)
        elif child.kind == "table":
            yield _table(child)
        else:
            yield Block("LampiranIsi", child.plain(), label=child.num, key=child.key)
            yield from _items(child, 0)


_HANDLERS: dict[str, Handler] = {
    "judul": _judul,
    "pembukaan": _pembukaan,
    "bab": _heading("BabNomor", "BabJudul"),
    "bagian": _heading("BagianNomor", "BagianJudul"),
    "paragraf": _heading("ParagrafNomor", "ParagrafJudul"),
    "pasal": _pasal,
    "penutup": _penutup,
    "lampiran": _lampiran,
}
