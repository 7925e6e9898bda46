"""Property tests of the passes on random batang tubuh trees (see tests/trees.py).

After numbering, punctuation, references and check: the numbers are gapless and restart
where the drafting rules say (R44-R49, R54, R57), every list has exactly one connective in
the right place and closes with "." (R53, R55, R56), and every reference names the numbers
its target actually has (R68, R71, R77) -- also after Pasal are left out of a region's draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsostek_regs.errors import InputError
from jamsostek_regs.model import Draft, Node, Ref
from jamsostek_regs.numerals import from_roman, parse_letter_label, parse_ordinal_word
from jamsostek_regs.passes import run
from tests.trees import batang_tubuh, batang_tubuh_drafts, refs, without_pasal, without_refs_to

PROPERTY = settings(max_examples=100, deadline=None)
NUMBERED = {"bab", "bagian", "paragraf", "pasal", "ayat", "item"}
CONNECTIVES = ("; dan/atau", "; dan", "; atau")

#: Item labels by depth (R54): the number pattern and whether it is a letter.
_LABELS = ((r"([a-z]+)\.", True), (r"(\d+)\.", False), (r"([a-z]+)\)", True), (r"(\d+)\)", False))


@dataclass(frozen=True)
class _Place:
    """Where a node sits: its Pasal, its ayat, and the rincian from the outermost down to it."""

    node: Node
    pasal: Node | None
    ayat: Node | None
    items: tuple[Node, ...]


def _places(draft: Draft) -> dict[str, _Place]:
    out: dict[str, _Place] = {}

    def visit(parent: _Place) -> None:
        for child in parent.node.children:
            if child.kind == "pasal":
                here = _Place(child, child, None, ())
            elif child.kind == "ayat":
                here = _Place(child, parent.pasal, child, ())
            elif child.kind == "item":
                here = _Place(child, parent.pasal, parent.ayat, (*parent.items, child))
            else:
                here = _Place(child, parent.pasal, parent.ayat, parent.items)
            out[child.key] = here
            visit(here)

    visit(_Place(draft.root, None, None, ()))
    return out


def _items(n: Node) -> list[Node]:
    return [c for c in n.children if c.kind == "item"]


def _last_leaf(n: Node) -> Node:
    while _items(n):
        n = _items(n)[-1]
    return n


def _lists(n: Node) -> Iterator[Node]:
    """Every node under ``n`` (itself included) that introduces a list."""
    return (x for x in n.walk() if _items(x))


# --- the checks ------------------------------------------------------------------------------


def _check_numbering(draft: Draft) -> None:
    body = batang_tubuh(draft)
    babs = list(body.children)
    assert [from_roman(b.num) for b in babs] == list(range(1, len(babs) + 1))
    pasal = [n for n in body.walk() if n.kind == "pasal"]
    assert [p.num for p in pasal] == [str(i) for i in range(1, len(pasal) + 1)]
    for b in babs:
        bagian = [c for c in b.children if c.kind == "bagian"]
        assert [parse_ordinal_word(g.num) for g in bagian] == list(range(1, len(bagian) + 1))
        for g in bagian:
            paragraf = [c for c in g.children if c.kind == "paragraf"]
            assert [int(p.num) for p in paragraf] == list(range(1, len(paragraf) + 1))
    for p in pasal:
        expected = [""] if len(p.children) == 1 else [f"({i})" for i in range(1, len(p.children) + 1)]
        assert [a.num for a in p.children] == expected
    places = _places(draft)
    for parent in _lists(body):
        depth = len(places[parent.key].items)
        pattern, letters = _LABELS[depth]
        if depth == 0 and parent.style == "definisi":
            pattern, letters = _LABELS[1]
        numbers = []
        for child in _items(parent):
            match = re.fullmatch(pattern, child.num)
            assert match, f"{child.key}: label {child.num!r} at depth {depth}"
            numbers.append(parse_letter_label(match[1]) if letters else int(match[1]))
        assert numbers == list(range(1, len(numbers) + 1))
    eids = [n.eid for n in body.walk() if n.kind in NUMBERED]
    assert all(eids)
    assert len(set(eids)) == len(eids)


def _check_punctuation(draft: Draft) -> None:
    for ayat in (n for n in draft.walk() if n.kind == "ayat"):
        if not _items(ayat):
            assert ayat.end == ""
            continue
        assert ayat.end == ":"
        carriers: dict[str, str] = {}
        closing = {_last_leaf(ayat).key}
        for parent in _lists(ayat):
            items = _items(parent)
            if parent.style == "definisi":
                closing |= {_last_leaf(i).key for i in items}
            elif len(items) > 1:
                carrier = _last_leaf(items[-2]).key
                assert carrier not in carriers, "two lists put their connective on one item"
                carriers[carrier] = f"; {parent.conj}"
        for n in ayat.walk():
            if n.kind != "item":
                continue
            if _items(n):
                expected = ":"
            elif n.key in carriers:
                expected = carriers[n.key]
            elif n.key in closing:
                expected = "."
            else:
                expected = ";"
            assert n.end == expected, f"{n.key}: {n.end!r} != {expected!r}"
        connectives = [n for n in ayat.walk() if n.end.startswith(CONNECTIVES)]
        assert len(connectives) == len(carriers)


def _check_reference(words: str, here: _Place, target: _Place, bare: bool) -> None:
    """``words`` is the formula (R68) and the address of ``target``'s current numbers."""
    assert words
    assert here.pasal is not None and target.pasal is not None
    other = here.pasal.key != target.pasal.key
    prefix = "" if bare else "sebagaimana dimaksud dalam " if other else "sebagaimana dimaksud pada "
    parts = [f"Pasal {target.pasal.num}"] if other else []
    ayat = target.ayat
    if ayat is not None and ayat.num and (other or here.ayat is None or here.ayat.key != ayat.key):
        parts.append(f"ayat {ayat.num}")
    for i in target.items:  # "a." -> "huruf a", "1." -> "angka 1", "a)" -> "huruf a)" (L2 angka 92-95)
        label = i.num.removesuffix(".")
        parts.append(f"{'angka' if label[0].isdigit() else 'huruf'} {label}")
    assert parts, "a reference needs an address"
    assert words == prefix + " ".join(parts)
    assert re.findall(r"Pasal (\d+)", words) == ([target.pasal.num] if other else [])


