"""The export use case: the drafts of many regions in one zip bundle, written in one go."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from pathlib import Path

from jamsostek_regs.bundle import Result
from jamsostek_regs.bundle import export as build_bundle
from jamsostek_regs.diff.compare import Side, compare, side, side_of
from jamsostek_regs.errors import UsageError
from jamsostek_regs.model import Draft
from jamsostek_regs.output import write_outputs
from jamsostek_regs.source.regions import LoadedRegion
from jamsostek_regs.workspace import STANDARD_REGION, Workspace


def export(
    workspace: Workspace,
    region_ids: Sequence[str],
    output: Path,
    formats: Sequence[str] = (),
    *,
    jobs: int = 1,
    date: dt.date | None = None,
    allow_lint_errors: bool = False,
    force: bool = False,
    progress: Callable[[str], None] = lambda _id: None,
) -> Result:
    """Build the bundle of ``region_ids`` and write it to ``output`` (a ``.zip``).

    Regions that fail are in ``Result.failed``; the zip holds the others and is written
    when there is at least one. Its summary sheet counts each region's changes against the
    standard (:func:`deviations`).
    """
    if output.suffix != ".zip":
        raise UsageError(f"the bundle is a zip file: give a name ending in .zip, not {output.name}")
    result = build_bundle(
        workspace.root,
        region_ids,
        formats,
        jobs=jobs,
        date=date,
        allow_lint_errors=allow_lint_errors,
        standard_version=workspace.version,
        progress=progress,
        deviations=deviations,
    )
    if result.regions:
        write_outputs(output.parent, {output.name: result.data}, force=force, inputs=workspace.inputs)
    return result


@functools.cache
def _standard_side(root: Path, version: str | None) -> Side:
    """The standard's draft with its default values, once per process."""
    return side(Workspace(root, version), STANDARD_REGION)


def deviations(workspace: Workspace, loaded: LoadedRegion, draft: Draft) -> dict[str, int]:
    """How ``draft`` differs from the standard's draft: the number of changes of each class."""
    report = compare(_standard_side(workspace.root, workspace.version), side_of(loaded, draft))
    return {str(kind): count for kind, count in report.summary().items()}
