"""Markdown writer: CommonMark plus GFM pipe tables, one block per paragraph.

Every block becomes one single-line chunk, chunks are separated by blank lines, and the
text of every chunk is exactly ``Block.plain()`` (whitespace collapsed):

* Judul, Frasa, Jabatan and Diktum are bold paragraphs (``**RANCANGAN**``);
* BAB number and title and the lampiran title are ``##`` headings, Bagian ``###``,
  Paragraf ``####`` and Pasal ``#####`` (``##### Pasal 1``);
* ayat, pembukaan rows, the penutup, signature and lampiran lines are plain paragraphs
  with their label (``(1) ...``, ``Menimbang : a. bahwa ...``);
* rincian are paragraphs nested in one blockquote per depth (``> > 1\\. ...``). Markdown
  lists are never used: the numbers are ours, not the renderer's;
* tables are GFM pipe tables, the first row being the header;
* a block with an anchor starts with ``<a id="ANCHOR"></a>`` (tables get it on a line of
  their own); a page break is a thematic break (``---``); empty blocks are left out.

Text is escaped so that no renderer reads it as markup: the inline specials
``\\ ` * _ [ ] < > & | # ~`` everywhere, and at the start of a line a leading ``-`` or
``+`` and the ``.`` or ``)`` after leading digits (``1\\. bukan daftar``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from jamsostek_regs.layout import Block, Style, layout
from jamsostek_regs.model import Draft, Meta
from jamsostek_regs.writers._common import RINCIAN_DEPTH, one_line, pipe_table, unique_anchors

_HEADING: dict[Style, str] = {
    "BabNomor": "## ",
    "BabJudul": "## ",
    "LampiranJudul": "## ",
    "BagianNomor": "### ",
    "BagianJudul": "### ",
    "ParagrafNomor": "#### ",
    "ParagrafJudul": "#### ",
    "PasalNomor": "##### ",
}
_BOLD: tuple[Style, ...] = ("Judul", "Frasa", "Jabatan", "Diktum")

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&|#~])")
_ORDERED_MARKER = re.compile(r"^(\d+)([.)])")
_BULLET_MARKER = re.compile(r"^([-+])")


def render(draft: Draft) -> bytes:
    """Return the draft as Markdown."""
    return write(layout(draft), draft.meta)


def write(blocks: Sequence[Block], meta: Meta) -> bytes:
    """Return ``blocks`` as UTF-8 Markdown (``meta`` is not printed)."""
    chunks: list[str] = []
    for block, anchor in zip(blocks, unique_anchors(blocks), strict=True):
        if block.page_break:
            chunks.append("---")
        chunks.extend(_chunks(block, _anchor_tag(anchor)))
    return ("\n\n".join(chunks) + "\n").encode("utf-8")


def _chunks(block: Block, tag: str) -> list[str]:
    if block.rows:
        rows = [[escape_inline(one_line(cell)) for cell in row] for row in block.rows]
        return [chunk for chunk in (tag, "\n".join(pipe_table(rows))) if chunk]
    text = escape_line(one_line(block.plain()))
    if not text:
        return [tag] if tag else []
    if block.style in _BOLD:
        text = f"**{text}**"
    prefix = _HEADING.get(block.style, "> " * RINCIAN_DEPTH.get(block.style, 0))
    return [prefix + tag + text]


def _anchor_tag(anchor: str) -> str:
    return f'<a id="{escape(anchor)}"></a>' if anchor else ""


def escape_inline(text: str) -> str:
    """Backslash-escape the characters that start inline Markdown markup."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def escape_line(text: str) -> str:
    """Escape ``text`` so that, at the start of a line, it is read as plain text."""
    text = _ORDERED_MARKER.sub(r"\1\\\2", escape_inline(text))
    return _BULLET_MARKER.sub(r"\\\1", text)
