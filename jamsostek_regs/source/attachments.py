"""Attached lampiran: Word documents a region prepares itself (the input side).

A region file lists them under ``attachments`` (a ``.docx`` path relative to ``regions/``, a
title and the key of the Pasal that cites it). :func:`jamsostek_regs.build.build` makes each
one a lampiran node after the generated ones, so numbering (R105), the heading block (R106)
and the signature (R108) are those of every lampiran, and gives the citing Pasal an ayat
that refers to it (R103). In the tree the body of an attached lampiran is one line,
:func:`placeholder`, which the text views print; the DOCX writer replaces it by the attached
document (:mod:`jamsostek_regs.writers.docx_compose`). This module names the lampiran
(:func:`key`), and resolves and checks the files.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.model import AttachedFile
from jamsostek_regs.ooxml.package import is_docx
from jamsostek_regs.source import docx_limits
from jamsostek_regs.source.yamlsource import load_file

if TYPE_CHECKING:
    from jamsostek_regs.source.regions import LoadedRegion
    from jamsostek_regs.source.schema import Attachment


def key(attachment: Attachment) -> str:
    """Stable key of the lampiran made from ``attachment``: from its file name."""
    stem = Path(attachment.file).stem.lower()
    return "lampiran." + (re.sub(r"[^a-z0-9]+", "_", stem).strip("_") or "dokumen")


def placeholder(title: str) -> str:
    """The line that stands for the attached document in the text views."""
    return f"(dokumen terlampir: {title})"


def resolve(regions_dir: Path, attachment: Attachment) -> Path:
    """The attached file, which must be a Word document inside ``regions_dir``.

    Raises:
        ValueError: with the reason, when it is missing, outside the folder, not a DOCX, or
            over a limit of :mod:`docx_limits`.
    """
    root = regions_dir.resolve()
    path = (root / attachment.file).resolve()
    if not path.is_relative_to(root):
        raise ValueError("the file must be inside regions/")
    if not path.is_file():
        raise ValueError(f"no such file: regions/{attachment.file}")
    if not is_docx(path):
        raise ValueError(f"regions/{attachment.file} is not a Word document (.docx)")
    try:
        docx_limits.check(path)
    except ValueError as exc:
        raise ValueError(f"regions/{attachment.file} {exc}") from None
    return path


def attached(loaded: LoadedRegion, pasal_keys: set[str]) -> tuple[AttachedFile, ...]:
    """``loaded``'s attachments, resolved, in order (see :attr:`jamsostek_regs.model.Meta.attachments`).

    Raises:
        InputError: a file is missing, outside ``regions/`` or not a DOCX, or the Pasal that
            should cite it is not in the draft; located at the region file's line.
    """
    from jamsostek_regs.source.schema import closest

    entries: list[AttachedFile] = []
    problems: list[Problem] = []
    for index, attachment in enumerate(loaded.region.attachments):
        try:
            entries.append(AttachedFile(key(attachment), resolve(loaded.path.parent, attachment)))
        except ValueError as exc:
            problems.append(_problem(loaded, (index, "file"), str(exc)))
        if attachment.pasal not in pasal_keys:
            message = f"no Pasal '{attachment.pasal}' in this region's draft"
            problems.append(
                _problem(loaded, (index, "pasal"), message, closest(attachment.pasal, sorted(pasal_keys)))
            )
    if problems:
        raise InputError(problems)
    return tuple(entries)


def _problem(loaded: LoadedRegion, where: tuple[int, str], message: str, hint: str = "") -> Problem:
    located = load_file(loaded.path, f"regions/{loaded.path.name}")
    return located.problem(("attachments", *where), message, hint)
