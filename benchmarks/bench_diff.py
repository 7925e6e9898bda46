"""Time the diff of two assembled drafts and the matrix over 552 synthetic regions.

Run from the repository root: ``python benchmarks/bench_diff.py [--regions 552] [--jobs 2]``.

1. Two-region diff: lombok-timur and rejang-lebong are assembled once; the median time of
   :func:`jamsostek_regs.diff.compare.compare` (alignment and classification) and of the text
   report is printed. Target: under 50 ms.
2. Matrix: ``--regions`` region files are generated from the shipped ones with a fixed seed
   (other names, officials and capitals; random subsets of segments, groups, financing
   sources, OPD and bpu examples; compliance switched on or off; targets kept or dropped) into
   a temporary workspace on the shipped standard, then the whole matrix is computed with
   ``--jobs`` worker processes (assembly included). Target: under 30 s on 2 cores.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jamsostek_regs.diff import matrix, report_text  # noqa: E402
from jamsostek_regs.diff.compare import compare, side  # noqa: E402
from jamsostek_regs.pipeline import Workspace  # noqa: E402
from jamsostek_regs.regions import region_ids  # noqa: E402

SEED = 20250717
NAMES = ("Andalas", "Bukit Raya", "Cempaka", "Danau Biru", "Enggano", "Gunung Tua", "Kuala Hulu")
OFFICIALS = ("Ahmad Yani", "Siti Rahma", "Made Wirawan", None)


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


def synthetic(base: dict[str, Any], rng: random.Random, number: int) -> dict[str, Any]:
    """A valid region file varied from ``base``."""
    data = {k: v for k, v in base.items() if k not in ("attachments", "overrides", "additions")}
    data["name"] = f"{rng.choice(NAMES)} {number:03d}"
    data["head"] = {"name": rng.choice(OFFICIALS)}
    data["capital"] = rng.choice((data.get("capital"), f"Kota {number:03d}", None))
    data["segments"] = _subset(rng, data["segments"])
    groups = [
        g for g in data.get("government_groups", []) if data["village_unit"] != "none" or g != "aparatur_desa"
    ]
    data["government_groups"] = _subset(rng, groups, allow_empty=True)
    chosen = {*data["segments"], *data["government_groups"]}
    data["financing"] = [
        {**f, "for_groups": [g for g in f.get("for_groups", []) if g in chosen]}
        for f in _subset(rng, data["financing"])
    ]
    data["opd"] = _subset(rng, data.get("opd", []), allow_empty=True)
    compliance = dict(data.get("compliance", {}))
    if compliance.get("licensing_opd") not in {o["id"] for o in data["opd"]}:
        compliance["licensing_opd"] = None
    compliance["public_services"] = rng.random() < 0.8
    data["compliance"] = compliance
    data["bpu_examples"] = _subset(rng, data.get("bpu_examples", []), allow_empty=True)
    if rng.random() < 0.5:
        data.pop("targets", None)
    return data


def _subset(rng: random.Random, items: list[Any], allow_empty: bool = False) -> list[Any]:
    """Each item kept with probability 3/4, order kept; at least one unless ``allow_empty``."""
    kept = [item for item in items if rng.random() < 0.75]
    return kept if kept or allow_empty or not items else [rng.choice(items)]


def write_regions(folder: Path, count: int) -> list[str]:
    """``count`` synthetic region files in ``folder``/regions; their ids."""
    rng = random.Random(SEED)
    shipped = [
        yaml.safe_load((ROOT / "regions" / f"{r}.yaml").read_text(encoding="utf-8"))
        for r in region_ids(ROOT / "regions")
    ]
    (folder / "regions").mkdir(parents=True)
    (folder / "templates").symlink_to(ROOT / "templates", target_is_directory=True)
    ids = []
    for number in range(1, count + 1):
        region_id = f"sintetis-{number:04d}"
        data = synthetic(rng.choice(shipped), rng, number)
        (folder / "regions" / f"{region_id}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )
        ids.append(region_id)
    return ids


def bench_matrix(count: int, jobs: int) -> tuple[float, int]:
    """Seconds for the matrix of ``count`` synthetic regions, and its number of rows."""
    with tempfile.TemporaryDirectory() as tmp:
        ids = write_regions(Path(tmp), count)
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
