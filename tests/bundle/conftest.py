"""Shared helpers for the ``export`` tests: running the command and reading a bundle."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from jamsostek_regs.cli import main
from tests.attachments import attach_example
from tests.conftest import ROOT

#: The seed region the example attached lampiran is attached to (in a copy of the workspace).
ATTACHED = "lahat"


@dataclass(frozen=True)
class Run:
    """The outcome of one ``jamsostek-regs export``."""

    code: int
    out: str
    err: str


def export(*args: str, workspace: Path = ROOT) -> Run:
    """Run ``jamsostek-regs -C WORKSPACE export ARGS`` in this process."""
    result = CliRunner().invoke(main, ["-C", str(workspace), "export", *args], prog_name="jamsostek-regs")
    return Run(result.exit_code, result.stdout, result.stderr)


def entries(bundle: bytes) -> dict[str, bytes]:
    """Name -> bytes of every entry of a bundle, in zip order."""
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def manifest(bundle: bytes) -> Any:
    """The bundle's manifest.json."""
    return json.loads(entries(bundle)["manifest.json"])


def copy_workspace(target: Path) -> Path:
    """A copy of the repository's regions/ and templates/ under ``target``."""
    for folder in ("regions", "templates"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


def attached_workspace(target: Path) -> Path:
    """:func:`copy_workspace` with the example document attached to the ``ATTACHED`` region."""
    copy_workspace(target)
    attach_example(target / "regions", ATTACHED)
    return target


@pytest.fixture(scope="session")
def attached(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace, shared by the tests that only read it, where ``ATTACHED`` attaches the example."""
    return attached_workspace(tmp_path_factory.mktemp("attached"))


@pytest.fixture(scope="session")
def seed_bundle(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bundle of every seed region in every format, built once."""
    output = tmp_path_factory.mktemp("bundle") / "drafts.zip"
    run = export("--all", "-o", str(output), "--format", "md,html,txt", "--date", "2025-06-30")
    assert run.code == 0, run.err
    return output.read_bytes()
