"""Tiny-tree builders and hypothesis strategies for the pass and property tests.

The builders make the unnumbered trees :func:`jamsostek_regs.build.build` would make (list
connectives and styles set, numbers, ends and reference words empty), so the passes can be
run on trees small enough to read in a test. :func:`batang_tubuh_drafts` draws random
batang tubuh trees with random cross-references between their Pasal, ayat and rincian.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from hypothesis import strategies as st

from jamsostek_regs.model import Conj, Draft, Inline, Kind, ListStyle, Meta, Node, Ref, Source

META = Meta(
    region_id="contoh",
    level="kabupaten",
    region_name="Kabupaten Contoh",
    title="Rancangan Peraturan Bupati Contoh tentang Contoh",
    standard_id="kemendagri",
    standard_version="1",
)
TEMPLATE = "contoh.md.jinja"

Text = str | tuple[Inline, ...]


def _text(text: Text) -> tuple[Inline, ...]:
    return (text,) if isinstance(text, str) else text


def ref(key: str, line: int = 1, bare: bool = False) -> Ref:
    """A reference as the clause parser makes it, from line ``line`` of :data:`TEMPLATE`."""
    return Ref(key, Source(TEMPLATE, line), bare)


def item(key: str, text: Text, *children: Node, conj: Conj = "dan", style: ListStyle = "rincian") -> Node:
    """A rincian; ``children`` are its sub-items (their list has ``conj`` and ``style``)."""
    return Node("item", key, _text(text), children=children, conj=conj if children else "", style=style)


def ayat(key: str, text: Text, *items: Node, conj: Conj = "dan", style: ListStyle = "rincian") -> Node:
    """An ayat; ``items`` are its rincian (their list has ``conj`` and ``style``)."""
    return Node("ayat", key, _text(text), children=items, conj=conj if items else "", style=style)


def pasal(key: str, *children: Node) -> Node:
    """A Pasal of the given ayat (one plain ayat ``<key>.1`` when none are given)."""
    return Node("pasal", key, children=children or (ayat(f"{key}.1", "Ketentuan"),))


def bab(key: str, *children: Node) -> Node:
    """A BAB holding Pasal or Bagian."""
    return Node("bab", key, title=key.upper(), children=children)


def bagian(key: str, *children: Node) -> Node:
    """A Bagian holding Pasal or Paragraf."""
    return Node("bagian", key, title=key.title(), children=children)


def paragraf(key: str, *children: Node) -> Node:
    """A Paragraf holding Pasal."""
    return Node("paragraf", key, title=key.title(), children=children)


def line(key: str, text: Text, *items: Node, conj: Conj = "dan") -> Node:
    """A line (pembukaan, penutup and lampiran text); a lampiran line may introduce ``items``."""
    return Node("line", key, _text(text), children=items, conj=conj if items else "")


def konsiderans(*items: Node) -> Node:
    """Menimbang with the given items."""
    return Node("konsiderans", "menimbang", children=items)


def dasar_hukum(*items: Node) -> Node:
    """Mengingat with the given items."""
    return Node("dasar_hukum", "mengingat", children=items)


def lampiran(key: str, *body: Node) -> Node:
    """A lampiran as the builder makes it: kepala lines, ``body``, then the signature."""
    kepala = Node(
        "pengesahan",
        f"{key}.kepala",
        children=(line(f"{key}.kepala.lampiran", "LAMPIRAN"), line(f"{key}.kepala.nama", "CONTOH")),
    )
    signature = Node("pengesahan", f"{key}.ttd", children=(line(f"{key}.ttd.nama", "NAMA"),))
    return Node("lampiran", key, title=key, children=(kepala, *body, signature))


def draft(*babs: Node, pembukaan: Iterable[Node] = (), lampirans: Iterable[Node] = ()) -> Draft:
    """A draft of the given BAB, with optional pembukaan groups and lampiran."""
    parts: list[Node] = []
    groups = tuple(pembukaan)
    if groups:
        parts.append(Node("pembukaan", "pembukaan", children=groups))
    parts.append(Node("batang_tubuh", "batang_tubuh", children=babs))
    parts.extend(lampirans)
    return Draft(META, Node("draft", "draft", children=tuple(parts)))


def node(d: Draft, key: str) -> Node:
    """The node with ``key`` (fails the test when there is none)."""
    found = d.find(key)
    assert found is not None, f"no node with key {key!r}"
    return found


def refs(n: Node) -> list[Ref]:
    """The references in the text of ``n``."""
    return [p for p in n.text if isinstance(p, Ref)]


def batang_tubuh(d: Draft) -> Node:
    """The batang tubuh of ``d``."""
    return d.part("batang_tubuh")


def without_pasal(d: Draft, removed: frozenset[str]) -> Draft:
    """``d`` without the Pasal in ``removed``, dropping groups left empty (as the builder does)."""

    def prune(n: Node) -> Node | None:
        if n.kind == "pasal":
            return None if n.key in removed else n
        if n.kind not in {"batang_tubuh", "bab", "bagian", "paragraf"}:
            return n
        children = tuple(c for c in (prune(c) for c in n.children) if c is not None)
        if not children and n.kind != "batang_tubuh":
            return None
        return n.with_children(children)

    root = d.root.with_children(tuple(prune(p) or p for p in d.root.children))
    return replace(d, root=root)


def without_refs_to(d: Draft, keys: frozenset[str]) -> Draft:
    """``d`` with every reference to a key in ``keys`` replaced by plain text."""

    def strip(n: Node) -> Node:
        text = tuple("acuan" if isinstance(p, Ref) and p.key in keys else p for p in n.text)
        return replace(n, text=text, children=tuple(strip(c) for c in n.children))

    return replace(d, root=strip(d.root))


# --- random batang tubuh ---------------------------------------------------------------------

CONJS: tuple[Conj, ...] = ("dan", "atau", "dan/atau")
MAX_DEPTH = 4


@dataclass(eq=False)
class _Spec:
    """A node under construction; references are added once every node exists."""

    kind: Kind
    key: str
    parent: _Spec | None
    text: list[Inline] = field(default_factory=list)
    children: list[_Spec] = field(default_factory=list)
    conj: Conj = ""
    style: ListStyle = "rincian"

    def add(self, kind: Kind, key: str, text: str = "") -> _Spec:
        child = _Spec(kind, key, self, [text] if text else [])
        self.children.append(child)
        return child

    def lineage(self) -> list[_Spec]:
        out: list[_Spec] = []
        at: _Spec | None = self
        while at is not None:
            out.append(at)
            at = at.parent
        return out

    def walk(self) -> Iterable[_Spec]:
        yield self
        for child in self.children:
            yield from child.walk()

    def freeze(self) -> Node:
        return Node(
            self.kind,
            self.key,
            tuple(self.text),
            title=self.key.upper()
            if self.kind == "bab"
            else self.key.title()
            if self.kind != "pasal"
            else "",
            children=tuple(c.freeze() for c in self.children),
            conj=self.conj,
            style=self.style,
            source=Source(TEMPLATE, 1),
        )


_WORDS = st.sampled_from(["pekerja", "peserta", "iuran", "daerah", "desa", "program", "data"])


@st.composite
def _items(draw: st.DrawFn, parent: _Spec, depth: int) -> None:
    """Give ``parent`` a list of 1–4 items at ``depth`` (0-based), some with sub-lists."""
    parent.conj = draw(st.sampled_from(CONJS))
    if depth == 0:
        parent.style = draw(st.sampled_from(["rincian", "rincian", "rincian", "definisi"]))
    for index in range(1, draw(st.integers(1, 4)) + 1):
        child = parent.add("item", f"{parent.key}.{index}", f"butir {draw(_WORDS)}")
        if depth + 1 < MAX_DEPTH and draw(st.integers(0, 3)) == 0:
            draw(_items(child, depth + 1))


@st.composite
def _pasal(draw: st.DrawFn, parent: _Spec, number: int) -> None:
    p = parent.add("pasal", f"pasal{number}")
    for index in range(1, draw(st.integers(1, 4)) + 1):
        a = p.add("ayat", f"{p.key}.{index}", f"Ketentuan {draw(_WORDS)}")
        if draw(st.booleans()):
            draw(_items(a, 0))


@st.composite
def _batang_tubuh(draw: st.DrawFn) -> _Spec:
    root = _Spec("batang_tubuh", "batang_tubuh", None)
    count = 0

    def pasal_run(parent: _Spec) -> None:
        nonlocal count
        for _ in range(draw(st.integers(1, 5))):
            count += 1
            draw(_pasal(parent, count))

    for b in range(1, draw(st.integers(1, 6)) + 1):
        bab_spec = root.add("bab", f"bab{b}")
        shape = draw(st.sampled_from(["pasal", "bagian", "paragraf"]))
        if shape == "pasal":
            pasal_run(bab_spec)
            continue
        for g in range(1, draw(st.integers(1, 3)) + 1):
            bagian_spec = bab_spec.add("bagian", f"{bab_spec.key}.bagian{g}")
            if shape == "bagian":
                pasal_run(bagian_spec)
                continue
            for h in range(1, draw(st.integers(1, 2)) + 1):
                pasal_run(bagian_spec.add("paragraf", f"{bagian_spec.key}.paragraf{h}"))
    return root


@st.composite
def batang_tubuh_drafts(draw: st.DrawFn, max_refs: int = 8) -> Draft:
    """Random unnumbered drafts: 1–6 BAB, optional Bagian and Paragraf, 1–5 Pasal per group,
    1–4 ayat per Pasal, rincian up to 4 levels, and up to ``max_refs`` references.

    A reference sits in the text of an ayat or rincian and points at a Pasal, ayat or rincian
    that is neither the referring node nor one of its ancestors (those are errors, R71).
    """
    root = draw(_batang_tubuh())
    nodes = list(root.walk())
    referrers = [n for n in nodes if n.kind in {"ayat", "item"}]
    targets = [n for n in nodes if n.kind in {"pasal", "ayat", "item"}]
    for number in range(1, draw(st.integers(0, max_refs)) + 1):
        here = draw(st.sampled_from(referrers))
        excluded = here.lineage()
        allowed = [t for t in targets if not any(t is e for e in excluded)]
        if not allowed:
            continue
        target = draw(st.sampled_from(allowed))
        here.text += [" ", ref(target.key, line=number, bare=draw(st.booleans()))]
    return draft(*(b.freeze() for b in root.children))
