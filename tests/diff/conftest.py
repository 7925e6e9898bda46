"""Fixtures of the diff tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from jamsostek_regs.workspace import Workspace
from tests.diff.sides import variant
from tests.regionkit import make_workspace


@pytest.fixture
def workspace_tmp(tmp_path: Path) -> Workspace:
    """An empty workspace on the shipped standard, with a copy of rejang-lebong."""
    root = make_workspace(tmp_path)
    variant(root, "rejang-lebong", "rejang-lebong")
    return Workspace(root)
