"""Worker processes of batches (``export``, ``matrix``): a process pool whose workers end
with the process that started them.

Python's pool workers outlive a parent killed with SIGKILL (which no clean-up code
survives): they go on building and keep the caller's pipes open, so a shell pipeline or a CI
step reading the output never ends. Every pool of a batch is made by :func:`executor`, whose
workers, when they start (:func:`start_worker`):

- on Linux, ask the kernel to SIGKILL them when their parent dies (``PR_SET_PDEATHSIG``),
  which works even while a worker is deep in C code;
- everywhere, run a thread that waits on the parent's sentinel (a pipe or handle
  :mod:`multiprocessing` gives every child, which closes when the parent ends) and ends the
  worker then; this also covers a parent that died before the ``prctl`` call;
- then take the batch garbage-collection settings (:func:`gc.worker_init`).

The kernel ties ``PR_SET_PDEATHSIG`` to the parent *thread* that started the worker: use a
pool from the thread that made it, as a ``with`` block does.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

from jamsostek_regs.bundle import gc

#: ``prctl`` option: the signal a process gets when its parent dies (``<linux/prctl.h>``).
PR_SET_PDEATHSIG = 1
#: Exit status of a worker whose parent is gone.
ORPHANED = 1


def executor(workers: int, start_method: str | None = None) -> ProcessPoolExecutor:
    """A pool of ``workers`` batch worker processes (started by ``start_method``, or the default)."""
    context = multiprocessing.get_context(start_method)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=start_worker)


def start_worker() -> None:
    """Initializer of a batch worker process: it ends with its parent (see the module)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        if sys.platform.startswith("linux"):
            ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        threading.Thread(target=_end_with, args=(parent.sentinel,), name="parent-watch", daemon=True).start()
    gc.worker_init()


def _end_with(sentinel: int) -> None:
    """Wait until the parent's ``sentinel`` is ready (the parent is gone), then end the process."""
    multiprocessing.connection.wait([sentinel])
    os._exit(ORPHANED)
