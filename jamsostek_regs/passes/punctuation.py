"""Punctuation: the computed ending of every list item and list-introducing ayat.

Rincian end with ";" and the last with "." (R53, R56); an item that has sub-items ends with
":" (R53); the list's connective ("dan", "atau", "dan/atau") follows only the second-to-last
item (R55), and when that item has sub-items it follows the last of them. Definitions end
with "." (R60); Menimbang and Mengingat items end with ";" (R18, R27). Because the endings
are computed after conditional items were dropped, no connective is ever left dangling.
"""

from __future__ import annotations

from dataclasses import replace

from jamsostek_regs.model import Draft, Node


def punctuate(draft: Draft, _keys: frozenset[str] = frozenset()) -> Draft:
    """Return ``draft`` with the ``end`` of every item and ayat filled in."""
    return replace(draft, root=_visit(draft.root))


def _visit(node: Node) -> Node:
    if node.kind in {"konsiderans", "dasar_hukum"}:
        return node.with_children(tuple(replace(c, end=";") for c in node.children))
    if node.kind in {"ayat", "line"} and _has_items(node):
        end = "" if _ends_with_colon(node) else ":"
        return replace(node, end=end, children=_list(node, "."))
    if node.children:
        return node.with_children(tuple(_visit(c) for c in node.children))
    return node


def _has_items(node: Node) -> bool:
    return any(c.kind == "item" for c in node.children)


def _ends_with_colon(node: Node) -> bool:
    last = node.text[-1] if node.text else ""
    return isinstance(last, str) and last.endswith(":")


def _list(parent: Node, tail: str) -> tuple[Node, ...]:
    """Punctuate the items of ``parent``; ``tail`` is the ending of the list's last leaf."""
    items = [c for c in parent.children if c.kind == "item"]
    out = []
    for i, item in enumerate(items):
        if parent.style == "definisi":
            ending = "."
        elif i == len(items) - 1:
            ending = tail
        elif i == len(items) - 2 and parent.conj:
            ending = f"; {parent.conj}"
        else:
            ending = ";"
        if _has_items(item):
            end = "" if _ends_with_colon(item) else ":"
            out.append(replace(item, end=end, children=_list(item, ending)))
        else:
            out.append(replace(item, end=ending))
    return tuple(out)
