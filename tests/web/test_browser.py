"""The workbench end to end in a real browser: Debian's Chromium driven through Playwright.

Create a region, fill it, see a validation error at its field, fix it, see the preview change,
save, download the DOCX (it must equal what ``assemble`` writes from the saved file), then
upload an edited DOCX and see the diff. The server runs as ``jamsostek-regs serve`` does, in a
process of its own, on a copy of the project.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.regionkit import run_cli

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser") if shutil.which(name)), None)

#: Fail (not skip) when CI is set and Chromium is missing: scripts/test.sh installs it.
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Chromium not installed (CI installs it and runs this test)",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(project: Path) -> Iterator[str]:
    """``jamsostek-regs serve`` on the project copy; its address once it listens."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "jamsostek_regs", "-C", str(project), "serve", "--port", str(port)]
    started = time.perf_counter()
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            assert f"http://127.0.0.1:{port}/" in line, line + (
                process.stderr.read() if process.stderr else ""
            )
            assert time.perf_counter() - started < 5  # the README's < 1 s is measured by the benchmark
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)


def _edited(docx: bytes, old: str, new: str) -> bytes:
    """``docx`` with the first ``old`` in its body text replaced by ``new``."""
    source, out = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text
                data = text.replace(old, new, 1).encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


@needs_chromium
def test_a_drafter_creates_fills_checks_saves_downloads_and_reviews(
    server: str, project: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    assert CHROMIUM is not None, "Chromium is required when CI is set"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(accept_downloads=True)
        # create a region
        page.goto(server + "/")
        page.fill('form.new [name="region_id"]', "tanah-uji")
        page.select_option('form.new [name="level"]', "kabupaten")
        page.fill('form.new [name="name"]', "Tanah Uji")
        page.fill('form.new [name="province"]', "Nusa Tenggara Barat")
        page.click("form.new button[type=submit]")
        page.wait_for_url(server + "/daerah/tanah-uji")
        assert (project / "regions" / "tanah-uji.yaml").is_file()
        preview = page.frame_locator("#preview")
        expect(preview.locator("main")).to_contain_text("PERATURAN BUPATI TANAH UJI")

        # fill it; a value of the wrong kind shows its problem at the field, in Indonesian
        page.fill('[name="capital"]', "Kota Uji")
        target = '[name="targets.pekerja_rentan_per_desa"]'
        page.fill(target, "dua puluh")
        problem = page.locator('[data-problems-for="targets.pekerja_rentan_per_desa"]')
        expect(problem).to_contain_text("harus bilangan bulat")
        page.fill('[name="name"]', "")
        expect(page.locator('[data-problems-for="name"]')).to_have_text("wajib diisi")

        # fix them: the problems go and the preview follows the values
        page.fill(target, "25")
        page.fill('[name="name"]', "Tanah Baru")
        expect(problem).to_have_text("")
        expect(page.locator('[data-problems-for="name"]')).to_have_text("")
        expect(preview.locator("main")).to_contain_text("PERATURAN BUPATI TANAH BARU")
        expect(preview.locator("main")).to_contain_text("Ditetapkan di Kota Uji")

        # save
        page.click("button.save >> nth=0")
        expect(page.locator("p.ok")).to_have_text("Tersimpan.")
        saved = (project / "regions" / "tanah-uji.yaml").read_text(encoding="utf-8")
        assert re.search(r"^name: \"?Tanah Baru\"?", saved, re.M) and "pekerja_rentan_per_desa: 25" in saved
        assert "# FILL" in saved  # the scaffold's comments survive the save

        # download the DOCX: the bytes assemble writes from the saved file
        with page.expect_download() as download:
            page.click('a[href$="/unduh/docx"]')
        downloaded = tmp_path / "unduhan.docx"
        download.value.save_as(downloaded)
        code, _out, err = run_cli(
            project, "assemble", "tanah-uji", "--format", "docx", "--out", str(tmp_path / "b")
        )
        assert code == 0, err
        assert downloaded.read_bytes() == (tmp_path / "b" / "tanah-uji" / "tanah-uji.docx").read_bytes()

        # upload an edited DOCX and see the diff against the region
        edited = tmp_path / "disunting.docx"
        edited.write_bytes(_edited(downloaded.read_bytes(), "seluruh pekerja", "semua pekerja"))
        page.goto(server + "/unggah")
        page.set_input_files('[name="berkas"]', str(edited))
        page.select_option('[name="banding"]', "tanah-uji")
        page.click("text=Unggah dan periksa")
        expect(page.locator("h1")).to_contain_text("disunting.docx dibandingkan dengan tanah-uji")
        report = page.frame_locator("iframe.report")
        expect(report.locator("del").first).to_contain_text("seluruh")
        expect(report.locator("ins").first).to_contain_text("semua")
        assert re.search(r"Tidak ada temuan|R\d+", page.locator("section.findings").inner_text())
        browser.close()
