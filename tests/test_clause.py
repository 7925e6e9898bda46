"""Tests for the clause dialect parser, jamsostek_regs.dialect.clause.parse."""

from __future__ import annotations

import pickle

import pytest

from jamsostek_regs.build import tree as build
from jamsostek_regs.dialect.clause import parse
from jamsostek_regs.dialect.templating import REF_CLOSE, REF_OPEN, Rendered
from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.model import Node, Ref, Source

FILE = "bab/pasal.md.jinja"
KEY = "pendanaan.sumber"


def _parse(rendered: str, top_kind: str = "ayat") -> tuple[Node, ...]:
    return parse(rendered, FILE, KEY, top_kind)


def _problem(rendered: str, top_kind: str = "ayat") -> Problem:
    with pytest.raises(InputError) as info:
        _parse(rendered, top_kind)
    [problem] = info.value.problems
    assert problem.file == FILE
    assert problem.key == KEY
    return problem


def _marker(key: str, line: int = 0, bare: bool = False) -> str:
    return f"{REF_OPEN}{key}|{line}|{int(bare)}{REF_CLOSE}"


def _outline(nodes: tuple[Node, ...]) -> list[tuple[str, str, tuple[object, ...], int]]:
    """(kind, key, text, depth) of every node, in document order."""

    def visit(n: Node, depth: int) -> list[tuple[str, str, tuple[object, ...], int]]:
        return [(n.kind, n.key, n.text, depth)] + [x for c in n.children for x in visit(c, depth + 1)]

    return [x for n in nodes for x in visit(n, 0)]


# --- ayat and rincian ------------------------------------------------------------------------


def test_paragraphs_separated_by_blank_lines_are_ayat() -> None:
    nodes = _parse("Ayat satu.\n\nAyat dua\nberlanjut di baris ini.\n\n\nAyat tiga.\n")
    assert [(n.kind, n.key, n.text) for n in nodes] == [
        ("ayat", f"{KEY}.1", ("Ayat satu.",)),
        ("ayat", f"{KEY}.2", ("Ayat dua berlanjut di baris ini.",)),
        ("ayat", f"{KEY}.3", ("Ayat tiga.",)),
    ]
    assert [n.source for n in nodes] == [Source(FILE, 1), Source(FILE, 3), Source(FILE, 7)]
    assert all(n.children == () and n.conj == "" for n in nodes)


def test_top_kind_names_the_top_level_nodes() -> None:
    assert [n.kind for n in _parse("bahwa satu\n\nbahwa dua\n", "item")] == ["item", "item"]
    assert [n.kind for n in _parse("Baris.\n", "line")] == ["line"]


def test_list_attaches_to_the_paragraph_before_it() -> None:
    nodes = _parse("Pembuka.\n\nSumber pendanaan:\n- APBD\n- sumber lain\n\nPenutup.\n")
    assert _outline(nodes) == [
        ("ayat", f"{KEY}.1", ("Pembuka.",), 0),
        ("ayat", f"{KEY}.2", ("Sumber pendanaan:",), 0),
        ("item", f"{KEY}.2.1", ("APBD",), 1),
        ("item", f"{KEY}.2.2", ("sumber lain",), 1),
        ("ayat", f"{KEY}.3", ("Penutup.",), 0),
    ]
    assert nodes[1].conj == "dan"
    assert nodes[1].style == "rincian"
    assert [i.source for i in nodes[1].children] == [Source(FILE, 4), Source(FILE, 5)]


def test_loose_list_stays_one_list() -> None:
    [intro] = _parse("Terdiri atas:\n- satu\n\n- dua\n")
    assert [i.text for i in intro.children] == [("satu",), ("dua",)]


def test_indented_continuation_line_belongs_to_the_item() -> None:
    [intro] = _parse("Terdiri atas:\n- satu yang\n  panjang\n- dua\n")
    assert [i.text for i in intro.children] == [("satu yang panjang",), ("dua",)]


