"""Time the whole pipeline per region, stage by stage, and the CLI start-up.

Run from the repository root: ``python benchmarks/bench_pipeline.py [--runs N]``.

Runs :func:`jamsostek_regs.pipeline.produce` (the same stages the CLI and the bundle workers
run: load, build, passes, lint, write) with a wall-clock timer, and prints the median
milliseconds of each stage per region (write: the DOCX), and of ``jamsostek-regs --help`` as
a fresh process. The standard is loaded once per process (as in a batch) and timed separately.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jamsostek_regs.pipeline import STAGES, produce  # noqa: E402
from jamsostek_regs.source.regions import region_ids  # noqa: E402
from jamsostek_regs.source.standard import load_standard  # noqa: E402
from jamsostek_regs.workspace import Workspace  # noqa: E402

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = fn()
    return value, (time.perf_counter() - start) * 1000


def bench_region(workspace: Workspace, region_id: str, runs: int) -> dict[str, float]:
    stages: dict[str, list[float]] = {name: [] for name in (*STAGES, "total", "no-lint")}
    for _ in range(runs):
        run: dict[str, float] = {}

        @contextmanager
        def wall(stage: str, run: dict[str, float] = run) -> Iterator[None]:
            start = time.perf_counter()
            yield
            run[stage] = (time.perf_counter() - start) * 1000

        produce(workspace, region_id, ("docx",), wall)
        for name in STAGES:
            stages[name].append(run[name])
        stages["total"].append(sum(run.values()))
        stages["no-lint"].append(sum(run.values()) - run["lint"])
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
    header = ("region", *STAGES, "total", "no-lint")
    print(f"{header[0]:<20}" + "".join(f"{h:>8}" for h in header[1:]) + f"  (median ms, {args.runs} runs)")
    totals = []
    for region_id in region_ids(workspace.regions):
        m = bench_region(workspace, region_id, args.runs)
        print(f"{region_id:<20}" + "".join(f"{m[h]:8.1f}" for h in header[1:]))
        totals.append(m["no-lint"])
    print(
        f"median pipeline per region without lint (as measured before lint joined it): "
        f"{statistics.median(totals):.1f} ms"
    )
    print(f"jamsostek-regs --help (fresh process): {bench_help(10):.0f} ms")


if __name__ == "__main__":
    main()
