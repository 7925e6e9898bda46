"""A DOCX wherever a draft is taken: lint, diff (against a region, the standard, another DOCX)
and the matrix, through the application layer and the command line.

The edited files are the tool's own DOCX changed as a drafter changes it in Word
(:mod:`tests.reader.edits`); ``diff REGION edited.docx`` must report exactly those edits.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx.document import Document

from jamsostek_regs import app
from jamsostek_regs.app import documents
from jamsostek_regs.app.absorbing import absorb
from jamsostek_regs.cli import main
from jamsostek_regs.diff.changes import Change
from jamsostek_regs.diff.compare import EDITED
from jamsostek_regs.lint import lint
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.workspace import STANDARD_REGION, Workspace
from jamsostek_regs.writers import writer
from tests.conftest import REGIONS, ROOT
from tests.diff.libreoffice import needs_soffice
from tests.reader import edits, handmade

REGION = "kota-bengkulu"


def write_docx(workspace: Workspace, region_id: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{region_id}.docx"
    path.write_bytes(writer("docx")(assemble(workspace, region_id)))
    return path


def edited(
    workspace: Workspace, folder: Path, edit: Callable[[Document], None], region_id: str = REGION
) -> Path:
    document = edits.open_docx(write_docx(workspace, region_id, folder))
    edit(document)
    path = folder / f"{region_id}-edited.docx"
    document.save(str(path))
    return path


def changes(workspace: Workspace, a: str, b: str) -> list[Change]:
    report = app.diff(workspace, a, b, "json").report
    return [change for clause in report.clauses for change in clause.changes]


@pytest.mark.parametrize("region_id", [*REGIONS, STANDARD_REGION])
def test_lint_on_the_docx_of_a_region_finds_what_lint_on_the_region_finds(
    workspace: Workspace, tmp_path: Path, region_id: str
) -> None:
    path = write_docx(workspace, region_id, tmp_path)
    on_region = lint(assemble(workspace, region_id))
    on_docx = app.lint(workspace, [str(path)])[str(path)]
    assert [(f.rule_id, f.key, f.message_id_text) for f in on_docx] == [
        (f.rule_id, f.key, f.message_id_text) for f in on_region
    ]


@pytest.mark.parametrize("region_id", [*REGIONS, STANDARD_REGION])
def test_the_docx_of_a_region_says_what_the_region_says(
    workspace: Workspace, tmp_path: Path, region_id: str
) -> None:
    path = str(write_docx(workspace, region_id, tmp_path))
    assert app.diff(workspace, region_id, path, "text").report.equal
    assert app.diff(workspace, path, region_id, "text").report.equal
    assert app.diff(workspace, path, path, "text").report.equal


def test_a_hand_made_draft_gets_findings_and_a_deviation_report(workspace: Workspace, tmp_path: Path) -> None:
    path = str(handmade.perkada(tmp_path / "hand.docx"))
    found = app.lint(workspace, [path])[path]
    assert ("R8", "judul") in {(f.rule_id, f.location) for f in found}  # no RANCANGAN line
    assert any(f.rule_id == "R41" and f.location.startswith("BAB II (paragraf ") for f in found)
    compared = app.diff(workspace, STANDARD_REGION, path, "text")
    summary = compared.report.summary()
    assert summary["added"] and summary["removed"] and summary["wording"] and not summary["parameter"]
    standard = assemble(workspace, STANDARD_REGION).meta
    first = compared.data.decode().splitlines()[0]
    assert first == f"standard → {path} ({standard.standard_id} {standard.standard_version})"
    assert app.diff(workspace, path, path, "text").data.decode().splitlines()[0] == f"{path} → {path}"


def test_lint_names_the_pasal_and_the_paragraph_of_the_file(workspace: Workspace, tmp_path: Path) -> None:
    path = edited(workspace, tmp_path, lambda d: edits.replace_words(d, "e.\tkepatuhan;", ";", ""))
    found = app.lint(workspace, [str(path)])[str(path)]
    reading = documents.document(workspace, path).reading
    paragraph = reading.paragraphs["maksud_tujuan.ruang_lingkup.kepatuhan"]
    assert [(f.rule_id, f.location) for f in found] == [("R53", f"Pasal 4 huruf e (paragraf {paragraph})")]
    assert paragraph == 1 + [p.text for p in edits.open_docx(path).paragraphs].index("e.\tkepatuhan")


def test_a_word_edit_is_one_wording_change(workspace: Workspace, tmp_path: Path) -> None:
    path = edited(
        workspace,
        tmp_path,
        lambda d: edits.replace_words(d, "(1)\tSetiap Pekerja di Daerah wajib", "wajib", "harus"),
    )
    found = changes(workspace, REGION, str(path))
    assert [(c.kind, c.key, c.reason) for c in found] == [("wording", "kepesertaan.kewajiban.wajib", EDITED)]
    assert found[0].b is not None and "harus menjadi Peserta" in found[0].b.text


def test_two_docx_files_differ_by_the_edit_alone(workspace: Workspace, tmp_path: Path) -> None:
    before = write_docx(workspace, REGION, tmp_path / "a")
    after = edited(workspace, tmp_path / "b", lambda d: edits.delete(d, "(3)\tSetiap orang yang bekerja"))
    found = changes(workspace, str(before), str(after))
    assert [(c.kind, c.key) for c in found] == [("removed", "kepesertaan.kewajiban.mandiri")]
    found = changes(workspace, str(after), str(before))
    assert [(c.kind, c.key) for c in found] == [("added", "kepesertaan.kewajiban.mandiri")]


def test_a_deleted_ayat_is_one_removal(workspace: Workspace, tmp_path: Path) -> None:
    path = edited(workspace, tmp_path, lambda d: edits.delete(d, "(3)\tSetiap orang yang bekerja di luar"))
    found = changes(workspace, REGION, str(path))
    assert [(c.kind, c.key) for c in found] == [("removed", "kepesertaan.kewajiban.mandiri")]


def test_an_inserted_pasal_renumbered_by_hand_is_one_addition_and_each_pasal_renumbered_once(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = edited(workspace, tmp_path, edits.insert_pasal_6)
    found = changes(workspace, REGION, str(path))
    later = [n for n in assemble(workspace, REGION).walk() if n.kind == "pasal" and int(n.num) >= 6]
    assert [c.kind for c in found if c.kind != "renumbered"] == ["added"]
    added = next(c for c in found if c.kind == "added")
    assert added.b is not None and added.b.address == "Pasal 6"
    renumbered = [c for c in found if c.kind == "renumbered"]
    assert [(c.a.num, c.b.num) for c in renumbered if c.a and c.b] == [
        (n.num, str(int(n.num) + 1)) for n in later
    ]


def test_a_changed_title_is_a_wording_change_of_the_judul_and_the_menetapkan(
    workspace: Workspace, tmp_path: Path
) -> None:
    def retitle(document: Document) -> None:
        edits.replace_words(document, "OPTIMALISASI PELAKSANAAN", "OPTIMALISASI", "PENGUATAN")
        edits.replace_words(document, "Menetapkan", "OPTIMALISASI", "PENGUATAN")

    found = changes(workspace, REGION, str(edited(workspace, tmp_path, retitle)))
    assert {(c.kind, c.clause) for c in found} == {("wording", "judul"), ("wording", "diktum")}


def test_an_added_mengingat_item_is_one_addition(workspace: Workspace, tmp_path: Path) -> None:
    law = (
        "\t\t9.\tPeraturan Daerah Kota Bengkulu Nomor 1 Tahun 2024 tentang Ketenagakerjaan "
        "(Lembaran Daerah Kota Bengkulu Tahun 2024 Nomor 1);"
    )
    path = edited(
        workspace, tmp_path, lambda d: edits.insert_after(d, "\t\t8.\tPeraturan Pemerintah Nomor 44", [law])
    )
    found = changes(workspace, REGION, str(path))
    assert [(c.kind, c.clause) for c in found] == [("added", "mengingat")]
    assert found[0].b is not None and found[0].b.text.startswith("Peraturan Daerah Kota Bengkulu Nomor 1")


def test_an_insertion_tracked_by_another_author_is_reported_as_accepted(
    workspace: Workspace, tmp_path: Path
) -> None:
    def track(document: Document) -> None:
        edits.tracked_insert(
            document, "(1)\tSetiap Pekerja di Daerah wajib", "wajib", " segera", "Kanwil Kemenkum"
        )

    found = changes(workspace, REGION, str(edited(workspace, tmp_path, track)))
    assert [(c.kind, c.key) for c in found] == [("wording", "kepesertaan.kewajiban.wajib")]
    assert found[0].b is not None and "wajib segera menjadi" in found[0].b.text


def test_the_cli_takes_docx_files_for_lint_diff_and_matrix(workspace: Workspace, tmp_path: Path) -> None:
    path = str(edited(workspace, tmp_path, lambda d: edits.delete(d, "(3)\tSetiap orang yang bekerja")))
    runner = CliRunner()
    linted = runner.invoke(main, ["-C", str(ROOT), "lint", path, REGION])
    assert linted.exit_code == 0, linted.output
    assert f"{path}: 0 error(s), 0 warning(s)" in linted.output
    differs = runner.invoke(main, ["-C", str(ROOT), "diff", REGION, path, "--summary"])
    assert differs.exit_code == 1, differs.output
    assert "removed     1" in differs.output
    matrix = runner.invoke(main, ["-C", str(ROOT), "matrix", REGION, path])
    assert matrix.exit_code == 0, matrix.output
    header, *rows = matrix.output.splitlines()
    assert header == f"clause,label,{REGION},{path},changed"
    # the region leaves out an ayat of the standard's Pasal 5; the document lost one more
    pasal = next(r for r in rows if r.startswith("kepesertaan.kewajiban,"))
    assert pasal.split(",")[2:4] == ["optional-out", "wording"]
    missing = runner.invoke(main, ["-C", str(ROOT), "lint", str(tmp_path / "nothing.docx")])
    assert missing.exit_code == 2
    assert "cannot be read" in missing.output


def test_the_html_matrix_writes_a_docx_columns_page_beside_its_own(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write_docx(workspace, REGION, tmp_path)
    out = tmp_path / "matrix"
    runner = CliRunner()
    result = runner.invoke(
        main, ["-C", str(ROOT), "matrix", REGION, str(path), "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        f"{REGION}.diff.html",
        f"{REGION}.docx.diff.html",
        "matrix.html",
    ]
    assert f'href="{REGION}.docx.diff.html#' in (out / "matrix.html").read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.diff.html"))  # nothing beside the DOCX itself
    (tmp_path / "other").mkdir()
    twin = tmp_path / "other" / path.name
    twin.write_bytes(path.read_bytes())
    result = runner.invoke(
        main, ["-C", str(ROOT), "matrix", str(path), str(twin), "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert f"two columns would write the same page {REGION}.docx.diff.html" in result.output


@needs_soffice
def test_an_edit_saved_again_by_libreoffice_is_still_exactly_that_edit(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = edited(
        workspace,
        tmp_path,
        lambda d: edits.replace_words(d, "(1)\tSetiap Pekerja di Daerah wajib", "wajib", "harus"),
    )
    out = tmp_path / "saved"
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    command = ["soffice", profile, "--headless", "--convert-to", "docx", "--outdir", str(out), str(path)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    saved = out / path.name
    found = changes(workspace, REGION, str(saved))
    assert [(c.kind, c.key) for c in found] == [("wording", "kepesertaan.kewajiban.wajib")]
    (planned,) = absorb(workspace, REGION, saved).edits
    assert planned.entry["replace"] == "kepesertaan.kewajiban.wajib"
    assert "harus menjadi Peserta" in planned.entry["text"]
