"""Shared fixtures for the writer tests: a realistic Perkada as hand-built blocks.

``sample_blocks`` covers every style in :data:`jamsostek_regs.layout.STYLES`, pembukaan
leads and labels, nested rincian, a table, a page break, anchors (shared by the lines of
the lampiran heading), empty signature lines, a centred line longer than 72 columns and
text full of Markdown and HTML special characters.
"""

from __future__ import annotations

import pytest

from jamsostek_regs.layout import Block
from jamsostek_regs.model import Draft, Meta, Node, Ref, Source

_P2 = "bab_2__bagian_1__paragraf_1__pasal_2"
_LAMPIRAN_TENTANG = "TENTANG OPTIMALISASI PELAKSANAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN"

SAMPLE_BLOCKS: tuple[Block, ...] = (
    Block("Judul", "RANCANGAN"),
    Block("Judul", "BUPATI CONTOH"),
    Block("Judul", "PROVINSI CONTOH"),
    Block("Judul", "PERATURAN BUPATI CONTOH"),
    Block("Judul", "NOMOR ... TAHUN 2025"),
    Block("Judul", "TENTANG"),
    Block(
        "Judul",
        "OPTIMALISASI PELAKSANAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN BAGI PEKERJA "
        "RENTAN DI KABUPATEN CONTOH",
    ),
    Block("Frasa", "DENGAN RAHMAT TUHAN YANG MAHA ESA"),
    Block("Jabatan", "BUPATI CONTOH,"),
    Block(
        "Pembukaan",
        "bahwa setiap pekerja berhak atas jaminan sosial untuk memenuhi kebutuhan dasar hidup yang layak;",
        label="a.",
        lead="Menimbang",
    ),
    Block("Pembukaan", "bahwa cakupan *kepesertaan* masih rendah & perlu ditingkatkan;", "b."),
    Block(
        "Pembukaan",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, "
        "perlu menetapkan Peraturan Bupati;",
        "c.",
    ),
    Block(
        "Pembukaan",
        "Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial;",
        label="1.",
        lead="Mengingat",
    ),
    Block("Pembukaan", "Peraturan Pemerintah Nomor 44 Tahun 2015;", "2."),
    Block("Diktum", "MEMUTUSKAN:"),
    Block(
        "Pembukaan",
        "PERATURAN BUPATI TENTANG OPTIMALISASI PELAKSANAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN.",
        lead="Menetapkan",
    ),
    Block("BabNomor", "BAB I", anchor="bab_1"),
    Block("BabJudul", "KETENTUAN UMUM"),
    Block("PasalNomor", "Pasal 1", anchor="bab_1__pasal_1"),
    Block("PasalIsi", "Dalam Peraturan Bupati ini yang dimaksud dengan:"),
    Block("Rincian1", "Daerah adalah Kabupaten Contoh.", "1.", anchor="bab_1__pasal_1__def_1"),
    Block(
        "Rincian1",
        "Pekerja Bukan Penerima Upah [PBPU] adalah pekerja_mandiri yang bekerja <sendiri>.",
        "2.",
        anchor="bab_1__pasal_1__def_2",
    ),
    Block("BabNomor", "BAB II", anchor="bab_2"),
    Block("BabJudul", "PELAKSANAAN"),
    Block("BagianNomor", "Bagian Kesatu", anchor="bab_2__bagian_1"),
    Block("BagianJudul", "Umum"),
    Block("ParagrafNomor", "Paragraf 1", anchor="bab_2__bagian_1__paragraf_1"),
    Block("ParagrafJudul", "Kepesertaan"),
    Block("PasalNomor", "Pasal 2", anchor=_P2),
    Block(
        "Ayat",
        'Pemerintah Daerah mendaftarkan pekerja <tag> & "rentan" sebagai peserta:',
        "(1)",
        anchor=f"{_P2}__ayat_1",
    ),
    Block("Rincian1", "# pagar bukan judul;", "a.", anchor=f"{_P2}__ayat_1__huruf_a"),
    Block("Rincian2", "- strip bukan butir;", "1.", anchor=f"{_P2}__ayat_1__huruf_a__angka_1"),
    Block("Rincian3", "1. bukan daftar;", "a)"),
    Block("Rincian4", "a_b, `kode`, \\ garis miring dan ~tilde~; dan", "1)"),
    Block("Rincian1", "+ plus, > kutip, ! seru dan 5) kurung.", "b."),
    Block("Ayat", "Besaran iuran tercantum dalam tabel berikut:", "(2)", anchor=f"{_P2}__ayat_2"),
    Block(
        "Tabel",
        rows=(
            ("No", "Program", "Iuran"),
            ("1", "Jaminan Kecelakaan Kerja", "Rp10.000 | bulan"),
            ("2", "Jaminan *Kematian*", "Rp6.800"),
        ),
        anchor=f"{_P2}__tabel_1",
    ),
    Block("Penutup", "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."),
    Block(
        "Penutup",
        "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini "
        "dengan penempatannya dalam Berita Daerah Kabupaten Contoh.",
    ),
    Block("TtdKanan", "Ditetapkan di Contoh"),
    Block("TtdKanan", "pada tanggal ..."),
    Block("TtdKanan", "BUPATI CONTOH,"),
    Block("TtdKanan"),
    Block("TtdKanan"),
    Block("TtdKanan", "NAMA BUPATI"),
    Block("TtdKiri", "Diundangkan di Contoh"),
    Block("TtdKiri", "pada tanggal ..."),
    Block("TtdKiri", "SEKRETARIS DAERAH KABUPATEN CONTOH,"),
    Block("TtdKiri"),
    Block("TtdKiri", "NAMA SEKRETARIS DAERAH"),
    Block("BeritaDaerah", "BERITA DAERAH KABUPATEN CONTOH TAHUN 2025 NOMOR ..."),
    Block("LampiranKepala", "LAMPIRAN", anchor="lampiran_1", page_break=True),
    Block("LampiranKepala", "PERATURAN BUPATI CONTOH", anchor="lampiran_1"),
    Block("LampiranKepala", "NOMOR ... TAHUN 2025", anchor="lampiran_1"),
    Block("LampiranKepala", _LAMPIRAN_TENTANG, anchor="lampiran_1"),
    Block("LampiranJudul", "TATA CARA PENDAFTARAN PESERTA"),
    Block("LampiranIsi", "Pendaftaran dilakukan melalui kanal daring.", "A."),
    Block("Rincian1", "Pemberi kerja mengisi formulir.", "1."),
    Block("LampiranIsi", "Formulir tersedia di kantor cabang [BPJS]."),
    Block("TtdKanan", "BUPATI CONTOH,"),
    Block("TtdKanan"),
    Block("TtdKanan", "NAMA BUPATI"),
)


