"""The command group, the one error funnel, and the options several commands share.

Exit codes are decided here and nowhere else:

* 0: done, nothing to report;
* 1: findings or differences (linter errors, ``diff`` found changes, regions of a bundle
  that failed only for linter errors);
* 2: bad input or a request that cannot be carried out (an invalid region file, an unknown
  region, a usage mistake, a file that cannot be written).

A command returns :data:`FINDINGS` to say "done, but there is something to report"; it
raises a typed error (:mod:`jamsostek_regs.errors`) for everything else, and
:func:`command` turns that error into a message on stderr and the exit code above. Only
click and the standard library are imported at the top, so ``--help`` starts fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO, TypeVar

import click

from jamsostek_regs import __version__
from jamsostek_regs.writers import FORMATS

if TYPE_CHECKING:
    from jamsostek_regs.errors import FindingLike
    from jamsostek_regs.workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])

#: What a command returns when it is done but has findings or differences to report.
FINDINGS: Final = "findings"
EXIT_FINDINGS = 1
EXIT_ERROR = 2


#: An example of each command, for its own help and the top-level help (see :func:`command`).
_EXAMPLES: dict[str, str] = {}


class _Group(click.Group):
    """The command group: each command's first sentence in full, then an example of each."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, cmd.get_short_help_str(limit=1000)) for name, cmd in sorted(self.commands.items())]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Examples"):
            for name in sorted(_EXAMPLES):  # one line each, never wrapped
                formatter.write(f"{'':>{formatter.current_indent}}{_EXAMPLES[name]}\n")
        formatter.write_paragraph()
        formatter.write_text(
            "Shell completion of commands, options and region ids (bash; zsh and fish alike):"
            ' eval "$(_JAMSOSTEK_REGS_COMPLETE=bash_source jamsostek-regs)"'
        )


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C",
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    envvar="JAMSOSTEK_REGS_WORKSPACE",
    help="Project folder holding regions/ and templates/ [default: this folder or the nearest parent"
    " holding templates/kemendagri_standard/].",
)
@click.option(
    "--standard",
    "standard_version",
    metavar="VERSION",
    envvar="JAMSOSTEK_REGS_STANDARD",
    help="Draft with this version of the standard (a frozen templates/kemendagri_standard@VERSION/) "
    "[default: the current standard].",
)
@click.version_option(__version__, prog_name="jamsostek-regs")
@click.pass_context
def main(ctx: click.Context, workspace: Path, standard_version: str | None) -> None:
    """Assemble, diff and export Perkada drafts on Optimalisasi Pelaksanaan Program
    Jaminan Sosial Ketenagakerjaan from the Kemendagri standard clause library."""
    from jamsostek_regs.workspace import Workspace, find_root

    named = ctx.get_parameter_source("workspace") != click.core.ParameterSource.DEFAULT
    root = workspace.resolve()
    ctx.obj = Workspace(root if named else find_root(root), standard_version)


def command(
    name: str | None = None, *, writes: bool, example: str, params: Mapping[str, str] | None = None
) -> Callable[[F], F]:
    """Register a command on :data:`main`, behind the error funnel.

    ``writes`` says whether the command writes files (its errors then add "nothing was
    written"); ``example`` is a command line shown in its help and the top-level help;
    ``params`` maps a use case's parameter names to the command's own option names, so an
    :class:`~jamsostek_regs.errors.InvalidValueError` points at what the user typed.
    """

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def funnel(*args: Any, **kwargs: Any) -> None:
            try:
                status = fn(*args, **kwargs)
            except Exception as exc:  # only typed errors are handled; the rest re-raises
                _handle(exc, writes, params or {})
            if status == FINDINGS:
                sys.exit(EXIT_FINDINGS)

        registered = main.command(name)(funnel)
        registered.help = f"{registered.help or ''}\n\n\b\nExample:\n  {example}"
        _EXAMPLES[registered.name or ""] = example
        return registered  # type: ignore[return-value]

    return decorate


def _handle(exc: Exception, writes: bool, params: Mapping[str, str]) -> None:
    """Report ``exc`` and exit, when it is an error meant for the user; else re-raise it."""
    from jamsostek_regs.errors import (
        InputError,
        InvalidValueError,
        JamsostekError,
        LintError,
        UsageError,
    )

    nothing = "; nothing was written" if writes else ""
    if isinstance(exc, InvalidValueError):
        raise click.BadParameter(exc.reason, param_hint=f"'{params.get(exc.field, exc.field)}'") from None
    if isinstance(exc, UsageError):
        raise click.UsageError(str(exc)) from None
    if isinstance(exc, InputError):
        for problem in exc.problems:
            say(str(problem), err=True)
        fail(f"{len(exc.problems)} problem(s) found{nothing}")
    if isinstance(exc, LintError):
        for region_id, findings in exc.findings.items():
            echo_findings(region_id, findings)
        fail(f"{exc}{nothing} (--no-lint writes anyway)", EXIT_FINDINGS)
    if isinstance(exc, JamsostekError):
        fail(str(exc))
    raise exc


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print ``error: message`` on stderr and exit with ``code``."""
    say(f"error: {message}", err=True, fg="red")
    sys.exit(code)


def say(message: str, *, err: bool = False, fg: str | None = None, nl: bool = True) -> None:
    """Print a line; a closed stdout (``... | head``) silences the rest instead of stopping work."""
    try:
        click.echo(click.style(message, fg=fg) if fg else message, err=err, nl=nl)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, (sys.stderr if err else sys.stdout).fileno())
        os.close(devnull)


def echo_findings(region_id: str, findings: Sequence[FindingLike]) -> None:
    """Print ``findings`` to stderr, one line each, prefixed with the region id."""
    for finding in findings:
        say(f"{region_id}: {finding}", err=True, fg="red" if finding.severity == "error" else "yellow")


def complete_regions(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of region ids: the region files of the project folder."""
    from jamsostek_regs.workspace import find_root

    given = ctx.find_root().params.get("workspace") or Path()
    regions = find_root(Path(given).resolve()) / "regions"
    names = sorted(path.name.removesuffix(".yaml") for path in regions.glob("*.yaml"))
    return [name for name in names if name.startswith(incomplete)]


