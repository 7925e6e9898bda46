"""Throw-away workspaces for the region-file tests: a regions/ folder next to the standard."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from jamsostek_regs.cli import main
from tests.conftest import ROOT

#: A small valid region file; the bad-region battery starts from it.
MINIMAL = """\
level: kabupaten
name: Contoh
province: Nusa Tenggara Barat
village_unit: desa
establishment: [uu_1958_69]
segments: [penerima_upah, pekerja_rentan]
financing:
  - {source: apbd, decided_by: uji,
     for_groups: [pekerja_rentan]}
"""


def make_workspace(root: Path, copy_standard: bool = False) -> Path:
    """``root`` with an empty ``regions/`` and ``templates/`` (a link, or a copy to edit)."""
    (root / "regions").mkdir(parents=True, exist_ok=True)
    if copy_standard:
        shutil.copytree(ROOT / "templates", root / "templates")
    else:
        (root / "templates").symlink_to(ROOT / "templates", target_is_directory=True)
    return root


def run_cli(workspace: Path, *args: str) -> tuple[int, str, str]:
    """Run ``jamsostek-regs -C workspace ARGS``; exit code, stdout, stderr.

    An exception other than the exits the CLI means to make is re-raised, so a traceback a
    user would see fails the test.
    """
    result = CliRunner().invoke(main, ["-C", str(workspace), *args], prog_name="jamsostek-regs")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr
