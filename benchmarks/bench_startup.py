"""Time the main job in a fresh process: ``jamsostek-regs assemble lombok-timur`` (DOCX).

Run from the repository root: ``python benchmarks/bench_startup.py [--runs N] [--region ID]``.
Each run starts a new interpreter, as a user's command does, and writes the DOCX into a
temporary folder; the benchmark reports the median wall time (target: under 250 ms on this
2-core machine) and the median CPU time of the process (user + system, which unlike the wall
time does not grow when other programs share the CPU), and, for comparison, the same for
``python -c pass`` (the interpreter alone) and ``jamsostek-regs --help``.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 250


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU milliseconds of one run of ``command`` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


def medians(command: list[str], runs: int) -> tuple[float, float]:
    timed(command)  # warm the file system cache
    results = [timed(command) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--region", default="lombok-timur")
    args = parser.parse_args()
    cli = [sys.executable, "-m", "jamsostek_regs"]
    with tempfile.TemporaryDirectory() as out:
        assemble = [*cli, "assemble", args.region, "-o", out, "--force", "-q"]
        rows = {
            "python -c pass": medians([sys.executable, "-c", "pass"], args.runs),
            "jamsostek-regs --help": medians([*cli, "--help"], args.runs),
            f"jamsostek-regs assemble {args.region}": medians(assemble, args.runs),
        }
    print(f"medians of {args.runs} runs, fresh process each (milliseconds)")
    for name, (wall, cpu) in rows.items():
        print(f"  {name:<40} wall {wall:6.0f}   cpu {cpu:6.0f}")
    wall = rows[f"jamsostek-regs assemble {args.region}"][0]
    verdict = "meets" if wall < TARGET_MS else "MISSES"
    print(f"assemble: {wall:.0f} ms wall, {verdict} the {TARGET_MS} ms target")


if __name__ == "__main__":
    main()
