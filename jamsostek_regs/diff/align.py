"""Join two drafts node by node: by stable key first, so numbers never decide what matches.

Children of two matched nodes are paired in three passes:

1. **by key**: a node whose key ends in a name (``pendanaan.sumber.apbd``) matches the node
   with the same key on the other side, wherever it stands;
2. **by text**: of the nodes left, those with the same text match in order (an OPD line that
   one region calls ``disnaker`` and another ``disnakertrans``, same role and words);
3. **by likeness**: nodes whose key is only a position (``maksud_tujuan.maksud.1``, a table
   row, a cell: the key ends in a number, so it moves when a conditional sibling is left out)
   and that are still unpaired match the most alike unpaired positional node between the
   same neighbours, if at least half alike.

What stays unpaired is present on one side only. The result keeps B's order, each node
present only in A placed before the next node both sides share. A node that moved (B has it
before a sibling A has it after) is one node to the diff; a redline, which must read as A
once its changes are rejected, asks for an ``ordered`` join, where such a node is deleted
where A has it and inserted where B has it.
"""

from __future__ import annotations

import bisect
import difflib
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from jamsostek_regs.model import Node

#: Least likeness (difflib ratio of the texts) for two positional nodes to be one node.
MIN_LIKENESS = 0.5
#: Pairs of texts whose likeness a process remembers.
LIKENESS_CACHE = 8192

Signature = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Pair:
    """A node of the joined tree: the node of A, of B, or both, and the joined children."""

    a: Node | None
    b: Node | None
    children: tuple[Pair, ...] = ()

    @property
    def node(self) -> Node:
        """B's node, or A's when only A has it."""
        node = self.b or self.a
        assert node is not None
        return node

    @property
    def key(self) -> str:
        """The key of the node (B's, when the two differ)."""
        return self.node.key

    def walk(self) -> Iterator[Pair]:
        """This pair and every pair below it, in the joined order."""
        yield self
        for child in self.children:
            yield from child.walk()


def align(a: Node | None, b: Node | None, ordered: bool = False) -> Pair:
    """Join the trees under ``a`` and ``b`` (either may be missing); ``ordered``: no moves."""
    if a is None or b is None:
        node = a or b
        assert node is not None
        children = tuple(align(c, None) if a else align(None, c) for c in node.children)
        return Pair(a, b, children)
    return Pair(a, b, tuple(align(x, y, ordered) for x, y in _pairs(a, b, ordered)))


def positional(node: Node) -> bool:
    """Whether ``node``'s key is only its position among its siblings."""
    return node.key.rpartition(".")[2].isdigit()


def signature(node: Node) -> Signature:
    """What a reader sees of ``node`` apart from numbers: title and text, references by key."""
    if node.kind == "row":
        return tuple(signature(cell) for cell in node.children)
    return (node.title, *(p if isinstance(p, str) else ("ref", p.key, p.bare) for p in node.text))


def text_of(node: Node) -> str:
    """The printed text of ``node`` (a row: its cells joined by " | ")."""
    if node.kind == "row":
        return " | ".join(text_of(cell) for cell in node.children)
    return node.title or node.plain()


def _pairs(a: Node, b: Node, ordered: bool) -> list[tuple[Node | None, Node | None]]:
    left, right = a.children, b.children
    if a.kind == "row":  # cells pair by column
        width = max(len(left), len(right))
        return [(_at(left, i), _at(right, i)) for i in range(width)]
    match = _by_key(left, right)
    _by_text(left, right, match)
    return _merge(left, right, _in_order(match) if ordered else match)


def _in_order(match: dict[int, int]) -> dict[int, int]:
    """The most pairs of ``match`` that keep both orders (a longest increasing subsequence)."""
    pairs = sorted(match.items())
    tails: list[int] = []  # tails[k]: smallest B index ending an increasing run of length k + 1
    ends: list[int] = []  # ends[k]: index into pairs of that run's last pair
    back = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        back[n] = ends[k - 1] if k else -1
        tails[k : k + 1] = [j]
        ends[k : k + 1] = [n]
    kept: dict[int, int] = {}
    n = ends[-1] if ends else -1
    while n >= 0:
        kept[pairs[n][0]] = pairs[n][1]
        n = back[n]
    return kept


def _at(nodes: Sequence[Node], index: int) -> Node | None:
    return nodes[index] if index < len(nodes) else None


def _by_key(left: Sequence[Node], right: Sequence[Node]) -> dict[int, int]:
    """A index -> B index of the named nodes with the same key."""
    where = {n.key: j for j, n in enumerate(right) if not positional(n)}
    return {i: where[n.key] for i, n in enumerate(left) if not positional(n) and n.key in where}


def _by_text(left: Sequence[Node], right: Sequence[Node], match: dict[int, int]) -> None:
    """Passes 2 and 3 over the nodes ``match`` leaves unpaired (``match`` grows)."""
    taken = set(match.values())
    rest_a = [i for i in range(len(left)) if i not in match]
    rest_b = [j for j in range(len(right)) if j not in taken]
    if not rest_a or not rest_b:
        return
    sigs_a = [signature(left[i]) for i in rest_a]
    sigs_b = [signature(right[j]) for j in rest_b]
    matcher = difflib.SequenceMatcher(None, sigs_a, sigs_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            match.update((rest_a[i], rest_b[j]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True))
        elif tag == "replace":
            gap_a = [rest_a[i] for i in range(i1, i2) if positional(left[rest_a[i]])]
            gap_b = [rest_b[j] for j in range(j1, j2) if positional(right[rest_b[j]])]
            match.update(_alike(left, right, gap_a, gap_b))


def _alike(
    left: Sequence[Node], right: Sequence[Node], gap_a: list[int], gap_b: list[int]
) -> Iterator[tuple[int, int]]:
    """Greedy pairs of the most alike nodes of two gaps, at least :data:`MIN_LIKENESS` alike."""
    scored = sorted((-_likeness(left[i], right[j]), i, j) for i in gap_a for j in gap_b)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for score, i, j in scored:
        if -score >= MIN_LIKENESS and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            yield i, j


def _likeness(a: Node, b: Node) -> float:
    return _text_likeness(text_of(a), text_of(b))


@functools.lru_cache(maxsize=LIKENESS_CACHE)
def _text_likeness(a: str, b: str) -> float:
    """How alike two texts are (0 to 1); 0 when even the cheap upper bounds of the ratio show
    they cannot be :data:`MIN_LIKENESS` alike (no pair below it is ever made). Cached: a batch
    diffs many regions against one standard, whose Mengingat items meet the same texts again."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < MIN_LIKENESS or matcher.quick_ratio() < MIN_LIKENESS:
        return 0.0
    return matcher.ratio()


def _merge(
    left: Sequence[Node], right: Sequence[Node], match: dict[int, int]
) -> list[tuple[Node | None, Node | None]]:
    """B's order, each node only in A placed before the next node both sides share."""
    by_b = {j: i for i, j in match.items()}
    shared_from = [len(left)] * (len(right) + 1)  # A index of the first shared node at j or later
    for j in range(len(right) - 1, -1, -1):
        shared_from[j] = by_b.get(j, shared_from[j + 1])
    out: list[tuple[Node | None, Node | None]] = []
    only_a = [i for i in range(len(left)) if i not in match]
    for j, node in enumerate(right):
        while only_a and only_a[0] < shared_from[j]:
            out.append((left[only_a.pop(0)], None))
        i = by_b.get(j)
        out.append((None if i is None else left[i], node))
    out += [(left[i], None) for i in only_a]
    return out
