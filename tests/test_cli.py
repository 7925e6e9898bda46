"""The command line as a user runs it: exit codes, messages, files written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from jamsostek_regs.cli import main
from tests.conftest import ROOT
from tests.regionkit import MINIMAL, make_workspace, run_cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["-C", str(ROOT), *args], prog_name="jamsostek-regs")
    return result.exit_code, result.stdout, result.stderr


def test_help_lists_commands_without_loading_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from jamsostek_regs.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit as e:\n    assert e.code == 0\n"
        "heavy = [m for m in ('docx', 'lxml', 'pydantic', 'jinja2', 'markdown_it') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "assemble" in out and "regions" in out
    assert "HEAVY []" in out


def test_every_command_has_help() -> None:
    for command in ("assemble", "regions"):
        exit_code, out, _ = run(command, "--help")
        assert exit_code == 0 and "Usage:" in out


def test_assemble_writes_requested_formats(tmp_path: Path) -> None:
    exit_code, out, _ = run("assemble", "lombok-timur", "--format", "docx,txt", "--out", str(tmp_path))
    assert exit_code == 0
    folder = tmp_path / "lombok-timur"
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        "lombok-timur.docx",
        "lombok-timur.txt",
    ]
    assert "wrote" in out
    assert "PERATURAN BUPATI LOMBOK TIMUR" in (folder / "lombok-timur.txt").read_text(encoding="utf-8")


def test_unknown_region_suggests_the_closest_and_exits_2() -> None:
    exit_code, _, err = run("assemble", "lombok-timr")
    assert exit_code == 2
    assert "unknown region 'lombok-timr'" in err and "did you mean 'lombok-timur'" in err


def test_path_like_region_id_is_refused(tmp_path: Path) -> None:
    exit_code, _, err = run("assemble", "../regions/lombok-timur", "--out", str(tmp_path))
    assert exit_code == 2 and "unknown region" in err
    assert not any(tmp_path.iterdir())


def test_names_and_all_together_is_a_usage_error() -> None:
    exit_code, _, err = run("assemble", "lombok-timur", "--all")
    assert exit_code == 2 and "not both" in err


def test_unknown_format_is_a_usage_error() -> None:
    exit_code, _, err = run("assemble", "lombok-timur", "--format", "odt")
    assert exit_code == 2 and "expected a comma list of docx, pdf, md, html, txt; got 'odt'" in err


def test_rebuild_is_byte_identical(tmp_path: Path) -> None:
    args = ("assemble", "lombok-timur", "--format", "docx,md,html,txt")
    assert run(*args, "--out", str(tmp_path / "a"))[0] == 0
    assert run(*args, "--out", str(tmp_path / "b"))[0] == 0
    for suffix in ("docx", "md", "html", "txt"):
        name = f"lombok-timur/lombok-timur.{suffix}"
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), suffix


def test_never_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    target = tmp_path / "lombok-timur" / "lombok-timur.txt"
    target.parent.mkdir()
    target.write_text("catatan drafter", encoding="utf-8")
    exit_code, _, err = run("assemble", "lombok-timur", "--format", "txt", "--out", str(tmp_path))
    assert exit_code == 2 and "refusing to overwrite" in err
    assert target.read_text(encoding="utf-8") == "catatan drafter"
    exit_code, _, _ = run("assemble", "lombok-timur", "--format", "txt", "--out", str(tmp_path), "--force")
    assert exit_code == 0 and "catatan drafter" not in target.read_text(encoding="utf-8")


def test_replaces_its_own_previous_output(tmp_path: Path) -> None:
    args = ("assemble", "lombok-timur", "--format", "txt", "--out", str(tmp_path))
    assert run(*args)[0] == 0
    assert run(*args)[0] == 0
    leftovers = [p.name for p in (tmp_path / "lombok-timur").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_regions_lists_level_and_name() -> None:
    exit_code, out, _ = run("regions")
    assert exit_code == 0
    assert any(line.split()[:2] == ["lombok-timur", "kabupaten"] for line in out.splitlines())


def test_regions_lists_every_file_and_marks_the_invalid_ones(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    (workspace / "regions" / "a-baik.yaml").write_text(MINIMAL, encoding="utf-8")
    (workspace / "regions" / "b-rusak.yaml").write_text(MINIMAL.replace("desa", "dessa"), encoding="utf-8")
    (workspace / "regions" / "c-baik.yaml").write_text(MINIMAL, encoding="utf-8")
    code, out, err = run_cli(workspace, "regions")
    assert code == 2
    assert [line.split()[:2] for line in out.splitlines()] == [
        ["a-baik", "kabupaten"],
        ["b-rusak", "?"],
        ["c-baik", "kabupaten"],
    ]
    assert "1 invalid region file(s): b-rusak" in err
    code, _, err = run_cli(workspace, "lint", "b-rusak")  # reads only: no "nothing was written"
    assert code == 2 and err.endswith("error: 1 problem(s) found\n")
    code, _, err = run_cli(workspace, "assemble", "b-rusak", "--out", str(tmp_path / "out"))
    assert code == 2 and err.endswith("error: 1 problem(s) found; nothing was written\n")


def test_unknown_ids_say_why(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    (workspace / "regions" / "lahat.yaml").write_text(MINIMAL, encoding="utf-8")
    (workspace / "regions" / "folder.yaml").mkdir()
    assert run_cli(workspace, "assemble", "Lahat")[2] == (
        "error: unknown region 'Lahat': a region id is lowercase letters, digits and '-' (the file name "
        "without .yaml) (did you mean 'lahat'?)\n"
    )
    assert run_cli(workspace, "assemble", "folder")[2] == (
        "error: unknown region 'folder': regions/folder.yaml is not a file\n"
    )
