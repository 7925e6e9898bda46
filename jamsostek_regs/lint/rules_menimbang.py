"""Konsiderans (Menimbang): R17 to R21 and R24 (Lampiran II UU 12/2011 angka 17 to 27)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.lint.text import KEPALA, casefold_equal, sentence_breaks, to_title
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.numerals import letter_label

_CLOSING = re.compile(
    r"^bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam (?P<refs>.+?),? "
    rf"perlu menetapkan Peraturan {KEPALA} tentang .+;$"
)
_TENTANG = re.compile(rf"perlu menetapkan Peraturan {KEPALA} tentang (?P<nama>.+);$")
_ONLY_NEED = re.compile(r"^bahwa (?:dianggap |dipandang )?perlu\b|\bdianggap perlu\b")


def _items(ctx: Context) -> tuple[Node, ...]:
    pembukaan = ctx.part("pembukaan")
    group = next((c for c in pembukaan.children if c.kind == "konsiderans"), None) if pembukaan else None
    return group.children if group else ()


def _letters(count: int) -> str:
    """ "huruf a, huruf b, dan huruf c" for the ``count`` items before the closing one."""
    words = [f"huruf {letter_label(i)}" for i in range(1, count + 1)]
    return " dan ".join(words) if len(words) <= 2 else ", ".join(words[:-1]) + ", dan " + words[-1]


@rule(
    "R17",
    "error",
    "Lampiran II UU 12/2011 angka 17",
    "Konsiderans diawali kata Menimbang dan berisi pokok pikiran",
)
def menimbang_present(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    if not _items(ctx):
        yield Hit(
            "pembukaan", "Konsiderans diawali kata Menimbang dan memuat pokok pikiran: tambahkan Menimbang."
        )


@rule(
    "R18",
    "error",
    "Lampiran II UU 12/2011 angka 22",
    "Pokok pikiran berhuruf a., b., ..., satu kalimat diawali bahwa, diakhiri titik koma",
)
def menimbang_items(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    items = _items(ctx)
    if len(items) < 2:
        return
    for i, item in enumerate(items, 1):
        text = item.plain()
        if item.num != f"{letter_label(i)}.":
            yield Hit(
                item.key, f'Pokok pikiran ke-{i} diberi huruf "{letter_label(i)}.", bukan "{item.num}".'
            )
        if not text.startswith("bahwa ") or not text.endswith(";"):
            yield Hit(item.key, 'Setiap pokok pikiran diawali kata "bahwa" dan diakhiri titik koma (;).')
        if sentence_breaks(text):
            yield Hit(
                item.key,
                "Setiap pokok pikiran dirumuskan dalam satu kalimat: gabungkan atau pisahkan menjadi huruf "
                "baru.",
            )


@rule(
    "R19",
    "error",
    "Lampiran II UU 12/2011 angka 23",
    "Pokok pikiran terakhir merujuk semua huruf sebelumnya dan perlu menetapkan Peraturan ...",
)
def menimbang_closing(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    items = _items(ctx)
    if len(items) < 2:
        return
    last = items[-1]
    match = _CLOSING.match(last.plain())
    expected = _letters(len(items) - 1)
    if match is None or match["refs"] != expected:
        yield Hit(
            last.key,
            'Rumuskan pokok pikiran terakhir "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam '
            f'{expected}, perlu menetapkan Peraturan {ctx.level.kepala[0]} tentang {to_title(ctx.nama())};".',
        )


@rule(
    "R20",
    "error",
    "Lampiran II UU 12/2011 angka 23 jo. angka 59",
    "Nama peraturan dalam konsiderans sama dengan judul",
)
def menimbang_nama(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    items = _items(ctx)
    match = _TENTANG.search(items[-1].plain()) if items else None
    if match and not casefold_equal(match["nama"], ctx.nama()):
        yield Hit(
            items[-1].key,
            f'Nama peraturan dalam konsiderans harus sama dengan judul: "{to_title(ctx.nama())}".',
        )


@rule(
    "R21",
    "error",
    "Lampiran II UU 12/2011 angka 24-27",
    "Konsiderans dengan satu pokok pikiran tidak diberi huruf",
)
def menimbang_single(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    items = _items(ctx)
    if len(items) == 1 and items[0].num:
        yield Hit(
            items[0].key,
            f'Konsiderans yang hanya memuat satu pokok pikiran tidak diberi huruf: hapus "{items[0].num}".',
        )


@rule(
    "R24",
    "warning",
    "Lampiran II UU 12/2011 angka 20",
    "Pokok pikiran tidak sekadar menyatakan peraturan dianggap perlu",
)
def menimbang_reason(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for item in _items(ctx):
        if _ONLY_NEED.search(item.plain()):
            yield Hit(
                item.key,
                "Pokok pikiran harus memuat pertimbangan dan alasan, bukan sekadar bahwa peraturan dianggap "
                "perlu.",
            )
