"""Ketentuan umum (definitions): R58 to R63 and R65 (Lampiran II UU 12/2011 angka 96 to 109).

R63 and R64 meet in Pasal 1: definitions copied from a higher regulation must be worded
exactly as there (R64), and those statutory texts use defined words in lowercase ("Pemerintah
Daerah adalah Bupati dan perangkat daerah ..." in L2 angka 98 itself). R63 therefore checks
every later use of a defined term (the Pasal after the ketentuan umum and the lampiran, as L2
angka 108 says: "norma yang diatur, penjelasan maupun lampiran") and not the definitions.
For the same reason R61 checks the head of a definition (term, short form, "adalah") and not
its body, which may quote a statute verbatim ("..., selanjutnya disebut Desa, adalah ...").

A few terms of art of UU 23/2014 name the generic notion, not the defined one, and keep their
lowercase ("pemilihan kepala daerah", "daerah otonom", "perencanaan pembangunan daerah",
"pengelolaan keuangan daerah"): :data:`GENERIC` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.lint.text import KEPALA, less_capitalised, phrases_in, word_pattern
from jamsostek_regs.model import Draft, Node, inline_text

_OPENING = re.compile(rf"^Dalam Peraturan {KEPALA} ini yang dimaksud dengan:$")
#: Terms of art in which a defined word ("Daerah") keeps its generic, lowercase meaning.
GENERIC = ("kepala daerah", "daerah otonom", "pembangunan daerah", "keuangan daerah")
_HEAD = re.compile(r"^[A-Z0-9][^,]*?(?: yang selanjutnya (?:disingkat|disebut) [^,]+)?$")


def _definition_ayat(ctx: Context) -> Iterator[Node]:
    for pasal in ctx.pasals:
        if pasal.key in ctx.definitions:
            yield from (a for a in pasal.children if a.style == "definisi")


def _definitions(ctx: Context) -> Iterator[Node]:
    for ayat in _definition_ayat(ctx):
        yield from (c for c in ayat.children if c.kind == "item")


@rule(
    "R58",
    "error",
    "Lampiran II UU 12/2011 angka 96-97",
    "Ketentuan umum diletakkan dalam bab kesatu, pada pasal awal",
)
def ketentuan_umum_first(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    body = ctx.part("batang_tubuh")
    first_bab = body.children[0] if body and body.children else None
    first_keys = {n.key for n in first_bab.walk()} if first_bab else set()
    leading = {p.key for p in ctx.pasals[: len(ctx.definitions)]}
    for key in sorted(ctx.definitions):
        if key not in first_keys or key not in leading:
            yield Hit(
                key, "Ketentuan umum diletakkan dalam BAB I, pada pasal pertama: pindahkan definisi ke sana."
            )


@rule(
    "R59",
    "error",
    "Lampiran II UU 12/2011 angka 99-100",
    "Frasa pembuka: Dalam Peraturan ... ini yang dimaksud dengan:",
)
def definitions_opening(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for ayat in _definition_ayat(ctx):
        if not _OPENING.match(ayat.plain()):
            yield Hit(
                ayat.key,
                f'Frasa pembuka ketentuan umum berbunyi "Dalam Peraturan {ctx.level.kepala[0]} ini yang '
                f'dimaksud dengan:", bukan "{ayat.plain()}".',
            )


@rule(
    "R60",
    "error",
    "Lampiran II UU 12/2011 angka 101",
    "Definisi bernomor 1., 2., ..., diawali huruf kapital, diakhiri titik",
)
def definitions_form(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for ayat in _definition_ayat(ctx):
        items = [c for c in ayat.children if c.kind == "item"]
        for i, item in enumerate(items, 1):
            expected = f"{i}." if len(items) > 1 else ""
            text = item.plain()
            if item.num != expected:
                yield Hit(item.key, f'Definisi ke-{i} diberi nomor "{expected}", bukan "{item.num}".')
            if not text[:1].isupper() or not text.endswith("."):
                yield Hit(item.key, "Setiap definisi diawali huruf kapital dan diakhiri titik (.).")


@rule(
    "R61",
    "error",
    "Lampiran II UU 12/2011 angka 98 (diubah UU 13/2022)",
    "Definisi: <Istilah> (yang selanjutnya disingkat/disebut ...) adalah ...",
)
def definitions_syntax(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for item in _definitions(ctx):
        head, found, _ = inline_text(item.text).partition(" adalah ")
        if not found or not _HEAD.match(head):
            yield Hit(
                item.key,
                'Rumuskan definisi "<Istilah> adalah ...", singkatan "<Istilah> yang selanjutnya disingkat '
                '<SINGKATAN> adalah ...", atau akronim "... yang selanjutnya disebut <Akronim> adalah ...", '
                'tanpa koma sebelum "yang selanjutnya" dan "adalah".',
            )


@rule(
    "R62",
    "warning",
    "Lampiran II UU 12/2011 angka 102 dan 105",
    "Hanya istilah yang digunakan berulang-ulang yang didefinisikan",
)
def definitions_used(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    later = ctx.later.text.casefold()
    for term in ctx.terms:
        uses = _uses(later, term.used.casefold(), enough=2)
        if uses < 2:
            yield Hit(
                term.key,
                f'Istilah "{term.used}" digunakan {uses} kali setelah ketentuan umum: definisikan hanya '
                "istilah yang digunakan berulang-ulang, atau hapus definisinya.",
            )


def _uses(text: str, phrase: str, enough: int) -> int:
    """How often ``phrase`` stands in ``text`` as a whole word or phrase, counting up to ``enough``.

    Each occurrence of the plain string is checked with the word pattern there, which is
    much faster than a regex search of the whole text for every defined term.
    """
    pattern, count, at = word_pattern(phrase, 0), 0, text.find(phrase)
    while at >= 0 and count < enough:
        if pattern.match(text, at):
            count += 1
            at = text.find(phrase, at + len(phrase))
        else:
            at = text.find(phrase, at + 1)
    return count


@rule(
    "R63",
    "error",
    "Lampiran II UU 12/2011 angka 108",
    "Istilah yang didefinisikan ditulis dengan huruf awal kapital",
)
def definitions_capitals(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    names = {name.lower(): (name, term) for term in ctx.terms for name in term.names}
    text = ctx.later.text
    for start, end in phrases_in(text, [*names, *GENERIC]) if names else ():
        written = text[start:end]
        name, term = names.get(written.lower(), ("", None))
        if term is not None and written != name and less_capitalised(written, name):
            yield Hit(
                ctx.later.node_at(start).key,
                f'Istilah "{name}" didefinisikan dalam {ctx.places[term.key]}: tulis "{name}", bukan '
                f'"{written}".',
            )


@rule(
    "R65",
    "warning",
    "Lampiran II UU 12/2011 angka 109 huruf a",
    "Definisi berlingkup umum ditempatkan sebelum yang berlingkup khusus",
)
def definitions_order(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for i, specific in enumerate(ctx.terms):
        for general in ctx.terms[i + 1 :]:
            if general.term != specific.term and word_pattern(general.term, 0).search(specific.term):
                yield Hit(
                    specific.key,
                    f'Istilah umum "{general.term}" ({ctx.places[general.key]}) didefinisikan sebelum '
                    f'istilah khusus "{specific.term}": tukar urutannya.',
                )
