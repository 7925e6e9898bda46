"""Commencement, repeal and penutup: R86, R87, R89, R92 to R98 (L2 angka 143-173; UU 12/2011 Pasal 86)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.lint.text import JABATAN_LINE, KEPALA, PLACEHOLDER, date_pattern
from jamsostek_regs.model import Draft, Node

_SEKDA = re.compile(r"^SEKRETARIS DAERAH (?:KABUPATEN|KOTA|PROVINSI) [^a-z,]+,$")
_PERINTAH = re.compile(
    rf"^Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan {KEPALA} ini dengan "
    r"penempatannya dalam Berita Daerah (?:Kabupaten|Kota|Provinsi) [^.]+\.$"
)
_BERITA = re.compile(
    r"^BERITA DAERAH (?:KABUPATEN|KOTA|PROVINSI) [^a-z]+ TAHUN (?:\d{4}|\.\.\.) NOMOR (?:\d+|\.\.\.)$"
)
_LEMBARAN = re.compile(r"\bLembaran Daerah\b")
_TANGGAL = re.compile(r"\btanggal (?=[\d\.])")
_ROLES = ["perintah", "ditetapkan", "diundangkan", "berita"]
_GELAR = re.compile(
    r"(?:^|\s)(?:DR|DRS|DRA|IR|H|HJ|PROF|K\.H|KH)\.(?=\s|$)|,\s*\S|\bNIP\b|\b[A-Z]\.[A-Z]{1,3}\.(?=\s|$|,)",
    re.I,
)
_REPEAL = re.compile(
    rf"^Pada saat Peraturan {KEPALA} ini mulai berlaku, (?P<what>.+) (?:dicabut|ditarik kembali) dan "
    r"dinyatakan "
    r"tidak berlaku[.:]$"
)
_GENERAL_REPEAL = re.compile(r"\b(?:semua|segala) (?:ketentuan|peraturan)\b.*\bbertentangan\b", re.I)


def _commencement() -> re.Pattern[str]:
    when = (
        rf"pada tanggal diundangkan|pada tanggal {date_pattern()}"
        r"|setelah \d+ \([a-z ]+\) (?:hari|bulan|tahun) terhitung sejak tanggal diundangkan"
    )
    return re.compile(rf"^Peraturan {KEPALA} ini mulai berlaku (?:{when})\.$")


def _block(ctx: Context, role: str) -> dict[str, Node]:
    """The lines of a signature block by their last key part (di, tanggal, jabatan, ttd, nama)."""
    node = ctx.child("penutup", role)
    return {c.key.rsplit(".", 1)[-1]: c for c in node.children} if node else {}


@rule(
    "R86",
    "error",
    "Lampiran II UU 12/2011 angka 150-151; UU 23/2014 Pasal 248 ayat (3)",
    "Pasal terakhir: Peraturan ... ini mulai berlaku pada tanggal diundangkan.",
)
def commencement(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    last = ctx.pasals[-1].children[-1] if ctx.pasals and ctx.pasals[-1].children else None
    if last is None or not _commencement().match(last.plain()):
        yield Hit(
            last.key if last else "batang_tubuh",
            f'Pasal terakhir berbunyi "Peraturan {ctx.level.kepala[0]} ini mulai berlaku pada tanggal '
            'diundangkan." (atau pada tanggal tertentu, atau setelah sekian hari terhitung sejak tanggal '
            "diundangkan).",
        )


@rule("R87", "error", "Lampiran II UU 12/2011 angka 152", 'Tanpa frasa "mulai berlaku efektif"')
def no_efektif(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node in ctx.body:
        if "berlaku efektif" in ctx.plain(node).casefold():
            yield Hit(
                node.key,
                'Jangan gunakan frasa "berlaku efektif" karena menimbulkan ketidakpastian: tulis "mulai '
                'berlaku".',
            )


@rule(
    "R89",
    "error",
    "Lampiran II UU 12/2011 angka 143-149",
    "Pencabutan: Pada saat ... mulai berlaku, <peraturan> dicabut dan dinyatakan tidak berlaku.",
)
def repeal(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node in ctx.body:
        text = ctx.plain(node)
        if "dinyatakan tidak berlaku" not in text:
            continue
        match = _REPEAL.match(text)
        if _GENERAL_REPEAL.search(text):
            yield Hit(
                node.key,
                "Pencabutan tidak dirumuskan secara umum: sebut jenis, nomor, tahun, dan judul peraturan "
                "yang dicabut.",
            )
        elif match is None or not (re.search(r"Nomor \d+ Tahun \d{4}", match["what"]) or text.endswith(":")):
            yield Hit(
                node.key,
                f'Rumuskan pencabutan "Pada saat Peraturan {ctx.level.kepala[0]} ini mulai berlaku, <jenis> '
                'Nomor ... Tahun ... tentang ... dicabut dan dinyatakan tidak berlaku."',
            )


@rule(
    "R92",
    "error",
    "Lampiran II UU 12/2011 angka 160-163; UU 12/2011 Pasal 86 ayat (2)",
    "Perintah pengundangan dalam Berita Daerah",
)
def perintah(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _lembaran_in_body(ctx)
    line = ctx.child("penutup", "perintah")
    if line is None or _PERINTAH.match(line.plain()):
        return
    extra = (
        " Perkada diundangkan dalam Berita Daerah, bukan Lembaran Daerah."
        if "Lembaran" in line.plain()
        else ""
    )
    yield Hit(
        line.key,
        'Tulis "Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan '
        f"{ctx.level.kepala[0]} ini dengan "
        f'penempatannya dalam Berita Daerah {ctx.level.jenis} {ctx.level.nama}."{extra}',
    )


def _lembaran_in_body(ctx: Context) -> Iterator[Hit]:
    """ "Lembaran Daerah" in the batang tubuh, other than inside a cited Perda's gazette data."""
    for node, text in ctx.body.containing(_LEMBARAN):
        for match in _LEMBARAN.finditer(text):
            before = text[: match.start()]
            if before.count("(") <= before.count(")"):  # not inside "(Lembaran Daerah ... Nomor ...)"
                yield Hit(
                    node.key,
                    f"Peraturan {ctx.level.kepala[0]} diundangkan dalam Berita Daerah {ctx.level.jenis} "
                    f'{ctx.level.nama}, bukan dalam Lembaran Daerah: ganti "{match.group()}".',
                )


