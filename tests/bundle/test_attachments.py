"""Attached lampiran: a region's own Word document as a lampiran, numbered, cited and composed."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from jamsostek_regs.errors import InputError
from jamsostek_regs.model import AttachedFile, Draft
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.workspace import Workspace
from jamsostek_regs.writers import writer
from tests.attachments import EXAMPLE, FILE, attach_example
from tests.bundle.conftest import ATTACHED, attached_workspace, entries, export
from tests.conftest import ROOT

TITLE = "Format laporan pelaksanaan tugas Perangkat Daerah"
FORM_TEXT = (
    "Periode laporan: semester ... tahun ...",
    "Kolom Kegiatan diisi dengan kegiatan yang dilaksanakan dalam periode laporan.",
)
COLUMN = "Jumlah Pekerja yang Didaftarkan sebagai Peserta"


@pytest.fixture(scope="module")
def draft(attached: Path) -> Draft:
    return assemble(Workspace(attached), ATTACHED)


@pytest.fixture(scope="module")
def document(draft: Draft) -> docx.document.Document:
    return docx.Document(io.BytesIO(writer("docx")(draft)))


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_generated_and_attached_lampiran_are_numbered_together(draft: Draft) -> None:
    text = writer("txt")(draft).decode()
    assert "LAMPIRAN I\n" in text and "LAMPIRAN II\n" in text
    assert "tercantum dalam Lampiran I yang merupakan bagian tidak terpisahkan" in text
    assert (
        f"(3) {TITLE} dalam optimalisasi pelaksanaan Program Jaminan Sosial Ketenagakerjaan tercantum"
        " dalam Lampiran II yang merupakan bagian tidak terpisahkan dari Peraturan Bupati ini."
    ) in text


def test_the_draft_names_each_attached_file_with_its_lampiran(draft: Draft, attached: Path) -> None:
    (file,) = draft.meta.attachments
    assert file == AttachedFile("lampiran.contoh_format_laporan", (attached / "regions" / FILE).resolve())
    assert [p.key for p in draft.root.children if p.kind == "lampiran"][-1] == file.key


def test_text_views_name_the_attached_document(draft: Draft) -> None:
    for fmt in ("txt", "md", "html"):
        assert f"(dokumen terlampir: {TITLE}" in writer(fmt)(draft).decode(), fmt


def test_attached_body_sits_between_heading_and_signature(document: docx.document.Document) -> None:
    paragraphs = [(p.style.name, _norm(p.text)) for p in document.paragraphs]
    heading = paragraphs.index(("LampiranKepala", "LAMPIRAN II"))
    form = paragraphs.index(("Normal", FORM_TEXT[0]))
    signature = max(i for i, (style, text) in enumerate(paragraphs) if text == "BUPATI LAHAT,")
    assert heading < form < signature
    assert paragraphs[heading + 5] == (
        "LampiranJudul",
        f"{TITLE.upper()} DALAM OPTIMALISASI PELAKSANAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN",
    )
    assert not any("dokumen terlampir" in text for _, text in paragraphs)
    assert paragraphs[-1] == ("TtdKanan", "BURSAH ZARNUBI")


def test_attached_styles_table_and_lists_survive(document: docx.document.Document) -> None:
    names = {p.style.name for p in document.paragraphs}
    assert {"CatatanFormulir", "List Number", "PasalNomor"} <= names
    assert any(COLUMN in _norm(cell.text) for t in document.tables for cell in t.rows[0].cells)
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert _norm(numbered[1].text) == FORM_TEXT[1]
    numbering = document.part.numbering_part.element
    assert numbering.findall(qn("w:num")), "the attached list keeps its Word numbering"
    draft_numbered = [p for p in document.paragraphs if p.style.name.startswith(("Ayat", "Rincian"))]
    assert all(p._p.pPr.numPr is None for p in draft_numbered), "the draft's own labels stay text"


def test_example_attachment_is_reproducible(tmp_path: Path) -> None:
    script = ROOT / "tools" / "make_example_lampiran.py"
    subprocess.run(["python", str(script), str(tmp_path / "a.docx")], check=True, timeout=120)
    assert (tmp_path / "a.docx").read_bytes() == EXAMPLE.read_bytes()


def test_no_shipped_region_attaches_a_tool_made_document() -> None:
    """Legal review LH-6: the example form is no lampiran of a shipped draft."""
    assert not list((ROOT / "regions").glob("**/*.docx"))
    assert not any("attachments:" in p.read_text(encoding="utf-8") for p in (ROOT / "regions").glob("*.yaml"))


BLOCK = "attachments:\n  - file: {file}\n    title: Format laporan\n    pasal: {pasal}\n"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("file", "/etc/passwd.docx", "relative to regions/"),
        ("file", "../templates/x.docx", "without '..'"),
        ("file", "lampiran/missing.docx", "no such file: regions/lampiran/missing.docx"),
        ("file", "lampiran/not-a-word-file.docx", "is not a Word document"),
        ("pasal", "pemantauan.pelapor", "did you mean 'pemantauan.pelaporan'"),
    ],
)
def test_bad_attachments_are_located_errors(tmp_path: Path, field: str, value: str, message: str) -> None:
    workspace = attached_workspace(tmp_path)
    (workspace / "regions" / "lampiran" / "not-a-word-file.docx").write_text("plain text")
    path = workspace / "regions" / f"{ATTACHED}.yaml"
    head = path.read_text(encoding="utf-8").split("\nattachments:\n")[0] + "\n"
    values = {"file": FILE, "pasal": "pemantauan.pelaporan", field: value}
    path.write_text(head + BLOCK.format(**values), encoding="utf-8")
    line = len(head.splitlines()) + (2 if field == "file" else 4)
    with pytest.raises(InputError) as caught:
        assemble(Workspace(workspace), ATTACHED)
    problem = str(caught.value)
    assert problem.startswith(f"regions/{ATTACHED}.yaml:{line}:") and message in problem, problem


def test_unreadable_attached_document_is_an_input_error(tmp_path: Path) -> None:
    workspace = attached_workspace(tmp_path)
    with zipfile.ZipFile(workspace / "regions" / FILE, "w") as archive:
        archive.writestr("word/document.xml", "<not-a-document/>")
    with pytest.raises(InputError) as caught:  # building the draft refuses it, so validate does too
        assemble(Workspace(workspace), ATTACHED)
    assert str(caught.value).startswith(f"regions/{ATTACHED}.yaml:"), caught.value
    assert "is not a Word document (.docx): it has no [Content_Types].xml" in str(caught.value)


TOOLS = ("soffice", "pdftotext")


@pytest.mark.skipif(
    not all(map(shutil.which, TOOLS)) and not os.environ.get("CI"),
    reason="LibreOffice or poppler-utils not installed (required when CI is set)",
)
def test_attachment_survives_libreoffice(tmp_path: Path, attached: Path) -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, f"missing tools: {missing}"
    from tests.bundle.conftest import export

    output = tmp_path / "drafts.zip"
    run = export(ATTACHED, "lombok-timur", "-o", str(output), "--pdf", "--jobs", "2", workspace=attached)
    assert run.code == 0, run.err
    files = entries(output.read_bytes())
    assert files["lombok-timur/lombok-timur.pdf"].startswith(b"%PDF")
    pdf = tmp_path / "lahat.pdf"
    pdf.write_bytes(files[f"{ATTACHED}/{ATTACHED}.pdf"])
    text = _norm(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )
    assert "LAMPIRAN II" in text
    for expected in FORM_TEXT:
        assert expected in text, expected
    assert "1. Laporan disusun oleh setiap Perangkat Daerah" in text


def test_a_regions_folder_linked_from_outside_the_workspace_is_bundled_with_its_attachment(
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "regions", elsewhere)
    attach_example(elsewhere, ATTACHED)
    workspace = tmp_path / "ws"
    workspace.mkdir()
    (workspace / "regions").symlink_to(elsewhere, target_is_directory=True)
    (workspace / "templates").symlink_to(ROOT / "templates", target_is_directory=True)
    run = export(ATTACHED, "-o", str(tmp_path / "drafts.zip"), workspace=workspace)
    assert run.code == 0, run.err
    manifest = json.loads(entries((tmp_path / "drafts.zip").read_bytes())["manifest.json"])
    assert [i["path"] for i in manifest["regions"][0]["inputs"]] == [
        f"regions/{ATTACHED}.yaml",
        f"regions/{FILE}",
    ]
