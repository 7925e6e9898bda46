"""Build one region's files for a bundle; runs in a worker process (or in the caller's).

:func:`build_region` never raises for a problem of the region: it returns :class:`Failed`
with the errors as the CLI prints them (``file:line:column: key: message``), so one broken
region file does not stop a batch (nor does an unexpected error, reported as such). The
standard is loaded once per process (:func:`jamsostek_regs.source.standard.load_standard` is
cached), and so is the DOCX reference.
"""

from __future__ import annotations

import hashlib
import re
import resource
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from jamsostek_regs.errors import InputError, JamsostekError, LintError
from jamsostek_regs.lint import todo_report
from jamsostek_regs.lint.todo import Sources
from jamsostek_regs.lint.todo_report import Checklist
from jamsostek_regs.model import Draft
from jamsostek_regs.pipeline import produce, refuse_lint_errors
from jamsostek_regs.source.regions import LoadedRegion
from jamsostek_regs.source.standard import standard_of
from jamsostek_regs.workspace import Workspace
from jamsostek_regs.writers.fonts import css_stack

#: Placeholders every Rancangan keeps until it is enacted: its number, year and dates.
_ENACTMENT = re.compile(r"NOMOR \.\.\. TAHUN \.\.\.|TAHUN \.\.\. NOMOR \.\.\.|pada tanggal \.\.\.")
PLACEHOLDER = "..."
#: The fill-in checklist's page in each region's folder (see :mod:`jamsostek_regs.lint.todo`).
CHECKLIST = "daftar-isian.html"
#: Words of context shown on each side of a placeholder in a warning.
CONTEXT_WORDS = 4


#: Counts the changes of each class between the standard's draft and a region's draft.
Deviations = Callable[[Workspace, LoadedRegion, Draft], dict[str, int]]


@dataclass(frozen=True, slots=True)
class Job:
    """What every region of a bundle is built with.

    Attributes:
        root: the workspace folder (holding ``regions/`` and ``templates/``).
        formats: output formats (registry names), in registry order.
        allow_lint_errors: bundle a draft even when the linter finds errors (``--no-lint``).
        standard_version: the version of the standard to draft with (``None``: the current one).
        deviations: how a region's draft differs from the standard, by class, for the summary
            sheet (given by the application layer, which may import the diff; a module-level
            function, so that it reaches worker processes); ``None``: not counted.
    """

    root: Path
    formats: tuple[str, ...]
    allow_lint_errors: bool = False
    standard_version: str | None = None
    deviations: Deviations | None = None


@dataclass(frozen=True, slots=True)
class Built:
    """One region's files and the facts the bundle manifest records about them.

    Attributes:
        inputs: (path in the workspace, sha256) of the region file and its attachments.
        outputs: (path in the bundle, bytes) of each output file, in format order.
        warnings: the linter's findings, what a reader of the files should know (a PDF set in a
            substituted font), then the placeholders left for the drafter.
        timings: CPU milliseconds of each stage of :data:`jamsostek_regs.pipeline.STAGES`.
        peak_rss_kb: peak resident memory of the building process so far.
        blanks: how many "..." the draft still holds (listed in its ``daftar-isian.html``).
        lint_counts: how many linter findings of each severity ("error", "warning").
        file_warnings: what a reader of its files should know (also among ``warnings``).
        segments: the segments the region covers; financing: its sources of iuran financing.
        deviations: how its draft differs from the standard, by class (see :class:`Job`).
        written_against: the standard version the region file says its own texts were written
            against (its ``standard`` field; ``""`` when it does not say).
    """

    region_id: str
    level: str
    name: str
    standard_id: str
    standard_version: str
    draft_date: str
    inputs: tuple[tuple[str, str], ...]
    outputs: tuple[tuple[str, bytes], ...]
    warnings: tuple[str, ...]
    timings: dict[str, float]
    peak_rss_kb: int
    blanks: int = 0
    lint_counts: tuple[tuple[str, int], ...] = ()
    file_warnings: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    written_against: str = ""
    financing: tuple[str, ...] = ()
    deviations: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Failed:
    """A region that could not be built, with its errors.

    Attributes:
        kind: why: its input is invalid, its draft has linter errors, or an internal error.
    """

    region_id: str
    errors: tuple[str, ...]
    kind: Literal["input", "lint", "internal"] = "input"


