"""Apply a region's ``changes:`` to the tree while it is built (see :mod:`jamsostek_regs.source.changes`).

:class:`Changes` is given each container as the builder makes it (a Pasal, the Menimbang
before its closing formula is computed, a lampiran's body, the batang tubuh for new BAB and
Bagian) and applies the entries whose key it holds, each once. What could not be applied, and
what a build must refuse (an empty new BAB, a removed node a reference cites), is collected as
``(key path, message)`` for the builder to report at the entry's line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from jamsostek_regs.model import Kind, Node, Ref, Source
from jamsostek_regs.source.changes import target
from jamsostek_regs.source.schema import Change, closest
from jamsostek_regs.source.yamlsource import KeyPath

#: Parses region text: (text, file, scope key, top kind) -> its top nodes.
Parser = Callable[[str, str, str, str], tuple[Node, ...]]

#: The kind of node each kind of parent holds, for an ``into`` that is its first child.
_HOLDS: dict[str, str] = {
    "pasal": "ayat",
    "ayat": "item",
    "item": "item",
    "konsiderans": "item",
    "lampiran": "line",
    "bab": "pasal",
    "bagian": "pasal",
}
#: Kinds a text of the clause dialect makes (a Pasal comes from `additions`, a BAB from `kind`).
_TEXT_KINDS = frozenset({"ayat", "item", "line", "row"})
#: Kinds whose nodes scope the keys of the ids a text names (``{: #id}``).
_SCOPES = frozenset({"pasal", "konsiderans", "lampiran"})


@dataclass
class Changes:
    """The entries of one region, applied container by container as the tree is built."""

    entries: list[Change]
    parse: Parser
    #: How sources name the region text of a node key.
    file: Callable[[str], str]
    applied: set[int] = field(default_factory=set)
    #: Index of each ``remove`` -> the keys it took out of the draft.
    removed: dict[int, frozenset[str]] = field(default_factory=dict)
    #: Key of each node an entry made -> that entry's index.
    made: dict[str, int] = field(default_factory=dict)
    problems: list[tuple[KeyPath, str, str]] = field(default_factory=list)

    def apply(self, node: Node, scope: str = "") -> Node:
        """``node`` with the entries for the keys under it applied."""
        if len(self.applied) == len(self.entries):
            return node
        scope = node.key if node.kind in _SCOPES else scope
        children: list[Node] = []
        for child in node.children:
            children += self._placed(node, child, "before", scope)
            i = self._entry("replace", child.key)
            j = self._entry("remove", child.key)
            if i is not None:
                children += self._text_node(i, child.kind, child.key, scope, child)
            elif j is not None:
                self.removed[j] = frozenset(n.key for n in child.walk())
            else:
                children.append(self.apply(child, scope))
            children += self._placed(node, child, "after", scope)
        children += self._placed(node, None, "into", scope)
        return node.with_children(tuple(children)) if tuple(children) != node.children else node

    def _entry(self, action: str, key: str) -> int | None:
        """The first entry not applied yet whose ``action`` names ``key`` (marked applied)."""
        for i, change in enumerate(self.entries):
            if i not in self.applied and getattr(change, action) == key:
                self.applied.add(i)
                return i
        return None

    def _placed(self, parent: Node, sibling: Node | None, where: str, scope: str) -> Iterator[Node]:
        """The nodes added ``where`` (before, after, into) ``sibling`` (or ``parent`` for into)."""
        anchor = parent if sibling is None else sibling
        while (i := self._entry(where, anchor.key)) is not None:
            change = self.entries[i]
            holds = sibling.kind if sibling is not None else self._holds(parent)
            key = f"{parent.key}.{change.add}"
            if any(c.key == key for c in parent.children) or key in self.made:
                self.problems.append((("changes", i, "add"), f"'{key}' is already a key of this draft", ""))
                continue
            made = (
                list(self._group(i, change, parent, sibling))
                if change.kind is not None
                else self._text_node(i, holds, key, scope, None)
            )
            for node in made:
                self.made[node.key] = i
                yield node
                if where != "before":  # an add may follow a node another add made
                    yield from self._placed(parent, node, "after", scope)

    @staticmethod
    def _holds(parent: Node) -> str:
        return parent.children[-1].kind if parent.children else _HOLDS.get(parent.kind, "")

    def _group(self, i: int, change: Change, parent: Node, sibling: Node | None) -> Iterator[Node]:
        """An empty BAB or Bagian, where the entry may put one."""
        kind: Kind = "bab" if change.kind == "bab" else "bagian"
        fits = (
            sibling.kind == kind
            if sibling is not None
            else kind == "bagian" and parent.kind == "bab" and not _has(parent, "pasal")
        )
        if not fits:
            message = _misplaced(kind, sibling or parent, sibling is None)
            self.problems.append((("changes", i, "kind"), message, ""))
            return
        key = f"{parent.key}.{change.add}"
        yield Node(kind, key, title=change.title or "", source=Source(self.file(key), 1))

    def _text_node(self, i: int, kind: str, key: str, scope: str, old: Node | None) -> list[Node]:
        """The node entry ``i``'s text makes in place of ``old`` (or new, keyed ``key``)."""
        change = self.entries[i]
        text = change.text or ""
        if kind not in _TEXT_KINDS:
            what = "an override of the Pasal" if kind == "pasal" else "`kind` and `title`"
            message = f"'{key}' is a {kind or 'node without children'}: its text is changed with {what}"
            self.problems.append((("changes", i), message, ""))
            return [] if old is None else [old]
        file = self.file(key)
        if kind == "row":
            cells = [c.strip() for c in text.strip().strip("|").split("|")]
            row_cells = tuple(Node("line", f"{key}.{n}", text=(c,)) for n, c in enumerate(cells, 1))
            return [Node("row", key, children=row_cells, source=Source(file, 1))]
        nodes = self.parse(text, file, scope or key, kind)
        if len(nodes) != 1:
            message = f"the text must be one {kind} (it makes {len(nodes)})"
            self.problems.append((("changes", i, "text"), message, ""))
            return [] if old is None else [old]
        return [_rekeyed(nodes[0], key)]

    def unapplied(self, keys: list[str]) -> None:
        """Note each entry whose key the draft (with ``keys``) does not have."""
        for i, change in enumerate(self.entries):
            if i not in self.applied:
                key = target(change)
                message = f"this region's draft has no '{key}'"
                self.problems.append((("changes", i), message, closest(key, keys)))

    def empty_groups(self, body: Node) -> None:
        """Note each BAB or Bagian an entry made that no Pasal went into."""
        for node in body.walk():
            if node.kind in {"bab", "bagian"} and node.key in self.made and not node.children:
                message = f"the new {node.kind} '{node.key}' is empty: put Pasal in it (`additions`, `in`)"
                self.problems.append((("changes", self.made[node.key]), message, ""))

    def cited_removals(self, root: Node) -> None:
        """Note each ``remove`` of a node (or of a node inside it) that a reference cites."""
        cites = {p.key: p.source for n in root.walk() for p in n.text if isinstance(p, Ref)}
        for i, keys in self.removed.items():
            for key in sorted(keys & set(cites)):
                message = f"'{key}' is cited at {cites[key]}: change that reference before removing it"
                self.problems.append((("changes", i, "remove"), message, ""))


def _has(node: Node, kind: str) -> bool:
    return any(c.kind == kind for c in node.children)


def _misplaced(kind: str, anchor: Node, into: bool) -> str:
    where = "into" if into else "next to"
    allowed = "after or before a BAB" if kind == "bab" else "after or before a Bagian, or into a BAB"
    return f"a new {kind} goes {allowed}; '{anchor.key}' ({where}) is a {anchor.kind}"


def _rekeyed(node: Node, key: str) -> Node:
    """``node`` keyed ``key``, its unnamed descendants (keyed by place under it) with it."""
    old = node.key

    def move(n: Node) -> Node:
        new_key = key + n.key[len(old) :] if n.key == old or n.key.startswith(old + ".") else n.key
        return replace(n, key=new_key, children=tuple(move(c) for c in n.children))

    return move(node)
