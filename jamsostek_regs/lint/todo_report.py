"""The fill-in checklist (:mod:`.todo`) as text, Markdown and a printable HTML page, in Indonesian.

Every format lists the same rows in document order: number, place, what belongs there, what
fills it, when, and the words around the "...". The HTML page prints on F4 with the table
header repeated on every page; the caller names its font stack (the draft's serif, from
:func:`jamsostek_regs.writers.fonts.css_stack`, which this floor cannot import).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from jamsostek_regs.lint.todo import NOW, Blank, Sources, blanks
from jamsostek_regs.model import Draft

#: The formats of the checklist: name -> file suffix.
FORMATS: dict[str, str] = {"txt": ".txt", "md": ".md", "html": ".html"}
HEADER = ("No.", "Letak", "Yang harus diisi", "Diisi dari", "Kapan", "Kutipan")


@dataclass(frozen=True, slots=True)
class Checklist:
    """The blanks of one region's draft.

    Attributes:
        title: the draft's title ("Rancangan Peraturan Bupati Lombok Timur tentang ...").
        blanks: every "..." in document order.
    """

    region_id: str
    title: str
    blanks: tuple[Blank, ...]

    @classmethod
    def of(cls, draft: Draft, sources: Sources) -> Checklist:
        """The checklist of ``draft``, whose values come from ``sources``."""
        return cls(draft.meta.region_id, draft.meta.title, tuple(blanks(draft, sources)))

    def heading(self) -> str:
        """The page's first line."""
        return f"Daftar Isian {self.title}"

    def summary(self) -> str:
        """How many blanks, and how many of them are to be found now."""
        now = sum(1 for b in self.blanks if b.when == NOW)
        if not self.blanks:
            return "Tidak ada isian (...) yang tersisa."
        return (
            f"{len(self.blanks)} isian (...) tersisa: {now} harus dicari sekarang dari sumbernya, "
            f"{len(self.blanks) - now} diisi saat penetapan atau pengundangan."
        )

    def rows(self) -> list[tuple[str, ...]]:
        """One row per blank, the cells of :data:`HEADER`."""
        return [
            (str(i), b.where, b.what, b.fill, b.when, b.excerpt) for i, b in enumerate(self.blanks, start=1)
        ]


def text(checklist: Checklist) -> str:
    """Plain text: the heading, the summary, then one block of lines per blank."""
    lines = [checklist.heading(), checklist.summary(), ""]
    for number, where, what, fill, when, excerpt in checklist.rows():
        lines += [
            f"{number}. {where}: {what}",
            f"   diisi dari: {fill} ({when})",
            f"   kutipan: {excerpt}",
        ]
    return "\n".join(lines) + "\n"


def markdown(checklist: Checklist) -> str:
    """Markdown: the heading, the summary and a table."""

    def cells(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in row) + " |"

    lines = [f"# {checklist.heading()}", "", checklist.summary(), ""]
    if checklist.blanks:
        lines += [cells(HEADER), cells(["---"] * len(HEADER)), *(cells(row) for row in checklist.rows())]
    return "\n".join(lines) + "\n"


_CSS = """
@page {{ size: 215mm 330mm; margin: 2cm; }}
body {{ font: 11pt/1.35 {fonts}; color: #000; margin: 0 auto; max-width: 60em; padding: 1em; }}
h1 {{ font-size: 14pt; text-align: center; text-transform: uppercase; }}
table {{ border-collapse: collapse; width: 100%; }}
thead {{ display: table-header-group; }}
th, td {{ border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }}
tr {{ break-inside: avoid; }}
td.isi {{ font-weight: bold; }}
td.sumber {{ font-family: monospace; font-size: 9pt; }}
td.kutipan {{ font-style: italic; }}
input {{ width: 1em; height: 1em; }}
@media print {{ body {{ padding: 0; max-width: none; }} }}
"""


def html(checklist: Checklist, fonts: str) -> str:
    """A self-contained printable page (F4) with a box to tick per blank; ``fonts`` is the CSS
    ``font-family`` value."""
    head = "".join(f"<th>{escape(h)}</th>" for h in (*HEADER, "Selesai"))
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{cls}">{escape(cell)}</td>'
            for cls, cell in zip(("no", "letak", "isi", "sumber", "kapan", "kutipan"), row, strict=True)
        )
        + '<td><input type="checkbox" aria-label="selesai"></td></tr>'
        for row in checklist.rows()
    )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>" if body else ""
    return (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        f"<title>{escape(checklist.heading())}</title><style>{_CSS.format(fonts=fonts)}</style></head>"
        f"<body><h1>{escape(checklist.heading())}</h1><p>{escape(checklist.summary())}</p>{table}</body></html>\n"
    )


def render(checklist: Checklist, fmt: str, fonts: str) -> str:
    """The checklist in format ``fmt`` (a name of :data:`FORMATS`); ``fonts``: see :func:`html`."""
    if fmt == "html":
        return html(checklist, fonts)
    return markdown(checklist) if fmt == "md" else text(checklist)
