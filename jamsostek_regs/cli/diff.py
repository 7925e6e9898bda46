"""The ``diff`` and ``matrix`` commands (see docs/diff.md).

``diff`` exits like ``diff(1)``: 0 when the drafts say the same, 1 when they differ, 2 on a
usage error or an input that cannot be assembled.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jamsostek_regs.cli._app import (
    FINDINGS,
    command,
    force_option,
    jobs_option,
    output_option,
    progress,
    quiet_option,
    regions_argument,
    report_format,
    say,
    write_files,
)
from jamsostek_regs.diff.formats import DIFF_FORMATS, DIFF_SUFFIXES, MATRIX_FORMATS, MATRIX_SUFFIXES

if TYPE_CHECKING:
    from jamsostek_regs.workspace import Workspace


@command(writes=True, example="jamsostek-regs diff standard lombok-timur -o redline.docx")
@click.argument("a")
@click.argument("b")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(DIFF_FORMATS),
    help="text, md, html (side by side), json, or docx (a redline with tracked changes)"
    " [default: from the -o suffix, else text].",
)
@output_option("Write the report to this file (.txt, .md, .html, .json or .docx).")
@click.option("--summary", is_flag=True, help="Print only the number of changes of each class.")
@click.option("--author", help="Author of the tracked changes (docx) [default: B's draft author].")
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of the tracked changes (docx), YYYY-MM-DD [default: B's draft date; none without one].",
)
@force_option("the output file")
@click.pass_obj
def diff(
    workspace: Workspace,
    a: str,
    b: str,
    fmt: str | None,
    output: Path | None,
    summary: bool,
    author: str | None,
    date: dt.datetime | None,
    force: bool,
) -> str | None:
    """Compare the drafts of A and B clause by clause (region ids, `standard`, or FILE.docx).

    A DOCX (the tool's own after Word, or one made by hand) is read into the document tree:
    `diff REGION FILE.docx` shows what was changed in Word against what the tool made, each
    change with the reason "diubah dalam dokumen".

    Clauses are matched by key, so renumbering shows once ("Pasal 7 menjadi Pasal 8"), and
    every change is classified: parameter, optional, wording, added, removed, renumbered.
    Exit status: 0 the drafts say the same, 1 they differ, 2 usage error or invalid input.
    """
    from jamsostek_regs import app

    fmt = report_format(output, fmt, DIFF_SUFFIXES, "text")
    if fmt == "docx" and output is None:
        raise click.UsageError("--format docx writes a file: give it with -o FILE")
    color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    compared = app.diff(workspace, a, b, fmt, color=color, author=author, date=date.date() if date else None)
    if output is not None:
        for written in write_files(workspace, output.parent, {output.name: compared.data}, force):
            say(f"wrote {written}", err=True)
    if summary:
        for kind, count in compared.report.summary().items():
            say(f"{kind:<11} {count}")
    elif output is None:
        say(compared.data.decode(), nl=False)
    return None if compared.report.equal else FINDINGS


@command(writes=True, example="jamsostek-regs matrix -o build/matrix")
@regions_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(MATRIX_FORMATS),
    help="csv, or html (matrix.html and a diff page per region)"
    " [default: csv for no -o or -o FILE.csv, html for -o FOLDER].",
)
@click.option(
    "-o",
    "--out",
    "--output",
    "output",
    type=click.Path(path_type=Path),
    help="csv: the file to write [default: print it]; html: the folder for matrix.html and the diff pages.",
)
@jobs_option
@quiet_option("No progress bar (there is none when not on a terminal).")
@force_option("output files")
@click.pass_obj
def matrix(
    workspace: Workspace,
    regions: tuple[str, ...],
    fmt: str | None,
    output: Path | None,
    jobs: int,
    quiet: bool,
    force: bool,
) -> None:
    """Clauses down, REGIONS across (all when none): how each region's clause differs from the standard.

    A REGION may be a Perkada DOCX (FILE.docx): its column is the document's text.

    Cells: same, parameter, optional-in, optional-out, wording, added, absent; a last row and
    column count the clauses and regions that differ. With --format html, each cell links to
    that region's diff against the standard (written next to matrix.html).
    """
    from jamsostek_regs import app

    folder = output is not None and not output.suffix
    fmt = report_format(output, fmt, MATRIX_SUFFIXES, "html" if folder else "csv")
    if fmt == "html" and output is None:
        raise click.UsageError("--format html writes a folder of pages: give it with -o FOLDER")
    ids = app.select(workspace, regions, documents=True)
    if fmt == "csv":
        with progress(len(ids), quiet, "Comparing regions") as advance:
            text = app.matrix_csv(workspace, ids, jobs, progress=advance)
        if output is None:
            say(text, nl=False)
        else:
            for written in write_files(workspace, output.parent, {output.name: text.encode()}, force):
                say(f"wrote {written}", err=True)
        return
    assert output is not None
    with progress(len(ids), quiet, "Comparing regions") as advance:
        made = app.matrix(workspace, ids, jobs, progress=advance)
    pages = write_files(workspace, output, made.files, force)
    say(f"wrote {len(pages)} files to {output}", err=True)
