"""Time the whole pipeline per region, stage by stage, and the CLI start-up.

Run from the repository root: ``python benchmarks/bench_pipeline.py [--runs N]``.
Prints the median milliseconds of each stage (load, render+build, number+punctuate+resolve+
check, DOCX export) per region, and of ``jamsostek-regs --help`` as a fresh process.
The standard itself is loaded once per process (as in a batch) and timed separately.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jamsostek_regs.build import build  # noqa: E402
from jamsostek_regs.passes import run  # noqa: E402
from jamsostek_regs.source.regions import load_region, region_ids  # noqa: E402
from jamsostek_regs.source.standard import load_standard  # noqa: E402
from jamsostek_regs.workspace import Workspace  # noqa: E402
from jamsostek_regs.writers import writer  # noqa: E402

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = fn()
    return value, (time.perf_counter() - start) * 1000


def bench_region(workspace: Workspace, region_id: str, runs: int) -> dict[str, float]:
    standard = load_standard(workspace.standard)
    render_docx = writer("docx")
    stages: dict[str, list[float]] = {"load": [], "build": [], "passes": [], "docx": [], "total": []}
    for _ in range(runs):
        loaded, t_load = timed(lambda: load_region(workspace.regions, region_id, standard))
        tree, t_build = timed(lambda: build(standard, loaded))  # noqa: B023
        draft, t_passes = timed(lambda: run(tree, standard.possible_keys))  # noqa: B023
        _, t_docx = timed(lambda: render_docx(draft))  # noqa: B023
        for name, value in zip(stages, (t_load, t_build, t_passes, t_docx), strict=False):
            stages[name].append(value)
        stages["total"].append(t_load + t_build + t_passes + t_docx)
    return {name: statistics.median(values) for name, values in stages.items()}


def bench_help(runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "jamsostek_regs", "--help"], capture_output=True, check=True, cwd=ROOT
        )
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    workspace = Workspace(ROOT)
    _, t_standard = timed(lambda: load_standard(workspace.standard))
    print(f"load standard (once per process): {t_standard:.1f} ms")
    header = ("region", "load", "build", "passes", "docx", "total")
    print(f"{header[0]:<20}" + "".join(f"{h:>8}" for h in header[1:]) + f"  (median ms, {args.runs} runs)")
    totals = []
    for region_id in region_ids(workspace.regions):
        m = bench_region(workspace, region_id, args.runs)
        totals.append(m["total"])
        print(f"{region_id:<20}" + "".join(f"{m[h]:8.1f}" for h in header[1:]))
    print(f"median pipeline per region: {statistics.median(totals):.1f} ms")
    print(f"jamsostek-regs --help (fresh process): {bench_help(10):.0f} ms")


if __name__ == "__main__":
    main()
