"""The build stage: a region and the standard become the unnumbered document tree."""

from jamsostek_regs.build.tree import build

__all__ = ["build"]
