"""Fixtures of the linter tests: assembled drafts of the shipped regions, built once."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from jamsostek_regs.model import Draft
from jamsostek_regs.pipeline import assemble
from tests.conftest import WORKSPACE


@cache
def shipped(region_id: str) -> Draft:
    """The assembled draft of a shipped region (cached for the session)."""
    return assemble(WORKSPACE, region_id)


@pytest.fixture(scope="session")
def draft_of() -> Callable[[str], Draft]:
    """Assemble (once) the draft of a shipped region."""
    return shipped
