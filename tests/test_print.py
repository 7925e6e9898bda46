"""Ready to print: the font, the signature page and the layout details of every shipped draft.

The DOCX is read back as XML; the PDF is made by LibreOffice (as ``assemble --format pdf``
does) and read back with poppler (``pdffonts``, ``pdfinfo``, ``pdftotext`` page by page).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from jamsostek_regs.cli import main
from jamsostek_regs.layout import layout
from jamsostek_regs.model import Draft
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.workspace import Workspace
from jamsostek_regs.writers import docx, fonts, pdf, writer
from tests.attachments import attach_example
from tests.conftest import REGIONS, ROOT
from tests.regionkit import make_workspace

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXTS = (f"{W}t", f"{W}tab")
SIGNATURES = ("TtdKanan", "TtdKiri", "BeritaDaerah")

needs_libreoffice = pytest.mark.skipif(
    (shutil.which("soffice") is None or shutil.which("pdffonts") is None) and not os.environ.get("CI"),
    reason="LibreOffice and poppler not installed (CI installs them and runs this test)",
)


def _clone_installed() -> bool:
    """Whether fontconfig knows Bookman Old Style or a metric-compatible clone of it."""
    if shutil.which("fc-list") is None:
        return False
    families = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    return any(name in families for name in (fonts.FONT, *fonts.ALTERNATIVES))


needs_serif = pytest.mark.skipif(
    not _clone_installed() and not os.environ.get("CI"),
    reason="neither Bookman Old Style nor a clone installed (scripts/test.sh installs fonts-texgyre)",
)


def _part(data: bytes, name: str) -> ElementTree.Element:
    return ElementTree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def _paragraphs(data: bytes) -> Iterator[tuple[str, ElementTree.Element]]:
    """(text, w:pPr) of every paragraph of the body."""
    for p in _part(data, "word/document.xml").iter(f"{W}p"):
        text = _text(p)
        props = p.find(f"{W}pPr")
        yield text, props if props is not None else ElementTree.Element(f"{W}pPr")


def _text(paragraph: ElementTree.Element) -> str:
    """The text of a paragraph's runs, a tab as "\\t"."""
    runs = [e for r in paragraph.iter(f"{W}r") for e in r if e.tag in TEXTS]
    return "".join("\t" if e.tag == f"{W}tab" else e.text or "" for e in runs)


def _val(props: ElementTree.Element, path: str, attr: str = "val") -> str | None:
    found = props.find(path.replace("w:", W))
    return None if found is None else found.get(f"{W}{attr}")


def test_font_table_declares_a_serif_and_its_metric_alternatives(lombok_timur: Draft) -> None:
    table = {f.get(f"{W}name"): f for f in _part(docx.render(lombok_timur), "word/fontTable.xml")}
    bookman = table["Bookman Old Style"]
    assert _val(bookman, "w:family") == "roman"  # a serif, so a machine without it picks a serif
    assert _val(bookman, "w:altName") == "URW Bookman"
    assert _val(bookman, "w:panose1") == fonts.PANOSE
    for alternative in ("URW Bookman", "TeX Gyre Bonum"):
        assert _val(table[alternative], "w:family") == "roman"
    assert "Calibri" not in table and "Arial" not in table  # no sans-serif is offered


def test_menetapkan_is_flush_left_not_justified(lombok_timur: Draft) -> None:
    menetapkan = [pr for text, pr in _paragraphs(docx.render(lombok_timur)) if text.startswith("Menetapkan")]
    assert len(menetapkan) == 1 and _val(menetapkan[0], "w:jc") == "left"


def test_two_digit_definition_numbers_get_a_wider_label_column(lombok_timur: Draft) -> None:
    ref = docx.reference()
    left, step = ref.indents["Rincian1"]
    definitions = {
        text.split("\t")[0]: pr
        for text, pr in _paragraphs(docx.render(lombok_timur))
        if re.match(r"\d+\.\t(Daerah|Pekerja|Bupati) adalah", text)
    }
    assert set(definitions) == {"1.", "3.", "10."}
    for props in definitions.values():  # the whole list, "1." too, so the text stays aligned
        assert _val(props, "w:ind", "hanging") == str(step + docx.WIDE_LABEL)
        assert _val(props, "w:ind", "left") == str(left + docx.WIDE_LABEL)
    # a list of one-digit labels keeps the style's indent
    lettered = [pr for text, pr in _paragraphs(docx.render(lombok_timur)) if text.startswith("a.\tmenjamin")]
    assert lettered and _val(lettered[0], "w:ind", "hanging") is None


