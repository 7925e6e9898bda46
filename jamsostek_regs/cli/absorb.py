"""The ``absorb`` command: the edits of a Perkada DOCX into its region file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from jamsostek_regs.cli._app import FINDINGS, command, say

if TYPE_CHECKING:
    from jamsostek_regs.workspace import Workspace


@command(
    writes=True,
    params={"region_id": "REGION"},
    example="jamsostek-regs absorb lombok-timur edited.docx --write",
)
@click.argument("region_id", metavar="REGION")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--write", is_flag=True, help="Add the planned entries to the region file (default: only show them)."
)
@click.pass_obj
def absorb(workspace: Workspace, region_id: str, file: Path, write: bool) -> str | None:
    """Turn what was changed in FILE (a DOCX of REGION's draft, edited in Word) into entries of
    regions/REGION.yaml: `changes` (replace, remove, add by node key), `additions`, `title`,
    `mengingat` and `laws`, each with `reason: "..."` to fill in.

    Shows the planned entries; writes them only with --write, keeping the file's comments and
    key order. The entries are checked first: the region file they make must give the edited
    text again (numbers and references computed anew), else nothing is planned and every place
    it cannot reproduce is named. Exit status: 0 nothing to absorb or written, 1 entries planned
    but not written, 2 a difference no region file can express, or bad input.
    """
    from jamsostek_regs.app.absorbing import absorb as absorb_file

    result = absorb_file(workspace, region_id, file, write=write)
    if not result.edits:
        say(f"nothing to absorb: {file} says what the draft of {region_id} says")
        return None
    for edit in result.edits:
        say(f"{edit.section}: {edit.label}")
        for line in edit.text.splitlines():
            say(f"    {line}")
    if not result.written:
        say(f"{len(result.edits)} entry(ies) planned for {result.region_file}; --write adds them")
        return FINDINGS
    say(f'wrote {len(result.edits)} entry(ies) to {result.region_file}: fill in each reason "..."')
    if result.guarded:
        say(f"assemble may now replace {file} without --force if it prints the same text")
    return None
