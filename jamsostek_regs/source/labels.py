"""The Indonesian label and help text of every region-file field: the one place both read.

``docs/region-format.md`` (:mod:`jamsostek_regs.source.schema_docs`) prints them beside each
field's English description, and the browser workbench (``jamsostek-regs serve``) builds its
form from them, so the two cannot drift. Keys are the field keys of the format document:
``a.b`` is key ``b`` under ``a``, ``a[].b`` key ``b`` in each item of list ``a``, ``a.<id>.b``
key ``b`` under each id of mapping ``a``. The generator refuses a field without a label, so a
new field of the schema needs its line here.
"""

from __future__ import annotations

from typing import NamedTuple


class Label(NamedTuple):
    """What the form shows for a field: its name and one line of help, in Bahasa Indonesia."""

    label: str
    help: str


_SOURCE = "Dari mana keterangan ini diambil."
_REASON = "Alasan perubahan; ditampilkan di laporan perbandingan (diff)."
_NULL = 'Kosongkan bila belum diketahui: tercetak "...".'

LABELS: dict[str, Label] = {
    "level": Label(
        "Tingkat daerah", "Kabupaten, kota atau provinsi; menentukan Bupati, Wali Kota atau Gubernur."
    ),
    "name": Label("Nama daerah", 'Tanpa tingkatnya: "Lombok Timur", bukan "Kabupaten Lombok Timur".'),
    "province": Label("Provinsi", "Provinsi tempat kabupaten/kota berada; provinsi tidak mengisinya."),
    "capital": Label("Ibu kota", f'Tempat "Ditetapkan di ...". {_NULL}'),
    "village_unit": Label(
        "Satuan desa", "desa, nagari (Sumatera Barat) atau none (hanya kelurahan; setiap provinsi)."
    ),
    "mayor_spelling": Label("Ejaan jabatan wali kota", '"Wali Kota" atau "Walikota"; hanya untuk kota.'),
    "establishment": Label(
        "Undang-undang pembentukan", "Undang-undang pembentukan daerah yang dikutip dalam Mengingat."
    ),
    "head": Label("Kepala daerah", "Bupati, Wali Kota atau Gubernur yang menandatangani."),
    "head.name": Label("Nama kepala daerah", f"Nama lengkap tanpa gelar. {_NULL}"),
    "secretary": Label("Sekretaris Daerah", "Sekretaris Daerah yang mengundangkan."),
    "secretary.name": Label("Nama Sekretaris Daerah", f"Nama lengkap tanpa gelar. {_NULL}"),
    "segments": Label("Segmen kepesertaan", "Segmen peserta yang diatur Perkada (katalog standar)."),
    "bpu_examples": Label(
        "Contoh pekerja bukan penerima upah", "Petani, nelayan, ...; perlu segmen bukan penerima upah."
    ),
    "government_groups": Label(
        "Kelompok pemerintahan", "Kelompok di lingkungan pemerintahan yang didaftarkan."
    ),
    "financing": Label(
        "Sumber pembiayaan iuran", "Sumber pembiayaan iuran, masing-masing untuk kelompoknya."
    ),
    "financing[].source": Label("Sumber", f"Sumber pembiayaan dari katalog standar. {_NULL}"),
    "financing[].for_groups": Label("Untuk kelompok", "Segmen atau kelompok pemerintahan yang dibiayai."),
    "financing[].decided_by": Label(
        "Dasar keputusan daerah",
        "Anggaran atau program yang sudah memutuskan pembayaran iuran dari sumber ini, dengan sumbernya;"
        " tanpa ini tidak ada Pasal yang membayar iuran dari sumber ini.",
    ),
    "financing[].criteria": Label(
        "Kriteria penerima", f"APBD dan DBH Sawit: kriteria penerima, masing-masing dengan sumbernya. {_NULL}"
    ),
    "financing[].data": Label(
        "Sumber data penerima", f"APBD: data Pekerja Rentan calon penerima (misalnya P3KE). {_NULL}"
    ),
    "financing[].period": Label(
        "Jangka waktu pembayaran", f"DBH Sawit: berapa lama iuran dibayar (PMK 91/2023). {_NULL}"
    ),
    "opd": Label("Perangkat Daerah", "Perangkat Daerah dan perannya dalam program."),
    "opd[].id": Label("Kode", "Kode Perangkat Daerah dalam berkas ini (huruf kecil, angka, _)."),
    "opd[].role": Label("Peran", "Peran Perangkat Daerah menurut katalog standar."),
    "opd[].name": Label("Nama resmi", f"Nama resmi Perangkat Daerah. {_NULL}"),
    "opd[].abbreviation": Label("Singkatan", "Singkatan, dicetak sesudah nama."),
    "opd[].tasks": Label("Tugas tambahan", "Tugas di luar tugas peran menurut katalog (Lampiran)."),
    "compliance": Label("Kepatuhan", "Penegakan kepesertaan melalui perizinan dan pelayanan publik."),
    "compliance.licensing": Label(
        "Syarat perizinan", "Perangkat Daerah perizinan meminta bukti kepesertaan (PP 86/2013 Pasal 8)."
    ),
    "compliance.licensing_source": Label(
        "Dasar keputusan perizinan", "Keputusan atau praktik daerah sendiri."
    ),
    "compliance.licensing_opd": Label(
        "Perangkat Daerah perizinan", "Kode Perangkat Daerah yang menerbitkan izin."
    ),
    "compliance.public_services": Label(
        "Sanksi tidak mendapat pelayanan publik", "Sanksi bagi pemberi kerja yang tidak patuh (PP 86/2013)."
    ),
    "targets": Label("Target", "Target terukur yang ditetapkan daerah."),
    "targets.pekerja_rentan_per_desa": Label(
        "Pekerja rentan per desa", "Jumlah yang didaftarkan di setiap desa."
    ),
    "targets.coverage": Label("Target cakupan", "Target cakupan kepesertaan per tahun (Lampiran)."),
    "targets.coverage[].year": Label("Tahun", "Tahun target."),
    "targets.coverage[].percent": Label("Persen", 'Cakupan dalam persen; desimal dengan titik ("28.3").'),
    "perubahan": Label(
        "Perubahan Perkada", "Menimbang Peraturan Perubahan yang disusun setelah Perkada ini ditetapkan."
    ),
    "perubahan.menimbang": Label(
        "Menimbang perubahan",
        'Alasan perubahan, masing-masing diawali "bahwa" tanpa titik koma;'
        " butir penutupnya disusun otomatis.",
    ),
    "perubahan.source": Label("Sumber", _SOURCE),
    "standard": Label(
        "Versi standar",
        'Versi standar yang menjadi dasar teks daerah ini, dalam tanda kutip ("2026.1");'
        " diisi oleh rebase --write.",
    ),
    "draft": Label("Keterangan rancangan", "Properti dokumen rancangan."),
    "draft.date": Label("Tanggal rancangan", "Tanggal rancangan (properti dokumen saja)."),
    "draft.author": Label("Penyusun", "Penyusun yang tercantum di properti dokumen."),
    "draft.kop": Label(
        "Cetak kop", "Kop di atas judul (tempat lambang daerah, jabatan dan provinsi) pada DOCX dan PDF."
    ),
    "attachments": Label("Lampiran Word daerah", "Dokumen Word milik daerah yang dilampirkan."),
    "attachments[].file": Label("Berkas", "Berkas .docx, relatif terhadap folder regions/."),
    "attachments[].title": Label("Judul lampiran", "Judul lampiran."),
    "attachments[].pasal": Label("Pasal yang merujuk", "Kunci Pasal yang menyebut lampiran ini."),
    "overrides": Label("Pasal yang diganti", "Pasal standar yang teksnya diganti daerah, dengan alasannya."),
    "overrides[].key": Label("Kunci Pasal", "Kunci Pasal yang diganti, mis. kepesertaan.segmen."),
    "overrides[].text": Label("Teks baru", "Teks baru dalam dialek klausul."),
    "overrides[].reason": Label("Alasan", _REASON),
    "additions": Label("Pasal tambahan", "Pasal milik daerah sendiri, dengan alasannya."),
    "additions[].key": Label("Kode", "Kode Pasal; kuncinya tambahan.<kode>."),
    "additions[].after": Label("Sesudah Pasal", "Kunci Pasal yang diikutinya (atau isi: Di dalam)."),
    "additions[].in": Label("Di dalam", "Kunci BAB atau Bagian yang diakhirinya."),
    "additions[].text": Label("Teks", "Teks Pasal dalam dialek klausul."),
    "additions[].reason": Label("Alasan", _REASON),
    "title": Label("Judul sendiri", "Nama Perkada bila bukan nama standar."),
    "title.text": Label("Nama sesudah \u201ctentang\u201d", "Huruf awal kapital, tanpa tanda baca di akhir."),
    "title.reason": Label("Alasan", "Asal nama ini; ditampilkan di laporan perbandingan."),
    "laws": Label("Peraturan tambahan", "Peraturan yang tidak ada di katalog dasar hukum, dengan sumbernya."),
    "laws[].id": Label("Kode", "Kode peraturan, dipakai di pembentukan atau Mengingat."),
    "laws[].jenis": Label("Jenis", "uu, perppu, pp, perpres atau permen."),
    "laws[].jenis_name": Label(
        "Nama jenis", 'Untuk permen: "Peraturan Menteri Ketenagakerjaan" dan sebagainya.'
    ),
    "laws[].nomor": Label("Nomor", _NULL),
    "laws[].tahun": Label("Tahun", _NULL),
    "laws[].tentang": Label("Tentang", _NULL),
    "laws[].gazette": Label("Lembaran/Berita Negara", "Data pengundangan."),
    "laws[].gazette.year": Label("Tahun Lembaran Negara", _NULL),
    "laws[].gazette.number": Label("Nomor Lembaran Negara", _NULL),
    "laws[].gazette.supplement": Label("Nomor Tambahan Lembaran Negara", _NULL),
    "laws[].amended_by": Label("Diubah dengan", "Kode peraturan yang mengubahnya, yang terlama dahulu."),
    "laws[].amends": Label("Mengubah", "Peraturan yang diubahnya."),
    "laws[].source": Label("Sumber", _SOURCE),
    "mengingat": Label("Tambahan Mengingat", "Butir Mengingat di luar standar, dengan alasannya."),
    "mengingat[].law": Label("Peraturan", "Kode peraturan dari katalog atau Peraturan tambahan."),
    "mengingat[].uud": Label("Pasal UUD 1945", 'Mis. "Pasal 28D ayat (2)".'),
    "mengingat[].reason": Label("Alasan", "Mengapa dikutip (kewenangan atau perintah)."),
    "instruments": Label(
        "Peraturan yang sudah berlaku", "Produk hukum daerah tentang hal yang sama, dan nasibnya."
    ),
    "instruments[].jenis": Label("Jenis", "peraturan, keputusan, instruksi, surat_edaran atau perda."),
    "instruments[].nomor": Label("Nomor", _NULL),
    "instruments[].tahun": Label("Tahun", _NULL),
    "instruments[].tentang": Label("Tentang", _NULL),
    "instruments[].berita": Label("Nomor Berita Daerah", _NULL),
    "instruments[].fate": Label("Nasibnya", "dicabut, peralihan atau tetap_berlaku."),
    "instruments[].reason": Label("Alasan", _REASON),
    "instruments[].source": Label("Sumber", _SOURCE),
    "lists": Label("Rincian kelompok segmen", "Kelompok suatu segmen yang disebut satu per satu."),
    "lists.<id>.groups": Label("Kelompok", "Setiap kelompok sebagaimana dicetak."),
    "lists.<id>.source": Label("Sumber", _SOURCE),
    "cost_share": Label("Pembagian Bantuan Iuran", "Hanya provinsi: bagian provinsi dari Bantuan Iuran."),
    "cost_share.province_percent": Label("Bagian provinsi (persen)", _NULL),
    "cost_share.shared_percent": Label("Bagian bersama (persen)", _NULL),
    "cost_share.source": Label("Sumber", _SOURCE),
    "changes": Label("Perubahan rinci", "Ayat, rincian atau butir yang diganti, dihapus atau ditambah."),
    "changes[].replace": Label("Ganti", "Kunci bagian yang teksnya diganti."),
    "changes[].remove": Label("Hapus", "Kunci bagian yang dihapus."),
    "changes[].add": Label("Tambah", "Kode bagian baru."),
    "changes[].after": Label("Sesudah", "Bagian yang diikutinya."),
    "changes[].before": Label("Sebelum", "Bagian yang didahuluinya."),
    "changes[].into": Label("Di dalam", "Bagian yang diakhirinya."),
    "changes[].kind": Label("Jenis", "bab atau bagian, untuk BAB atau Bagian baru."),
    "changes[].title": Label("Judul", "Judul BAB atau Bagian baru."),
    "changes[].text": Label("Teks", "Teks dalam dialek klausul."),
    "changes[].reason": Label("Alasan", _REASON),
    "lampiran": Label("Lampiran sendiri", "Lampiran milik daerah, berupa teks atau tabel."),
    "lampiran[].key": Label("Kode", "Kode lampiran; kuncinya lampiran.<kode>."),
    "lampiran[].title": Label("Judul", "Judul lampiran (dicetak kapital)."),
    "lampiran[].text": Label("Isi", "Isi dalam dialek klausul; tabel pipa boleh."),
    "lampiran[].pasal": Label("Pasal yang merujuk", "Kunci Pasal yang menyebut lampiran ini."),
    "lampiran[].reason": Label("Alasan", _REASON),
}


def label(key: str) -> Label:
    """The label of field ``key`` (a key of the format document, e.g. ``opd[].role``).

    Raises:
        KeyError: the field has no label (add its line to :data:`LABELS`).
    """
    return LABELS[key]
