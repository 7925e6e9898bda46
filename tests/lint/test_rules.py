"""Every implemented rule: a draft that breaks exactly that rule is flagged with exactly that id.

Each case edits one real draft (``tests/lint/mutate.py``); the findings it adds to the
unedited draft's findings must all carry the rule id under test, and there must be some.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from jamsostek_regs.lint import RULES, lint
from jamsostek_regs.model import Draft, Node
from tests.amend.test_lint_rules import CASES as PERUBAHAN_CASES
from tests.lint import mutate as m

LT, KOTA, PROV = "lombok-timur", "kota-bengkulu", "provinsi-bengkulu"
Case = tuple[str, str, m.Edit]


def _mengingat_item(key: str, words: str) -> Node:
    return Node("item", f"mengingat.{key}", text=(words,), num="11.", end=";")


def _swap(i: int, j: int) -> Callable[[tuple[Node, ...]], tuple[Node, ...]]:
    def swap(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
        out = list(nodes)
        out[i], out[j] = out[j], out[i]
        return tuple(out)

    return swap


def _replace_in(key: str, old: str, new: str) -> m.Edit:
    def edit(d: Draft) -> Draft:
        node = d.find(key)
        assert node is not None
        return m.text(d, key, str(node.text[0]).replace(old, new))

    return edit


def _definitions_in_bab_ii(d: Draft) -> Draft:
    body = d.part("batang_tubuh")
    bab_i, bab_ii, *rest = body.children
    bab_i, bab_ii = (
        bab_i.with_children(bab_ii.children[:1]),
        bab_ii.with_children((*bab_i.children, *bab_ii.children[1:])),
    )
    return m.renumber(m.change(d, "batang_tubuh", children=(bab_i, bab_ii, *rest)))


def _repealing(d: Draft, words: str) -> Draft:
    return m.renumber(m.after(d, "pemantauan.pelaporan", m.pasal("lint.pencabutan", words)))


_PERBUP = (
    "Peraturan Bupati Lombok Timur Nomor 5 Tahun 2020 tentang Kepesertaan Jaminan Sosial Ketenagakerjaan"
)
_GAZETTE = "(Berita Daerah Kabupaten Lombok Timur Tahun 2020 Nomor 5)"
_REPEAL = (
    f"Pada saat Peraturan Bupati ini mulai berlaku, {_PERBUP} {_GAZETTE} dicabut dan dinyatakan tidak "
    "berlaku."
)
_TITLE_LONG = (
    "PENYELENGGARAAN DAN OPTIMALISASI PELAKSANAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN BAGI SELURUH "
    "PEKERJA PENERIMA UPAH DAN BUKAN PENERIMA UPAH DI DAERAH"
)
_CLOSING = (
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {refs}, perlu menetapkan Peraturan Bupati "
    "tentang {nama}"
)
_NAMA = "Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan"
_NIK = "kepesertaan.pendaftaran.nik"
_TEMPAT = "kepesertaan.pendaftaran.tempat"
_RL = "maksud_tujuan.ruang_lingkup.ruang_lingkup"
_KEPALA = "lampiran.perangkat_daerah.kepala"


def _nik(words: str) -> m.Edit:
    return lambda d: m.text(d, _NIK, words)


CASES: list[Case] = [
    ("R5", LT, lambda d: m.drop(d, "judul.nomor")),
    ("R6", LT, lambda d: m.text(d, "judul.nama", _NAMA)),
    ("R7", LT, lambda d: m.text(d, "judul.nomor", "NOMOR 188.45/12 TAHUN ...")),
    ("R8", LT, lambda d: m.drop(d, "judul.rancangan")),
    ("R8", LT, lambda d: replace(d, meta=replace(d.meta, draft=False))),
    ("R8", LT, lambda d: m.text(d, "judul.nomor", "NOMOR 12 TAHUN 2025")),
    ("R9", LT, lambda d: m.retitle(d, _TITLE_LONG)),
    ("R10", LT, lambda d: m.retitle(d, _NAMA.upper() + " (JSK)")),
    ("R13", LT, lambda d: m.children(d, "pembukaan", _swap(2, 3))),
    ("R14", LT, lambda d: m.text(d, "pembukaan.frasa", "DENGAN RAHMAT ALLAH YANG MAHA KUASA")),
    ("R15", LT, lambda d: m.text(d, "pembukaan.jabatan", "BUPATI LOMBOK TIMUR")),
    (
        "R16",
        LT,
        lambda d: m.after(
            d,
            "mengingat",
            Node(
                "line",
                "pembukaan.persetujuan",
                text=(
                    "Dengan Persetujuan Bersama DEWAN PERWAKILAN RAKYAT DAERAH KABUPATEN LOMBOK TIMUR dan "
                    "BUPATI LOMBOK TIMUR",
                ),
            ),
        ),
    ),
    ("R17", LT, lambda d: m.children(d, "menimbang", lambda c: ())),
    ("R18", LT, lambda d: m.text(d, "menimbang.inpres", "mengingat Instruksi Presiden Nomor 2 Tahun 2021")),
    (
        "R19",
        LT,
        lambda d: m.text(d, "menimbang.penetapan", _CLOSING.format(refs="huruf a dan huruf c", nama=_NAMA)),
    ),
    (
        "R20",
        LT,
        lambda d: m.text(
            d,
            "menimbang.penetapan",
            _CLOSING.format(refs="huruf a, huruf b, dan huruf c", nama="Jaminan Sosial"),
        ),
    ),
    ("R21", LT, lambda d: m.children(d, "menimbang", lambda c: c[:1])),
    (
        "R24",
        LT,
        lambda d: m.text(
            d, "menimbang.inpres", "bahwa perlu mengatur jaminan sosial ketenagakerjaan di Daerah"
        ),
    ),
    ("R26", LT, lambda d: m.children(d, "mengingat", lambda c: ())),
    ("R27", LT, lambda d: m.change(d, "mengingat.uu_2004_40", num="4.")),
    ("R27", "lahat", lambda d: m.change(d, "mengingat.pmk_2023_91", end=".")),  # the last item, a Permen
    (
        "R28",
        LT,
        lambda d: m.after(
            d,
            "mengingat.pp_2015_44",
            _mengingat_item(
                "inpres",
                "Instruksi Presiden Nomor 2 Tahun 2021 tentang Optimalisasi Pelaksanaan Program Jaminan "
                "Sosial",
            ),
        ),
    ),
    (
        "R29",
        LT,
        lambda d: _repealing(
            m.after(d, "mengingat.pp_2015_44", _mengingat_item("perbup", f"{_PERBUP} {_GAZETTE}")),
            _REPEAL,
        ),
    ),
    ("R30", LT, lambda d: m.renumber(m.children(d, "mengingat", _swap(2, 3)))),
    ("R31", LT, lambda d: m.text(d, "mengingat.uud_18_6", "Pasal 18 ayat (6) UUD 1945")),
    (
        "R32",
        LT,
        _replace_in("mengingat.uu_2004_40", "Undang-Undang Nomor", "Undang-Undang Republik Indonesia Nomor"),
    ),
    ("R33", LT, _replace_in("mengingat.uu_2004_40", "Undang-Undang Nomor", "undang-undang Nomor")),
    (
        "R34",
        LT,
        lambda d: m.text(
            d,
            "mengingat.uu_2004_40",
            "Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional",
        ),
    ),
    ("R34", LT, _replace_in("mengingat.uu_2004_40", "(Lembaran Negara", "(Lembaran Daerah")),
    ("R39", LT, lambda d: m.text(d, "diktum.memutuskan", "M E M U T U S K A N :")),
    (
        "R40",
        LT,
        _replace_in("diktum.menetapkan", "PERATURAN BUPATI TENTANG", "PERATURAN BUPATI LOMBOK TIMUR TENTANG"),
    ),
    ("R40", LT, _replace_in("diktum.menetapkan", "KETENAGAKERJAAN.", "TENAGA KERJA.")),
    ("R41", LT, lambda d: m.change(d, "maksud_tujuan", title="KETENTUAN PERALIHAN")),
    (
        "R43",
        LT,
        lambda d: m.renumber(
            m.children(
                d,
                "maksud_tujuan",
                lambda c: (Node("paragraf", "lint.paragraf", title="Maksud", children=c[:1]), *c[1:]),
            )
        ),
    ),
    ("R44", LT, lambda d: m.change(d, "program", title="Program Jaminan Sosial Ketenagakerjaan")),
    ("R44", LT, lambda d: m.change(d, "program", num="III")),
    ("R45", LT, lambda d: m.change(d, "kepesertaan_pemda", num="Pertama")),
    ("R45", LT, lambda d: m.change(d, "kepesertaan_pemda", title="Pekerja Di Lingkungan Pemerintah Daerah")),
    (
        "R46",
        LT,
        lambda d: m.renumber(
            m.children(
                d,
                "kepesertaan_umum",
                lambda c: (Node("paragraf", "lint.paragraf", title="kewajiban dan Segmen", children=c),),
            )
        ),
    ),
    ("R47", LT, lambda d: m.change(d, "maksud_tujuan.tujuan", num="4")),
    (
        "R48",
        LT,
        _nik("Data kepesertaan menggunakan nomor induk kependudukan. Nomor itu menjadi identitas Peserta."),
    ),
    ("R49", LT, lambda d: m.change(d, _NIK, num="(2).")),
    ("R49", LT, lambda d: m.change(d, "maksud_tujuan.maksud.1", num="(1)")),
    (
        "R50",
        LT,
        lambda d: m.renumber(
            m.children(
                d,
                "sanksi.pelayanan_publik",
                lambda c: (
                    *c,
                    *(
                        m.ayat(f"lint.ayat{i}", "Pengenaan sanksi dilakukan secara bertahap.")
                        for i in range(4)
                    ),
                ),
            )
        ),
    ),
    (
        "R51",
        LT,
        lambda d: m.add_ayat(
            d,
            "koordinasi.koordinasi",
            "Pemberi Kerja yang tidak menyampaikan data kepesertaan sebagaimana dimaksud dalam Pasal 8 "
            "dikenai sanksi administratif berupa teguran tertulis.",
        ),
    ),
    (
        "R52",
        LT,
        lambda d: m.change(
            d, "maksud_tujuan.tujuan.tujuan", text=("Peraturan Bupati ini bertujuan untuk",), end=""
        ),
    ),
    ("R53", LT, lambda d: m.change(d, f"{_RL}.3", end=",")),
    ("R53", LT, _replace_in("maksud_tujuan.tujuan.perlindungan", "menjamin", "Menjamin")),
    ("R54", LT, lambda d: m.change(d, "maksud_tujuan.tujuan.kepastian", num="2.")),
    ("R55", LT, lambda d: m.change(d, f"{_RL}.6", end=";")),
    ("R55", LT, lambda d: m.change(d, f"{_RL}.3", end="; dan")),
    ("R56", LT, lambda d: m.change(d, f"{_RL}.7", end=";")),
    ("R57", LT, lambda d: m.change(d, f"{_RL}.3", num="d.")),
    ("R58", LT, _definitions_in_bab_ii),
    (
        "R59",
        LT,
        lambda d: m.text(d, "ketentuan_umum.definisi.1", "Dalam Peraturan ini yang dimaksud dengan:"),
    ),
    ("R60", LT, lambda d: m.change(d, "ketentuan_umum.definisi.daerah", end=";")),
    ("R60", LT, lambda d: m.change(d, "ketentuan_umum.definisi.daerah", num="a.")),
    ("R61", LT, lambda d: m.text(d, "ketentuan_umum.definisi.daerah", "Daerah ialah Kabupaten Lombok Timur")),
    (
        "R61",
        LT,
        lambda d: m.text(
            d,
            "ketentuan_umum.definisi.jkk",
            "Jaminan Kecelakaan Kerja, yang selanjutnya disingkat JKK adalah manfaat",
        ),
    ),
    (
        "R62",
        LT,
        lambda d: m.renumber(
            m.after(
                d,
                "ketentuan_umum.definisi.jkm",
                Node(
                    "item",
                    "ketentuan_umum.definisi.kecamatan",
                    text=("Kecamatan adalah bagian wilayah dari Daerah yang dipimpin oleh camat",),
                ),
            )
        ),
    ),
    ("R63", LT, _replace_in("kepesertaan.kewajiban.wajib", "menjadi Peserta", "menjadi peserta")),
    ("R63", LT, _replace_in("kepesertaan.kewajiban.wajib", "Setiap Pekerja", "Setiap pekerja")),
    ("R65", LT, lambda d: m.renumber(m.children(d, "ketentuan_umum.definisi.1", _swap(11, 15)))),
    (
        "R68",
        LT,
        lambda d: m.text(
            d,
            _TEMPAT,
            "Pendaftaran Peserta sebagaimana dimaksud pada Pasal 5 ayat (1) dilakukan kepada BPJS "
            "Ketenagakerjaan.",
        ),
    ),
    (
        "R69",
        LT,
        lambda d: m.text(
            d,
            _TEMPAT,
            "Pendaftaran Peserta sebagaimana dimaksud dalam pasal 5 ayat (1) dilakukan kepada BPJS "
            "Ketenagakerjaan.",
        ),
    ),
    (
        "R69",
        LT,
        _nik("Data kepesertaan sebagaimana dimaksud pada Ayat (1) menggunakan nomor induk kependudukan."),
    ),
    (
        "R70",
        LT,
        lambda d: m.text(
            d,
            "sanksi.pelayanan_publik.unit",
            "Pengenaan sanksi atas kewajiban sebagaimana dimaksud dalam Pasal 5, Pasal 6, dan Pasal 7 "
            "dilakukan oleh BPJS Ketenagakerjaan.",
        ),
    ),
    (
        "R71",
        LT,
        _replace_in(
            "program.jenis.penyesuaian", "program ", "program sebagaimana dimaksud pada ayat (1) Pasal ini "
        ),
    ),
    (
        "R72",
        LT,
        lambda d: m.text(
            d,
            "sanksi.pelayanan_publik.unit",
            "Pengenaan sanksi atas kewajiban sebagaimana dimaksud dalam Pasal 7 dan Pasal 5 dilakukan oleh "
            "BPJS Ketenagakerjaan.",
        ),
    ),
    (
        "R74",
        LT,
        lambda d: m.text(
            d,
            _TEMPAT,
            "Pendaftaran Peserta sebagaimana dimaksud dalam Pasal 9 dilakukan kepada BPJS Ketenagakerjaan.",
        ),
    ),
    (
        "R75",
        LT,
        _nik(
            "Data kepesertaan sebagaimana dimaksud dalam ketentuan tersebut di atas menggunakan nomor induk "
            "kependudukan."
        ),
    ),
    (
        "R76",
        LT,
        _nik(
            "Tanpa mengurangi ketentuan sebagaimana dimaksud pada ayat (1), data kepesertaan menggunakan "
            "nomor induk kependudukan."
        ),
    ),
    (
        "R77",
        LT,
        _nik(
            "Data kepesertaan sebagaimana dimaksud dalam Pasal 5 ayat (9) menggunakan nomor induk "
            "kependudukan."
        ),
    ),
    (
        "R77",
        LT,
        _nik(
            "Data kepesertaan sebagaimana dimaksud dalam Pasal 6 ayat (1) huruf k menggunakan nomor induk "
            "kependudukan."
        ),
    ),
    (
        "R79",
        LT,
        lambda d: m.add_ayat(
            d,
            "sanksi.pelayanan_publik",
            "Pemberi Kerja yang melanggar kewajiban sebagaimana dimaksud dalam Pasal 5 ayat (2) dipidana "
            "dengan pidana kurungan paling lama 3 (tiga) bulan.",
        ),
    ),
    ("R79", LT, lambda d: m.change(d, "pemantauan", title="KETENTUAN PIDANA")),
    (
        "R80",
        LT,
        lambda d: m.add_ayat(
            d,
            "koordinasi.koordinasi",
            "Penyidik Pegawai Negeri Sipil di lingkungan Pemerintah Daerah berwenang melakukan penyidikan.",
        ),
    ),
    (
        "R81",
        LT,
        lambda d: m.add_ayat(
            d,
            "kepesertaan.pendaftaran",
            "Hal-hal yang belum diatur dalam Peraturan Bupati ini ditetapkan oleh Bupati.",
        ),
    ),
    (
        "R82",
        LT,
        lambda d: m.add_ayat(
            d,
            "kepesertaan.pendaftaran",
            "Tata cara pendaftaran Peserta diatur lebih lanjut dengan Peraturan Bupati.",
        ),
    ),
    (
        "R82",
        LT,
        lambda d: m.renumber(
            m.children(
                d,
                "kepesertaan.pendaftaran",
                lambda c: (
                    m.ayat(
                        "lint.delegasi",
                        "Ketentuan lebih lanjut mengenai tata cara pendaftaran Peserta diatur dengan "
                        "Peraturan Bupati.",
                    ),
                    *c,
                ),
            )
        ),
    ),
    ("R86", LT, lambda d: m.text(d, "penutup.berlaku.1", "Peraturan Bupati ini berlaku sejak ditetapkan.")),
    ("R87", LT, _nik("Data kepesertaan berlaku efektif sejak Peserta terdaftar.")),
    (
        "R89",
        LT,
        lambda d: _repealing(
            d,
            "Pada saat Peraturan Bupati ini mulai berlaku, semua ketentuan yang bertentangan dengan "
            "Peraturan Bupati ini dinyatakan tidak berlaku.",
        ),
    ),
    ("R89", LT, lambda d: _repealing(d, f"{_PERBUP} dinyatakan tidak berlaku.")),
    ("R92", LT, _replace_in("penutup.perintah", "Berita Daerah", "Lembaran Daerah")),
    ("R92", LT, _nik("Peraturan Bupati ini ditempatkan dalam Lembaran Daerah Kabupaten Lombok Timur.")),
    ("R93", LT, lambda d: m.children(d, "penutup", _swap(1, 2))),
    ("R94", LT, lambda d: m.text(d, "penutup.ditetapkan.nama", "Haerul Warisin")),
    ("R94", LT, lambda d: m.text(d, "penutup.ditetapkan.di", "Di Selong")),
    ("R95", LT, lambda d: m.text(d, "penutup.ditetapkan.nama", "H. HAERUL WARISIN, S.H.")),
    ("R95", LT, lambda d: m.text(d, "lampiran.perangkat_daerah.ttd.nama", "DRS. HAERUL WARISIN")),
    ("R96", LT, lambda d: m.text(d, "penutup.diundangkan.jabatan", "SEKRETARIS DAERAH,")),
    ("R97", LT, lambda d: m.text(d, "penutup.berita", "BERITA DAERAH KABUPATEN LOMBOK TIMUR NOMOR ...")),
    ("R98", LT, lambda d: m.text(d, "penutup.ditetapkan.tanggal", "pada tanggal 01-02-2025")),
    (
        "R98",
        LT,
        _nik("Pendaftaran dimulai pada tanggal 1 Januari 2026 (satu Januari dua ribu dua puluh enam)."),
    ),
    ("R98", LT, _nik("Pendaftaran dimulai pada tanggal 01-01-2026.")),
    (
        "R103",
        LT,
        lambda d: m.text(
            d, "tugas.perangkat_daerah.lampiran", "Rincian tugas Perangkat Daerah tercantum dalam Lampiran."
        ),
    ),
    ("R105", LT, lambda d: m.text(d, f"{_KEPALA}.lampiran", "LAMPIRAN I")),
    ("R106", LT, lambda d: m.text(d, f"{_KEPALA}.tentang", "tentang")),
    ("R106", LT, lambda d: m.drop(d, f"{_KEPALA}.nomor")),
    ("R107", LT, lambda d: m.change(d, "lampiran.perangkat_daerah", title="Rincian Tugas Perangkat Daerah.")),
    ("R108", LT, lambda d: m.drop(d, "lampiran.perangkat_daerah.ttd")),
    ("R111", LT, _nik("Data kepesertaan diperbarui setiap 6 bulan.")),
    ("R111", LT, _nik("Data kepesertaan diperbarui setiap 6 (tujuh) bulan.")),
    ("R112", LT, _nik("Data kepesertaan paling sedikit mencakup 50 persen Pekerja di Daerah.")),
    ("R112", LT, _nik("Data kepesertaan paling sedikit mencakup 2,5% (dua koma lima) Pekerja di Daerah.")),
    ("R113", LT, _nik("Bantuan Iuran diberikan sebesar Rp 16.800 setiap bulan.")),
    ("R113", LT, _nik("Bantuan Iuran diberikan sebesar Rp16.800,00 (enam belas ribu rupiah) setiap bulan.")),
    ("R114", LT, _nik("Data kepesertaan diperbarui sekurang-kurangnya setiap tahun.")),
    ("R114", LT, _nik("Data kepesertaan diperbarui paling sedikit 30 (tiga puluh) hari sekali.")),
    ("R115", LT, _nik("Pemberi Kerja berkewajiban menyampaikan data kepesertaan.")),
    ("R116", LT, _nik("Bilamana Pekerja belum terdaftar, Pemerintah Daerah melakukan pendataan.")),
    ("R117", LT, _nik("Data kepesertaan memuat antara lain nomor induk kependudukan.")),
    ("R130", LT, _nik("Data kepesertaan dilampirkan pada permohonan Izin Mendirikan Bangunan.")),
    ("R130", LT, _nik("Data kepesertaan dilampirkan pada permohonan IMB.")),
    ("R130", LT, _nik("Data kepesertaan dilampirkan pada permohonan izin gangguan.")),
    (
        "R131",
        PROV,
        _nik("Data kepesertaan dilampirkan pada permohonan Persetujuan Bangunan Gedung."),
    ),
    ("R132", LT, _nik("Data kepesertaan diperbarui untuk paling sedikit 60 (enam puluh) orang setiap Desa.")),
    ("R132", LT, _nik("Pendataan dilakukan oleh paling banyak 5 (lima) Pekerja.")),
    ("R128", LT, lambda d: m.text(d, "pembukaan.jabatan", "GUBERNUR LOMBOK TIMUR,")),
    ("R128", LT, _replace_in("penutup.perintah", "Kabupaten Lombok Timur", "Kabupaten Lombok Tengah")),
    ("R129", KOTA, _replace_in("maksud_tujuan.maksud.1", "Peraturan Wali Kota", "Peraturan Walikota")),
]


def _id(case: Case) -> str:
    return case[0]


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_breaking_draft_is_flagged_with_exactly_that_rule(
    case: Case, draft_of: Callable[[str], Draft]
) -> None:
    rule_id, region, edit = case
    base = draft_of(region)
    before = {(f.rule_id, f.key) for f in lint(base)}
    added = [f for f in lint(edit(base)) if (f.rule_id, f.key) not in before]
    assert added, f"{rule_id} not flagged"
    assert {f.rule_id for f in added} == {rule_id}, [str(f) for f in added]
    assert all(f.severity == RULES[rule_id].severity and f.message_id_text for f in added)


def test_every_rule_has_a_breaking_draft() -> None:
    assert {c[0] for c in CASES} | {c[0] for c in PERUBAHAN_CASES} == set(RULES)
