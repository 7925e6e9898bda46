"""Region files: finding them, loading them, and checking them against the standard.

A region id is the file stem under ``regions/`` (``regions/lombok-timur.yaml`` is
``lombok-timur``). Loading validates types and unknown keys (schema), then the values that
only make sense against the standard's catalogs and across fields (cross checks).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jamsostek_regs.errors import InputError, Problem, UnknownRegionError
from jamsostek_regs.schema import Region, closest, validate
from jamsostek_regs.standard import Standard
from jamsostek_regs.yamlsource import KeyPath, Located, load_file

REGION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SUFFIX = ".yaml"


@dataclass(frozen=True, slots=True)
class LoadedRegion:
    """A validated region file."""

    id: str
    path: Path
    region: Region
    sha256: str


def region_ids(regions_dir: Path) -> list[str]:
    """Sorted ids of the region files in ``regions_dir``."""
    return sorted(p.name[: -len(SUFFIX)] for p in regions_dir.glob(f"*{SUFFIX}"))


def region_path(regions_dir: Path, region_id: str) -> Path:
    """Path of region ``region_id``; unknown or unsafe ids raise :class:`UnknownRegionError`."""
    known = region_ids(regions_dir)
    if not REGION_ID.match(region_id) or region_id not in known:
        raise UnknownRegionError(region_id, closest(region_id, known) or None)
    return regions_dir / f"{region_id}{SUFFIX}"


def load_region(regions_dir: Path, region_id: str, standard: Standard) -> LoadedRegion:
    """Load, validate and cross-check one region file."""
    path = region_path(regions_dir, region_id)
    display = f"regions/{path.name}"
    located = load_file(path, display)
    region = validate(Region, located)
    problems = list(cross_check(region, located, standard))
    if problems:
        raise InputError(problems)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return LoadedRegion(region_id, path, region, digest)


def cross_check(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """Problems that need the standard's catalogs or several fields to see."""
    cat = standard.catalog
    yield from _members(located, ("segments",), region.segments, cat.segments)
    yield from _members(located, ("government_groups",), region.government_groups, cat.government_groups)
    yield from _members(located, ("establishment",), region.establishment, standard.legal_basis)
    groups = {*region.segments, *region.government_groups}
    for i, fin in enumerate(region.financing):
        yield from _members(located, ("financing", i, "source"), fin.source, cat.financing)
        yield from _members(located, ("financing", i, "for_groups"), fin.for_groups, groups)
        entry = cat.financing.get(fin.source)
        if entry and entry.village_unit and entry.village_unit != region.village_unit:
            message = (
                f"'{fin.source}' needs village_unit '{entry.village_unit}', but it is '{region.village_unit}'"
            )
            yield located.problem(("financing", i, "source"), message)
    opd_ids = [opd.id for opd in region.opd]
    for i, opd in enumerate(region.opd):
        yield from _members(located, ("opd", i, "role"), opd.role, cat.opd_roles)
        if opd_ids.index(opd.id) != i:
            yield located.problem(("opd", i, "id"), f"OPD id '{opd.id}' is used twice")
    licensing = region.compliance.licensing_opd
    if licensing is not None:
        yield from _members(located, ("compliance", "licensing_opd"), licensing, opd_ids)
    yield from _level_rules(region, located)


def _level_rules(region: Region, located: Located) -> Iterator[Problem]:
    if region.level == "provinsi":
        if region.village_unit != "none":
            yield located.problem(("village_unit",), "a provinsi has no desa/nagari financing; use 'none'")
        if region.province is not None:
            yield located.problem(("province",), "a provinsi file has no 'province' (its name is 'name')")
    elif region.province is None:
        yield located.problem(("level",), f"a {region.level} needs 'province'")
    if region.level != "kota" and "mayor_spelling" in (located.data or {}):
        yield located.problem(("mayor_spelling",), "only a kota has a Wali Kota spelling")


def _members(
    located: Located, path: KeyPath, values: list[str] | str, allowed: Iterable[str]
) -> Iterator[Problem]:
    """Problems for each of ``values`` (a list, or one value) that is not in ``allowed``."""
    options = sorted(allowed)
    pairs = [(path, values)] if isinstance(values, str) else [((*path, i), v) for i, v in enumerate(values)]
    for where, value in pairs:
        if value not in options:
            shown = ", ".join(options) if len(options) <= 12 else f"{len(options)} known ids"
            yield located.problem(
                where, f"unknown value '{value}'; expected one of: {shown}", closest(value, options)
            )
