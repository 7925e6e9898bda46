"""Time the reader on a ~30-page Perkada DOCX.

Usage: ``python benchmarks/bench_read.py``; prints the median of 30 runs of
:func:`jamsostek_regs.reader.read` in milliseconds (target: well under 100 ms). The draft is
Lombok Timur's with its batang tubuh four times over (every key made unique, numbered again):
about 30 F4 pages, written by the tool's DOCX writer (bookmarks and key manifest). Each run
reads the file from disk and checks the Word document limits again (their per-content cache
is cleared), as a first ``read`` of a new file does.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jamsostek_regs.layout import layout
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.passes.numbering import number
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.reader import read
from jamsostek_regs.source import docx_limits
from jamsostek_regs.workspace import Workspace
from jamsostek_regs.writers import docx

RUNS = 30
COPIES = 4
ROOT = Path(__file__).resolve().parent.parent


def _renamed(node: Node, suffix: str) -> Node:
    return replace(node, key=node.key + suffix, children=tuple(_renamed(c, suffix) for c in node.children))


def long_draft(copies: int = COPIES, version: str | None = None) -> Draft:
    """Lombok Timur's draft (under standard ``version``) with its batang tubuh ``copies`` times
    over, numbered again."""
    draft = assemble(Workspace(ROOT, version), "lombok-timur")
    parts = []
    for part in draft.root.children:
        if part.kind == "batang_tubuh":
            babs = tuple(_renamed(bab, f"~{n}" if n else "") for n in range(copies) for bab in part.children)
            part = part.with_children(babs)
        parts.append(part)
    return number(replace(draft, root=draft.root.with_children(tuple(parts))))


def main() -> None:
    draft = long_draft()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.docx"
        path.write_bytes(docx.render(draft))
        reading = read(path)  # warm up: imports
        pasal = sum(1 for n in reading.draft.walk() if n.kind == "pasal")
        times = []
        for _ in range(RUNS):
            docx_limits._verdict.cache_clear()
            start = time.perf_counter()
            read(path)
            times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(f"reader.read: {len(layout(draft))} blocks, {pasal} Pasal, median {median:.1f} ms over {RUNS} runs")


if __name__ == "__main__":
    main()
