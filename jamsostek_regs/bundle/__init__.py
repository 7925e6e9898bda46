"""Bundles: the drafts of many regions in one reproducible zip, built in parallel processes.

:func:`export` builds every region with :func:`worker.build_region` (in ``jobs`` processes,
each loading the standard once), writes the good ones into the zip in region id order as
they arrive (:mod:`archive`), and collects the failures instead of stopping at the first.
Nothing here prints or writes files: the CLI shows progress and writes the bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import resource
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from jamsostek_regs.bundle import gc as batch
from jamsostek_regs.bundle import pool
from jamsostek_regs.bundle.archive import Archive, Summary
from jamsostek_regs.bundle.worker import Built, Deviations, Failed, Job, build_region
from jamsostek_regs.pipeline import STAGES
from jamsostek_regs.writers import FORMATS, ordered, pdf

#: Results a worker sends back at once, per job: enough to keep the progress bar moving.
CHUNKS_PER_JOB = 16


@dataclass(frozen=True, slots=True)
class Result:
    """A written bundle and how it went.

    Attributes:
        data: the zip's bytes.
        regions: ids of the regions in the bundle.
        failed: the regions that could not be built, with their errors.
        timings: per stage (:data:`STAGES`), the CPU milliseconds of each region.
        zip_ms: milliseconds spent writing the zip.
        peak_rss_kb: the largest peak resident memory of any process that built a region.
        file_warnings: (region id, message) of what a reader of a file should know (a PDF set
            in a substituted font), in region order.
    """

    data: bytes
    regions: tuple[str, ...]
    failed: tuple[Failed, ...]
    timings: dict[str, list[float]]
    zip_ms: float
    peak_rss_kb: int
    file_warnings: tuple[tuple[str, str], ...] = ()


def export(
    root: Path,
    region_ids: Sequence[str],
    formats: Sequence[str] = (),
    *,
    jobs: int = 1,
    date: dt.date | None = None,
    allow_lint_errors: bool = False,
    standard_version: str | None = None,
    progress: Callable[[str], None] = lambda _id: None,
    deviations: Deviations | None = None,
) -> Result:
    """Build the bundle of ``region_ids``: the DOCX, plus the other ``formats`` (registry names).

    ``progress`` is called with each region id once it is done. ``date`` is the bundle date;
    without it the newest ``draft.date`` of the regions is used, and without that none. A
    draft the linter finds errors in fails, unless ``allow_lint_errors``. ``standard_version``
    drafts with that version of the standard (``None``: the current one). ``deviations``
    counts each region's changes against the standard for the summary sheet (see :class:`Job`).

    Raises:
        PdfUnavailableError: a format needs LibreOffice, which is not installed.
    """
    job = Job(root, ordered(("docx", *formats)), allow_lint_errors, standard_version, deviations)
    if any(FORMATS[name].needs_libreoffice for name in job.formats):
        pdf.require()
    archive, built, failed = Archive(), [], []
    zip_ms = 0.0
    for result in _results(job, sorted(set(region_ids)), jobs):
        progress(result.region_id)
        if isinstance(result, Failed):
            failed.append(result)
            continue
        start = time.perf_counter()
        archive.add(result)
        zip_ms += (time.perf_counter() - start) * 1000
        built.append(replace(result, outputs=()))  # the zip holds the bytes now
    bundle_date, source = _date(date, built)
    summary = Summary(job.formats, bundle_date, source, tuple(failed))
    start = time.perf_counter()
    data = archive.finish(summary)
    return Result(
        data=data,
        regions=tuple(b.region_id for b in built),
        failed=tuple(failed),
        timings={stage: [b.timings[stage] for b in built] for stage in STAGES},
        zip_ms=zip_ms + (time.perf_counter() - start) * 1000,
        peak_rss_kb=max(
            [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, *(b.peak_rss_kb for b in built)]
        ),
        file_warnings=tuple((b.region_id, note) for b in built for note in b.file_warnings),
    )


def _results(job: Job, region_ids: list[str], jobs: int) -> Iterator[Built | Failed]:
    """Each region's result, in the order of ``region_ids``."""
    task = functools.partial(build_region, job)
    workers = min(jobs, len(region_ids))
    if workers <= 1:
        with batch.in_process():
            yield from map(task, region_ids)
        return
    chunk = max(1, len(region_ids) // (workers * CHUNKS_PER_JOB))
    with pool.executor(workers) as processes:
        yield from processes.map(task, region_ids, chunksize=chunk)


def _date(date: dt.date | None, built: Sequence[Built]) -> tuple[str, str]:
    """The bundle date and where it comes from: ``--date``, the newest draft date, or none."""
    if date is not None:
        return date.isoformat(), "--date"
    dates = [b.draft_date for b in built if b.draft_date]
    return (max(dates), "draft.date") if dates else ("", "")
