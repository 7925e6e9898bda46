"""The application layer: the use cases every way in (the CLI, later the web form) calls.

Each use case is a plain function over a :class:`~jamsostek_regs.workspace.Workspace` that
returns a result and raises typed errors (:mod:`jamsostek_regs.errors`). Nothing here prints
or exits: deciding what to show and which exit code means what belongs to the caller.

The names below are imported on first use (PEP 562), so a command loads only the use case it
runs: ``assemble`` does not pay for the diff, the bundle or the reader.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jamsostek_regs.app.bundle import export
    from jamsostek_regs.app.checklist import todo, todo_page
    from jamsostek_regs.app.compare import Compared, MatrixPages, diff, matrix, matrix_csv
    from jamsostek_regs.app.drafts import Assembled, assemble, lint
    from jamsostek_regs.app.inputs import Listed, new, regions, validate
    from jamsostek_regs.app.selection import select

#: Each public name -> the module of this package that defines it.
_MODULES = {
    "export": "bundle",
    "todo": "checklist",
    "todo_page": "checklist",
    **dict.fromkeys(("Compared", "MatrixPages", "diff", "matrix", "matrix_csv"), "compare"),
    **dict.fromkeys(("Assembled", "assemble", "lint"), "drafts"),
    **dict.fromkeys(("Listed", "new", "regions", "validate"), "inputs"),
    "select": "selection",
}

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


def __getattr__(name: str) -> Any:
    """The use case ``name``, imported from its module now."""
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
