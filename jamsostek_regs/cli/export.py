"""The ``export`` command: the drafts of many regions in one zip bundle.

Registered on :data:`jamsostek_regs.cli.main` when imported (by the last line of ``cli.py``).
Only click is imported here; the bundle machinery is imported when the command runs, so
``jamsostek-regs --help`` stays fast. Exit codes as for ``assemble``: 1 when any region
failed (the bundle still holds every good one) or the zip cannot be written, 2 for usage
errors and unknown region ids.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from jamsostek_regs.cli import handle_errors, main

if TYPE_CHECKING:
    from jamsostek_regs.bundle import Result
    from jamsostek_regs.workspace import Workspace

EXTRA_FORMATS = ("md", "html", "txt")
#: Region ids named before "and N more" when several regions fail with the same errors.
SHOWN_IDS = 5


def _extra_formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    if any(v not in ("docx", *EXTRA_FORMATS) for v in chosen):
        pdf = " (a PDF comes with --pdf)" if "pdf" in chosen else ""
        raise click.BadParameter(f"expected a comma list of {', '.join(EXTRA_FORMATS)}; got {value!r}{pdf}")
    return chosen


@main.command()
@click.argument("regions", nargs=-1)
@click.option("--all", "all_", is_flag=True, help="Export every region under regions/.")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The zip to write, e.g. dist/drafts.zip.",
)
@click.option(
    "--format",
    "formats",
    default="",
    callback=_extra_formats,
    help="Comma list of formats besides DOCX (always included): md,html,txt.",
)
@click.option("--pdf", "with_pdf", is_flag=True, help="Add a PDF of each draft (needs LibreOffice).")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="the number of cores",
    help="Regions built in parallel processes.",
)
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of the bundle, YYYY-MM-DD [default: the newest draft.date of the regions].",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar (there is none when not on a terminal).")
@click.option(
    "--no-lint",
    is_flag=True,
    help="Bundle drafts even when the drafting-technique linter finds errors (listed in manifest.json).",
)
@click.option("--force", is_flag=True, help="Replace the zip even if it was not written by jamsostek-regs.")
@click.pass_obj
@handle_errors
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
    from jamsostek_regs.bundle import export as build_bundle
    from jamsostek_regs.cli import _region_ids
    from jamsostek_regs.output import write_outputs

    if output.suffix != ".zip":
        raise click.BadParameter(
            "the bundle is a zip file: give a name ending in .zip", param_hint="--output"
        )
    ids = _region_ids(workspace, regions, all_)
    with _progress(len(ids), quiet) as advance:
        result = build_bundle(
            workspace.root,
            ids,
            formats,
            jobs=jobs,
            date=date.date() if date else None,
            with_pdf=with_pdf,
            allow_lint_errors=no_lint,
            progress=advance,
        )
    if result.regions:
        write_outputs(output.parent, {output.name: result.data}, force=force, inputs=workspace.inputs)
        click.echo(f"wrote {output}: {len(result.regions)} region(s)")
    _report(result)


def _stderr() -> TextIO:
    """Where the progress bar goes (the tests put a terminal here)."""
    return sys.stderr


@contextmanager
def _progress(total: int, quiet: bool) -> Iterator[Callable[[str], None]]:
    """A callback advancing a progress bar on stderr, when it is a terminal and not quiet."""
    stream = _stderr()
    if quiet or not stream.isatty():
        yield lambda _region_id: None
        return
    with click.progressbar(
        length=total, label="Building drafts", file=stream, show_pos=True, item_show_func=lambda i: i
    ) as bar:
        yield lambda region_id: bar.update(1, current_item=region_id)


def _report(result: Result) -> None:
    """List the failed regions with their errors on stderr and exit 1, if there are any."""
    if not result.failed:
        return
    groups: dict[tuple[str, ...], list[str]] = {}
    for failure in result.failed:
        groups.setdefault(failure.errors, []).append(failure.region_id)
    for errors, ids in groups.items():
        shown = ids if len(ids) <= SHOWN_IDS else [*ids[:SHOWN_IDS], f"and {len(ids) - SHOWN_IDS} more"]
        click.echo(f"{', '.join(shown)}:", err=True)
        for error in errors:
            click.echo(f"  {error}", err=True)
    total = len(result.failed) + len(result.regions)
    kept = (
        "nothing was written" if not result.regions else f"the bundle holds the other {len(result.regions)}"
    )
    click.secho(f"error: {len(result.failed)} of {total} region(s) failed; {kept}", fg="red", err=True)
    sys.exit(1)
