"""The ``export`` command as a user meets it: help, progress bar, PDF without LibreOffice."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from jamsostek_regs.cli import _app as cli_app
from tests.bundle.conftest import export
from tests.conftest import ROOT


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_help_lists_export_without_loading_heavy_modules() -> None:
    command = [sys.executable, "-X", "importtime", "-m", "jamsostek_regs", "--help"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    assert "export" in result.stdout and "jamsostek_regs.cli.export" in imported
    assert not imported & {"docx", "docxcompose", "pydantic", "jinja2", "jamsostek_regs.bundle"}
    assert "Usage:" in export("--help").out


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    run = export("lahat", "lombok-timur", "-o", str(tmp_path / "a.zip"))
    assert run.code == 0
    assert run.err == ""
    assert run.out == f"wrote {tmp_path / 'a.zip'}: 2 region(s)\n"


def test_progress_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(cli_app, "progress_stream", lambda: terminal)
    assert export("lahat", "lombok-timur", "-o", str(tmp_path / "a.zip")).code == 0
    assert "Building drafts" in terminal.getvalue() and "2/2" in terminal.getvalue()


def test_quiet_hides_the_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(cli_app, "progress_stream", lambda: terminal)
    assert export("lahat", "-o", str(tmp_path / "a.zip"), "--quiet").code == 0
    assert terminal.getvalue() == ""


def test_pdf_without_libreoffice_says_so_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    output = tmp_path / "drafts.zip"
    run = export("lahat", "-o", str(output), "--pdf")
    assert run.code == 2
    assert "PDF output needs LibreOffice, but 'soffice' was not found on PATH" in run.err
    assert not output.exists()


def test_synthetic_regions_all_build_in_parallel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from synthetic import make_workspace

    ids = make_workspace(tmp_path / "ws", count=40, seed=7)
    output = tmp_path / "drafts.zip"
    run = export("--all", "-o", str(output), "--jobs", "2", workspace=tmp_path / "ws")
    assert run.code == 0, run.err
    assert run.out.endswith(f"{len(ids)} region(s)\n")
