"""Writers, and the one registry of output formats.

Every output format is declared once, in :data:`FORMATS`: its name, file suffix, media type,
the module whose ``render(draft) -> bytes`` writes it (and may say, with ``warnings(data) ->
list[str]``, what a reader of a file it wrote should know), whether it needs LibreOffice, and its
name in the bundle's README. The CLI's ``--format`` choices, the bundle and its README, and
the docs read this table; nothing else lists formats.

Writers are projections of the same tree through :func:`jamsostek_regs.layout.layout`; they
never renumber, resolve or change anything. Modules are imported on first use, so reading the
registry (as ``jamsostek-regs --help`` does) loads none of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jamsostek_regs.model import Draft

Writer = Callable[["Draft"], bytes]


@dataclass(frozen=True, slots=True)
class Format:
    """One output format.

    Attributes:
        name: what ``--format`` takes.
        suffix: the file suffix, with its dot.
        media_type: the IANA media type of the file.
        module: the module exposing ``render(draft) -> bytes``.
        label: the format's name in Bahasa Indonesia, for the bundle's README.
        needs_libreoffice: the writer converts through LibreOffice (``soffice``).
    """

    name: str
    suffix: str
    media_type: str
    module: str
    label: str
    needs_libreoffice: bool = False

    def writer(self) -> Writer:
        """The ``render`` function of this format's module (imported now)."""
        render: Writer = importlib.import_module(self.module).render
        return render


def _declare(*formats: Format) -> dict[str, Format]:
    return {f.name: f for f in formats}


#: Every output format, in the order files are listed (the DOCX first).
FORMATS: dict[str, Format] = _declare(
    Format(
        "docx",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "jamsostek_regs.writers.docx",
        "DOCX (Microsoft Word)",
    ),
    Format("pdf", ".pdf", "application/pdf", "jamsostek_regs.writers.pdf", "PDF", needs_libreoffice=True),
    Format("md", ".md", "text/markdown", "jamsostek_regs.writers.markdown", "Markdown (.md)"),
    Format("html", ".html", "text/html", "jamsostek_regs.writers.html", "HTML (.html)"),
    Format("txt", ".txt", "text/plain", "jamsostek_regs.writers.text", "teks (.txt)"),
)


def get(name: str) -> Format:
    """The format called ``name`` (a ``KeyError`` for an unknown one: callers check names first)."""
    return FORMATS[name]


def writer(name: str) -> Writer:
    """The ``render`` function of the format called ``name``."""
    return FORMATS[name].writer()


def warnings(name: str, data: bytes) -> list[str]:
    """What a reader of ``data``, a file in the format called ``name``, should know (a PDF set in
    a substituted font); nothing for a format whose module has no ``warnings``."""
    check: Callable[[bytes], list[str]] | None = getattr(
        importlib.import_module(FORMATS[name].module), "warnings", None
    )
    return check(data) if check is not None else []


def suffix(name: str) -> str:
    """The file suffix of the format called ``name`` (".docx", ".md", ...)."""
    return FORMATS[name].suffix


def ordered(names: Collection[str]) -> tuple[str, ...]:
    """``names`` in registry order, each once."""
    return tuple(name for name in FORMATS if name in names)
