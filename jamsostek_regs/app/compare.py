"""Use cases that compare drafts: two of them clause by clause, or many against the standard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jamsostek_regs.app import documents
from jamsostek_regs.diff import matrix as matrix_module
from jamsostek_regs.diff import redline, report_html, report_json, report_matrix, report_md, report_text
from jamsostek_regs.diff.changes import Report
from jamsostek_regs.diff.compare import compare
from jamsostek_regs.errors import UsageError
from jamsostek_regs.workspace import Workspace

#: Tracked changes are by this author unless the request or B's ``draft.author`` says otherwise.
AUTHOR = "jamsostek-regs"


@dataclass(frozen=True, slots=True)
class Compared:
    """A diff: the report (``report.equal`` says whether the drafts say the same) and its bytes."""

    report: Report
    data: bytes


def diff(
    workspace: Workspace,
    a: str,
    b: str,
    fmt: str,
    *,
    color: bool = False,
    author: str | None = None,
    date: dt.date | None = None,
) -> Compared:
    """Compare the drafts of ``a`` and ``b`` (region ids, ``standard``, or DOCX files) in report
    format ``fmt``.

    Either may name a version of the standard, ``lahat@2025.1``: that side is drafted with it
    (see :meth:`Workspace.of`), so a region can be diffed across versions. A DOCX side is read
    and compared as :mod:`.documents` says: what was changed in it is its own wording.

    For ``docx``, the tracked changes are by ``author`` (default: B's ``draft.author``, else
    :data:`AUTHOR`) and dated ``date`` (default: B's ``draft.date``; none without one).
    """
    left, right = documents.sides(workspace, a, b)
    report = compare(left, right)
    if fmt == "docx":
        meta = right.draft.meta
        when = date.isoformat() if date else meta.date
        by = author or meta.author or AUTHOR
        return Compared(report, redline.render(left.draft, right.draft, by, when))
    return Compared(report, _render(report, fmt, color).encode())


def _render(report: Report, fmt: str, color: bool) -> str:
    if fmt == "md":
        return report_md.render(report)
    if fmt == "html":
        return report_html.render(report)
    if fmt == "json":
        return report_json.render(report)
    return report_text.render(report, color=color)


#: Called with each region id as its column of the matrix is done.
Progress = Callable[[str], None]


def _silent(_region_id: str) -> None:
    """The progress callback that says nothing."""


@dataclass(frozen=True, slots=True)
class MatrixPages:
    """The HTML matrix: file name -> page (``matrix.html`` and each region's diff page)."""

    files: dict[str, bytes]


def matrix_csv(
    workspace: Workspace, region_ids: Sequence[str], jobs: int = 0, progress: Progress = _silent
) -> str:
    """The matrix of ``region_ids`` (a DOCX file may stand for a region) against the standard, as
    CSV; ``progress`` hears of each region as it is done."""
    _current_standard_only(workspace)
    result, _pages = matrix_module.build(
        workspace, region_ids, jobs, pages=False, progress=progress, side=documents.side
    )
    return report_matrix.render_csv(result)


def matrix(
    workspace: Workspace, region_ids: Sequence[str], jobs: int = 0, progress: Progress = _silent
) -> MatrixPages:
    """The matrix of ``region_ids`` as HTML, with each region's diff against the standard.

    Raises:
        UsageError: two DOCX columns have the same file name (their pages would have too).
    """
    _current_standard_only(workspace)
    pages_of = [report_matrix.page(region) for region in region_ids]
    twice = sorted({p for p in pages_of if pages_of.count(p) > 1})
    if twice:
        raise UsageError(f"two columns would write the same page {twice[0]}: rename one of the DOCX files")
    result, pages = matrix_module.build(
        workspace, region_ids, jobs, pages=True, progress=progress, side=documents.side
    )
    return MatrixPages(report_matrix.files(result, pages, "Daerah dibandingkan dengan standar"))


def _current_standard_only(workspace: Workspace) -> None:
    """The matrix is drawn against the current standard; a version asked for is refused, not ignored."""
    if workspace.version is not None:
        raise UsageError("the matrix compares regions with the current standard: leave out --standard")
