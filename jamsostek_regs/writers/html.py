"""HTML writer: one self-contained, printable HTML5 page (no external resources, no script).

The page is ``<html lang="id">`` with inline CSS that imitates the printed regulation:
Bookman Old Style 12pt on an F4 text width of 16.5 cm, centred headings, hanging labels
and indentation by rincian depth. Inside ``<main>`` every block is one
``<p class="STYLE">`` (tables are ``<table class="Tabel">`` with a ``<thead>``) whose
text is exactly ``Block.plain()``; the lead, colon and label are ``<span>`` elements of
class ``lead``, ``colon`` and ``label``. A block with an anchor carries it as its ``id``
(the first block only, when several share one). A page break is an
``<hr class="page-break">`` that breaks the page in print. A ``<nav>`` before ``<main>``
links to every BAB (with its title) followed by its Pasal, and to every lampiran. The judul,
the BAB titles and the lampiran names are bold, as in the DOCX.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from jamsostek_regs.layout import Block, layout
from jamsostek_regs.model import Draft, Meta
from jamsostek_regs.writers._common import CENTRED, RINCIAN_DEPTH, RUNS, SPACED, unique_anchors
from jamsostek_regs.writers.fonts import css_stack

_SPACE = "margin-top: 1.5em;"
_HANG = "padding-left: 2.5em; text-indent: -2.5em;"

_STATIC_CSS = """\
@page { size: 215mm 330mm; margin: 2cm 2cm 2cm 3cm; }
body { margin: 0; color: #000; background: #fff; }
nav, main { max-width: 16.5cm; margin: 0 auto; padding: 1em; }
main, nav { font: 12pt/1.5 FONTS; }
nav ul { padding: 0; list-style: none; }
nav li { margin: 0.2em 0; }
nav a { margin-right: 0.6em; white-space: nowrap; }
nav a.bab, nav a.lampiran { font-weight: bold; }
p.Judul, p.BabJudul, p.LampiranJudul { font-weight: bold; }
p { margin: 0; text-align: justify; }
p:empty { min-height: 1.5em; }
p.Pembukaan { position: relative; margin-left: 8em; }
.lead, .colon { position: absolute; text-indent: 0; }
.lead { left: -8em; }
.colon { left: -1.2em; }
.label { display: inline-block; min-width: 2.5em; text-indent: 0; }
p.TtdKanan, p.LampiranKepala { margin-left: 50%; text-align: left; }
p.TtdKiri, p.BeritaDaerah { text-align: left; }
table.Tabel { width: 100%; border-collapse: collapse; }
th, td { padding: 0.2em 0.4em; border: 1px solid #000; text-align: left; vertical-align: top; }
hr.page-break { margin: 2em 0; border: 0; border-top: 1px dashed #888; }
@media print {
  nav { display: none; }
  hr.page-break { break-before: page; margin: 0; border: 0; }
}
"""


def _rule(selectors: Iterable[str], declarations: str) -> str:
    return f"{', '.join(selectors)} {{ {declarations} }}"


def _stylesheet() -> str:
    rincian = [f"p.{style}" for style in RINCIAN_DEPTH]
    rules = [
        _rule((f"p.{style}" for style in CENTRED), "text-align: center;"),
        _rule((f".{style}" for style in SPACED), _SPACE),
        _rule(["p.Pembukaan:has(> .lead)"], _SPACE),
        _rule((f":not(.{style}) + p.{style}" for style in RUNS), _SPACE),
        _rule(["p.Pembukaan", "p.Ayat", *rincian], _HANG),
        *(_rule([f"p.{s}"], f"margin-left: {2.5 * d}em;") for s, d in RINCIAN_DEPTH.items()),
    ]
    return _STATIC_CSS.replace("FONTS", css_stack()) + "\n".join(rules) + "\n"


_CSS = _stylesheet()


def render(draft: Draft) -> bytes:
    """Return the draft as a self-contained HTML page."""
    return write(layout(draft), draft.meta)


def write(blocks: Sequence[Block], meta: Meta) -> bytes:
    """Return ``blocks`` as a UTF-8 HTML page titled ``meta.title``."""
    anchors = unique_anchors(blocks)
    page = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(meta.title)}</title>",
        f"<style>\n{_CSS}</style>",
        "</head>",
        "<body>",
        *_nav(blocks, anchors),
        "<main>",
        *(_element(block, anchor) for block, anchor in zip(blocks, anchors, strict=True)),
        "</main>",
        "</body>",
        "</html>",
    ]
    return ("\n".join(page) + "\n").encode("utf-8")


def _nav(blocks: Sequence[Block], anchors: Sequence[str]) -> list[str]:
    """The table of contents: a line per BAB (number and title, then its Pasal) and per lampiran."""
    lines: list[list[str]] = []
    for i, (block, anchor) in enumerate(zip(blocks, anchors, strict=True)):
        href = f'href="#{escape(anchor)}"'
        if not anchor:
            continue
        if block.style == "BabNomor":
            title = blocks[i + 1].text if i + 1 < len(blocks) and blocks[i + 1].style == "BabJudul" else ""
            lines.append([f'<a class="bab" {href}>{escape(f"{block.text} {title}".strip())}</a>'])
        elif block.style == "LampiranKepala":
            lines.append([f'<a class="lampiran" {href}>{escape(block.text.title())}</a>'])
        elif block.style == "PasalNomor":
            if not lines:
                lines.append([])
            lines[-1].append(f"<a {href}>{escape(block.text)}</a>")
    if not lines:
        return []
    items = (f"<li>{' '.join(line)}</li>" for line in lines)
    return ['<nav aria-label="Daftar isi">', "<ul>", *items, "</ul>", "</nav>"]


def _element(block: Block, anchor: str) -> str:
    id_attr = f' id="{escape(anchor)}"' if anchor else ""
    page_break = '<hr class="page-break">\n' if block.page_break else ""
    if block.rows:
        return page_break + _table(block.rows, id_attr)
    return f'{page_break}<p class="{block.style}"{id_attr}>{_content(block)}</p>'


def _content(block: Block) -> str:
    parts = [
        _span("lead", block.lead),
        _span("colon", ":" if block.lead else ""),
        _span("label", block.label),
        escape(block.text),
    ]
    return " ".join(part for part in parts if part)


def _span(css_class: str, text: str) -> str:
    return f'<span class="{css_class}">{escape(text)}</span>' if text else ""


def _table(rows: Sequence[Sequence[str]], id_attr: str) -> str:
    head, *body = rows
    return "\n".join(
        [
            f'<table class="Tabel"{id_attr}>',
            f"<thead>{_row(head, 'th')}</thead>",
            "<tbody>",
            *(_row(row, "td") for row in body),
            "</tbody>",
            "</table>",
        ]
    )


def _row(cells: Sequence[str], tag: str) -> str:
    return "<tr>" + "".join(f"<{tag}>{escape(cell)}</{tag}>" for cell in cells) + "</tr>"
