"""The ``jamsostek-regs`` command line. The only module that prints or exits.

Heavy modules are imported inside the commands, so ``jamsostek-regs --help`` starts fast.
Exit codes: 0 success, 1 invalid input or a failed build, 2 usage errors (including an
unknown region id).
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from jamsostek_regs import __version__

if TYPE_CHECKING:
    from jamsostek_regs.pipeline import Workspace

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("docx", "md", "html", "txt")
#: Commands that write no file: their errors do not say "nothing was written".
READ_ONLY = frozenset({"regions", "lint", "validate"})


def say(message: str) -> None:
    """Print a line saying what was done; if stdout's reader has gone (``| head -1``), go on
    without it: the files matter more than the lines naming them."""
    try:
        click.echo(message)
    except BrokenPipeError:
        with contextlib.suppress(OSError, ValueError):  # later lines (and the exit's flush) go nowhere
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)


def _fail(message: str, code: int = 1) -> None:
    click.secho(f"error: {message}", fg="red", err=True)
    sys.exit(code)


def handle_errors(fn: F) -> F:
    """Turn user-facing errors into messages on stderr and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from jamsostek_regs.errors import InputError, JamsostekError, UnknownRegionError

        try:
            return fn(*args, **kwargs)
        except UnknownRegionError as exc:
            _fail(str(exc), code=2)
        except InputError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            command = click.get_current_context(silent=True)
            writes = command is None or command.info_name not in READ_ONLY
            _fail(f"{len(exc.problems)} problem(s) found{'; nothing was written' if writes else ''}")
        except JamsostekError as exc:
            _fail(str(exc))

    return wrapper  # type: ignore[return-value]


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [v for v in chosen if v not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"expected a comma list of {', '.join(FORMATS)}; got {value!r}")
    return chosen


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C",
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    envvar="JAMSOSTEK_REGS_WORKSPACE",
    help="Project folder holding regions/ and templates/.",
)
@click.version_option(__version__, prog_name="jamsostek-regs")
@click.pass_context
def main(ctx: click.Context, workspace: Path) -> None:
    """Assemble, diff and export Perkada drafts on Optimalisasi Pelaksanaan Program
    Jaminan Sosial Ketenagakerjaan from the Kemendagri standard clause library."""
    from jamsostek_regs.pipeline import Workspace

    ctx.obj = Workspace(workspace.resolve())


def _region_ids(workspace: Workspace, ids: tuple[str, ...], all_: bool) -> list[str]:
    from jamsostek_regs.source.regions import every_region, region_path

    if all_ == bool(ids):
        raise click.UsageError("name one or more regions, or pass --all (not both)")
    if all_:
        return every_region(workspace.regions)
    for region_id in ids:
        region_path(workspace.regions, region_id)
    return list(dict.fromkeys(ids))


def _output_folder(out: Path, region_id: str) -> Path:
    """``out/<region_id>``, refused when it leads outside ``out`` (through a symbolic link)."""
    from jamsostek_regs.errors import JamsostekError

    folder = out / region_id
    if not Path(os.path.realpath(folder)).is_relative_to(os.path.realpath(out)):  # no error on a link loop
        raise JamsostekError(f"refusing to write to {folder}: it leads outside {out}")
    return folder


@main.command()
@click.argument("regions", nargs=-1)
@click.option("--all", "all_", is_flag=True, help="Assemble every region under regions/.")
@click.option(
    "--format",
    "formats",
    default="docx",
    show_default=True,
    callback=_formats,
    help="Comma list of output formats: docx,md,html,txt.",
)
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), help="Output folder [default: build/]."
)
@click.option("--force", is_flag=True, help="Replace output files even if they were edited by hand.")
@click.option("--no-lint", is_flag=True, help="Write even when the drafting-technique linter finds errors.")
@click.pass_obj
@handle_errors
def assemble(
    workspace: Workspace,
    regions: tuple[str, ...],
    all_: bool,
    formats: tuple[str, ...],
    out: Path | None,
    force: bool,
    no_lint: bool,
) -> None:
    """Assemble the draft of each REGION into OUT/<region>/<region>.<format>."""
    from jamsostek_regs.cli.lint import check_drafts
    from jamsostek_regs.output import write_outputs
    from jamsostek_regs.pipeline import assemble as assemble_draft
    from jamsostek_regs.validation import check_standard
    from jamsostek_regs.writers import suffix, writer

    ids = _region_ids(workspace, regions, all_)
    folders = {region_id: _output_folder(out or workspace.build, region_id) for region_id in ids}
    check_standard(workspace.standard)
    drafts = {region_id: assemble_draft(workspace, region_id) for region_id in ids}
    check_drafts(drafts, allow_errors=no_lint)
    for region_id, draft in drafts.items():
        files = {f"{region_id}{suffix(fmt)}": writer(fmt)(draft) for fmt in formats}
        for path in write_outputs(folders[region_id], files, force=force, inputs=workspace.inputs):
            say(f"wrote {path}")


@main.command(name="regions")
@click.pass_obj
@handle_errors
def list_regions(workspace: Workspace) -> None:
    """List the region ids with their level and name (and which files are invalid)."""
    from jamsostek_regs.errors import InputError, UnknownRegionError
    from jamsostek_regs.source.regions import load_region, region_ids
    from jamsostek_regs.source.standard import load_standard
    from jamsostek_regs.validation import check_standard

    check_standard(workspace.standard)
    standard = load_standard(workspace.standard)
    invalid = []
    for region_id in region_ids(workspace.regions):
        try:
            region = load_region(workspace.regions, region_id, standard).region
        except (InputError, UnknownRegionError):
            invalid.append(region_id)
            click.echo(f"{region_id:<24} {'?':<10} (invalid: see jamsostek-regs validate)")
            continue
        click.echo(f"{region_id:<24} {region.level:<10} {region.name}")
    if invalid:
        _fail(
            f"{len(invalid)} invalid region file(s): {', '.join(invalid)}; jamsostek-regs validate says why"
        )


# Commands that live in their own modules register themselves on ``main`` when imported.
# Each module imports only click at the top, so ``--help`` stays fast.
from jamsostek_regs.cli import diff as diff  # noqa: E402
from jamsostek_regs.cli import export as export  # noqa: E402
from jamsostek_regs.cli import lint as lint  # noqa: E402
from jamsostek_regs.cli import validate as validate  # noqa: E402


def run() -> None:
    """The console script: :data:`main`, with SIGTERM ending the process like Ctrl-C does.

    Python's default for SIGTERM ends the process on the spot; raising ``SystemExit``
    instead runs the clean-up of a write in progress (its temporary file is removed).
    """
    signal.signal(signal.SIGTERM, _terminated)
    main()


def _terminated(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)
