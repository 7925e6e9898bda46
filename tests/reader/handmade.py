"""Hand-made Perkada drafts written with python-docx, as a Bagian Hukum types them.

:func:`perkada` writes a whole draft: the judul in bold capitals, the pembukaan rows with
typed labels and tabs, the batang tubuh given as lines, the penutup with the signature blocks
in a borderless table; ``numbered`` lines (``(level, text)``) are labelled by Word's automatic
numbering instead of typed labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.shared import Mm

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
OPENING = (
    "PERATURAN BUPATI CONTOH",
    "NOMOR ... TAHUN ...",
    "TENTANG",
    "OPTIMALISASI PELAKSANAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN",
    "DENGAN RAHMAT TUHAN YANG MAHA ESA",
    "BUPATI CONTOH,",
)
ROWS = (
    "Menimbang\t:\ta.\tbahwa pekerja di Daerah perlu dilindungi dalam program jaminan sosial;",
    "\t\tb.\tbahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan "
    "Bupati tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan;",
    "Mengingat  :  1.  Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional "
    "(Lembaran Negara Republik Indonesia Tahun 2004 Nomor 150, Tambahan Lembaran Negara Republik "
    "Indonesia Nomor 4456);",
    "\t\t2.\tUndang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik "
    "Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587);",
    "MEMUTUSKAN:",
    "Menetapkan\t:\tPERATURAN BUPATI TENTANG OPTIMALISASI PELAKSANAAN PROGRAM JAMINAN SOSIAL "
    "KETENAGAKERJAAN.",
)
BODY = (
    "BAB I",
    "KETENTUAN UMUM",
    "Pasal 1",
    "Dalam Peraturan Bupati ini yang dimaksud dengan:",
    "1.\tDaerah adalah Kabupaten Contoh.",
    "2. Bupati adalah Bupati Contoh.",
    "BAB II",
    "KEPESERTAAN",
    "Pasal 2",
    "(1)\tSetiap Pemberi Kerja wajib mendaftarkan Pekerjanya sebagai Peserta.",
    "(2)\tPendaftaran sebagaimana dimaksud pada ayat (1) meliputi:",
    "a.\tPekerja tetap;",
    "b.\tPekerja tidak tetap, yang terdiri atas:",
    "1.\tPekerja harian; dan",
    "2.\tPekerja borongan; dan",
    "c.\tPekerja magang.",
    "Pasal 3",
    "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.",
)
PERINTAH = (
    "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya "
    "dalam Berita Daerah Kabupaten Contoh."
)
DITETAPKAN = ("Ditetapkan di Contoh", "pada tanggal ...", "BUPATI CONTOH,", "", "", "NAMA BUPATI")
DIUNDANGKAN = (
    "Diundangkan di Contoh",
    "pada tanggal ...",
    "SEKRETARIS DAERAH KABUPATEN CONTOH,",
    "",
    "NAMA SEKDA",
)
BERITA = "BERITA DAERAH KABUPATEN CONTOH TAHUN ... NOMOR ..."
#: Page sizes (width, height) in millimetres.
A4, F4 = (210, 297), (215, 330)


def perkada(
    path: Path,
    body: Sequence[str] = BODY,
    *,
    page: tuple[int, int] = A4,
    numbered: Sequence[tuple[int, str]] = (),
) -> Path:
    """Write a hand-made draft to ``path``; ``numbered`` lines follow ``body`` in a last Pasal."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(page[0]), Mm(page[1])
    for text in OPENING:
        document.add_paragraph().add_run(text).bold = True
    for text in (*ROWS, *body):
        document.add_paragraph(text)
    if numbered:
        document.add_paragraph(f"Pasal {1 + sum(t.startswith('Pasal ') for t in body)}")
        _numbered(document, numbered)
    document.add_paragraph(PERINTAH)
    table = document.add_table(rows=2, cols=2)
    _cell(table.cell(0, 1), DITETAPKAN)
    _cell(table.cell(1, 0), DIUNDANGKAN)
    document.add_paragraph(BERITA)
    document.save(str(path))
    return path


def _cell(cell: Any, lines: Sequence[str]) -> None:
    cell.paragraphs[0].text = lines[0]
    for text in lines[1:]:
        cell.add_paragraph(text)


def _numbered(document: Any, lines: Sequence[tuple[int, str]]) -> None:
    """Paragraphs numbered by a list of three levels: "(1)", "a.", "1."."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate((("decimal", "(%1)"), ("lowerLetter", "%2."), ("decimal", "%3.")))
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {W} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in lines:
        paragraph = document.add_paragraph(text)
        props = paragraph._p.get_or_add_pPr()
        props.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
