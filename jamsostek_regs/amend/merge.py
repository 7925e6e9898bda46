"""The amended text: the new draft's words under the enacted text's numbers.

An amendment never renumbers what is enacted (Lampiran II UU 12/2011 angka 234 to 236):

* a unit of both texts (same key) keeps its enacted number and takes the new words;
* a unit only the new draft has is inserted with the number of the unit before it and a
  letter: Pasal 5A, 5B; ayat (1a); BAB IVA; Bagian Kedua A; Paragraf 1A (angka 234, 235). Added
  after the last unit of its kind it takes the next number instead (angka 236a, L2-2022);
* a unit only the enacted text has keeps its place and number, reading "Dihapus." (angka 236).

Rincian keep their enacted letters when the new list only deletes some of them (those then
read "dihapus"); otherwise the new list is lettered afresh, and its Pasal is restated whole.
A Pasal whose ayat go from one to many (or back) is numbered afresh in the same way.

Units are matched by key, list by list (the longest run of keys in the same order): a unit
that moves, in its list or to another BAB, is deleted at its enacted place (its placeholder's
key marked with :data:`MOVED`) and inserted at its new one. What no numbering can carry (a new
unit before the first of its kind, a lampiran added or removed) changes the systematics, which
an amendment cannot carry (angka 237): :class:`SystematicsChanged`.

The batang tubuh and lampiran of the result are punctuated and its references resolved anew,
so every reference reads the amended numbering (a reference to the Pasal after 5 reads "Pasal
5A"); the judul, pembukaan and penutup are the enacted ones, as they were.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Any, Literal

from jamsostek_regs.errors import JamsostekError
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.numerals import from_roman, ordinal_word, parse_ordinal_word, roman
from jamsostek_regs.passes.punctuation import punctuate
from jamsostek_regs.passes.references import resolve

Status = Literal["common", "inserted", "deleted"]

#: The text of a deleted Pasal or ayat, and of a deleted rincian (its list punctuation follows;
#: a deleted definition is capitalised, as each definition is a sentence).
DELETED = "Dihapus."
DELETED_ITEM = "dihapus"
#: Added to the key of the placeholder a moved unit leaves at its enacted place.
MOVED = "~dihapus"


class SystematicsChanged(JamsostekError):
    """The new draft changes the systematics in a way no amendment numbering can carry: a unit
    before the first of its kind, a lampiran added or removed (angka 237)."""


@dataclass(frozen=True, slots=True)
class Merged:
    """The amended text and what happened to each unit.

    Attributes:
        draft: the enacted regulation with the new words under the enacted numbers.
        status: key -> ``inserted`` or ``deleted`` for units of one text only.
        fresh: keys of the Pasal whose ayat are numbered afresh (one ayat became many, or back).
    """

    draft: Draft
    status: dict[str, Status] = field(default_factory=dict)
    fresh: frozenset[str] = frozenset()

    def of(self, key: str) -> Status:
        """What happened to the unit ``key``."""
        return self.status.get(key, "common")


def pairs(old: Sequence[Node], new: Sequence[Node]) -> Iterator[tuple[Status, Node]]:
    """The units of both lists in amended order, each with its status; a common unit is given
    as its new node. The longest run of keys in the same order is common; a unit that moves
    is deleted at its old place and inserted at its new one. A deleted unit comes before the
    units inserted at its place.
    """
    matcher = SequenceMatcher(None, [n.key for n in old], [n.key for n in new], autojunk=False)
    at_old = at_new = 0
    for start_old, start_new, size in matcher.get_matching_blocks():
        yield from (("deleted", n) for n in old[at_old:start_old])
        yield from (("inserted", n) for n in new[at_new:start_new])
        yield from (("common", n) for n in new[start_new : start_new + size])
        at_old, at_new = start_old + size, start_new + size


def next_number(previous: str, kind: str, at_end: bool) -> str:
    """The number of a unit inserted after the unit numbered ``previous``.

    Inside the text: ``previous`` and a letter ("5" -> "5A", "5A" -> "5B", "(1)" -> "(1a)",
    "IV" -> "IVA", "Kedua" -> "Kedua A"); at the end: the next number ("13" -> "14", "(3)" ->
    "(4)", "IV" -> "V", "Kedua" -> "Ketiga").
    """
    bare = previous.strip("()")
    suffix = _suffix(bare, kind)
    base = bare[: len(bare) - len(suffix)].rstrip()
    if at_end:
        if kind == "bab":
            return roman(from_roman(base) + 1)
        if kind == "bagian":
            return ordinal_word(parse_ordinal_word(base) + 1)
        following = str(int(base) + 1)
        return f"({following})" if kind == "ayat" else following
    if suffix:
        bumped = bare[:-1] + chr(ord(suffix) + 1)
    else:
        bumped = bare + (" A" if kind == "bagian" else "a" if kind == "ayat" else "A")
    return f"({bumped})" if kind == "ayat" else bumped


def _suffix(bare: str, kind: str) -> str:
    """The insertion letter at the end of a number ("" when there is none)."""
    last = bare[-1:]
    if kind == "bab":
        return last if last.isalpha() and last not in "IVXLCDM" else ""
    if kind == "bagian":
        return last if bare[-2:-1] == " " else ""
    return last if last.isalpha() else ""


def eid_part(num: str) -> str:
    """A number as it appears in an anchor id: "5A" -> "5A", "(1a)" -> "1a", "Kedua A" -> "Kedua_A"."""
    return num.strip("()").replace(" ", "_")


class _Merger:
    """Walks both batang tubuh in amended order, numbering Pasal across BAB."""

    def __init__(self, old: Node, new: Node) -> None:
        self.new = frozenset(n.key for n in new.walk())
        self.status: dict[str, Status] = {}
        self.fresh: set[str] = set()
        self.last_pasal = ""
        self.old_pasal = sum(1 for n in old.walk() if n.kind == "pasal")
        self.seen_pasal = 0

    def group(self, old: Node, new: Node, prefix: str) -> tuple[Node, ...]:
        """The merged children of a common BAB, Bagian or Paragraf (or the batang tubuh)."""
        olds = {n.key: n for n in old.children}
        out: list[Node] = []
        previous: dict[str, str] = {}
        for status, node in pairs(old.children, new.children):
            self._note(status, node)
            if node.kind == "pasal":
                out.append(self._pasal(status, node, olds.get(node.key) if status != "inserted" else None))
                continue
            if status == "common":
                before = olds[node.key]
                merged = replace(
                    node, num=before.num, eid=before.eid, children=self.group(before, node, before.eid)
                )
            elif status == "deleted":  # its Pasal keep their numbers, deleted too
                title = (DELETED.upper() if node.kind == "bab" else DELETED).removesuffix(".")
                inside = tuple(self._pasal("deleted", p, p) for p in node.walk() if p.kind == "pasal")
                merged = self.gone(node, title=title, children=inside)
            else:
                if node.kind not in previous:
                    raise SystematicsChanged(
                        f"a new {node.kind} ({node.key}) comes before the first {node.kind} of its group"
                    )
                later = any(o.kind == node.kind for o in old.children[_position(old, out) :])
                num = next_number(previous[node.kind], node.kind, not later)
                eid = f"{prefix}__{node.kind}_{eid_part(num)}" if prefix else f"{node.kind}_{eid_part(num)}"
                merged = replace(node, num=num, eid=eid, children=self.inserted(node.children, eid))
            previous[node.kind] = merged.num
            out.append(merged)
        return tuple(out)

    def inserted(self, children: tuple[Node, ...], prefix: str) -> tuple[Node, ...]:
        """The children of an inserted heading: everything in them is inserted too."""
        out = []
        for index, node in enumerate(children, 1):
            self._note("inserted", node)
            if node.kind == "pasal":
                out.append(self._pasal("inserted", node, None))
            else:
                eid = f"{prefix}__{node.kind}_{index}"
                out.append(replace(node, eid=eid, children=self.inserted(node.children, eid)))
        return tuple(out)

    def _note(self, status: Status, node: Node) -> None:
        if status == "common":
            return
        for inner in node.walk():
            self.status[self.placed(inner.key) if status == "deleted" else inner.key] = status

    def placed(self, key: str) -> str:
        """The key of the placeholder a deleted unit leaves: its own, unless it moved elsewhere."""
        return key + MOVED if key in self.new else key

    def gone(self, node: Node, **fields: Any) -> Node:
        """The placeholder of a deleted unit."""
        return replace(node, key=self.placed(node.key), **fields)

    def _pasal(self, status: Status, node: Node, old: Node | None) -> Node:
        if old is not None:
            self.seen_pasal += 1
            self.last_pasal = old.num
            if status == "deleted":
                ayat = Node("ayat", f"{self.placed(old.key)}.1", text=(DELETED,), eid=f"{old.eid}__ayat_1")
                self.status[ayat.key] = "deleted"
                return self.gone(old, children=(ayat,))
            return self._common_pasal(old, node)
        if not self.last_pasal:
            raise SystematicsChanged(f"a new Pasal ({node.key}) comes before the first Pasal")
        num = next_number(self.last_pasal, "pasal", self.seen_pasal == self.old_pasal)
        self.last_pasal = num
        eid = f"pasal_{eid_part(num)}"
        return replace(node, num=num, eid=eid, children=_reprefixed(node.children, node.eid, eid))

    def _common_pasal(self, old: Node, new: Node) -> Node:
        if len(old.children) < 2 or len(new.children) < 2:
            if [a.key for a in old.children] != [a.key for a in new.children]:
                self.fresh.add(new.key)
                return _renamed(new, old)
            kept = tuple(self._ayat(o, n) for o, n in zip(old.children, new.children, strict=True))
            return replace(new, num=old.num, eid=old.eid, children=kept)
        if new.children[0].key not in {a.key for a in old.children}:  # no ayat to insert after
            self.fresh.add(new.key)
            return _renamed(new, old)
        olds = {a.key: a for a in old.children}
        out: list[Node] = []
        passed = 0  # enacted ayat placed so far
        for status, ayat in pairs(old.children, new.children):
            self._note(status, ayat)
            if status == "common":
                passed += 1
                out.append(self._ayat(olds[ayat.key], ayat))
            elif status == "deleted":
                passed += 1
                out.append(self.gone(ayat, text=(DELETED,), children=(), end=""))
            else:
                num = next_number(out[-1].num, "ayat", passed == len(old.children))
                eid = f"{old.eid}__ayat_{eid_part(num)}"
                out.append(
                    replace(ayat, num=num, eid=eid, children=_reprefixed(ayat.children, ayat.eid, eid))
                )
        return replace(new, num=old.num, eid=old.eid, children=tuple(out))

    def _ayat(self, old: Node, new: Node) -> Node:
        return replace(new, num=old.num, eid=old.eid, children=self._items(old, new))

    def _items(self, old: Node, new: Node) -> tuple[Node, ...]:
        """Rincian keep their letters when the new list only deletes; else fresh letters."""
        new_items = [c for c in new.children if c.kind == "item"]
        kept = {c.key for c in new_items}
        only_deletes = [c.key for c in old.children if c.key in kept] == [c.key for c in new_items]
        same_others = [c.kind for c in old.children if c.kind != "item"] == [
            c.kind for c in new.children if c.kind != "item"
        ]
        if not (only_deletes and same_others):
            return _reprefixed(new.children, new.eid, old.eid)
        news = {c.key: c for c in new_items}
        others = iter(c for c in new.children if c.kind != "item")
        out = []
        for child in old.children:
            if child.kind != "item":
                out.append(next(others))
            elif child.key in news:
                item = news[child.key]
                out.append(replace(item, num=child.num, eid=child.eid, children=self._items(child, item)))
            else:
                self._note("deleted", child)
                text = DELETED_ITEM.capitalize() if old.style == "definisi" else DELETED_ITEM
                out.append(self.gone(child, text=(text,), children=(), conj="", end=""))
        return tuple(out)


def _position(old: Node, out: list[Node]) -> int:
    """How many of ``old``'s children the merged list ``out`` has passed."""
    keys = {n.key for n in out}
    return sum(1 for n in old.children if n.key in keys)


