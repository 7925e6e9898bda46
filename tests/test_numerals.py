"""Tests for jamsostek_regs.numerals."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsostek_regs.numerals import (
    bilangan,
    decimal_words,
    format_decimal,
    format_int,
    from_roman,
    letter_label,
    ordinal_word,
    parse_letter_label,
    parse_ordinal_word,
    parse_terbilang,
    persen,
    roman,
    rupiah,
    tanggal,
    terbilang,
)

TERBILANG_CASES = [
    (0, "nol"),
    (1, "satu"),
    (9, "sembilan"),
    (10, "sepuluh"),
    (11, "sebelas"),
    (12, "dua belas"),
    (19, "sembilan belas"),
    (20, "dua puluh"),
    (21, "dua puluh satu"),
    (99, "sembilan puluh sembilan"),
    (100, "seratus"),
    (101, "seratus satu"),
    (110, "seratus sepuluh"),
    (111, "seratus sebelas"),
    (200, "dua ratus"),
    (999, "sembilan ratus sembilan puluh sembilan"),
    (1000, "seribu"),
    (1001, "seribu satu"),
    (1999, "seribu sembilan ratus sembilan puluh sembilan"),
    (2000, "dua ribu"),
    (10_000, "sepuluh ribu"),
    (11_000, "sebelas ribu"),
    (21_600, "dua puluh satu ribu enam ratus"),
    (100_000, "seratus ribu"),
    (111_000, "seratus sebelas ribu"),
    (1_000_000, "satu juta"),
    (1_001_000, "satu juta seribu"),
    (
        1_331_533,
        "satu juta tiga ratus tiga puluh satu ribu lima ratus tiga puluh tiga",
    ),
    (1_000_000_000, "satu miliar"),
    (1_000_000_001, "satu miliar satu"),
    (4_000_000_000, "empat miliar"),
    (10**12, "satu triliun"),
    (1_000_001_000_000, "satu triliun satu juta"),
    (
        10**15 - 1,
        "sembilan ratus sembilan puluh sembilan triliun "
        "sembilan ratus sembilan puluh sembilan miliar "
        "sembilan ratus sembilan puluh sembilan juta "
        "sembilan ratus sembilan puluh sembilan ribu "
        "sembilan ratus sembilan puluh sembilan",
    ),
]


@pytest.mark.parametrize(("n", "words"), TERBILANG_CASES)
def test_terbilang(n: int, words: str) -> None:
    assert terbilang(n) == words


@pytest.mark.parametrize(("n", "words"), TERBILANG_CASES)
def test_parse_terbilang(n: int, words: str) -> None:
    assert parse_terbilang(words) == n


@pytest.mark.parametrize("n", [-1, 10**15, 10**16])
def test_terbilang_out_of_range(n: int) -> None:
    with pytest.raises(ValueError, match="10\\*\\*15"):
        terbilang(n)


@pytest.mark.parametrize(
    "words",
    [
        "",
        " ",
        "satu ratus",
        "satu ribu",
        "satu puluh",
        "satu belas",
        "se ratus",
        "sepuluh satu",
        "sepuluh belas",
        "dua  puluh",
        " dua puluh",
        "dua puluh ",
        "Dua puluh",
        "nol nol",
        "nol satu",
        "dua puluh nol",
        "seribu juta",
        "dua ribu ribu",
        "puluh",
        "tigapuluh",
        "tiga puluh tiga puluh",
        "seribu triliun",
        "thirty",
        "30",
    ],
)
def test_parse_terbilang_rejects(words: str) -> None:
    with pytest.raises(ValueError, match="Indonesian number"):
        parse_terbilang(words)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0"),
        (60, "60"),
        (999, "999"),
        (1000, "1.000"),
        (21_600, "21.600"),
        (1_331_533, "1.331.533"),
        (4_000_000_000, "4.000.000.000"),
        (-1500, "-1.500"),
    ],
)
def test_format_int(n: int, text: str) -> None:
    assert format_int(n) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("19.22"), "19,22"),
        ("28.3", "28,3"),
        ("28.30", "28,30"),
        (1500, "1.500"),
        ("1500", "1.500"),
        (Decimal("1234567.891"), "1.234.567,891"),
        ("0.05", "0,05"),
        (0, "0"),
        ("1E+3", "1.000"),
        ("1.5E-2", "0,015"),
        ("-2.5", "-2,5"),
    ],
)
def test_format_decimal(value: Decimal | int | str, text: str) -> None:
    assert format_decimal(value) == text


@pytest.mark.parametrize("value", ["", "abc", "1,5", "NaN", "Infinity", "-inf"])
def test_format_decimal_rejects_non_numbers(value: str) -> None:
    with pytest.raises(ValueError, match="number"):
        format_decimal(value)


@pytest.mark.parametrize("value", [1.5, True, None])
def test_format_decimal_rejects_other_types(value: object) -> None:
    with pytest.raises(TypeError, match="expected Decimal, int or str"):
        format_decimal(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (Decimal("19.22"), "sembilan belas koma dua puluh dua"),
        ("28.3", "dua puluh delapan koma tiga"),
        ("0.05", "nol koma nol lima"),
        ("0.1", "nol koma satu"),
        (60, "enam puluh"),
        ("60", "enam puluh"),
        (0, "nol"),
        ("1.0", "satu koma nol"),
        ("2.500", "dua koma lima ratus"),
        ("3.007", "tiga koma nol nol tujuh"),
        ("1500.25", "seribu lima ratus koma dua puluh lima"),
    ],
)
def test_decimal_words(value: Decimal | int | str, words: str) -> None:
    assert decimal_words(value) == words


@pytest.mark.parametrize("value", [-1, "-0.5", Decimal("-19.22")])
def test_decimal_words_rejects_negative(value: Decimal | int | str) -> None:
    with pytest.raises(ValueError, match="non-negative"):
        decimal_words(value)


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (30, "hari", "30 (tiga puluh) hari"),
        (60, "orang", "60 (enam puluh) orang"),
        (21_600, "", "21.600 (dua puluh satu ribu enam ratus)"),
        ("2.5", "tahun", "2,5 (dua koma lima) tahun"),
        (Decimal("1"), "", "1 (satu)"),
    ],
)
def test_bilangan(value: Decimal | int | str, unit: str, text: str) -> None:
    assert bilangan(value, unit) == text


def test_bilangan_default_unit_has_no_trailing_space() -> None:
    assert bilangan(21_600) == "21.600 (dua puluh satu ribu enam ratus)"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("19.22"), "19,22% (sembilan belas koma dua puluh dua persen)"),
        (30, "30% (tiga puluh persen)"),
        ("0.1", "0,1% (nol koma satu persen)"),
        (100, "100% (seratus persen)"),
    ],
)
def test_persen(value: Decimal | int | str, text: str) -> None:
    assert persen(value) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (4_000_000_000, "Rp4.000.000.000,00 (empat miliar rupiah)"),
        (16_800, "Rp16.800,00 (enam belas ribu delapan ratus rupiah)"),
        (50_000_000, "Rp50.000.000,00 (lima puluh juta rupiah)"),
        (
            Decimal("1500.50"),
            "Rp1.500,50 (seribu lima ratus rupiah lima puluh sen)",
        ),
        ("1500.5", "Rp1.500,50 (seribu lima ratus rupiah lima puluh sen)"),
        ("1500.05", "Rp1.500,05 (seribu lima ratus rupiah lima sen)"),
        ("1500.500", "Rp1.500,50 (seribu lima ratus rupiah lima puluh sen)"),
        ("16800.00", "Rp16.800,00 (enam belas ribu delapan ratus rupiah)"),
        (0, "Rp0,00 (nol rupiah)"),
    ],
)
def test_rupiah(amount: Decimal | int | str, text: str) -> None:
    assert rupiah(amount) == text


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("1500.505", "fraction of a sen"),
        (Decimal("0.001"), "fraction of a sen"),
        (-1, "non-negative"),
        ("-0.50", "non-negative"),
        ("Rp1.500", "not a decimal number"),
        (10**15, "10\\*\\*15"),
    ],
)
def test_rupiah_rejects(amount: Decimal | int | str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rupiah(amount)


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (datetime.date(2024, 12, 17), "17 Desember 2024"),
        (datetime.date(2026, 1, 1), "1 Januari 2026"),
        (datetime.date(2024, 2, 29), "29 Februari 2024"),
        (datetime.date(2025, 3, 5), "5 Maret 2025"),
        (datetime.date(2025, 4, 9), "9 April 2025"),
        (datetime.date(2025, 5, 10), "10 Mei 2025"),
        (datetime.date(2025, 6, 30), "30 Juni 2025"),
        (datetime.date(2025, 7, 31), "31 Juli 2025"),
        (datetime.date(2025, 8, 17), "17 Agustus 2025"),
        (datetime.date(2025, 9, 2), "2 September 2025"),
        (datetime.date(2025, 10, 28), "28 Oktober 2025"),
        (datetime.date(2025, 11, 11), "11 November 2025"),
    ],
)
def test_tanggal(d: datetime.date, text: str) -> None:
    assert tanggal(d) == text


ROMAN_CASES = [
    (1, "I"),
    (4, "IV"),
    (9, "IX"),
    (11, "XI"),
    (14, "XIV"),
    (40, "XL"),
    (90, "XC"),
    (400, "CD"),
    (1994, "MCMXCIV"),
    (2024, "MMXXIV"),
    (3999, "MMMCMXCIX"),
]


@pytest.mark.parametrize(("n", "text"), ROMAN_CASES)
def test_roman(n: int, text: str) -> None:
    assert roman(n) == text


@pytest.mark.parametrize(("n", "text"), ROMAN_CASES)
def test_from_roman(n: int, text: str) -> None:
    assert from_roman(text) == n


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_roman_out_of_range(n: int) -> None:
    with pytest.raises(ValueError, match="3999"):
        roman(n)


@pytest.mark.parametrize(
    "text",
    ["", "IIII", "IC", "IL", "VX", "VV", "xi", "XI ", "MMMM", "IIV", "XIX I", "A"],
)
def test_from_roman_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="Roman numeral"):
        from_roman(text)


ORDINAL_CASES = [
    (1, "Kesatu"),
    (2, "Kedua"),
    (3, "Ketiga"),
    (10, "Kesepuluh"),
    (11, "Kesebelas"),
    (12, "Kedua Belas"),
    (20, "Kedua Puluh"),
    (21, "Kedua Puluh Satu"),
    (100, "Keseratus"),
    (101, "Keseratus Satu"),
    (1000, "Keseribu"),
]


@pytest.mark.parametrize(("n", "text"), ORDINAL_CASES)
def test_ordinal_word(n: int, text: str) -> None:
    assert ordinal_word(n) == text


@pytest.mark.parametrize(("n", "text"), ORDINAL_CASES)
def test_parse_ordinal_word(n: int, text: str) -> None:
    assert parse_ordinal_word(text) == n


@pytest.mark.parametrize("n", [0, -1])
def test_ordinal_word_rejects(n: int) -> None:
    with pytest.raises(ValueError, match="n >= 1"):
        ordinal_word(n)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Pertama",
        "Kenol",
        "KeSatu",
        "kesatu",
        "Ke satu",
        "Kedua belas",
        "KEDUA BELAS",
        "Kedua  Belas",
        "Kesatu Puluh",
        "Ke",
    ],
)
def test_parse_ordinal_word_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="Indonesian"):
        parse_ordinal_word(text)


LETTER_CASES = [
    (1, "a"),
    (2, "b"),
    (26, "z"),
    (27, "aa"),
    (28, "bb"),
    (52, "zz"),
    (53, "aaa"),
    (79, "aaaa"),
]


@pytest.mark.parametrize(("n", "text"), LETTER_CASES)
def test_letter_label(n: int, text: str) -> None:
    assert letter_label(n) == text


@pytest.mark.parametrize(("n", "text"), LETTER_CASES)
def test_parse_letter_label(n: int, text: str) -> None:
    assert parse_letter_label(text) == n


@pytest.mark.parametrize("n", [0, -3])
def test_letter_label_rejects(n: int) -> None:
    with pytest.raises(ValueError, match="n >= 1"):
        letter_label(n)


@pytest.mark.parametrize("text", ["", "A", "ab", "aab", "1", "a.", "é", " a"])
def test_parse_letter_label_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="letter label"):
        parse_letter_label(text)


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_terbilang_round_trip(n: int) -> None:
    assert parse_terbilang(terbilang(n)) == n


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_terbilang_is_clean_lowercase(n: int) -> None:
    words = terbilang(n)
    assert re.fullmatch(r"[a-z]+( [a-z]+)*", words)
    assert "  " not in words


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(n: int) -> None:
    assert from_roman(roman(n)) == n


@given(st.integers(min_value=1, max_value=10**15 - 1))
def test_ordinal_word_round_trip(n: int) -> None:
    assert parse_ordinal_word(ordinal_word(n)) == n


@given(st.integers(min_value=1, max_value=10_000))
def test_letter_label_round_trip(n: int) -> None:
    assert parse_letter_label(letter_label(n)) == n


@given(st.integers())
def test_format_int_round_trip(n: int) -> None:
    text = format_int(n)
    assert int(text.replace(".", "")) == n
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*", text)


@given(
    st.decimals(
        min_value=Decimal(0),
        max_value=Decimal(10**15 - 1),
        places=4,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_format_decimal_round_trip(value: Decimal) -> None:
    text = format_decimal(value)
    assert Decimal(text.replace(".", "").replace(",", ".")) == value
    assert text.count(",") <= 1


@given(st.integers(min_value=0, max_value=10**15 - 1), st.integers(0, 99))
def test_rupiah_words_match_digits(whole: int, sen: int) -> None:
    text = rupiah(Decimal(f"{whole}.{sen:02d}"))
    expected = f"Rp{format_int(whole)},{sen:02d} ({terbilang(whole)} rupiah"
    assert text.startswith(expected)
    assert text.endswith(f" {terbilang(sen)} sen)" if sen else " rupiah)")
