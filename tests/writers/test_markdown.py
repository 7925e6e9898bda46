"""Tests for jamsostek_regs.writers.markdown: parse the output back with markdown-it-py."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from jamsostek_regs.layout import Block, Style, layout
from jamsostek_regs.model import Draft, Meta
from jamsostek_regs.writers import markdown

_META = Meta("x", "kota", "Kota X", "T", "s", "1")
_ANCHOR = re.compile(r'<a id="([a-z0-9_]+)">')
_TRICKY = [
    "1. bukan daftar",
    "10) bukan daftar",
    "*bintang*",
    "**tebal**",
    "a_b dan _miring_",
    "<tag> & &amp; &copy;",
    "# pagar",
    "akhir #",
    "- strip",
    "+ plus",
    "> kutip",
    "[kurung](tautan) ![gambar](x)",
    "`kode` \\ garis \\",
    "| pipa | pipa |",
    "~~~ pagar ~~coret~~",
    "***",
    "    empat spasi",
    "= sama",
    "<https://contoh.id>",
]


_OPENERS = {"paragraph_open", "heading_open"}
_CELLS = {"th_open", "td_open"}


@dataclass(frozen=True)
class Piece:
    """A paragraph or heading of the parsed Markdown."""

    tag: str
    quotes: int
    text: str
    html: tuple[str, ...]
    kinds: frozenset[str]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(m[1] for tag in self.html if (m := _ANCHOR.fullmatch(tag)))


def _collapse(value: str) -> str:
    return " ".join(value.split())


def _tokens(blocks: Sequence[Block]) -> list[Token]:
    source = markdown.write(blocks, _META).decode("utf-8")
    return MarkdownIt("commonmark").enable("table").parse(source)


def _text(token: Token) -> str:
    return "".join(c.content for c in token.children or [] if c.type == "text")


def _pieces(tokens: Sequence[Token]) -> list[Piece]:
    """Paragraphs and headings outside tables, in order, with their blockquote depth."""
    pieces: list[Piece] = []
    quotes = 0
    for opener, token in pairwise(tokens):
        quotes += {"blockquote_open": 1, "blockquote_close": -1}.get(opener.type, 0)
        if token.type != "inline" or opener.type not in _OPENERS:
            continue
        children = token.children or []
        html = tuple(c.content for c in children if c.type == "html_inline")
        kinds = frozenset(c.type for c in children)
        pieces.append(Piece(opener.tag, quotes, _collapse(_text(token)), html, kinds))
    return pieces


def _cells(tokens: Sequence[Token]) -> list[list[str]]:
    rows: list[list[str]] = []
    for opener, token in pairwise(tokens):
        if opener.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and opener.type in _CELLS:
            rows[-1].append(_text(token))
    return rows


def _texts(blocks: Sequence[Block]) -> list[str]:
    return [piece.text for piece in _pieces(_tokens(blocks)) if piece.text]


def test_paragraphs_and_headings_give_back_the_block_texts(
    sample_blocks: tuple[Block, ...],
) -> None:
    expected = [_collapse(b.plain()) for b in sample_blocks if not b.rows and b.plain()]
    assert _texts(sample_blocks) == expected


def test_table_cells_give_back_the_rows(sample_blocks: tuple[Block, ...]) -> None:
    (table,) = [block for block in sample_blocks if block.rows]
    assert _cells(_tokens(sample_blocks)) == [list(row) for row in table.rows]


def test_no_markup_is_read_from_the_text(sample_blocks: tuple[Block, ...]) -> None:
    allowed = {"text", "html_inline", "strong_open", "strong_close"}
    for piece in _pieces(_tokens(sample_blocks)):
        assert piece.kinds <= allowed
        assert len(piece.html) == 2 * len(piece.ids)
        assert set(piece.html) - {"</a>"} == {f'<a id="{i}">' for i in piece.ids}
    source = markdown.write(sample_blocks, _META).decode()
    html = MarkdownIt("commonmark").enable("table").render(source)
    for tag in ("<ol", "<ul", "<li", "<em>", "<code", "<pre", "<a href", "<img", "<h1", "<h6"):
        assert tag not in html


@pytest.mark.parametrize(
    ("style", "label", "tag", "quotes"),
    [
        ("Judul", "", "p", 0),
        ("Pembukaan", "1.", "p", 0),
        ("BabNomor", "", "h2", 0),
        ("BabJudul", "", "h2", 0),
        ("BagianJudul", "", "h3", 0),
        ("ParagrafNomor", "", "h4", 0),
        ("PasalNomor", "", "h5", 0),
        ("Ayat", "(1)", "p", 0),
        ("Rincian1", "1.", "p", 1),
        ("Rincian3", "a)", "p", 3),
        ("Rincian4", "1)", "p", 4),
        ("LampiranJudul", "", "h2", 0),
        ("LampiranIsi", "1.", "p", 0),
        ("TtdKanan", "", "p", 0),
    ],
)
@pytest.mark.parametrize("value", _TRICKY)
def test_tricky_text_survives_every_form(style: Style, label: str, tag: str, quotes: int, value: str) -> None:
    blocks = [Block("Penutup", "sebelum"), Block(style, value, label), Block("Penutup", "sesudah")]
    pieces = _pieces(_tokens(blocks))
    assert [(p.tag, p.quotes, p.text) for p in pieces] == [
        ("p", 0, "sebelum"),
        (tag, quotes, _collapse(blocks[1].plain())),
        ("p", 0, "sesudah"),
    ]


def test_bold_styles_are_strong(sample_blocks: tuple[Block, ...]) -> None:
    pieces = [p for p in _pieces(_tokens(sample_blocks)) if p.text]
    texts = [b for b in sample_blocks if not b.rows and b.plain()]
    for piece, block in zip(pieces, texts, strict=True):
        bold = block.style in {"Judul", "Frasa", "Jabatan", "Diktum"}
        assert ("strong_open" in piece.kinds) == bold


def test_anchors_are_emitted_once_each(sample_blocks: tuple[Block, ...]) -> None:
    ids = [i for piece in _pieces(_tokens(sample_blocks)) for i in piece.ids]
    assert len(ids) == len(set(ids))
    assert set(ids) == {block.anchor for block in sample_blocks} - {""}
    heading = next(p for p in _pieces(_tokens(sample_blocks)) if p.text == "Pasal 1")
    assert heading.tag == "h5"
    assert heading.ids == ("bab_1__pasal_1",)


def test_page_break_is_a_thematic_break(sample_blocks: tuple[Block, ...]) -> None:
    tokens = _tokens(sample_blocks)
    (index,) = [i for i, token in enumerate(tokens) if token.type == "hr"]
    assert tokens[index + 2].content.endswith("LAMPIRAN")


def test_empty_blocks_are_left_out() -> None:
    blocks = [Block("TtdKanan", "BUPATI,"), Block("TtdKanan"), Block("Judul", " \n ")]
    assert markdown.write(blocks, _META) == b"BUPATI,\n"


def test_write_is_deterministic(sample_blocks: tuple[Block, ...], sample_meta: Meta) -> None:
    first = markdown.write(sample_blocks, sample_meta)
    assert first == markdown.write(sample_blocks, sample_meta)
    assert first.endswith(b"\n")
    first.decode("utf-8")


_PRINTABLE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]) | st.sampled_from("\n\t"),
)


@given(value=_PRINTABLE, style=st.sampled_from(["Judul", "BabJudul", "Ayat", "Rincian2"]))
def test_any_text_round_trips(value: str, style: Style) -> None:
    block = Block(style, value, "(1)" if style == "Ayat" else "")
    assert _texts([block]) == ([_collapse(block.plain())] if block.plain().strip() else [])


@given(st.lists(_PRINTABLE, min_size=1, max_size=4))
def test_any_table_cells_round_trip(cells: list[str]) -> None:
    tokens = _tokens([Block("Tabel", rows=(tuple(cells), tuple(reversed(cells))))])
    assert [[_collapse(c) for c in row] for row in _cells(tokens)] == [
        [_collapse(c) for c in cells],
        [_collapse(c) for c in reversed(cells)],
    ]


def test_render_goes_through_layout(sample_draft: Draft) -> None:
    expected = markdown.write(layout(sample_draft), sample_draft.meta)
    assert markdown.render(sample_draft) == expected
    assert b'##### <a id="bab_1__pasal_1"></a>Pasal 1\n' in expected
