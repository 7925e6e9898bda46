"""Numbering: the label (``num``) and anchor id (``eid``) of every numbered node.

BAB: Roman numerals, continuous (R44). Bagian: ordinal words restarting in each BAB (R45).
Paragraf: Arabic, restarting in each Bagian (R46). Pasal: Arabic, continuous through the
whole batang tubuh (R47). Ayat: "(n)" only when a Pasal has more than one (R49). Rincian:
a. > 1. > a) > 1) by depth (R54); definitions 1., 2. (R60). Menimbang items lettered and
Mengingat items numbered only when there is more than one (R18, R21, R27). Lampiran: Roman
numerals when there is more than one (R105).
"""

from __future__ import annotations

from dataclasses import replace

from jamsostek_regs.citing import item_word
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.numerals import letter_label, ordinal_word, roman


def number(draft: Draft, _keys: frozenset[str] = frozenset()) -> Draft:
    """Return ``draft`` with every label and anchor id computed."""
    counter = _Counter()
    children = []
    lampiran_count = sum(1 for c in draft.root.children if c.kind == "lampiran")
    lampiran_index = 0
    for part in draft.root.children:
        if part.kind == "batang_tubuh":
            part = part.with_children(tuple(counter.bab(b, i) for i, b in enumerate(part.children, 1)))
        elif part.kind == "pembukaan":
            part = part.with_children(tuple(_pembukaan_group(c) for c in part.children))
        elif part.kind == "lampiran":
            lampiran_index += 1
            part = _lampiran(part, lampiran_index if lampiran_count > 1 else 0)
        children.append(part)
    return replace(draft, root=draft.root.with_children(tuple(children)))


class _Counter:
    """Carries the continuous Pasal number across BAB."""

    def __init__(self) -> None:
        self.pasal = 0

    def bab(self, node: Node, index: int) -> Node:
        num = roman(index)
        eid = f"bab_{index}"
        return replace(node, num=num, eid=eid, children=self._group(node.children, eid))

    def _group(self, children: tuple[Node, ...], prefix: str) -> tuple[Node, ...]:
        out = []
        index = 0
        for child in children:
            if child.kind == "pasal":
                out.append(self._pasal(child))
                continue
            index += 1
            if child.kind == "bagian":
                num, eid = ordinal_word(index), f"{prefix}__bagian_{index}"
            else:
                num, eid = str(index), f"{prefix}__paragraf_{index}"
            out.append(replace(child, num=num, eid=eid, children=self._group(child.children, eid)))
        return tuple(out)

    def _pasal(self, node: Node) -> Node:
        self.pasal += 1
        eid = f"pasal_{self.pasal}"
        many = len(node.children) > 1
        ayat = tuple(
            replace(
                a,
                num=f"({i})" if many else "",
                eid=f"{eid}__ayat_{i}",
                children=_items(a, f"{eid}__ayat_{i}", 0),
            )
            for i, a in enumerate(node.children, 1)
        )
        return replace(node, num=str(self.pasal), eid=eid, children=ayat)


_MARKERS = ("{l}.", "{n}.", "{l})", "{n})")


def item_label(index: int, depth: int, style: str) -> str:
    """Label of the ``index``-th item at ``depth`` (0-based) of a list in ``style``."""
    marker = "{n}." if style != "rincian" and depth == 0 else _MARKERS[depth]
    return marker.format(l=letter_label(index), n=index)


def _items(parent: Node, prefix: str, depth: int) -> tuple[Node, ...]:
    out = []
    for i, item in enumerate(parent.children, 1):
        if item.kind != "item":
            out.append(item)
            continue
        label = item_label(i, depth, parent.style)
        eid = f"{prefix}__{item_word(label)}_{label.strip('.)')}"  # an id holds no parenthesis
        out.append(replace(item, num=label, eid=eid, children=_items(item, eid, depth + 1)))
    return tuple(out)


def _pembukaan_group(node: Node) -> Node:
    if node.kind not in {"konsiderans", "dasar_hukum"} or len(node.children) < 2:
        return node
    style = "rincian" if node.kind == "konsiderans" else "dasar_hukum"
    items = tuple(
        replace(c, num=item_label(i, 0, style), eid=f"{node.key}_{i}") for i, c in enumerate(node.children, 1)
    )
    return node.with_children(items)


def _lampiran(node: Node, index: int) -> Node:
    num = roman(index) if index else ""
    eid = f"lampiran_{index or 1}"
    kepala, *rest = node.children
    first, *others = kepala.children
    first = replace(first, text=(f"LAMPIRAN {num}".strip(),))
    kepala = kepala.with_children((first, *others))
    body = tuple(replace(c, children=_items(c, f"{eid}__{i}", 0)) for i, c in enumerate(rest, 1))
    return replace(node, num=num, eid=eid, children=(kepala, *body))