@rule(
    "R93",
    "error",
    "Lampiran II UU 12/2011 angka 160",
    "Penutup: perintah pengundangan, penetapan, pengundangan, Berita Daerah",
)
def penutup_order(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    if ctx.roles("penutup") != _ROLES:
        yield Hit(
            "penutup",
            "Penutup terdiri atas, berurutan: perintah pengundangan, penetapan (Ditetapkan di ...), "
            "pengundangan (Diundangkan di ...), dan BERITA DAERAH ... TAHUN ... NOMOR ...; lengkapi atau "
            "susun ulang.",
        )


def _signature(ctx: Context, role: str, jabatan: re.Pattern[str], style: str) -> Iterator[Hit]:
    key = f"penutup.{role}"
    for message in _signature_problems(ctx, role, role.capitalize(), jabatan, style):
        yield Hit(key, message)


def _signature_problems(
    ctx: Context, role: str, first: str, jabatan: re.Pattern[str], style: str
) -> Iterator[str]:
    lines = _block(ctx, role)
    texts = {name: ctx.plain(node) for name, node in lines.items()}
    place, date = texts.get("di", ""), texts.get("tanggal", "")
    if not place.startswith(f"{first} di ") or not date.startswith("pada tanggal "):
        yield f'Blok ini diawali "{first} di <tempat>" dan "pada tanggal <tanggal>".'
    if not jabatan.match(texts.get("jabatan", "")):
        yield "Nama jabatan ditulis seluruhnya dengan huruf kapital dan diakhiri koma."
    nama = texts.get("nama", "")
    if not nama or nama != nama.upper():
        yield f'Nama pejabat ditulis seluruhnya dengan huruf kapital: "{nama.upper()}".'
    if any(ctx.styles.get(node.key, style) != style for node in lines.values()):
        where = "kanan" if style == "TtdKanan" else "kiri"
        yield f"Blok ini diletakkan di sebelah {where}: cetak dengan gaya {style}."


@rule(
    "R94",
    "error",
    "Lampiran II UU 12/2011 angka 164-166",
    "Penetapan di kanan: Ditetapkan di, pada tanggal, JABATAN, nama kapital",
)
def penetapan(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _signature(ctx, "ditetapkan", JABATAN_LINE, "TtdKanan")


@rule(
    "R95",
    "error",
    "Lampiran II UU 12/2011 angka 164 huruf d dan 167 huruf d",
    "Nama penandatangan tanpa gelar, pangkat, golongan, dan NIP",
)
def no_gelar(draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node in draft.walk():
        if node.kind == "line" and node.key.endswith(".nama") and ctx.plain(node) != PLACEHOLDER:
            match = _GELAR.search(ctx.plain(node))
            if match and node.key.rsplit(".", 2)[-2] != "kepala":
                yield Hit(
                    node.key,
                    "Nama pejabat ditulis tanpa gelar, pangkat, golongan, dan NIP: hapus "
                    f'"{match.group().strip()}".',
                )


@rule(
    "R96",
    "error",
    "Lampiran II UU 12/2011 angka 167-169; UU 23/2014 Pasal 248 ayat (2)",
    "Pengundangan di kiri: Diundangkan di, pada tanggal, SEKRETARIS DAERAH ..., nama",
)
def pengundangan(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _signature(ctx, "diundangkan", _SEKDA, "TtdKiri")


@rule(
    "R97",
    "error",
    "Lampiran II UU 12/2011 angka 172-173",
    "BERITA DAERAH <DAERAH> TAHUN ... NOMOR ... kapital",
)
def berita(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    line = ctx.child("penutup", "berita")
    if line is not None and not _BERITA.match(line.plain()):
        yield Hit(
            line.key,
            f'Tulis "BERITA DAERAH {ctx.level.jenis.upper()} {ctx.level.nama.upper()} TAHUN ... NOMOR ...", '
            "seluruhnya kapital.",
        )


@rule("R98", "error", "Lampiran II UU 12/2011 angka 151a dan 168", "Tanggal ditulis: 17 Agustus 2011")
def dates(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    date = re.compile(rf"(?:{date_pattern()}|\.\.\.)(?! \()(?!\d)")
    for node, match in ctx.printed.matches(_TANGGAL):
        if not date.match(ctx.printed.text, match.end()):
            yield Hit(
                node.key,
                'Tanggal ditulis dengan angka, nama bulan, dan tahun, tanpa kata dalam kurung: "17 '
                'Agustus 2025".',
            )
