"""Shared fixtures: the project workspace and its assembled drafts."""

from __future__ import annotations

from pathlib import Path

import pytest

from jamsostek_regs.model import Draft
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.source.regions import region_ids
from jamsostek_regs.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
WORKSPACE = Workspace(ROOT)
REGIONS = region_ids(WORKSPACE.regions)


@pytest.fixture(scope="session")
def workspace() -> Workspace:
    """The repository itself: its regions/ and templates/."""
    return WORKSPACE


@pytest.fixture(scope="session")
def lombok_timur() -> Draft:
    """The assembled draft of the first user's region."""
    return assemble(WORKSPACE, "lombok-timur")
