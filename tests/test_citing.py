"""How a drafter cites a node: the words of :mod:`jamsostek_regs.citing`, and every caller agreeing.

Numbering (the word in an anchor id), the reference resolver, lint's locations, lint's reading
of references and the diff's addresses all name a node through ``citing``; the examples pin
the words of each kind, the properties check on random trees that the callers agree.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from jamsostek_regs.citing import citation, cite, item_word, label, word
from jamsostek_regs.diff.align import align
from jamsostek_regs.diff.units import address, units
from jamsostek_regs.lint.places import places
from jamsostek_regs.lint.refs import chains, resolves
from jamsostek_regs.model import Draft, Kind, Node, Ref
from jamsostek_regs.passes import run
from tests.trees import ayat, bab, bagian, batang_tubuh, batang_tubuh_drafts, draft, item, node, pasal, ref

PROPERTY = settings(max_examples=100, deadline=None)


def _numbered(kind: Kind, num: str) -> Node:
    return Node(kind, kind, num=num)


# --- the words of each kind ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "num", "expected"),
    [
        ("bab", "III", "BAB III"),
        ("bagian", "Kesatu", "Bagian Kesatu"),
        ("paragraf", "2", "Paragraf 2"),
        ("pasal", "5", "Pasal 5"),
        ("ayat", "(2)", "ayat (2)"),
        ("ayat", "", ""),
        ("item", "a.", "huruf a"),
        ("item", "3.", "angka 3"),
        ("item", "b)", "huruf b)"),
        ("item", "4)", "angka 4)"),
        ("item", "aa.", "huruf aa"),
        ("item", "", ""),
        ("lampiran", "II", "Lampiran II"),
        ("lampiran", "", "Lampiran"),
        ("konsiderans", "", "Menimbang"),
        ("dasar_hukum", "", "Mengingat"),
    ],
)
def test_each_kind_is_cited_by_its_word_and_number(kind: Kind, num: str, expected: str) -> None:
    assert cite(_numbered(kind, num)) == expected


@pytest.mark.parametrize(
    ("num", "expected_word", "expected_label"),
    [("a.", "huruf", "a"), ("1.", "angka", "1"), ("a)", "huruf", "a)"), ("1)", "angka", "1)")],
)
def test_rincian_of_each_level_keep_the_parenthesis_and_drop_the_period(
    num: str, expected_word: str, expected_label: str
) -> None:
    """L2 angka 92-95: "huruf a, huruf b", "angka Arab 1, 2", "huruf a), b)", "angka 1), 2)"."""
    rincian = _numbered("item", num)
    assert (item_word(num), word(rincian), label(rincian)) == (expected_word, expected_word, expected_label)


def test_labels_of_other_kinds_are_their_numbers() -> None:
    assert [label(_numbered(k, n)) for k, n in [("ayat", "(2)"), ("bab", "IV"), ("pasal", "12")]] == [
        "(2)",
        "IV",
        "12",
    ]


@pytest.mark.parametrize("kind", ["line", "table", "judul", "diktum", "row", "draft"])
def test_kinds_no_citation_names_are_refused(kind: Kind) -> None:
    with pytest.raises(ValueError, match=f"a {kind} is not cited"):
        cite(_numbered(kind, "1"))


def test_a_citation_names_each_node_of_the_chain_from_the_outermost_in() -> None:
    chain = [_numbered(k, n) for k, n in [("pasal", "5"), ("ayat", "(2)"), ("item", "a."), ("item", "3.")]]
    assert citation(chain) == "Pasal 5 ayat (2) huruf a angka 3"
    assert citation([_numbered("bab", "II"), _numbered("bagian", "Kesatu")]) == "BAB II Bagian Kesatu"


def test_a_citation_skips_the_only_ayat_of_a_pasal() -> None:
    chain = [_numbered("pasal", "7"), _numbered("ayat", ""), _numbered("item", "b.")]
    assert citation(chain) == "Pasal 7 huruf b"
    assert citation([]) == ""


# --- nested rincian, through every caller ----------------------------------------------------

_NESTED = {
    "d.a": "Pasal 1 ayat (2) huruf a",
    "d.a.1": "Pasal 1 ayat (2) huruf a angka 1",
    "d.a.1.b": "Pasal 1 ayat (2) huruf a angka 1 huruf b)",
    "d.a.1.b.2": "Pasal 1 ayat (2) huruf a angka 1 huruf b) angka 2)",
}


def _nested() -> Draft:
    """Pasal 1 with rincian four levels deep in its ayat (2); Pasal 2 cites some of them."""
    leaves = item("d.a.1.b.1", "r"), item("d.a.1.b.2", "s")
    deep = item("d.a", "a", item("d.a.1", "x", item("d.a.1.a", "p"), item("d.a.1.b", "q", *leaves)))
    citing_text = tuple(part for key in _NESTED for part in (ref(key, bare=True), ", "))[:-1]
    return draft(
        bab(
            "satu",
            pasal("p1", ayat("p1.1", "Satu"), ayat("p1.2", "Dua", deep)),
            pasal("p2", ayat("p2.1", ("Lihat ", *citing_text))),
        )
    )


def _ref_words(d: Draft, key: str) -> list[str]:
    return [p.words for p in node(d, key).text if isinstance(p, Ref)]


def _addresses(d: Draft) -> dict[str, str]:
    """The diff's address of every node a clause owns, comparing ``d`` with itself."""
    return {chain[-1].key: address(chain, "a") for unit in units(align(d.root, d.root)) for chain in unit.own}


