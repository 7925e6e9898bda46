"""Classify the differences of two joined drafts, clause by clause (see :mod:`.changes`).

Rules, for a clause in both drafts:

* a Pasal one of the regions overrides (or adds itself): every difference in it is
  ``wording``, with that region's reason;
* a node one of the regions changes itself (``changes:`` replaces or removes it; it adds it,
  a lampiran of its own): one ``wording`` change (``added``/``removed`` for a node the region
  adds), with that region's reason; the nodes inside it are not reported again;
* otherwise a node in one draft only is ``optional`` and a node whose text differs is
  ``parameter``; both name the region keys behind them: the keys the node's text depends on
  (:attr:`Node.params <jamsostek_regs.model.Node.params>`, else those of the nearest node above
  that has some) whose values differ between the two region files;
* a text that differs only in its references (the same clauses cited, other numbers, or
  another count of cited items joined by "," and "dan") is not a text change: with a clause
  number that differs, it makes one ``renumbered`` change for the clause.

A clause in one draft only is one ``optional`` change, or ``added`` / ``removed`` for a
Pasal a region adds itself. Endings a list recomputes (";" becoming "; dan" when an item is
left out) follow from the change to the list and are not reported again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from jamsostek_regs.dialect.provenance import value_at
from jamsostek_regs.diff import words
from jamsostek_regs.diff.align import Pair, signature, text_of
from jamsostek_regs.diff.changes import Change, Clause, Kind, Line, Place
from jamsostek_regs.diff.units import Chain, Unit, Which, address, clause_label, side, units
from jamsostek_regs.model import Node, Ref, inline_text

#: Words that join the items of a reference list ("huruf a, huruf b, dan huruf c").
_GLUE = re.compile(r"\s+|,|\b(?:dan/atau|dan|atau)\b")
#: Clauses printed with their label and title ("BAB VII KEPATUHAN", "Pasal 8").
_HEADED = frozenset({"pasal", "bab", "bagian", "paragraf", "lampiran"})


@dataclass(frozen=True, slots=True)
class Region:
    """What the classifier needs of one side: its region values and its own clauses' reasons."""

    data: Mapping[str, Any]
    #: Node key -> reason, for each Pasal the region overrides or adds and each node it
    #: replaces, removes or adds (a BAB, Bagian, ayat, rincian, Menimbang item, lampiran).
    reasons: Mapping[str, str]
    #: Keys of the nodes the region adds.
    added: frozenset[str]
    #: Region key -> why the region gave it (``title``, ``mengingat``, ...: :mod:`..source.notes`).
    notes: Mapping[str, str] = field(default_factory=dict)


def classify(root: Pair, a: Region, b: Region) -> tuple[Clause, ...]:
    """Every clause of the joined drafts with its lines and changes."""
    return tuple(_clause(unit, a, b) for unit in units(root))


def _clause(unit: Unit, a: Region, b: Region) -> Clause:
    pair = unit.pair
    lines = [(chain, _line(chain)) for chain in unit.own if _content(chain[-1].node)]
    place_a, place_b = _clause_place(unit, "a"), _clause_place(unit, "b")
    if place_a is None or place_b is None:
        changes = [_whole(unit, place_a, place_b, a, b)]
    else:
        changes = _inside(unit, lines, a, b)
    return Clause(
        pair.key, pair.node.kind, place_a, place_b, tuple(line for _, line in lines), tuple(changes)
    )


def _clause_place(unit: Unit, which: Which) -> Place | None:
    node = side(unit.pair, which)
    if node is None:
        return None
    text = "\n".join(filter(None, (_printed(chain, which) for chain in unit.own if side(chain[-1], which))))
    return Place(node.num, clause_label(node), text)


def _printed(chain: Chain, which: Which) -> str:
    """One line of a clause's text: a heading with its label, a node with its own label."""
    node = side(chain[-1], which)
    assert node is not None
    if node.kind in _HEADED:
        return " ".join(filter(None, (clause_label(node), node.title)))
    return " ".join(filter(None, (node.num, text_of(node))))


def _line(chain: Chain) -> Line:
    pair = chain[-1]
    a, b = _place(chain, "a"), _place(chain, "b")
    return Line(pair.key, len(chain) - 1, a, b, words.ops(a.text if a else "", b.text if b else ""))


def _place(chain: Chain, which: Which) -> Place | None:
    node = side(chain[-1], which)
    return None if node is None else Place(node.num, address(chain, which), text_of(node))


def _content(node: Node) -> bool:
    """Whether ``node`` prints text of its own (not a Pasal or table, which only hold others)."""
    return node.kind == "row" or bool(node.title or inline_text(node.text))


def _whole(unit: Unit, place_a: Place | None, place_b: Place | None, a: Region, b: Region) -> Change:
    """The change of a clause in one draft only."""
    key = unit.pair.key
    kind: Kind = "optional"
    reason = ""
    if place_b is not None and key in b.added:
        kind, reason = "added", b.reasons[key]
    elif place_a is not None and key in a.added:
        kind, reason = "removed", a.reasons[key]
    elif _reason(key, a, b):
        kind, reason = "wording", _reason(key, a, b)
    ops = words.ops(place_a.text if place_a else "", place_b.text if place_b else "")
    params = _causes((*unit.outer, unit.pair), a, b, True) if kind == "optional" else ()
    return Change(kind, key, key, place_a, place_b, ops, params, reason or _noted(params, a, b))


