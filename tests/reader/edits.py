"""Edits a drafter makes in Word, done on the tool's DOCX with python-docx and the XML.

Each helper takes a ``docx.Document`` and changes it as Word would leave it: words typed over
inside a paragraph (its bookmark stays), a paragraph deleted or inserted (an inserted one has
no mark of the tool), Pasal renumbered by hand, an insertion tracked by another author.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

#: "Pasal N" of this Perkada: not one of a law it cites ("Pasal 15 ayat (1) Undang-Undang ...").
_OWN_PASAL = re.compile(r"\bPasal (\d+)\b(?![^.;:]*(?:Undang-Undang|Peraturan Pemerintah))")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def open_docx(path: Path) -> Document:
    return docx.Document(str(path))


def paragraph(document: Document, starting: str) -> Paragraph:
    """The first paragraph whose text starts with ``starting`` (labels and tabs included)."""
    found = [p for p in document.paragraphs if p.text.startswith(starting)]
    assert found, f"no paragraph starts with {starting!r}"
    return found[0]


def replace_words(document: Document, starting: str, old: str, new: str) -> None:
    """Type ``new`` over ``old`` in the paragraph starting with ``starting``."""
    run = next(r for r in paragraph(document, starting).runs if old in r.text)
    run.text = run.text.replace(old, new, 1)


def replace_everywhere(document: Document, old: str, new: str, whole: bool = False) -> None:
    """Type ``new`` over every ``old`` of the document (find and replace all; ``whole``: only
    paragraphs that say exactly ``old``)."""
    for p in document.paragraphs:
        if whole and p.text != old:
            continue
        for run in p.runs:
            run.text = run.text.replace(old, new)


def delete(document: Document, starting: str) -> None:
    """Delete the paragraph starting with ``starting``."""
    p = paragraph(document, starting)._p
    p.getparent().remove(p)


def insert_after(document: Document, starting: str, texts: list[str]) -> None:
    """New paragraphs after the one starting with ``starting``, each a copy of its formatting
    (its style) holding one of ``texts``, without the tool's bookmarks."""
    anchor = paragraph(document, starting)._p
    for text in texts:
        new = copy.deepcopy(anchor)
        for mark in [*new.iter(qn("w:bookmarkStart")), *new.iter(qn("w:bookmarkEnd"))]:
            mark.getparent().remove(mark)
        runs = list(new.iter(qn("w:r")))
        for extra in runs[1:]:
            extra.getparent().remove(extra)
        Paragraph(new, None).runs[0].text = text
        anchor.addnext(new)
        anchor = new


def set_style(document: Document, starting: str, style: str) -> None:
    paragraph(document, starting).style = document.styles[style]


def renumber_pasal(document: Document, start: int) -> None:
    """Add one to every "Pasal N" of the batang tubuh with N >= ``start``, headings and
    references alike, as a drafter renumbers by hand after inserting a Pasal."""

    def bump(match: re.Match[str]) -> str:
        number = int(match[1])
        return f"Pasal {number + 1 if number >= start else number}"

    paragraphs = document.paragraphs
    body = next(i for i, p in enumerate(paragraphs) if p.text == "BAB I")
    for p in paragraphs[body:]:
        for run in p.runs:
            run.text = _OWN_PASAL.sub(bump, run.text)


def bump_labels(document: Document, prefix: str, start: int, stop: str) -> None:
    """Add one to the typed label "N." after ``prefix`` of each paragraph with N >= ``start``,
    up to the paragraph ``stop`` (a list renumbered by hand before an item is inserted)."""
    for p in document.paragraphs:
        if p.text == stop:
            return
        found = re.match(rf"{re.escape(prefix)}(\d+)\.\t", p.text)
        if found and int(found[1]) >= start:
            run = p.runs[0]
            run.text = run.text.replace(f"{found[1]}.", f"{int(found[1]) + 1}.", 1)


def tracked_insert(document: Document, starting: str, after: str, words: str, author: str) -> None:
    """Insert ``words`` after ``after`` in the paragraph starting with ``starting``, as a
    tracked insertion by ``author``."""
    p = paragraph(document, starting)
    run = next(r for r in p.runs if after in r.text)
    head, _, tail = run.text.partition(after)
    run.text = head + after
    inserted = parse_xml(
        f'<w:ins {W} w:id="9001" w:author="{author}" w:date="2026-01-05T10:00:00Z">'
        f'<w:r><w:t xml:space="preserve">{words}</w:t></w:r></w:ins>'
    )
    rest = copy.deepcopy(run._r)
    for child in [c for c in rest if c.tag != qn("w:rPr")]:
        rest.remove(child)
    rest.append(parse_xml(f'<w:t {W} xml:space="preserve">{tail}</w:t>'))
    run._r.addnext(inserted)
    inserted.addnext(rest)


def insert_pasal_6(document: Document) -> None:
    """The edit of a drafter who adds a Pasal 6 to the draft of kota-bengkulu (after Pasal 5
    Kepesertaan) and renumbers every later Pasal and reference by hand."""
    renumber_pasal(document, 6)
    insert_after(
        document,
        "(3)\tSetiap orang yang bekerja di luar",
        ["Pasal 6", "Pemerintah Daerah mendorong kepesertaan Pekerja Migran Indonesia."],
    )
    set_style(document, "Pasal 6", "PasalNomor")
    set_style(document, "Pemerintah Daerah mendorong kepesertaan", "PasalIsi")


def insert_bab_x(document: Document) -> None:
    """The edit of a drafter who adds a BAB X Ketentuan Lain-Lain with one Pasal before the
    Ketentuan Penutup of kota-bengkulu's draft, renumbering the BAB and Pasal after it by hand."""
    renumber_pasal(document, 18)
    replace_everywhere(document, "BAB X", "BAB XI", whole=True)
    insert_after(
        document,
        "(2)\tWali Kota menyampaikan laporan pelaksanaan",
        [
            "BAB X",
            "KETENTUAN LAIN-LAIN",
            "Pasal 18",
            "Perangkat Daerah bekerja sama dengan BPJS Ketenagakerjaan.",
        ],
    )
    for starting, style in (
        ("BAB X", "BabNomor"),
        ("KETENTUAN LAIN-LAIN", "BabJudul"),
        ("Pasal 18", "PasalNomor"),
        ("Perangkat Daerah bekerja sama", "PasalIsi"),
    ):
        set_style(document, starting, style)
