"""Clauses of a joined tree, and how a reader cites each node of them.

A clause is the unit a reviewer reads and a diff row shows: the judul, the pembukaan lines,
the Menimbang, the Mengingat, the diktum, each BAB / Bagian / Paragraf heading, each Pasal,
the penutup and each lampiran. A clause owns its nodes down to the next clause inside it (a
BAB heading owns its title, not its Pasal).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from jamsostek_regs.citing import cite
from jamsostek_regs.diff.align import Pair
from jamsostek_regs.model import Node

Which = Literal["a", "b"]

#: Clauses cited by their number ("Pasal 8", "BAB VII", "Lampiran II") or their lead word ("Menimbang").
_CITED = frozenset({"pasal", "bab", "bagian", "paragraf", "lampiran", "konsiderans", "dasar_hukum"})
#: The other clauses, by name.
_NAMED = {"judul": "Judul", "pembukaan": "Pembukaan", "diktum": "Diktum", "penutup": "Penutup"}
CLAUSE_KINDS = _CITED | frozenset(_NAMED)

#: A node and the pairs above it, from the outermost ancestor down to the node itself.
Chain = tuple[Pair, ...]


@dataclass(frozen=True, slots=True)
class Unit:
    """One clause: its pair, the pairs above it, and the nodes it owns (with their chains)."""

    pair: Pair
    outer: Chain
    own: tuple[Chain, ...]


def units(root: Pair) -> Iterator[Unit]:
    """Every clause under ``root``, in document order (a heading before what it heads)."""
    yield from _units(root, ())


def _units(pair: Pair, outer: Chain) -> Iterator[Unit]:
    if pair.node.kind not in CLAUSE_KINDS:
        for child in pair.children:
            yield from _units(child, (*outer, pair))
        return
    own: list[Chain] = []
    nested: list[tuple[Pair, Chain]] = []
    _own(pair, (pair,), own, nested)
    yield Unit(pair, outer, tuple(own))
    for inner, chain in nested:
        yield from _units(inner, (*outer, *chain))


def _own(pair: Pair, chain: Chain, own: list[Chain], nested: list[tuple[Pair, Chain]]) -> None:
    own.append(chain)
    if pair.node.kind == "row":  # a table row is one line; its cells are its parts
        return
    for child in pair.children:
        if child.node.kind in CLAUSE_KINDS:
            nested.append((child, chain))
        else:
            _own(child, (*chain, child), own, nested)


def side(pair: Pair, which: Which) -> Node | None:
    """The node of ``pair`` in draft ``which``."""
    return pair.a if which == "a" else pair.b


def clause_label(node: Node) -> str:
    """How a reader names a clause: "Pasal 8", "BAB VII", "Menimbang", "Lampiran II", "Judul"."""
    return cite(node) if node.kind in _CITED else _NAMED[node.kind]


def address(chain: Chain, which: Which) -> str:
    """How a reader cites the last node of ``chain`` in draft ``which`` ("Pasal 8 ayat (2) huruf b")."""
    words: list[str] = []
    parent: Node | None = None
    for pair in chain:
        node = side(pair, which)
        if node is None:
            break
        if node.kind in CLAUSE_KINDS:
            words = [clause_label(node)]
        elif node.kind in {"ayat", "item"}:
            words.append(cite(node))
        elif node.kind == "row" and parent is not None:
            index = parent.children.index(node)
            words.append(f"baris {index}" if index else "kepala tabel")
        parent = node
    return " ".join(filter(None, words))