def test_nesting_to_four_levels() -> None:
    rendered = "Rincian:\n- a\n  - b\n    - c\n      - d\n  - e\n- f\n"
    assert _outline(_parse(rendered)) == [
        ("ayat", f"{KEY}.1", ("Rincian:",), 0),
        ("item", f"{KEY}.1.1", ("a",), 1),
        ("item", f"{KEY}.1.1.1", ("b",), 2),
        ("item", f"{KEY}.1.1.1.1", ("c",), 3),
        ("item", f"{KEY}.1.1.1.1.1", ("d",), 4),
        ("item", f"{KEY}.1.1.2", ("e",), 2),
        ("item", f"{KEY}.1.2", ("f",), 1),
    ]


def test_leaf_items_have_no_connective_and_parents_default_to_dan() -> None:
    [intro] = _parse("Rincian:\n- a\n  - b\n- c\n")
    a, c = intro.children
    assert (intro.conj, a.conj, a.children[0].conj, c.conj) == ("dan", "dan", "", "")


def test_fifth_level_is_rejected_with_file_and_line() -> None:
    problem = _problem("Rincian:\n- a\n  - b\n    - c\n      - d\n        - e\n")
    assert "deeper than 4 levels" in problem.message
    assert problem.line == 6
    assert str(problem).startswith(f"{FILE}:6:1: {KEY}: ")


def test_list_without_introducing_paragraph_is_rejected() -> None:
    problem = _problem("- a\n- b\n")
    assert "must follow the paragraph" in problem.message
    assert problem.line == 1


def test_ordered_list_is_rejected() -> None:
    problem = _problem("Rincian:\n\n1. satu\n2. dua\n")
    assert "numbered lists" in problem.message
    assert problem.line == 3


def test_nested_ordered_list_is_rejected() -> None:
    problem = _problem("Rincian:\n- a\n  1. satu\n")
    assert "numbered lists" in problem.message
    assert problem.line == 3


def test_text_after_a_nested_list_in_the_same_item_is_rejected() -> None:
    problem = _problem("Rincian:\n- a\n  - b\n\n  lanjutan a\n")
    assert "text after a list" in problem.message
    assert problem.line == 5


def test_second_paragraph_inside_an_item_is_rejected() -> None:
    problem = _problem("Rincian:\n- a\n\n  lanjutan a\n")
    assert "text after a list" in problem.message
    assert problem.line == 4


def test_paragraph_after_a_blank_line_starts_a_new_ayat() -> None:
    first, second = _parse("Rincian:\n- a\n\nAyat baru.\n")
    assert [i.text for i in first.children] == [("a",)]
    assert second.text == ("Ayat baru.",)


def test_unindented_text_right_after_a_list_is_rejected() -> None:
    problem = _problem("Rincian:\n- a\n- b\nKalimat sesudah daftar.\n")
    assert "text after a list" in problem.message


def test_empty_item_is_rejected() -> None:
    problem = _problem("Rincian:\n- {: #kosong}\n")
    assert "empty" in problem.message


# --- attribute blocks ------------------------------------------------------------------------


def test_explicit_ids_replace_positional_keys() -> None:
    rendered = "Satu.\n\nSumber: {: #sumber}\n- APBD {: #apbd}\n  - murni\n- lain\n\nTiga. {: #tiga}\n"
    assert [(k, key) for k, key, _, _ in _outline(_parse(rendered))] == [
        ("ayat", f"{KEY}.1"),
        ("ayat", f"{KEY}.sumber"),
        ("item", f"{KEY}.apbd"),
        ("item", f"{KEY}.apbd.1"),
        ("item", f"{KEY}.sumber.2"),
        ("ayat", f"{KEY}.tiga"),
    ]


def test_attribute_block_is_removed_from_the_text() -> None:
    [intro] = _parse("Sumber:   {:  #sumber  +atau }\n- a\n- b\n")
    assert intro.text == ("Sumber:",)
    assert intro.key == f"{KEY}.sumber"


def test_escaped_underscores_in_ids_are_unescaped() -> None:
    [node] = _parse("Teks. {: #bukan\\_penerima\\_upah}\n")
    assert node.key == f"{KEY}.bukan_penerima_upah"


