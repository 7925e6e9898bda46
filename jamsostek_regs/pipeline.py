"""The pipeline, as named stages: load -> build -> passes -> lint -> write.

* **load**: the standard and one validated region file;
* **build**: the region's values rendered into the standard's clauses, an unnumbered tree;
* **passes**: number, punctuate, resolve references, check (:mod:`jamsostek_regs.passes`);
* **lint**: the drafting-technique rules (:mod:`jamsostek_regs.lint`);
* **write**: the bytes of each output format asked for (:mod:`jamsostek_regs.writers`).

:func:`produce` runs all five for one region and is what the application layer and the
bundle workers call; a ``timer`` sees each stage by name (the bundle records CPU time per
stage through it, the benchmarks wall time). :func:`assemble` stops after the passes, for
the diff and the tests. :func:`refuse_lint_errors` is the one place that decides that a
draft with linter errors is not written. Nothing here writes files or prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

from jamsostek_regs.build import build
from jamsostek_regs.errors import LintError
from jamsostek_regs.lint import Finding, errors, lint
from jamsostek_regs.model import Draft
from jamsostek_regs.passes import run
from jamsostek_regs.source.regions import LoadedRegion, load_region, load_region_file
from jamsostek_regs.source.standard import Standard, standard_of
from jamsostek_regs.workspace import DEFAULTS, STANDARD_REGION, Workspace
from jamsostek_regs.writers import suffix, writer
from jamsostek_regs.writers import warnings as file_warnings

#: The stages of :func:`produce`, in order.
STAGES = ("load", "build", "passes", "lint", "write")

#: Called with a stage name; the stage runs inside the context it returns.
Timer = Callable[[str], AbstractContextManager[None]]


@contextmanager
def untimed(_stage: str) -> Iterator[None]:
    """The timer that records nothing."""
    yield


@dataclass(frozen=True, slots=True)
class Produced:
    """One region through every stage.

    Attributes:
        loaded: the region file as loaded (its path and hash).
        draft: the finished draft.
        findings: the linter's findings, errors included (see :func:`refuse_lint_errors`).
        files: output file name (``<region><suffix>``) -> bytes, in the order asked for.
        warnings: what a reader of the files should know ("file: message"; a PDF set in a
            substituted font).
    """

    loaded: LoadedRegion
    draft: Draft
    findings: list[Finding]
    files: dict[str, bytes]
    warnings: tuple[str, ...] = ()


def load(workspace: Workspace, region_id: str) -> tuple[Standard, LoadedRegion]:
    """Stage load: the standard and one validated region (``standard``: the standard's defaults)."""
    standard = standard_of(workspace)
    if region_id == STANDARD_REGION:
        display = f"templates/{workspace.standard.name}/{DEFAULTS}"
        return standard, load_region_file(workspace.standard / DEFAULTS, region_id, display, standard)
    return standard, load_region(workspace.regions, region_id, standard)


def finish(standard: Standard, loaded: LoadedRegion, timer: Timer = untimed) -> Draft:
    """Stages build and passes: the finished draft of a region already loaded."""
    with timer("build"):
        tree = build(standard, loaded)
    with timer("passes"):
        return run(tree, standard.possible_keys)


def assemble(workspace: Workspace, region_id: str) -> Draft:
    """The finished draft of ``region_id``: built, numbered, punctuated, resolved, checked."""
    return finish(*load(workspace, region_id))


def write(draft: Draft, formats: Sequence[str]) -> dict[str, bytes]:
    """Stage write: file name -> bytes of ``draft`` in each format (registry names)."""
    region_id = draft.meta.region_id
    return {f"{region_id}{suffix(fmt)}": writer(fmt)(draft) for fmt in formats}


def produce(workspace: Workspace, region_id: str, formats: Sequence[str], timer: Timer = untimed) -> Produced:
    """Every stage for ``region_id``; the files are made whatever the linter found."""
    with timer("load"):
        standard, loaded = load(workspace, region_id)
    draft = finish(standard, loaded, timer)
    with timer("lint"):
        findings = lint(draft)
    with timer("write"):
        files = write(draft, formats)
        notes = tuple(
            f"{name}: {note}"
            for fmt, (name, data) in zip(formats, files.items(), strict=True)
            for note in file_warnings(fmt, data)
        )
    return Produced(loaded, draft, findings, files, notes)


def refuse_lint_errors(findings: Mapping[str, list[Finding]], allow_errors: bool) -> None:
    """Raise :class:`LintError` (region id -> findings) when a draft has linter errors.

    ``allow_errors`` (the CLI's ``--no-lint``) lets such drafts be written anyway.
    """
    if not allow_errors and any(errors(f) for f in findings.values()):
        raise LintError(dict(findings))
