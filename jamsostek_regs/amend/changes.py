"""Pasal I: the changes from the enacted text to the amended one, each in its statutory formula.

The amended text (:mod:`.merge`) is walked in document order; every unit whose printed text
differs from the enacted unit of the same key becomes one numbered change (Lampiran II UU
12/2011 angka 233 to 236; rulebook R125):

* a changed Pasal: "Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:", narrowed
  when only one kind of thing changed inside it: "Ketentuan ayat (2) Pasal 7 diubah sehingga
  Pasal 7 berbunyi sebagai berikut:", "Di antara ayat (1) dan ayat (2) Pasal 9 disisipkan 1
  (satu) ayat, yakni ayat (1a) sehingga Pasal 9 berbunyi sebagai berikut:", "Ketentuan ayat (2)
  Pasal 7 dihapus sehingga ...", "Ketentuan huruf c ayat (1) Pasal 14 dihapus sehingga ...";
  the whole Pasal is restated after each of these (angka 235, 236);
* inserted Pasal, BAB, Bagian or Paragraf: "Di antara Pasal 5 dan Pasal 6 disisipkan 1 (satu)
  pasal, yakni Pasal 5A sehingga berbunyi sebagai berikut:"; after the last unit of its kind,
  "Setelah Pasal 13 ditambahkan 1 (satu) pasal, yakni Pasal 14 ..." (angka 234, 236a);
* a deleted Pasal or heading: "Pasal 12 dihapus.", "BAB V dihapus." (angka 236);
* a changed heading title: "Judul BAB III diubah sehingga berbunyi sebagai berikut:";
* a changed lampiran: "Ketentuan Lampiran Peraturan Bupati ... Nomor ... Tahun ... tentang ...
  diubah sehingga menjadi sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak
  terpisahkan dari Peraturan Bupati ini."

Each :class:`Change` carries the restated units and where they go, so applying the changes to
the enacted text (:mod:`.consolidate`) gives the amended text exactly.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from jamsostek_regs.amend.merge import MOVED, Merged
from jamsostek_regs.citing import citation, cite
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.numerals import bilangan

Action = Literal["diubah", "disisipkan", "ditambahkan", "dihapus"]
#: How a change is applied: replace the unit ``target``; insert ``nodes`` after ``after`` in
#: ``parent``; replace only the title of ``target``; replace lampiran ``target``.
Mode = Literal["replace", "insert", "title", "lampiran"]

BERBUNYI = "sehingga berbunyi sebagai berikut:"


@dataclass(frozen=True, slots=True)
class Change:
    """One numbered change of Pasal I.

    Attributes:
        action: what the formula does to the unit.
        mode: how the change is applied to the enacted tree.
        formula: the sentence of the change, in Bahasa Indonesia.
        address: the unit changed, in drafting words ("Pasal 5", "BAB IVA").
        target: key of the unit replaced (``replace``, ``title``, ``lampiran``).
        parent: key of the unit an insertion goes into.
        after: key of the sibling an insertion follows ("" for the first place).
        nodes: the units as the amended text has them (restated after the formula, except for
            a deletion, whose node is the "Dihapus." placeholder, and a lampiran).
    """

    action: Action
    mode: Mode
    formula: str
    address: str
    target: str = ""
    parent: str = ""
    after: str = ""
    nodes: tuple[Node, ...] = ()

    @property
    def restates(self) -> bool:
        """Whether Pasal I prints ``nodes`` after the formula (it ends "berbunyi sebagai berikut:")."""
        return self.formula.endswith(":")


def shown(node: Node) -> tuple[tuple[str, str, str, str], ...]:
    """What the reader sees of ``node``: kind, number, title and text of it and every descendant."""
    return tuple((n.kind, n.num, n.title, n.plain()) for n in node.walk())


def listing(addresses: Sequence[str]) -> str:
    """``a``, ``a dan b``, ``a, b, dan c`` (R55)."""
    if len(addresses) < 3:
        return " dan ".join(addresses)
    return f"{', '.join(addresses[:-1])}, dan {addresses[-1]}"


def changes(enacted: Draft, merged: Merged, peraturan: str, amended: str = "") -> tuple[Change, ...]:
    """Every change from ``enacted`` to ``merged``, in document order.

    ``peraturan`` names the amending instrument in a lampiran formula ("Peraturan Bupati"), and
    ``amended`` the Perkada whose lampiran it changes ("Peraturan Bupati Lahat Nomor 5 Tahun 2024
    tentang ...", as UU 13/2022 Pasal I angka 18 names "Lampiran I Undang-Undang Nomor 12 Tahun
    2011 tentang ...").
    """
    old = {n.key: n for n in enacted.walk()}
    body = merged.draft.part("batang_tubuh")
    walker = _Walker(old, merged, [n for n in body.walk() if n.kind == "pasal"])
    found = list(walker.group(body, ()))
    lampiran = [p for p in merged.draft.root.children if p.kind == "lampiran"]
    for part in lampiran:
        if shown(part) != shown(old[part.key]):
            where = cite(part)
            found.append(
                Change(
                    "diubah",
                    "lampiran",
                    f"Ketentuan {where}{' ' + amended if amended else ''} diubah sehingga menjadi "
                    f"sebagaimana tercantum dalam {where} yang merupakan bagian tidak terpisahkan dari "
                    f"{peraturan} ini.",
                    where,
                    target=part.key,
                    nodes=(part,),
                )
            )
    return tuple(found)


class _Walker:
    def __init__(self, old: dict[str, Node], merged: Merged, pasal: list[Node]) -> None:
        self.old = old
        self.merged = merged
        self.pasal = pasal
        self.pasal_at = {p.key: i for i, p in enumerate(pasal)}

    def group(self, container: Node, chain: tuple[Node, ...]) -> Iterator[Change]:
        children = container.children
        index = 0
        while index < len(children):
            node = children[index]
            status = self.merged.of(node.key)
            if status == "inserted":
                end = index
                while end < len(children) and self._joins(children[end], node):
                    end += 1
                after = children[index - 1].key if index else ""
                yield self._inserted(children, index, end, container, after, chain)
                index = end
                continue
            index += 1
            if status == "deleted":
                if self._deleted(node):
                    where = citation((*chain, node)) if node.kind in {"bagian", "paragraf"} else cite(node)
                    target = node.key.removesuffix(MOVED)
                    yield Change("dihapus", "replace", f"{where} dihapus.", where, target, nodes=(node,))
            elif node.kind == "pasal":
                yield from self._pasal(node)
            else:
                if node.title != self.old[node.key].title:
                    heading = node.with_children(())
                    where = citation((*chain, node))
                    yield Change(
                        "diubah",
                        "title",
                        f"Judul {where} diubah {BERBUNYI}",
                        where,
                        node.key,
                        nodes=(heading,),
                    )
                yield from self.group(node, (*chain, node) if node.kind != "bab" else (node,))

    def _deleted(self, placeholder: Node) -> bool:
        """Whether this placeholder deletes something; not when the enacted text has it already
        (deleted by an earlier amendment)."""
        before = self.old.get(placeholder.key) or self.old[placeholder.key.removesuffix(MOVED)]
        return shown(before) != shown(placeholder)

    def _joins(self, node: Node, first: Node) -> bool:
        return self.merged.of(node.key) == "inserted" and node.kind == first.kind

    def _inserted(
        self,
        siblings: tuple[Node, ...],
        start: int,
        end: int,
        container: Node,
        after: str,
        chain: tuple[Node, ...],
    ) -> Change:
        units = siblings[start:end]
        kind = units[0].kind
        named = listing([cite(u) for u in units])
        count = f"{bilangan(len(units))} {kind}"
        if kind == "pasal":
            before = self.pasal[self.pasal_at[units[0].key] - 1]
            following = self.pasal[self.pasal_at[units[-1].key] + 1 :]
            nxt = next((p for p in following if self.merged.of(p.key) != "inserted"), None)
            place = ""
        else:
            same = [s for s in siblings if s.kind == kind]
            position = same.index(units[0])
            before = same[position - 1]
            later = same[position + len(units) :]
            nxt = later[0] if later else None
            place = f" {citation(chain)}" if chain and kind != "bab" else ""
        if nxt is None:
            formula = f"Setelah {cite(before)}{place} ditambahkan {count}, yakni {named} {BERBUNYI}"
            action: Action = "ditambahkan"
        else:
            between = f"Di antara {cite(before)} dan {cite(nxt)}{place}"
            formula = f"{between} disisipkan {count}, yakni {named} {BERBUNYI}"
            action = "disisipkan"
        return Change(action, "insert", formula, named, parent=container.key, after=after, nodes=units)

    def _pasal(self, node: Node) -> Iterator[Change]:
        before = self.old[node.key]
        if shown(node) == shown(before):
            return
        where = cite(node)
        generic = Change(
            "diubah", "replace", f"Ketentuan {where} diubah {BERBUNYI}", where, node.key, nodes=(node,)
        )
        if node.key in self.merged.fresh:
            yield generic
            return
        found = self._inside(node)
        kinds = [k for k, units in found.items() if units]
        if len(kinds) != 1 or (kinds == ["diubah"] and not node.children[0].num):
            yield generic
            return
        kind = kinds[0]
        units = found[kind]
        berbunyi = f"sehingga {where} berbunyi sebagai berikut:"
        if kind == "disisipkan":
            yield self._ayat_inserted(node, units, berbunyi) or generic
            return
        named = listing(units)
        action: Action = "diubah" if kind == "diubah" else "dihapus"
        formula = f"Ketentuan {named} {where} {action} {berbunyi}"
        yield Change(action, "replace", formula, f"{named} {where}", node.key, nodes=(node,))

    def _inside(self, pasal: Node) -> dict[str, list[str]]:
        """Addresses inside ``pasal`` by what happened to them: ayat ``diubah``, ``disisipkan``
        (the keys), ``dihapus``; rincian ``huruf`` deleted (inner citation first)."""
        found: dict[str, list[str]] = {"diubah": [], "disisipkan": [], "dihapus": [], "huruf": []}
        for ayat in pasal.children:
            status = self.merged.of(ayat.key)
            if status == "inserted":
                found["disisipkan"].append(ayat.key)
            elif status == "deleted":
                if self._deleted(ayat):
                    found["dihapus"].append(cite(ayat))
            elif shown(ayat) != shown(self.old[ayat.key]):
                deleted = self._deleted_items(ayat, (ayat,))
                if deleted and shown(self._restored(ayat)) == shown(self.old[ayat.key]):
                    found["huruf"].extend(deleted)
                else:
                    found["diubah"].append(cite(ayat))
        return found

    def _deleted_items(self, node: Node, chain: tuple[Node, ...]) -> list[str]:
        out = []
        for item in node.children:
            if self.merged.of(item.key) == "deleted":
                if self._deleted(item):
                    out.append(citation(reversed((*chain, item))))
            else:
                out.extend(self._deleted_items(item, (*chain, item)))
        return out

    def _restored(self, node: Node) -> Node:
        """``node`` with its deleted rincian put back as enacted."""
        if self.merged.of(node.key) == "deleted":
            return self.old[node.key.removesuffix(MOVED)]
        return node.with_children(tuple(self._restored(c) for c in node.children))

    def _ayat_inserted(self, pasal: Node, keys: list[str], berbunyi: str) -> Change | None:
        """One run of inserted ayat: between two ayat, or after the last; ``None`` for more runs."""
        ayat = pasal.children
        at = [i for i, a in enumerate(ayat) if a.key in keys]
        if at != list(range(at[0], at[0] + len(at))):
            return None
        named = listing([cite(ayat[i]) for i in at])
        count = f"{bilangan(len(at))} ayat"
        before = ayat[at[0] - 1]
        where = cite(pasal)
        if at[-1] + 1 < len(ayat):
            head = f"Di antara {cite(before)} dan {cite(ayat[at[-1] + 1])} {where} disisipkan"
            action: Action = "disisipkan"
        else:
            head = f"Setelah {cite(before)} {where} ditambahkan"
            action = "ditambahkan"
        formula = f"{head} {count}, yakni {named} {berbunyi}"
        return Change(action, "replace", formula, f"{named} {where}", pasal.key, nodes=(pasal,))