def test_duplicate_id_is_rejected_naming_both_lines() -> None:
    problem = _problem("Satu. {: #dua}\n\nDua:\n- a {: #dua}\n")
    assert problem.line == 4
    assert "'#dua' is used twice" in problem.message
    assert "line 1" in problem.message


@pytest.mark.parametrize(
    ("attrs", "conj", "style"),
    [
        ("", "dan", "rincian"),
        ("{: +dan}", "dan", "rincian"),
        ("{: +atau}", "atau", "rincian"),
        ("{: +dan/atau}", "dan/atau", "rincian"),
        ("{: .definisi}", "dan", "definisi"),
        ("{: #daftar +dan/atau .definisi}", "dan/atau", "definisi"),
    ],
)
def test_list_attributes(attrs: str, conj: str, style: str) -> None:
    [intro] = _parse(f"Daftar: {attrs}\n- satu\n- dua\n")
    assert (intro.conj, intro.style) == (conj, style)
    assert intro.text == ("Daftar:",)


def test_attributes_of_an_item_set_its_sub_list() -> None:
    [intro] = _parse("Daftar:\n- satu {: +atau}\n  - x\n  - y\n- dua\n")
    assert intro.conj == "dan"
    assert intro.children[0].conj == "atau"


@pytest.mark.parametrize("attr", ["+or", "+dan,atau", ".bold", "#Besar", "#a-b", "#é"])
def test_unknown_attribute_is_rejected(attr: str) -> None:
    problem = _problem(f"Satu.\n\nDua. {{: {attr}}}\n")
    assert problem.line == 3
    assert f"unknown attribute '{attr}'" in problem.message


def test_attribute_block_in_the_middle_of_text_is_text() -> None:
    [node] = _parse("Teks {: #x} berlanjut.\n")
    assert node.text == ("Teks {: #x} berlanjut.",)
    assert node.key == f"{KEY}.1"


@pytest.mark.parametrize("text", ["Teks {: #x} {: #y}", "Teks {: #x}{: +atau}", "Daftar:\n- a {: #x} {: #y}"])
def test_two_attribute_blocks_at_the_end_are_rejected(text: str) -> None:
    problem = _problem(f"Satu.\n\n{text}\n")
    assert problem.line == 3 + text.count("\n")
    assert problem.message == "two attribute blocks end this text; combine them into one: {: #id +atau}"


def test_escaped_attribute_block_stays_text() -> None:
    [node] = _parse("Teks \\{: #x\\}\n")
    assert node.text == ("Teks {: #x}",)
    assert node.key == f"{KEY}.1"


# --- inline text -----------------------------------------------------------------------------


def test_escaped_characters_print_literally() -> None:
    [node] = _parse("Kurung \\{ strip \\- pagar \\# garis \\\\ bintang \\* pipa \\| titik 1\\. selesai\n")
    assert node.text == ("Kurung { strip - pagar # garis \\ bintang * pipa | titik 1. selesai",)


def test_escaped_list_and_number_markers_at_line_start_are_text() -> None:
    nodes = _parse("\\- bukan butir\n\n1\\. bukan nomor\n\n\\# bukan judul\n")
    assert [n.text for n in nodes] == [("- bukan butir",), ("1. bukan nomor",), ("# bukan judul",)]
    assert all(n.children == () for n in nodes)


def test_whitespace_collapses_and_ends_are_trimmed() -> None:
    [node] = _parse("  Spasi   ganda\tdan tab\n   baris   baru  \n")
    assert node.text == ("Spasi ganda dan tab baris baru",)


def test_reference_markers_become_refs() -> None:
    rendered = f"Dana {_marker('pendanaan.apbd', 7)} dan {_marker('umum.definisi', 9, bare=True)} berlaku.\n"
    [node] = _parse(rendered)
    assert node.text == (
        "Dana ",
        Ref("pendanaan.apbd", Source(FILE, 7), False),
        " dan ",
        Ref("umum.definisi", Source(FILE, 9), True),
        " berlaku.",
    )
    assert all(r.words == "" for r in node.text if isinstance(r, Ref))


def test_relative_reference_keys_expand_to_the_pasal_key() -> None:
    [node] = _parse(f"Lihat {_marker('.apbd', 2)}.\n")
    assert node.text[1] == Ref(f"{KEY}.apbd", Source(FILE, 2), False)


