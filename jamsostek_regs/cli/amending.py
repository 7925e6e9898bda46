"""The ``enact``, ``amend``, ``consolidate`` and ``rebase`` commands: amending what is enacted, and
carrying a region onto a revised standard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from jamsostek_regs.cli._app import (
    FINDINGS,
    command,
    echo_findings,
    force_option,
    formats_option,
    output_option,
    say,
)

if TYPE_CHECKING:
    from jamsostek_regs.workspace import Workspace


@command(
    writes=True,
    params={"number": "--number", "year": "--year", "date": "--date", "gazette": "--berita"},
    example="jamsostek-regs enact kota-bengkulu --number 16 --year 2024 --date 2024-06-03",
)
@click.argument("region_id", metavar="REGION")
@click.option("--number", type=int, required=True, help="The enacted Perkada's number.")
@click.option("--year", type=int, required=True, help="Its year.")
@click.option("--date", required=True, help="Its date of enactment, YYYY-MM-DD.")
@click.option(
    "--berita", default="...", show_default=True, help="Its number in the Berita Daerah of its year."
)
@click.option(
    "--docx",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Record the Perkada in this DOCX (read back) instead of the region's draft; for an amending "
    "Perkada, its whole text as amended.",
)
@click.pass_obj
def enact(
    workspace: Workspace, region_id: str, number: int, year: int, date: str, berita: str, docx: Path | None
) -> None:
    """Record that REGION's draft (or the Perkada in --docx) was enacted, in
    regions/enacted/<region>/<year>-<number>.json; an existing snapshot is never overwritten.

    When REGION has a snapshot already, the new one records an amending Perkada: it holds the
    consolidated text and the Pasal changed.
    """
    from jamsostek_regs.amend.snapshot import Instrument
    from jamsostek_regs.app.amending import enact as record

    path = record(workspace, region_id, Instrument(number, year, date, berita), docx)
    say(f"wrote {path}")


@command(writes=True, example="jamsostek-regs amend solok-selatan --format docx,txt")
@click.argument("region_id", metavar="REGION")
@click.option(
    "--from",
    "start",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The enacted snapshot to amend [default: REGION's latest].",
)
@click.option(
    "--to",
    metavar="REGION|DOCX",
    help="Amend towards this region (region@version) or DOCX [default: REGION].",
)
@formats_option("docx")
@output_option("Output folder [default: build/].", folder=True)
@force_option("output files")
@click.option(
    "--replace",
    "replacement",
    is_flag=True,
    help="Draft the new Perkada that repeals the enacted one instead.",
)
@click.option("--no-lint", is_flag=True, help="Write even when the drafting-technique linter finds errors.")
@click.pass_obj
def amend(
    workspace: Workspace,
    region_id: str,
    start: Path | None,
    to: str | None,
    formats: tuple[str, ...],
    output: Path | None,
    force: bool,
    replacement: bool,
    no_lint: bool,
) -> None:
    """Draft the Perubahan of REGION's enacted Perkada: Pasal I lists each change in its statutory
    formula, nothing enacted is renumbered, Pasal II sets commencement. Written to
    OUT/<region>/<region>-perubahan.<format>.

    When more than half of the Pasal change (Lampiran II UU 12/2011 angka 237), says so and
    exits 2: --replace drafts the replacement that repeals it (<region>-pengganti).
    """
    from jamsostek_regs.app.amending import amend as draft

    result = draft(
        workspace,
        region_id,
        formats,
        start=start,
        to=to,
        out=output,
        force=force,
        replacement=replacement,
        allow_lint_errors=no_lint,
        on_written=lambda path: say(f"wrote {path}"),
    )
    echo_findings(region_id, result.findings)
    for note in result.notes:
        say(f"{region_id}: warning: {note}", err=True)
    made = result.amendment
    if made is not None and not made.changes:
        say(f"{region_id}: nothing to amend (the draft says what the enacted Perkada says); nothing written")
    elif made is not None:
        say(
            f"{region_id}: {len(made.changes)} change(s) in Pasal I; "
            f"{made.changed_pasal} of {made.enacted_pasal} Pasal changed",
            err=True,
        )


@command(writes=True, example="jamsostek-regs consolidate solok-selatan --format docx")
@click.argument("region_id", metavar="REGION")
@formats_option("txt")
@output_option("Output folder [default: build/].", folder=True)
@force_option("output files")
@click.pass_obj
def consolidate(
    workspace: Workspace, region_id: str, formats: tuple[str, ...], output: Path | None, force: bool
) -> None:
    """Write the consolidated text of REGION's enacted Perkada (Lampiran II UU 12/2011 angka 238):
    every enacted amendment applied, each changed Pasal marked with the amending Perkada, to
    OUT/<region>/<region>-konsolidasi.<format>."""
    from jamsostek_regs.app.amending import consolidate as consolidated

    for path in consolidated(workspace, region_id, formats, out=output, force=force):
        say(f"wrote {path}")


@command(writes=True, params={"base": "--from"}, example="jamsostek-regs rebase lahat --onto 2026.1")
@click.argument("region_id", metavar="REGION")
@click.option("--onto", required=True, metavar="VERSION", help="The standard version to rebase onto.")
@click.option(
    "--from",
    "base",
    metavar="VERSION",
    help="The version REGION was written against [default: its `standard`].",
)
@click.option(
    "--write", is_flag=True, help="When all carries over cleanly, record VERSION in the region file."
)
@click.pass_obj
def rebase(workspace: Workspace, region_id: str, onto: str, base: str | None, write: bool) -> str | None:
    """Carry REGION's own changes (overrides, changes, additions, its lampiran, Mengingat, title)
    onto standard VERSION: a three-way merge by clause key. Prints each change as clean (the
    new standard left its clause alone), conflict (both changed it: both texts follow) or
    removed (the new standard has no such clause). Exits 1 on any conflict or removal.
    """
    from jamsostek_regs.app.amending import rebase as carry

    result = carry(workspace, region_id, onto, base=base, write=write)
    say(f"{region_id}: standard {result.base} -> {result.onto}")
    for item in result.items:
        say(f"  {item.status:<8} {item.what}")
        if item.status == "conflict":
            say(f"    region's text:\n{_indented(item.ours or '(removed)')}")
            say(f"    standard {result.onto}:\n{_indented(item.theirs)}")
    if not result.items:
        say("  nothing of its own to carry")
    if result.written is not None:
        say(f"wrote {result.written}")
    elif write and not result.clean:
        say("nothing was written: resolve the conflicts and removals first", err=True)
    return None if result.clean else FINDINGS


def _indented(text: str) -> str:
    return "\n".join(f"      {line}" for line in text.splitlines())
