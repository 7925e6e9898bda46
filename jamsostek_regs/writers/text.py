"""Plain-text writer: one line per block, never wrapped, so drafts diff line by line.

The output is UTF-8 with "\\n" line ends and a final newline. Every non-table block is
one line whose text, with whitespace collapsed, is exactly ``Block.plain()``:

* centred styles are centred in 72 columns (left as is when longer);
* pembukaan rows put the lead, padded to the width of "Menetapkan", before a colon
  (``Menimbang  : a. bahwa ...``); later rows of a group are indented to the label;
* rincian are indented 4 spaces per depth; TtdKanan and LampiranKepala 36 spaces;
* tables are aligned pipe rows with a separator line under the header row;
* a blank line precedes headings, pasal, pembukaan groups, the diktum, the penutup, the
  first line of each signature block, the berita daerah, lampiran titles and tables;
* a page break prints a form feed line ("\\f") before its block;
* empty blocks (the space for a signature) print as empty lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from jamsostek_regs.layout import Block, Style, layout
from jamsostek_regs.model import Draft, Meta
from jamsostek_regs.writers._common import (
    CENTRED,
    RINCIAN_DEPTH,
    RUNS,
    SPACED,
    one_line,
    pipe_table,
)

#: Page width used for centring.
WIDTH = 72
#: Width every pembukaan lead is padded to (the longest lead).
LEAD_WIDTH = len("Menetapkan")

_INDENT: dict[Style, int] = {
    "TtdKanan": 36,
    "LampiranKepala": 36,
    **{style: 4 * depth for style, depth in RINCIAN_DEPTH.items()},
}


def render(draft: Draft) -> bytes:
    """Return the draft as plain text."""
    return write(layout(draft), draft.meta)


def write(blocks: Sequence[Block], meta: Meta) -> bytes:
    """Return ``blocks`` as UTF-8 plain text (``meta`` is not printed)."""
    lines: list[str] = []
    previous: Block | None = None
    for block in blocks:
        lines.extend(_separator(block, previous))
        lines.extend(_format(block))
        previous = block
    return ("\n".join(lines) + "\n").encode("utf-8")


def _separator(block: Block, previous: Block | None) -> list[str]:
    if block.page_break:
        return ["\f"]
    if previous is not None and _opens_section(block, previous):
        return [""]
    return []


def _opens_section(block: Block, previous: Block) -> bool:
    if block.style in RUNS:
        return block.style != previous.style
    if block.style == "Pembukaan":
        return bool(block.lead)
    return block.style in SPACED


def _format(block: Block) -> list[str]:
    if block.rows:
        return pipe_table([[one_line(cell) for cell in row] for row in block.rows])
    if block.style in CENTRED:
        return [one_line(block.plain()).center(WIDTH).rstrip()]
    if block.style == "Pembukaan":
        return [_pembukaan(block)]
    indent = " " * _INDENT.get(block.style, 0)
    return [(indent + one_line(block.plain())).rstrip()]


def _pembukaan(block: Block) -> str:
    head = f"{block.lead.ljust(LEAD_WIDTH)} :" if block.lead else ""
    body = one_line(replace(block, lead="").plain())
    return f"{head.ljust(LEAD_WIDTH + 2)} {body}".rstrip()