def test_reference_without_template_line_takes_the_block_line() -> None:
    [_, node] = _parse(f"Satu.\n\nDua\n{_marker('x.y', 0)}\n")
    assert node.text == ("Dua ", Ref("x.y", Source(FILE, 3), False))


def test_reference_at_the_start_drops_empty_text_parts() -> None:
    [intro] = _parse(f"Daftar:\n- {_marker('x.y', 4)}\n- dua\n")
    assert intro.children[0].text == (Ref("x.y", Source(FILE, 4), False),)


# --- lampiran tables -------------------------------------------------------------------------


def test_tables_in_a_lampiran_give_table_row_and_line_nodes() -> None:
    rendered = (
        "Target cakupan:\n\n| Tahun | Target |\n| --- | --- |\n| 2025 | 28,3% |\n| 2026 | 30 \\| 31 |\n"
    )
    intro, table = _parse(rendered, "line")
    assert (intro.kind, intro.text) == ("line", ("Target cakupan:",))
    assert (table.kind, table.key, table.conj) == ("table", f"{KEY}.2", "")
    assert [r.kind for r in table.children] == ["row", "row", "row"]
    assert all(r.conj == "" for r in table.children)
    assert [[c.kind for c in r.children] for r in table.children] == [["line", "line"]] * 3
    assert [[c.text for c in r.children] for r in table.children] == [
        [("Tahun",), ("Target",)],
        [("2025",), ("28,3%",)],
        [("2026",), ("30 | 31",)],
    ]
    assert table.children[2].children[1].key == f"{KEY}.2.3.2"


def test_list_after_a_table_is_rejected() -> None:
    problem = _problem("| A |\n| --- |\n| 1 |\n- butir\n", "line")
    assert "must follow the paragraph" in problem.message


@pytest.mark.parametrize("top_kind", ["ayat", "item"])
def test_a_table_outside_a_lampiran_is_rejected_at_its_line(top_kind: str) -> None:
    problem = _problem("Laporan berikut.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n", top_kind)
    assert (problem.line, problem.key) == (3, KEY)
    assert problem.message == "a table belongs in a lampiran, not in a Pasal; write its rows as '- ' items"


# --- template lines --------------------------------------------------------------------------


def test_a_rendered_template_gives_its_template_lines() -> None:
    rendered = Rendered("Satu\nberlanjut.\n\nDaftar:\n- a\n- b\n", (3, 4, 6, 9, 9, 12, 13))
    nodes = _parse(rendered)
    assert [(n.text, n.source) for top in nodes for n in top.walk()] == [
        (("Satu berlanjut.",), Source(FILE, 3)),
        (("Daftar:",), Source(FILE, 9)),
        (("a",), Source(FILE, 9)),
        (("b",), Source(FILE, 12)),
    ]


def test_errors_and_reference_fallbacks_name_the_template_line() -> None:
    [node] = _parse(Rendered(f"Lihat {_marker('x.y')}.\n", (7, 8)))
    assert node.text[1] == Ref("x.y", Source(FILE, 7), False)
    problem = _problem(Rendered("Satu. {: #a}\n\nDua. {: #a}\n", (2, 3, 8, 9)))
    assert (problem.line, problem.message) == (8, "id '#a' is used twice (first on line 2)")


def test_the_parse_cache_keeps_the_template_lines_of_each_rendering() -> None:
    same, other = Rendered("Satu.\n", (2, 3)), Rendered("Satu.\n", (4, 5))
    assert same == "Satu.\n" == other  # to Jinja's callers a rendering is its text
    [first] = build.parse(same, FILE, "pasal")
    [second] = build.parse(other, FILE, "pasal")
    assert (first.source, second.source) == (Source(FILE, 2), Source(FILE, 4))
    assert pickle.loads(pickle.dumps(other)).lines == (4, 5)  # a draft may cross to another process


def test_text_without_template_lines_counts_its_own_lines() -> None:
    problem = _problem("Satu.\n\nDua:\n- a\n  - b\n    - c\n      - d\n        - e\n")
    assert problem.line == 8