def test_signatures_have_room_to_sign_and_stay_with_the_penutup(lombok_timur: Draft) -> None:
    paragraphs = list(_paragraphs(docx.render(lombok_timur)))
    texts = [text for text, _ in paragraphs]
    jabatan = texts.index("BUPATI LOMBOK TIMUR,", texts.index("Ditetapkan di Selong"))
    space, name = paragraphs[jabatan + 1], paragraphs[jabatan + 2]
    assert space[0] == "" and int(_val(space[1], "w:spacing", "before") or 0) >= docx.SIGNING_SPACE
    assert name[0] == "HAERUL WARISIN"
    perintah = next(i for i, t in enumerate(texts) if t.startswith("Agar setiap orang"))
    assert paragraphs[perintah - 1][1].find(f"{W}keepNext") is not None  # the last Pasal's text
    styles = _part(docx.render(lombok_timur), "word/styles.xml")
    penutup = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Penutup")
    assert penutup.find(f"{W}pPr/{W}keepNext") is not None


def test_pdf_warns_of_a_substituted_or_loose_font(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fonts.is_draft_font("BAAAAA+TeXGyreBonum-Bold") and fonts.is_draft_font("URWBookman-Light")
    assert fonts.is_draft_font("BookmanOldStyle") and not fonts.is_draft_font("CAAAAA+DejaVuSans")
    listed = [pdf.PdfFont("AAAAAA+DejaVuSans", True), pdf.PdfFont("TeXGyreBonum-Regular", False)]
    monkeypatch.setattr(pdf, "fonts_of", lambda _data: listed)
    first, second = pdf.warnings(b"%PDF")
    assert "set in DejaVuSans, not Bookman Old Style" in first and "fonts-texgyre" in first
    assert second == "the PDF does not embed the fonts TeXGyreBonum-Regular"
    monkeypatch.setattr(pdf, "fonts_of", lambda _data: None)  # no poppler: nothing to say
    assert pdf.warnings(b"%PDF") == []


def test_assemble_prints_the_font_warning(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pdf, "render", lambda _draft: b"%PDF-1.6 stand-in")
    monkeypatch.setattr(pdf, "fonts_of", lambda _data: [pdf.PdfFont("DejaVuSans", True)])
    result = CliRunner().invoke(
        main, ["-C", str(ROOT), "assemble", "lombok-timur", "--format", "pdf", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "lombok-timur: warning: lombok-timur.pdf: the PDF is set in DejaVuSans" in result.stderr
    assert (tmp_path / "lombok-timur" / "lombok-timur.pdf").read_bytes() == b"%PDF-1.6 stand-in"


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout


def _pages(path: Path, count: int) -> list[list[str]]:
    """The non-empty lines of each page, the page number header "- n -" left out."""
    pages = []
    for page in range(1, count + 1):
        text = _run("pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-")
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        pages.append([line for line in lines if not re.fullmatch(r"- ?\d+ ?-", line)])
    return pages


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Draft, Path]]:
    folder = tmp_path_factory.mktemp("pdf")
    workspace = Workspace(ROOT)
    made = {}
    for region_id in REGIONS:
        draft = assemble(workspace, region_id)
        path = folder / f"{region_id}.pdf"
        path.write_bytes(pdf.render(draft))
        made[region_id] = (draft, path)
    return made


@needs_libreoffice
@needs_serif
def test_pdf_is_f4_tagged_pdfa_in_the_embedded_serif(pdfs: dict[str, tuple[Draft, Path]]) -> None:
    for region_id, (_draft, path) in pdfs.items():
        info = _run("pdfinfo", str(path))
        assert re.search(r"Page size:\s+609\.9\d+ x 936 pts", info), (region_id, info)
        assert re.search(r"Tagged:\s+yes", info), region_id
        assert b"<pdfaid:part>2</pdfaid:part>" in path.read_bytes()
        found = pdf.fonts_of(path.read_bytes())
        assert found, region_id
        assert all(fonts.is_draft_font(f.name) and f.embedded for f in found), (region_id, found)
        assert pdf.warnings(path.read_bytes()) == []


@needs_libreoffice
def test_pdf_keeps_the_text(pdfs: dict[str, tuple[Draft, Path]]) -> None:
    draft, path = pdfs["lombok-timur"]
    text = " ".join(_run("pdftotext", str(path), "-").split())
    for phrase in ("MEMUTUSKAN:", "Pasal 20", "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."):
        assert phrase in text
    assert draft.meta.region_name.upper() in text


@needs_libreoffice
def test_no_page_holds_only_signature_blocks(pdfs: dict[str, tuple[Draft, Path]]) -> None:
    for region_id, (draft, path) in pdfs.items():
        signature_words = {
            word for b in layout(draft) if b.style in SIGNATURES for word in b.text.split()
        } | {"..."}
        count = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(path))).group(1))  # type: ignore[union-attr]
        for number, lines in enumerate(_pages(path, count), start=1):
            words = {word for line in lines for word in line.split()}
            assert not words or not words <= signature_words, f"{region_id} page {number}: {lines}"


