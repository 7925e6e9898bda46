"""Garbage collection for batches: building hundreds of drafts in one process.

A draft's tree is immutable and acyclic, so reference counting frees it; but with the default
thresholds Python's cyclic collector runs every few hundred allocations and re-scans the
long-lived objects (the loaded standard, the parse and template caches) each time: about 15%
of the time of a batch. Batch workers collect less often and leave what existed before the
batch out of the scans (:func:`gc.freeze`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Allocations between young-generation collections (default 700), and the older generations'.
THRESHOLDS = (20_000, 20, 20)


def worker_init() -> None:
    """The settings of a batch worker process, which it takes when it starts (:mod:`pool`)."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def in_process() -> Iterator[None]:
    """The batch settings while a batch runs in the caller's process; restored afterwards."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
