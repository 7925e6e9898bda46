"""The fill-in checklist use case: every "..." of a region's draft, and what fills it."""

from __future__ import annotations

from jamsostek_regs.lint.todo import Sources
from jamsostek_regs.lint.todo_report import Checklist, render
from jamsostek_regs.pipeline import finish, load
from jamsostek_regs.workspace import Workspace
from jamsostek_regs.writers.fonts import css_stack


def todo(workspace: Workspace, region_id: str) -> Checklist:
    """The checklist of ``region_id``'s draft (``standard``: the standard with its defaults)."""
    standard, loaded = load(workspace, region_id)
    return Checklist.of(finish(standard, loaded), Sources.of(loaded, standard))


def todo_page(checklist: Checklist, fmt: str) -> str:
    """``checklist`` as text, Markdown or a printable HTML page set in the draft's serif."""
    return render(checklist, fmt, css_stack())
