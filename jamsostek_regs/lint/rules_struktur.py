"""Batang tubuh structure and numbering: R41 and R43 to R50 (Lampiran II UU 12/2011 angka 62-83)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.lint.text import sentence_breaks, title_case_errors
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.numerals import ordinal_word, roman

#: Position of the special groups in the batang tubuh (L2 angka 62); materi pokok is 1.
_GROUPS = {"KETENTUAN UMUM": 0, "KETENTUAN LAIN-LAIN": 2, "KETENTUAN PIDANA": 3, "KETENTUAN PERALIHAN": 4,
           "KETENTUAN PENUTUP": 5}  # fmt: skip
#: Which children each level may hold (L2 angka 70): one kind only, never mixed.
_ALLOWED = {
    "batang_tubuh": ({"bab"}, {"pasal"}),
    "bab": ({"pasal"}, {"bagian"}),
    "bagian": ({"pasal"}, {"paragraf"}),
    "paragraf": ({"pasal"},),
}
_MAX_AYAT = 6


def _babs(ctx: Context) -> tuple[Node, ...]:
    body = ctx.part("batang_tubuh")
    return tuple(c for c in body.children if c.kind == "bab") if body else ()


def _groups(ctx: Context, kind: str) -> Iterator[tuple[Node, tuple[Node, ...]]]:
    """Each parent with its children of ``kind`` (for numbering that restarts per parent)."""
    body = ctx.part("batang_tubuh")
    for parent in body.walk() if body else ():
        children = tuple(c for c in parent.children if c.kind == kind)
        if children:
            yield parent, children


@rule(
    "R41",
    "error",
    "Lampiran II UU 12/2011 angka 62",
    "Urutan batang tubuh: ketentuan umum, materi pokok, peralihan, penutup",
)
def bab_order(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    babs = _babs(ctx)
    ranks = [_GROUPS.get(b.title.upper(), 1) for b in babs]
    for bab, rank, before in zip(babs, ranks, [0, *ranks], strict=False):
        if rank < before:
            yield Hit(
                bab.key,
                f'BAB "{bab.title}" tidak pada tempatnya: urutannya ketentuan umum, materi pokok, ketentuan '
                "lain-lain, ketentuan peralihan, ketentuan penutup.",
            )
    if babs and ranks[-1] != _GROUPS["KETENTUAN PENUTUP"]:
        yield Hit(
            babs[-1].key, "BAB terakhir batang tubuh adalah KETENTUAN PENUTUP: tambahkan atau pindahkan."
        )


@rule(
    "R43",
    "error",
    "Lampiran II UU 12/2011 angka 70",
    "Pengelompokan: bab-pasal, bab-bagian-pasal, atau bab-bagian-paragraf-pasal",
)
def grouping(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    body = ctx.part("batang_tubuh")
    for node in body.walk() if body else ():
        allowed = _ALLOWED.get(node.kind)
        kinds = {c.kind for c in node.children}
        if allowed is not None and not any(kinds and kinds <= a for a in allowed):
            yield Hit(
                node.key,
                f"{node.kind.replace('_', ' ').capitalize()} berisi "
                f"{', '.join(sorted(kinds)) or 'apa pun'}: bab berisi pasal atau bagian, bagian berisi "
                "pasal atau paragraf, paragraf berisi pasal, tanpa campuran dan tanpa kelompok kosong.",
            )


@rule(
    "R44",
    "error",
    "Lampiran II UU 12/2011 angka 72",
    "BAB bernomor Romawi berurutan, judul bab huruf kapital",
)
def bab_numbers(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for i, bab in enumerate(_babs(ctx), 1):
        if bab.num != roman(i):
            yield Hit(bab.key, f'BAB ke-{i} diberi nomor "BAB {roman(i)}", bukan "BAB {bab.num}".')
        if not bab.title or bab.title != bab.title.upper():
            yield Hit(bab.key, f'Judul bab ditulis seluruhnya dengan huruf kapital: "{bab.title.upper()}".')


@rule(
    "R45",
    "error",
    "Lampiran II UU 12/2011 angka 73-74",
    "Bagian bernomor bilangan tingkat (Kesatu, Kedua, ...), judul huruf awal kapital",
)
def bagian_numbers(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _headings(ctx, "bagian", ordinal_word)


@rule(
    "R46",
    "error",
    "Lampiran II UU 12/2011 angka 75-76",
    "Paragraf bernomor angka Arab, judul huruf awal kapital",
)
def paragraf_numbers(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _headings(ctx, "paragraf", str)


def _headings(ctx: Context, kind: str, label: Callable[[int], str]) -> Iterator[Hit]:
    """Bagian or Paragraf: numbers restarting in each parent, titles in title case."""
    word = kind.capitalize()
    for _parent, nodes in _groups(ctx, kind):
        for i, node in enumerate(nodes, 1):
            if node.num != label(i):
                yield Hit(node.key, f'{word} ke-{i} ditulis "{word} {label(i)}", bukan "{word} {node.num}".')
            wrong = title_case_errors(node.title)
            if not node.title or wrong:
                yield Hit(
                    node.key,
                    f"Judul {kind} diberi huruf awal kapital pada setiap kata kecuali partikel yang tidak "
                    f"di awal: perbaiki {', '.join(wrong) or 'judul yang kosong'}.",
                )


@rule(
    "R47",
    "error",
    "Lampiran II UU 12/2011 angka 79",
    "Pasal bernomor angka Arab berurutan di seluruh batang tubuh",
)
def pasal_numbers(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for i, pasal in enumerate(ctx.pasals, 1):
        if pasal.num != str(i):
            yield Hit(pasal.key, f'Pasal ke-{i} diberi nomor "Pasal {i}", bukan "Pasal {pasal.num}".')


@rule(
    "R48",
    "error",
    "Lampiran II UU 12/2011 angka 77 (diubah UU 13/2022) dan 83",
    "Satu pasal atau ayat satu kalimat",
)
def one_sentence(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node in ctx.norms:
        if sentence_breaks(ctx.plain(node)):
            yield Hit(
                node.key,
                "Satu pasal atau ayat dirumuskan dalam satu kalimat: pecah menjadi ayat atau pasal baru.",
            )


@rule(
    "R49",
    "error",
    "Lampiran II UU 12/2011 angka 81-82",
    "Ayat bernomor (1), (2), ... tanpa titik; pasal dengan satu ayat tanpa nomor",
)
def ayat_numbers(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for pasal in ctx.pasals:
        many = len(pasal.children) > 1
        for i, ayat in enumerate(pasal.children, 1):
            expected = f"({i})" if many else ""
            if ayat.num == expected:
                continue
            if re.fullmatch(r"\(\d+\)\.", ayat.num):
                message = f'Nomor ayat tidak diakhiri titik: tulis "{expected or ayat.num[:-1]}".'
            elif many:
                message = f'Ayat ke-{i} diberi nomor "{expected}", bukan "{ayat.num}".'
            else:
                message = f'Pasal yang tidak dirinci dalam ayat tidak diberi nomor ayat: hapus "{ayat.num}".'
            yield Hit(ayat.key, message)


@rule(
    "R50",
    "warning",
    "Lampiran II UU 12/2011 angka 78",
    "Lebih baik banyak pasal singkat daripada pasal dengan banyak ayat",
)
def few_ayat(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for pasal in ctx.pasals:
        if len(pasal.children) > _MAX_AYAT:
            yield Hit(
                pasal.key,
                f"Pasal ini memuat {len(pasal.children)} ayat: rumuskan dalam beberapa pasal yang singkat "
                f"(paling banyak {_MAX_AYAT} ayat per pasal).",
            )
