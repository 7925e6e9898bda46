"""Changes below the Pasal, new BAB and Bagian, and a region's own lampiran (issue 11, items 2, 4, 5).

``contoh-ubah.yaml`` is a kabupaten that replaces one definition, adds one ayat, one rincian
and one Menimbang item, adds a Bagian with two Pasal and a lampiran table of its own; it goes
through the CLI here. ``bad/`` holds region files whose problems only the build shows, each
with its ``# expect:`` lines, as in tests/bad_regions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jamsostek_regs.errors import InputError
from jamsostek_regs.model import Draft, Node, Ref
from jamsostek_regs.pipeline import finish
from jamsostek_regs.source.regions import load_region
from jamsostek_regs.source.standard import load_standard
from jamsostek_regs.validation import validate_region
from tests.conftest import ROOT
from tests.regionkit import MINIMAL, make_workspace, run_cli

HERE = Path(__file__).parent
REGION = HERE / "contoh-ubah.yaml"
BAD = sorted((HERE / "bad").glob("*.yaml"))
STANDARD = load_standard(ROOT / "templates" / "kemendagri_standard")


def _workspace(root: Path, text: str, name: str = "contoh-ubah") -> Path:
    workspace = make_workspace(root)
    (workspace / "regions" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return workspace


def _draft(root: Path, text: str, name: str = "contoh-ubah") -> Draft:
    regions = _workspace(root, text, name) / "regions"
    return finish(STANDARD, load_region(regions, name, STANDARD))


def test_the_region_assembles_and_lints_clean_with_strict(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path, REGION.read_text(encoding="utf-8"))
    code, out, err = run_cli(
        workspace, "assemble", "--format", "txt", "--out", str(workspace / "out"), "contoh-ubah"
    )
    assert code == 0, err
    text = (workspace / "out" / "contoh-ubah" / "contoh-ubah.txt").read_text(encoding="utf-8")
    for line in (
        "c. bahwa perlindungan jaminan sosial ketenagakerjaan bagi pekerja rentan merupakan bagian dari"
        " upaya penghapusan kemiskinan ekstrem di Kabupaten Contoh Ubah;",
        "e. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, huruf c, dan"
        " huruf d,",
        "13. Pekerja Sosial Keagamaan adalah Pekerja yang melaksanakan kegiatan sosial keagamaan di tengah"
        " masyarakat, termasuk pemuka agama dan pengurus rumah ibadah di Kabupaten Contoh Ubah.",
        "(3) Data kepesertaan dipadankan dengan data terpadu kesejahteraan sosial oleh Perangkat Daerah"
        " sesuai dengan kewenangannya.",
        "(4) Jadwal Pendaftaran Peserta tercantum dalam Lampiran II yang merupakan bagian tidak terpisahkan"
        " dari Peraturan Bupati ini.",
        "Bagian Ketiga",
        "Insentif Kepesertaan",
        "Bupati dapat memberikan insentif kepada Pemberi Kerja yang mendaftarkan seluruh Pekerjanya sebagai"
        " Peserta.",
        "Insentif sebagaimana dimaksud dalam Pasal 8 diberikan dalam bentuk penghargaan",
        "c. Persetujuan Bangunan Gedung; atau",
        "d. pelayanan administrasi di kantor Desa.",
        "JADWAL PENDAFTARAN PESERTA",
        "| 2026  | Peserta Penerima Upah dan Pekerja Rentan                 |",
    ):
        assert line in text
    code, out, err = run_cli(workspace, "lint", "--strict", "contoh-ubah")
    assert code == 0, out + err
    assert "contoh-ubah: 0 error(s), 0 warning(s)" in out + err


def test_diff_with_the_standard_shows_each_change_once_classified_with_its_reason(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path, REGION.read_text(encoding="utf-8"))
    code, out, _ = run_cli(workspace, "diff", "contoh-ubah", "standard")
    assert code == 1
    expected = {  # class and address (A: the region) -> reason
        (
            "wording",
            "angka 13, only in contoh-ubah",  # the standard's draft does not define it (R62)
        ): "Catatan harmonisasi Kanwil: pekerja sosial keagamaan di Daerah meliputi pemuka agama",
        (
            "removed",
            "Pasal 7 ayat (3), only in contoh-ubah",
        ): "Permintaan Dinas Sosial: data Peserta dipadankan dengan data terpadu",
        (
            "removed",
            "Pasal 7 ayat (4), only in contoh-ubah",
        ): "Permintaan Dinas Tenaga Kerja: jadwal pendaftaran bertahap",
        (
            "removed",
            "Pasal 17 ayat (2) huruf d, only in contoh-ubah",
        ): "Catatan DPRD: pelayanan di tingkat desa",
        ("removed", "huruf c, only in contoh-ubah"): "Catatan Bagian Hukum: pengentasan kemiskinan ekstrem",
        ("removed", "only in contoh-ubah"): "",
    }
    reasons = re.findall(r"^  (wording|removed|added) +(.*)\n +reason: (.*)$", out, re.MULTILINE)
    for (kind, address), reason in expected.items():
        if reason:
            assert reasons.count((kind, address, reason)) == 1, (kind, address)
    whole = [r for r in reasons if r[1] == "only in contoh-ubah"]
    assert sorted(r[2] for r in whole) == sorted(
        [
            "Permintaan Bupati: insentif bagi pemberi kerja yang patuh",  # the Bagian
            "Permintaan Bupati: insentif bagi pemberi kerja yang patuh",  # its two Pasal
            "Permintaan Bupati: insentif bagi pemberi kerja yang patuh",
            "Permintaan Dinas Tenaga Kerja: jadwal pendaftaran bertahap",  # the lampiran
        ]
    )
    assert len(reasons) == 5 + 4  # nothing else is attributed to the region, nothing twice
    assert "Bagian Ketiga (kepesertaan.insentif)" in out
    assert "Lampiran II (lampiran.jadwal)" in out


def test_words_in_changed_text_follow_the_level_and_name_their_keys(tmp_path: Path) -> None:
    text = REGION.read_text(encoding="utf-8").replace("level: kabupaten", "level: kota")
    draft = _draft(tmp_path, text)
    definition = draft.find("ketentuan_umum.definisi.seg_sosial_keagamaan")
    pasal = draft.find("tambahan.insentif_bentuk")
    assert definition is not None and pasal is not None
    assert definition.plain().endswith("pengurus rumah ibadah di Kota Contoh Ubah.")
    assert set(definition.params) == {"level", "name"}
    assert pasal.children[0].plain().startswith("Wali Kota dapat memberikan insentif")
    assert {"level", "mayor_spelling"} <= set(pasal.children[0].params)


def test_removing_a_menimbang_item_recomputes_the_closing_letters(tmp_path: Path) -> None:
    tail = "changes:\n  - remove: menimbang.inpres\n    reason: uji\n"
    menimbang = _draft(tmp_path, MINIMAL + tail, "contoh").find("menimbang")
    assert menimbang is not None
    assert [n.key for n in menimbang.children] == ["menimbang.hak", "menimbang.sanksi", "menimbang.penetapan"]
    closing = menimbang.children[-1]
    assert [p.words for p in closing.text if isinstance(p, Ref)] == ["huruf a", "huruf b"]


@pytest.mark.parametrize("case", BAD, ids=[c.stem for c in BAD])
def test_what_only_the_build_shows_is_refused_at_its_line(case: Path, tmp_path: Path) -> None:
    region_id = case.stem.replace("_", "-")
    text = case.read_text(encoding="utf-8")
    expected = [
        f"regions/{region_id}.yaml:{line[10:]}" for line in text.splitlines() if line.startswith("# expect: ")
    ]
    regions = _workspace(tmp_path, text, region_id) / "regions"
    assert [str(p) for p in validate_region(regions, region_id, STANDARD)] == expected
    with pytest.raises(InputError) as raised:
        finish(STANDARD, load_region(regions, region_id, STANDARD))
    assert [str(p) for p in raised.value.problems] == expected


# ---------------------------------------------------------------- random sequences of changes

#: Nodes no reference cites, in three containers: the Menimbang, an ayat's rincian, a Pasal's ayat.
_ITEMS = ("usaha", "tender", "bangunan")
_TARGETS = (
    *(f"menimbang.{k}" for k in ("hak", "inpres", "sanksi")),
    *(f"sanksi.pelayanan_publik.{k}" for k in _ITEMS),
    *(f"kepesertaan.pendaftaran.{k}" for k in ("tempat", "nik")),
)
_ACTIONS = st.lists(
    st.tuples(st.sampled_from(_TARGETS), st.sampled_from(("remove", "replace", "after", "before"))),
    max_size=8,
)


def _entries(actions: list[tuple[str, str]]) -> tuple[str, set[str], set[str]]:
    """YAML of the changes, the keys that must be in the draft and those that must not."""
    lines, present, gone, touched = ["changes:"], set(), set(), set()
    for n, (key, action) in enumerate(actions):
        parent = (
            key.rsplit(".", 1)[0]
            if key.startswith("menimbang")
            else {
                "sanksi": "sanksi.pelayanan_publik.layanan",
                "kepesertaan": "kepesertaan.pendaftaran",
            }[key.split(".")[0]]
        )
        text = "bahwa teks baru" if key.startswith("menimbang") else f"teks baru {n}"
        if action in {"remove", "replace"}:
            if key in touched:
                continue
            touched.add(key)
            lines += [f"  - {action}: {key}", "    reason: uji"]
            (gone if action == "remove" else present).add(key)
        else:
            lines += [f"  - add: baru_{n}", f"    {action}: {key}", "    reason: uji"]
            present.add(f"{parent}.baru_{n}")
        if action != "remove":
            lines += ["    text: |", f"      {text}"]
    return ("\n".join(lines) + "\n" if len(lines) > 1 else ""), present, gone


def _numbers(node: Node, kind: str) -> list[str]:
    return [c.num for c in node.children if c.kind == kind]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=_ACTIONS)
def test_random_changes_keep_numbering_and_references_consistent(
    actions: list[tuple[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    yaml, present, gone = _entries(actions)
    items_left = {f"sanksi.pelayanan_publik.{k}" for k in _ITEMS} - gone
    ayat_left = {"kepesertaan.pendaftaran.tempat", "kepesertaan.pendaftaran.nik"} - gone
    if (
        not items_left
        or not ayat_left
        or len(gone & {f"menimbang.{k}" for k in ("hak", "inpres", "sanksi")}) == 3
    ):
        return  # a list or a Pasal left empty is another check's business
    draft = _draft(tmp_path_factory.mktemp("r"), MINIMAL + yaml, "contoh")
    keys = {n.key for n in draft.walk()}
    assert present <= keys and not gone & keys
    layanan = draft.find("sanksi.pelayanan_publik.layanan")
    pendaftaran = draft.find("kepesertaan.pendaftaran")
    menimbang = draft.find("menimbang")
    assert layanan is not None and pendaftaran is not None and menimbang is not None
    letters = "abcdefghijklmnopqrstuvwxyz"
    assert _numbers(layanan, "item") == [f"{c}." for c in letters[: len(layanan.children)]]
    ayat = _numbers(pendaftaran, "ayat")
    assert ayat == ([f"({n})" for n in range(1, len(ayat) + 1)] if len(ayat) > 1 else [""])
    items = [c for c in menimbang.children if c.key != "menimbang.penetapan"]
    # a single konsiderans has no letter and no closing item (R18, R19)
    assert [c.num for c in items] == (
        [f"{c}." for c in letters[: len(items)]] if len(menimbang.children) > 1 else [""]
    )
    refs = [p for n in draft.walk() for p in n.text if isinstance(p, Ref)]
    assert all(r.words for r in refs)
    if len(items) > 1:
        closing = menimbang.children[-1]
        assert [p.key for p in closing.text if isinstance(p, Ref)] == [c.key for c in items]
