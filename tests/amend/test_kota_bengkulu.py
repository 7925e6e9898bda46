"""Kota Bengkulu's Perwal 16/2024 end to end, as docs/amend.md tells it.

Its text was not made by the tool and is not known beyond a news summary of its four content
areas (domain.md §1.1 J): it is typed as a DOCX with what is known and "..." for the rest,
recorded with ``enact --docx``, and amended towards Kota Bengkulu's draft. The draft changes its
systematics and far more than half of it, so ``amend`` refuses the Perubahan and ``--replace``
drafts the Perwal that repeals it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx

from jamsostek_regs.amend import snapshot
from tests.conftest import ROOT
from tests.regionkit import make_workspace, run_cli

#: Perwal 16/2024 as far as it is known: judul, the four content areas, commencement.
PERWAL_16_2024 = (
    "PERATURAN WALI KOTA BENGKULU",
    "NOMOR 16 TAHUN 2024",
    "TENTANG",
    "PENYELENGGARAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN",
    "DENGAN RAHMAT TUHAN YANG MAHA ESA",
    "WALI KOTA BENGKULU,",
    "Menimbang\t:\ta.\tbahwa ...;",
    "Mengingat\t:\t1.\t...;",
    "MEMUTUSKAN:",
    "Menetapkan\t:\tPERATURAN WALI KOTA TENTANG PENYELENGGARAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN.",
    "BAB I",
    "KETENTUAN UMUM",
    "Pasal 1",
    "...",
    "BAB II",
    "KEPESERTAAN",
    "Pasal 2",
    "Setiap pemberi kerja, pelaku usaha, maupun pekerja mandiri wajib mendaftarkan diri atau karyawannya ...",
    "BAB III",
    "PROGRAM",
    "Pasal 3",
    "Program Jaminan Sosial Ketenagakerjaan meliputi JKK, JKM, JHT, dan JP.",
    "BAB IV",
    "PERAN PEMERINTAH DAERAH",
    "Pasal 4",
    "Pemerintah Daerah melakukan pendampingan, sosialisasi, serta evaluasi ...",
    "BAB V",
    "SANKSI ADMINISTRATIF",
    "Pasal 5",
    "Pemberi Kerja yang tidak mendaftarkan Pekerjanya dikenai sanksi administratif ...",
    "BAB VI",
    "KETENTUAN PENUTUP",
    "Pasal 6",
    "Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.",
    "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Wali Kota ini dengan "
    "penempatannya dalam Berita Daerah Kota Bengkulu.",
    "Ditetapkan di Bengkulu",
    "pada tanggal ...",
    "WALI KOTA BENGKULU,",
    "...",
    "BERITA DAERAH KOTA BENGKULU TAHUN 2024 NOMOR ...",
)


def test_perwal_16_2024_is_recorded_and_replaced(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    shutil.copy(ROOT / "regions" / "kota-bengkulu.yaml", root / "regions")
    document = docx.Document()
    for text in PERWAL_16_2024:
        document.add_paragraph(text)
    perwal = tmp_path / "perwal-16-2024.docx"
    document.save(str(perwal))

    args = ("enact", "kota-bengkulu", "--number", "16", "--year", "2024", "--date", "2024-07-01")
    code, _out, err = run_cli(root, *args, "--docx", str(perwal))
    assert code == 0, err
    record = snapshot.load(root / "regions" / "enacted" / "kota-bengkulu" / "2024-16.json")
    assert record.origin == "docx"
    assert [n.num for n in record.draft.walk() if n.kind == "pasal"] == ["1", "2", "3", "4", "5", "6"]

    code, _out, err = run_cli(root, "amend", "kota-bengkulu", "--format", "txt")
    assert code == 2 and "angka 237" in err and "--replace" in err

    code, _out, err = run_cli(root, "amend", "kota-bengkulu", "--replace", "--format", "txt,docx")
    assert code == 0, err
    text = (root / "build" / "kota-bengkulu" / "kota-bengkulu-pengganti.txt").read_text(encoding="utf-8")
    assert (
        "Pada saat Peraturan Wali Kota ini mulai berlaku, Peraturan Wali Kota Bengkulu Nomor 16 Tahun "
        "2024 tentang Penyelenggaraan Program Jaminan Sosial Ketenagakerjaan (Berita Daerah Kota Bengkulu "
        "Tahun 2024 Nomor ...) dicabut dan dinyatakan tidak berlaku."
    ) in text
