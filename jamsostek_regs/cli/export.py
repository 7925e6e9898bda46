"""The ``export`` command: the drafts of many regions in one zip bundle.

Exit codes as for ``assemble``: 2 when a region's input is invalid, 1 when regions failed
only for linter errors (the bundle still holds every good one), 2 when the zip cannot be
written or for usage errors and unknown region ids.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jamsostek_regs.cli._app import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    all_option,
    command,
    echo_warning,
    fail,
    force_option,
    formats_option,
    jobs_option,
    output_option,
    progress,
    quiet_option,
    regions_argument,
    say,
)

if TYPE_CHECKING:
    from jamsostek_regs.bundle import Result
    from jamsostek_regs.workspace import Workspace

#: Region ids named before "and N more" when several regions fail with the same errors.
SHOWN_IDS = 5


@command(writes=True, example="jamsostek-regs export --all --pdf -o dist/drafts.zip")
@regions_argument
@all_option("Export")
@output_option("The zip to write, e.g. dist/drafts.zip.", required=True)
@formats_option("", always="docx", what="Comma list of formats besides DOCX (always included)")
@click.option(
    "--pdf", "with_pdf", is_flag=True, help="Add a PDF of each draft: the same as adding pdf to --format."
)
@jobs_option
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of the bundle, YYYY-MM-DD [default: the newest draft.date of the regions].",
)
@quiet_option("No progress bar (there is none when not on a terminal).")
@click.option(
    "--no-lint",
    is_flag=True,
    help="Bundle drafts even when the drafting-technique linter finds errors (listed in manifest.json).",
)
@force_option("the zip")
@click.pass_obj
def export(
    workspace: Workspace,
    regions: tuple[str, ...],
    all_: bool,
    output: Path,
    formats: tuple[str, ...],
    with_pdf: bool,
    jobs: int,
    date: dt.datetime | None,
    quiet: bool,
    no_lint: bool,
    force: bool,
) -> None:
    """Bundle the drafts of many regions into one zip.

    Builds the drafts of each REGION (or --all) into one zip with manifest.json and a
    README.txt in Bahasa Indonesia. Each region gets a folder with its DOCX and the other
    formats asked for. manifest.json records, for each region, its level, name, standard
    version, the sha256 of its region file and of each output, and its warnings (the
    linter's findings and the placeholders left to fill in). The same inputs give a
    byte-identical zip. A region that fails (invalid input, or linter errors without
    --no-lint) is reported at the end; the others are still bundled (exit code 1).
    """
    from jamsostek_regs import app

    ids = app.select(workspace, regions, all_)
    with progress(len(ids), quiet, "Building drafts") as advance:
        result = app.export(
            workspace,
            ids,
            output,
            (*formats, "pdf") if with_pdf else formats,
            jobs=jobs,
            date=date.date() if date else None,
            allow_lint_errors=no_lint,
            force=force,
            progress=advance,
        )
    for region_id, note in result.file_warnings:
        echo_warning(region_id, note)
    if result.regions:
        say(f"wrote {output}: {len(result.regions)} region(s)")
    _report(result)


def _report(result: Result) -> None:
    """List the failed regions with their errors on stderr and exit, if there are any.

    The exit code is 1 when every failure is a draft with linter errors, else 2.
    """
    if not result.failed:
        return
    groups: dict[tuple[str, ...], list[str]] = {}
    for failure in result.failed:
        groups.setdefault(failure.errors, []).append(failure.region_id)
    for errors, ids in groups.items():
        shown = ids if len(ids) <= SHOWN_IDS else [*ids[:SHOWN_IDS], f"and {len(ids) - SHOWN_IDS} more"]
        say(f"{', '.join(shown)}:", err=True)
        for error in errors:
            say(f"  {error}", err=True)
    total = len(result.failed) + len(result.regions)
    kept = (
        "nothing was written" if not result.regions else f"the bundle holds the other {len(result.regions)}"
    )
    only_lint = all(failure.kind == "lint" for failure in result.failed)
    fail(
        f"{len(result.failed)} of {total} region(s) failed; {kept}",
        EXIT_FINDINGS if only_lint else EXIT_ERROR,
    )
