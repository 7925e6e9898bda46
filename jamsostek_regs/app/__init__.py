"""The application layer: the use cases every way in (the CLI, later the web form) calls.

Each use case is a plain function over a :class:`~jamsostek_regs.workspace.Workspace` that
returns a result and raises typed errors (:mod:`jamsostek_regs.errors`). Nothing here prints
or exits: deciding what to show and which exit code means what belongs to the caller.
"""

from __future__ import annotations

from jamsostek_regs.app.bundle import export
from jamsostek_regs.app.compare import Compared, MatrixPages, diff, matrix, matrix_csv
from jamsostek_regs.app.drafts import Assembled, assemble, lint
from jamsostek_regs.app.inputs import Listed, new, regions, validate
from jamsostek_regs.app.selection import select
from jamsostek_regs.app.todo import todo, todo_page

__all__ = [
    "Assembled",
    "Compared",
    "Listed",
    "MatrixPages",
    "assemble",
    "diff",
    "export",
    "lint",
    "matrix",
    "matrix_csv",
    "new",
    "regions",
    "select",
    "todo",
    "todo_page",
    "validate",
]
