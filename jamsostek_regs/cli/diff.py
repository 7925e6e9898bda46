"""The ``diff`` and ``matrix`` commands (see docs/diff.md).

``diff`` exits like ``diff(1)``: 0 when the drafts say the same, 1 when they differ, 2 on a
usage error or an input that cannot be assembled. Only click is imported at the top, so that
``jamsostek-regs --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from jamsostek_regs.cli import handle_errors, main

if TYPE_CHECKING:
    from jamsostek_regs.diff.changes import Report
    from jamsostek_regs.pipeline import Workspace

F = TypeVar("F", bound=Callable[..., Any])
DIFF_FORMATS = ("text", "md", "html", "json", "docx")
MATRIX_FORMATS = ("csv", "html")
#: Tracked changes are by this author unless ``--author`` or B's ``draft.author`` says otherwise.
AUTHOR = "jamsostek-regs"


def _trouble_exits_2(fn: F) -> F:
    """:func:`handle_errors`, with exit code 2 for every error: 1 means "the drafts differ"."""
    handled = handle_errors(fn)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return handled(*args, **kwargs)
        except SystemExit as exc:
            raise SystemExit(2 if exc.code == 1 else exc.code) from None

    return wrapper  # type: ignore[return-value]


def _write(workspace: Workspace, path: Path, data: bytes, force: bool) -> None:
    from jamsostek_regs.output import write_outputs

    for written in write_outputs(path.parent, {path.name: data}, force=force, inputs=workspace.inputs):
        click.echo(f"wrote {written}", err=True)


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--format", "fmt", type=click.Choice(DIFF_FORMATS), default="text", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to this file."
)
@click.option("--summary", is_flag=True, help="Print only the number of changes of each class.")
@click.option("--author", help="Author of the tracked changes (docx) [default: B's draft author].")
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of the tracked changes (docx), YYYY-MM-DD [default: B's draft date; none without one].",
)
@click.option("--force", is_flag=True, help="Replace the output file even if it was edited by hand.")
@click.pass_obj
def diff(workspace: Workspace, /, a: str, b: str, **options: Any) -> None:
    """Compare the drafts of A and B clause by clause (region ids, or `standard`).

    Clauses are matched by key, so renumbering shows once ("Pasal 7 menjadi Pasal 8"), and
    every change is classified: parameter, optional, wording, added, removed, renumbered.
    Exit status: 0 the drafts say the same, 1 they differ, 2 usage error or invalid input.
    """
    request = _Request(**options)
    if request.fmt == "docx" and request.output is None:
        raise click.UsageError("--format docx writes a file: give it with -o FILE")
    sys.exit(0 if _diff(workspace, a, b, request) else 1)


@dataclass(frozen=True)
class _Request:
    """The options of one ``diff``."""

    fmt: str
    output: Path | None
    summary: bool
    author: str | None
    date: dt.datetime | None
    force: bool


@_trouble_exits_2
def _diff(workspace: Workspace, a: str, b: str, request: _Request) -> bool:
    """Print or write the report; whether the drafts say the same."""
    from jamsostek_regs.diff.compare import compare, side

    left, right = side(workspace, a), side(workspace, b)
    report = compare(left, right)
    output = request.output
    if request.fmt == "docx":
        from jamsostek_regs.diff import redline

        meta = right.draft.meta
        author = request.author or meta.author or AUTHOR
        date = request.date.date().isoformat() if request.date else meta.date
        data = redline.render(left.draft, right.draft, author, date)
    else:
        color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        data = _report(report, request.fmt, color).encode()
    if output is not None:
        _write(workspace, output, data, request.force)
    if request.summary:
        for kind, count in report.summary().items():
            click.echo(f"{kind:<11} {count}")
    elif output is None:
        click.echo(data.decode(), nl=False)
    return report.equal


def _report(report: Report, fmt: str, color: bool) -> str:
    from jamsostek_regs.diff import report_html, report_json, report_md, report_text

    if fmt == "md":
        return report_md.render(report)
    if fmt == "html":
        return report_html.render(report)
    if fmt == "json":
        return report_json.render(report)
    return report_text.render(report, color=color)


@main.command()
@click.argument("regions", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(MATRIX_FORMATS), default="csv", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="csv: the file to write [default: print it]; html: the folder for matrix.html and the diff pages.",
)
@click.option("--jobs", type=click.IntRange(min=0), default=0, help="Worker processes [default: 1 per CPU].")
@click.option("--force", is_flag=True, help="Replace output files even if they were edited by hand.")
@click.pass_obj
@handle_errors
def matrix(
    workspace: Workspace, regions: tuple[str, ...], fmt: str, output: Path | None, jobs: int, force: bool
) -> None:
    """Clauses down, REGIONS across (all when none): how each region's clause differs from the standard.

    Cells: same, parameter, optional-in, optional-out, wording, added, absent; a last row and
    column count the clauses and regions that differ. With --format html, each cell links to
    that region's diff against the standard (written next to matrix.html).
    """
    from jamsostek_regs.diff import matrix as matrix_module
    from jamsostek_regs.diff import report_matrix
    from jamsostek_regs.source.regions import every_region, region_path

    if fmt == "html" and output is None:
        raise click.UsageError("--format html writes a folder of pages: give it with -o FOLDER")
    for region in regions:
        region_path(workspace.regions, region)
    ids = list(dict.fromkeys(regions)) or every_region(workspace.regions)
    result, pages = matrix_module.build(workspace, ids, jobs, pages=fmt == "html")
    if fmt == "csv":
        text = report_matrix.render_csv(result)
        if output is None:
            click.echo(text, nl=False)
        else:
            _write(workspace, output, text.encode(), force)
        return
    from jamsostek_regs.output import write_outputs

    assert output is not None
    files = report_matrix.files(result, pages, "Regions against the standard")
    written = write_outputs(output, files, force=force, inputs=workspace.inputs)
    click.echo(f"wrote {len(written)} files to {output}", err=True)
