"""Indonesian numerals, amounts, dates and labels as used in regional regulations.

Every function here is pure. Number words follow the conventions of Indonesian
legislative drafting: ``30 (tiga puluh) hari``, ``Rp16.800,00 (enam belas ribu
delapan ratus rupiah)``, ``19,22% (sembilan belas koma dua puluh dua persen)``.

Each ``parse_*``/``from_*`` function is the exact inverse of its formatter: it
accepts precisely the strings the formatter produces and raises ``ValueError``
for anything else (other spacing, capitalisation or spelling included).
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from string import ascii_lowercase

__all__ = [
    "bilangan",
    "decimal_words",
    "format_decimal",
    "format_int",
    "from_roman",
    "letter_label",
    "ordinal_word",
    "parse_letter_label",
    "parse_ordinal_word",
    "parse_terbilang",
    "persen",
    "roman",
    "rupiah",
    "tanggal",
    "terbilang",
]

TERBILANG_LIMIT = 10**15
"""Exclusive upper bound of the numbers :func:`terbilang` can spell."""

_DIGITS = (
    "nol", "satu", "dua", "tiga", "empat",
    "lima", "enam", "tujuh", "delapan", "sembilan",
)  # fmt: skip
_SCALES = ("", "ribu", "juta", "miliar", "triliun")
_SCALE_VALUES = {word: 1000**i for i, word in enumerate(_SCALES) if word}
_SE_WORDS = {"sepuluh": 10, "sebelas": 11, "seratus": 100}

_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
    "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_ROMAN_VALUES = {symbol: value for value, symbol in _ROMAN if len(symbol) == 1}


def _below_thousand(n: int) -> list[str]:
    """Return the words for ``1 <= n < 1000``."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_DIGITS[hundreds], "ratus"]
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif tens == 1:
        words += [_DIGITS[units], "belas"]
    else:
        if tens:
            words += [_DIGITS[tens], "puluh"]
        if units:
            words.append(_DIGITS[units])
    return words


def terbilang(n: int) -> str:
    """Spell ``0 <= n < 10**15`` in lowercase Indonesian words.

    ``1_331_533`` gives ``"satu juta tiga ratus tiga puluh satu ribu lima ratus
    tiga puluh tiga"``; 10, 11, 100 and 1000 take the prefix ``se-``
    (``sepuluh``, ``sebelas``, ``seratus``, ``seribu``).
    """
    if not 0 <= n < TERBILANG_LIMIT:
        raise ValueError(f"terbilang needs 0 <= n < 10**15, got {n}")
    if n == 0:
        return _DIGITS[0]
    words: list[str] = []
    for power in range(len(_SCALES) - 1, -1, -1):
        group = n // 1000**power % 1000
        if power == 1 and group == 1:
            words.append("seribu")
        elif group:
            words += _below_thousand(group)
            if _SCALES[power]:
                words.append(_SCALES[power])
    return " ".join(words)


def parse_terbilang(words: str) -> int:
    """Return the number ``n`` for which ``terbilang(n) == words``.

    The words are read leniently and the result is then checked by spelling it
    again, so any string :func:`terbilang` would not produce (extra spaces,
    capitals, ``satu ratus``, ``sepuluh satu``...) raises ``ValueError``.
    """
    total = group = pending = 0
    for word in words.split(" "):
        if word in _DIGITS:
            pending = _DIGITS.index(word)
        elif word in _SE_WORDS:
            group += _SE_WORDS[word]
        elif word == "seribu":
            total += 1000
        elif word == "belas":
            group, pending = group + 10 + pending, 0
        elif word == "puluh":
            group, pending = group + 10 * pending, 0
        elif word == "ratus":
            group, pending = group + 100 * pending, 0
        elif word in _SCALE_VALUES:
            total += (group + pending) * _SCALE_VALUES[word]
            group = pending = 0
        else:
            raise ValueError(f"not an Indonesian number word: {word!r} in {words!r}")
    total += group + pending
    if total >= TERBILANG_LIMIT or terbilang(total) != words:
        raise ValueError(f"not a canonical Indonesian number: {words!r}")
    return total


def format_int(n: int) -> str:
    """Group digits with Indonesian thousands dots: ``1331533`` -> ``"1.331.533"``."""
    sign = "-" if n < 0 else ""
    return sign + f"{abs(n):,}".replace(",", ".")


