"""Tests for jamsostek_regs.writers.docx: the DOCX re-read with python-docx and LibreOffice."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Emu

from jamsostek_regs.layout import STYLES, Block, layout
from jamsostek_regs.model import Draft, Meta
from jamsostek_regs.writers.docx import render, write

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "jamsostek_regs" / "writers" / "resources" / "reference.docx"
LONG_ANCHOR = "bab_1__bagian_1__paragraf_1__pasal_1__ayat_1__huruf_a"

META = Meta(
    region_id="kab-contoh",
    level="kabupaten",
    region_name="Contoh",
    title="Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan",
    standard_id="jamsostek",
    standard_version="1",
    date="2024-12-17",
    author="Bagian Hukum",
)

BLOCKS: tuple[Block, ...] = (
    Block("Judul", "PERATURAN BUPATI CONTOH"),
    Block("Judul", "NOMOR ... TAHUN 2024"),
    Block("Judul", "TENTANG"),
    Block("Judul", "OPTIMALISASI PELAKSANAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN"),
    Block("Frasa", "DENGAN RAHMAT TUHAN YANG MAHA ESA"),
    Block("Jabatan", "BUPATI CONTOH,"),
    Block("Pembukaan", 'bahwa pekerja <rentan> & "bukan penerima upah" dilindungi;', "a.", "Menimbang"),
    Block("Pembukaan", "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a;", "b."),
    Block("Pembukaan", "Undang-Undang Nomor 24 Tahun 2011 tentang BPJS;", "1.", "Mengingat"),
    Block("Diktum", "MEMUTUSKAN:"),
    Block("Pembukaan", "PERATURAN BUPATI TENTANG OPTIMALISASI JAMSOSTEK.", lead="Menetapkan"),
    Block("BabNomor", "BAB I", anchor="bab_1"),
    Block("BabJudul", "KETENTUAN UMUM"),
    Block("BagianNomor", "Bagian Kesatu", anchor="bab_1__bagian_1"),
    Block("BagianJudul", "Umum"),
    Block("ParagrafNomor", "Paragraf 1", anchor="bab_1__bagian_1__paragraf_1"),
    Block("ParagrafJudul", "Pengertian"),
    Block("PasalNomor", "Pasal 1", anchor="pasal_1"),
    Block("PasalIsi", "Dalam Peraturan Bupati ini yang dimaksud dengan:"),
    Block("Ayat", "Pemerintah Daerah melaksanakan program:", "(1)", anchor=LONG_ANCHOR + "_1"),
    Block("Rincian1", "jaminan kecelakaan kerja;", "a.", anchor=LONG_ANCHOR + "_2"),
    Block("Rincian2", "pekerja penerima upah;", "1."),
    Block("Rincian3", "pekerja bukan penerima upah; dan", "a)"),
    Block("Rincian4", "   teks dengan spasi di depan.", "1)"),
    Block(
        "Penutup",
        "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini.",
    ),
    Block("TtdKanan", "Ditetapkan di Contoh"),
    Block("TtdKanan", "BUPATI CONTOH,"),
    Block("TtdKanan", ""),
    Block("TtdKanan", "NAMA BUPATI"),
    Block("TtdKiri", "Diundangkan di Contoh"),
    Block("TtdKiri", ""),
    Block("BeritaDaerah", "BERITA DAERAH KABUPATEN CONTOH TAHUN 2024 NOMOR ..."),
    Block("LampiranKepala", "LAMPIRAN", anchor="lampiran_1", page_break=True),
    Block("LampiranKepala", "PERATURAN BUPATI CONTOH", anchor="lampiran_1"),
    Block("LampiranJudul", "DAFTAR KELOMPOK PEKERJA"),
    Block("LampiranIsi", "Kelompok pekerja rentan.", "A."),
    Block(
        "Tabel",
        rows=(("No.", "Kelompok", "Jumlah"), ("1.", "Petani <lahan>", "120"), ("2.", "Nelayan")),
    ),
    Block("LampiranIsi", "Data diperbarui setiap tahun."),
)

PARAGRAPHS = [block for block in BLOCKS if not block.rows]


@pytest.fixture(scope="module")
def data() -> bytes:
    return write(BLOCKS, META)


@pytest.fixture(scope="module")
def document(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def collapse(text: str) -> str:
    return " ".join(text.split())


def test_blocks_cover_every_style() -> None:
    assert {block.style for block in BLOCKS} == set(STYLES)


def test_page_is_f4_with_margins(document: Document) -> None:
    (section,) = document.sections
    assert section.page_width.mm == pytest.approx(215, abs=0.5)
    assert section.page_height.mm == pytest.approx(330, abs=0.5)
    for margin in (
        section.left_margin,
        section.right_margin,
        section.top_margin,
        section.bottom_margin,
    ):
        assert margin.cm == pytest.approx(2.5, abs=0.01)


def test_normal_is_bookman_12_single_indonesian(document: Document) -> None:
    normal = document.styles["Normal"]
    assert normal.font.name == "Bookman Old Style"
    assert normal.font.size.pt == 12
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.SINGLE
    rpr = normal.element.rPr
    assert rpr.rFonts.get(qn("w:eastAsia")) == rpr.rFonts.get(qn("w:cs")) == "Bookman Old Style"
    assert rpr.find(qn("w:lang")).get(qn("w:val")) == "id-ID"


def test_every_style_exists(document: Document) -> None:
    for name in STYLES:
        style = document.styles[name]
        assert style.type == WD_STYLE_TYPE.PARAGRAPH
        assert style.base_style.name == "Normal"


def test_paragraph_styles_follow_blocks(document: Document) -> None:
    assert [p.style.name for p in document.paragraphs] == [b.style for b in PARAGRAPHS]


def test_paragraph_text_is_block_plain(document: Document) -> None:
    for paragraph, block in zip(document.paragraphs, PARAGRAPHS, strict=True):
        assert collapse(paragraph.text) == collapse(block.plain())


def test_columns_are_separated_by_tabs(document: Document) -> None:
    texts = [p.text for p in document.paragraphs]
    assert texts[6].startswith("Menimbang\t:\ta.\tbahwa pekerja <rentan> &")
    assert texts[7].startswith("\t\tb.\tbahwa")
    assert texts[10].startswith("Menetapkan\t:\tPERATURAN")
    assert texts[19] == "(1)\tPemerintah Daerah melaksanakan program:"


def test_leading_spaces_are_preserved(document: Document) -> None:
    (paragraph,) = (p for p in document.paragraphs if p.style.name == "Rincian4")
    assert paragraph.text == "1)\t   teks dengan spasi di depan."


def test_signature_space_is_an_empty_paragraph(document: Document) -> None:
    empty = [p for p in document.paragraphs if not p.text]
    assert [p.style.name for p in empty] == ["TtdKanan", "TtdKiri"]


def test_table(document: Document) -> None:
    (table,) = document.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["No.", "Kelompok", "Jumlah"],
        ["1.", "Petani <lahan>", "120"],
        ["2.", "Nelayan", ""],
    ]
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)
    assert {p.style.name for row in table.rows for cell in row.cells for p in cell.paragraphs} == {"Tabel"}
    assert table._tbl.tblPr.find(qn("w:tblBorders")) is not None


def test_bookmarks_for_anchors(document: Document) -> None:
    starts = document.element.body.iter(qn("w:bookmarkStart"))
    names = [start.get(qn("w:name")) for start in starts]
    ends = list(document.element.body.iter(qn("w:bookmarkEnd")))
    anchors = {block.anchor for block in BLOCKS if block.anchor}  # one bookmark per anchor
    assert len(names) == len(set(names)) == len(ends) == len(anchors)
    assert all(len(name) <= 40 for name in names)
    assert {"bab_1", "pasal_1", "lampiran_1", LONG_ANCHOR[:40]} <= set(names)
    assert [start.get(qn("w:id")) for start in document.element.body.iter(qn("w:bookmarkStart"))] == [
        str(i) for i in range(len(names))
    ]


def test_page_break_before_lampiran(document: Document) -> None:
    breaks = [p.paragraph_format.page_break_before for p in document.paragraphs]
    assert breaks == [block.page_break or None for block in PARAGRAPHS]


def test_first_judul_starts_8_cm_from_the_top(document: Document) -> None:
    first, second = document.paragraphs[:2]
    top = document.sections[0].top_margin
    assert Emu(top + first.paragraph_format.space_before).cm == pytest.approx(8, abs=0.01)
    assert second.paragraph_format.space_before is None


def test_header_page_number_except_first_page(document: Document) -> None:
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = section.header._element.xml
    assert re.search(r'w:instr=" PAGE "|<w:instrText[^>]*> PAGE </w:instrText>', header)
    assert "".join(section.header.paragraphs[0]._p.xpath(".//w:t/text()")) == "- 2 -"
    assert not section.first_page_header.paragraphs[0].text


def test_core_properties_from_meta(document: Document) -> None:
    core = document.core_properties
    assert (core.title, core.author) == (META.title, META.author)
    assert core.created.isoformat() == core.modified.isoformat() == "2024-12-17T00:00:00+00:00"


def test_no_core_dates_without_a_draft_date() -> None:
    meta = Meta("x", "kota", "X", "Judul", "s", "1")
    data = write(BLOCKS, meta)
    core = docx.Document(io.BytesIO(data)).core_properties
    assert (core.created, core.modified) == (None, None)
    assert data == write(BLOCKS, meta)  # and still the same bytes every time


def test_output_is_deterministic(data: bytes) -> None:
    assert write(list(BLOCKS), META) == data


def test_shared_sample(sample_blocks: tuple[Block, ...], sample_meta: Meta) -> None:
    document = docx.Document(io.BytesIO(write(sample_blocks, sample_meta)))
    paragraphs = [block for block in sample_blocks if not block.rows]
    assert [p.style.name for p in document.paragraphs] == [b.style for b in paragraphs]
    assert [collapse(p.text) for p in document.paragraphs] == [collapse(b.plain()) for b in paragraphs]
    assert document.core_properties.title == sample_meta.title


def test_shared_draft(sample_draft: Draft) -> None:
    document = docx.Document(io.BytesIO(render(sample_draft)))
    texts = [collapse(block.plain()) for block in layout(sample_draft)]
    assert [collapse(p.text) for p in document.paragraphs] == texts


def test_reference_script_is_reproducible(tmp_path: Path) -> None:
    output = tmp_path / "reference.docx"
    script = ROOT / "tools" / "make_reference_docx.py"
    subprocess.run([sys.executable, str(script), str(output)], check=True, timeout=120)
    assert output.read_bytes() == REFERENCE.read_bytes()


TOOLS = ("soffice", "pdfinfo", "pdftotext")


@pytest.mark.skipif(
    not all(map(shutil.which, TOOLS)) and not os.environ.get("CI"),
    reason="LibreOffice or poppler-utils not installed (required when CI is set)",
)
def test_libreoffice_renders_f4_pdf(tmp_path: Path, data: bytes) -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, f"missing tools: {missing}"
    source = tmp_path / "draft.docx"
    source.write_bytes(data)
    profile = f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}"
    convert = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
    subprocess.run([*convert, str(source)], check=True, capture_output=True, timeout=120)
    pdf = str(tmp_path / "draft.pdf")
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size is not None, info
    assert float(size[1]) == pytest.approx(609.4, abs=1)
    assert float(size[2]) == pytest.approx(935.4, abs=1)
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    for block in (BLOCKS[4], BLOCKS[9], BLOCKS[12], BLOCKS[17], BLOCKS[32]):
        assert block.text in collapse(text)
    assert "Nelayan" in text
