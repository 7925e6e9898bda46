"""The region-file entries that make a region's draft say what an edited document says.

:func:`plan` joins the region's draft (*ours*) and the document's (*theirs*, read and bound
against ours: :mod:`jamsostek_regs.reader.bind`) node by node, by key first
(:func:`jamsostek_regs.diff.align.align`), and writes one entry for each difference a region
file can express (docs/region-format.md):

* the judul's name changed: ``title`` (in title case, as the document's Menimbang writes it,
  else as a title is written); the Menimbang and Menetapkan that repeat it follow;
* an ayat, rincian, definition, Menimbang item or lampiran line whose own text changed:
  ``changes: replace`` (with its rincian, which keep their keys); one the document lacks:
  ``changes: remove``; one only the document has: ``changes: add`` after the sibling before it
  (before the next, or into its parent, when it is the first);
* a Pasal only the document has: ``additions`` after the Pasal before it (or ``in`` its BAB or
  Bagian when it is the last there); one the document lacks: ``changes: remove``; a new BAB or
  Bagian: ``changes: add`` with its ``kind`` and ``title``, its Pasal ``additions`` in it;
* a Mengingat item only the document has: ``mengingat`` citing the catalog's law with that
  jenis, number and year, else a law of the region's own (``laws``, its figures as the item
  writes them, the document named as its source).

* an edit at or inside a node one of the region's own ``changes`` or ``additions`` made or
  replaced: that entry's ``text`` written again (its reason kept), or the entry dropped when the
  document lost the node (with a ``remove`` of the standard's node it replaced).

Each new entry has ``reason: "..."`` for the drafter to fill in. Texts are the clause dialect
(:mod:`.text`). Numbers are never compared: a number that differs only because something
moved is no change, since the passes compute numbers and references again. What a region file
cannot say is a :class:`Refusal` naming the place and why: an edited or deleted Mengingat item
(computed from the catalog), a changed BAB, Bagian or Paragraf heading, a new Paragraf, a table,
a Pasal added at the head of a BAB that has others. What the builder computes (the Menimbang's closing
formula, the diktum, the penutup, the lampiran headings) is not planned: whether it follows
is found when the planned region is built and compared (:mod:`.absorbing`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from jamsostek_regs.absorb.text import Words, clause_text, pasal_text
from jamsostek_regs.citing import running_title
from jamsostek_regs.diff.align import Pair, align, signature
from jamsostek_regs.diff.units import address
from jamsostek_regs.model import Draft, Node, inline_text
from jamsostek_regs.reader.citations import cited
from jamsostek_regs.source.schema import LegalInstrument

#: The reason every entry gets, for the drafter to fill in.
REASON = "..."

Section = Literal["title", "changes", "additions", "laws", "mengingat"]

#: Kinds whose own text a ``changes`` entry replaces, removes or adds.
_TEXTS = frozenset({"ayat", "item", "line"})
#: Groups whose headings a region file cannot change.
_HEADINGS = frozenset({"bab", "bagian", "paragraf"})
#: Parts computed from the region's values, compared only once the planned region is built.
_COMPUTED = frozenset({"penutup", "diktum", "pengesahan"})
#: The Menimbang's closing formula, which the builder computes from the items (build/tree.py).
_CLOSING = "menimbang.penetapan"
_SLUG = re.compile(r"[^a-z0-9]+")
_GAZETTE = re.compile(r"Lembaran Negara Republik Indonesia Tahun (\d+) Nomor (\d+)")
_SUPPLEMENT = re.compile(r"Tambahan Lembaran Negara Republik Indonesia Nomor (\d+)")
_LOCAL_JENIS = frozenset({"uu", "perppu", "pp", "perpres"})


@dataclass(frozen=True, slots=True)
class Edit:
    """One entry to add to the region file.

    Attributes:
        section: the top-level key it goes under (``title`` is set, the others appended to).
        entry: the entry itself, as YAML writes it.
        label: what it does, for the plan ("replace Pasal 5 ayat (1)").
        text: what the document prints there.
    """

    section: Section
    entry: Mapping[str, Any]
    label: str
    text: str = ""
    #: The index of the region's own entry of ``section`` that this one updates (its keys
    #: set from ``entry``) or, with ``drop``, deletes; ``None``: a new entry.
    at: int | None = None
    drop: bool = False


@dataclass(frozen=True, slots=True)
class Refusal:
    """A difference no region file can express: where, and why."""

    address: str
    why: str

    def __str__(self) -> str:
        return f"{self.address}: {self.why}"


@dataclass(frozen=True, slots=True)
class Context:
    """What planning needs besides the two drafts.

    Attributes:
        words: the region's level words (grammar field -> value).
        catalog: the standard's legal basis and the region's own laws, by id.
        source: how a new law names where its figures were read (the document).
        owned: key of each node a region entry made or replaced -> that entry (``changes``
            or ``additions`` and its index): an edit there updates the entry.
        replaced: the keys of ``owned`` that are the standard's nodes a ``replace`` rewrote.
    """

    words: Words
    catalog: Mapping[str, LegalInstrument]
    source: str
    owned: Mapping[str, tuple[Section, int]] = field(default_factory=dict)
    replaced: frozenset[str] = frozenset()


@dataclass
class _Planner:
    context: Context
    had: dict[str, str]
    menimbang: list[str]
    edits: list[Edit] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    #: The ids given to added nodes, and the key each added node has in the region's draft.
    ids: set[str] = field(default_factory=set)
    keys: dict[str, str] = field(default_factory=dict)
    #: The region's entries already updated.
    updated: set[tuple[Section, int]] = field(default_factory=set)

    def walk(self, chain: tuple[Pair, ...]) -> None:
        pair = chain[-1]
        node = pair.node
        if node.kind in _COMPUTED:
            return
        if self._owned(chain):
            return
        if node.kind == "judul":
            self._judul(pair)
            return
        if pair.a is None or pair.b is None:
            self._one_side(chain)
            return
        if node.kind in _HEADINGS and pair.a.title != pair.b.title:
            self.refusals.append(Refusal(address(chain, "b"), "a region file cannot change a heading"))
        if node.kind in _TEXTS and signature(pair.a) != signature(pair.b) and pair.key != _CLOSING:
            self._replace(chain)
            return
        for child in pair.children:
            self.walk((*chain, child))

    def _owned(self, chain: tuple[Pair, ...]) -> bool:
        """An edit at or inside a node a region entry made: that entry's text updated, or the
        entry dropped when the document lost the node. Whether ``chain``'s node was one."""
        pair = chain[-1]
        if pair.a is not None and pair.b is not None and _said(pair.a) == _said(pair.b):
            return False
        for depth in range(len(chain) - 1, 0, -1):
            owner = chain[depth]
            entry = self.context.owned.get(owner.key)
            if entry is None or owner.a is None:
                continue
            if entry in self.updated:
                return True
            self.updated.add(entry)
            section, index = entry
            where = address(chain[: depth + 1], "a")
            if owner.b is None:  # the document lost what the region made
                self.edits.append(
                    Edit(section, {}, f"drop {section}[{index}] ({where})", at=index, drop=True)
                )
                if owner.key in self.context.replaced:  # and the standard's node it rewrote
                    removal = {"remove": owner.key, "reason": REASON}
                    self.edits.append(Edit("changes", removal, f"remove {where}", owner.a.plain()))
                return True
            node = owner.b
            if section == "additions":
                text = pasal_text(node, self.context.words, self.had)
            else:
                text = clause_text(node, _scope(chain[: depth + 1]), self.context.words, self.had)
            label = f"update {section}[{index}] ({where})"
            shown = _printed(node) if section == "additions" else node.plain()
            self.edits.append(Edit(section, {"text": text}, label, shown, at=index))
            return True
        return False

    def _judul(self, pair: Pair) -> None:
        """A changed name in the judul is a ``title``; the judul's other lines are computed."""
        for line in pair.children:
            if line.key == "judul.nama" and line.a and line.b and line.a.plain() != line.b.plain():
                title = running_title(line.b.plain(), self.menimbang)
                self.edits.append(Edit("title", {"text": title, "reason": REASON}, "title", title))

    def _replace(self, chain: tuple[Pair, ...]) -> None:
        pair = chain[-1]
        assert pair.b is not None
        if _group(chain) == "dasar_hukum":
            why = "a Mengingat item is computed from its law: change the law in legal_basis.yaml or `laws`"
            self.refusals.append(Refusal(address(chain, "b"), why))
            return
        text = clause_text(pair.b, _scope(chain), self.context.words, self.had)
        entry = {"replace": pair.key, "reason": REASON, "text": text}
        self.edits.append(Edit("changes", entry, f"replace {address(chain, 'a')}", pair.b.plain()))

    def _one_side(self, chain: tuple[Pair, ...]) -> None:
        pair = chain[-1]
        group = _group(chain)
        if pair.b is None:
            assert pair.a is not None
            if group == "dasar_hukum":
                why = "a Mengingat item is computed from the region's values and laws: it cannot be removed"
                self.refusals.append(Refusal(address(chain, "a"), why))
            elif pair.a.kind in {*_TEXTS, "pasal"}:
                entry = {"remove": pair.key, "reason": REASON}
                self.edits.append(Edit("changes", entry, f"remove {address(chain, 'a')}", pair.a.plain()))
            else:
                self.refusals.append(
                    Refusal(address(chain, "a"), f"a removed {pair.a.kind} cannot be expressed")
                )
            return
        added = pair.b
        if group == "dasar_hukum":
            self._mengingat(chain)
        elif added.kind == "pasal":
            self._addition(chain)
        elif added.kind in _HEADINGS - {"paragraf"}:
            self._group_added(chain)
        elif added.kind in _TEXTS:
            self._add(chain)
        else:
            self.refusals.append(Refusal(address(chain, "b"), f"an added {added.kind} cannot be expressed"))

    def _add(self, chain: tuple[Pair, ...]) -> None:
        pair, parent = chain[-1], chain[-2]
        assert pair.b is not None
        new = self._id(pair.b)
        place = self._place(parent, pair)
        entry = {
            "add": new,
            **place,
            "reason": REASON,
            "text": clause_text(pair.b, _scope(chain), self.context.words, {}),
        }
        self._rekey(pair, f"{parent.key}.{new}")
        self.edits.append(Edit("changes", entry, f"add {address(chain, 'b')}", pair.b.plain()))

    def _group_added(self, chain: tuple[Pair, ...]) -> None:
        """A new BAB or Bagian: a ``changes: add`` with its ``kind`` and ``title``, then its
        Pasal as ``additions`` in it."""
        pair, parent = chain[-1], chain[-2]
        assert pair.b is not None
        new = self._id(pair.b)
        place = self._place(parent, pair)
        title = pair.b.title
        entry = {"add": new, **place, "kind": pair.b.kind, "title": title, "reason": REASON}
        self._rekey(pair, f"{self.keys.get(parent.key, parent.key)}.{new}")
        self.edits.append(Edit("changes", entry, f"add {address(chain, 'b')}", title))
        for child in pair.children:
            self.walk((*chain, child))

    def _addition(self, chain: tuple[Pair, ...]) -> None:
        pair, parent = chain[-1], chain[-2]
        assert pair.b is not None
        siblings = [p for p in parent.children if p.node.kind == "pasal"]
        index = siblings.index(pair)
        before = next((p for p in reversed(siblings[:index]) if p.b is not None), None)
        if before is not None:
            place: dict[str, str] = {"after": self.keys.get(before.key, before.key)}
        elif index == len(siblings) - 1 or all(p.a is None for p in siblings[index:]):
            place = {"in": self.keys.get(parent.key, parent.key)}
        else:
            why = (
                "a Pasal added before the other Pasal of its BAB or Bagian cannot be placed: put it after one"
            )
            self.refusals.append(Refusal(address(chain, "b"), why))
            return
        new = self._id(pair.b)
        text = pasal_text(pair.b, self.context.words, {})
        self._rekey(pair, f"tambahan.{new}")
        entry = {"key": new, **place, "reason": REASON, "text": text}
        self.edits.append(Edit("additions", entry, f"add {address(chain, 'b')}", _printed(pair.b)))

    def _mengingat(self, chain: tuple[Pair, ...]) -> None:
        pair = chain[-1]
        assert pair.b is not None
        text = pair.b.plain()
        law = cited(text)
        if law is None:
            why = "an added Mengingat item must cite a regulation by jenis, number and year"
            self.refusals.append(Refusal(address(chain, "b"), why))
            return
        cites = (law.kind, law.number, law.year)
        catalog = self.context.catalog.items()
        known = next((k for k, v in catalog if (v.jenis, v.nomor, v.tahun) == cites), None)
        if known is None:
            if law.kind not in _LOCAL_JENIS:
                why = f"a {law.kind} cannot be declared in `laws`; add it to the standard's legal_basis.yaml"
                self.refusals.append(Refusal(address(chain, "b"), why))
                return
            known = f"{law.kind}_{law.year}_{law.number}"
            declared = _law(known, law.kind, law.number, law.year, law.title, text, self.context.source)
            self.edits.append(Edit("laws", declared, f"declare {known}", text))
        entry = {"law": known, "reason": REASON}
        self.edits.append(Edit("mengingat", entry, f"add {address(chain, 'b')}", text))

    def _place(self, parent: Pair, pair: Pair) -> dict[str, str]:
        siblings = list(parent.children)
        index = siblings.index(pair)
        before = next((p for p in reversed(siblings[:index]) if p.b is not None), None)
        if before is not None:
            return {"after": self.keys.get(before.key, before.key)}
        after = next((p for p in siblings[index + 1 :] if p.a is not None and p.b is not None), None)
        if after is not None:
            return {"before": after.key}
        return {"into": parent.key}

    def _id(self, node: Node) -> str:
        """A new id from the node's first words (its title's, or its first ayat's for a Pasal)."""
        said = node.title or next((inline_text(n.text) for n in node.walk() if n.text), "")
        words = _SLUG.sub("_", said.lower()).strip("_").split("_")
        base = "_".join(w for w in words[:4] if w) or node.kind
        new, n = base, 2
        while new in self.ids:
            new, n = f"{base}_{n}", n + 1
        self.ids.add(new)
        return new

    def _rekey(self, pair: Pair, key: str) -> None:
        """Later entries name the node added for ``pair`` by the key the region gives it."""
        self.keys[pair.key] = key