def _to_decimal(value: Decimal | int | str) -> Decimal:
    """Convert ``value`` to a finite ``Decimal`` keeping the digits it was given."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise TypeError(f"expected Decimal, int or str, got {type(value).__name__}")
    try:
        number = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"not a decimal number: {value!r}") from exc
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return number


def _split(number: Decimal) -> tuple[str, str]:
    """Split a finite Decimal into its integer and fractional digit strings."""
    integer, _, fraction = format(abs(number), "f").partition(".")
    return integer, fraction


def format_decimal(value: Decimal | int | str) -> str:
    """Write a number with a decimal comma and thousands dots.

    The digits are exactly those of ``Decimal(value)``: nothing is rounded and
    trailing zeros are kept (``"28.30"`` -> ``"28,30"``, ``"28.3"`` ->
    ``"28,3"``); exponent forms are written out (``"1E+3"`` -> ``"1.000"``).
    """
    number = _to_decimal(value)
    integer, fraction = _split(number)
    sign = "-" if number < 0 else ""
    text = sign + format_int(int(integer))
    return f"{text},{fraction}" if fraction else text


def decimal_words(value: Decimal | int | str) -> str:
    """Spell a non-negative number, reading the fraction after ``koma``.

    The integer part is spelled by :func:`terbilang`. In the fractional digits
    (as kept by :func:`format_decimal`) each leading zero is read ``nol`` and
    the remaining digits as one number: ``"0.05"`` -> ``"nol koma nol lima"``,
    ``"19.22"`` -> ``"sembilan belas koma dua puluh dua"``.
    """
    number = _to_decimal(value)
    if number < 0:
        raise ValueError(f"decimal_words needs a non-negative number, got {value!r}")
    integer, fraction = _split(number)
    words = terbilang(int(integer))
    if not fraction:
        return words
    significant = fraction.lstrip("0")
    zeros = [_DIGITS[0]] * (len(fraction) - len(significant))
    rest = [terbilang(int(significant))] if significant else []
    return " ".join([words, "koma", *zeros, *rest])


def bilangan(value: int | Decimal | str, unit: str = "") -> str:
    """Give the legal form ``digits (words) unit``, e.g. ``"30 (tiga puluh) hari"``."""
    text = f"{format_decimal(value)} ({decimal_words(value)})"
    return f"{text} {unit}" if unit else text


def persen(value: Decimal | int | str) -> str:
    """Give a percentage: ``"19,22% (sembilan belas koma dua puluh dua persen)"``."""
    return f"{format_decimal(value)}% ({decimal_words(value)} persen)"


def rupiah(amount: int | Decimal | str) -> str:
    """Give a non-negative amount of money with two sen digits and its words.

    ``16800`` -> ``"Rp16.800,00 (enam belas ribu delapan ratus rupiah)"``;
    ``Decimal("1500.50")`` -> ``"Rp1.500,50 (seribu lima ratus rupiah lima
    puluh sen)"``. The sen words are left out when the sen are zero. Amounts
    with a fraction of a sen raise ``ValueError`` rather than being rounded.
    """
    number = _to_decimal(amount)
    if number < 0:
        raise ValueError(f"rupiah needs a non-negative amount, got {amount!r}")
    integer, fraction = _split(number)
    if len(fraction.rstrip("0")) > 2:
        raise ValueError(f"rupiah amount has a fraction of a sen: {amount!r}")
    whole, sen = int(integer), int(fraction.ljust(2, "0")[:2])
    words = f"{terbilang(whole)} rupiah"
    if sen:
        words += f" {terbilang(sen)} sen"
    return f"Rp{format_int(whole)},{sen:02d} ({words})"


def tanggal(d: datetime.date) -> str:
    """Write a date the Indonesian way: ``"17 Desember 2024"``."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def roman(n: int) -> str:
    """Write ``1 <= n <= 3999`` as an uppercase Roman numeral: ``11`` -> ``"XI"``."""
    if not 1 <= n <= 3999:
        raise ValueError(f"roman needs 1 <= n <= 3999, got {n}")
    parts: list[str] = []
    for value, symbol in _ROMAN:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def from_roman(s: str) -> int:
    """Read an uppercase Roman numeral in the canonical form :func:`roman` writes.

    Non-canonical spellings such as ``"IIII"``, ``"IC"`` or ``"xi"`` raise
    ``ValueError``.
    """
    if not s or any(char not in _ROMAN_VALUES for char in s):
        raise ValueError(f"not a Roman numeral: {s!r}")
    values = [_ROMAN_VALUES[char] for char in s]
    pairs = zip(values, [*values[1:], 0], strict=True)
    total = sum(-value if value < after else value for value, after in pairs)
    if not 1 <= total <= 3999 or roman(total) != s:
        raise ValueError(f"not a canonical Roman numeral: {s!r}")
    return total


def ordinal_word(n: int) -> str:
    """Give the capitalised ordinal used to number a ``Bagian``.

    The form is ``Ke`` joined to :func:`terbilang` with every later word
    capitalised: 1 -> ``"Kesatu"``, 12 -> ``"Kedua Belas"``, 21 -> ``"Kedua
    Puluh Satu"``, 100 -> ``"Keseratus"``. Needs ``1 <= n < 10**15``.
    """
    if n < 1:
        raise ValueError(f"ordinal_word needs n >= 1, got {n}")
    first, *rest = terbilang(n).split(" ")
    return " ".join(["Ke" + first, *(word.capitalize() for word in rest)])


def parse_ordinal_word(s: str) -> int:
    """Return the ``n`` with ``ordinal_word(n) == s``, else raise ``ValueError``."""
    if not s.startswith("Ke"):
        raise ValueError(f"not an Indonesian ordinal: {s!r}")
    n = parse_terbilang(s[2:].lower())
    if n < 1 or ordinal_word(n) != s:
        raise ValueError(f"not a canonical Indonesian ordinal: {s!r}")
    return n


def letter_label(n: int) -> str:
    """Give the list letter for item ``n >= 1``: ``a``..``z``, then ``aa``, ``bb``..."""
    if n < 1:
        raise ValueError(f"letter_label needs n >= 1, got {n}")
    repeat, index = divmod(n - 1, 26)
    return ascii_lowercase[index] * (repeat + 1)


def parse_letter_label(s: str) -> int:
    """Return the ``n`` with ``letter_label(n) == s``, else raise ``ValueError``."""
    if not s or s[0] not in ascii_lowercase or s != s[0] * len(s):
        raise ValueError(f"not a list letter label: {s!r}")
    return (len(s) - 1) * 26 + ascii_lowercase.index(s[0]) + 1
