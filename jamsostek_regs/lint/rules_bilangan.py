"""Numbers and word choice: R111 to R117 (Lampiran II UU 12/2011 angka 86, 247-270)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.lint.text import date_pattern
from jamsostek_regs.model import Draft
from jamsostek_regs.numerals import decimal_words, persen, rupiah

_NUMBER = re.compile(r"(?<![\w.,/-])\d+(?:\.\d{3})*(?:,\d+)?(?![\w/-]|[.,]\d)")
#: Fast first looks (Scope.containing): what a text needs for the pattern after it to match.
_DIGIT = re.compile(r"\d")
_PERCENT_SIGN = re.compile(r"%|persen")
_RP = re.compile("Rp")
_PALING = re.compile("paling ")
_WORDS = re.compile(r" \((?P<words>[^()]*)\)")
#: Numbers that are not quantities: references, regulation numbers and years, money, percentages, years.
_EXEMPT = re.compile(
    r"(?i:\b(?:pasal|angka|nomor|tahun) [\d./]+\w*|\bayat \(\d+\w?\))"
    r"|Rp\.?\s?[\d.,]+|\b(?:19|20)\d{2}\b|\d+(?:,\d+)?\s?(?:%|persen\b)"
)
_PERCENT = re.compile(r"(?<![\w.,])\d+(?:\.\d{3})*(?:,\d+)?(?:\s?%|\s?persen\b)")
_MONEY = re.compile(r"Rp\.?\s?\d[\d.,]*\d|Rp\.?\s?\d")
#: Words L2 angka 255-256a replaces, with the replacement.
_LIMITS = {
    "sekurang-kurangnya": "paling sedikit / paling singkat / paling rendah",
    "selambat-lambatnya": "paling lambat",
    "secepat-cepatnya": "paling cepat",
    "sebanyak-banyaknya": "paling banyak",
    "setinggi-tingginya": "paling tinggi",
    "serendah-rendahnya": "paling rendah",
    "selama-lamanya": "paling lama",
    "sesingkat-singkatnya": "paling singkat",
    "maksimal": "paling banyak / paling lama / paling tinggi",
    "maksimum": "paling banyak / paling lama / paling tinggi",
    "minimum": "paling sedikit / paling singkat / paling rendah",
}
_LIMIT_UNITS = re.compile(
    r"\bpaling (?:sedikit|banyak) \d[\d.,]* \([^()]*\) (?:hari|minggu|bulan|tahun)\b"
    r"|\bpaling (?:lama|singkat|lambat|cepat|tinggi|rendah) Rp"
)
#: Deontic words (L2 angka 265-270) and conditionals (angka 247-248, 257-261), with the replacement.
_DEONTIC = {
    "berkewajiban": "wajib",
    "diwajibkan": "wajib",
    "mempunyai hak": "berhak",
    "memiliki hak": "berhak",
    "mempunyai kewenangan": "berwenang",
    "memiliki kewenangan": "berwenang",
    "mempunyai wewenang": "berwenang",
    "tidak boleh": "dilarang",
    "tidak diperbolehkan": "dilarang",
    "diperbolehkan": "dapat",
    "sebaiknya": "harus atau wajib",
    "seharusnya": "harus atau wajib",
}
_CONDITIONAL = {
    "bilamana": "apabila",
    "jikalau": "jika",
    "manakala": "apabila",
    "seandainya": "dalam hal",
    "andaikata": "dalam hal",
    "sekiranya": "dalam hal",
    "asalkan": "jika",
}
_OPEN_ENDED = re.compile(r"\bantara lain\b|\b(?:namun|tetapi) tidak terbatas pada\b", re.I)


def _value(digits: str) -> Decimal | None:
    try:
        return Decimal(digits.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def _exempt(text: str) -> list[range]:
    spans = [range(m.start(), m.end()) for m in _EXEMPT.finditer(text)]
    spans += [range(m.start(), m.end()) for m in re.finditer(date_pattern(), text)]
    return spans


@rule(
    "R111",
    "error",
    "Lampiran II UU 12/2011 angka 86",
    "Bilangan ditulis angka diikuti kata dalam kurung: 30 (tiga puluh)",
)
def number_words(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node, text in ctx.body.containing(_DIGIT):
        numbers = list(_NUMBER.finditer(text))
        spans = _exempt(text) if numbers else []
        for match in numbers:
            if any(match.start() in span for span in spans):
                continue
            value = _value(match.group())
            words = _WORDS.match(text, match.end())
            if value is not None and (words is None or words["words"] != decimal_words(value)):
                yield Hit(
                    node.key,
                    f'Tulis bilangan dengan angka diikuti kata dalam kurung: "{match.group()} '
                    f'({decimal_words(value)})".',
                )


@rule("R112", "error", "Lampiran II UU 12/2011 angka 86 dan 237", "Persentase: 50% (lima puluh persen)")
def percentages(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node, text in ctx.body.containing(_PERCENT_SIGN):
        for match in _PERCENT.finditer(text):
            value = _value(re.sub(r"\s?(?:%|persen)$", "", match.group()))
            if value is not None and not text.startswith(persen(value), match.start()):
                yield Hit(node.key, f'Tulis persentase "{persen(value)}", bukan "{match.group()}".')


@rule(
    "R113",
    "error",
    "Lampiran II UU 13/2022 angka 270c; Lampiran II UU 12/2011 angka 119-120",
    "Uang: Rp50.000.000,00 (lima puluh juta rupiah)",
)
def money(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node, text in ctx.body.containing(_RP):
        for match in _MONEY.finditer(text):
            digits = re.sub(r"^Rp\.?\s?", "", match.group())
            value = _value(digits) if "," in digits or digits.count(".") != 1 else None
            expected = (
                rupiah(value)
                if value is not None and value >= 0
                else "Rp50.000.000,00 (lima puluh juta rupiah)"
            )
            if not text.startswith(expected, match.start()):
                yield Hit(
                    node.key,
                    'Tulis jumlah uang "Rp" tanpa spasi, titik ribuan, ",00", lalu kata dalam kurung: '
                    f'"{expected}".',
                )


@rule(
    "R114",
    "error",
    "Lampiran II UU 12/2011 angka 255-256; UU 13/2022 angka 256a",
    "Batas: paling singkat/lama, paling lambat/cepat, paling sedikit/banyak, paling rendah/tinggi",
)
def limits(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    words = re.compile(rf"\b(?:{'|'.join(_LIMITS)})\b", re.I)
    for node, match in ctx.norms.matches(words):
        yield Hit(node.key, f'Ganti "{match.group()}" dengan "{_LIMITS[match.group().lower()]}".')
    for node, text in ctx.norms.containing(_PALING):
        for match in _LIMIT_UNITS.finditer(text):
            yield Hit(
                node.key,
                f'"{match.group()}": jangka waktu memakai "paling singkat/paling lama", uang "paling '
                'sedikit/paling banyak".',
            )


def _phrases(ctx: Context, table: dict[str, str], what: str) -> Iterator[Hit]:
    pattern = re.compile(rf"\b(?:{'|'.join(table)})\b", re.I)
    for node, match in ctx.norms.matches(pattern):
        yield Hit(
            node.key, f'Untuk {what} gunakan "{table[match.group().lower()]}", bukan "{match.group()}".'
        )


@rule(
    "R115",
    "warning",
    "Lampiran II UU 12/2011 angka 265-270",
    "Norma: berhak, berwenang, dapat, wajib, harus, dilarang",
)
def deontic(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _phrases(ctx, _DEONTIC, "menyatakan hak, kewenangan, kewajiban, atau larangan")


@rule(
    "R116",
    "warning",
    "Lampiran II UU 12/2011 angka 247-248 dan 257-261",
    "Syarat: jika, apabila, dalam hal, pada saat",
)
def conditionals(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    yield from _phrases(ctx, _CONDITIONAL, "menyatakan syarat")


@rule(
    "R117",
    "error",
    "Lampiran II UU 13/2022 angka 270b",
    'Norma tanpa frasa "antara lain" atau "namun tidak terbatas pada"',
)
def open_ended(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node, match in ctx.norms.matches(_OPEN_ENDED):
        yield Hit(
            node.key, f'Rumusan norma tidak memakai frasa "{match.group()}": sebut unsurnya secara lengkap.'
        )
