"""The standard clause library: manifest, catalogs and the Jinja clause files.

A standard lives in one folder (``templates/kemendagri_standard/``)::

    manifest.yaml       metadata, declared variables, the outline (BAB > Bagian > Pasal)
    catalog.yaml        enumerations a region may choose (segments, financing, OPD roles)
    legal_basis.yaml    citable regulations for the Mengingat, each with its source
    <bab>/<pasal>.md.jinja   one clause template per Pasal
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jamsostek_regs.errors import UnknownStandardVersionError
from jamsostek_regs.source.schema import Catalog, ClauseRef, LegalInstrument, Manifest, validate
from jamsostek_regs.source.yamlsource import Located, load_file
from jamsostek_regs.workspace import Workspace

SUFFIX = ".md.jinja"
_STATIC_ID = re.compile(r"\{:[^{}\n]*#([a-z0-9_]+)[^{}\n]*\}")


@dataclass(frozen=True, slots=True)
class Standard:
    """A loaded standard: its folder and validated data files."""

    path: Path
    manifest: Manifest
    catalog: Catalog
    legal_basis: dict[str, LegalInstrument]
    #: Every key a draft of this standard can contain (to tell "excluded" from "unknown").
    possible_keys: frozenset[str]


def template_name(clause: ClauseRef | str) -> str:
    """Template file name (relative to the standard's folder) of a manifest clause entry."""
    return (clause if isinstance(clause, str) else clause.file) + SUFFIX


def clause_key(clause: ClauseRef | str) -> str:
    """Stable key of a Pasal: its template path with "/" as "." ("pendanaan/apbd")."""
    stem = clause if isinstance(clause, str) else clause.file
    return stem.replace("/", ".")


@cache
def load_standard(path: Path) -> Standard:
    """Load and validate the standard in folder ``path`` (once per process)."""
    manifest = validate(Manifest, load_file(path / "manifest.yaml"))
    catalog = validate(Catalog, load_file(path / "catalog.yaml"))
    located = load_file(path / "legal_basis.yaml")
    basis = {key: validate(LegalInstrument, _sub(located, key)) for key in (located.data or {})}
    return Standard(path, manifest, catalog, basis, _possible_keys(path, manifest))


def standard_of(workspace: Workspace) -> Standard:
    """The standard ``workspace`` drafts with: the current one, or the version it names.

    Raises:
        UnknownStandardVersionError: the version is neither the current standard's nor that of a
            frozen copy (``templates/kemendagri_standard@<version>/``, whose manifest must say so).
    """
    standard = load_standard(workspace.standard)
    if workspace.version is not None and standard.manifest.version != workspace.version:
        current = load_standard(workspace.at(None).standard).manifest.version
        raise UnknownStandardVersionError(workspace.version, sorted({current, *workspace.frozen}))
    return standard


def _sub(located: Located, key: str) -> Located:
    """The part of ``located`` under top-level ``key``, keeping its positions."""
    positions = {p[1:]: v for p, v in located.positions.items() if p[:1] == (key,)}
    return Located(f"{located.path} ({key})", located.data[key], positions)


def all_clauses(manifest: Manifest) -> list[ClauseRef | str]:
    """Every Pasal entry of the outline, in order."""
    out: list[ClauseRef | str] = []
    for bab in manifest.body:
        out += bab.pasal
        for bagian in bab.bagian:
            out += bagian.pasal
            for paragraf in bagian.paragraf:
                out += paragraf.pasal
    return out


def _possible_keys(path: Path, manifest: Manifest) -> frozenset[str]:
    keys: set[str] = set()
    for clause in all_clauses(manifest):
        key = clause_key(clause)
        keys.add(key)
        file = path / template_name(clause)
        source = file.read_text(encoding="utf-8") if file.exists() else ""
        keys.update(f"{key}.{local}" for local in _STATIC_ID.findall(source))
    keys.update(f"lampiran.{lamp.key}" for lamp in manifest.lampiran)
    return frozenset(keys)
