"""The engine around the rules: locations, layout styles, ordering, the registry and the lint refusal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from jamsostek_regs.errors import LintError
from jamsostek_regs.lint import RULES, lint
from jamsostek_regs.lint.context import context
from jamsostek_regs.lint.registry import rule
from jamsostek_regs.model import Draft
from jamsostek_regs.pipeline import refuse_lint_errors
from tests.lint import mutate as m

LT = "lombok-timur"


def test_locations_use_drafting_words(draft_of: Callable[[str], Draft]) -> None:
    places = context(draft_of(LT)).places
    assert places["sanksi.pelayanan_publik.tender"] == "Pasal 16 ayat (2) huruf b"
    assert places["ketentuan_umum.definisi.iuran"] == "Pasal 1 angka 12"
    assert places["menimbang.sanksi"] == "Menimbang huruf c"
    assert places["mengingat.uu_2011_12"] == "Mengingat angka 4"
    assert places["judul.nama"] == "judul"
    assert places["lampiran.perangkat_daerah"] == "Lampiran"
    assert places["kepesertaan_pemda"] == "BAB III Bagian Kedua"
    assert places["penutup.diundangkan.nama"] == "penutup (pengundangan)"


def test_printed_lines_carry_their_layout_styles(draft_of: Callable[[str], Draft]) -> None:
    styles = context(draft_of(LT)).styles
    assert styles["judul.nama"] == "Judul"
    assert styles["pembukaan.frasa"] == "Frasa"
    assert styles["diktum.memutuskan"] == "Diktum"
    assert styles["penutup.ditetapkan.nama"] == "TtdKanan"
    assert styles["penutup.diundangkan.jabatan"] == "TtdKiri"
    assert styles["lampiran.perangkat_daerah"] == "LampiranJudul"
    assert styles["lampiran.perangkat_daerah.kepala.tentang"] == "LampiranKepala"
    assert styles["lampiran.perangkat_daerah.ttd.jabatan"] == "TtdKanan"


def test_a_line_takes_its_own_style_when_a_pasal_prints_the_same_words(
    draft_of: Callable[[str], Draft],
) -> None:
    draft = draft_of(LT)
    perintah = draft.find("penutup.perintah")
    assert perintah is not None
    same = m.text(draft, "penutup.berlaku.1", perintah.plain())
    assert context(same).styles["penutup.perintah"] == "Penutup"
    assert context(same).styles["penutup.berlaku.1"] == "PasalIsi"


def test_a_heading_takes_the_style_of_its_number(draft_of: Callable[[str], Draft]) -> None:
    styles = context(draft_of(LT)).styles
    assert (styles["kepesertaan_pemda"], styles["sanksi.pelayanan_publik.tender"]) == (
        "BagianNomor",
        "Rincian1",
    )


STYLED = [
    ("R6", "judul.nama"),
    ("R14", "pembukaan.frasa"),
    ("R15", "pembukaan.jabatan"),
    ("R39", "diktum.memutuskan"),
    ("R94", "penutup.ditetapkan.nama"),
    ("R96", "penutup.diundangkan.di"),
    ("R106", "lampiran.perangkat_daerah.kepala.nomor"),
    ("R107", "lampiran.perangkat_daerah"),
    ("R108", "lampiran.perangkat_daerah.ttd.jabatan"),
]


@pytest.mark.parametrize(("rule_id", "key"), STYLED)
def test_a_line_printed_in_the_wrong_place_is_flagged(
    rule_id: str, key: str, draft_of: Callable[[str], Draft]
) -> None:
    draft = draft_of(LT)
    ctx = context(draft)
    assert list(RULES[rule_id].check(draft, ctx)) == []
    moved = replace(ctx, styles={**ctx.styles, key: "PasalIsi"})
    assert list(RULES[rule_id].check(draft, moved))


def test_findings_come_in_document_order(draft_of: Callable[[str], Draft]) -> None:
    draft = m.text(draft_of(LT), "judul.nomor", "NOMOR 1/2 TAHUN ...")
    draft = m.text(
        draft, "penutup.berlaku.1", "Peraturan Bupati ini berlaku efektif pada tanggal diundangkan."
    )
    findings = [f for f in lint(draft) if f.rule_id in {"R7", "R86", "R87"}]
    assert [f.rule_id for f in findings] == ["R7", "R86", "R87"]
    assert findings[0].location == "judul" and findings[1].location == "Pasal 20"


def test_finding_prints_location_rule_and_source(draft_of: Callable[[str], Draft]) -> None:
    draft = m.text(draft_of(LT), "pembukaan.frasa", "DENGAN RAHMAT ALLAH")
    (finding,) = [f for f in lint(draft) if f.rule_id == "R14"]
    assert str(finding).startswith('frasa pembukaan: R14 error: Tulis persis "DENGAN RAHMAT TUHAN')
    assert str(finding).endswith("[Lampiran II UU 12/2011 angka 15]")
    assert finding.as_dict()["key"] == "pembukaan.frasa"


def test_lint_errors_block_writing_unless_allowed(draft_of: Callable[[str], Draft]) -> None:
    draft = m.text(draft_of(LT), "penutup.perintah", "Agar setiap orang mengetahuinya, diundangkan.")
    findings = {LT: lint(draft), "other": []}
    with pytest.raises(
        LintError, match=r"^lombok-timur: \d+ kesalahan teknik penyusunan \(.*R92.*\)$"
    ) as caught:
        refuse_lint_errors(findings, allow_errors=False)
    assert any(f.rule_id == "R92" for f in caught.value.findings[LT])
    refuse_lint_errors(findings, allow_errors=True)
    refuse_lint_errors({LT: [f for f in findings[LT] if f.severity != "error"]}, allow_errors=False)


def test_registry_refuses_duplicate_and_malformed_ids() -> None:
    with pytest.raises(ValueError, match="R5"):
        rule("R5", "error", "x", "y")(lambda d, c: ())
    with pytest.raises(ValueError, match="63a"):
        rule("63a", "error", "x", "y")(lambda d, c: ())
