"""Membership as the law splits it (legal review C-06, C-26, C-27): Pasal Kepesertaan prints the
statutory split penerima / bukan penerima upah with the other segments inside it, Pekerja Migran
Indonesia apart, the region's groups as priorities (no "termasuk ..."), and the Pemerintah Daerah
registers only the workers it employs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jamsostek_regs.build import definitions
from jamsostek_regs.source.schema import Region
from jamsostek_regs.source.standard import Standard, load_standard
from jamsostek_regs.validation import validate_region
from tests.conftest import ROOT
from tests.regionkit import MINIMAL, run_cli

STANDARD = load_standard(ROOT / "templates" / "kemendagri_standard")
FROZEN = load_standard(ROOT / "templates" / "kemendagri_standard@2025.1")
SHIPPED = sorted(p.stem for p in (ROOT / "regions").glob("*.yaml"))


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The shipped drafts as text, whitespace collapsed (a rincian reads as one line)."""
    out = tmp_path_factory.mktemp("membership")
    code, _, err = run_cli(ROOT, "assemble", *SHIPPED, "--format", "txt", "--out", str(out))
    assert code == 0, err
    return {r: " ".join((out / r / f"{r}.txt").read_text(encoding="utf-8").split()) for r in SHIPPED}


def _pasal(text: str, number: int) -> str:
    start = text.index(f"Pasal {number} ", text.index("BAB III"))
    return text[start : text.index(f"Pasal {number + 1} ", start)]


def test_the_segments_are_the_statutory_split_with_the_others_inside(drafts: dict[str, str]) -> None:
    segmen = _pasal(drafts["rejang-lebong"], 6)
    assert "terdiri atas: a. Peserta Penerima Upah; dan b. Peserta Bukan Penerima Upah. (2)" in segmen
    assert "(2) Pekerja Jasa Konstruksi menjadi Peserta sebagaimana dimaksud pada ayat (1) huruf a." in segmen
    assert "(3) Pekerja Sosial Keagamaan dan Pekerja Rentan menjadi Peserta sebagaimana dimaksud" in segmen
    # abroad, not a kind of "Pekerja di Daerah": the Daerah facilitates (UU 18/2017 Pasal 41 huruf e)
    assert "(4) Pemerintah Daerah memfasilitasi kepesertaan Pekerja Migran Indonesia yang berasal" in segmen


@pytest.mark.parametrize("region", SHIPPED)
def test_no_example_list_inside_a_norm(drafts: dict[str, str], region: str) -> None:
    assert " termasuk " not in _pasal(drafts[region], 6)


def test_a_segments_groups_are_the_pemdas_priorities(drafts: dict[str, str]) -> None:
    assert (
        "Dalam perluasan kepesertaan Peserta Bukan Penerima Upah sebagaimana dimaksud pada ayat (1) huruf b,"
        " Pemerintah Daerah mengutamakan: a. petani; b. pedagang; dan c. peternak." in drafts["lombok-timur"]
    )
    assert "Pemerintah Daerah mengutamakan pekebun sawit." in drafts["lahat"]  # one item: inline


def test_the_pemda_registers_only_whom_it_employs(drafts: dict[str, str]) -> None:
    rl, lh = drafts["rejang-lebong"], drafts["lahat"]
    assert "non-Aparatur Sipil Negara" not in rl  # UU 20/2023 Pasal 66
    assert (
        "Pemerintah Daerah sebagai Pemberi Kerja mendaftarkan Pekerja pada Pemerintah Daerah yang bukan calon"
        " pegawai negeri sipil, pegawai negeri sipil, atau pegawai pemerintah dengan perjanjian kerja" in rl
    )
    assert "mendaftarkan ketua rukun" not in rl
    assert "Pemerintah Daerah dapat memfasilitasi pendaftaran ketua rukun tetangga dan ketua rukun" in rl
    assert "Pekerja di Lingkungan Pemerintah Daerah" not in lh  # no group it employs: no Bagian
    assert "Pemerintah Daerah dapat memfasilitasi pendaftaran petugas penyelenggara pemilihan umum" in lh


def test_groups_are_split_by_their_employer() -> None:
    region = Region.model_validate(
        {**_minimal(), "government_groups": ["rt_rw", "non_asn", "penyelenggara_pemilu"]}
    )
    assert definitions.employed_groups(region, STANDARD.catalog) == ["non_asn"]
    assert definitions.facilitated_groups(region, STANDARD.catalog) == ["rt_rw", "penyelenggara_pemilu"]


def _minimal() -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load(MINIMAL)
    return data


@pytest.mark.parametrize(
    ("segments", "standard", "expected"),
    [
        ("[penerima_upah, bukan_penerima_upah]", FROZEN, []),  # 2025.1 still prints them
        ("[penerima_upah]", FROZEN, ["examples of bukan_penerima_upah, but 'segments' does not list it"]),
        ("[penerima_upah, bukan_penerima_upah]", STANDARD, ["standard 2026.1 prints no examples"]),
    ],
    ids=["2025.1", "2025.1-without-the-segment", "2026.1"],
)
def test_bpu_examples_are_for_the_2025_1_standard_only(
    tmp_path: Path, segments: str, standard: Standard, expected: list[str]
) -> None:
    text = MINIMAL.replace("segments: [penerima_upah, pekerja_rentan]", f"segments: {segments}")
    text = text.replace(",\n     for_groups: [pekerja_rentan]}", "}") + "bpu_examples: [petani]\n"
    (tmp_path / "contoh.yaml").write_text(text, encoding="utf-8")
    problems = [str(p) for p in validate_region(tmp_path, "contoh", standard)]
    assert len(problems) == len(expected)
    assert all(want in got for want, got in zip(expected, problems, strict=True))
