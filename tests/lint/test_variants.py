"""Zero false positives: realistic drafting that follows the rulebook adds no finding.

Each variant edits a real draft the way a drafter would, correctly: acronym definitions,
citations of other regulations with their Pasal, decimals and percentages, money, ranges with
"sampai dengan", dates, years, commencement variants, repeal and delegation formulas, nested
rincian, the draft-mode "..." placeholders and the "Walikota" spelling used consistently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from jamsostek_regs.lint import lint
from jamsostek_regs.model import Draft, Node
from tests.lint import mutate as m

LT = "lombok-timur"
_NIK = "kepesertaan.pendaftaran.nik"


def _nik(words: str) -> m.Edit:
    return lambda d: m.text(d, _NIK, words)


def _acronym(d: Draft) -> Draft:
    definition = Node(
        "item",
        "ketentuan_umum.definisi.bappeda",
        text=("Badan Perencanaan Pembangunan Daerah yang selanjutnya disebut Bappeda adalah unsur perencana "
              "penyelenggaraan pemerintahan yang menjadi kewenangan Daerah",),
    )  # fmt: skip
    d = m.after(d, "ketentuan_umum.definisi.jkm", definition)
    d = m.add_ayat(
        d, "pemantauan.evaluasi", "Bappeda menggunakan hasil pemantauan dan evaluasi dalam perencanaan."
    )
    return m.add_ayat(
        d,
        "pemantauan.pelaporan",
        "Laporan sebagaimana dimaksud pada ayat (1) disampaikan juga kepada Bappeda.",
    )


def _nested(d: Draft) -> Draft:
    def item(key: str, words: str, *sub: Node) -> Node:
        return Node("item", f"lint.{key}", text=(words,), children=sub, conj="dan" if sub else "")

    listed = Node(
        "ayat",
        "lint.memuat",
        text=("Data kepesertaan memuat:",),
        conj="dan/atau",
        children=(
            item(
                "identitas",
                "identitas Peserta",
                item("nama", "nama"),
                item("nik", "nomor induk kependudukan"),
            ),
            item("status", "status kepesertaan"),
            item("iuran", "riwayat pembayaran Iuran"),
        ),
    )
    return m.renumber(m.children(d, "kepesertaan.pendaftaran", lambda c: (*c, listed)))


def _repeal(d: Draft) -> Draft:
    words = (
        "Pada saat Peraturan Bupati ini mulai berlaku, Peraturan Bupati Lombok Timur Nomor 5 Tahun 2020 "
        "tentang Kepesertaan Jaminan Sosial Ketenagakerjaan (Berita Daerah Kabupaten Lombok Timur Tahun "
        "2020 Nomor 5) dicabut dan dinyatakan tidak berlaku."
    )
    return m.renumber(m.after(d, "pemantauan.pelaporan", m.pasal("lint.pencabutan", words)))


def _final(d: Draft) -> Draft:
    d = replace(m.drop(d, "judul.rancangan"), meta=replace(d.meta, draft=False))
    d = m.text(d, "judul.nomor", "NOMOR 12 TAHUN 2025")
    d = m.text(d, "penutup.ditetapkan.tanggal", "pada tanggal 17 Agustus 2025")
    return m.text(d, "penutup.berita", "BERITA DAERAH KABUPATEN LOMBOK TIMUR TAHUN 2025 NOMOR 12")


VARIANTS: dict[str, tuple[str, m.Edit]] = {
    "acronym definition used twice": (LT, _acronym),
    "Pasal of another regulation": (LT, _nik(
        "Data kepesertaan dikelola sesuai dengan Pasal 15 ayat (1) Undang-Undang Nomor 24 Tahun 2011 tentang "
        "Badan Penyelenggara Jaminan Sosial.")),
    "percentages with decimals": (LT, _nik(
        "Target cakupan kepesertaan sebesar 28,3% (dua puluh delapan koma tiga persen) dan Iuran sebesar "
        "0,24% (nol koma dua puluh empat persen).")),
    "sampai dengan between Pasal": (LT, lambda d: m.text(d, "sanksi.pelayanan_publik.unit",
        "Pengenaan sanksi atas kewajiban sebagaimana dimaksud dalam Pasal 5 sampai dengan Pasal 7 dilakukan "
        "oleh "
        "BPJS Ketenagakerjaan.")),
    "sampai dengan between huruf": (LT, lambda d: m.text(d, "sanksi.pelayanan_publik.unit",
        "Pengenaan sanksi sebagaimana dimaksud pada ayat (2) huruf a sampai dengan huruf c dilakukan secara "
        "bertahap.")),
    "money with and without sen": (LT, _nik(
        "Bantuan Iuran sebesar Rp16.800,00 (enam belas ribu delapan ratus rupiah) atau Rp1.500,50 (seribu "
        "lima "
        "ratus rupiah lima puluh sen) setiap bulan.")),
    "numbers with their words": (LT, _nik(
        "Data kepesertaan paling tinggi 1.000 (seribu) orang dimutakhirkan paling lambat 30 (tiga puluh) "
        "hari, "
        "paling lama 2,5 (dua koma lima) bulan.")),
    "dates and years": (LT, _nik("Data kepesertaan tahun 2025 dimutakhirkan pada tanggal 17 Agustus 2025.")),
    "a Perda cited with its Lembaran Daerah": (LT, _nik(
        "Data kepesertaan dikelola sesuai dengan Peraturan Daerah Kabupaten Lombok Timur Nomor 5 Tahun 2020 "
        "tentang Ketenagakerjaan (Lembaran Daerah Kabupaten Lombok Timur Tahun 2020 Nomor 5).")),
    "ayat reference chain in order": (LT, lambda d: m.text(d, "sanksi.pelayanan_publik.unit",
        "Pengenaan sanksi sebagaimana dimaksud pada ayat (1), Pasal 5 ayat (2) dan ayat (3), dan Pasal 7 "
        "dilakukan oleh BPJS Ketenagakerjaan.")),
    "commencement after 30 days": (LT, lambda d: m.text(d, "penutup.berlaku.1",
        "Peraturan Bupati ini mulai berlaku setelah 30 (tiga puluh) hari terhitung sejak tanggal "
        "diundangkan.")),
    "commencement on a date": (LT, lambda d: m.text(d, "penutup.berlaku.1",
        "Peraturan Bupati ini mulai berlaku pada tanggal 1 Januari 2026.")),
    "repeal formula": (LT, _repeal),
    "delegation in the last ayat": (LT, lambda d: m.add_ayat(d, "kepesertaan.pendaftaran",
        "Ketentuan lebih lanjut mengenai tata cara pendaftaran Peserta diatur dengan Peraturan Bupati.")),
    "nested rincian": (LT, _nested),
    "draft placeholders": (LT, lambda d: m.text(m.text(d, "penutup.ditetapkan.di", "Ditetapkan di ..."),
        "penutup.ditetapkan.nama", "...")),
    "final text with numbers and dates": (LT, _final),
    "a sanction on the parent law's obligation": (LT, lambda d: m.add_ayat(d, "koordinasi.koordinasi",
        "Pemberi Kerja selain penyelenggara negara yang tidak melaksanakan kewajiban sebagaimana dimaksud "
        "dalam Pasal 15 ayat (1) Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan "
        "Sosial dikenai sanksi tidak mendapat pelayanan publik tertentu.")),
    "a Perbup names PBG, its own service": (LT, _nik(
        "Data kepesertaan dilampirkan pada permohonan Persetujuan Bangunan Gedung (PBG).")),
    "a head-count at its lowest": (LT, _nik(
        "Data kepesertaan memuat paling rendah 60 (enam puluh) orang setiap Desa.")),
    "Walikota spelled the same everywhere": ("kota-bengkulu", lambda d: m.everywhere(
        m.everywhere(d, "Wali Kota", "Walikota"), "WALI KOTA", "WALIKOTA")),
}  # fmt: skip


@pytest.mark.parametrize("name", VARIANTS)
def test_correct_drafting_adds_no_finding(name: str, draft_of: Callable[[str], Draft]) -> None:
    region, edit = VARIANTS[name]
    base = draft_of(region)
    before = {(f.rule_id, f.key) for f in lint(base)}
    added = [str(f) for f in lint(edit(base)) if (f.rule_id, f.key) not in before]
    assert added == []
