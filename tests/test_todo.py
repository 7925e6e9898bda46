"""``jamsostek-regs todo``: the fill-in checklist lists every "..." of a draft, and what fills it."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from jamsostek_regs import app
from jamsostek_regs.cli import main
from jamsostek_regs.lint.todo import NOW, PENETAPAN, PENGUNDANGAN
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.writers import writer
from tests.conftest import REGIONS, ROOT, WORKSPACE


@pytest.mark.parametrize("region_id", [*REGIONS, "standard"])
def test_the_checklist_lists_every_placeholder_of_the_draft(region_id: str) -> None:
    text = writer("txt")(assemble(WORKSPACE, region_id)).decode()
    checklist = app.todo(WORKSPACE, region_id)
    assert len(checklist.blanks) == text.count("...") > 0
    for blank in checklist.blanks:
        assert blank.where and blank.what and blank.fill and blank.when in {NOW, PENETAPAN, PENGUNDANGAN}
        assert "..." in blank.excerpt


def test_each_blank_says_where_what_and_which_field_fills_it() -> None:
    listed = app.todo(WORKSPACE, "lombok-timur").blanks
    blanks = {(b.where, b.what): b for b in listed}
    sekda = blanks["penutup (pengundangan)", "nama Sekretaris Daerah"]
    assert (sekda.fill, sekda.when) == ("regions/lombok-timur.yaml: secretary.name", NOW)
    criteria = blanks["Pasal 15 ayat (2)", "kriteria penerima pembayaran Iuran"]
    assert criteria.fill == "regions/lombok-timur.yaml: financing[].criteria"
    data = blanks["Pasal 15 ayat (3)", "sumber data calon penerima"]
    assert data.fill == "regions/lombok-timur.yaml: financing[].data"
    lahat = {(b.where, b.what): b for b in app.todo(WORKSPACE, "lahat").blanks}
    bn = lahat[
        "Mengingat angka 10", "nomor Berita Negara untuk Peraturan Menteri Keuangan Nomor 91 Tahun 2023"
    ]
    assert bn.fill == "templates/kemendagri_standard/legal_basis.yaml: pmk_2023_91.gazette.number"
    opd = [(b.fill, b.excerpt) for b in listed if b.what == "nama Perangkat Daerah"]
    assert opd == [
        ("regions/lombok-timur.yaml: opd[0].name", "... (Disnakertrans)"),
        ("regions/lombok-timur.yaml: opd[2].name", "..."),
    ]
    assert blanks["judul", "nomor peraturan"].when == PENETAPAN
    assert blanks["penutup (Berita Daerah)", "nomor Berita Daerah"].when == PENGUNDANGAN
    tentang = next(b for b in app.todo(WORKSPACE, "rejang-lebong").blanks if b.what.startswith("judul"))
    assert (tentang.where, tentang.what) == ("Pasal 21", "judul (tentang) produk hukum Daerah")
    assert tentang.fill == "regions/rejang-lebong.yaml: instruments[].tentang"


def test_cli_prints_text_and_writes_the_format_of_the_file_name(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(main, ["-C", str(ROOT), "todo", "lombok-timur"])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("Daftar Isian Rancangan Peraturan Bupati Lombok Timur")
    assert "13 isian (...) tersisa: 5 harus dicari sekarang" in shown.stdout
    page = tmp_path / "isian.html"
    written = runner.invoke(main, ["-C", str(ROOT), "todo", "lombok-timur", "-o", str(page)])
    assert written.exit_code == 0, written.output
    html = page.read_text()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="id">' in html and "size: 215mm 330mm" in html
    assert html.count('type="checkbox"') == 13 and '"Bookman Old Style", "URW Bookman"' in html
    markdown = tmp_path / "isian.md"
    assert runner.invoke(main, ["-C", str(ROOT), "todo", "lahat", "-o", str(markdown)]).exit_code == 0
    assert markdown.read_text().startswith("# Daftar Isian") and "| No. | Letak |" in markdown.read_text()
    clash = runner.invoke(main, ["-C", str(ROOT), "todo", "lahat", "--format", "md", "-o", str(page)])
    assert clash.exit_code == 2 and "does not match the file name" in clash.output
    assert page.read_text() == html  # the HTML page was not replaced by Markdown


def test_the_bundle_holds_a_checklist_page_per_region(tmp_path: Path) -> None:
    out = tmp_path / "drafts.zip"
    result = CliRunner().invoke(main, ["-C", str(ROOT), "export", "lombok-timur", "lahat", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as bundle:
        for region_id in ("lombok-timur", "lahat"):
            page = bundle.read(f"{region_id}/daftar-isian.html").decode()
            rows = len(re.findall(r'type="checkbox"', page))
            assert rows == len(app.todo(WORKSPACE, region_id).blanks)
        assert "daftar-isian.html" in bundle.read("README.txt").decode()
