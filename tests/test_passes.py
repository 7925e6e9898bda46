"""Tests for the passes over the document tree, on tiny hand-built drafts."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from jamsostek_regs.build import tree as build
from jamsostek_regs.errors import InputError
from jamsostek_regs.model import Conj, Draft, ListStyle, Node, inline_text
from jamsostek_regs.passes import PASSES, run
from jamsostek_regs.passes.check import check
from jamsostek_regs.passes.numbering import number
from jamsostek_regs.passes.punctuation import punctuate
from jamsostek_regs.passes.references import resolve
from tests.trees import (
    TEMPLATE,
    ayat,
    bab,
    bagian,
    dasar_hukum,
    draft,
    item,
    konsiderans,
    lampiran,
    line,
    node,
    paragraf,
    pasal,
    ref,
)


def _nums(d: Draft, kind: str) -> list[str]:
    return [n.num for n in d.walk() if n.kind == kind]


def _ends(n: Node) -> list[tuple[str, str]]:
    """(key, end) of ``n`` and every descendant."""
    return [(x.key, x.end) for x in n.walk()]


# --- numbering -------------------------------------------------------------------------------


def _grouped() -> Draft:
    return draft(
        bab("umum", pasal("p1"), pasal("p2")),
        bab(
            "pelaksanaan",
            bagian(
                "pelaksanaan.a",
                paragraf("pelaksanaan.a.x", pasal("p3")),
                paragraf("pelaksanaan.a.y", pasal("p4")),
            ),
            bagian("pelaksanaan.b", paragraf("pelaksanaan.b.x", pasal("p5"), pasal("p6"))),
        ),
        bab("pendanaan", bagian("pendanaan.a", pasal("p7")), bagian("pendanaan.b", pasal("p8"))),
        bab("penutup", pasal("p9")),
    )


def test_bab_are_roman_and_continuous() -> None:
    d = number(_grouped())
    assert _nums(d, "bab") == ["I", "II", "III", "IV"]
    assert [n.eid for n in d.walk() if n.kind == "bab"] == ["bab_1", "bab_2", "bab_3", "bab_4"]


def test_bagian_ordinals_restart_in_each_bab() -> None:
    d = number(_grouped())
    assert [(n.key, n.num, n.eid) for n in d.walk() if n.kind == "bagian"] == [
        ("pelaksanaan.a", "Kesatu", "bab_2__bagian_1"),
        ("pelaksanaan.b", "Kedua", "bab_2__bagian_2"),
        ("pendanaan.a", "Kesatu", "bab_3__bagian_1"),
        ("pendanaan.b", "Kedua", "bab_3__bagian_2"),
    ]


def test_many_bagian_use_compound_ordinals() -> None:
    d = number(draft(bab("b", *(bagian(f"b.{i}", pasal(f"p{i}")) for i in range(1, 13)))))
    assert _nums(d, "bagian")[-3:] == ["Kesepuluh", "Kesebelas", "Kedua Belas"]


def test_paragraf_restart_in_each_bagian() -> None:
    d = number(_grouped())
    assert [(n.key, n.num, n.eid) for n in d.walk() if n.kind == "paragraf"] == [
        ("pelaksanaan.a.x", "1", "bab_2__bagian_1__paragraf_1"),
        ("pelaksanaan.a.y", "2", "bab_2__bagian_1__paragraf_2"),
        ("pelaksanaan.b.x", "1", "bab_2__bagian_2__paragraf_1"),
    ]


def test_pasal_are_continuous_across_bab_bagian_and_paragraf() -> None:
    d = number(_grouped())
    assert [(n.key, n.num, n.eid) for n in d.walk() if n.kind == "pasal"] == [
        (f"p{i}", str(i), f"pasal_{i}") for i in range(1, 10)
    ]


def test_single_ayat_is_unnumbered_and_many_are_numbered() -> None:
    d = number(
        draft(
            bab(
                "b",
                pasal("satu"),
                pasal("tiga", ayat("tiga.1", "A"), ayat("tiga.2", "B"), ayat("tiga.3", "C")),
            )
        )
    )
    assert (node(d, "satu.1").num, node(d, "satu.1").eid) == ("", "pasal_1__ayat_1")
    assert [(node(d, f"tiga.{i}").num, node(d, f"tiga.{i}").eid) for i in (1, 2, 3)] == [
        ("(1)", "pasal_2__ayat_1"),
        ("(2)", "pasal_2__ayat_2"),
        ("(3)", "pasal_2__ayat_3"),
    ]


def _deep_pasal() -> Node:
    fourth = item("p.a.1.a", "tiga", item("p.a.1.a.1", "empat"), item("p.a.1.a.2", "empat"))
    third = item("p.a.1", "dua", fourth, item("p.a.1.b", "tiga"))
    return pasal(
        "p", ayat("p.1", "Rincian:", item("p.a", "satu", third, item("p.a.2", "dua")), item("p.b", "satu"))
    )


def test_item_labels_follow_the_nesting_order() -> None:
    d = number(draft(bab("b", _deep_pasal())))
    labels = [(n.key, n.num) for n in node(d, "p.1").walk() if n.kind == "item"]
    assert labels == [
        ("p.a", "a."),
        ("p.a.1", "1."),
        ("p.a.1.a", "a)"),
        ("p.a.1.a.1", "1)"),
        ("p.a.1.a.2", "2)"),
        ("p.a.1.b", "b)"),
        ("p.a.2", "2."),
        ("p.b", "b."),
    ]
    assert node(d, "p.a.1.a.2").eid == "pasal_1__ayat_1__huruf_a__angka_1__huruf_a__angka_2"


def test_item_labels_past_z_double_the_letter() -> None:
    items = [item(f"p.{i}", f"butir {i}") for i in range(1, 29)]
    d = number(draft(bab("b", pasal("p", ayat("p.1", "Daftar:", *items)))))
    assert [n.num for n in node(d, "p.1").children][24:] == ["y.", "z.", "aa.", "bb."]


def test_definisi_lists_are_numbered() -> None:
    defs = ayat(
        "p.1", "Yang dimaksud dengan:", item("p.a", "Daerah"), item("p.b", "Bupati"), style="definisi"
    )
    d = number(draft(bab("b", pasal("p", defs))))
    assert [n.num for n in node(d, "p.1").children] == ["1.", "2."]


@pytest.mark.parametrize(("count", "labels"), [(1, [""]), (2, ["a.", "b."]), (3, ["a.", "b.", "c."])])
def test_konsiderans_lettered_only_when_more_than_one(count: int, labels: list[str]) -> None:
    items = [item(f"menimbang.{i}", f"bahwa {i}") for i in range(1, count + 1)]
    d = number(draft(bab("b", pasal("p")), pembukaan=[konsiderans(*items)]))
    assert [n.num for n in node(d, "menimbang").children] == labels


@pytest.mark.parametrize(("count", "labels"), [(1, [""]), (2, ["1.", "2."]), (3, ["1.", "2.", "3."])])
def test_dasar_hukum_numbered_only_when_more_than_one(count: int, labels: list[str]) -> None:
    items = [item(f"mengingat.{i}", f"Undang-Undang {i}") for i in range(1, count + 1)]
    d = number(draft(bab("b", pasal("p")), pembukaan=[dasar_hukum(*items)]))
    assert [n.num for n in node(d, "mengingat").children] == labels


def test_single_lampiran_is_unnumbered() -> None:
    d = number(draft(bab("b", pasal("p")), lampirans=[lampiran("lampiran.target", line("lt.1", "Isi"))]))
    lamp = node(d, "lampiran.target")
    assert (lamp.num, lamp.eid) == ("", "lampiran_1")
    assert node(d, "lampiran.target.kepala.lampiran").text == ("LAMPIRAN",)


def test_many_lampiran_are_roman_with_the_heading_line() -> None:
    lamps = [lampiran(f"lampiran.{k}", line(f"{k}.1", "Isi")) for k in ("a", "b", "c")]
    d = number(draft(bab("b", pasal("p")), lampirans=lamps))
    assert [(n.num, n.eid) for n in d.walk() if n.kind == "lampiran"] == [
        ("I", "lampiran_1"),
        ("II", "lampiran_2"),
        ("III", "lampiran_3"),
    ]
    assert [node(d, f"lampiran.{k}.kepala.lampiran").text for k in ("a", "b", "c")] == [
        ("LAMPIRAN I",),
        ("LAMPIRAN II",),
        ("LAMPIRAN III",),
    ]
    assert node(d, "lampiran.b.kepala.nama").text == ("CONTOH",)


def test_lampiran_lists_are_labelled() -> None:
    body = (
        line("l.1", "Perangkat Daerah:", item("l.1.1", "Dinas"), item("l.1.2", "Badan")),
        line("l.2", "Lain"),
    )
    d = number(draft(bab("b", pasal("p")), lampirans=[lampiran("lampiran.l", *body)]))
    assert [(n.num, n.eid) for n in node(d, "l.1").children] == [
        ("a.", "lampiran_1__1__huruf_a"),
        ("b.", "lampiran_1__1__huruf_b"),
    ]


def test_numbering_is_idempotent_and_keeps_keys_and_text() -> None:
    source = _grouped()
    once = number(source)
    assert number(once) == once
    assert [(n.key, n.text) for n in once.walk()] == [(n.key, n.text) for n in source.walk()]


# --- punctuation -----------------------------------------------------------------------------


def _listed(*items: Node, conj: Conj = "dan", text: str = "Rincian", style: ListStyle = "rincian") -> Draft:
    a = ayat("p.1", text, *items, conj=conj, style=style)
    return run(draft(bab("b", pasal("p", a))), frozenset())


@pytest.mark.parametrize("conj", ["dan", "atau", "dan/atau"])
def test_connective_only_after_the_second_to_last_item(conj: Conj) -> None:
    d = _listed(*(item(f"p.{i}", f"butir {i}") for i in "abcd"), conj=conj)
    assert _ends(node(d, "p.1")) == [
        ("p.1", ":"),
        ("p.a", ";"),
        ("p.b", ";"),
        ("p.c", f"; {conj}"),
        ("p.d", "."),
    ]
    assert [n.plain() for n in node(d, "p.1").children] == [
        "butir a;",
        "butir b;",
        f"butir c; {conj}",
        "butir d.",
    ]


def test_two_items_take_the_connective_on_the_first() -> None:
    d = _listed(item("p.a", "satu"), item("p.b", "dua"), conj="atau")
    assert [n.plain() for n in node(d, "p.1").children] == ["satu; atau", "dua."]
    assert node(d, "p.1").plain() == "Rincian:"


def test_single_item_ends_with_a_period() -> None:
    d = _listed(item("p.a", "satu"))
    assert [n.end for n in node(d, "p.1").children] == ["."]


def test_intro_already_ending_with_a_colon_gets_no_second_colon() -> None:
    d = _listed(item("p.a", "satu"), item("p.b", "dua"), text="Terdiri atas:")
    assert node(d, "p.1").plain() == "Terdiri atas:"


def test_ayat_without_list_gets_no_ending() -> None:
    d = run(draft(bab("b", pasal("p", ayat("p.1", "Kalimat utuh."), ayat("p.2", "Lain.")))), frozenset())
    assert [n.end for n in node(d, "p").children] == ["", ""]


def test_item_with_sub_items_ends_with_a_colon_and_passes_the_connective_down() -> None:
    d = _listed(
        item("p.a", "satu", item("p.a.1", "x"), item("p.a.2", "y"), conj="dan/atau"),
        item("p.b", "dua"),
        conj="atau",
    )
    assert _ends(node(d, "p.1"))[1:] == [
        ("p.a", ":"),
        ("p.a.1", "; dan/atau"),
        ("p.a.2", "; atau"),
        ("p.b", "."),
    ]


def test_last_item_with_sub_items_closes_with_its_last_leaf() -> None:
    d = _listed(
        item("p.a", "satu"),
        item("p.b", "dua", item("p.b.1", "x"), item("p.b.2", "y", item("p.b.2.a", "z")), conj="atau"),
    )
    assert _ends(node(d, "p.1"))[1:] == [
        ("p.a", "; dan"),
        ("p.b", ":"),
        ("p.b.1", "; atau"),
        ("p.b.2", ":"),
        ("p.b.2.a", "."),
    ]


def test_middle_item_with_sub_items_ends_its_sub_list_with_a_semicolon() -> None:
    d = _listed(
        item("p.a", "satu", item("p.a.1", "x"), item("p.a.2", "y")), item("p.b", "dua"), item("p.c", "tiga")
    )
    assert _ends(node(d, "p.1"))[1:] == [
        ("p.a", ":"),
        ("p.a.1", "; dan"),
        ("p.a.2", ";"),
        ("p.b", "; dan"),
        ("p.c", "."),
    ]


def test_definisi_items_end_with_a_period() -> None:
    d = _listed(
        item("p.a", "Daerah adalah Kabupaten Contoh"),
        item("p.b", "Bupati adalah Bupati Contoh"),
        text="Dalam Peraturan Bupati ini yang dimaksud dengan:",
        style="definisi",
    )
    assert [n.plain() for n in node(d, "p.1").children] == [
        "Daerah adalah Kabupaten Contoh.",
        "Bupati adalah Bupati Contoh.",
    ]


def test_konsiderans_and_dasar_hukum_items_end_with_a_semicolon() -> None:
    d = run(
        draft(
            bab("b", pasal("p")),
            pembukaan=[
                konsiderans(item("menimbang.1", "bahwa satu")),
                dasar_hukum(
                    item("mengingat.a", "UU A"), item("mengingat.b", "UU B"), item("mengingat.c", "UU C")
                ),
            ],
        ),
        frozenset(),
    )
    assert [n.end for n in node(d, "menimbang").children] == [";"]
    assert [n.end for n in node(d, "mengingat").children] == [";", ";", ";"]


def test_lampiran_lists_are_punctuated() -> None:
    intro = line("l.1", "Perangkat Daerah", item("l.1.1", "Dinas"), item("l.1.2", "Badan"))
    d = run(draft(bab("b", pasal("p")), lampirans=[lampiran("lampiran.l", intro)]), frozenset())
    assert _ends(node(d, "l.1")) == [("l.1", ":"), ("l.1.1", "; dan"), ("l.1.2", ".")]


# --- references ------------------------------------------------------------------------------


def _ref_draft(here: str, target: str, bare: bool = False) -> Draft:
    """Pasal 1 (one ayat, a. b.), Pasal 2 (three ayat, (2) has a. 1. 2. / b.), Pasal 3 (definisi);
    a reference to ``target`` is appended to the text of ``here``."""
    tree = draft(
        bab(
            "satu",
            pasal("p1", ayat("p1.1", "Satu", item("p1.a", "a"), item("p1.b", "b"))),
            pasal(
                "p2",
                ayat("p2.1", "Ayat satu"),
                ayat(
                    "p2.2",
                    "Ayat dua",
                    item("p2.a", "a", item("p2.a.1", "x"), item("p2.a.2", "y")),
                    item("p2.b", "b"),
                ),
                ayat("p2.3", "Ayat tiga"),
            ),
        ),
        bab(
            "dua",
            pasal("p3", ayat("p3.1", "Definisi", item("p3.a", "A"), item("p3.b", "B"), style="definisi")),
        ),
    )

    def add(n: Node) -> Node:
        text = (*n.text, " ", ref(target, line=7, bare=bare)) if n.key == here else n.text
        return Node(n.kind, n.key, text, n.title, tuple(add(c) for c in n.children), n.conj, n.style)

    return Draft(tree.meta, add(tree.root))


def _words(here: str, target: str, bare: bool = False) -> str:
    d = run(_ref_draft(here, target, bare), frozenset())
    [r] = [p for p in node(d, here).text if not isinstance(p, str)]
    return r.words


@pytest.mark.parametrize(
    ("here", "target", "expected"),
    [
        ("p1.1", "p2", "sebagaimana dimaksud dalam Pasal 2"),
        ("p1.1", "p2.2", "sebagaimana dimaksud dalam Pasal 2 ayat (2)"),
        ("p1.1", "p2.b", "sebagaimana dimaksud dalam Pasal 2 ayat (2) huruf b"),
        ("p3.a", "p2.a.2", "sebagaimana dimaksud dalam Pasal 2 ayat (2) huruf a angka 2"),
        ("p2.3", "p1", "sebagaimana dimaksud dalam Pasal 1"),
        ("p2.3", "p1.1", "sebagaimana dimaksud dalam Pasal 1"),
        ("p2.3", "p1.b", "sebagaimana dimaksud dalam Pasal 1 huruf b"),
        ("p2.1", "p3.b", "sebagaimana dimaksud dalam Pasal 3 angka 2"),
        ("p2.3", "p2.1", "sebagaimana dimaksud pada ayat (1)"),
        ("p2.3", "p2.a", "sebagaimana dimaksud pada ayat (2) huruf a"),
        ("p2.1", "p2.a.1", "sebagaimana dimaksud pada ayat (2) huruf a angka 1"),
        ("p2.b", "p2.a", "sebagaimana dimaksud pada huruf a"),
        ("p2.b", "p2.a.2", "sebagaimana dimaksud pada huruf a angka 2"),
        ("p2.2", "p2.b", "sebagaimana dimaksud pada huruf b"),
        ("p1.b", "p1.a", "sebagaimana dimaksud pada huruf a"),
        ("p3.b", "p3.a", "sebagaimana dimaksud pada angka 1"),
    ],
)
def test_reference_words(here: str, target: str, expected: str) -> None:
    assert _words(here, target) == expected


@pytest.mark.parametrize(
    ("here", "target", "expected"),
    [
        ("p1.1", "p2.b", "Pasal 2 ayat (2) huruf b"),
        ("p1.1", "p2", "Pasal 2"),
        ("p2.3", "p1.a", "Pasal 1 huruf a"),
        ("p2.3", "p2.1", "ayat (1)"),
        ("p2.b", "p2.a", "huruf a"),
    ],
)
def test_bare_reference_words(here: str, target: str, expected: str) -> None:
    assert _words(here, target, bare=True) == expected


def test_reference_words_follow_the_numbers_not_the_keys() -> None:
    d = _ref_draft("p3.a", "p2.b")
    body = d.part("batang_tubuh")
    moved = Draft(d.meta, d.root.with_children((body.with_children(body.children[::-1]),)))
    resolved = run(moved, frozenset())
    assert node(resolved, "p2").num == "3"
    [r] = [p for p in node(resolved, "p3.a").text if not isinstance(p, str)]
    assert r.words == "sebagaimana dimaksud dalam Pasal 3 ayat (2) huruf b"


def test_resolved_text_reads_as_a_sentence() -> None:
    d = run(_ref_draft("p2.3", "p2.1"), frozenset())
    assert node(d, "p2.3").plain() == "Ayat tiga sebagaimana dimaksud pada ayat (1)"


@pytest.mark.parametrize(("count", "expected"), [(1, "Lampiran"), (2, "Lampiran II")])
def test_lampiran_references(count: int, expected: str) -> None:
    lamps = [lampiran(f"lampiran.{i}", line(f"l{i}.1", "Isi")) for i in range(1, count + 1)]
    a = ayat("p.1", ("Target ", ref(f"lampiran.{count}", 3), " dan ", ref(f"lampiran.{count}", 4, bare=True)))
    d = run(draft(bab("b", pasal("p", a)), lampirans=lamps), frozenset())
    assert [p.words for p in node(d, "p.1").text if not isinstance(p, str)] == [
        f"sebagaimana tercantum dalam {expected}",
        expected,
    ]


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (
            2,
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
            "menetapkan Peraturan Bupati tentang Optimalisasi;",
        ),
        (
            3,
            "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c, "
            "perlu menetapkan Peraturan Bupati tentang Optimalisasi;",
        ),
    ],
)
def test_konsiderans_closing_words(tmp_path: Path, count: int, expected: str) -> None:
    (tmp_path / "menimbang.md.jinja").write_text("\n\n".join(f"bahwa {i}" for i in range(count)) + "\n")
    builder = SimpleNamespace(
        standard=SimpleNamespace(manifest=SimpleNamespace(menimbang="menimbang"), path=tmp_path),
        context={},
        g=SimpleNamespace(peraturan="Peraturan Bupati"),
        loaded=SimpleNamespace(region=SimpleNamespace(title=None)),
        changes=SimpleNamespace(apply=lambda node: node),  # a region without changes
    )
    menimbang = build._menimbang(builder, "Optimalisasi")  # type: ignore[arg-type]
    d = run(draft(bab("b", pasal("p")), pembukaan=[menimbang]), frozenset())
    closing = node(d, "menimbang").children[-1]
    assert (closing.num, closing.plain()) == (f"{'abcd'[count]}.", expected)


def test_single_konsiderans_has_no_closing_item(tmp_path: Path) -> None:
    (tmp_path / "menimbang.md.jinja").write_text("bahwa satu-satunya pertimbangan perlu menetapkan\n")
    builder = SimpleNamespace(
        standard=SimpleNamespace(manifest=SimpleNamespace(menimbang="menimbang"), path=tmp_path),
        context={},
        g=SimpleNamespace(peraturan="Peraturan Bupati"),
        loaded=SimpleNamespace(region=SimpleNamespace(title=None)),
        changes=SimpleNamespace(apply=lambda node: node),  # a region without changes
    )
    menimbang = build._menimbang(builder, "Optimalisasi")  # type: ignore[arg-type]
    d = run(draft(bab("b", pasal("p")), pembukaan=[menimbang]), frozenset())
    [only] = node(d, "menimbang").children
    assert (only.num, only.plain()) == ("", "bahwa satu-satunya pertimbangan perlu menetapkan;")


def test_unknown_and_excluded_references_are_distinct_errors() -> None:
    a = ayat("p.1", ("Lihat ", ref("tidak.ada", 4), " dan ", ref("pendanaan.apbd", 9)))
    with pytest.raises(InputError) as info:
        run(draft(bab("b", pasal("p", a))), frozenset({"pendanaan.apbd", "pendanaan"}))
    missing, excluded = info.value.problems
    assert (missing.file, missing.line, missing.key) == (TEMPLATE, 4, "tidak.ada")
    assert "does not exist" in missing.message
    assert (excluded.file, excluded.line, excluded.key) == (TEMPLATE, 9, "pendanaan.apbd")
    assert "leaves out" in excluded.message
    assert str(excluded).startswith(f"{TEMPLATE}:9:1: pendanaan.apbd: ")


@pytest.mark.parametrize(
    ("here", "target"), [("p2.3", "p2.3"), ("p2.3", "p2"), ("p2.a.1", "p2"), ("p2.b", "p2.b")]
)
def test_self_references_are_errors(here: str, target: str) -> None:
    with pytest.raises(InputError) as info:
        run(_ref_draft(here, target), frozenset())
    [problem] = info.value.problems
    assert (problem.file, problem.line, problem.key) == (TEMPLATE, 7, target)
    assert "itself" in problem.message


@pytest.mark.parametrize(("here", "target"), [("p2.b", "p2.2"), ("p1.a", "p1.1")])
def test_reference_to_the_containing_ayat_is_an_error(here: str, target: str) -> None:
    with pytest.raises(InputError) as info:
        run(_ref_draft(here, target), frozenset())
    assert "its own ayat" in info.value.problems[0].message


def test_reference_to_a_bab_is_an_error_not_an_empty_string() -> None:
    with pytest.raises(InputError) as info:
        run(_ref_draft("p1.1", "dua"), frozenset())
    assert "not a bab" in info.value.problems[0].message


def test_reference_to_an_unnumbered_rincian_is_an_error_not_an_empty_string() -> None:
    menimbang = konsiderans(item("menimbang.satu", "bahwa satu-satunya pertimbangan"))
    a = ayat("p.1", ("Lihat ", ref("menimbang.satu", 5)))
    with pytest.raises(InputError) as info:
        run(draft(bab("b", pasal("p", a)), pembukaan=[menimbang]), frozenset())
    [problem] = info.value.problems
    assert (problem.line, problem.key) == (5, "menimbang.satu")
    assert "has no number" in problem.message


def test_every_reference_error_is_reported_at_once() -> None:
    a = ayat("p.1", ("A ", ref("x", 1), " B ", ref("y", 2), " C ", ref("p", 3)))
    with pytest.raises(InputError) as info:
        run(draft(bab("b", pasal("p", a))), frozenset())
    assert [(p.line, p.key) for p in info.value.problems] == [(1, "x"), (2, "y"), (3, "p")]


# --- check -----------------------------------------------------------------------------------


def test_check_returns_a_good_draft_unchanged() -> None:
    d = run(draft(bab("b", _deep_pasal())), frozenset())
    assert check(d) is d


def test_duplicate_keys_are_rejected() -> None:
    d = draft(bab("b", pasal("p", ayat("p.1", "A"), ayat("p.1", "B"))))
    with pytest.raises(InputError) as info:
        run(d, frozenset())
    [problem] = info.value.problems
    assert problem.key == "p.1"
    assert "used twice" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "butir;",
        "butir ;  ",
        "butir,",
        "butir.",
        "butir; dan",
        "butir; atau",
        "butir; dan/atau",
    ],
)
def test_hand_written_item_punctuation_is_rejected(text: str) -> None:
    d = draft(bab("b", pasal("p", ayat("p.1", "Daftar", item("p.a", text), item("p.b", "dua")))))
    with pytest.raises(InputError) as info:
        run(d, frozenset())
    [problem] = info.value.problems
    assert problem.key == "p.a"
    assert "punctuation" in problem.message


@pytest.mark.parametrize("text", ["Daftar.", "Daftar;", "Daftar,"])
def test_hand_written_punctuation_before_a_list_is_rejected(text: str) -> None:
    d = draft(bab("b", pasal("p", ayat("p.1", text, item("p.a", "satu"), item("p.b", "dua")))))
    with pytest.raises(InputError) as info:
        run(d, frozenset())
    [problem] = info.value.problems
    assert (problem.key, problem.message) == (
        "p.1",
        "the text before rincian ends without punctuation; ':' is added for you",
    )


def test_item_ending_with_the_placeholder_is_allowed() -> None:
    d = draft(bab("b", pasal("p", ayat("p.1", "Daftar", item("p.a", "Kepala ..."), item("p.b", "dua")))))
    assert node(run(d, frozenset()), "p.a").plain() == "Kepala ...; dan"


def test_item_ending_with_a_colon_is_allowed() -> None:
    d = run(
        draft(bab("b", pasal("p", ayat("p.1", "Daftar", item("p.a", "meliputi:", item("p.a.1", "x")))))),
        frozenset(),
    )
    assert node(d, "p.a").plain() == "meliputi:"


def test_pasal_without_text_is_rejected() -> None:
    d = draft(bab("b", Node("pasal", "kosong")))
    with pytest.raises(InputError) as info:
        check(number(d))
    assert [p.key for p in info.value.problems] == ["kosong"]


def test_bagian_mixing_paragraf_and_pasal_is_rejected() -> None:
    d = draft(bab("b", bagian("b.1", pasal("p1"), paragraf("b.1.x", pasal("p2")))))
    with pytest.raises(InputError) as info:
        check(number(d))
    [problem] = info.value.problems
    assert (problem.key, "R43" in problem.message) == ("b.1", True)


def test_a_problem_on_a_node_without_source_points_at_its_nearest_placed_ancestor() -> None:
    from dataclasses import replace

    from jamsostek_regs.model import Source

    listed = pasal("p", ayat("p.1", "D", item("p.a", "x;"), item("p.b", "y")))
    placed = replace(listed, source=Source("r.yaml", 7))
    with pytest.raises(InputError) as info:
        check(draft(bab("b", placed)))
    [problem] = info.value.problems
    assert str(problem).startswith("r.yaml:7:1: p.a: rincian end without punctuation;")


def test_check_reports_every_problem() -> None:
    d = draft(bab("b", pasal("p", ayat("p.1", "D", item("p.a", "x;"), item("p.a", "y.")))))
    with pytest.raises(InputError) as info:
        check(d)
    assert len(info.value.problems) == 3


# --- the pass pipeline -----------------------------------------------------------------------


def test_run_applies_the_passes_in_order() -> None:
    assert [name for name, _ in PASSES] == ["numbering", "punctuation", "references", "check"]
    d = _ref_draft("p3.a", "p2.a.2")
    assert run(d, frozenset()) == check(resolve(punctuate(number(d))))


def test_numbers_are_in_the_text_only_after_the_passes() -> None:
    d = run(_ref_draft("p2.3", "p2.b"), frozenset())
    assert inline_text(node(d, "p2.3").text) == "Ayat tiga sebagaimana dimaksud pada ayat (2) huruf b"
