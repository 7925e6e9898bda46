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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from jamsostek_regs.build import build
from jamsostek_regs.errors import InputError, JamsostekError
from jamsostek_regs.lint import LintError, check_or_raise, errors
from jamsostek_regs.model import Draft
from jamsostek_regs.passes import run
from jamsostek_regs.pipeline import Workspace
from jamsostek_regs.source import attachments
from jamsostek_regs.source.regions import load_region
from jamsostek_regs.source.standard import load_standard
from jamsostek_regs.writers import pdf, suffix, writer

T = TypeVar("T")

#: Placeholders every Rancangan keeps until it is enacted: its number, year and dates.
_ENACTMENT = re.compile(r"NOMOR \.\.\. TAHUN \.\.\.|TAHUN \.\.\. NOMOR \.\.\.|pada tanggal \.\.\.")
PLACEHOLDER = "..."
#: Words of context shown on each side of a placeholder in a warning.
CONTEXT_WORDS = 4


@dataclass(frozen=True, slots=True)
class Job:
    """What every region of a bundle is built with.

    Attributes:
        root: the workspace folder (holding ``regions/`` and ``templates/``).
        formats: output formats, ``docx`` first.
        pdf_profiles: folder for LibreOffice profiles, one per process; empty: no PDF.
        allow_lint_errors: bundle a draft even when the linter finds errors (``--no-lint``).
    """

    root: Path
    formats: tuple[str, ...]
    pdf_profiles: str = ""
    allow_lint_errors: bool = False


@dataclass(frozen=True, slots=True)
class Built:
    """One region's files and the facts the bundle manifest records about them.

    Attributes:
        inputs: (path in the workspace, sha256) of the region file and its attachments.
        outputs: (path in the bundle, bytes) of each output file, in format order.
        warnings: the linter's findings, then the placeholders left for the drafter.
        timings: CPU milliseconds of each stage: load, build, passes, lint, export.
        peak_rss_kb: peak resident memory of the building process so far.
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


@dataclass(frozen=True, slots=True)
class Failed:
    """A region that could not be built, with its errors."""

    region_id: str
    errors: tuple[str, ...]


def build_region(job: Job, region_id: str) -> Built | Failed:
    """Build every output of ``region_id``; problems of the region become :class:`Failed`."""
    try:
        return _build(job, region_id)
    except InputError as exc:
        return Failed(region_id, tuple(str(p) for p in exc.problems))
    except LintError as exc:
        return Failed(region_id, tuple(str(f) for f in errors(exc.findings)))
    except JamsostekError as exc:
        return Failed(region_id, (str(exc),))
    except Exception as exc:  # a bug met by one region must not stop a batch of hundreds
        return Failed(region_id, (f"internal error, please report it: {type(exc).__name__}: {exc}",))


def _build(job: Job, region_id: str) -> Built:
    workspace = Workspace(job.root)
    timings: dict[str, float] = {}
    standard = load_standard(workspace.standard)
    loaded = _timed(timings, "load", lambda: load_region(workspace.regions, region_id, standard))
    tree = _timed(timings, "build", lambda: build(standard, loaded))
    draft = _timed(timings, "passes", lambda: run(tree, standard.possible_keys))
    findings = _timed(timings, "lint", lambda: check_or_raise(draft, job.allow_lint_errors))
    outputs = _timed(timings, "export", lambda: _outputs(job, draft))
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
        warnings=(*(str(f) for f in findings), *gaps(draft)),
        timings=timings,
        peak_rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    )


def _timed(timings: dict[str, float], stage: str, fn: Callable[[], T]) -> T:
    """Run ``fn``, recording its CPU milliseconds (steady when other processes share the CPU)."""
    start = time.process_time()
    value = fn()
    timings[stage] = (time.process_time() - start) * 1000
    return value


def _outputs(job: Job, draft: Draft) -> tuple[tuple[str, bytes], ...]:
    region_id = draft.meta.region_id
    files = [(f"{region_id}/{region_id}{suffix(fmt)}", writer(fmt)(draft)) for fmt in job.formats]
    if job.pdf_profiles:
        files.insert(1, (f"{region_id}/{region_id}.pdf", pdf.convert(files[0][1], Path(job.pdf_profiles))))
    return tuple(files)


def _attached(workspace: Workspace, draft: Draft) -> list[tuple[str, str]]:
    """(path in the workspace, sha256) of each attached document, which lies in ``regions/``
    (wherever that folder really is: it may be a link out of the workspace)."""
    regions = workspace.regions.resolve()
    return [
        (f"regions/{path.relative_to(regions).as_posix()}", hashlib.sha256(path.read_bytes()).hexdigest())
        for _text, path in attachments.files(draft)
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
