"""`jamsostek-regs diff` and `matrix` as a user runs them: outputs, files, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from jamsostek_regs.cli import main
from jamsostek_regs.diff.changes import KINDS
from jamsostek_regs.workspace import Workspace
from tests.conftest import ROOT
from tests.diff.docx_text import has_changes
from tests.diff.sides import variant
from tests.regionkit import make_workspace, run_cli


def _run(*args: str, env: dict[str, str] | None = None, color: bool = False) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main, ["-C", str(ROOT), *args], prog_name="jamsostek-regs", env=env, color=color
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_different_drafts_exit_1_and_equal_drafts_exit_0() -> None:
    code, out, _ = _run("diff", "lombok-timur", "rejang-lebong")
    assert code == 1 and "Ditetapkan di [-Selong-]{+Curup+}" in out
    code, out, _ = _run("diff", "lahat", "lahat")
    assert code == 0 and "no changes" in out
    code, _, _ = _run("diff", "standard", "standard")
    assert code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("diff", "lombok-timr", "lahat"), "did you mean 'lombok-timur'"),
        (("diff", "lahat"), "Missing argument"),
        (("diff", "lahat", "standard", "--format", "pdf"), "Invalid value for '--format'"),
        (("diff", "lahat", "standard", "--format", "docx"), "give it with -o FILE"),
        (("matrix", "--format", "html"), "give it with -o FOLDER"),
        (("matrix", "nope"), "unknown region 'nope'"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...], message: str) -> None:
    code, _, err = _run(*args)
    assert code == 2
    assert message in err


def test_an_invalid_region_exits_2_not_1(workspace_tmp: Workspace) -> None:
    variant(workspace_tmp.root, "rusak", "rejang-lebong", replace=(("level: kabupaten", "level: desa"),))
    code, _, err = run_cli(workspace_tmp.root, "diff", "rejang-lebong", "rusak")
    assert code == 2 and "regions/rusak.yaml" in err


def test_summary_counts_each_class() -> None:
    code, out, _ = _run("diff", "standard", "provinsi-bengkulu", "--summary")
    assert code == 1
    counts = dict(line.split() for line in out.splitlines())
    assert list(counts) == list(KINDS)
    code, out, _ = _run("diff", "standard", "provinsi-bengkulu", "--format", "json")
    assert {k: str(v) for k, v in json.loads(out)["summary"].items()} == counts


def test_text_is_plain_when_piped_or_no_color_and_coloured_on_a_terminal() -> None:
    _, piped, _ = _run("diff", "lombok-timur", "rejang-lebong")
    assert "\x1b[" not in piped
    code = (
        "import sys\nfrom jamsostek_regs.cli import main\nsys.stdout.isatty = lambda: True\n"
        f"main(['-C', {str(ROOT)!r}, 'diff', 'lombok-timur', 'rejang-lebong'])\n"
    )
    tty = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"PATH": ""}, check=False
    )
    assert tty.returncode == 1 and "\x1b[31m[-Selong-]" in tty.stdout
    no_color = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"NO_COLOR": "1"}, check=False
    )
    assert no_color.returncode == 1 and "\x1b[" not in no_color.stdout and "[-Selong-]" in no_color.stdout


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json", "docx"])
def test_every_format_writes_a_file_atomically_and_never_over_a_foreign_file(
    tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / f"lombok.{fmt}"
    code, out, err = _run("diff", "lombok-timur", "standard", "--format", fmt, "-o", str(target))
    assert code == 1 and out == "" and f"wrote {target}" in err
    data = target.read_bytes()
    if fmt == "docx":
        assert has_changes(data)
    else:
        assert "lombok-timur" in data.decode()
    assert (
        _run("diff", "lombok-timur", "standard", "--format", fmt, "-o", str(target))[0] == 1
    )  # its own file
    target.write_bytes(b"edited by hand")
    code, _, err = _run("diff", "lombok-timur", "standard", "--format", fmt, "-o", str(target))
    assert code == 2 and "refusing to overwrite" in err
    assert target.read_bytes() == b"edited by hand"


def test_docx_takes_author_and_date_from_the_options(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    args = ("diff", "lahat", "solok-selatan", "--format", "docx", "-o", str(target))
    assert _run(*args, "--author", "Kanwil Kemenkum", "--date", "2025-07-17")[0] == 1
    with zipfile.ZipFile(target) as archive:
        xml = archive.read("word/document.xml").decode()
    assert 'w:author="Kanwil Kemenkum"' in xml and 'w:date="2025-07-17T00:00:00Z"' in xml


def test_docx_without_a_date_has_undated_changes_and_a_bad_date_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    args = ("diff", "lahat", "solok-selatan", "--format", "docx", "-o", str(target))
    assert _run(*args)[0] == 1  # neither region has a draft.date
    with zipfile.ZipFile(target) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "<w:ins " in xml and "w:date=" not in xml
    code, _, err = _run(*args, "--date", "2024-99-01")
    assert code == 2 and "'2024-99-01' does not match the format '%Y-%m-%d'" in err


def test_docx_refuses_an_author_xml_cannot_hold_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    args = ("diff", "lombok-timur", "rejang-lebong", "--format", "docx", "-o", str(target))
    command = [sys.executable, "-m", "jamsostek_regs", "-C", str(ROOT), *args, "--author", "a\x07b"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert (
        "the author of a tracked change cannot be written to a DOCX: character U+0007 (a control character)"
        " at character 2 of 'a\\x07b'"
    ) in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_matrix_csv_has_a_row_per_clause_and_a_summary_row_and_column() -> None:
    code, out, _ = _run("matrix", "lombok-timur", "provinsi-bengkulu")
    assert code == 0
    lines = [line.split(",") for line in out.splitlines()]
    assert lines[0] == ["clause", "label", "lombok-timur", "provinsi-bengkulu", "changed"]
    assert lines[-1][0] == "changed"
    rows = {line[0]: line for line in lines[1:-1]}
    assert rows["kepesertaan.pemerintah_daerah"][2:] == ["same", "optional-out", "1"]  # non_asn only
    assert rows["diktum"][2:] == ["same", "parameter", "1"]


def test_matrix_html_writes_the_page_and_each_regions_diff(tmp_path: Path) -> None:
    code, _, err = _run("matrix", "lombok-timur", "kota-bengkulu", "--format", "html", "-o", str(tmp_path))
    assert code == 0 and "wrote 3 files" in err
    page = (tmp_path / "matrix.html").read_text(encoding="utf-8")
    assert '<a href="kota-bengkulu.diff.html#kepesertaan.segmen">opsional−</a>' in page
    assert 'id="kepesertaan.segmen"' in (tmp_path / "kota-bengkulu.diff.html").read_text(encoding="utf-8")


def test_a_region_named_matrix_keeps_its_diff_page_beside_the_matrix(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path / "ws")
    for region in ("matrix", "lahat"):
        shutil.copy(ROOT / "regions" / "lombok-timur.yaml", workspace / "regions" / f"{region}.yaml")
    out = tmp_path / "out"
    code, _, err = run_cli(workspace, "matrix", "--format", "html", "-o", str(out))
    assert code == 0 and "wrote 3 files" in err
    assert sorted(p.name for p in out.glob("*.html")) == [
        "lahat.diff.html",
        "matrix.diff.html",
        "matrix.html",
    ]
    assert '<table class="matrix">' in (out / "matrix.html").read_text(encoding="utf-8")
    assert '<a href="matrix.diff.html#' in (out / "matrix.html").read_text(encoding="utf-8")
    assert 'id="kepesertaan.segmen"' in (out / "matrix.diff.html").read_text(encoding="utf-8")


def test_help_names_the_commands_without_loading_heavy_modules() -> None:
    code = (
        "import sys\nfrom jamsostek_regs.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('docx', 'lxml', 'pydantic', 'jinja2', 'markdown_it') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "diff " in out and "matrix " in out and out.rstrip().endswith("[]")
