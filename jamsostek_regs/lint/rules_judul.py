"""Judul: R5 to R10 (Lampiran II UU 12/2011 angka 2 to 5, as amended by UU 13/2022)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.lint.text import PLACEHOLDER
from jamsostek_regs.model import Draft, Node

NOMOR = re.compile(r"^NOMOR (?:[1-9][0-9]*|\.\.\.) TAHUN (?:[0-9]{4}|\.\.\.)$", re.IGNORECASE)
_JENIS = re.compile(r"^PERATURAN (?:BUPATI|WALI ?KOTA|GUBERNUR) \S", re.IGNORECASE)
_ACRONYM = re.compile(r"\(\s*[A-Z0-9.-]{2,}\s*\)")
_MAX_WORDS = 15


def _body(ctx: Context) -> tuple[Node, ...]:
    """The judul lines after RANCANGAN."""
    lines = ctx.judul()
    return lines[1:] if lines and lines[0].plain().casefold() == "rancangan" else lines


def _nomor(ctx: Context) -> Node | None:
    return next((n for n in _body(ctx) if n.plain().upper().startswith("NOMOR")), None)


@rule(
    "R5",
    "error",
    "Lampiran II UU 12/2011 angka 2 (diubah UU 13/2022)",
    "Judul memuat jenis, nomor, tahun, dan nama",
)
def judul_order(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    lines = [n.plain() for n in _body(ctx)]
    shape = (
        len(lines) == 4
        and _JENIS.match(lines[0])
        and lines[1].upper().startswith("NOMOR ")
        and " TAHUN " in lines[1].upper()
        and lines[2].upper() == "TENTANG"
        and lines[3].strip()
    )
    if not shape:
        yield Hit(
            "judul",
            "Judul harus terdiri atas baris PERATURAN <JABATAN> <NAMA DAERAH>, NOMOR ... TAHUN ..., "
            "TENTANG, dan nama peraturan, dalam urutan itu; susun ulang baris judul.",
        )


@rule(
    "R6",
    "error",
    "Lampiran II UU 12/2011 angka 4",
    "Judul seluruhnya huruf kapital, di tengah, tanpa tanda baca akhir",
)
def judul_capitals(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for line in ctx.judul():
        text = line.plain()
        if text != text.upper():
            yield Hit(line.key, f'Judul ditulis seluruhnya dengan huruf kapital: tulis "{text.upper()}".')
        if text[-1:] in {".", ",", ";", ":"} and not text.endswith(PLACEHOLDER):
            yield Hit(line.key, f'Judul tidak diakhiri tanda baca: hapus "{text[-1]}" di akhir "{text}".')
        if ctx.styles.get(line.key, "Judul") != "Judul":
            yield Hit(line.key, "Judul diletakkan di tengah marjin: cetak baris ini dengan gaya Judul.")


@rule(
    "R7",
    "error",
    "Lampiran II UU 12/2011 angka 2a (UU 13/2022)",
    "Nomor hanya angka Arab, tanpa huruf, angka Romawi, atau tanda baca",
)
def judul_nomor(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    nomor = _nomor(ctx)
    if nomor is not None and not NOMOR.match(nomor.plain()):
        yield Hit(
            nomor.key,
            f"Nomor peraturan hanya angka Arab tanpa huruf, angka Romawi, atau tanda baca dan bukan nomor "
            f'naskah dinas: ganti "{nomor.plain()}" dengan "NOMOR 12 TAHUN 2025" (atau "NOMOR ... TAHUN '
            '...").',
        )


@rule(
    "R8",
    "error",
    "Lampiran II UU 12/2011 angka 4a (UU 13/2022)",
    "Rancangan diawali kata RANCANGAN; nomor dan tahun berupa elipsis",
)
def judul_rancangan(draft: Draft, ctx: Context) -> Iterator[Hit]:
    lines = ctx.judul()
    marked = bool(lines) and lines[0].plain().casefold() == "rancangan"
    if draft.meta.draft and not marked:
        yield Hit("judul", "Rancangan harus diawali kata RANCANGAN sebelum judul: tambahkan baris RANCANGAN.")
    if not draft.meta.draft and marked:
        yield Hit(lines[0].key, "Naskah final tidak memuat kata RANCANGAN: hapus baris RANCANGAN.")
    nomor = _nomor(ctx)
    if (
        draft.meta.draft
        and nomor is not None
        and NOMOR.match(nomor.plain())
        and re.search("[0-9]", nomor.plain())
    ):
        yield Hit(nomor.key, 'Pada rancangan, nomor dan tahun ditulis elipsis: tulis "NOMOR ... TAHUN ...".')


@rule("R9", "warning", "Lampiran II UU 12/2011 angka 3", "Nama peraturan singkat: satu kata atau frasa")
def judul_short(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    words = ctx.nama().split()
    if len(words) > _MAX_WORDS:
        yield Hit(
            "judul",
            f"Nama peraturan terdiri atas {len(words)} kata; rumuskan dalam satu kata atau frasa singkat "
            f"(paling banyak {_MAX_WORDS} kata) yang mencerminkan isi.",
        )


@rule(
    "R10",
    "error",
    "Lampiran II UU 12/2011 angka 5 (diubah UU 13/2022)",
    "Nama peraturan tanpa tambahan singkatan atau akronim",
)
def judul_acronym(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    match = _ACRONYM.search(ctx.nama())
    if match:
        yield Hit("judul", f'Judul tidak boleh ditambah singkatan atau akronim: hapus "{match.group()}".')
