"""Read a Perkada DOCX into a draft: open, extract, structure, key, number, find.

:func:`read` is the reader's one entry point. It opens the file only after the limits of an
attached Word document (:mod:`jamsostek_regs.source.docx_limits`) have passed, reads its body
(:mod:`jamsostek_regs.ooxml.wordtext`) and key manifest (:mod:`jamsostek_regs.ooxml.manifest`),
puts the lines in their places (:mod:`.structure`), gives every part a key (:mod:`.keys`),
computes the anchor ids from the positions as the numbering pass does (the numbers stay as
the document writes them) and notes what is wrong in the document (:mod:`.findings`).

A file that is no DOCX, breaks a limit, or is no Perkada (no judul "PERATURAN BUPATI/WALI
KOTA/GUBERNUR ...", no Pasal) raises :class:`~jamsostek_regs.errors.DocumentError` naming what
is missing; everything else the document holds is read, and what does not fit is a note.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from jamsostek_regs.errors import DocumentError
from jamsostek_regs.model import Draft, Meta, Node
from jamsostek_regs.ooxml import manifest
from jamsostek_regs.ooxml.package import read as read_package
from jamsostek_regs.ooxml.wordtext import Body, View, extract
from jamsostek_regs.passes.numbering import number
from jamsostek_regs.reader.citations import cited
from jamsostek_regs.reader.findings import findings
from jamsostek_regs.reader.keys import assign
from jamsostek_regs.reader.lines import lines
from jamsostek_regs.reader.parts import Part
from jamsostek_regs.reader.result import Reading
from jamsostek_regs.reader.structure import Structure, structure
from jamsostek_regs.source import docx_limits

_LEVELS = {"BUPATI": "kabupaten", "GUBERNUR": "provinsi"}
_WRAPPER = "\0wrapper"


def read(path: Path, view: View = "accepted", reference: Callable[[], Draft | None] | None = None) -> Reading:
    """The draft the Perkada DOCX at ``path`` holds (see the module docstring).

    ``reference`` gives the draft to align paragraphs with when the document's own key marks
    are missing (called only then; it may give ``None``).

    Raises:
        DocumentError: the file cannot be read, breaks a limit, or is no Perkada.
    """
    body, entries = _open(path, view)
    found = structure(list(lines(body.blocks)))
    _refuse_non_perkada(path, found)
    assign(found.root, entries, reference)
    root = _with_eids(found.root.freeze())
    draft = Draft(_meta(found.root, path), root)
    parts = list(found.root.walk())
    paragraphs = {p.key: p.paragraph for p in parts if p.paragraph}
    mengingat = next((p for p in parts if p.kind == "dasar_hukum"), None)
    citations = {item.key: c for item in (mengingat.children if mengingat else []) if (c := cited(item.text))}
    notes = tuple(sorted([*found.notes, *findings(draft, paragraphs)], key=lambda n: n.paragraph))
    origins = {p.key: p.origin for p in parts}
    return Reading(draft, origins, paragraphs, citations, notes, body.revisions, body.comments, view)


def _open(path: Path, view: View) -> tuple[Body, tuple[manifest.Entry, ...]]:
    try:
        docx_limits.check(path, compose=False)
        parts = read_package(path.read_bytes())
        return extract(parts, view), manifest.find(parts)
    except (ValueError, OSError, zipfile.BadZipFile) as exc:
        raise DocumentError(str(path), f"cannot be read: {exc}") from None


def _refuse_non_perkada(path: Path, found: Structure) -> None:
    missing = []
    if not found.has_judul:
        missing.append('no judul "PERATURAN BUPATI/WALI KOTA/GUBERNUR ..."')
    if not found.has_pasal:
        missing.append('no Pasal ("Pasal 1" on a line of its own)')
    if missing:
        raise DocumentError(str(path), f"is not a Perkada: it has {' and '.join(missing)}")


def _with_eids(root: Node) -> Node:
    """``root`` with the anchor ids the numbering pass gives by position (its numbers kept).

    Pasal straight in the batang tubuh are numbered inside a wrapper BAB, then unwrapped.
    """
    wrapped = tuple(
        c.with_children(tuple(_wrap(c.children))) if c.kind == "batang_tubuh" else c for c in root.children
    )
    numbered = number(Draft(_NO_META, root.with_children(wrapped))).root
    eids = iter([n.eid for n in _unwrapped(numbered)])
    return _set_eids(root, eids)


def _wrap(children: tuple[Node, ...]) -> Iterator[Node]:
    loose: list[Node] = []
    for child in children:
        if child.kind == "bab":
            if loose:
                yield Node("bab", _WRAPPER, children=tuple(loose))
                loose = []
            yield child
        else:
            loose.append(child)
    if loose:
        yield Node("bab", _WRAPPER, children=tuple(loose))


def _unwrapped(node: Node) -> Iterator[Node]:
    if node.key != _WRAPPER:
        yield node
    for child in node.children:
        yield from _unwrapped(child)


def _set_eids(node: Node, eids: Iterator[str]) -> Node:
    eid = next(eids)
    return replace(node, eid=eid, children=tuple(_set_eids(c, eids) for c in node.children))


_NO_META = Meta("", "kabupaten", "", "", "", "")


def _meta(root: Part, path: Path) -> Meta:
    """Level, region and title from the judul."""
    judul = {p.role: p.text for p in root.children[0].children}
    jenis = re.fullmatch(r"PERATURAN (BUPATI|WALI ?KOTA|GUBERNUR) (.+)", judul.get("judul.jenis", ""))
    head, region = (jenis[1], jenis[2]) if jenis else ("", "")
    level = _LEVELS.get(head, "kota")
    title = " ".join(p for p in (judul.get("judul.jenis", ""), "TENTANG", judul.get("judul.nama", "")) if p)
    return Meta(path.stem, level, region.title(), title, "", "")  # type: ignore[arg-type]
