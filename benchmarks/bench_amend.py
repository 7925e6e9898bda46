"""Time ``amend`` and ``consolidate`` on a Perkada of more than 30 Pasal.

Usage: ``python benchmarks/bench_amend.py``; prints the median of 30 runs in milliseconds
(target: under 100 ms each). The enacted Perkada is Lombok Timur's under the 2025.1 standard
with its batang tubuh twice over (``bench_read.long_draft``: every key made unique, numbered
again: 42 Pasal); the new
draft is the same under the current standard, so Pasal I carries the revision twice over.

* amend: the amended text (merge), Pasal I, the Perubahan tree, its linting and its DOCX and
  text files, from the enacted snapshot and the new draft (both already built);
* consolidate: the enacted amendment applied with its marks, and its DOCX and text files.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_read import long_draft
from jamsostek_regs.amend import amendment
from jamsostek_regs.amend.consolidate import marked
from jamsostek_regs.amend.snapshot import Instrument, Snapshot
from jamsostek_regs.lint import lint
from jamsostek_regs.writers import writer

RUNS = 30
COPIES = 2


def median_ms(fn: Callable[[], object]) -> float:
    fn()  # warm up: imports and caches
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    enacted = long_draft(COPIES, "2025.1")
    new = long_draft(COPIES)
    original = Snapshot("lombok-timur", Instrument(5, 2025, "2025-03-01"), enacted, "region", "", "", "", "0")

    def amend() -> Snapshot:
        made = amendment([original], new)
        lint(made.draft)
        for fmt in ("docx", "txt"):
            writer(fmt)(made.draft)
        return replace(original, draft=made.merged.draft, amends="2025-5", changes=made.changed())

    enacted_amendment = replace(amend(), instrument=Instrument(2, 2026, "2026-02-01"))

    def consolidate() -> None:
        draft = marked([original, enacted_amendment])
        for fmt in ("docx", "txt"):
            writer(fmt)(draft)

    pasal = sum(1 for n in enacted.walk() if n.kind == "pasal")
    changes = len(amendment([original], new).changes)
    print(f"amend: {pasal} Pasal, {changes} changes, median {median_ms(amend):.1f} ms over {RUNS} runs")
    print(f"consolidate: median {median_ms(consolidate):.1f} ms over {RUNS} runs")


if __name__ == "__main__":
    main()
