"""Validation of region files and of the standard, reporting every problem at once.

:func:`validate_region` runs what loading a region runs (text values, schema, cross checks;
see :func:`jamsostek_regs.source.regions.check`) and returns the problems instead of raising; a region
with none is then built and linted as ``assemble`` does, for the problems only the draft shows (an
attached file, an override or addition of a Pasal the region leaves out, a reference) and the
linter's errors, which make ``assemble`` refuse the draft (located by :mod:`jamsostek_regs.lint.placing`).
So a region ``validate`` accepts is one ``assemble`` writes.

:func:`validate_standard` checks the clause library itself:

* every ``*.md.jinja`` file parses (problems name the template file and line);
* every variable a template or a ``when:`` condition uses is declared in the manifest's
  ``variables``;
* every literal ``ref("...")`` key exists: a static id (``{: #wajib}``), a Pasal, a group of
  the outline, or an id a loop over a catalog makes (``{: #{{ id }}}`` with a catalog id);
  a key starting with "." is relative to the template's own Pasal;
* every clause, menimbang and lampiran file the manifest names exists, and every template
  file is named by the manifest;
* no key of the outline is used twice or is one the builder reserves (``judul``, ...);
* every Mengingat entry and every ``amended_by`` names an entry of ``legal_basis.yaml``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment

from jamsostek_regs.dialect import templating
from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.lint import errors, lint, placing
from jamsostek_regs.pipeline import finish
from jamsostek_regs.source import dynamic_ids, financing
from jamsostek_regs.source.regions import REGION_ID, SUFFIX, LoadedRegion, check, display_name, repeats
from jamsostek_regs.source.schema import ClauseRef, MengingatItem, closest
from jamsostek_regs.source.standard import SUFFIX as TEMPLATE_SUFFIX
from jamsostek_regs.source.standard import Standard, clause_key, load_standard, template_name
from jamsostek_regs.source.yamlsource import KeyPath, Located, load_file
from jamsostek_regs.workspace import STANDARD_REGION

#: Keys the builder gives the parts of every draft; no key of the outline may take one.
RESERVED = frozenset(
    {"judul", "pembukaan", "batang_tubuh", "penutup", "draft", "menimbang", "mengingat", "diktum"}
)


def validate_region(regions_dir: Path, region_id: str, standard: Standard) -> list[Problem]:
    """Every problem of the file of ``region_id`` in ``regions_dir`` (empty when it is valid)."""
    display = display_name(region_id)
    if not REGION_ID.match(region_id):
        message = (
            "the file name is not a region id: use lowercase letters, digits and '-' (lombok-timur.yaml)"
        )
        return [Problem(display, 1, 1, "", message)]
    if region_id == STANDARD_REGION:
        message = "'standard' names the standard's own draft (its defaults.yaml): rename the file"
        return [Problem(display, 1, 1, "", message)]
    path = regions_dir / f"{region_id}{SUFFIX}"
    try:
        raw = load_file(path, display, partial=True)
    except InputError as exc:
        return exc.problems
    region, problems = check(raw, standard)
    if region is None:
        return problems
    try:  # what only building the draft shows: attached files, overrides, references
        draft = finish(standard, LoadedRegion(region_id, path, region, ""))
    except InputError as exc:
        return exc.problems
    # what makes assemble refuse the draft it built: the linter's errors; then what it leaves out
    refused = placing.problems(draft, errors(lint(draft)), raw, region, standard.path)
    return refused + financing.undecided(raw, region)


def check_standard(path: Path) -> None:
    """Raise :class:`InputError` with every problem of the standard in ``path``.

    A standard byte for byte the same as one this very code found valid before is not checked
    again: a stamp named by the hash of both (every file of the standard folder and of the
    package) is kept in the user's private temporary folder. A cache that cannot be used is
    skipped, never an error.
    """
    stamp = _stamp(path)
    if stamp is not None and stamp.is_file():
        return
    problems = _standard_problems(path)
    if problems:
        raise InputError(list(problems))
    if stamp is not None:
        with contextlib.suppress(OSError):
            stamp.touch()


def _stamp(path: Path) -> Path | None:
    """The stamp of a valid standard in ``path`` (see :func:`check_standard`), or ``None``."""
    try:
        folder = Path(tempfile.gettempdir()) / f"jamsostek-regs-{getattr(os, 'getuid', lambda: 0)()}"
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
        if (
            not stat.S_ISDIR(info.st_mode)
            or info.st_mode & 0o077
            or info.st_uid != getattr(os, "getuid", lambda: info.st_uid)()
        ):
            return None  # a folder another user could write: not trusted
        digest = hashlib.sha256()
        for root in (path, Path(__file__).parent):
            for file in sorted(f for f in root.rglob("*") if f.is_file() and "__pycache__" not in f.parts):
                digest.update(f"{file.relative_to(root).as_posix()}\0".encode())
                digest.update(hashlib.sha256(file.read_bytes()).digest())
        return folder / f"standard-valid-{digest.hexdigest()}"
    except OSError:
        return None


def validate_standard(path: Path) -> list[Problem]:
    """Every problem of the standard in folder ``path`` (empty when it is valid)."""
    return list(_standard_problems(path))


@cache
def _standard_problems(path: Path) -> tuple[Problem, ...]:
    """The checks of :func:`validate_standard`, run once per folder and process."""
    prefix = f"{path.parent.name}/{path.name}"
    if not path.is_dir():
        message = (
            f"no clause library at {path}: run jamsostek-regs in the project folder (the one that "
            "holds regions/ and templates/), or name it with -C FOLDER"
        )
        return (Problem(prefix, 1, 1, "", message),)
    try:
        standard = load_standard(path)
        manifest = load_file(path / "manifest.yaml", f"{prefix}/manifest.yaml")
        basis = load_file(path / "legal_basis.yaml", f"{prefix}/legal_basis.yaml")
    except InputError as exc:
        return tuple(exc.problems)
    except (OSError, UnicodeDecodeError) as exc:  # a template that cannot be read as UTF-8 text
        return (Problem(prefix, 1, 1, "", f"cannot read the standard: {exc}"),)
    scan = _Scan(standard, manifest, prefix, templating.environment(path))
    problems = [*scan.parse_all(), *scan.files(), *scan.keys(), *scan.conditions()]
    problems += _legal_references(standard, manifest, basis)
    for name, ast in scan.trees.items():
        problems += scan.variables(name, ast)
        problems += scan.references(name, ast)
    return tuple(problems)


@dataclass
class _Scan:
    """One pass over a loaded standard: its manifest (with positions) and parsed templates."""

    standard: Standard
    manifest: Located
    prefix: str
    env: SandboxedEnvironment

    def __post_init__(self) -> None:
        self.owners = dict(_owners(self.standard))
        self.trees: dict[str, nodes.Template] = {}
        self.known = self._known_keys()
        found = self.standard.path.rglob(f"*{TEMPLATE_SUFFIX}")
        self.on_disk = sorted(file.relative_to(self.standard.path).as_posix() for file in found)

    def display(self, name: str) -> str:
        return f"{self.prefix}/{name}"

    def parse_all(self) -> Iterator[Problem]:
        """Parse every template file; keep the trees of those that parse."""
        for name in self.on_disk:
            file = self.standard.path / name
            try:
                self.trees[name] = self.env.parse(file.read_text(encoding="utf-8"), name, str(file))
            except TemplateSyntaxError as exc:
                yield Problem(self.display(name), exc.lineno, 1, "", f"template syntax: {exc.message}")
            except (OSError, UnicodeDecodeError) as exc:
                yield Problem(self.display(name), 1, 1, "", f"cannot read the template: {exc}")

    def files(self) -> Iterator[Problem]:
        """Manifest entries without a file, and files the manifest does not name."""
        named = set()
        for name, (_key, where) in self.owners.items():
            named.add(name)
            if not (self.standard.path / name).is_file():
                yield self.manifest.problem(where, f"no template file {self.display(name)}")
        for name in self.on_disk:
            if name not in named:
                message = "not in manifest.yaml: list it in the outline (or as menimbang or a lampiran)"
                yield Problem(self.display(name), 1, 1, "", message)

    def keys(self) -> Iterator[Problem]:
        """Outline keys used twice, or reserved by the builder."""
        pairs = [(where, key) for key, where in _outline_keys(self.standard)]
        yield from repeats(self.manifest, pairs)
        for where, key in pairs:
            if key in RESERVED:
                yield self.manifest.problem(where, f"'{key}' is reserved for the draft's own parts")

    def conditions(self) -> Iterator[Problem]:
        """Every ``when:`` of the manifest parses and uses declared variables only."""
        for where, expression in _whens(self.manifest.data, ()):
            try:
                ast = self.env.parse(f"{{% if {expression} %}}{{% endif %}}")
            except TemplateSyntaxError as exc:
                yield self.manifest.problem(where, f"condition {expression!r}: {exc.message}")
                continue
            for name in sorted(self._undeclared(ast)):
                message = f"condition {expression!r} uses '{name}', which {self._not_declared()}"
                yield self.manifest.problem(where, message, self._closest_variable(name))

    def variables(self, name: str, ast: nodes.Template) -> Iterator[Problem]:
        for variable in sorted(self._undeclared(ast)):
            line = next(n.lineno for n in ast.find_all(nodes.Name) if n.name == variable)
            message = f"variable '{variable}' {self._not_declared()}"
            yield Problem(self.display(name), line, 1, "", message, self._closest_variable(variable))

    def references(self, name: str, ast: nodes.Template) -> Iterator[Problem]:
        """Every literal ``ref("key")`` of template ``name`` names a key that can exist."""
        own = self.owners.get(name, ("", ()))[0]
        for call in ast.find_all(nodes.Call):
            literal = _ref_literal(call)
            if literal is None:
                continue
            key = own + literal if literal.startswith(".") else literal
            if key not in self.known:
                message = f"ref({literal!r}): no clause has the key '{key}'"
                yield Problem(
                    self.display(name), call.lineno, 1, "", message, closest(key, sorted(self.known))
                )

    def _undeclared(self, ast: nodes.Template) -> set[str]:
        declared = {*self.standard.manifest.variables, *self.env.globals}
        return set(meta.find_undeclared_variables(ast)) - declared

    def _not_declared(self) -> str:
        return f"is not declared in manifest.yaml variables ({', '.join(self.standard.manifest.variables)})"

    def _closest_variable(self, name: str) -> str:
        return closest(name, self.standard.manifest.variables)

    def _known_keys(self) -> frozenset[str]:
        """Static ids, outline keys, and the ids a loop can make from a catalog id (``{: #{{ id }}}``)."""
        groups = {key for key, _ in _outline_keys(self.standard)}
        catalog = self.standard.catalog
        ids = {*catalog.segments, *catalog.government_groups, *catalog.programs, *catalog.financing}
        made = {
            f"{clause}.{prefix}{id_}"
            for clause, dynamic in dynamic_ids.by_clause(self.standard).items()
            for prefix, _ in dynamic
            for id_ in ids
        }
        return self.standard.possible_keys | groups | made


def _owners(standard: Standard) -> Iterator[tuple[str, tuple[str, KeyPath]]]:
    """Template name -> (the key its content gets, where the manifest names it)."""
    manifest = standard.manifest
    yield template_name(manifest.menimbang), ("menimbang", ("menimbang",))
    for base, entries in _pasal_lists(standard):
        for n, entry in enumerate(entries):
            where: KeyPath = (*base, n) if isinstance(entry, str) else (*base, n, "file")
            yield template_name(entry), (clause_key(entry), where)
    for i, lamp in enumerate(manifest.lampiran):
        yield template_name(lamp.file), (f"lampiran.{lamp.key}", ("lampiran", i, "file"))


def _pasal_lists(standard: Standard) -> Iterator[tuple[KeyPath, list[ClauseRef | str]]]:
    """Every ``pasal:`` list of the outline with its key path."""
    for i, bab in enumerate(standard.manifest.body):
        yield ("body", i, "pasal"), bab.pasal
        for j, bagian in enumerate(bab.bagian):
            yield ("body", i, "bagian", j, "pasal"), bagian.pasal
            for k, paragraf in enumerate(bagian.paragraf):
                yield ("body", i, "bagian", j, "paragraf", k, "pasal"), paragraf.pasal


def _outline_keys(standard: Standard) -> Iterator[tuple[str, KeyPath]]:
    """Every node key the outline gives: BAB, Bagian, Paragraf, Pasal and lampiran keys."""
    for i, bab in enumerate(standard.manifest.body):
        yield bab.key, ("body", i, "key")
        for j, bagian in enumerate(bab.bagian):
            yield bagian.key, ("body", i, "bagian", j, "key")
            for k, paragraf in enumerate(bagian.paragraf):
                yield paragraf.key, ("body", i, "bagian", j, "paragraf", k, "key")
    for _name, (key, where) in _owners(standard):
        if key != "menimbang":
            yield key, where


def _whens(data: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    """``(key path, condition)`` of every ``when:`` in the manifest's data."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "when" and isinstance(value, str):
                yield (*path, key), value
            else:
                yield from _whens(value, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _whens(item, (*path, i))


def _ref_literal(call: nodes.Call) -> str | None:
    """The key of ``ref("key", ...)`` when it is a literal, else ``None``."""
    if not (isinstance(call.node, nodes.Name) and call.node.name == "ref" and call.args):
        return None
    first = call.args[0]
    return first.value if isinstance(first, nodes.Const) and isinstance(first.value, str) else None


def _legal_references(standard: Standard, manifest: Located, basis: Located) -> Iterator[Problem]:
    """Mengingat entries and amendment chains name entries of the legal-basis catalog."""
    known = sorted(standard.legal_basis)
    for i, entry in enumerate(standard.manifest.mengingat):
        item = entry if isinstance(entry, MengingatItem) else MengingatItem(ref=entry)
        if item.ref != "establishment" and item.ref not in standard.legal_basis:
            where: KeyPath = ("mengingat", i) if isinstance(entry, str) else ("mengingat", i, "ref")
            message = f"'{item.ref}' is not in legal_basis.yaml"
            yield manifest.problem(where, message, closest(item.ref, known))
    for law_id, law in standard.legal_basis.items():
        for j, amendment in enumerate(law.amended_by):
            if amendment not in standard.legal_basis:
                message = f"'{amendment}' is not in legal_basis.yaml"
                yield basis.problem((law_id, "amended_by", j), message, closest(amendment, known))
