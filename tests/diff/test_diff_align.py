"""Clauses are matched by key: dropping a clause renumbers the rest once, changes no text."""

from __future__ import annotations

from jamsostek_regs.diff.align import align
from jamsostek_regs.diff.changes import Report, SideInfo
from jamsostek_regs.diff.classify import Region
from jamsostek_regs.diff.compare import Side, compare
from jamsostek_regs.model import Draft
from jamsostek_regs.passes import run
from tests.diff.sides import report
from tests.trees import ayat, bab, draft, item, pasal, ref, without_pasal

NO_REGION = Region({}, {}, frozenset())


def _side(name: str, d: Draft) -> Side:
    done = run(d, frozenset(n.key for n in d.walk()))
    return Side(SideInfo(name, "kabupaten", name), done, NO_REGION)


def _small() -> Draft:
    return draft(
        bab(
            "umum",
            pasal("umum.satu", ayat("umum.satu.a", "Satu"), ayat("umum.satu.b", "Dua")),
            pasal("umum.pilihan"),
            pasal(
                "umum.tiga", ayat("umum.tiga.isi", ("Lihat ", ref("umum.satu.b"), " dan ", ref("umum.empat")))
            ),
            pasal("umum.empat"),
        )
    )


def _diff(a: Draft, b: Draft) -> Report:
    return compare(_side("a", a), _side("b", b))


def test_dropping_a_clause_renumbers_each_later_clause_once_without_text_changes() -> None:
    full = _small()
    result = _diff(full, without_pasal(full, frozenset({"umum.pilihan"})))
    kinds = [(c.kind, c.key) for c in result.changes]
    assert kinds == [("optional", "umum.pilihan"), ("renumbered", "umum.tiga"), ("renumbered", "umum.empat")]
    tiga = result.changes[1]
    assert (tiga.a and tiga.a.address, tiga.b and tiga.b.address) == ("Pasal 3", "Pasal 2")
    assert tiga.refs == (("sebagaimana dimaksud dalam Pasal 4", "sebagaimana dimaksud dalam Pasal 3"),)
    assert not any(c.kind == "parameter" for c in result.changes)


def test_a_reference_that_only_follows_a_number_is_renumbering_even_when_the_clause_keeps_its_number() -> (
    None
):
    full = _small()
    moved = draft(
        bab(
            "umum",
            pasal("umum.satu", ayat("umum.satu.b", "Dua")),
            pasal("umum.pilihan"),
            pasal(
                "umum.tiga", ayat("umum.tiga.isi", ("Lihat ", ref("umum.satu.b"), " dan ", ref("umum.empat")))
            ),
            pasal("umum.empat"),
        )
    )
    result = _diff(full, moved)
    assert [(c.kind, c.key) for c in result.changes] == [
        ("optional", "umum.satu.a"),
        ("renumbered", "umum.tiga"),
    ]
    assert result.changes[1].refs == (
        ("sebagaimana dimaksud dalam Pasal 1 ayat (2)", "sebagaimana dimaksud dalam Pasal 1"),
    )


def test_positional_items_match_by_text_when_a_conditional_sibling_is_left_out() -> None:
    items = [item(f"p.1.{n}", word) for n, word in enumerate(("satu", "dua", "tiga", "empat"), 1)]
    a = draft(bab("b", pasal("p", ayat("p.1", "Daftar:", *items))))
    b = draft(bab("b", pasal("p", ayat("p.1", "Daftar:", items[0], items[1], item("p.1.3", "empat")))))
    result = _diff(a, b)
    assert [(c.kind, c.a and c.a.text) for c in result.changes] == [("optional", "tiga; dan")]


def test_nodes_with_the_same_key_match_wherever_they_stand() -> None:
    joined = align(_small().root, _small().root)
    assert all(p.a is not None and p.b is not None and p.a.key == p.b.key for p in joined.walk())


def test_standard_against_provinsi_is_only_what_the_region_chose() -> None:
    result = report("standard", "provinsi-bengkulu")
    kinds = {c.kind for c in result.changes}
    assert kinds == {"parameter", "optional", "renumbered"}
    renumbered = [c.key for c in result.changes if c.kind == "renumbered"]
    assert len(renumbered) == len(set(renumbered)), "a clause is renumbered once"
    assert all(c.params for c in result.changes if c.kind in ("parameter", "optional"))
