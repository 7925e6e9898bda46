"""The pipeline: load -> render and build -> number -> punctuate -> resolve -> check.

:func:`assemble` returns the finished, immutable draft of one region; writers and the
diff read it. Nothing here writes files or prints.
"""

from __future__ import annotations

from jamsostek_regs.build import build
from jamsostek_regs.model import Draft
from jamsostek_regs.passes import run
from jamsostek_regs.source.regions import LoadedRegion, load_region, load_region_file
from jamsostek_regs.source.standard import Standard, load_standard
from jamsostek_regs.workspace import DEFAULTS, STANDARD, STANDARD_REGION, Workspace


def load(workspace: Workspace, region_id: str) -> tuple[Standard, LoadedRegion]:
    """Load the standard and one validated region (``standard``: the standard's defaults)."""
    standard = load_standard(workspace.standard)
    if region_id == STANDARD_REGION:
        display = f"templates/{STANDARD}/{DEFAULTS}"
        return standard, load_region_file(workspace.standard / DEFAULTS, region_id, display, standard)
    return standard, load_region(workspace.regions, region_id, standard)


def assemble(workspace: Workspace, region_id: str) -> Draft:
    """The finished draft of ``region_id``: built, numbered, punctuated, resolved, checked."""
    return finish(*load(workspace, region_id))


def finish(standard: Standard, loaded: LoadedRegion) -> Draft:
    """The finished draft of a region already loaded."""
    return run(build(standard, loaded), standard.possible_keys)
