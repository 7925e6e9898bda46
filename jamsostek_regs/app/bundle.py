"""The export use case: the drafts of many regions in one zip bundle, written in one go."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from jamsostek_regs.bundle import Result
from jamsostek_regs.bundle import export as build_bundle
from jamsostek_regs.errors import UsageError
from jamsostek_regs.output import write_outputs
from jamsostek_regs.workspace import Workspace


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
    when there is at least one.
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
    )
    if result.regions:
        write_outputs(output.parent, {output.name: result.data}, force=force, inputs=workspace.inputs)
    return result
