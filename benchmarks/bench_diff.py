"""Time the diff of two assembled drafts and the matrix over 552 synthetic regions.

Run from the repository root: ``python benchmarks/bench_diff.py [--regions 552] [--jobs 2]``.

1. Two-region diff: lombok-timur and rejang-lebong are assembled once; the median time of
   :func:`jamsostek_regs.diff.compare.compare` (alignment and classification) and of the text
   report is printed. Target: under 50 ms.
2. Matrix: ``--regions`` seeded synthetic region files (``benchmarks/synthetic.py``: provinsi,
   kabupaten and kota in Indonesia's proportions, each with a random valid choice of the
   standard's options) are written into a temporary workspace on the shipped standard, then
   the whole matrix is computed with ``--jobs`` worker processes (assembly included).
   Target: under 30 s on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import make_workspace  # noqa: E402

from jamsostek_regs.diff import matrix, report_text  # noqa: E402
from jamsostek_regs.diff.compare import compare, side  # noqa: E402
from jamsostek_regs.workspace import Workspace  # noqa: E402


def bench_pair(runs: int) -> tuple[float, float]:
    """Median milliseconds of one compare and of one text report."""
    workspace = Workspace(ROOT)
    a, b = side(workspace, "lombok-timur"), side(workspace, "rejang-lebong")
    diffs, texts = [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = compare(a, b)
        middle = time.perf_counter()
        report_text.render(result)
        diffs.append((middle - start) * 1000)
        texts.append((time.perf_counter() - middle) * 1000)
    return statistics.median(diffs), statistics.median(texts)


def bench_matrix(count: int, jobs: int) -> tuple[float, int]:
    """Seconds for the matrix of ``count`` synthetic regions, and its number of rows."""
    with tempfile.TemporaryDirectory() as tmp:
        ids = make_workspace(Path(tmp), count)
        start = time.perf_counter()
        result, _ = matrix.build(Workspace(Path(tmp)), ids, jobs=jobs)
        return time.perf_counter() - start, len(result.rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="runs of the two-region diff")
    parser.add_argument("--regions", type=int, default=552, help="synthetic regions in the matrix")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the matrix")
    args = parser.parse_args()
    diff_ms, text_ms = bench_pair(args.runs)
    print(f"diff lombok-timur -> rejang-lebong: {diff_ms:.1f} ms (median of {args.runs}; target < 50 ms)")
    print(f"  text report of it: {text_ms:.1f} ms")
    seconds, rows = bench_matrix(args.regions, args.jobs)
    where = f"{args.regions} synthetic regions, {args.jobs} processes"
    print(f"matrix of {where}: {seconds:.1f} s ({rows} clauses; target < 30 s)")


if __name__ == "__main__":
    main()