def echo_warning(region_id: str, note: str) -> None:
    """Print a warning about a region's files (a PDF set in a substituted font) to stderr."""
    say(f"{region_id}: warning: {note}", err=True, fg="yellow")


def regions_argument(fn: F) -> F:
    """The ``REGIONS...`` argument (region ids complete in the shell)."""
    return click.argument("regions", nargs=-1, shell_complete=complete_regions)(fn)


def all_option(what: str) -> Callable[[F], F]:
    """``--all``: every region under regions/ (``what`` says what is done to them)."""
    return click.option("--all", "all_", is_flag=True, help=f"{what} every region under regions/.")


def force_option(what: str) -> Callable[[F], F]:
    """``--force``: replace output files the tool did not write (or that were edited since)."""
    return click.option("--force", is_flag=True, help=f"Replace {what} even if it was edited by hand.")


def report_format(output: Path | None, fmt: str | None, suffixes: Mapping[str, str], default: str) -> str:
    """The format of a report written to ``output``: ``--format`` when given, else the one the
    file's suffix names (``suffixes``: ".docx" -> "docx"), else ``default``.

    A ``--format`` that another format's suffix contradicts (``--format html -o x.docx``) is a
    usage error: the file would be one format under another's name, and could replace a file
    of that other format. So is a suffix no format has (``-o m.xlsx``) without ``--format``.
    """
    suffix = output.suffix.lower() if output is not None else ""
    named = suffixes.get(suffix)
    if fmt is None and suffix and named is None:
        raise click.UsageError(
            f"cannot tell the format of {output} from its suffix; name the file"
            f" {', '.join(sorted(suffixes))} or give --format"
        )
    if fmt is not None and named is not None and named != fmt:
        raise click.UsageError(
            f"--format {fmt} does not match the file name {output}: its suffix means {named};"
            f" name the file *{_suffix_of(fmt, suffixes)} or drop --format"
        )
    return fmt or named or default


def _suffix_of(fmt: str, suffixes: Mapping[str, str]) -> str:
    return next((suffix for suffix, name in suffixes.items() if name == fmt), f".{fmt}")


def write_files(workspace: Workspace, folder: Path, files: dict[str, bytes], force: bool) -> list[Path]:
    """Write ``files`` (name -> bytes) into ``folder`` as every command does (owned, atomic)."""
    from jamsostek_regs.output import write_outputs

    return write_outputs(folder, files, force=force, inputs=workspace.inputs)


def output_option(help_text: str, *, folder: bool = False, required: bool = False) -> Callable[[F], F]:
    """``-o/--out FILE`` (or a folder): where a command writes; ``--output`` is accepted too."""
    return click.option(
        "-o",
        "--out",
        "--output",
        "output",
        required=required,
        type=click.Path(file_okay=not folder, dir_okay=folder, path_type=Path),
        help=help_text,
    )


def quiet_option(help_text: str) -> Callable[[F], F]:
    """``-q/--quiet``."""
    return click.option("-q", "--quiet", is_flag=True, help=help_text)


def jobs_option(fn: F) -> F:
    """``-j/--jobs N``: worker processes of a batch, at least 1."""
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=os.cpu_count() or 1,
        show_default="the number of cores",
        help="Regions built in parallel processes.",
    )(fn)


def progress_stream() -> TextIO:
    """Where progress bars go: stderr (the tests put a terminal here)."""
    return sys.stderr


@contextmanager
def progress(total: int, quiet: bool, label: str) -> Iterator[Callable[[str], None]]:
    """A callback advancing a progress bar on stderr, when it is a terminal and the command is
    not ``quiet``; it takes the region id just done."""
    stream = progress_stream()
    if quiet or not stream.isatty():
        yield lambda _region_id: None
        return
    with click.progressbar(
        length=total, label=label, file=stream, show_pos=True, item_show_func=lambda i: i
    ) as bar:
        yield lambda region_id: bar.update(1, current_item=region_id)


def formats_option(
    default: str, always: str = "", what: str = "Comma list of output formats"
) -> Callable[[F], F]:
    """``--format a,b``: output formats from the writers' registry.

    ``always`` names a format included whatever is asked (the bundle's DOCX).
    """
    names = [name for name in FORMATS if name != always]

    def parse(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
        chosen = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
        unknown = [v for v in chosen if v not in FORMATS]
        if unknown or (not chosen and not always):
            raise click.BadParameter(f"expected a comma list of {', '.join(names)}; got {value!r}")
        return chosen

    return click.option(
        "--format",
        "formats",
        default=default,
        show_default=bool(default),
        callback=parse,
        help=f"{what}: {','.join(names)}.",
    )