Lines = list[tuple[Chain, Line]]


def _inside(unit: Unit, lines: Lines, a: Region, b: Region) -> list[Change]:
    """The changes inside a clause both drafts have: its renumbering first, then its nodes'."""
    pair = unit.pair
    assert pair.a is not None and pair.b is not None
    moved: list[tuple[str, str]] = []
    changes = list(_nodes(unit, lines, a, b, moved))
    if pair.a.num != pair.b.num or moved:
        place_a = Place(pair.a.num, clause_label(pair.a))
        place_b = Place(pair.b.num, clause_label(pair.b))
        refs = tuple(dict.fromkeys(moved))
        changes.insert(0, Change("renumbered", pair.key, pair.key, place_a, place_b, refs=refs))
    return changes


def _nodes(unit: Unit, lines: Lines, a: Region, b: Region, moved: list[tuple[str, str]]) -> Iterator[Change]:
    """The node changes of a clause both drafts have; reference words that moved go to ``moved``."""
    whole = _reason(unit.pair.key, a, b)
    shown: set[str] = set()  # nodes a region changed whose change is reported
    for chain, line in lines:
        node = chain[-1]
        own = next((pair.key for pair in reversed(chain) if _reason(pair.key, a, b)), "")
        reason = whole or _reason(own, a, b)
        if own in shown and not whole:
            continue
        kind: Kind
        if node.a is None or node.b is None:
            kind = _one_side(own, node.a is None, a, b) if reason else "optional"
        elif signature(node.a) != signature(node.b) and (reason or _skeleton(node.a) != _skeleton(node.b)):
            kind = "wording" if reason else "parameter"
        else:
            moved += _moved_refs(node.a, node.b)
            continue
        if own:
            shown.add(own)
        params = () if reason else _causes((*unit.outer, *chain), a, b, kind == "optional")
        why = reason or _noted(params, a, b)
        yield Change(kind, unit.pair.key, line.key, line.a, line.b, line.ops, params, why)


def _one_side(key: str, only_b: bool, a: Region, b: Region) -> Kind:
    """The class of a node a region changed that is in one draft only."""
    if only_b and key in b.added:
        return "added"
    if not only_b and key in a.added:
        return "removed"
    return "wording"


def _reason(key: str, a: Region, b: Region) -> str:
    """The reason(s) for a clause a region wrote itself, or "" when neither did."""
    reasons = [r for r in (a.reasons.get(key), b.reasons.get(key)) if r]
    if len(reasons) == 2 and reasons[0] != reasons[1]:
        return f"A: {reasons[0]} B: {reasons[1]}"
    return reasons[0] if reasons else ""


def _noted(params: tuple[str, ...], a: Region, b: Region) -> str:
    """Why the regions gave the values of ``params``, when their files say (B's first)."""
    notes = [side.notes[k] for k in params for side in (b, a) if k in side.notes]
    return "; ".join(dict.fromkeys(notes))


def _skeleton(node: Node) -> str:
    """The text without its references and the words that join them (a row: of its cells)."""
    if node.kind == "row":
        return "|".join(_skeleton(cell) for cell in node.children)
    return _GLUE.sub("", "".join(p for p in node.text if isinstance(p, str))) + node.title


def _moved_refs(a: Node, b: Node) -> list[tuple[str, str]]:
    """Reference words that differ between two texts that cite the same clauses."""
    refs_a = [p for p in a.text if isinstance(p, Ref)]
    refs_b = [p for p in b.text if isinstance(p, Ref)]
    if [r.key for r in refs_a] != [r.key for r in refs_b]:  # another count of cited items
        return [(_refs_text(refs_a), _refs_text(refs_b))]
    return [(x.words, y.words) for x, y in zip(refs_a, refs_b, strict=True) if x.words != y.words]


def _refs_text(refs: list[Ref]) -> str:
    return ", ".join(r.words for r in refs)


def _causes(chain: Chain, a: Region, b: Region, optional: bool) -> tuple[str, ...]:
    """The region keys behind a change to the last node of ``chain``.

    The keys of the node, else of the nearest node above it that has keys, whose values differ
    between the two regions; for an ``optional`` change, the list they belong to
    (``segments``, not ``segments[2]``).
    """
    for pair in reversed(chain):
        keys = {*_params(pair.a), *_params(pair.b)}
        differing = {k for k in keys if value_at(a.data, k) != value_at(b.data, k)}
        if optional:
            differing = {k.split("[", 1)[0] for k in differing}
        if differing:
            return tuple(sorted(k for k in differing if not any(_inside_key(o, k) for o in differing)))
    return ()


def _inside_key(key: str, outer: str) -> bool:
    """Whether ``key`` is a part of ``outer`` (``opd[1].name`` of ``opd[1]`` or ``opd``)."""
    return key.startswith((outer + ".", outer + "["))


def _params(node: Node | None) -> tuple[str, ...]:
    """The region keys of ``node`` (a table row: of its cells)."""
    if node is None:
        return ()
    return (
        node.params + tuple(k for cell in node.children for k in cell.params)
        if node.kind == "row"
        else node.params
    )
