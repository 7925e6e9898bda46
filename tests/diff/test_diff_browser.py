"""The HTML pages in a real browser: headless Chromium loads them and finds the rows."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from jamsostek_regs.diff import report_html
from tests.conftest import ROOT
from tests.diff.sides import report
from tests.regionkit import run_cli

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser") if shutil.which(name)), None)

#: Fail (not skip) when CI is set and Chromium is missing: scripts/test.sh installs it.
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Chromium not installed (CI installs it and runs this test)",
)


def _dom(page: Path, profile: Path) -> str:
    """The page's DOM after Chromium has loaded and laid it out."""
    assert CHROMIUM is not None, "Chromium is required when CI is set"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]
    done = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@needs_chromium
def test_the_diff_page_loads_with_one_row_per_clause(tmp_path: Path) -> None:
    result = report("standard", "provinsi-bengkulu")
    page = tmp_path / "diff.html"
    page.write_text(report_html.render(result), encoding="utf-8")
    dom = _dom(page, tmp_path / "profile")
    rows = re.findall(r'<tr class="clause (?:changed|same)" id="([^"]+)">', dom)
    assert rows == [clause.key for clause in result.clauses]
    assert dom.count("<del>") >= 1 and dom.count("<ins>") >= 1
    assert '<a href="#kepesertaan.segmen">Pasal 6</a>' in dom


@needs_chromium
def test_the_matrix_page_loads_and_links_to_the_diff_pages(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, _ = run_cli(ROOT, "matrix", "lahat", "provinsi-bengkulu", "--format", "html", "-o", str(out))
    assert code == 0
    dom = _dom(out / "matrix.html", tmp_path / "profile")
    links = re.findall(r'<a href="([a-z0-9-]+)\.diff\.html#([^"]+)">', dom)
    assert {region for region, _ in links} == {"lahat", "provinsi-bengkulu"}
    for region, key in links:
        assert f'id="{key}"' in (out / f"{region}.diff.html").read_text(encoding="utf-8")