def test_nested_rincian_read_alike_in_the_reference_lint_and_the_diff() -> None:
    d = run(_nested(), frozenset())
    expected = list(_NESTED.values())
    assert _ref_words(d, "p2.1") == expected
    where, addresses = places(d), _addresses(d)
    assert [where[k] for k in _NESTED] == expected
    assert [addresses[k] for k in _NESTED] == expected
    assert node(d, "d.a.1.b.2").eid == "pasal_1__ayat_2__huruf_a__angka_1__huruf_b__angka_2"


def test_lint_reads_a_nested_reference_back_to_its_rincian() -> None:
    d = run(_nested(), frozenset())
    pasals = tuple(n for n in d.walk() if n.kind == "pasal")
    [chain] = chains(_NESTED["d.a.1.b.2"])
    [found] = chain.addresses
    assert found.parts == (
        ("pasal", "1"),
        ("ayat", "2"),
        ("huruf", "a"),
        ("angka", "1"),
        ("huruf", "b)"),
        ("angka", "2)"),
    )
    assert resolves(found, None, None, pasals)


def test_a_reference_within_the_ayat_names_only_the_rincian() -> None:
    tree = _nested()
    inner = ayat("p1.2", ("Dua ", ref("d.a.1.b.2", 3)), *node(tree, "p1.2").children)
    d = run(draft(bab("satu", pasal("p1", ayat("p1.1", "Satu"), inner))), frozenset())
    assert _ref_words(d, "p1.2") == ["sebagaimana dimaksud pada huruf a angka 1 huruf b) angka 2)"]


def test_groups_are_cited_within_their_bab_by_lint_and_alone_by_the_diff() -> None:
    d = run(draft(bab("satu", bagian("satu.umum", pasal("p1")))), frozenset())
    assert places(d)["satu.umum"] == "BAB I Bagian Kesatu"
    assert _addresses(d)["satu.umum"] == "Bagian Kesatu"


# --- every caller agrees, on random trees ----------------------------------------------------

_CITED: frozenset[Kind] = frozenset({"pasal", "ayat", "item"})
_HEADINGS: frozenset[Kind] = frozenset({"bab", "bagian", "paragraf"})


def _citing_every_node(d: Draft) -> tuple[Draft, list[str]]:
    """``d`` with one more BAB whose Pasal cites (bare) every Pasal, ayat and rincian of ``d``."""
    keys = [n.key for n in d.walk() if n.kind in _CITED]
    text = tuple(part for key in keys for part in (ref(key, bare=True), "; "))
    acuan = bab("acuan", pasal("acuan.pasal", ayat("acuan.ayat", ("Acuan ", *text[:-1]))))
    return draft(*batang_tubuh(d).children, acuan), keys


def _eid_word(n: Node) -> str:
    """The word of the last segment of an anchor id: "pasal_3__ayat_2__huruf_b" -> "huruf"."""
    return n.eid.rsplit("__", 1)[-1].rsplit("_", 1)[0]


@PROPERTY
@given(batang_tubuh_drafts(max_refs=0))
def test_the_resolver_lint_and_the_diff_cite_every_node_alike(tree: Draft) -> None:
    with_refs, keys = _citing_every_node(tree)
    d = run(with_refs, frozenset())
    resolved = dict(zip(keys, _ref_words(d, "acuan.ayat"), strict=True))
    where, addresses = places(d), _addresses(d)
    pasals = tuple(n for n in d.walk() if n.kind == "pasal")
    for key, words in resolved.items():
        assert where[key] == addresses[key] == words, key
        [chain] = chains(words)
        [found] = chain.addresses
        assert resolves(found, None, None, pasals), words


@PROPERTY
@given(batang_tubuh_drafts(max_refs=0))
def test_anchor_ids_headings_and_places_use_the_citing_words(tree: Draft) -> None:
    d = run(tree, frozenset())
    where, addresses = places(d), _addresses(d)
    for n in batang_tubuh(d).walk():
        if n.kind in _HEADINGS | _CITED:
            assert _eid_word(n) == word(n).lower(), n.eid
        if n.kind == "item":
            assert where[n.key].split()[-2:] == [word(n), label(n)]
        if n.kind in _HEADINGS:
            assert addresses[n.key] == cite(n)
            assert where[n.key].endswith(cite(n))
