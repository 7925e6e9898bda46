"""The ``validate`` and ``new`` commands (registered on :data:`jamsostek_regs.cli.main`).

Only click is imported at the top, so ``jamsostek-regs --help`` stays fast.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from jamsostek_regs.cli import handle_errors, main

if TYPE_CHECKING:
    from jamsostek_regs.errors import Problem
    from jamsostek_regs.workspace import Workspace

#: The levels of ``schema.Level`` (kept here so ``--help`` need not import pydantic).
LEVELS = ("kabupaten", "kota", "provinsi")


@main.command()
@click.argument("regions", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one problem a line (file:line:column: key: message); json: a list of objects.",
)
@click.pass_obj
@handle_errors
def validate(workspace: Workspace, regions: tuple[str, ...], fmt: str) -> None:
    """Check the standard and each REGION (all regions when none is named).

    Reports every problem at once; exits 0 when all is valid, 1 otherwise.
    """
    from jamsostek_regs.errors import InputError
    from jamsostek_regs.source.regions import region_ids, region_path
    from jamsostek_regs.source.standard import load_standard
    from jamsostek_regs.validation import validate_region, validate_standard

    for region_id in regions:
        region_path(workspace.regions, region_id)
    ids = list(dict.fromkeys(regions)) or region_ids(workspace.regions)
    problems = validate_standard(workspace.standard)
    if not problems:
        standard = load_standard(workspace.standard)
        for region_id in ids:
            problems += validate_region(workspace.regions, region_id, standard)
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False))
    else:
        _print(problems, len(ids))
    if problems:
        raise SystemExit(1) from InputError(problems)


def _print(problems: list[Problem], regions: int) -> None:
    for problem in problems:
        click.echo(str(problem))
    files = len({p.file for p in problems})
    if problems:
        click.secho(f"{len(problems)} problem(s) in {files} file(s)", fg="red", err=True)
    else:
        click.echo(f"ok: the standard and {regions} region(s) are valid")


@main.command()
@click.argument("region_id", metavar="REGION")
@click.option("--level", type=click.Choice(LEVELS), required=True, help="Level of the region.")
@click.option("--name", required=True, help='Name without the level, e.g. "Lombok Timur".')
@click.option("--province", help="Province of a kabupaten or kota (not for a provinsi).")
@click.pass_obj
@handle_errors
def new(workspace: Workspace, region_id: str, level: str, name: str, province: str | None) -> None:
    """Write regions/REGION.yaml: a commented scaffold to fill in, valid as it is.

    Never overwrites an existing file.
    """
    from jamsostek_regs.source import scaffold
    from jamsostek_regs.source.regions import REGION_ID
    from jamsostek_regs.source.standard import load_standard
    from jamsostek_regs.source.values import normalise, text_problem
    from jamsostek_regs.validation import check_standard
    from jamsostek_regs.workspace import STANDARD_REGION

    if not REGION_ID.match(region_id):
        raise click.BadParameter(
            "use lowercase letters, digits and '-' (e.g. lombok-timur)", param_hint="'REGION'"
        )
    if region_id == STANDARD_REGION:
        raise click.BadParameter(
            "'standard' names the standard's own draft; choose another id", param_hint="'REGION'"
        )
    if (level == "provinsi") == (province is not None):
        raise click.UsageError(
            "a provinsi takes no --province" if province else f"a {level} needs --province"
        )
    given = {"--name": name} if province is None else {"--name": name, "--province": province}
    for option, value in given.items():
        problem = text_problem(value)
        if problem or not normalise(value):
            raise click.BadParameter(problem or "must not be empty", param_hint=f"'{option}'")
    check_standard(workspace.standard)
    standard = load_standard(workspace.standard)
    text = scaffold.scaffold(region_id, level, normalise(name), province and normalise(province), standard)
    path = scaffold.create(workspace.regions, region_id, text, standard)
    click.echo(f"wrote {path}; fill the values marked FILL, then run: jamsostek-regs validate {region_id}")
