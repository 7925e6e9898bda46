"""Helpers shared by the text-like writers (plain text, Markdown and HTML).

Only facts and functions that two or more writers need live here: which styles are
centred or open a new section, how deep each rincian style nests, how a block's text is
kept on one line, which anchors may be emitted, and how a pipe table is laid out.
"""

from __future__ import annotations

from collections.abc import Sequence

from jamsostek_regs.layout import Block, Style

#: Styles printed centred on the page.
CENTRED: tuple[Style, ...] = (
    "Judul",
    "Frasa",
    "Jabatan",
    "Diktum",
    "BabNomor",
    "BabJudul",
    "BagianNomor",
    "BagianJudul",
    "ParagrafNomor",
    "ParagrafJudul",
    "PasalNomor",
    "LampiranJudul",
)

#: Styles that always start after a blank line (or extra space).
SPACED: tuple[Style, ...] = (
    "Frasa",
    "Jabatan",
    "Diktum",
    "BabNomor",
    "BagianNomor",
    "ParagrafNomor",
    "PasalNomor",
    "Penutup",
    "BeritaDaerah",
    "LampiranJudul",
    "Tabel",
)

#: Styles whose consecutive blocks form one run; only the first of a run is spaced.
RUNS: tuple[Style, ...] = ("TtdKanan", "TtdKiri")

#: Nesting depth of each rincian style (1 = items of an ayat or Pasal).
RINCIAN_DEPTH: dict[Style, int] = {"Rincian1": 1, "Rincian2": 2, "Rincian3": 3, "Rincian4": 4}


def one_line(text: str) -> str:
    """Return ``text`` on a single line: line breaks become spaces, ends are stripped."""
    return " ".join(text.splitlines()).strip()


def unique_anchors(blocks: Sequence[Block]) -> list[str]:
    """Return each block's anchor, or "" where an earlier block already carries it.

    Several blocks may share the anchor of the node they belong to (every line of a
    lampiran heading does); an id must be emitted only once.
    """
    seen: set[str] = set()
    anchors: list[str] = []
    for block in blocks:
        anchors.append("" if block.anchor in seen else block.anchor)
        seen.add(block.anchor)
    return anchors


def pipe_table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Lay out ``rows`` as aligned pipe-table lines, the first row being the header.

    The cells must already be escaped for the target format. Short rows are padded with
    empty cells so that every line has the same number of columns.
    """
    if not rows:
        return []
    width = max(len(row) for row in rows)
    grid = [[*row, *[""] * (width - len(row))] for row in rows]
    sizes = [max(3, *(len(row[col]) for row in grid)) for col in range(width)]
    lines = [_pipe_row(row, sizes) for row in grid]
    lines.insert(1, _pipe_row(["-" * size for size in sizes], sizes))
    return lines


def _pipe_row(cells: Sequence[str], sizes: Sequence[int]) -> str:
    padded = (cell.ljust(size) for cell, size in zip(cells, sizes, strict=True))
    return "| " + " | ".join(padded) + " |"
