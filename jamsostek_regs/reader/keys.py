"""Keys for the parts read, each with how it was found (:class:`~.result.Origin`).

In this order, each step only for parts still without a key, no key given twice:

1. **mark**: the document's own marks, in paragraph order. A bookmark the tool wrote names
   the key in the manifest (:mod:`jamsostek_regs.ooxml.manifest`); a paragraph without one
   takes the next manifest entry (after the last one taken) with the fingerprint of its text,
   unless another paragraph still holds that entry's bookmark (a "Pasal 6" typed in before
   the old Pasal 6, now "Pasal 7", is not the old one).
2. **derived** from a fixed role ("judul.jenis", "penutup.ditetapkan"): the same in every
   Perkada.
3. **aligned**: parts of each kind (BAB, Pasal, ayat, rincian, lampiran, text lines, tables)
   aligned with the same kind of node of the reference draft (the standard's, when the caller
   gives one) by order and word similarity (:mod:`.align`), with the score.
4. **derived** from the parent's key and a relative role (a lampiran's ".kepala", a table's
   rows ".1", ".2"), or **none**: a key made from the paragraph number ("docx.p12").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from jamsostek_regs.model import Draft, Kind, Node
from jamsostek_regs.ooxml.manifest import Entry, fingerprint
from jamsostek_regs.reader.align import align, words
from jamsostek_regs.reader.parts import Part
from jamsostek_regs.reader.result import Origin

#: The kinds of part aligned with the reference draft.
ALIGNED: tuple[Kind, ...] = (
    "bab",
    "bagian",
    "paragraf",
    "pasal",
    "ayat",
    "item",
    "lampiran",
    "table",
    "line",
)
_MARK = Origin("mark")
_DERIVED = Origin("derived")


def assign(root: Part, entries: Sequence[Entry], reference: Callable[[], Draft | None] | None) -> None:
    """Give every part of ``root`` its key and origin (see the module docstring); ``reference``
    gives the draft to align with (``None``: there is none), called only when some part is left
    to align."""
    used: set[str] = set()
    _marks(root, entries, used)
    for part in root.walk():
        if not part.key and part.role and not part.role.startswith("."):
            _give(part, part.role, _DERIVED, used)
    draft = reference() if reference is not None and any(_unkeyed(p) for p in root.walk()) else None
    if draft is not None:
        _align(root, draft, used)
    _rest(root, used)


def _unkeyed(part: Part) -> bool:
    """Whether ``part`` is one to align: no key yet and no role."""
    return part.kind in ALIGNED and not part.key and not part.role


def _give(part: Part, key: str, origin: Origin, used: set[str]) -> bool:
    if key in used:
        return False
    part.key, part.origin = key, origin
    used.add(key)
    return True


def _marks(root: Part, entries: Sequence[Entry], used: set[str]) -> None:
    if not entries:
        return
    at = {entry.bookmark: i for i, entry in enumerate(entries) if entry.bookmark}
    shown = sorted((p for p in root.walk() if p.line is not None), key=lambda p: p.paragraph)
    # an entry whose bookmark some paragraph still holds is that paragraph's, not a fingerprint's
    claimed = {entries[at[b]].key for p in shown if p.line is not None for b in p.line.bookmarks if b in at}
    position = 0
    for part in shown:
        assert part.line is not None
        index = next((at[b] for b in part.line.bookmarks if b in at and entries[at[b]].key not in used), None)
        if index is None:
            index = _next(entries, position, fingerprint(part.shown()), used | claimed)
        if index is not None and _give(part, entries[index].key, _MARK, used):
            position = index + 1


def _next(entries: Sequence[Entry], start: int, print_: str, used: set[str]) -> int | None:
    """The first entry from ``start`` on with the fingerprint ``print_`` and a key not used."""
    return next(
        (
            i
            for i in range(start, len(entries))
            if entries[i].fingerprint == print_ and entries[i].key not in used
        ),
        None,
    )


def _align(root: Part, reference: Draft, used: set[str]) -> None:
    for kind in ALIGNED:
        ours = [p for p in root.walk() if p.kind == kind and _unkeyed(p)]
        theirs = [n for n in reference.walk() if n.kind == kind and n.key not in used]
        if not ours or not theirs:
            continue
        pairs = align([words(p.words()) for p in ours], [words(_words(n)) for n in theirs])
        for i, j, score in pairs:
            _give(ours[i], theirs[j].key, Origin("aligned", round(score, 3)), used)


def _words(node: Node) -> str:
    """What :meth:`Part.words` gives for the part ``node`` would be read as."""
    if node.kind in ("bab", "bagian", "paragraf", "lampiran"):
        return node.title
    if node.kind in ("pasal", "table"):
        return " ".join(n.plain() for n in node.walk())[:2000]
    return node.plain()


def _rest(root: Part, used: set[str]) -> None:
    for parent, part, index in _with_parents(root):
        if part.key:
            continue
        if (
            part.role.startswith(".")
            and parent is not None
            and _give(part, parent.key + part.role, _DERIVED, used)
        ):
            continue
        base = f"docx.p{part.paragraph}" if part.paragraph else f"{parent.key if parent else 'docx'}.{index}"
        key, suffix = base, 1
        while key in used:
            key, suffix = f"{base}_{suffix}", suffix + 1
        _give(part, key, Origin("none", 0.0), used)


def _with_parents(root: Part) -> Iterator[tuple[Part | None, Part, int]]:
    """Every part with its parent (``None`` for the root) and its 1-based place there, parents
    first."""
    yield None, root, 1
    stack = [root]
    while stack:
        parent = stack.pop()
        for index, child in enumerate(parent.children, 1):
            yield parent, child, index
        stack.extend(reversed(parent.children))
