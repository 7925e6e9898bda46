"""A copy of the project's regions and standard for the workbench to write in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the shipped regions and standard, safe to change."""
    folder = tmp_path / "project"
    shutil.copytree(ROOT / "regions", folder / "regions")
    shutil.copytree(ROOT / "templates", folder / "templates")
    return folder
