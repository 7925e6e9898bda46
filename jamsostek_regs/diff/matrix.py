"""The N-region matrix: every clause down, every region across, each cell how the region's
clause differs from the standard's (the pseudo-region ``standard``).

Cells: ``same``; ``parameter`` (region values only); ``optional-in`` / ``optional-out`` (a
conditional clause, ayat or rincian the region has and the standard leaves out, or the other
way round); ``wording`` (the region overrides the clause, or replaces or removes a node of it);
``added`` (a Pasal, BAB, Bagian, lampiran or a node inside a clause of the region's own);
``absent`` (neither the region nor the standard has the clause). When a clause has several
kinds of change the cell shows the first of: wording, added, optional-out, optional-in,
parameter. Renumbering alone is ``same``.

Regions are diffed in worker processes when there are many; each worker assembles the
standard once. A column need not be a region: the caller may give the function that turns a
name into a diff side (the application layer's also takes a DOCX file).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jamsostek_regs.bundle import gc as batch
from jamsostek_regs.bundle import pool
from jamsostek_regs.diff import report_html
from jamsostek_regs.diff.changes import Clause, Report
from jamsostek_regs.diff.compare import Side, compare, side
from jamsostek_regs.workspace import STANDARD_REGION, Workspace

CELLS = ("same", "parameter", "optional-in", "optional-out", "wording", "added", "absent")
#: Cells that count as a difference from the standard (in the summary row and column).
CHANGED = frozenset({"parameter", "optional-in", "optional-out", "wording", "added"})
_RANK = ("wording", "added", "optional-out", "optional-in", "parameter")
#: Below this many regions the matrix is computed in this process.
PARALLEL_FROM = 16


@dataclass(frozen=True, slots=True)
class Row:
    """One clause: its key, how a reader names it, and one cell per region."""

    key: str
    label: str
    cells: tuple[str, ...]

    @property
    def changed(self) -> int:
        """How many regions differ from the standard in this clause."""
        return sum(cell in CHANGED for cell in self.cells)


@dataclass(frozen=True, slots=True)
class Matrix:
    """Clauses down, regions across."""

    regions: tuple[str, ...]
    rows: tuple[Row, ...]
    #: For each region, the standard version its region file says its own texts were written
    #: against (its ``standard`` field; ``""`` when it does not say, or for a DOCX column).
    versions: tuple[str, ...] = ()

    def changed(self) -> tuple[int, ...]:
        """For each region, how many of its clauses differ from the standard."""
        return tuple(sum(row.cells[i] in CHANGED for row in self.rows) for i in range(len(self.regions)))


#: What one region contributes: its clauses in order (key, label) and the cell of each.
Column = tuple[tuple[tuple[str, str], ...], dict[str, str]]
#: The work of one worker: a region's column, its diff page ("" without pages) and the standard
#: version its region file records.
Done = tuple[Column, str, str]


def column(report: Report) -> Column:
    """The clauses of a region-against-standard report, and the cell of each."""
    order = tuple((c.key, _label(c, report)) for c in report.clauses)
    return order, {c.key: cell(c) for c in report.clauses}


def cell(clause: Clause) -> str:
    """The matrix cell of one clause of a standard (A) against region (B) report."""
    if clause.a is None:
        return "added" if any(c.kind == "added" for c in clause.changes) else "optional-in"
    if clause.b is None:
        return "wording" if any(c.kind == "wording" for c in clause.changes) else "optional-out"
    kinds = set()
    for change in clause.changes:
        if change.kind == "optional":
            kinds.add("optional-in" if change.a is None else "optional-out")
        elif change.kind == "removed":  # a node a document dropped from a clause it kept
            kinds.add("wording")
        elif change.kind != "renumbered":
            kinds.add(change.kind)
    return next((kind for kind in _RANK if kind in kinds), "same")


def _label(clause: Clause, report: Report) -> str:
    """The standard's name of the clause, or the region's (naming the region) when only it has
    one; with its topic ("Pasal 8 — Kepesertaan") when it stands in a BAB or Bagian."""
    topic = report.topics.get(clause.key, "")
    if clause.a is not None:
        name = clause.a.address
    else:
        assert clause.b is not None
        name = f"{clause.b.address} ({report.b.id})"
    return f"{name} — {topic}" if topic else name


#: Name -> the side of a diff it names (a module-level function: it goes to worker processes).
SideOf = Callable[[Workspace, str], Side]


def build(
    workspace: Workspace,
    regions: Sequence[str],
    jobs: int = 0,
    pages: bool = False,
    progress: Callable[[str], None] = lambda _region: None,
    side: SideOf = side,
) -> tuple[Matrix, dict[str, str]]:
    """The matrix of ``regions``; with ``pages``, each region's HTML diff against the standard.

    ``progress`` hears of each region as its column is done (in region order); ``side`` turns a
    column's name into its side of the diff (default: a region's).
    """
    work = functools.partial(_column, workspace.root, pages, side)
    if len(regions) < PARALLEL_FROM or jobs == 1:
        with batch.in_process():
            results = [_done(work(region), region, progress) for region in regions]
    else:
        processes = jobs or os.cpu_count() or 1
        chunks = max(1, len(regions) // (processes * 8))
        with pool.executor(processes, "spawn") as workers:
            done = workers.map(work, regions, chunksize=chunks)
            results = [_done(result, region, progress) for result, region in zip(done, regions, strict=True)]
    matrix = assemble(regions, [col for col, _, _ in results], [version for _, _, version in results])
    return matrix, {region: page for region, (_, page, _) in zip(regions, results, strict=True) if page}


def _done(result: Done, region: str, progress: Callable[[str], None]) -> Done:
    progress(region)
    return result


def assemble(regions: Sequence[str], columns: Iterable[Column], versions: Sequence[str] = ()) -> Matrix:
    """The matrix from each region's column (and the standard version each region file
    records); clause rows in the order the drafts have them."""
    order: dict[str, str] = {}
    cells: list[dict[str, str]] = []
    for clauses, by_key in columns:
        _insert(order, clauses)
        cells.append(by_key)
    rows = tuple(
        Row(key, label, tuple(by_key.get(key, "absent") for by_key in cells)) for key, label in order.items()
    )
    return Matrix(tuple(regions), rows, tuple(versions))


def _insert(order: dict[str, str], clauses: tuple[tuple[str, str], ...]) -> None:
    """Add the clauses ``order`` lacks, each after the clause that precedes it here."""
    keys = list(order)
    where = 0
    for key, label in clauses:
        if key in order:
            where = keys.index(key) + 1
            continue
        keys.insert(where, key)
        order[key] = label
        where += 1
    reordered = {key: order[key] for key in keys}
    order.clear()
    order.update(reordered)


@functools.cache
def _standard(root: Path) -> Side:
    return side(Workspace(root), STANDARD_REGION)


def _column(root: Path, pages: bool, side_of: SideOf, region: str) -> Done:
    """One region's column, its diff page and recorded standard version: the work of one worker."""
    theirs = side_of(Workspace(root), region)
    report = compare(_standard(root), theirs)
    version = str(theirs.region.data.get("standard") or "")
    return column(report), report_html.render(report) if pages else "", version
