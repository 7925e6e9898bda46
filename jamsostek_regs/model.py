"""The document tree: one immutable model of a whole regulation.

Every part of a Perkada is a :class:`Node`: the judul, the pembukaan with its Menimbang and
Mengingat items, the batang tubuh (BAB > Bagian > Paragraf > Pasal > ayat > rincian), the
penutup and the lampiran. A node has a stable ``key`` (its identity across regions and
versions of the standard) that is separate from its computed ``num`` (its label in this
draft). Passes return new trees with :func:`dataclasses.replace`; exporters only read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

Kind = Literal[
    "draft",
    "perubahan",  # the root of an amending Perkada (jamsostek_regs.amend)
    "change",  # one numbered change of its Pasal I: the formula, then the units it restates
    "judul",
    "pembukaan",
    "konsiderans",
    "dasar_hukum",
    "diktum",
    "batang_tubuh",
    "bab",
    "bagian",
    "paragraf",
    "pasal",
    "ayat",
    "item",
    "penutup",
    "pengesahan",
    "lampiran",
    "table",
    "row",
    "line",
]

#: List styles: ``rincian`` (a. > 1. > a) > 1), items end with ";"), ``definisi`` (1., 2.,
#: each item a sentence ending with "."), ``dasar_hukum`` (1., 2., every item ends with ";").
ListStyle = Literal["rincian", "definisi", "dasar_hukum"]

#: The connective placed after the second-to-last item of a list (R55).
Conj = Literal["dan", "atau", "dan/atau", ""]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a node or reference came from: a template (or region) file and line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class Ref:
    """A cross-reference to the node with ``key``; ``words`` is filled by the resolver.

    ``bare`` references render only the address ("Pasal 5 ayat (2)"); the others render
    the full formula ("sebagaimana dimaksud dalam Pasal 5 ayat (2)", R68).
    """

    key: str
    source: Source
    bare: bool = False
    words: str = ""


Inline = str | Ref


@dataclass(frozen=True, slots=True)
class Node:
    """One element of the regulation.

    Attributes:
        kind: what the node is (see :data:`Kind`).
        key: stable identity, e.g. ``"pendanaan.sumber.apbd"``; unique within a draft.
        text: inline content (plain strings and :class:`Ref`), without computed
            punctuation such as the list terminators.
        title: heading text of a BAB, Bagian, Paragraf or lampiran.
        children: child nodes in document order.
        conj: connective of the list formed by the item children (R55).
        style: list style of the item children (see :data:`ListStyle`).
        source: template file and line the node was rendered from.
        num: computed label ("I", "Kesatu", "12", "(2)", "b."); empty when unnumbered.
        eid: computed anchor id derived from the numbers, e.g. ``"bab_2__pasal_5__ayat_1"``.
        end: computed trailing punctuation of an item or ayat (";", "; dan", ".", ":").
        params: the region keys this node's text depends on (``"opd[1].name"``,
            ``"segments"``): values it prints and conditions that chose it (provenance).
    """

    kind: Kind
    key: str
    text: tuple[Inline, ...] = ()
    title: str = ""
    children: tuple[Node, ...] = ()
    conj: Conj = ""
    style: ListStyle = "rincian"
    source: Source | None = None
    num: str = ""
    eid: str = ""
    end: str = ""
    params: tuple[str, ...] = ()

    def walk(self) -> Iterator[Node]:
        """Yield this node and all its descendants in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def plain(self) -> str:
        """Text of the node with references rendered and computed punctuation appended."""
        return inline_text(self.text) + self.end

    def with_children(self, children: tuple[Node, ...]) -> Node:
        """Return a copy with new children."""
        return replace(self, children=children)


def inline_text(parts: tuple[Inline, ...]) -> str:
    """Render inline content to a string (references as their resolved words)."""
    return "".join(p if isinstance(p, str) else p.words for p in parts)


@dataclass(frozen=True, slots=True)
class AttachedFile:
    """A Word document of the region's own, attached as a lampiran.

    Attributes:
        key: the key of the lampiran node whose body (one placeholder line) it replaces in the DOCX.
        path: the file, resolved and checked (a DOCX inside ``regions/``).
    """

    key: str
    path: Path


@dataclass(frozen=True, slots=True)
class Meta:
    """Facts about a draft that every view needs (level grammar, dates, provenance).

    ``attachments`` are the region's own Word documents, in the order of their lampiran.
    ``kop`` holds the lines of the header block a printed draft carries above its judul (with a
    place for the lambang daerah), when the region asks for one; the DOCX and PDF print it.
    """

    region_id: str
    level: Literal["kabupaten", "kota", "provinsi"]
    region_name: str
    title: str
    standard_id: str
    standard_version: str
    draft: bool = True
    date: str = ""
    author: str = ""
    attachments: tuple[AttachedFile, ...] = ()
    kop: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Draft:
    """A whole regulation: metadata plus the root node (kind ``draft``)."""

    meta: Meta
    root: Node

    def walk(self) -> Iterator[Node]:
        """Yield every node of the regulation in document order."""
        return self.root.walk()

    def find(self, key: str) -> Node | None:
        """Return the node with ``key`` or ``None``."""
        return next((n for n in self.walk() if n.key == key), None)

    def part(self, kind: Kind) -> Node:
        """Return the top-level part of the given kind (judul, pembukaan, ...)."""
        for child in self.root.children:
            if child.kind == kind:
                return child
        raise KeyError(kind)
