"""Tests for jamsostek_regs.writers.html: parse the page back with the stdlib parser."""

from __future__ import annotations

from collections.abc import Sequence
from html.parser import HTMLParser

import pytest

from jamsostek_regs.layout import Block, layout
from jamsostek_regs.model import Draft, Meta
from jamsostek_regs.writers import html

_VOID = {"meta", "hr", "br", "link", "img", "input"}
Attrs = dict[str, str | None]


class Page(HTMLParser):
    """Collects what the tests look at: elements, ids, links and texts under ``<main>``."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.elements: list[tuple[str, Attrs]] = []
        self.ids: list[str] = []
        self.links: list[str] = []
        self.main: list[tuple[str, Attrs, str]] = []  # (tag, attrs, text) of p/th/td/hr
        self.spans: list[tuple[str | None, str]] = []
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag == "a" and "nav" in self.open:
            self.links.append(attributes.get("href") or "")
        if "main" in self.open and tag in {"p", "th", "td", "hr"}:
            self.main.append((tag, attributes, ""))
        if tag == "span":
            self.spans.append((attributes.get("class"), ""))
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag

    def handle_data(self, data: str) -> None:
        if self.open[-1:] == ["title"]:
            self.title += data
        if "main" in self.open and {"p", "th", "td"} & set(self.open):
            tag, attrs, text = self.main[-1]
            self.main[-1] = (tag, attrs, text + data)
        if self.open[-1:] == ["span"]:
            css_class, text = self.spans[-1]
            self.spans[-1] = (css_class, text + data)


def _collapse(value: str) -> str:
    return " ".join(value.split())


def _page(blocks: Sequence[Block], meta: Meta) -> Page:
    page = Page()
    page.feed(html.write(blocks, meta).decode("utf-8"))
    page.close()
    assert page.open == []
    return page


@pytest.fixture
def page(sample_blocks: tuple[Block, ...], sample_meta: Meta) -> Page:
    return _page(sample_blocks, sample_meta)


def test_paragraphs_give_back_the_block_texts_and_styles(
    page: Page, sample_blocks: tuple[Block, ...]
) -> None:
    paragraphs = [(attrs["class"], _collapse(text)) for tag, attrs, text in page.main if tag == "p"]
    expected = [(b.style, _collapse(b.plain())) for b in sample_blocks if not b.rows]
    assert paragraphs == expected


def test_table_has_a_header_and_the_rows(page: Page, sample_blocks: tuple[Block, ...]) -> None:
    (table,) = [block for block in sample_blocks if block.rows]
    cells = [(tag, text) for tag, _attrs, text in page.main if tag in {"th", "td"}]
    header, *body = table.rows
    assert cells == [("th", c) for c in header] + [("td", c) for row in body for c in row]
    assert ("thead", {}) in page.elements


def test_every_anchor_has_one_element_and_the_nav_resolves(
    page: Page, sample_blocks: tuple[Block, ...]
) -> None:
    assert len(page.ids) == len(set(page.ids))
    assert {block.anchor for block in sample_blocks} - {""} <= set(page.ids)
    listed = [  # every BAB, Pasal and lampiran, in reading order
        block.anchor
        for i, block in enumerate(sample_blocks)
        if block.style in {"BabNomor", "PasalNomor"}
        or (block.style == "LampiranKepala" and block.anchor != sample_blocks[i - 1].anchor)
    ]
    assert page.links == [f"#{anchor}" for anchor in listed]
    assert any(style == "BabNomor" for style in (b.style for b in sample_blocks))


def test_labels_and_leads_are_spans(page: Page) -> None:
    assert ("lead", "Menimbang") in page.spans
    assert ("colon", ":") in page.spans
    assert ("label", "(1)") in page.spans
    assert ("label", "a)") in page.spans


def test_special_characters_are_escaped(
    sample_blocks: tuple[Block, ...], sample_meta: Meta, page: Page
) -> None:
    source = html.write(sample_blocks, sample_meta).decode("utf-8")
    assert "<tag>" not in source and "&lt;tag&gt; &amp; &quot;rentan&quot;" in source
    assert "<sendiri>" not in source
    assert page.title == sample_meta.title
    assert "<title>Rancangan Peraturan Bupati Contoh &lt;Jamsostek&gt;" in source


def test_page_is_self_contained_html5(
    sample_blocks: tuple[Block, ...], sample_meta: Meta, page: Page
) -> None:
    source = html.write(sample_blocks, sample_meta).decode("utf-8")
    assert source.startswith("<!DOCTYPE html>\n")
    assert ("html", {"lang": "id"}) in page.elements
    assert ("meta", {"charset": "utf-8"}) in page.elements
    for forbidden in ("src=", 'href="http', "<script", "<link", "url(", "@import"):
        assert forbidden not in source
    assert '"Bookman Old Style"' in source and "12pt" in source and "16.5cm" in source


def test_page_break_breaks_the_printed_page(page: Page, sample_meta: Meta) -> None:
    tags = [(tag, attrs.get("class")) for tag, attrs, _text in page.main]
    index = tags.index(("hr", "page-break"))
    assert tags[index + 1] == ("p", "LampiranKepala")
    source = html.write([], sample_meta).decode("utf-8")
    assert "hr.page-break { break-before: page;" in source


def test_empty_draft_has_no_nav(sample_meta: Meta) -> None:
    page = _page([Block("Judul", "RANCANGAN")], sample_meta)
    assert "nav" not in [tag for tag, _attrs in page.elements]


def test_write_is_deterministic(sample_blocks: tuple[Block, ...], sample_meta: Meta) -> None:
    first = html.write(sample_blocks, sample_meta)
    assert first == html.write(sample_blocks, sample_meta)
    assert first.endswith(b"</html>\n")


def test_render_goes_through_layout(sample_draft: Draft) -> None:
    expected = html.write(layout(sample_draft), sample_draft.meta)
    assert html.render(sample_draft) == expected
    assert b'<p class="PasalNomor" id="bab_1__pasal_1">Pasal 1</p>' in expected


def test_judul_and_titles_are_bold_and_the_nav_names_each_bab(lombok_timur: Draft) -> None:
    source = html.render(lombok_timur).decode("utf-8")
    assert "p.Judul, p.BabJudul, p.LampiranJudul { font-weight: bold; }" in source
    nav = source.split("<nav", 1)[1].split("</nav>", 1)[0]
    assert '<a class="bab" href="#bab_1">BAB I KETENTUAN UMUM</a> <a href="#pasal_1">Pasal 1</a></li>' in nav
    assert '<a class="lampiran" href="#' in nav and ">Lampiran</a>" in nav
    assert '"TeX Gyre Bonum"' in source  # the draft's serif or a metric clone, never a sans-serif
