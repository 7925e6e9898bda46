"""The house plan holds: the import contract, one owner of exit codes, one registry of formats."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import click
import pytest

from jamsostek_regs.cli import main
from jamsostek_regs.writers import FORMATS, Format
from tests.conftest import ROOT
from tests.regionkit import run_cli

PACKAGE = ROOT / "jamsostek_regs"


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
         "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=root, capture_output=True, text=True, check=False, env={"PYTHONPATH": str(root), "PATH": ""},
    )  # fmt: skip


def test_the_import_contract_is_kept_and_fails_on_a_back_import(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "jamsostek_regs", ignore=shutil.ignore_patterns("__pycache__"))
    kept = _lint_imports(tmp_path)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    values = tmp_path / "jamsostek_regs" / "source" / "values.py"
    values.write_text(values.read_text(encoding="utf-8") + "\nfrom jamsostek_regs import app  # noqa\n")
    broken = _lint_imports(tmp_path)
    assert broken.returncode == 1
    assert "BROKEN" in broken.stdout and "jamsostek_regs.source.values -> jamsostek_regs.app" in broken.stdout


def test_exit_codes_are_decided_in_one_module() -> None:
    """Only cli/_app.py calls sys.exit or raises SystemExit (run() turns SIGTERM into one)."""
    deciders = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = isinstance(node, ast.Call) and ast.unparse(node.func) in ("sys.exit", "exit", "ctx.exit")
            raised = (
                isinstance(node, ast.Raise) and node.exc is not None and "SystemExit" in ast.unparse(node.exc)
            )
            if called or raised:
                deciders.add(path.relative_to(PACKAGE).as_posix())
    assert deciders == {"cli/_app.py", "cli/__init__.py"}


def _format_choices(command: str) -> list[str]:
    """The formats ``command --format`` accepts, read from its help text."""
    option = next(p for p in main.commands[command].params if p.name == "formats")
    assert isinstance(option, click.Option) and option.help
    return option.help.rsplit(": ", 1)[1].rstrip(".").split(",")


def test_cli_format_choices_are_the_registry() -> None:
    assert _format_choices("assemble") == list(FORMATS)
    assert _format_choices("export") == [name for name in FORMATS if name != "docx"]


def test_a_writer_added_to_the_registry_is_accepted_by_assemble_and_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub = Format("stub", ".stub", "text/plain", "tests.stub_writer", "stub (.stub)")
    monkeypatch.setitem(FORMATS, "stub", stub)
    code, out, err = run_cli(ROOT, "assemble", "lombok-timur", "--format", "stub", "--out", str(tmp_path))
    assert code == 0, err
    written = tmp_path / "lombok-timur" / "lombok-timur.stub"
    assert f"wrote {written}" in out and written.read_bytes().startswith(b"stub of lombok-timur")
    bundle = tmp_path / "b.zip"
    code, _, err = run_cli(ROOT, "export", "lombok-timur", "--format", "stub", "-o", str(bundle), "-j", "1")
    assert code == 0, err
    with zipfile.ZipFile(bundle) as archive:
        assert "lombok-timur/lombok-timur.stub" in archive.namelist()
        assert "stub (.stub)" in archive.read("README.txt").decode()


@pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"),
    reason="LibreOffice not installed (CI installs it and runs this test)",
)
def test_assemble_writes_a_pdf_through_the_registry(tmp_path: Path) -> None:
    code, _, err = run_cli(ROOT, "assemble", "lombok-timur", "--format", "pdf", "--out", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / "lombok-timur" / "lombok-timur.pdf").read_bytes().startswith(b"%PDF-")


def test_no_temporary_folder_for_libreoffice_is_a_clean_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A temporary folder that cannot be made ends the PDF with a message and exit 2, not a traceback."""
    from jamsostek_regs.writers import pdf

    def refuse(*_args: object, **_kwargs: object) -> str:
        raise PermissionError(13, "Permission denied", "/tmp/jamsostek-regs-lo-x")

    monkeypatch.setattr(pdf.shutil, "which", lambda _name: "/usr/bin/soffice")
    monkeypatch.setattr(pdf.tempfile, "mkdtemp", refuse)
    pdf._profiles.cache_clear()
    try:
        code, _, err = run_cli(ROOT, "assemble", "lombok-timur", "--format", "pdf", "--out", str(tmp_path))
    finally:
        pdf._profiles.cache_clear()
    assert code == 2
    assert "LibreOffice could not convert the draft to PDF: [Errno 13] Permission denied" in err
    assert list(tmp_path.iterdir()) == []
