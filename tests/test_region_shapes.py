"""Regions say what their Perkada says (issue 11): own title, laws, Mengingat, instruments in
force, a segment's own groups and a province's cost share, end to end through the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.regionkit import MINIMAL, make_workspace, run_cli

SHAPES = ROOT / "tests" / "shapes"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = make_workspace(tmp_path)
    for shape in SHAPES.glob("*.yaml"):
        shutil.copy(shape, ws / "regions" / shape.name)
    return ws


def _draft(ws: Path, region: str) -> str:
    code, _, err = run_cli(ws, "assemble", region, "--format", "txt", "--out", str(ws / "out"))
    assert code == 0, err
    return (ws / "out" / region / f"{region}.txt").read_text(encoding="utf-8")


def test_a_pergub_prints_its_own_title_everywhere_the_title_appears(workspace: Path) -> None:
    text = " ".join(_draft(workspace, "kalimantan-tengah").split())  # the judul wraps
    name = (
        "Pelaksanaan Kewajiban Kepesertaan Program Jaminan Sosial Ketenagakerjaan di Wilayah Provinsi"
        " Kalimantan Tengah"
    )
    assert f"NOMOR ... TAHUN ... TENTANG {name.upper()} DENGAN RAHMAT" in text  # judul
    assert f"perlu menetapkan Peraturan Gubernur tentang {name};" in text  # Menimbang, R19
    assert f"Menetapkan : PERATURAN GUBERNUR TENTANG {name.upper()}." in text
    assert "TENTANG OPTIMALISASI" not in text and "Peraturan Gubernur tentang Optimalisasi" not in text


def test_laws_the_catalog_lacks_print_what_their_source_gives(workspace: Path) -> None:
    text = _draft(workspace, "kalimantan-tengah")
    mengingat = text[text.index("Mengingat") : text.index("MEMUTUSKAN")]
    items = [line.strip() for line in mengingat.splitlines() if line.strip()]
    assert items[0] == (
        "Mengingat  : 1. Pasal 18 ayat (6) dan Pasal 28D ayat (2) Undang-Undang Dasar Negara Republik"
        " Indonesia Tahun 1945;"
    )
    assert items[1].startswith("2. Undang-Undang Nomor 21 Tahun 1958 tentang Penetapan Undang-Undang Darurat")
    assert items[1].endswith(
        "(Lembaran Negara Republik Indonesia Tahun 1958 Nomor 62, Tambahan Lembaran Negara Republik"
        " Indonesia Nomor 1622);"
    )
    # ordered by hierarchy then year (R30): 1958, 1970, then 2004
    assert items[2] == (
        "3. Undang-Undang Nomor 1 Tahun 1970 tentang Keselamatan Kerja (Lembaran Negara Republik Indonesia"
        " Tahun ... Nomor ..., Tambahan Lembaran Negara Republik Indonesia Nomor ...);"
    )
    assert items[3].startswith("4. Undang-Undang Nomor 40 Tahun 2004")


def test_a_province_shares_the_bantuan_iuran_and_supervises_kabupaten_kota(workspace: Path) -> None:
    text = _draft(workspace, "kalimantan-tengah")
    assert (
        "Pemerintah Daerah menanggung 30% (tiga puluh persen) dari kebutuhan Bantuan Pembayaran Iuran" in text
    )
    assert (
        "Sebesar 20% (dua puluh persen) dari kebutuhan Bantuan Pembayaran Iuran sebagaimana dimaksud pada"
        " ayat (1) ditanggung bersama oleh Pemerintah Daerah dan pemerintah kabupaten/kota sesuai dengan"
        " kesepakatan."
    ) in text
    assert "Gubernur sebagai wakil Pemerintah Pusat melakukan monitoring, evaluasi, dan supervisi" in text


def test_instruments_in_force_are_repealed_and_kept_where_lampiran_ii_puts_them(workspace: Path) -> None:
    text = _draft(workspace, "kota-contoh")
    tail = text[text.index("KETENTUAN PERALIHAN") - 60 :]
    assert tail.split("KETENTUAN PERALIHAN")[0].strip() == "BAB X"
    assert (
        "Pada saat Peraturan Walikota ini mulai berlaku, Instruksi Walikota Contoh Nomor 998 Tahun 2022"
        " tentang ... dinyatakan masih tetap berlaku sepanjang tidak bertentangan dengan ketentuan dalam"
        " Peraturan Walikota ini."
    ) in tail
    penutup = tail[tail.index("KETENTUAN PENUTUP") :]
    repeal = penutup.index("dicabut dan dinyatakan tidak berlaku.")
    assert repeal < penutup.index("Peraturan Walikota ini mulai berlaku pada tanggal diundangkan.")
    assert (
        "Peraturan Walikota Contoh Nomor 16 Tahun 2024 tentang Penyelenggaraan Program Jaminan Sosial"
        " Ketenagakerjaan (Berita Daerah Kota Contoh Tahun 2024 Nomor ...) dicabut" in penutup
    )
    assert [line.strip() for line in penutup.splitlines() if line.strip().startswith("Pasal")] == [
        "Pasal 20",
        "Pasal 21",
    ]


def test_a_segments_own_groups_print_as_rincian(workspace: Path) -> None:
    text = _draft(workspace, "kota-contoh")
    lead = "Dalam perluasan kepesertaan Pekerja Rentan sebagaimana dimaksud pada ayat (2), Pemerintah Daerah"
    listed = text[text.index(f"{lead} mengutamakan:") :]
    lines = [line.strip() for line in listed.splitlines()[1:15]]
    assert lines[0] == "a. petani;" and lines[12] == "m. Pekerja bank sampah; dan"
    assert lines[13] == "n. kader pendukung pemerintah."


def test_the_diff_shows_the_reason_beside_each_change_of_a_region_part(workspace: Path) -> None:
    code, out, _ = run_cli(workspace, "diff", "kota-contoh", "standard", "--format", "text")
    assert code == 1
    assert "reason: Title of the Kota Serang draft and of Perwal Kota Bengkulu 16/2024" in out
    assert "reason: Kota Serang draft Perwal 2025, target groups (domain.md §1.2 K)" in out
    assert "The new Perwal replaces it on the same subject (legal review KB-1)" in out


@pytest.mark.parametrize(
    ("addition", "where", "message"),
    [
        (
            "establishment: [uu_1958_21]\n",
            "establishment[0]",
            "no law 'uu_1958_21' in legal_basis.yaml; declare it under 'laws:' in the region file",
        ),
        (
            "title: {text: Perubahan atas Peraturan Bupati Contoh, reason: x}\n",
            "title.text",
            "the tool drafts a new Perkada; an amendment or a repeal is named by what it changes (R11, R12)",
        ),
        (
            "title: {text: Peraturan Bupati tentang Jaminan Sosial, reason: x}\n",
            "title.text",
            'write only the name after "tentang": the level words are added for you',
        ),
        (
            "mengingat: [{law: uu_1970_1, reason: x}]\n",
            "mengingat[0].law",
            "no law 'uu_1970_1' in legal_basis.yaml; declare it under 'laws:' in the region file",
        ),
        (
            "mengingat: [{uud: Pasal 18 ayat (6), reason: x}]\n",
            "mengingat[0].uud",
            "Pasal 18 ayat (6) is always cited",
        ),
        (
            "laws: [{id: uu_2004_40, jenis: uu, source: x}]\n",
            "laws[0].id",
            "'uu_2004_40' is already in legal_basis.yaml: cite it by its id instead of declaring it",
        ),
        (
            "instruments: [{jenis: perda, fate: dicabut, reason: x, source: y}]\n",
            "instruments[0].fate",
            "a Perkada cannot make a Peraturan Daerah 'dicabut' (R90",
        ),
        (
            "lists: {pekerja_migran: {groups: [x], source: y}}\n",
            "lists.pekerja_migran",
            "'pekerja_migran' is not one of this region's segments: its list would print nowhere",
        ),
        (
            "cost_share: {province_percent: 30, shared_percent: 20, source: x}\n",
            "cost_share",
            "only a provinsi shares the Bantuan Pembayaran Iuran with kabupaten/kota",
        ),
    ],
)
def test_a_region_part_that_cannot_print_is_refused_at_its_line(
    tmp_path: Path, addition: str, where: str, message: str
) -> None:
    ws = make_workspace(tmp_path)
    text = (
        MINIMAL.replace("establishment: [uu_1958_69]\n", "")
        if addition.startswith("establishment")
        else MINIMAL
    )
    (ws / "regions" / "contoh.yaml").write_text(text + addition, encoding="utf-8")
    code, out, err = run_cli(ws, "validate", "contoh")
    err += out
    assert code == 2
    line = (text + addition).splitlines().index(addition.splitlines()[0]) + 1
    assert f"regions/contoh.yaml:{line}:" in err and f" {where}: {message}" in err, err


def test_every_shape_lints_clean_with_strict(workspace: Path) -> None:
    """Pasal 1 defines only the terms a draft uses again (R62), whatever the region chooses."""
    code, out, err = run_cli(workspace, "lint", "--strict", "kalimantan-tengah", "kota-contoh")
    assert code == 0, out + err
    assert out.splitlines()[-2:] == [
        "kalimantan-tengah: 0 error(s), 0 warning(s)",
        "kota-contoh: 0 error(s), 0 warning(s)",
    ]


def test_the_shipped_regions_lint_clean_with_strict() -> None:
    code, out, err = run_cli(ROOT, "lint", "--strict")
    assert code == 0, out + err
    assert all(line.endswith(": 0 error(s), 0 warning(s)") for line in out.splitlines()), out