def plan(ours: Draft, theirs: Draft, context: Context) -> tuple[list[Edit], list[Refusal]]:
    """The entries that make ``ours`` say what ``theirs`` says, and what cannot be said."""
    had = {n.key: inline_text(n.text) for n in ours.walk() if {"level", "village_unit"} & set(n.params)}
    menimbang = [n.plain() for n in theirs.walk() if n.key.startswith("menimbang.")]
    planner = _Planner(context, had, menimbang)
    planner.walk((align(ours.root, theirs.root, ordered=True),))
    return planner.edits, planner.refusals


def _group(chain: tuple[Pair, ...]) -> str:
    """The kind of the nearest group above: ``dasar_hukum``, ``konsiderans``, ``pasal``..."""
    return next((p.node.kind for p in reversed(chain[:-1]) if p.node.kind != "item"), "")


def _scope(chain: tuple[Pair, ...]) -> str:
    """The key that scopes the ids of the nodes below (their Pasal, Menimbang or lampiran)."""
    kinds = {"pasal", "konsiderans", "lampiran"}
    return next((p.key for p in reversed(chain) if p.node.kind in kinds), "")


def _printed(pasal: Node) -> str:
    return "\n".join(n.plain() for n in pasal.children)


def _law(
    key: str, jenis: str, nomor: int, tahun: int, tentang: str, text: str, source: str
) -> dict[str, Any]:
    gazette = _GAZETTE.search(text)
    supplement = _SUPPLEMENT.search(text)
    entry: dict[str, Any] = {
        "id": key,
        "jenis": jenis,
        "nomor": nomor,
        "tahun": tahun,
        "tentang": tentang or None,
    }
    if gazette or supplement:
        entry["gazette"] = {
            "year": int(gazette[1]) if gazette else None,
            "number": int(gazette[2]) if gazette else None,
            "supplement": int(supplement[1]) if supplement else None,
        }
    entry["source"] = source
    return entry


def _said(node: Node) -> tuple[object, ...]:
    """What a node and everything below it say (its numbers apart)."""
    return (signature(node), node.end, tuple(_said(c) for c in node.children))
