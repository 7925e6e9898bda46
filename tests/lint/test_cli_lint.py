"""``jamsostek-regs lint`` and the lint step of ``assemble``, in a copy of the workspace.

The copy's clause library has the reported true positives fixed (see test_shipped.py), so its
drafts are clean; a test that needs an error writes one into a clause of the copy.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jamsostek_regs.cli import main
from jamsostek_regs.lint import RULES
from tests.conftest import ROOT

_FIXES = {
    "maksud_tujuan/ruang_lingkup.md.jinja": ("- program Jaminan", "- Program Jaminan"),
    "catalog.yaml": ("pemberdayaan masyarakat dan desa", "pemberdayaan masyarakat dan Desa"),
}
_CLAUSE = "kepesertaan/pendaftaran.md.jinja"


def run(workspace: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["-C", str(workspace), *args], prog_name="jamsostek-regs")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """Templates and two regions copied, with the clause-library true positives fixed."""
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "regions").mkdir()
    for region in ("lombok-timur", "kota-bengkulu"):
        shutil.copy(ROOT / "regions" / f"{region}.yaml", tmp_path / "regions")
    standard = tmp_path / "templates" / "kemendagri_standard"
    for name, (old, new) in _FIXES.items():
        path = standard / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return tmp_path


def _break(workspace: Path) -> None:
    path = workspace / "templates" / "kemendagri_standard" / _CLAUSE
    text = path.read_text(encoding="utf-8").replace("dilakukan kepada", "dilakukan sekurang-kurangnya kepada")
    path.write_text(text, encoding="utf-8")


def test_list_rules_prints_one_line_per_rule() -> None:
    code, out, _ = run(ROOT, "lint", "--list-rules")
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(RULES) >= 70
    assert all(len(line.split("\t")) == 4 for line in lines)
    assert lines[0].split("\t")[:2] == ["R5", "error"]


def test_list_rules_as_json_and_without_regions() -> None:
    code, out, _ = run(ROOT, "lint", "--list-rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0 and [r["id"] for r in rules] == list(sorted(RULES, key=lambda i: int(i[1:])))
    assert set(rules[0]) == {"id", "severity", "source", "summary"}
    code, _, err = run(ROOT, "lint", "--list-rules", "lahat")
    assert code == 2 and "--list-rules takes no REGION" in err


def test_clean_drafts_exit_0_and_every_region_is_linted(workspace: Path) -> None:
    code, out, _ = run(workspace, "lint")
    assert code == 0, out
    assert "lombok-timur: 0 error(s)" in out and "kota-bengkulu: 0 error(s)" in out


def test_strict_fails_on_warnings(workspace: Path) -> None:
    code, out, _ = run(workspace, "lint", "lombok-timur", "--strict")
    assert code == 0 and " warning: " not in out  # the shipped draft is clean
    path = workspace / "regions" / "lombok-timur.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nchanges:\n" in text  # the region's own changes: one more goes first
    path.write_text(  # a definition no later Pasal uses: an R62 warning
        text.replace(
            "\nchanges:\n",
            "\nchanges:\n  - add: kecamatan\n    after: ketentuan_umum.definisi.jkm\n    reason: uji\n"
            "    text: Kecamatan adalah bagian wilayah dari Daerah\n",
            1,
        ),
        encoding="utf-8",
    )
    code, out, _ = run(workspace, "lint", "lombok-timur")
    assert code == 0 and " R62 warning: " in out
    code, out, _ = run(workspace, "lint", "lombok-timur", "--strict")
    assert code == 1 and " R62 warning: " in out


def test_an_error_exits_1_and_json_lists_it(workspace: Path) -> None:
    _break(workspace)
    code, out, _ = run(workspace, "lint", "lombok-timur", "--format", "json")
    report = json.loads(out)["lombok-timur"]
    assert code == 1 and report["errors"] == 1
    (error,) = [f for f in report["findings"] if f["severity"] == "error"]
    assert error["rule_id"] == "R114" and error["location"] == "Pasal 8 ayat (1)"
    assert report["warnings"] == len(report["findings"]) - 1


def test_unknown_region_is_a_usage_error(workspace: Path) -> None:
    code, _, err = run(workspace, "lint", "lombok-timr")
    assert code == 2 and "did you mean 'lombok-timur'" in err


def test_assemble_refuses_to_write_a_draft_with_errors(workspace: Path, tmp_path: Path) -> None:
    _break(workspace)
    out_dir = tmp_path / "out"
    code, _, err = run(workspace, "assemble", "lombok-timur", "--format", "txt", "--out", str(out_dir))
    assert code == 1 and "R114" in err and "nothing was written" in err
    assert not (out_dir / "lombok-timur").exists()
    code, out, err = run(
        workspace, "assemble", "lombok-timur", "--format", "txt", "--out", str(out_dir), "--no-lint"
    )
    assert code == 0 and "R114" in err and "wrote" in out


def test_assemble_writes_a_clean_draft(workspace: Path, tmp_path: Path) -> None:
    code, out, err = run(
        workspace, "assemble", "kota-bengkulu", "--format", "txt", "--out", str(tmp_path / "out")
    )
    assert code == 0 and "wrote" in out and " error: " not in err


def test_lint_module_keeps_help_fast() -> None:
    code = (
        "import sys\nimport jamsostek_regs.cli.lint\nprint([m for m in ('pydantic', 'jinja2', 'docx', "
        "'markdown_it') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_standard_pseudo_region_is_linted() -> None:
    code, out, _ = run(ROOT, "lint", "standard", "--format", "json")
    report = json.loads(out)
    assert list(report) == ["standard"] and report["standard"]["findings"] == []  # --strict clean
    assert code == 0
