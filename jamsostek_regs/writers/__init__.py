"""Writers: each turns a numbered, resolved draft into the bytes of one file format.

Writers are projections of the same tree through :func:`jamsostek_regs.layout.layout`;
they never renumber, resolve or change anything. Modules are imported on first use so
that the CLI starts without loading any of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from jamsostek_regs.model import Draft

Writer = Callable[[Draft], bytes]

#: Format name -> (module, file suffix). Each module exposes ``render(draft) -> bytes``.
FORMATS: dict[str, tuple[str, str]] = {
    "docx": ("jamsostek_regs.writers.docx", ".docx"),
    "md": ("jamsostek_regs.writers.markdown", ".md"),
    "html": ("jamsostek_regs.writers.html", ".html"),
    "txt": ("jamsostek_regs.writers.text", ".txt"),
}


def writer(fmt: str) -> Writer:
    """Return the ``render`` function of the writer for ``fmt``."""
    module_name, _suffix = FORMATS[fmt]
    render: Writer = importlib.import_module(module_name).render
    return render


def suffix(fmt: str) -> str:
    """Return the file suffix for ``fmt`` (".docx", ".md", ...)."""
    return FORMATS[fmt][1]
