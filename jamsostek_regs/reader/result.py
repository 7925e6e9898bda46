"""What reading a DOCX gives: the draft, and for each of its keys how it was found and where.

The draft is the same immutable tree the builder makes (:mod:`jamsostek_regs.model`); what a
builder's tree does not need lives beside it, keyed by node key: how the key was found
(:class:`Origin`), the paragraph of the file that shows the node, the parsed citation of each
Mengingat item (:class:`Cited`). :class:`Note` is a finding about the document itself: a
paragraph that could not be placed, a number given twice or out of sequence, a reference to a
Pasal that is not there. Notes are in Bahasa Indonesia, like every report of the tool.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from jamsostek_regs.model import Draft
from jamsostek_regs.ooxml.wordtext import View

#: How a node's key was found: ``mark`` from the document's own bookmark or key manifest;
#: ``aligned`` with a clause of the reference draft by order and text similarity (``score``);
#: ``derived`` from the node's fixed role ("judul.jenis", "penutup.ditetapkan.nama") or its
#: parent's key (table rows); ``none``: not found, a key made from the paragraph number.
How = Literal["mark", "aligned", "derived", "none"]

NoteKind = Literal["unplaced", "duplicate", "sequence", "reference"]


@dataclass(frozen=True, slots=True)
class Origin:
    """How a key was found; ``score`` is the text similarity (0 to 1) of an alignment."""

    how: How
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Cited:
    """A regulation a Mengingat item cites: jenis ("uu", "pp", ...), number, year, title, gazette."""

    kind: str
    number: int
    year: int
    title: str
    gazette: str


@dataclass(frozen=True, slots=True)
class Note:
    """A finding about the document: paragraph ``paragraph`` of the file, and what is wrong."""

    paragraph: int
    kind: NoteKind
    message: str

    def __str__(self) -> str:
        return f"paragraf {self.paragraph}: {self.message}"


@dataclass(frozen=True, slots=True)
class Reading:
    """A DOCX read into a draft.

    Attributes:
        draft: the tree, its numbers as the document writes them.
        origins: key -> how it was found, for every node.
        paragraphs: key -> number of the paragraph showing the node (absent for the parts
            no paragraph shows: the judul, the pembukaan, a group).
        citations: key of a Mengingat item -> the regulation it cites, where it could be read.
        notes: findings about the document, in paragraph order.
        revisions: tracked insertions, deletions and moves in the document.
        comments: comments in the document.
        view: ``accepted`` (every change accepted) or ``original`` (every change rejected).
    """

    draft: Draft
    origins: Mapping[str, Origin]
    paragraphs: Mapping[str, int]
    citations: Mapping[str, Cited]
    notes: tuple[Note, ...]
    revisions: int
    comments: int
    view: View

    @property
    def unplaced(self) -> tuple[Note, ...]:
        """The paragraphs that could not be placed in the tree."""
        return tuple(n for n in self.notes if n.kind == "unplaced")
