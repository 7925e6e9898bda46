"""What a Perkada may not contain: R79 to R82 (Lampiran II UU 12/2011 angka 117, 200-217)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.model import Draft, Node

_PIDANA = re.compile(r"\b(?:dipidana|pidana (?:kurungan|penjara|denda)|sanksi pidana)\b", re.I)
_PENYIDIKAN = re.compile(r"\b(?:penyidik pegawai negeri sipil|PPNS|penyidikan)\b", re.I)
_BLANKET = re.compile(r"\bhal-hal yang belum (?:cukup )?diatur\b|\bhal yang belum diatur\b", re.I)
_DELEGATES = re.compile(r"\bdiatur (?:lebih lanjut (?:dengan|dalam)|dengan) (?:Peraturan|Keputusan)\b")
_DELEGATION = re.compile(
    r"^Ketentuan (?:lebih lanjut )?mengenai .+ diatur (?:dengan|dengan atau berdasarkan) "
    r"(?:Peraturan|Keputusan) .+\.$"
)


def _group_titles(ctx: Context) -> Iterator[Node]:
    body = ctx.part("batang_tubuh")
    yield from (n for n in body.walk() if n.title) if body else ()


def _forbidden(ctx: Context, word: str, pattern: re.Pattern[str], what: str) -> Iterator[Hit]:
    for node in _group_titles(ctx):
        if word in node.title.upper():
            yield Hit(
                node.key, f"Ketentuan {what} hanya dimuat dalam undang-undang dan perda: hapus bab ini."
            )
    for node, match in ctx.body.matches(pattern):
        yield Hit(node.key, f'Perkada tidak memuat ketentuan {what}: hapus "{match.group()}".')


@rule(
    "R79",
    "error",
    "Lampiran II UU 12/2011 angka 117; UU 12/2011 Pasal 15 ayat (1)",
    "Perkada tidak memuat ketentuan pidana",
)
def no_pidana(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _forbidden(ctx, "PIDANA", _PIDANA, "pidana")


@rule("R80", "error", "Lampiran II UU 12/2011 angka 217", "Perkada tidak memuat ketentuan penyidikan")
def no_penyidikan(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _forbidden(ctx, "PENYIDIKAN", _PENYIDIKAN, "penyidikan")


@rule(
    "R81",
    "error",
    "Lampiran II UU 12/2011 angka 210",
    "Tanpa delegasi blangko (Hal-hal yang belum diatur ...)",
)
def no_blanket_delegation(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node, match in ctx.body.matches(_BLANKET):
        yield Hit(
            node.key,
            f'Jangan mendelegasikan secara blangko ("{match.group()}"): sebut materi yang didelegasikan.',
        )


@rule(
    "R82",
    "error",
    "Lampiran II UU 12/2011 angka 200-209",
    "Delegasi: Ketentuan (lebih lanjut) mengenai ... diatur dengan ..., pada ayat terakhir",
)
def delegation_form(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node in ctx.norms:
        text = ctx.plain(node)
        if not _DELEGATES.search(text):
            continue
        pasal = ctx.pasal_of[node.key]
        if not _DELEGATION.match(text):
            yield Hit(
                node.key,
                'Rumuskan delegasi "Ketentuan lebih lanjut mengenai ... diatur dengan Peraturan ..." (atau '
                '"diatur dengan atau berdasarkan"), dengan menyebut materi dan jenis peraturannya.',
            )
        elif node.kind == "ayat" and node is not pasal.children[-1]:
            yield Hit(
                node.key,
                "Delegasi diletakkan pada ayat terakhir pasal yang bersangkutan: pindahkan ayat ini.",
            )
