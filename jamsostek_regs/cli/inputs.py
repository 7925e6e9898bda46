"""The ``validate`` and ``new`` commands."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, cast

import click

from jamsostek_regs.cli._app import EXIT_ERROR, command, fail, regions_argument, say

if TYPE_CHECKING:
    from jamsostek_regs.errors import Problem
    from jamsostek_regs.source.schema import Level
    from jamsostek_regs.workspace import Workspace

#: The levels of ``schema.Level`` (kept here so ``--help`` need not import pydantic).
LEVELS = ("kabupaten", "kota", "provinsi")


@command(writes=False, example="jamsostek-regs validate lombok-timur")
@regions_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one problem a line (file:line:column: key: message); json: a list of objects.",
)
@click.pass_obj
def validate(workspace: Workspace, regions: tuple[str, ...], fmt: str) -> None:
    """Check the standard and each REGION (all regions when none is named).

    Builds and lints each valid region as assemble does: a linter error that would make
    assemble refuse the draft is a problem too (lint warnings are not; see lint). Reports every
    problem at once, and warnings about what the draft leaves out (a financing entry with groups
    but no decided_by); exits 0 when there is no problem but warnings, 2 otherwise.
    """
    from jamsostek_regs import app

    ids = app.select(workspace, regions)
    problems = app.validate(workspace, ids)
    if fmt == "json":
        say(json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False))
    else:
        _print(problems, len(ids))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        fail(f"{len(errors)} problem(s) in {len({p.file for p in errors})} file(s)", EXIT_ERROR)


def _print(problems: list[Problem], regions: int) -> None:
    for problem in problems:
        say(str(problem))
    if all(p.severity != "error" for p in problems):
        say(f"ok: the standard and {regions} region(s) are valid")


@command(
    writes=True,
    example='jamsostek-regs new kabupaten-contoh --level kabupaten --name Contoh --province "Jawa Tengah"',
    params={"region_id": "REGION", "name": "--name", "province": "--province"},
)
@click.argument("region_id", metavar="REGION")
@click.option("--level", type=click.Choice(LEVELS), required=True, help="Level of the region.")
@click.option("--name", required=True, help='Name without the level, e.g. "Lombok Timur".')
@click.option("--province", help="Province of a kabupaten or kota (not for a provinsi).")
@click.pass_obj
def new(workspace: Workspace, region_id: str, level: str, name: str, province: str | None) -> None:
    """Write regions/REGION.yaml: a commented scaffold to fill in, valid as it is.

    Never overwrites an existing file.
    """
    from jamsostek_regs import app

    path = app.new(workspace, region_id, cast("Level", level), name, province)
    say(f"wrote {path}; fill the values marked FILL, then run: jamsostek-regs validate {region_id}")
