"""Attached lampiran: Word documents a region prepares itself, composed into its DOCX.

A region file lists them under ``attachments`` (a ``.docx`` path relative to ``regions/``, a
title and the key of the Pasal that cites it). :func:`jamsostek_regs.build.build` makes each
one a lampiran node after the generated ones, so numbering (R105), the heading block (R106)
and the signature (R108) are those of every lampiran, and gives the citing Pasal an ayat
that refers to it (R103). In the tree the body of an attached lampiran is one line,
:func:`placeholder`, which the text views print. :func:`compose` replaces that paragraph in
the DOCX by the body of the attached document through docxcompose: its styles are kept, its
own lists restart at 1, and the draft's numbering (plain text labels) is not touched.

The composed file is as reproducible as the rest: the zip is rewritten with fixed entry order
and timestamps, and the list ids docxcompose draws at random are replaced by fixed ones.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.model import Draft
from jamsostek_regs.source import docx_limits
from jamsostek_regs.source.yamlsource import load_file

if TYPE_CHECKING:
    from jamsostek_regs.source.regions import LoadedRegion
    from jamsostek_regs.source.schema import Attachment

#: Prefix of the :attr:`Meta.extra` entries that map a lampiran key to its attached file.
EXTRA = "attachment:"
CONTENT_TYPES = "[Content_Types].xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
#: High bits of the fixed list ids (``w:nsid``) of composed documents.
NSID_BASE = 0x4A520000


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
    try:
        docx_limits.check(path)
    except ValueError as exc:
        raise ValueError(f"regions/{attachment.file} {exc}") from None
    return path


def extra(loaded: LoadedRegion, pasal_keys: set[str]) -> dict[str, str]:
    """The :attr:`Meta.extra` entries of ``loaded``'s attachments (lampiran key -> file).

    Raises:
        InputError: a file is missing, outside ``regions/`` or not a DOCX, or the Pasal that
            should cite it is not in the draft; located at the region file's line.
    """
    from jamsostek_regs.source.schema import closest

    entries: dict[str, str] = {}
    problems: list[Problem] = []
    for index, attachment in enumerate(loaded.region.attachments):
        try:
            entries[EXTRA + key(attachment)] = str(resolve(loaded.path.parent, attachment))
        except ValueError as exc:
            problems.append(_problem(loaded, (index, "file"), str(exc)))
        if attachment.pasal not in pasal_keys:
            message = f"no Pasal '{attachment.pasal}' in this region's draft"
            problems.append(
                _problem(loaded, (index, "pasal"), message, closest(attachment.pasal, sorted(pasal_keys)))
            )
    if problems:
        raise InputError(problems)
    return entries


def _problem(loaded: LoadedRegion, where: tuple[int, str], message: str, hint: str = "") -> Problem:
    located = load_file(loaded.path, f"regions/{loaded.path.name}")
    return located.problem(("attachments", *where), message, hint)


def files(draft: Draft) -> list[tuple[str, Path]]:
    """(placeholder text, attached file) of each attached lampiran, in document order."""
    out = []
    for part in draft.root.children:
        path = draft.meta.extra.get(EXTRA + part.key)
        if part.kind == "lampiran" and path is not None:
            line = next(c for c in part.children if c.kind == "line")
            out.append((line.plain(), Path(path)))
    return out


def compose(data: bytes, draft: Draft) -> bytes:
    """Return the DOCX ``data`` with each placeholder replaced by its attached document."""
    import docx
    from docxcompose.composer import Composer

    document = docx.Document(io.BytesIO(data))
    composer = Composer(document)
    body = document.element.body
    start = 0
    for text, path in files(draft):
        target = next(p for p in list(body)[start:] if p.tag == f"{_W}p" and _text(p) == text)
        start = body.index(target)
        body.remove(target)
        composer.insert(start, _open(path))
    _fix_list_ids(document)
    out = io.BytesIO()
    document.save(out)
    return reproducible(out.getvalue())


def _open(path: Path) -> Any:
    """The attached document, read with python-docx; a file it cannot read is an input error."""
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors, ...
        raise InputError([Problem(str(path), 1, 1, "", f"cannot read this Word document: {exc}")]) from None


def _text(paragraph: Any) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{_W}t"))


def _fix_list_ids(document: Any) -> None:
    """Replace the random ``w:nsid`` docxcompose gives each list by a fixed one."""
    part = document.part
    numbering = next((r.target_part for r in part.rels.values() if r.reltype == _NUMBERING), None)
    if numbering is None:
        return
    for abstract in numbering.element.iter(f"{_W}abstractNum"):
        nsid = abstract.find(f"{_W}nsid")
        if nsid is not None:
            number = int(abstract.get(f"{_W}abstractNumId"))
            nsid.set(f"{_W}val", f"{NSID_BASE + number:08X}")


def reproducible(data: bytes) -> bytes:
    """Rewrite a DOCX zip with sorted entries ([Content_Types].xml first) and fixed timestamps."""
    from jamsostek_regs.writers.docx import package

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(archive.namelist(), key=lambda n: (n != CONTENT_TYPES, n))
        return package({name: archive.read(name) for name in names})
