"""The ``assemble`` and ``regions`` commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from jamsostek_regs.cli._app import (
    all_option,
    command,
    echo_findings,
    echo_warning,
    force_option,
    formats_option,
    output_option,
    quiet_option,
    regions_argument,
    report_format,
    say,
    write_files,
)

if TYPE_CHECKING:
    from jamsostek_regs.workspace import Workspace


@command(writes=True, example="jamsostek-regs assemble lombok-timur --format docx,pdf")
@regions_argument
@all_option("Assemble")
@formats_option("docx")
@output_option("Output folder [default: build/ of the project folder].", folder=True)
@force_option("output files")
@click.option("--no-lint", is_flag=True, help="Write even when the drafting-technique linter finds errors.")
@quiet_option("No 'wrote' line for each file (warnings and errors are still printed).")
@click.pass_obj
def assemble(
    workspace: Workspace,
    regions: tuple[str, ...],
    all_: bool,
    formats: tuple[str, ...],
    output: Path | None,
    force: bool,
    no_lint: bool,
    quiet: bool,
) -> None:
    """Assemble the draft of each REGION into OUT/<region>/<region>.<format> (docx, pdf, md, html, txt).

    PDF goes through LibreOffice: PDF/A-2b, tagged, F4, with a warning when the PDF is not set
    in Bookman Old Style or a metric-compatible clone (install fonts-texgyre).
    """
    from jamsostek_regs import app

    ids = app.select(workspace, regions, all_)
    results = app.assemble(
        workspace,
        ids,
        formats,
        out=output,
        force=force,
        allow_lint_errors=no_lint,
        on_written=(lambda _path: None) if quiet else lambda path: say(f"wrote {path}"),
    )
    for result in results:
        echo_findings(result.region_id, result.findings)
        for note in result.warnings:
            echo_warning(result.region_id, note)


@command("regions", writes=False, example="jamsostek-regs regions")
@click.pass_obj
def list_regions(workspace: Workspace) -> None:
    """List the region ids with their level and name (and which files are invalid)."""
    from jamsostek_regs import app
    from jamsostek_regs.errors import JamsostekError

    listed = app.regions(workspace, app.select(workspace, ()))
    for region in listed:
        if region.valid:
            say(f"{region.region_id:<24} {region.level:<10} {region.name}")
        else:
            say(f"{region.region_id:<24} {'?':<10} (invalid: see jamsostek-regs validate)")
    invalid = [r.region_id for r in listed if not r.valid]
    if invalid:
        raise JamsostekError(
            f"{len(invalid)} invalid region file(s): {', '.join(invalid)}; jamsostek-regs validate says why"
        )


#: The checklist's formats by file suffix (``todo -o isian.html``).
TODO_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}


@command(writes=True, example="jamsostek-regs todo lombok-timur -o daftar-isian.html")
@click.argument("region")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(set(TODO_SUFFIXES.values()))),
    help="txt, md or html (a page to print) [default: from the -o suffix, else txt].",
)
@output_option("Write the checklist to this file [default: print it].")
@force_option("the output file")
@click.pass_obj
def todo(workspace: Workspace, region: str, fmt: str | None, output: Path | None, force: bool) -> None:
    """List every "..." still to fill in REGION's draft: where, what, and what fills it.

    In Bahasa Indonesia, in document order: the place (Pasal, ayat, Mengingat item), what
    belongs there, and the region field or catalog entry that fills it (or, for the number and
    dates every Rancangan leaves open, the Bagian Hukum's register at enactment).
    """
    from jamsostek_regs import app

    chosen = report_format(output, fmt, TODO_SUFFIXES, "txt")
    page = app.todo_page(app.todo(workspace, region), chosen)
    if output is None:
        say(page, nl=False)
        return
    for written in write_files(workspace, output.parent, {output.name: page.encode()}, force):
        say(f"wrote {written}", err=True)