def _check_references(draft: Draft) -> int:
    places = _places(draft)
    count = 0
    for n in draft.walk():
        for r in refs(n):
            _check_reference(r.words, places[n.key], places[r.key], r.bare)
            count += 1
    return count


# --- properties ------------------------------------------------------------------------------


@PROPERTY
@given(batang_tubuh_drafts())
def test_passes_number_punctuate_and_resolve_random_trees(draft: Draft) -> None:
    out = run(draft, frozenset())
    _check_numbering(out)
    _check_punctuation(out)
    assert _check_references(out) == sum(len(refs(n)) for n in draft.walk())
    assert [(n.key, n.kind) for n in out.walk()] == [(n.key, n.kind) for n in draft.walk()]


@PROPERTY
@given(batang_tubuh_drafts(max_refs=3))
def test_passes_are_idempotent(draft: Draft) -> None:
    once = run(draft, frozenset())
    assert run(once, frozenset()) == once


@PROPERTY
@given(batang_tubuh_drafts(), st.data())
def test_leaving_pasal_out_renumbers_and_re_resolves(draft: Draft, data: st.DataObject) -> None:
    pasal_keys = [n.key for n in draft.walk() if n.kind == "pasal"]
    removed = frozenset(data.draw(st.sets(st.sampled_from(pasal_keys), max_size=len(pasal_keys) - 1)))
    possible = frozenset(n.key for n in draft.walk())
    pruned = without_pasal(draft, removed)
    kept = frozenset(n.key for n in pruned.walk())
    dangling = [r for n in pruned.walk() for r in refs(n) if r.key not in kept]
    if dangling:
        with pytest.raises(InputError) as info:
            run(pruned, possible)
        problems = info.value.problems
        assert [(p.file, p.line, p.key) for p in problems] == [
            (r.source.file, r.source.line, r.key) for r in dangling
        ]
        assert all("leaves out" in p.message for p in problems)
        pruned = without_refs_to(pruned, frozenset(r.key for r in dangling))

    out = run(pruned, possible)
    _check_numbering(out)
    _check_punctuation(out)
    new_numbers = {k: str(i) for i, k in enumerate((k for k in pasal_keys if k not in removed), 1)}
    assert {n.key: n.num for n in out.walk() if n.kind == "pasal"} == new_numbers
    places = _places(out)
    for n in out.walk():
        for r in refs(n):
            target = places[r.key]
            assert target.pasal is not None
            assert target.pasal.num == new_numbers[target.pasal.key]
    assert _check_references(out) == sum(1 for n in pruned.walk() for r in refs(n) if isinstance(r, Ref))
