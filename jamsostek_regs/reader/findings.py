"""Findings about the document read: numbers given twice or out of sequence, references to
what is not there.

Each sequence (BAB; Bagian in a BAB; Paragraf in a Bagian; Pasal through the batang tubuh;
ayat in a Pasal; the rincian of one list; Menimbang and Mengingat; lampiran) is compared with
the numbers Lampiran II UU 12/2011 gives by position; only the first number out of place of a
sequence is noted, so one inserted Pasal gives one note, not one for every Pasal after it. A
Pasal number given twice is noted at its second place. A reference ("sebagaimana dimaksud
dalam Pasal 9 ayat (2)") is read as the linter reads it (:mod:`jamsostek_regs.lint.refs`);
one to a Pasal, ayat or rincian the document does not have is noted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from jamsostek_regs.citing import cite
from jamsostek_regs.lint import refs
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.numerals import letter_label, ordinal_word, roman
from jamsostek_regs.reader.lines import form
from jamsostek_regs.reader.result import Note

_ITEM_LABELS: dict[str, Callable[[int], str]] = {
    "a.": lambda i: f"{letter_label(i)}.",
    "1.": lambda i: f"{i}.",
    "a)": lambda i: f"{letter_label(i)})",
    "1)": lambda i: f"{i})",
}


def findings(draft: Draft, paragraphs: Mapping[str, int]) -> list[Note]:
    """The findings about ``draft``; ``paragraphs`` maps keys to paragraph numbers."""
    notes = [*_sequences(draft, paragraphs), *_twice(draft, paragraphs), *_references(draft, paragraphs)]
    return sorted(notes, key=lambda n: n.paragraph)


def _sequences(draft: Draft, paragraphs: Mapping[str, int]) -> Iterator[Note]:
    pasals = [n for n in draft.walk() if n.kind == "pasal"]
    yield from _first_out(pasals, str, paragraphs)
    for node in draft.walk():
        children = node.children
        for kind, expected in (
            ("bab", roman),
            ("bagian", ordinal_word),
            ("paragraf", str),
            ("lampiran", roman),
        ):
            yield from _first_out([c for c in children if c.kind == kind], expected, paragraphs)
        ayat = [c for c in children if c.kind == "ayat"]
        if len(ayat) > 1:
            yield from _first_out(ayat, lambda i: f"({i})", paragraphs)
        items = [c for c in children if c.kind == "item" and c.num]
        labels = _ITEM_LABELS.get(form(items[0].num)) if items else None
        if labels is not None:
            yield from _first_out(items, labels, paragraphs)


def _first_out(
    nodes: list[Node], expected: Callable[[int], str], paragraphs: Mapping[str, int]
) -> Iterator[Note]:
    """A note on the first node of ``nodes`` whose number is not the one its place gives."""
    if len(nodes) == 1 and not nodes[0].num:
        return  # a lone Menimbang, Mengingat or lampiran is not numbered
    for i, node in enumerate(nodes, 1):
        if node.num != expected(i):
            message = f"nomor tidak berurutan: {_named(node)} seharusnya {_named(node, expected(i))}"
            yield Note(paragraphs.get(node.key, 0), "sequence", message)
            return


def _named(node: Node, num: str | None = None) -> str:
    """The node's citation ("Pasal 7", "huruf c"), with ``num`` instead of its own number."""
    shown = node if num is None else Node(node.kind, node.key, num=num)
    try:
        return cite(shown)
    except ValueError:
        return shown.num


def _twice(draft: Draft, paragraphs: Mapping[str, int]) -> Iterator[Note]:
    seen: dict[str, Node] = {}
    for pasal in (n for n in draft.walk() if n.kind == "pasal"):
        first = seen.setdefault(pasal.num, pasal)
        if first is not pasal:
            where = paragraphs.get(first.key, 0)
            yield Note(
                paragraphs.get(pasal.key, 0),
                "duplicate",
                f"Pasal {pasal.num} ada dua kali (lihat paragraf {where})",
            )


def _references(draft: Draft, paragraphs: Mapping[str, int]) -> Iterator[Note]:
    pasals = tuple(n for n in draft.walk() if n.kind == "pasal")
    for pasal in pasals:
        for ayat in pasal.children:
            for node in ayat.walk():
                for chain in refs.chains(node.plain()):
                    if chain.external:
                        continue
                    for address in chain.addresses:
                        if not refs.resolves(address, pasal, ayat, pasals):
                            words = node.plain()[address.start : address.end]
                            yield Note(
                                paragraphs.get(node.key, 0), "reference", f"rujukan ke {words} yang tidak ada"
                            )