def test_an_attached_word_lampiran_is_fitted_to_the_text_width(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    shutil.copyfile(ROOT / "regions" / "lahat.yaml", workspace / "regions" / "lahat.yaml")
    attach_example(workspace / "regions", "lahat")  # Lampiran II: a document of six 2.54 cm columns
    data = docx.render(assemble(Workspace(workspace), "lahat"))
    document = _part(data, "word/document.xml")
    section = document.find(f"{W}body/{W}sectPr")
    assert section is not None
    width = int(_val(section, "w:pgSz", "w") or 0) - 2 * int(_val(section, "w:pgMar", "left") or 0)
    tables = document.findall(f"{W}body/{W}tbl")
    assert len(tables) == 2  # the draft's own Lampiran I and the attached Lampiran II
    for table in tables:
        columns = [int(c.get(f"{W}w", "0")) for c in table.iter(f"{W}gridCol")]
        assert sum(columns) == width == int(_val(table, "w:tblPr/w:tblW", "w") or 0)
    attached = [int(c.get(f"{W}w", "0")) for c in tables[1].iter(f"{W}gridCol")]
    assert len(attached) == 6 and max(attached) - min(attached) <= 6  # its proportions kept


def test_the_kop_is_printed_above_the_judul_when_the_region_asks(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    source = (ROOT / "regions" / "lombok-timur.yaml").read_text(encoding="utf-8")
    region = workspace / "regions" / "lombok-timur.yaml"
    region.write_text(source.replace("\ndraft:\n", "\ndraft:\n  kop: true\n"), encoding="utf-8")
    with_kop = list(_paragraphs(docx.render(assemble(Workspace(workspace), "lombok-timur"))))
    plain = list(_paragraphs(docx.render(assemble(Workspace(ROOT), "lombok-timur"))))
    texts = [text for text, _props in with_kop]
    assert texts[:4] == [docx.LAMBANG, "BUPATI LOMBOK TIMUR", "PROVINSI NUSA TENGGARA BARAT", "RANCANGAN"]
    assert texts[3:] == [text for text, _props in plain]  # the draft itself is the same
    before = int(_val(with_kop[3][1], "w:spacing", "before") or 0)
    assert before == int(_val(plain[0][1], "w:spacing", "before") or 0) - 4 * docx.KOP_LINE > 0


def test_export_warns_of_a_pdf_in_a_substituted_font(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pdf, "require", lambda: None)
    monkeypatch.setattr(pdf, "render", lambda _draft: b"%PDF-1.6 stand-in")
    monkeypatch.setattr(pdf, "fonts_of", lambda _data: [pdf.PdfFont("DejaVuSans", True)])
    out = tmp_path / "drafts.zip"
    args = ["-C", str(ROOT), "export", "lahat", "--pdf", "-j", "1", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "lahat: warning: lahat.pdf: the PDF is set in DejaVuSans" in result.stderr
    with zipfile.ZipFile(out) as bundle:
        warnings = json.loads(bundle.read("manifest.json"))["regions"][0]["warnings"]
    assert any(w.startswith("lahat.pdf: the PDF is set in DejaVuSans") for w in warnings)


def test_lampiran_tasks_are_lettered_items_each_its_own_paragraph(lombok_timur: Draft) -> None:
    document = _part(docx.render(lombok_timur), "word/document.xml")
    table = document.findall(f"{W}body/{W}tbl")[0]
    first_row = table.findall(f"{W}tr")[1]
    tasks = first_row.findall(f"{W}tc")[2].findall(f"{W}p")
    texts = [_text(p) for p in tasks]
    assert [text.split("\t")[0] for text in texts] == ["a.", "b.", "c."]
    assert texts[0].endswith(";") and texts[1].endswith("; dan") and not texts[2].endswith(";")
    for paragraph in tasks:
        pr = paragraph.find(f"{W}pPr")
        assert pr is not None and _val(pr, "w:ind", "hanging") == str(docx.CELL_LABEL)
    # the text export keeps the same words on one line
    assert "| a. melakukan pendataan Pekerja" in writer("txt")(lombok_timur).decode()
