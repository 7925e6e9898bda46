"""Helpers of the diff tests: the shipped drafts as diff sides, and throw-away region files."""

from __future__ import annotations

import functools
from pathlib import Path

from jamsostek_regs.diff.changes import Report
from jamsostek_regs.diff.compare import Side, compare, side
from tests.conftest import REGIONS, WORKSPACE

#: The shipped regions and the standard: every side a diff of the repository can have.
SIDES = ("standard", *REGIONS)


@functools.cache
def shipped(region_id: str) -> Side:
    """A shipped region (or ``standard``) as a diff side, assembled once per test session."""
    return side(WORKSPACE, region_id)


def report(a: str, b: str) -> Report:
    """The diff of two shipped drafts."""
    return compare(shipped(a), shipped(b))


def variant(
    root: Path, name: str, base: str, tail: str = "", replace: tuple[tuple[str, str], ...] = ()
) -> Path:
    """Write ``regions/<name>.yaml``: shipped region ``base`` with text replaced and ``tail`` added."""
    text = (WORKSPACE.regions / f"{base}.yaml").read_text(encoding="utf-8")
    for old, new in replace:
        assert old in text, f"{old!r} is not in {base}.yaml"
        text = text.replace(old, new)
    path = root / "regions" / f"{name}.yaml"
    path.write_text(text + tail, encoding="utf-8")
    return path