def _renamed(new: Node, old: Node) -> Node:
    """``new`` under ``old``'s number, its anchors moved there."""
    return replace(new, num=old.num, eid=old.eid, children=_reprefixed(new.children, new.eid, old.eid))


def _reprefixed(nodes: tuple[Node, ...], old: str, new: str) -> tuple[Node, ...]:
    """``nodes`` with anchor ids starting with ``old`` moved to ``new``."""
    if old == new:
        return nodes
    return tuple(
        replace(
            n,
            eid=new + n.eid[len(old) :] if n.eid.startswith(old) else n.eid,
            children=_reprefixed(n.children, old, new),
        )
        for n in nodes
    )


def merge(enacted: Draft, new: Draft) -> Merged:
    """The enacted regulation carrying ``new``'s batang tubuh and lampiran under enacted numbers.

    The judul, pembukaan and penutup stay the enacted ones; a lampiran of both takes the new
    body under its enacted heading and signature.

    Raises:
        SystematicsChanged: a new unit would come before the first of its kind, or the lampiran
            are not the same ones.
    """
    old_body = enacted.part("batang_tubuh")
    new_body = new.part("batang_tubuh")
    merger = _Merger(old_body, new_body)
    body = replace(old_body, children=merger.group(old_body, new_body, ""))
    old_lampiran = [p for p in enacted.root.children if p.kind == "lampiran"]
    new_lampiran = {p.key: p for p in new.root.children if p.kind == "lampiran"}
    if sorted(p.key for p in old_lampiran) != sorted(new_lampiran):
        raise SystematicsChanged("the new draft adds or removes a lampiran")
    parts = []
    for part in enacted.root.children:
        if part.kind == "batang_tubuh":
            part = body
        elif part.kind == "lampiran":
            part = _lampiran(part, new_lampiran[part.key])
        parts.append(part)
    amended = tuple(p for p in parts if p.kind in {"batang_tubuh", "lampiran"})
    punctuated = iter(punctuate(replace(enacted, root=enacted.root.with_children(amended))).root.children)
    parts = [next(punctuated) if p.kind in {"batang_tubuh", "lampiran"} else p for p in parts]
    draft = resolve(replace(enacted, root=enacted.root.with_children(tuple(parts))))
    return Merged(draft, merger.status, frozenset(merger.fresh))


def _lampiran(old: Node, new: Node) -> Node:
    """``new``'s body between ``old``'s heading and signature."""
    kepala, *_rest = old.children
    body = tuple(c for c in new.children if c.kind != "pengesahan")
    signature = tuple(c for c in old.children[1:] if c.kind == "pengesahan")
    return replace(new, num=old.num, eid=old.eid, children=(kepala, *body, *signature))
