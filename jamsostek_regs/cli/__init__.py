"""The ``jamsostek-regs`` command line: the only package that prints or exits.

:mod:`._app` holds the group, the one error funnel (and so every exit code) and the shared
options; each command group lives in a module of its own and calls only the application
layer (:mod:`jamsostek_regs.app`). Heavy modules are imported inside the commands, so
``jamsostek-regs --help`` starts fast.
"""

from __future__ import annotations

import signal

from jamsostek_regs.cli import absorb, amending, diff, drafts, export, inputs, lint, reading, serve
from jamsostek_regs.cli._app import main

__all__ = [
    "absorb",
    "amending",
    "diff",
    "drafts",
    "export",
    "inputs",
    "lint",
    "main",
    "reading",
    "run",
    "serve",
]


def run() -> None:
    """The console script: :data:`main`, with SIGTERM ending the process like Ctrl-C does.

    Python's default for SIGTERM ends the process on the spot; raising ``SystemExit``
    instead runs the clean-up of a write in progress (its temporary file is removed).
    """
    signal.signal(signal.SIGTERM, _terminated)
    main()


def _terminated(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)