def build_region(job: Job, region_id: str) -> Built | Failed:
    """Build every output of ``region_id``; problems of the region become :class:`Failed`."""
    try:
        return _build(job, region_id)
    except InputError as exc:
        return Failed(region_id, tuple(str(p) for p in exc.problems))
    except LintError as exc:
        found = exc.findings[region_id]
        return Failed(region_id, tuple(str(f) for f in found if f.severity == "error"), "lint")
    except JamsostekError as exc:
        return Failed(region_id, (str(exc),))
    except Exception as exc:  # a bug met by one region must not stop a batch of hundreds
        message = f"internal error, please report it: {type(exc).__name__}: {exc}"
        return Failed(region_id, (message,), "internal")


def _build(job: Job, region_id: str) -> Built:
    timings: dict[str, float] = {}
    workspace = Workspace(job.root, job.standard_version)
    produced = produce(workspace, region_id, job.formats, _cpu_timer(timings))
    findings, draft, loaded = produced.findings, produced.draft, produced.loaded
    refuse_lint_errors({region_id: findings}, job.allow_lint_errors)
    checklist = Checklist.of(draft, Sources.of(loaded, standard_of(workspace)))
    page = (f"{region_id}/{CHECKLIST}", todo_report.html(checklist, css_stack()).encode())
    outputs = (*((f"{region_id}/{name}", data) for name, data in produced.files.items()), page)
    meta = draft.meta
    return Built(
        region_id=region_id,
        level=meta.level,
        name=meta.region_name,
        standard_id=meta.standard_id,
        standard_version=meta.standard_version,
        draft_date=meta.date,
        inputs=((f"regions/{loaded.path.name}", loaded.sha256), *_attached(workspace, draft)),
        outputs=outputs,
        warnings=(*(str(f) for f in findings), *produced.warnings, *gaps(draft)),
        timings=timings,
        peak_rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        blanks=len(checklist.blanks),
        lint_counts=tuple(Counter(f.severity for f in findings).most_common()),
        file_warnings=produced.warnings,
        segments=tuple(loaded.region.segments),
        written_against=loaded.region.standard or "",
        financing=tuple(f.source or "" for f in loaded.region.financing),
        deviations=tuple(job.deviations(workspace, loaded, draft).items()) if job.deviations else (),
    )


def _cpu_timer(timings: dict[str, float]) -> Callable[[str], AbstractContextManager[None]]:
    """A pipeline timer recording each stage's CPU milliseconds (steady when the CPU is shared)."""

    @contextmanager
    def timed(stage: str) -> Iterator[None]:
        start = time.process_time()
        yield
        timings[stage] = (time.process_time() - start) * 1000

    return timed


def _attached(workspace: Workspace, draft: Draft) -> list[tuple[str, str]]:
    """(path in the workspace, sha256) of each attached document, which lies in ``regions/``
    (wherever that folder really is: it may be a link out of the workspace)."""
    regions = workspace.regions.resolve()
    return [
        (f"regions/{a.path.relative_to(regions).as_posix()}", hashlib.sha256(a.path.read_bytes()).hexdigest())
        for a in draft.meta.attachments
    ]


def gaps(draft: Draft) -> tuple[str, ...]:
    """A warning for each paragraph that still holds a "..." for the drafter to fill in.

    The number, year and dates of the regulation are left out: every Rancangan has them.
    """
    out = []
    for node in draft.walk():
        text = _ENACTMENT.sub("", node.plain()) if node.text else ""
        at = text.find(PLACEHOLDER)
        if at >= 0:
            excerpt = _words_around(text, at, at + len(PLACEHOLDER))
            out.append(f"{node.key}: '{PLACEHOLDER}' to be filled in by the drafter: \"{excerpt}\"")
    return tuple(out)


_BEFORE = re.compile(rf"(?:\S+\s+){{0,{CONTEXT_WORDS}}}$")
_AFTER = re.compile(rf"\S*(?:\s+\S+){{0,{CONTEXT_WORDS}}}")


def _words_around(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with up to :data:`CONTEXT_WORDS` words on each side."""
    before = _BEFORE.search(text[:start])
    after = _AFTER.match(text, end)
    return text[before.start() if before else start : after.end() if after else end]
