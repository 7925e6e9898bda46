"""Each kind of change in its statutory formula (Lampiran II UU 12/2011 angka 233-236, R125),
on a small enacted Perkada: Pasal 1 to 6 in BAB I to III, Pasal 2 with three ayat and Pasal 4
with a list of four rincian, and a lampiran."""

from __future__ import annotations

import pytest

from jamsostek_regs.amend.changes import BERBUNYI, changes, shown
from jamsostek_regs.amend.consolidate import apply
from jamsostek_regs.amend.merge import SystematicsChanged, merge, next_number
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.passes import run
from tests.lint import mutate as m
from tests.trees import ayat, bab, bagian, draft, item, lampiran, line, pasal, ref

ENACTED = run(
    draft(
        bab("umum", pasal("p1")),
        bab(
            "tugas",
            pasal("p2", ayat("p2.a", "Satu."), ayat("p2.b", "Dua."), ayat("p2.c", "Tiga.")),
            pasal("p3"),
        ),
        bab(
            "dana",
            pasal(
                "p4",
                ayat("p4.1", "Sumber meliputi:", *(item(f"p4.{x}", x) for x in "wxyz")),
            ),
            pasal("p5", ayat("p5.1", ("Sesuai ", ref("p4")))),
            pasal("p6"),
        ),
        lampirans=[lampiran("lampiran.tabel", line("lampiran.tabel.isi", "Isi lampiran"))],
    ),
    frozenset(),
)


def formulas(new: Draft) -> list[str]:
    merged = merge(ENACTED, run(new, frozenset()))
    found = changes(ENACTED, merged, "Peraturan Bupati")
    assert shown(apply(ENACTED, found).root) == shown(merged.draft.root)
    return [c.formula for c in found]


def text(node_key: str, words: str) -> Draft:
    return m.text(ENACTED, node_key, words)


def new_pasal(key: str) -> Node:
    return Node("pasal", key, children=(ayat(f"{key}.1", "Baru."),))


def test_nothing_changed_is_no_change() -> None:
    assert formulas(ENACTED) == []


def test_pasal_diubah() -> None:
    assert formulas(text("p3.1", "Ketentuan lain.")) == [
        "Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:"
    ]


def test_ayat_diubah() -> None:
    assert formulas(text("p2.b", "Dua diubah.")) == [
        "Ketentuan ayat (2) Pasal 2 diubah sehingga Pasal 2 berbunyi sebagai berikut:"
    ]


def test_two_ayat_diubah() -> None:
    new = m.change(text("p2.a", "Satu diubah."), "p2.c", text=("Tiga diubah.",))
    assert formulas(new) == [
        "Ketentuan ayat (1) dan ayat (3) Pasal 2 diubah sehingga Pasal 2 berbunyi sebagai berikut:"
    ]


def test_pasal_disisipkan_is_5a() -> None:
    assert formulas(m.after(ENACTED, "p5", new_pasal("baru"))) == [
        f"Di antara Pasal 5 dan Pasal 6 disisipkan 1 (satu) pasal, yakni Pasal 5A {BERBUNYI}"
    ]


def test_two_pasal_disisipkan() -> None:
    new = m.after(m.after(ENACTED, "p5", new_pasal("baru")), "baru", new_pasal("lagi"))
    assert formulas(new) == [
        f"Di antara Pasal 5 dan Pasal 6 disisipkan 2 (dua) pasal, yakni Pasal 5A dan Pasal 5B {BERBUNYI}"
    ]


def test_pasal_added_at_the_end_takes_the_next_number() -> None:
    assert formulas(m.after(ENACTED, "p6", new_pasal("baru"))) == [
        "Setelah Pasal 6 ditambahkan 1 (satu) pasal, yakni Pasal 7 sehingga berbunyi sebagai berikut:"
    ]


def test_ayat_disisipkan_is_1a() -> None:
    assert formulas(m.after(ENACTED, "p2.a", ayat("p2.baru", "Sisipan."))) == [
        "Di antara ayat (1) dan ayat (2) Pasal 2 disisipkan 1 (satu) ayat, yakni ayat (1a) sehingga Pasal 2 "
        "berbunyi sebagai berikut:"
    ]


def test_ayat_dihapus_keeps_its_place() -> None:
    new = m.drop(ENACTED, "p2.b")
    assert formulas(new) == ["Ketentuan ayat (2) Pasal 2 dihapus sehingga Pasal 2 berbunyi sebagai berikut:"]
    merged = merge(ENACTED, run(new, frozenset())).draft
    assert [(a.num, a.plain()) for a in merged.find("p2").children] == [  # type: ignore[union-attr]
        ("(1)", "Satu."),
        ("(2)", "Dihapus."),
        ("(3)", "Tiga."),
    ]


def test_huruf_dihapus_keeps_the_letters() -> None:
    new = m.drop(ENACTED, "p4.x")
    assert formulas(new) == ["Ketentuan huruf b Pasal 4 dihapus sehingga Pasal 4 berbunyi sebagai berikut:"]
    merged = merge(ENACTED, run(new, frozenset())).draft
    items = merged.find("p4.1").children  # type: ignore[union-attr]
    assert [(i.num, i.plain()) for i in items] == [
        ("a.", "w;"),
        ("b.", "dihapus;"),
        ("c.", "y; dan"),
        ("d.", "z."),
    ]


