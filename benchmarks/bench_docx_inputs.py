"""Time lint, diff and absorb on a DOCX against the same commands on a region.

Usage: ``python benchmarks/bench_docx_inputs.py [--runs 10]``; prints the median of each in
milliseconds, the whole use case as the CLI runs it (:mod:`jamsostek_regs.app`):

* ``lint lombok-timur`` (the region: load, build, lint) and ``lint lombok-timur.docx`` (the
  tool's DOCX of it: read, align, bind against the standard, lint);
* ``lint long.docx``: the ~30-page DOCX of ``benchmarks/bench_read.py`` (Lombok Timur's
  batang tubuh four times over);
* ``diff lombok-timur rejang-lebong`` (two regions) and ``diff lombok-timur lombok-timur.docx``
  with one word changed in the DOCX;
* ``absorb lombok-timur edited.docx`` without ``--write``: read, plan, rebuild the region
  with the entries and compare (the region file is not written).

Target: a DOCX within a few tens of milliseconds of the region, so that they feel the same.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import docx  # noqa: E402
from bench_read import long_draft  # noqa: E402

from jamsostek_regs import app  # noqa: E402
from jamsostek_regs.app.absorbing import absorb  # noqa: E402
from jamsostek_regs.pipeline import assemble  # noqa: E402
from jamsostek_regs.workspace import Workspace  # noqa: E402
from jamsostek_regs.writers import writer  # noqa: E402

REGION = "lombok-timur"


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm up: imports and caches a long-running process would have
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def edited_copy(source: Path, target: Path) -> Path:
    """``source`` with one word of Pasal 1's first definition changed, as Word would save it."""
    document = docx.Document(str(source))
    run = next(p for p in document.paragraphs if " adalah " in p.text).runs[0]
    run.text = run.text.replace(" adalah ", " adalah wilayah ", 1)
    document.save(str(target))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    workspace = Workspace(ROOT)
    with tempfile.TemporaryDirectory() as folder:
        own = Path(folder) / f"{REGION}.docx"
        own.write_bytes(writer("docx")(assemble(workspace, REGION)))
        long = Path(folder) / "long.docx"
        long.write_bytes(writer("docx")(long_draft()))
        edited = edited_copy(own, Path(folder) / "edited.docx")
        cases: dict[str, Callable[[], object]] = {
            f"lint {REGION}": lambda: app.lint(workspace, [REGION]),
            f"lint {REGION}.docx": lambda: app.lint(workspace, [str(own)]),
            "lint long.docx (~30 pages)": lambda: app.lint(workspace, [str(long)]),
            f"diff {REGION} rejang-lebong": lambda: app.diff(workspace, REGION, "rejang-lebong", "text"),
            f"diff {REGION} edited.docx": lambda: app.diff(workspace, REGION, str(edited), "text"),
            f"absorb {REGION} edited.docx": lambda: absorb(workspace, REGION, edited),
        }
        for name, work in cases.items():
            print(f"{name:<36} median {median_ms(work, runs):7.1f} ms over {runs} runs")


if __name__ == "__main__":
    main()
