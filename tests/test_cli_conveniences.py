"""CLI conveniences: the format follows -o, one spelling of the options, progress, completion,
the project folder found from a subfolder, a top-level help with an example per command."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from jamsostek_regs.cli import _app as cli_app
from jamsostek_regs.cli import main
from tests.conftest import ROOT
from tests.regionkit import run_cli


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_diff_writes_the_format_the_file_name_says(tmp_path: Path) -> None:
    redline = tmp_path / "red.docx"
    code, _out, err = run_cli(ROOT, "diff", "standard", "lombok-timur", "-o", str(redline))
    assert code == 1 and f"wrote {redline}" in err  # 1: the drafts differ
    with zipfile.ZipFile(redline) as docx:  # a real DOCX, not text under a .docx name
        assert "<w:ins " in docx.read("word/document.xml").decode()
    page = tmp_path / "red.html"
    assert run_cli(ROOT, "diff", "standard", "lombok-timur", "--out", str(page))[0] == 1
    assert page.read_text().startswith("<!DOCTYPE html>")
    report = tmp_path / "red.json"
    assert run_cli(ROOT, "diff", "standard", "lombok-timur", "-o", str(report))[0] == 1
    assert json.loads(report.read_text())["schema"] == "jamsostek-regs/diff"


def test_a_format_the_file_name_contradicts_is_refused_and_nothing_replaced(tmp_path: Path) -> None:
    redline = tmp_path / "red.docx"
    assert run_cli(ROOT, "diff", "standard", "lombok-timur", "-o", str(redline))[0] == 1
    before = redline.read_bytes()
    args = ("diff", "standard", "lombok-timur", "--format", "html", "-o", str(redline))
    code, _out, err = run_cli(ROOT, *args)
    assert code == 2 and "--format html does not match the file name" in err and "*.html" in err
    assert redline.read_bytes() == before
    code, _out, err = run_cli(ROOT, "matrix", "lahat", "-o", str(tmp_path / "m.xlsx"))
    assert code == 2 and "cannot tell the format" in err and not (tmp_path / "m.xlsx").exists()


def test_matrix_format_from_the_output(tmp_path: Path) -> None:
    csv = tmp_path / "m.csv"
    assert run_cli(ROOT, "matrix", "lahat", "lombok-timur", "-o", str(csv), "-j", "1")[0] == 0
    assert csv.read_text().splitlines()[0].endswith("lahat,lombok-timur,changed")
    folder = tmp_path / "matrix"
    assert run_cli(ROOT, "matrix", "lahat", "--out", str(folder))[0] == 0
    assert (folder / "matrix.html").is_file() and (folder / "lahat.diff.html").is_file()


def test_matrix_shows_progress_on_a_terminal_and_not_when_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(cli_app, "progress_stream", lambda: terminal)
    assert run_cli(ROOT, "matrix", "lahat", "lombok-timur")[0] == 0
    assert "Comparing regions" in terminal.getvalue() and "2/2" in terminal.getvalue()
    quiet = Terminal()
    monkeypatch.setattr(cli_app, "progress_stream", lambda: quiet)
    assert run_cli(ROOT, "matrix", "lahat", "-q")[0] == 0
    assert quiet.getvalue() == ""


def test_assemble_takes_o_and_quiet(tmp_path: Path) -> None:
    code, out, _err = run_cli(ROOT, "assemble", "lahat", "-o", str(tmp_path), "-q", "--format", "txt")
    assert code == 0 and out == ""
    assert (tmp_path / "lahat" / "lahat.txt").is_file()
    code, out, _err = run_cli(ROOT, "assemble", "lahat", "--out", str(tmp_path / "b"), "--format", "txt")
    assert code == 0 and out == f"wrote {tmp_path / 'b' / 'lahat' / 'lahat.txt'}\n"


def test_batch_commands_spell_their_options_alike() -> None:
    for command in ("assemble", "diff", "export", "matrix", "todo"):
        params = {name: p for p in main.commands[command].params for name in p.opts}
        assert {"-o", "--out"} <= set(params), command
    for command in ("export", "matrix"):
        params = {name for p in main.commands[command].params for name in p.opts}
        assert {"-j", "--jobs", "-q", "--quiet"} <= params, command


def test_the_project_folder_is_found_from_a_subfolder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "docs")
    result = CliRunner().invoke(main, ["regions"])
    assert result.exit_code == 0 and "lombok-timur" in result.stdout
    elsewhere = CliRunner().invoke(main, ["-C", str(ROOT / "docs"), "regions"])  # named: taken as it is
    assert elsewhere.exit_code != 0 and "no regions/ folder" in elsewhere.stderr


def test_region_ids_complete_in_the_shell() -> None:
    env = {
        **os.environ,
        "_JAMSOSTEK_REGS_COMPLETE": "bash_complete",
        "COMP_WORDS": "jamsostek-regs assemble lo",
        "COMP_CWORD": "2",
    }
    command = [sys.executable, "-c", "from jamsostek_regs.cli import main; main(prog_name='jamsostek-regs')"]
    done = subprocess.run(command, env=env, cwd=ROOT / "docs", capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["plain,lombok-timur"]


def test_top_level_help_has_whole_sentences_and_an_example_per_command() -> None:
    result = CliRunner(env={"COLUMNS": "100"}).invoke(main, ["--help"])
    assert result.exit_code == 0
    listing = result.stdout.split("Commands:")[1].split("Examples:")[0]
    entries = " ".join(listing.split()).split("  ")
    for name in main.commands:
        assert f" {name} " in f" {' '.join(listing.split())} "
    assert "..." not in " ".join(entries).replace('"..."', "")  # no description cut short
    examples = result.stdout.split("Examples:")[1]
    for name in main.commands:
        assert f"jamsostek-regs {name}" in examples, name
        assert "Example:" in (main.commands[name].help or ""), name
    assert "_JAMSOSTEK_REGS_COMPLETE=bash_source" in result.stdout
