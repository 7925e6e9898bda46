"""Pembukaan and diktum: R13 to R16, R39 and R40 (Lampiran II UU 12/2011 angka 14 to 16, 53 to 59)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.lint.text import JABATAN_LINE, casefold_equal
from jamsostek_regs.model import Draft, Node

FRASA = "DENGAN RAHMAT TUHAN YANG MAHA ESA"
_ORDER = ["frasa", "jabatan", "konsiderans", "dasar_hukum", "diktum"]
_MENETAPKAN = re.compile(r"^PERATURAN (?:BUPATI|WALI ?KOTA|GUBERNUR) TENTANG (?P<nama>[^a-z]+)\.$")


def _exact(ctx: Context, suffix: str, expected: str, style: str) -> Iterator[Hit]:
    """A fixed line of the pembukaan: its words, in capitals, centred."""
    line = ctx.child("pembukaan", suffix)
    if line is None:
        return
    if ctx.plain(line) != expected:
        yield Hit(
            line.key, f'Tulis persis "{expected}" (kapital, tanpa spasi antarhuruf), bukan "{line.plain()}".'
        )
    yield from _styled(ctx, line, style, f'"{expected}"')


def _styled(ctx: Context, node: Node, style: str, where: str) -> Iterator[Hit]:
    if ctx.styles.get(node.key, style) != style:
        yield Hit(node.key, f"{where} diletakkan di tengah marjin: cetak baris ini dengan gaya {style}.")


@rule(
    "R13",
    "error",
    "Lampiran II UU 12/2011 angka 14",
    "Urutan pembukaan: frasa, jabatan, konsiderans, dasar hukum, diktum",
)
def pembukaan_order(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    if [r for r in ctx.roles("pembukaan") if r in _ORDER] != _ORDER:
        yield Hit(
            "pembukaan",
            "Pembukaan terdiri atas, berurutan: frasa DENGAN RAHMAT TUHAN YANG MAHA ESA, jabatan pembentuk, "
            "konsiderans (Menimbang), dasar hukum (Mengingat), dan diktum; lengkapi atau susun ulang.",
        )


@rule(
    "R14",
    "error",
    "Lampiran II UU 12/2011 angka 15",
    "Frasa DENGAN RAHMAT TUHAN YANG MAHA ESA, kapital, di tengah",
)
def pembukaan_frasa(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _exact(ctx, "frasa", FRASA, "Frasa")


@rule(
    "R15", "error", "Lampiran II UU 12/2011 angka 16", "Jabatan pembentuk kapital, di tengah, diakhiri koma"
)
def pembukaan_jabatan(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    jabatan = ctx.child("pembukaan", "jabatan")
    if jabatan is None:
        return
    if not JABATAN_LINE.match(jabatan.plain()):
        yield Hit(
            jabatan.key,
            'Jabatan pembentuk ditulis seluruhnya dengan huruf kapital dan diakhiri koma, misalnya "BUPATI '
            f'LOMBOK TIMUR,"; perbaiki "{jabatan.plain()}".',
        )
    yield from _styled(ctx, jabatan, "Jabatan", "Jabatan pembentuk")


@rule(
    "R16",
    "error",
    "Lampiran II UU 12/2011 angka 55-56 dan BAB IV huruf H-J",
    "Perkada tanpa frasa Dengan Persetujuan Bersama",
)
def pembukaan_persetujuan(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    pembukaan = ctx.part("pembukaan")
    for node in pembukaan.walk() if pembukaan else ():
        if "persetujuan bersama" in ctx.plain(node).casefold():
            yield Hit(
                node.key,
                'Perkada tidak dibentuk dengan persetujuan DPRD: hapus frasa "Dengan Persetujuan Bersama".',
            )


@rule(
    "R39",
    "error",
    "Lampiran II UU 12/2011 angka 54",
    "MEMUTUSKAN: kapital tanpa spasi antarhuruf, diakhiri titik dua, di tengah",
)
def diktum_memutuskan(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _exact(ctx, "memutuskan", "MEMUTUSKAN:", "Diktum")


@rule(
    "R40",
    "error",
    "Lampiran II UU 12/2011 angka 57-59",
    "Menetapkan: jenis dan nama peraturan kapital tanpa nama daerah, diakhiri titik",
)
def diktum_menetapkan(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    line = ctx.child("pembukaan", "menetapkan")
    if line is None:
        return
    match = _MENETAPKAN.match(line.plain())
    if match is None:
        yield Hit(
            line.key,
            'Setelah "Menetapkan:" tulis jenis dan nama peraturan seluruhnya kapital, tanpa nama daerah, '
            f'diakhiri titik: "PERATURAN {ctx.level.kepala[0].upper()} TENTANG {ctx.nama().upper()}."',
        )
    elif not casefold_equal(match["nama"], ctx.nama()):
        yield Hit(
            line.key, f'Nama peraturan setelah "Menetapkan:" harus sama dengan judul: "{ctx.nama().upper()}".'
        )