@pytest.fixture
def sample_blocks() -> tuple[Block, ...]:
    """A whole Perkada as blocks, covering every style."""
    return SAMPLE_BLOCKS


@pytest.fixture
def sample_meta() -> Meta:
    """Metadata of the sample draft; the title needs HTML escaping."""
    return Meta(
        region_id="kab-contoh",
        level="kabupaten",
        region_name="Kabupaten Contoh",
        title='Rancangan Peraturan Bupati Contoh <Jamsostek> & "Uji"',
        standard_id="perkada-jamsostek",
        standard_version="1.0",
        date="2025-01-02",
        author="Bagian Hukum",
    )


@pytest.fixture
def sample_draft(sample_meta: Meta) -> Draft:
    """A small node tree, to check that ``render`` goes through the layout."""
    ref = Ref("umum", Source("pasal.md", 3), words="sebagaimana dimaksud dalam Pasal 1")
    ayat = Node("ayat", "umum.isi", text=("Ketentuan ", ref, " berlaku"), end=".")
    pasal = Node("pasal", "umum", num="1", eid="bab_1__pasal_1", children=(ayat,))
    bab = Node("bab", "bab.umum", title="KETENTUAN UMUM", num="I", eid="bab_1", children=(pasal,))
    judul = Node("judul", "judul", children=(Node("line", "judul.1", text=("RANCANGAN",)),))
    body = Node("batang_tubuh", "batang_tubuh", children=(bab,))
    return Draft(sample_meta, Node("draft", "root", children=(judul, body)))
