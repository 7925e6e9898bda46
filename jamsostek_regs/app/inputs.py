"""Use cases on the inputs: validate region files and the standard, list regions, start a new one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jamsostek_regs.errors import InputError, InvalidValueError, Problem, UnknownRegionError
from jamsostek_regs.source import scaffold
from jamsostek_regs.source.regions import REGION_ID, load_region
from jamsostek_regs.source.schema import Level
from jamsostek_regs.source.standard import load_standard
from jamsostek_regs.source.values import normalise, text_problem
from jamsostek_regs.validation import check_standard, validate_region, validate_standard
from jamsostek_regs.workspace import STANDARD_REGION, Workspace


def validate(workspace: Workspace, region_ids: Sequence[str]) -> list[Problem]:
    """Every problem of the standard, then (when it has none) of each region file."""
    problems = validate_standard(workspace.standard)
    if not problems:
        standard = load_standard(workspace.standard)
        for region_id in region_ids:
            problems += validate_region(workspace.regions, region_id, standard)
    return problems


@dataclass(frozen=True, slots=True)
class Listed:
    """A region file: its level and name, or ``valid`` false when it does not load."""

    region_id: str
    level: str
    name: str
    valid: bool


def regions(workspace: Workspace, region_ids: Sequence[str]) -> list[Listed]:
    """Each region with its level and name; invalid files are listed, marked, not raised."""
    check_standard(workspace.standard)
    standard = load_standard(workspace.standard)
    listed = []
    for region_id in region_ids:
        try:
            region = load_region(workspace.regions, region_id, standard).region
        except (InputError, UnknownRegionError):
            listed.append(Listed(region_id, "", "", valid=False))
            continue
        listed.append(Listed(region_id, region.level, region.name, valid=True))
    return listed


def new(workspace: Workspace, region_id: str, level: Level, name: str, province: str | None) -> Path:
    """Write ``regions/<region_id>.yaml``: a commented scaffold, valid as it is; never overwrites.

    Raises:
        InvalidValueError: a value is not acceptable (``field`` names which).
    """
    if not REGION_ID.match(region_id):
        raise InvalidValueError("region_id", "use lowercase letters, digits and '-' (e.g. lombok-timur)")
    if region_id == STANDARD_REGION:
        raise InvalidValueError("region_id", "'standard' names the standard's own draft; choose another id")
    if (level == "provinsi") != (province is None):
        why = "a provinsi has none" if province is not None else f"a {level} needs one"
        raise InvalidValueError("province", why)
    given = {"name": name} if province is None else {"name": name, "province": province}
    for field, value in given.items():
        problem = text_problem(value)
        if problem or not normalise(value):
            raise InvalidValueError(field, problem or "must not be empty")
    check_standard(workspace.standard)
    standard = load_standard(workspace.standard)
    text = scaffold.scaffold(region_id, level, normalise(name), province and normalise(province), standard)
    return scaffold.create(workspace.regions, region_id, text, standard)