def test_pasal_dihapus_keeps_its_number() -> None:
    new = m.drop(ENACTED, "p3")
    assert formulas(new) == ["Pasal 3 dihapus."]
    merged = merge(ENACTED, run(new, frozenset())).draft
    assert [(p.num, p.plain()) for p in merged.find("p3").walk()] == [("3", ""), ("", "Dihapus.")]  # type: ignore[union-attr]


def test_bab_disisipkan_is_iia_and_its_pasal_follow_the_last_pasal_before() -> None:
    new = m.after(ENACTED, "tugas", bab("baru", new_pasal("baru.p")))
    assert formulas(new) == [
        f"Di antara BAB II dan BAB III disisipkan 1 (satu) bab, yakni BAB IIA {BERBUNYI}"
    ]
    merged = merge(ENACTED, run(new, frozenset())).draft
    assert merged.find("baru.p").num == "3A"  # type: ignore[union-attr]


def test_bagian_disisipkan_and_dihapus() -> None:
    enacted = run(
        draft(
            bab("umum", pasal("q1")),
            bab(
                "isi",
                bagian("kesatu", pasal("q2")),
                bagian("kedua", pasal("q3")),
                bagian("ketiga", pasal("q4")),
            ),
        ),
        frozenset(),
    )
    new = m.after(m.drop(enacted, "ketiga"), "kesatu", bagian("sisipan", new_pasal("q2a")))
    merged = merge(enacted, run(new, frozenset()))
    found = changes(enacted, merged, "Peraturan Bupati")
    assert [c.formula for c in found] == [
        f"Di antara Bagian Kesatu dan Bagian Kedua BAB II disisipkan 1 (satu) bagian, yakni Bagian Kesatu A "
        f"{BERBUNYI}",
        "BAB II Bagian Ketiga dihapus.",
    ]
    assert [(n.num, n.title) for n in merged.draft.find("isi").children] == [  # type: ignore[union-attr]
        ("Kesatu", "Kesatu"),
        ("Kesatu A", "Sisipan"),
        ("Kedua", "Kedua"),
        ("Ketiga", "Dihapus"),
    ]
    assert merged.draft.find("q2a").num == "2A"  # type: ignore[union-attr]
    assert shown(apply(enacted, found).root) == shown(merged.draft.root)


def test_bab_dihapus() -> None:
    assert formulas(m.drop(ENACTED, "tugas")) == ["BAB II dihapus."]


def test_bab_title_diubah() -> None:
    new = m.change(ENACTED, "dana", title="PENDANAAN")
    assert formulas(new) == ["Judul BAB III diubah sehingga berbunyi sebagai berikut:"]


def test_lampiran_diubah() -> None:
    new = m.change(ENACTED, "lampiran.tabel.isi", text=("Isi baru",))
    assert formulas(new) == [
        "Ketentuan Lampiran diubah sehingga menjadi sebagaimana tercantum dalam Lampiran yang merupakan "
        "bagian tidak terpisahkan dari Peraturan Bupati ini."
    ]


def test_a_reference_reads_the_enacted_numbering() -> None:
    new = m.after(m.drop(ENACTED, "p3"), "p2", new_pasal("baru"))
    new = m.change(new, "p5.1", text=("Sesuai ", ref("baru")))
    merged = merge(ENACTED, run(new, frozenset())).draft
    assert merged.find("p5.1").plain() == "Sesuai sebagaimana dimaksud dalam Pasal 3A"  # type: ignore[union-attr]
    assert formulas(new)[-1] == "Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:"


def test_changes_come_in_document_order() -> None:
    new = m.drop(text("p5.1", "Lain."), "p3")
    new = m.after(new, "p1", new_pasal("baru"))
    assert formulas(new) == [
        f"Di antara Pasal 1 dan Pasal 2 disisipkan 1 (satu) pasal, yakni Pasal 1A {BERBUNYI}",
        "Pasal 3 dihapus.",
        "Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:",
    ]


def test_a_pasal_moved_is_deleted_there_and_inserted_here() -> None:
    moved = ENACTED.find("p6")
    assert moved is not None
    new = m.after(m.drop(ENACTED, "p6"), "p1", moved)
    assert formulas(new) == [
        f"Di antara Pasal 1 dan Pasal 2 disisipkan 1 (satu) pasal, yakni Pasal 1A {BERBUNYI}",
        "Pasal 6 dihapus.",
    ]


def test_nothing_goes_before_the_first_pasal() -> None:
    body = ENACTED.part("batang_tubuh")
    first = body.children[0]
    new = m.children(ENACTED, first.key, lambda c: (new_pasal("baru"), *c))
    with pytest.raises(SystematicsChanged):
        merge(ENACTED, run(new, frozenset()))


@pytest.mark.parametrize(
    ("previous", "kind", "at_end", "expected"),
    [
        ("5", "pasal", False, "5A"),
        ("5A", "pasal", False, "5B"),
        ("13", "pasal", True, "14"),
        ("13A", "pasal", True, "14"),
        ("(1)", "ayat", False, "(1a)"),
        ("(1a)", "ayat", False, "(1b)"),
        ("(3)", "ayat", True, "(4)"),
        ("IV", "bab", False, "IVA"),
        ("IVA", "bab", False, "IVB"),
        ("IX", "bab", True, "X"),
        ("Kedua", "bagian", False, "Kedua A"),
        ("Kedua A", "bagian", False, "Kedua B"),
        ("Kedua", "bagian", True, "Ketiga"),
        ("1", "paragraf", False, "1A"),
    ],
)
def test_next_number(previous: str, kind: str, at_end: bool, expected: str) -> None:
    assert next_number(previous, kind, at_end) == expected
