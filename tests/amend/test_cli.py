"""``enact``, ``amend`` and ``consolidate`` end to end, in throw-away workspaces.

The test region (``tests/amend/regions``) is Kota Bengkulu's facts, enacted in 2024 under the
current standard (``enacted.yaml``) and then changed by its drafter (``now.yaml``): its Perubahan
carries every kind of change. Enacted under the 2025.1 standard (``2024.yaml``), the revised
standard changes more than half of its Pasal (Lampiran II angka 237): the tool asks for the
replacement, and the golden is Kota Bengkulu's own replacement (``UPDATE_GOLDEN=1`` rewrites it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from jamsostek_regs.amend import snapshot
from jamsostek_regs.amend.changes import shown
from tests.conftest import ROOT
from tests.diff.libreoffice import needs_soffice
from tests.regionkit import make_workspace, run_cli

HERE = Path(__file__).parent
GOLDEN = ROOT / "tests" / "golden" / "amend"
#: The current standard version.
CURRENT = "2026.1"


def workspace(tmp_path: Path, region: str = "contoh", text: Path = HERE / "regions" / "enacted.yaml") -> Path:
    root = make_workspace(tmp_path / "ws")
    shutil.copy(text, root / "regions" / f"{region}.yaml")
    return root


def enact(
    root: Path, *args: str, region: str = "contoh", standard: str | None = None
) -> tuple[int, str, str]:
    chosen = ("--standard", standard) if standard else ()
    return run_cli(root, *chosen, "enact", region, *args)


@pytest.fixture
def enacted(tmp_path: Path) -> Path:
    """The test region enacted as Perwal 16/2024 under the current standard, its region file then
    changed."""
    root = workspace(tmp_path)
    code, _out, err = enact(
        root, "--number", "16", "--year", "2024", "--date", "2024-05-02", "--berita", "16"
    )
    assert code == 0, err
    shutil.copy(HERE / "regions" / "now.yaml", root / "regions" / "contoh.yaml")
    return root


#: A line of Pasal I that opens a change: its number, then a statutory formula.
_CHANGE = re.compile(r"^    [0-9]+\. (?:Ketentuan|Di antara|Setelah|Judul|Pasal \S+ dihapus|BAB \S+ dihapus)")


def formulas(text: str) -> list[str]:
    """The numbered changes of Pasal I in a text Perubahan."""
    pasal_i = text[text.index("Pasal I\n") : text.index("Pasal II\n")]
    return [line.strip() for line in pasal_i.splitlines() if _CHANGE.match(line)]


def test_enact_writes_a_deterministic_snapshot(tmp_path: Path, enacted: Path) -> None:
    path = enacted / "regions" / "enacted" / "contoh" / "2024-16.json"
    record = snapshot.load(path)
    assert (record.instrument, record.origin, record.source) == (
        snapshot.Instrument(16, 2024, "2024-05-02", "16"),
        "region",
        "regions/contoh.yaml",
    )
    assert record.draft.meta.standard_version == CURRENT and not record.draft.meta.draft
    assert record.draft.find("judul.rancangan") is None
    assert record.draft.find("judul.nomor").plain() == "NOMOR 16 TAHUN 2024"  # type: ignore[union-attr]
    assert record.to_json() == path.read_bytes()
    again = workspace(tmp_path / "again")
    enact(again, "--number", "16", "--year", "2024", "--date", "2024-05-02", "--berita", "16")
    assert (again / "regions" / "enacted" / "contoh" / "2024-16.json").read_bytes() == path.read_bytes()


def test_a_snapshot_reads_back_as_the_same_tree(enacted: Path) -> None:
    path = enacted / "regions" / "enacted" / "contoh" / "2024-16.json"
    record = snapshot.load(path)
    assert snapshot.parse(record.to_json(), "x").draft == record.draft


def test_enact_never_overwrites(enacted: Path) -> None:
    path = enacted / "regions" / "enacted" / "contoh" / "2024-16.json"
    before = path.read_bytes()
    code, _out, err = enact(enacted, "--number", "16", "--year", "2024", "--date", "2024-05-02")
    assert code == 2 and "refusing to overwrite" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--number", "0", "--year", "2024", "--date", "2024-05-02"), "--number"),
        (("--number", "1", "--year", "1900", "--date", "2024-05-02"), "--year"),
        (("--number", "1", "--year", "2024", "--date", "2 Mei 2024"), "--date"),
        (("--number", "1", "--year", "2024", "--date", "2024-05-02", "--berita", "enam"), "--berita"),
    ],
)
def test_enact_refuses_bad_values(tmp_path: Path, args: tuple[str, ...], words: str) -> None:
    root = workspace(tmp_path)
    code, _out, err = enact(root, *args)
    assert code == 2 and words in err
    assert not (root / "regions" / "enacted").exists()


def test_a_snapshot_edited_by_hand_is_refused(enacted: Path) -> None:
    path = enacted / "regions" / "enacted" / "contoh" / "2024-16.json"
    document = json.loads(path.read_bytes())
    document["tree"]["children"][0]["key"] = "diubah"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, _out, err = run_cli(enacted, "amend", "contoh", "--format", "txt")
    assert code == 2 and "does not match its recorded hash" in err


def test_nothing_to_amend_writes_nothing(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    enact(root, "--number", "16", "--year", "2024", "--date", "2024-05-02")
    code, out, err = run_cli(root, "amend", "contoh")
    assert code == 0, err
    assert "nothing to amend" in out
    assert not (root / "build").exists()


def test_amend_without_a_snapshot_says_how_to_make_one(tmp_path: Path) -> None:
    code, _out, err = run_cli(workspace(tmp_path), "amend", "contoh")
    assert code == 2 and "jamsostek-regs enact" in err


def test_the_perubahan_carries_every_kind_of_change(enacted: Path) -> None:
    code, _out, err = run_cli(enacted, "amend", "contoh", "--format", "txt")
    assert code == 0, err
    text = (enacted / "build" / "contoh" / "contoh-perubahan.txt").read_text(encoding="utf-8")
    assert "PERUBAHAN ATAS PERATURAN WALI KOTA BENGKULU NOMOR 16 TAHUN 2024 TENTANG" in text
    assert "(Berita Daerah Kota Bengkulu Tahun 2024 Nomor 16) diubah sebagai berikut:" in text
    found = formulas(text)
    kinds = {
        "Pasal diubah": "Ketentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:",
        "ayat diubah": "Ketentuan ayat (2) Pasal 9 diubah sehingga Pasal 9 berbunyi sebagai berikut:",
        "Pasal disisipkan": "Di antara Pasal 18 dan Pasal 19 disisipkan 1 (satu) pasal, yakni Pasal 18A",
        "ayat disisipkan": "Di antara ayat (1) dan ayat (2) Pasal 13 disisipkan 1 (satu) ayat, yakni ayat",
        "huruf dihapus": "Ketentuan huruf b Pasal 11 dihapus sehingga Pasal 11 berbunyi sebagai berikut:",
        "Pasal dihapus": "Pasal 17 dihapus.",
        "Lampiran diubah": "Ketentuan Lampiran Peraturan Wali Kota Bengkulu Nomor 16 Tahun 2024 tentang "
        "Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan diubah sehingga menjadi sebagaimana "
        "tercantum dalam Lampiran",
    }
    for kind, formula in kinds.items():
        assert any(formula in line for line in found), kind
    assert [line.split(". ", 1)[0] for line in found] == [str(i) for i in range(1, len(found) + 1)]
    assert "\n                               Pasal 18A\n" in text
    assert "    b. dihapus;\n" in text  # huruf b keeps its letter
    assert "Tim koordinasi sebagaimana dimaksud dalam Pasal 18 ayat (1) mengadakan" in text  # enacted numbers
    assert (
        "(1a) Pendataan dan verifikasi sebagaimana dimaksud pada ayat (1) dilakukan paling sedikit"
        " 1 (satu) kali dalam 1 (satu) tahun." in text
    )
    assert "Pasal II\nPeraturan Wali Kota ini mulai berlaku pada tanggal diundangkan." in text
    assert "Dinas Tenaga Kerja Kota Bengkulu" in text.split("LAMPIRAN", 1)[1]
    # the region's reasons, then the closing item citing them (R20, R24)
    assert "Menimbang  : a. bahwa untuk meningkatkan pendataan Pekerja" in text
    assert "             b. bahwa Peraturan Wali Kota Bengkulu Nomor 16 Tahun 2024 tentang" in text
    assert (
        "             c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu"
        " menetapkan Peraturan Wali Kota tentang Perubahan atas Peraturan Wali Kota Bengkulu Nomor 16"
    ) in text
    # the amended Perkada is the last item of Mengingat (Lampiran II angka 41a as amended in 2022, R36)
    mengingat = text.split("Mengingat", 1)[1].split("MEMUTUSKAN")[0].strip().splitlines()
    assert mengingat[-1].strip() == (
        "9. Peraturan Wali Kota Bengkulu Nomor 16 Tahun 2024 tentang Optimalisasi Pelaksanaan Program"
        " Jaminan Sosial Ketenagakerjaan (Berita Daerah Kota Bengkulu Tahun 2024 Nomor 16);"
    )
    code, _out, err = run_cli(enacted, "lint", "--strict", "contoh")  # the region's own draft: unaffected
    assert code in {0, 1}, err


def test_every_writer_prints_the_perubahan_and_again_the_same_bytes(enacted: Path) -> None:
    formats = "docx,md,html,txt"
    code, _out, err = run_cli(enacted, "amend", "contoh", "--format", formats)
    assert code == 0, err
    folder = enacted / "build" / "contoh"
    first = {path.name: path.read_bytes() for path in folder.glob("contoh-perubahan.*")}
    assert sorted(first) == [f"contoh-perubahan.{fmt}" for fmt in sorted(formats.split(","))]
    for name in ("contoh-perubahan.md", "contoh-perubahan.html"):
        text = first[name].decode("utf-8")
        assert "Pasal 18A" in text and "yakni ayat (1a)" in text and "Pasal 17 dihapus." in text
    code, _out, err = run_cli(enacted, "amend", "contoh", "--format", formats)
    assert code == 0, err
    assert {path.name: path.read_bytes() for path in folder.glob("contoh-perubahan.*")} == first


def test_the_perubahan_is_clean_for_the_linter(enacted: Path) -> None:
    from jamsostek_regs.app.amending import amend
    from jamsostek_regs.workspace import Workspace

    result = amend(Workspace(enacted), "contoh", ["txt"])
    assert [str(f) for f in result.findings] == []


def test_enacting_the_perubahan_records_the_consolidated_text(enacted: Path) -> None:
    run_cli(enacted, "amend", "contoh", "--format", "txt")
    code, _out, err = enact(enacted, "--number", "3", "--year", "2026", "--date", "2026-02-01", standard=None)
    assert code == 0, err
    amending = snapshot.load(enacted / "regions" / "enacted" / "contoh" / "2026-3.json")
    assert amending.amends == "2024-16"
    assert ("maksud_tujuan.maksud", "Pasal 2", "diubah") in {
        (c.key, c.address, c.action) for c in amending.changes
    }
    assert amending.draft.find("judul.nomor").plain() == "NOMOR 16 TAHUN 2024"  # type: ignore[union-attr]
    code, _out, err = run_cli(enacted, "consolidate", "contoh", "--format", "txt,html,docx")
    assert code == 0, err
    html = (enacted / "build" / "contoh" / "contoh-konsolidasi.html").read_text(encoding="utf-8")
    assert "(Pasal 2 diubah dengan Peraturan Wali Kota Bengkulu Nomor 3 Tahun 2026)" in html
    text = (enacted / "build" / "contoh" / "contoh-konsolidasi.txt").read_text(encoding="utf-8")
    assert "(Pasal 2 diubah dengan Peraturan Wali Kota Bengkulu Nomor 3 Tahun 2026)" in text
    assert "(Pasal 18A disisipkan dengan Peraturan Wali Kota Bengkulu Nomor 3 Tahun 2026)" in text
    assert "                                Pasal 17\nDihapus." in text
    # each note names the unit the amendment changed, not the whole Pasal
    assert "(Huruf b Pasal 11 dihapus dengan Peraturan Wali Kota Bengkulu Nomor 3 Tahun 2026)" in text
    assert "(Ayat (1a) Pasal 13 disisipkan dengan Peraturan Wali Kota Bengkulu Nomor 3 Tahun 2026)" in text
    assert "(Ayat (2) Pasal 9 diubah dengan Peraturan Wali Kota Bengkulu Nomor 3 Tahun 2026)" in text
    assert "(Lampiran diubah dengan Peraturan Wali Kota Bengkulu Nomor 3 Tahun 2026)" in text
    assert "(Pasal 11 dihapus" not in text and "(Pasal 13 disisipkan" not in text
    assert text.startswith("                    NASKAH KONSOLIDASI (TIDAK RESMI)\n")
    assert "\nSEBAGAIMANA TELAH DIUBAH DENGAN PERATURAN WALI KOTA BENGKULU NOMOR 3 TAHUN 2026\n" in text
    perubahan = (enacted / "build" / "contoh" / "contoh-perubahan.txt").read_text(encoding="utf-8")
    assert "Pasal 18A" in perubahan


def test_consolidating_an_unamended_perkada_prints_it_as_enacted(enacted: Path) -> None:
    code, _out, err = run_cli(enacted, "consolidate", "contoh")
    assert code == 0, err
    text = (enacted / "build" / "contoh" / "contoh-konsolidasi.txt").read_text(encoding="utf-8")
    assert "NOMOR 16 TAHUN 2024" in text and "RANCANGAN" not in text
    assert "diubah dengan Peraturan Wali Kota" not in text


def test_a_second_amendment_is_the_perubahan_kedua(enacted: Path) -> None:
    enact(enacted, "--number", "3", "--year", "2026", "--date", "2026-02-01", "--berita", "3", standard=None)
    with (enacted / "regions" / "contoh.yaml").open("a", encoding="utf-8") as region:
        region.write(
            "  - key: forum\n    after: tugas.wilayah\n    reason: uji\n    text: |\n"
            "      Lurah membentuk forum komunikasi kepesertaan di kelurahan.\n"
        )
    code, _out, err = run_cli(enacted, "amend", "contoh", "--format", "txt")
    assert code == 0, err
    text = (enacted / "build" / "contoh" / "contoh-perubahan.txt").read_text(encoding="utf-8")
    assert "PERUBAHAN KEDUA ATAS PERATURAN WALI KOTA BENGKULU NOMOR 16 TAHUN 2024" in text
    assert "sebagaimana telah diubah dengan Peraturan Wali Kota Bengkulu Nomor 3 Tahun 2026" in text
    assert formulas(text) == [
        "1. Di antara Pasal 13 dan Pasal 14 disisipkan 1 (satu) pasal, yakni Pasal 13A sehingga berbunyi "
        "sebagai berikut:"
    ]


def test_a_third_amendment_lists_the_earlier_ones(enacted: Path) -> None:
    enact(enacted, "--number", "3", "--year", "2026", "--date", "2026-02-01", "--berita", "3", standard=None)
    region = enacted / "regions" / "contoh.yaml"
    with region.open("a", encoding="utf-8") as file:
        file.write(
            "  - key: forum\n    after: tugas.wilayah\n    reason: uji\n    text: |\n"
            "      Lurah membentuk forum komunikasi kepesertaan di kelurahan.\n"
        )
    enact(enacted, "--number", "9", "--year", "2027", "--date", "2027-03-01", "--berita", "9", standard=None)
    region.write_text(
        region.read_text(encoding="utf-8").replace("di kelurahan.", "di setiap kelurahan."), "utf-8"
    )
    code, _out, err = run_cli(enacted, "amend", "contoh", "--format", "txt")
    assert code == 0, err
    text = (enacted / "build" / "contoh" / "contoh-perubahan.txt").read_text(encoding="utf-8")
    assert "PERUBAHAN KETIGA ATAS PERATURAN WALI KOTA BENGKULU NOMOR 16 TAHUN 2024" in text
    pasal_i = text[text.index("Pasal I\n") : text.index("Pasal II\n")].splitlines()
    assert pasal_i[1].endswith(
        "(Berita Daerah Kota Bengkulu Tahun 2024 Nomor 16) yang telah beberapa kali diubah dengan "
        "Peraturan Wali Kota Bengkulu:"
    )
    assert pasal_i[2].startswith(
        "    a. Nomor 3 Tahun 2026 tentang Perubahan atas Peraturan Wali Kota Bengkulu"
    )
    assert pasal_i[2].endswith("(Berita Daerah Kota Bengkulu Tahun 2026 Nomor 3);")
    assert pasal_i[3].startswith("    b. Nomor 9 Tahun 2027 tentang Perubahan Kedua atas Peraturan Wali Kota")
    assert pasal_i[4:6] == [
        "diubah sebagai berikut:",
        "    1. Ketentuan Pasal 13A diubah sehingga berbunyi sebagai berikut:",
    ]


def test_too_many_changes_ask_for_the_replacement(tmp_path: Path) -> None:
    # enacted under 2025.1; the revised standard rewrites more than half of its Pasal
    root = workspace(tmp_path, text=HERE / "regions" / "2024.yaml")
    assert enact(root, "--number", "16", "--year", "2024", "--date", "2024-05-02", standard="2025.1")[0] == 0
    shutil.copy(HERE / "regions" / "enacted.yaml", root / "regions" / "contoh.yaml")
    code, _out, err = run_cli(root, "amend", "contoh", "--format", "txt")
    assert code == 2 and "more than half" in err and "--replace" in err
    assert not (root / "build").exists()
    code, _out, err = run_cli(root, "amend", "contoh", "--replace", "--format", "txt")
    assert code == 0, err
    # what becomes of the decisions made under the repealed Perkada is the drafter's to say
    assert "contoh: warning: the replacement repeals Peraturan Wali Kota Bengkulu Nomor 16 Tahun 2024" in err
    assert "`instruments`" in err and "angka 148" in err
    text = (root / "build" / "contoh" / "contoh-pengganti.txt").read_text(encoding="utf-8")
    assert "Peraturan Wali Kota Bengkulu Nomor 16 Tahun 2024 tentang Optimalisasi Pelaksanaan Program" in text
    assert "dicabut dan dinyatakan tidak berlaku" in text
    assert "PERUBAHAN ATAS" not in text


def test_amend_from_a_snapshot_to_another_version(tmp_path: Path) -> None:
    root = workspace(tmp_path, text=HERE / "regions" / "2024.yaml")
    assert enact(root, "--number", "16", "--year", "2024", "--date", "2024-05-02", standard="2025.1")[0] == 0
    start = root / "regions" / "enacted" / "contoh" / "2024-16.json"
    region = root / "regions" / "contoh.yaml"
    region.write_text(
        region.read_text(encoding="utf-8").replace("licensing: true", "licensing: false"), "utf-8"
    )
    code, _out, err = run_cli(
        root, "amend", "contoh", "--from", str(start), "--to", "contoh@2025.1", "--format", "txt"
    )
    assert code == 0, err
    text = (root / "build" / "contoh" / "contoh-perubahan.txt").read_text(encoding="utf-8")
    # under 2025.1, without licensing the BAB on compliance goes, and with it an item of the scope
    assert formulas(text) == [
        "1. Ketentuan Pasal 4 diubah sehingga berbunyi sebagai berikut:",
        "2. BAB VII dihapus.",
    ]


def test_amend_to_a_docx(enacted: Path) -> None:
    code, _out, err = run_cli(enacted, "assemble", "contoh", "--out", str(enacted / "docx"))
    assert code == 0, err
    docx = enacted / "docx" / "contoh" / "contoh.docx"
    code, _out, err = run_cli(enacted, "amend", "contoh", "--to", str(docx), "--format", "txt")
    assert code == 0, err
    from_docx = formulas((enacted / "build" / "contoh" / "contoh-perubahan.txt").read_text(encoding="utf-8"))
    code, _out, err = run_cli(enacted, "amend", "contoh", "--format", "txt", "--force")
    assert code == 0, err
    from_region = formulas(
        (enacted / "build" / "contoh" / "contoh-perubahan.txt").read_text(encoding="utf-8")
    )
    assert from_docx == from_region and len(from_docx) == 7


def test_a_perkada_the_tool_did_not_make_is_enacted_from_its_docx(tmp_path: Path, enacted: Path) -> None:
    from_region = (enacted / "regions" / "enacted" / "contoh" / "2024-16.json").read_bytes()
    root = workspace(tmp_path / "docx")
    code, _out, err = run_cli(root, "assemble", "contoh", "--out", str(root / "docx"))
    assert code == 0, err
    docx = root / "docx" / "contoh" / "contoh.docx"
    code, _out, err = enact(
        root, "--number", "16", "--year", "2024", "--date", "2024-05-02", "--docx", str(docx)
    )
    assert code == 0, err
    record = snapshot.load(root / "regions" / "enacted" / "contoh" / "2024-16.json")
    assert (record.origin, record.source, record.source_text) == ("docx", "contoh.docx", "")
    made = snapshot.parse(from_region, "region").draft
    assert shown(record.draft.part("batang_tubuh")) == shown(made.part("batang_tubuh"))
    shutil.copy(HERE / "regions" / "now.yaml", root / "regions" / "contoh.yaml")
    code, _out, err = run_cli(root, "amend", "contoh", "--format", "txt")
    assert code == 0, err
    run_cli(enacted, "amend", "contoh", "--format", "txt")
    read_back = (root / "build" / "contoh" / "contoh-perubahan.txt").read_text(encoding="utf-8")
    tool_made = (enacted / "build" / "contoh" / "contoh-perubahan.txt").read_text(encoding="utf-8")
    assert formulas(read_back) == formulas(tool_made)


def test_the_golden_replacement_of_kota_bengkulu(tmp_path: Path) -> None:
    """Kota Bengkulu's draft enacted under 2025.1, then amended to the revised standard: too much
    changes for a Perubahan, so the replacement that repeals it (the golden)."""
    root = workspace(tmp_path, "kota-bengkulu", ROOT / "regions" / "kota-bengkulu.yaml")
    code, _out, err = enact(
        root,
        "--number",
        "16",
        "--year",
        "2024",
        "--date",
        "2024-05-02",
        region="kota-bengkulu",
        standard="2025.1",
    )
    assert code == 0, err
    code, _out, err = run_cli(root, "amend", "kota-bengkulu", "--format", "txt")
    assert code == 2 and "more than half" in err
    code, _out, err = run_cli(root, "amend", "kota-bengkulu", "--replace", "--format", "txt,docx")
    assert code == 0, err
    text = (root / "build" / "kota-bengkulu" / "kota-bengkulu-pengganti.txt").read_text(encoding="utf-8")
    golden = GOLDEN / "kota-bengkulu-pengganti.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@needs_soffice
def test_libreoffice_opens_the_perubahan_docx(tmp_path: Path, enacted: Path) -> None:
    code, _out, err = run_cli(enacted, "amend", "contoh", "--format", "docx")
    assert code == 0, err
    docx = enacted / "build" / "contoh" / "contoh-perubahan.docx"
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    convert = [
        "soffice",
        profile,
        "--headless",
        "--convert-to",
        "txt:Text",
        "--outdir",
        str(tmp_path),
        str(docx),
    ]
    subprocess.run(convert, check=True, capture_output=True, timeout=180)
    text = (tmp_path / "contoh-perubahan.txt").read_text(encoding="utf-8-sig")
    assert "Pasal I" in text and "Pasal 18A" in text and "Pasal II" in text
    assert "disisipkan 1 (satu) ayat, yakni ayat (1a)" in text


def test_the_amended_text_keeps_every_enacted_unit(enacted: Path) -> None:
    from jamsostek_regs.amend import amendment
    from jamsostek_regs.app.amending import _history
    from jamsostek_regs.pipeline import assemble
    from jamsostek_regs.workspace import Workspace

    history = _history(Workspace(enacted), "contoh")
    made = amendment(history, assemble(Workspace(enacted), "contoh"))
    numbers = [n.num for n in made.merged.draft.walk() if n.kind == "pasal"]
    enacted_numbers = [n.num for n in history[0].draft.walk() if n.kind == "pasal"]
    assert [n for n in numbers if n in enacted_numbers] == enacted_numbers
    assert shown(made.merged.draft.part("judul")) == shown(history[0].draft.part("judul"))


def test_without_reasons_the_perubahan_has_one_general_menimbang_item(enacted: Path) -> None:
    region = enacted / "regions" / "contoh.yaml"
    text = region.read_text(encoding="utf-8")
    region.write_text(text[: text.index("# Why the Perwal")] + text[text.index("overrides:") :], "utf-8")
    code, _out, err = run_cli(enacted, "amend", "contoh", "--format", "txt")
    assert code == 0, err
    perubahan = (enacted / "build" / "contoh" / "contoh-perubahan.txt").read_text(encoding="utf-8")
    menimbang = perubahan.split("Menimbang  : ", 1)[1].split("\n\nMengingat")[0].splitlines()
    assert [line.strip()[:2] for line in menimbang] == ["a.", "b."]
    assert menimbang[0].endswith(
        "perlu disesuaikan dengan perkembangan kebutuhan hukum dan ketentuan"
        " peraturan perundang-undangan sehingga perlu diubah;"
    )
    assert "sebagaimana dimaksud dalam huruf a, perlu menetapkan" in menimbang[1]


@pytest.mark.parametrize(
    ("item", "expected"),
    [("untuk pendataan", 'starts with "bahwa "'), ("bahwa pendataan perlu diubah;", "no final punctuation")],
)
def test_a_reason_that_is_no_menimbang_item_is_refused(tmp_path: Path, item: str, expected: str) -> None:
    root = workspace(tmp_path)
    text = (HERE / "regions" / "now.yaml").read_text(encoding="utf-8")
    first = text.index('    - "bahwa untuk meningkatkan')
    end = text.index("\n", first)
    (root / "regions" / "contoh.yaml").write_text(f'{text[:first]}    - "{item}"{text[end:]}', "utf-8")
    code, out, _err = run_cli(root, "validate", "contoh")
    assert code == 2 and "perubahan.menimbang[0]" in out and expected in out
