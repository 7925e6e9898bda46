"""What every rule needs, computed once per draft: places, defined terms, Pasal index, styles."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from jamsostek_regs.layout import layout
from jamsostek_regs.lint.places import places
from jamsostek_regs.model import Draft, Kind, Node, inline_text

_KEPALA = {"kabupaten": ("Bupati",), "kota": ("Wali Kota", "Walikota"), "provinsi": ("Gubernur",)}
_JENIS = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}
_HEAD = re.compile(r"^(?P<term>.+?),? yang selanjutnya (?:disingkat|disebut) (?P<short>.+)$")


@dataclass(frozen=True, slots=True)
class Term:
    """A term defined in the ketentuan umum: its definition key, full term and short form."""

    key: str
    term: str
    short: str = ""

    @property
    def used(self) -> str:
        """The form later Pasal use: the short form when there is one."""
        return self.short or self.term

    @property
    def names(self) -> tuple[str, ...]:
        """Every form of the term that must keep its capitals."""
        return (self.term, self.short) if self.short else (self.term,)


@dataclass(frozen=True, slots=True)
class Scope:
    """Nodes a rule reads, with their printed texts joined by line breaks for one-pass searches."""

    nodes: tuple[Node, ...]
    text: str
    lower: str  # ``text.lower()``, or "" where lowering changes its length
    starts: tuple[int, ...]  # where each node's text begins in ``text``

    def __iter__(self) -> Iterator[Node]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def node_at(self, position: int) -> Node:
        """The node whose text holds ``position`` of :attr:`text`."""
        return self.nodes[self._index(position)]

    def _index(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1

    def matches(self, pattern: re.Pattern[str]) -> Iterator[tuple[Node, re.Match[str]]]:
        """Every match of ``pattern`` in the printed texts of the nodes, with the node it is in.

        One pass over the joined texts, so ``pattern`` must find words and phrases only: no
        ``^``/``$`` anchors, no ``\\s``, ``.`` or negated class that could run across a line
        break (checked: :class:`ValueError` otherwise). Match positions are in ``self.text``.
        The matches are those of ``pattern.finditer(self.text)``, found faster (:func:`_searcher`).
        """
        searcher, lowered = _searcher(pattern)
        text = self.lower if lowered else self.text
        if lowered and not text:  # lowering changed the length: positions would not agree
            searcher, text = pattern, self.text
        at = 0
        while (candidate := searcher.search(text, at)) is not None:
            match = pattern.match(self.text, candidate.start())
            if match is None:
                at = candidate.start() + 1
                continue
            yield self.node_at(match.start()), match
            at = max(match.end(), match.start() + 1)

    def containing(self, needle: re.Pattern[str]) -> Iterator[tuple[Node, str]]:
        """The nodes whose text has a match of ``needle``, with that text, in order.

        A fast first look for a rule whose own pattern cannot search the joined texts:
        ``needle`` must match wherever that pattern does (a digit, "Rp", "paling ").
        """
        last = -1
        for match in needle.finditer(self.text):
            index = self._index(match.start())
            if index != last:
                last = index
                end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
                yield self.nodes[index], self.text[self.starts[index] : end]


def scope(pairs: Iterable[tuple[Node, str]]) -> Scope:
    """The :class:`Scope` of ``(node, printed text)`` pairs (a node may come twice: title, text)."""
    nodes, texts, starts, at = [], [], [], 0
    for node, text in pairs:
        nodes.append(node)
        texts.append(text)
        starts.append(at)
        at += len(text) + 1
    text = "\n".join(texts)
    lower = text.lower()
    return Scope(tuple(nodes), text, lower if len(lower) == len(text) else "", tuple(starts))


_CLASS = re.compile(r"(?<!\\)\[(?:\\.|[^\]\\])*\]")
_ASSERTION = re.compile(r"(?<!\\)\\b|\(\?<?[=!][^()]*\)")


@lru_cache(maxsize=256)
def _searcher(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], bool]:
    """A fast pattern that finds at least every position where ``pattern`` matches, and
    whether it reads the lowered text.

    Python's ``re`` scans a pattern that starts with ``\\b`` or a lookaround, or ignores case,
    many times slower than plain words. So the searcher drops the word boundaries and
    lookarounds and, for an ignore-case pattern whose source lowercases safely (no escapes
    such as ``\\S`` or ``\\W``, no named groups), lowercases it to read the lowered text.
    """
    outside_classes = _CLASS.sub("", pattern.pattern)
    if re.search(r"\\[AZsSWDB]|(?<!\\)\[\^", pattern.pattern) or re.search(r"(?<!\\)[\^$.]", outside_classes):
        raise ValueError(f"pattern {pattern.pattern!r} may match at a line start or end, or across lines")
    source, flags = _ASSERTION.sub("", pattern.pattern), pattern.flags
    lowered = bool(flags & re.IGNORECASE) and not re.search(r"\\[A-Z]|\(\?P", source)
    if lowered:
        source, flags = source.lower(), flags & ~re.IGNORECASE
    try:
        searcher = re.compile(source, flags)
    except re.error:
        return pattern, False
    return (pattern, False) if searcher.match("") else (searcher, lowered)


@dataclass(frozen=True, slots=True)
class Level:
    """Level words the draft must use (R128): accepted titles of the head, jenis and name."""

    kepala: tuple[str, ...]
    jenis: str
    nama: str


@dataclass(frozen=True, slots=True)
class Context:
    """Facts about one draft shared by every rule (computed once by :func:`context`)."""

    draft: Draft
    places: dict[str, str]
    order: dict[str, int]
    terms: tuple[Term, ...]
    definitions: frozenset[str]  # keys of the Pasal holding definitions
    pasals: tuple[Node, ...]
    pasal_of: dict[str, Node]
    ayat_of: dict[str, Node]
    styles: dict[str, str]  # key of a printed node -> the style of its first paragraph
    level: Level
    body: Scope  # ayat and rincian of the batang tubuh, in order
    norms: Scope  # the body without the definitions themselves
    later: Scope  # text after the ketentuan umum: later Pasal and the lampiran (R62, R63)
    texts: tuple[tuple[Node, str], ...]  # every printed text with its node: lines, ayat, rincian, titles
    printed: Scope  # the same texts, for one-pass searches
    plains: dict[str, str]  # node key -> printed text (:meth:`Node.plain`)

    def plain(self, node: Node) -> str:
        """The printed text of ``node``."""
        return self.plains[node.key]

    def roles(self, kind: Kind) -> list[str]:
        """What each child of part ``kind`` is: the last part of a line's key, else the node kind."""
        part = self.part(kind)
        children = part.children if part else ()
        return [c.key.rsplit(".", 1)[-1] if c.kind in {"line", "pengesahan"} else c.kind for c in children]

    def parts(self, kind: Kind) -> tuple[Node, ...]:
        """The top-level parts of ``kind`` (several for lampiran)."""
        return tuple(c for c in self.draft.root.children if c.kind == kind)

    def part(self, kind: Kind) -> Node | None:
        """The first top-level part of ``kind``, if any."""
        return next(iter(self.parts(kind)), None)

    def child(self, kind: Kind, suffix: str) -> Node | None:
        """The node under part ``kind`` whose key ends with ``.suffix``."""
        part = self.part(kind)
        nodes = part.walk() if part else iter(())
        return next((n for n in nodes if n.key.endswith("." + suffix)), None)

    def judul(self) -> tuple[Node, ...]:
        """The lines of the judul (with RANCANGAN, when present)."""
        part = self.part("judul")
        return part.children if part else ()

    def nama(self) -> str:
        """The name of the regulation as the judul writes it (its last line)."""
        lines = self.judul()
        return lines[-1].plain() if lines else ""

    def pasal_num(self, node: Node) -> int | None:
        """The number of the Pasal holding ``node``, when it is a plain Arabic number."""
        pasal = self.pasal_of.get(node.key)
        return int(pasal.num) if pasal is not None and pasal.num.isdigit() else None


