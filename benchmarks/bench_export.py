"""Time ``jamsostek-regs export --all`` on 552 synthetic regions (DOCX only, 2 jobs).

Run from the repository root: ``python benchmarks/bench_export.py [--count N] [--jobs N]
[--runs N]``. It writes seeded synthetic region files (``benchmarks/synthetic.py``) into a
temporary workspace, then:

1. runs the command as a user does, in a fresh process, and reports the median wall time of
   ``--runs`` runs (target: under 10 s for 552 regions with 2 jobs) and the CPU time of all
   its processes (which, unlike the wall time, does not grow when other programs share the
   CPU);
2. runs the same export in this process through :func:`jamsostek_regs.bundle.export` and
   reports the median CPU milliseconds per region of each stage (load, render and build,
   number and the other passes, export to DOCX), the time spent writing the zip, and the
   peak resident memory of the processes (target: under 300 MB each).
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import make_workspace  # noqa: E402

from jamsostek_regs.bundle import Result, export  # noqa: E402

TARGET_S, TARGET_MB = 10.0, 300


def command_seconds(folder: Path, jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds (all processes) of ``jamsostek-regs export --all``, run fresh."""
    output = folder / "dist" / "drafts.zip"
    command = [sys.executable, "-m", "jamsostek_regs", "-C", str(folder), "export", "--all"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*command, "-o", str(output), "--jobs", str(jobs), "--quiet"], check=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def report_command(runs: list[tuple[float, float]], count: int, jobs: int) -> None:
    wall = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    verdict = "meets" if wall < TARGET_S * count / 552 else "MISSES"
    print(f"export --all, {count} regions, --jobs {jobs}: median {wall:.2f} s over {len(runs)} runs")
    print(f"  ({', '.join(f'{w:.2f}' for w, _ in runs)} s; {verdict} the {TARGET_S:.0f} s target for 552)")
    print(f"  {wall * 1000 / count:.1f} ms per region wall clock; {cpu:.2f} s CPU in all processes")


def report_split(result: Result, count: int) -> None:
    assert not result.failed, result.failed
    print("in-process split (median CPU ms per region):")
    for stage, values in result.timings.items():
        print(f"  {stage:<8} {statistics.median(values):6.2f}")
    total = statistics.median([sum(v) for v in zip(*result.timings.values(), strict=True)])
    print(f"  {'total':<8} {total:6.2f}")
    print(f"  zip      {result.zip_ms / count:6.2f}  ({result.zip_ms:.0f} ms for the bundle, wall clock)")
    print(f"peak RSS of any process: {result.peak_rss_kb / 1024:.0f} MB (target {TARGET_MB} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=552)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ids = make_workspace(folder, args.count)
        report_command([command_seconds(folder, args.jobs) for _ in range(args.runs)], len(ids), args.jobs)
        report_split(export(folder, ids, jobs=args.jobs), len(ids))


if __name__ == "__main__":
    main()
