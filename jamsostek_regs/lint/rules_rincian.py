"""Rincian (lists in a Pasal or ayat): R52 to R57 (Lampiran II UU 12/2011 angka 87 to 95).

A list's printed endings are read back from the tree: every item but the last ends with ";",
the second-to-last with "; dan", "; atau" or "; dan/atau", the last with "." (or, in a
sub-list, with whatever its parent item would end with); an item with sub-items ends with ":".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.numerals import letter_label

_SHAPES = (r"[a-z]+\.", r"[0-9]+\.", r"[a-z]+\)", r"[0-9]+\)")
_LABELS = ("a.", "1.", "a)", "1)")
_CONNECTIVE = re.compile(r"^; (?:dan|atau|dan/atau)$")
_PROPER = frozenset(
    ["Camat", "Lurah", "Bupati", "Gubernur", "Presiden", "Menteri", "Pemerintah", "Kejaksaan", "Kepolisian"]
)


def _items(node: Node) -> list[Node]:
    return [c for c in node.children if c.kind == "item"]


def _lists(ctx: Context) -> Iterator[tuple[Node, int]]:
    """Every list parent (ayat or lampiran line, then items with sub-items) with the list's depth."""
    tops = [n for n in ctx.body if n.kind == "ayat" and n.style != "definisi"]
    for lampiran in ctx.parts("lampiran"):
        tops += [c for c in lampiran.children if c.kind == "line"]
    for top in tops:
        yield from _nested(top, 0)


def _nested(parent: Node, depth: int) -> Iterator[tuple[Node, int]]:
    items = _items(parent)
    if items:
        yield parent, depth
        for item in items:
            yield from _nested(item, depth + 1)


def _leaf(item: Node) -> Node:
    """The item whose ending closes ``item``: itself, or the last leaf of its sub-list."""
    items = _items(item)
    return _leaf(items[-1]) if items else item


def _closes(item: Node) -> str:
    return _leaf(item).end


@rule(
    "R52",
    "error",
    "Lampiran II UU 12/2011 angka 87 huruf a dan f",
    "Rincian diawali frasa pembuka yang diakhiri titik dua",
)
def list_opening(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for parent, depth in _lists(ctx):
        if depth == 0 and not parent.plain().endswith(":"):
            yield Hit(
                parent.key,
                "Frasa pembuka rincian diakhiri titik dua (:) dan dibaca satu kalimat dengan rinciannya.",
            )


@rule(
    "R53",
    "error",
    "Lampiran II UU 12/2011 angka 87 huruf b-d dan f",
    "Rincian diawali huruf kecil, diakhiri titik koma; yang dirinci lagi diakhiri titik dua",
)
def list_items(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for parent, _depth in _lists(ctx):
        items = _items(parent)
        for i, item in enumerate(items):
            if _items(item) and not item.plain().endswith(":"):
                yield Hit(item.key, "Rincian yang masih dirinci lebih lanjut diakhiri titik dua (:).")
            if i < len(items) - 1 and not _closes(item).startswith(";"):
                yield Hit(_leaf(item).key, f'Rincian diakhiri titik koma (;), bukan "{_closes(item)}".')
            if _capitalised(item, ctx):
                yield Hit(
                    item.key,
                    "Setiap rincian diawali huruf kecil, kecuali istilah yang didefinisikan atau nama diri.",
                )


def _capitalised(item: Node, ctx: Context) -> bool:
    """A rincian starting with a capitalised common word ("Menjamin ...")."""
    text = item.plain()
    words = text.split()
    if len(words) < 2 or not words[0][:1].isupper() or words[0].isupper() or words[0] in _PROPER:
        return False
    if any(text.startswith(name) for term in ctx.terms for name in term.names):
        return False
    return words[1][:1].islower()


@rule(
    "R54",
    "error",
    "Lampiran II UU 12/2011 angka 87 huruf g-h, 93-95",
    "Rincian bertingkat a. > 1. > a) > 1), paling banyak 4 tingkat",
)
def list_depth(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for parent, depth in _lists(ctx):
        for item in _items(parent):
            if depth >= len(_SHAPES):
                yield Hit(
                    item.key,
                    "Rincian tidak melebihi 4 tingkat: pindahkan tingkat kelima ke pasal atau ayat lain.",
                )
            elif not re.fullmatch(_SHAPES[depth], item.num):
                yield Hit(
                    item.key,
                    f'Rincian tingkat {depth + 1} ditandai seperti "{_LABELS[depth]}", bukan "{item.num}".',
                )


@rule(
    "R55",
    "error",
    "Lampiran II UU 12/2011 angka 88-91",
    "Kata dan/atau/dan/atau hanya setelah rincian kedua dari terakhir",
)
def list_connective(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for parent, _depth in _lists(ctx):
        items = _items(parent)
        for i, item in enumerate(items[:-1]):
            penultimate = i == len(items) - 2
            if penultimate != bool(_CONNECTIVE.match(_closes(item))):
                message = (
                    'Rincian kedua dari terakhir diakhiri "; dan", "; atau", atau "; dan/atau".'
                    if penultimate
                    else "Kata dan, atau, dan/atau hanya diletakkan setelah rincian kedua dari terakhir."
                )
                yield Hit(_leaf(item).key, message)


@rule("R56", "error", "Lampiran II UU 12/2011 angka 92-95", "Rincian terakhir diakhiri titik")
def list_end(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for parent, depth in _lists(ctx):
        items = _items(parent)
        if depth == 0 and _closes(items[-1]) != ".":
            yield Hit(
                _leaf(items[-1]).key, f'Rincian terakhir diakhiri titik (.), bukan "{_closes(items[-1])}".'
            )


@rule("R57", "error", "Lampiran II UU 12/2011 angka 92-95", "Huruf dan angka rincian berurutan")
def list_sequence(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for parent, depth in _lists(ctx):
        if depth >= len(_SHAPES):
            continue
        for i, item in enumerate(_items(parent), 1):
            expected = (letter_label(i) if depth % 2 == 0 else str(i)) + item.num[-1:]
            if re.fullmatch(_SHAPES[depth], item.num) and item.num != expected:
                yield Hit(item.key, f'Rincian ke-{i} ditandai "{expected}", bukan "{item.num}".')