def context(draft: Draft) -> Context:
    """Compute the shared facts of ``draft``."""
    pasals = tuple(n for n in draft.walk() if n.kind == "pasal")
    pasal_of: dict[str, Node] = {}
    ayat_of: dict[str, Node] = {}
    for pasal in pasals:
        for ayat in pasal.children:
            for node in ayat.walk():
                pasal_of[node.key], ayat_of[node.key] = pasal, ayat
    definitions = [(p, a) for p in pasals for a in p.children if a.style == "definisi"]
    in_definitions = frozenset(p.key for p, _ in definitions)
    body = tuple(n for p in pasals for n in p.walk() if n.kind in {"ayat", "item"})
    plains = {n.key: n.plain() for n in draft.walk()}
    norms = (n for n in body if not (n.kind == "item" and ayat_of[n.key].style == "definisi"))
    later = (*(n for n in body if pasal_of[n.key].key not in in_definitions), *_lampiran_text(draft))
    texts = tuple(_texts(draft, plains))
    return Context(
        draft=draft,
        places=places(draft),
        order={n.key: i for i, n in enumerate(draft.walk())},
        terms=tuple(t for _, a in definitions for t in _terms(a)),
        definitions=in_definitions,
        pasals=pasals,
        pasal_of=pasal_of,
        ayat_of=ayat_of,
        styles=_styles(draft),
        level=Level(_KEPALA[draft.meta.level], _JENIS[draft.meta.level], draft.meta.region_name),
        body=scope((n, plains[n.key]) for n in body),
        norms=scope((n, plains[n.key]) for n in norms),
        later=scope((n, plains[n.key]) for n in later),
        texts=texts,
        printed=scope(texts),
        plains=plains,
    )


def _lampiran_text(draft: Draft) -> Iterator[Node]:
    for lampiran in (c for c in draft.root.children if c.kind == "lampiran"):
        for child in (c for c in lampiran.children if c.kind != "pengesahan"):
            yield from (n for n in child.walk() if n.text)


def _texts(draft: Draft, plains: dict[str, str]) -> Iterator[tuple[Node, str]]:
    for node in draft.walk():
        if node.title:
            yield node, node.title
        if node.text:
            yield node, plains[node.key]


def _terms(ayat: Node) -> Iterator[Term]:
    for item in ayat.children:
        head, found, _ = inline_text(item.text).partition(" adalah ")
        if not found:
            continue
        match = _HEAD.match(head)
        if match:
            yield Term(item.key, match["term"], match["short"])
        else:
            yield Term(item.key, head)


def _styles(draft: Draft) -> dict[str, str]:
    """The paragraph style of each node the layout prints, by key (a heading's: its number's)."""
    styles: dict[str, str] = {}
    for block in layout(draft):
        if block.key is not None:
            styles.setdefault(block.key, block.style)
    return styles
