"""The tree while it is read: mutable :class:`Part` s, frozen into nodes at the end.

A part is a node before its key is known. Besides what the node will hold, it remembers the
line that shows it (its paragraph number, bookmarks, and the text the key manifest
fingerprinted) and, for a part with a fixed place in every Perkada, its ``role``: an absolute
key ("judul.jenis") or one relative to its parent's key (".kepala", ".ttd.nama", ".2").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from jamsostek_regs.model import Kind, ListStyle, Node
from jamsostek_regs.reader.lines import Line
from jamsostek_regs.reader.result import Origin


@dataclass(eq=False, slots=True)
class Part:
    """A node being read. ``line`` shows it (``None`` for a group no paragraph shows)."""

    kind: Kind
    line: Line | None = None
    num: str = ""
    text: str = ""
    title: str = ""
    role: str = ""
    style: ListStyle = "rincian"
    children: list[Part] = field(default_factory=list)
    key: str = ""
    origin: Origin = field(default_factory=lambda: Origin("none", 0.0))

    def add(self, child: Part) -> Part:
        """Append ``child`` and return it."""
        self.children.append(child)
        return child

    def walk(self) -> Iterator[Part]:
        """This part and its descendants in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def paragraph(self) -> int:
        """The number of the paragraph showing the part (0 for none)."""
        return self.line.number if self.line is not None else 0

    def shown(self) -> str:
        """The text of the paragraph the key manifest fingerprinted for this part."""
        if self.kind in ("bab", "bagian", "paragraf", "pasal", "lampiran") and self.line is not None:
            return self.line.text if self.kind != "lampiran" else self.title
        if self.kind == "table" and self.line is not None:
            return self.line.text
        return self.text

    def words(self) -> str:
        """The words that say what the part is about (for aligning it with a clause)."""
        if self.kind in ("bab", "bagian", "paragraf", "lampiran"):
            return self.title
        if self.kind in ("pasal", "table"):
            return " ".join(p.text for p in self.walk())[:2000]
        return self.text

    def freeze(self) -> Node:
        """The node, with its descendants'."""
        return Node(
            self.kind,
            self.key,
            (self.text,) if self.text else (),
            self.title,
            tuple(child.freeze() for child in self.children),
            style=self.style,
            num=self.num,
        )
