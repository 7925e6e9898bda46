"""A throw-away writer: the registry test adds it to ``writers.FORMATS`` for one test."""

from __future__ import annotations

from jamsostek_regs.model import Draft


def render(draft: Draft) -> bytes:
    """A line naming the region: enough to show the writer ran."""
    return f"stub of {draft.meta.region_id}\n".encode()
