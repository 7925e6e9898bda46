"""The document as lines, and what the words of a line say it is.

:func:`lines` flattens the blocks of a body (:mod:`jamsostek_regs.ooxml.wordtext`) into
:class:`Line` s: a paragraph is a line whose automatic label (Word's numbering) is put before
its text as a typed one would be; a table without borders (a signature block laid out in a
table) gives its paragraphs row by row, cell by cell; a table with borders is one line with
``rows``.

The rest reads a line's words as Lampiran II UU 12/2011 writes them: :func:`lead` the
pembukaan word ("Menimbang :"), :func:`split_label` the hanging label typed with a tab or
spaces ("a.", "(2)", "1)"), :func:`form` the kind of a label, and :data:`PATTERNS` the lines
with a fixed role (judul, headings, penutup).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from jamsostek_regs.ooxml.wordtext import Block, Paragraph

_LABEL = re.compile(r"(?P<label>\(\d{1,3}[a-z]?\)|[a-z]{1,2}[.)]|\d{1,3}[.)])(?:\s+|$)")
_LEAD = re.compile(r"(?P<lead>Menimbang|Mengingat|Menetapkan)\s*:?\s*", re.IGNORECASE)
_FORMS = (
    ("(1)", re.compile(r"\(\d+[a-z]?\)")),
    ("a.", re.compile(r"[a-z]{1,2}\.")),
    ("1.", re.compile(r"\d+\.")),
    ("a)", re.compile(r"[a-z]{1,2}\)")),
    ("1)", re.compile(r"\d+\)")),
)
_HEADS = r"BUPATI|WALI ?KOTA|GUBERNUR"

#: Lines with a fixed role, matched on the whole line (whitespace normalised).
PATTERNS: dict[str, re.Pattern[str]] = {
    "rancangan": re.compile(r"RANCANGAN"),
    "jenis": re.compile(rf"PERATURAN (?P<head>{_HEADS}) (?P<region>.+)"),
    "nomor": re.compile(r"NOMOR .*TAHUN.*|NOMOR \S*"),
    "tentang": re.compile(r"TENTANG"),
    "frasa": re.compile(r"DENGAN RAHMAT TUHAN YANG MAHA ESA,?"),
    "jabatan": re.compile(
        rf"(?:PENJABAT |PLT\.? |PELAKSANA TUGAS )?(?:{_HEADS}|SEKRETARIS DAERAH) [^a-z,]+,"
    ),
    "memutuskan": re.compile(r"MEMUTUSKAN\s?:?"),
    "bab": re.compile(r"BAB (?P<num>[IVXLCDM]+)"),
    "bagian": re.compile(r"Bagian (?P<num>Ke[a-z]+(?: [A-Z][a-z]+)*)"),
    "paragraf": re.compile(r"Paragraf (?P<num>\d+)"),
    "pasal": re.compile(r"Pasal (?P<num>\d+[A-Z]?)"),
    "perintah": re.compile(r"Agar setiap orang mengetahuinya.*", re.IGNORECASE),
    "ditetapkan": re.compile(r"Ditetapkan di .*", re.IGNORECASE),
    "diundangkan": re.compile(r"Diundangkan di .*", re.IGNORECASE),
    "berita": re.compile(r"(?:BERITA|LEMBARAN) DAERAH .*"),
    "lampiran": re.compile(r"LAMPIRAN(?: (?P<num>[IVXLCDM]+))?"),
}


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph (or bordered table) of the document.

    Attributes:
        number: the paragraph's number in the file (a table: its first paragraph's).
        raw: the text as written, the automatic label (if any) in front with a tab.
        text: ``raw`` with its whitespace normalised (what patterns match).
        style: the paragraph style's name.
        bookmarks: names of the bookmarks starting in it.
        rows: the cells' texts of a bordered table (no ``raw`` then).
    """

    number: int
    raw: str
    text: str
    style: str = ""
    bookmarks: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()

    def role(self) -> str | None:
        """The fixed role of the line (a key of :data:`PATTERNS`), if it has one."""
        return next((name for name, pattern in PATTERNS.items() if pattern.fullmatch(self.text)), None)

    def match(self, role: str) -> re.Match[str] | None:
        """The match of the line with the pattern of ``role``."""
        return PATTERNS[role].fullmatch(self.text)


def normalise(text: str) -> str:
    """``text`` with runs of whitespace (tabs, line breaks) as one space, trimmed."""
    return " ".join(text.split())


def lines(blocks: Iterable[Block]) -> Iterator[Line]:
    """The lines of a body's blocks (see the module docstring)."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield _line(block)
        elif block.bordered:
            rows = tuple(
                tuple(normalise(" ".join(p.text for p in cell)) for cell in row) for row in block.rows
            )
            marks = tuple(m for row in block.rows[:1] for cell in row[:1] for p in cell for m in p.bookmarks)
            yield Line(block.number, "", " | ".join(" | ".join(row) for row in rows), "", marks, rows)
        else:
            yield from (_line(p) for row in block.rows for cell in row for p in cell)


def _line(paragraph: Paragraph) -> Line:
    raw = f"{paragraph.label}\t{paragraph.text}" if paragraph.label else paragraph.text
    return Line(paragraph.number, raw, normalise(raw), paragraph.style, paragraph.bookmarks)


def lead(raw: str) -> tuple[str, str]:
    """The pembukaan word a row starts with ("Menimbang"; ``""`` for none) and the rest."""
    found = _LEAD.match(raw.strip())
    if found is None:
        return "", raw.strip()
    return found["lead"].capitalize(), raw.strip()[found.end() :]


def split_label(raw: str) -> tuple[str, str]:
    """The hanging label a text starts with ("a.", "(2)"; ``""`` for none) and the text."""
    text = raw.strip()
    found = _LABEL.match(text)
    if found is None:
        return "", normalise(text)
    return found["label"], normalise(text[found.end() :])


def form(label: str) -> str:
    """The kind of ``label``: "(1)" an ayat, "a." "1." "a)" "1)" a rincian level; ``""`` none."""
    return next((name for name, pattern in _FORMS if pattern.fullmatch(label)), "")
