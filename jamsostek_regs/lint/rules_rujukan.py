"""Cross-references (teknik pengacuan): R68 to R72 and R74 to R77 (L2 angka 272 to 280, 251)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.refs import Address, Chain, chains, number, ordinal, resolves
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.model import Draft, Node, Ref

_WRONG_FORMULA = re.compile(r"dimaksud pada Pasal\b|dimaksud dalam (?:ayat|huruf|angka)\b")
_CAPITALS = re.compile(r"(?<![\w-])(?:pasal \d|Ayat \(\d|Huruf [a-z]\b|Angka \d)")
_PASAL_INI = re.compile(r"\bPasal ini\b")
_VAGUE = re.compile(
    r"\b(?:pasal|ayat|huruf|angka|ketentuan) (?:yang )?(?:terdahulu|tersebut di atas|di atas)\b", re.I
)
_NO_PREJUDICE = re.compile(r"\b(?:tanpa mengurangi|dengan tidak mengurangi|tanpa menyimpang dari)\b", re.I)
_LAMPIRAN = re.compile(r"\bLampiran(?: (?P<num>[IVXLC]+))?\b")


def _scan(ctx: Context, pattern: re.Pattern[str], message: str) -> Iterator[Hit]:
    for node, match in ctx.body.matches(pattern):
        yield Hit(node.key, message.format(found=match.group()))


def _internal(ctx: Context) -> Iterator[tuple[Node, Chain]]:
    for node in ctx.body:
        for chain in chains(ctx.plain(node)):
            if not chain.external:
                yield node, chain


@rule(
    "R68",
    "error",
    "Lampiran II UU 12/2011 angka 272",
    "Rumusan acuan: dimaksud dalam Pasal ...; dimaksud pada ayat ... dalam pasal yang sama",
)
def reference_formula(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _scan(
        ctx,
        _WRONG_FORMULA,
        'Tulis "sebagaimana dimaksud dalam Pasal ..." untuk pasal lain dan "sebagaimana dimaksud pada '
        'ayat/huruf ..." dalam pasal yang sama, bukan "{found}".',
    )


@rule(
    "R69",
    "error",
    "Lampiran II UU 12/2011 angka 80 dan 84",
    "Acuan: Pasal berhuruf awal kapital; ayat, huruf, angka huruf kecil",
)
def reference_capitals(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node, match in ctx.printed.matches(_CAPITALS):
        if node.kind in {"item", "ayat", "line"} and not ctx.plain(node).isupper():
            yield Hit(
                node.key,
                'Dalam acuan, "Pasal" diawali huruf kapital dan "ayat", "huruf", "angka" huruf kecil: '
                f'"{match.group()}".',
            )


@rule(
    "R70",
    "error",
    "Lampiran II UU 12/2011 angka 273-274",
    "Lebih dari dua acuan berurutan ditulis dengan sampai dengan",
)
def reference_ranges(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node in ctx.body:
        for chain in chains(ctx.plain(node)):
            run = _longest_run(chain.addresses)
            if len(run) > 2:
                first, last = run[0], run[-1]
                text = ctx.plain(node)
                yield Hit(
                    node.key,
                    f'Acuan berurutan ditulis "{text[first.start : first.end]} sampai dengan '
                    f'{text[last.start : last.end]}".',
                )


def _longest_run(addresses: tuple[Address, ...]) -> list[Address]:
    """The longest run of consecutive addresses that differ only by one more in their last part."""
    best: list[Address] = []
    run: list[Address] = []
    for address in addresses:
        previous = run[-1] if run else None
        if previous is not None and _follows(previous, address):
            run.append(address)
        else:
            run = [address]
        best = run if len(run) > len(best) else best
    return best


def _follows(a: Address, b: Address) -> bool:
    if len(a.parts) != len(b.parts) or a.parts[:-1] != b.parts[:-1] or a.parts[-1][0] != b.parts[-1][0]:
        return False
    x, y = ordinal(a.parts[-1][1]), ordinal(b.parts[-1][1])
    return x is not None and y == x + 1


@rule(
    "R71", "error", "Lampiran II UU 12/2011 angka 275", 'Acuan dalam pasal yang sama tanpa frasa "Pasal ini"'
)
def reference_pasal_ini(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _scan(
        ctx, _PASAL_INI, 'Acuan ke ayat dalam pasal yang sama tidak menyebut "Pasal ini": hapus "{found}".'
    )


@rule(
    "R72",
    "error",
    "Lampiran II UU 12/2011 angka 276",
    "Beberapa acuan: ayat pasal yang sama dahulu, lalu pasal berurutan naik",
)
def reference_order(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node, chain in _internal(ctx):
        keys = [_sort_key(a) for a in chain.addresses]
        if any(b <= a for a, b in pairwise(keys)):
            yield Hit(
                node.key,
                "Urutkan acuan: ayat dalam pasal yang sama lebih dahulu, lalu pasal lain dari nomor kecil "
                "ke besar.",
            )


def _sort_key(address: Address) -> tuple[int, int, int]:
    items = [v for u, v in address.parts if u in {"huruf", "angka"}]
    return (
        number(address.value("pasal")),
        number(address.value("ayat")),
        (ordinal(items[0]) or 0) if items else 0,
    )


@rule("R74", "warning", "Lampiran II UU 12/2011 angka 279", "Hindari acuan ke pasal atau ayat sesudahnya")
def reference_forward(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node, chain in _internal(ctx):
        here_pasal = ctx.pasal_num(node) or 0
        here_ayat = number(ctx.ayat_of[node.key].num.strip("()")) if node.key in ctx.ayat_of else 0
        for address in chain.addresses:
            pasal = number(address.value("pasal"))
            ayat = number(address.value("ayat"))
            if pasal > here_pasal or (not pasal and address.unit == "ayat" and ayat > here_ayat > 0):
                yield Hit(
                    node.key,
                    "Hindari acuan ke pasal atau ayat yang terletak sesudahnya: pindahkan ketentuan yang "
                    "diacu ke depan.",
                )


@rule(
    "R75",
    "error",
    "Lampiran II UU 12/2011 angka 280",
    'Acuan menyebut nomor, bukan "pasal terdahulu" atau "tersebut di atas"',
)
def reference_vague(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _scan(ctx, _VAGUE, 'Sebut nomor pasal atau ayat yang diacu secara tegas, bukan "{found}".')


@rule(
    "R76",
    "error",
    "Lampiran II UU 12/2011 angka 251",
    'Tanpa frasa "tanpa mengurangi", "dengan tidak mengurangi", "tanpa menyimpang dari"',
)
def reference_no_prejudice(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _scan(
        ctx,
        _NO_PREJUDICE,
        'Jangan gunakan frasa "{found}" untuk mengacu: rumuskan hubungan ketentuannya secara tegas.',
    )


@rule(
    "R77",
    "error",
    "UU 13/2022 Penjelasan Pasal 72 ayat (1a); Lampiran II UU 12/2011 angka 272",
    "Setiap acuan menunjuk pasal, ayat, huruf, angka, atau lampiran yang ada",
)
def reference_exists(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node, chain in _internal(ctx):
        for address in chain.addresses:
            if not resolves(address, ctx.pasal_of.get(node.key), ctx.ayat_of.get(node.key), ctx.pasals):
                yield Hit(
                    node.key, f"Acuan {_words(address)} tidak ada dalam rancangan ini: perbaiki nomornya."
                )
    yield from _lampiran_refs(ctx)
    for node in ctx.body:
        if any(isinstance(p, Ref) and not p.words for p in node.text):
            yield Hit(node.key, "Acuan belum terisi: rujukan tidak menunjuk ketentuan yang ada.")


def _words(address: Address) -> str:
    return " ".join(
        f"{u.capitalize() if u == 'pasal' else u} {f'({v})' if u == 'ayat' else v}" for u, v in address.parts
    )


def _lampiran_refs(ctx: Context) -> Iterator[Hit]:
    nums = {lampiran.num for lampiran in ctx.parts("lampiran")}
    for node in ctx.body:
        for match in _LAMPIRAN.finditer(ctx.plain(node)):
            num = match["num"] or ""
            if num not in nums:
                yield Hit(
                    node.key,
                    f'Acuan "{match.group()}" tidak menunjuk lampiran yang ada: perbaiki nomor lampirannya.',
                )
