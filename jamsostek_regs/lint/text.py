"""Shared text helpers of the rules: word search, title case, sentences, month names."""

from __future__ import annotations

import datetime
import re
from functools import cache

from jamsostek_regs.numerals import tanggal

PLACEHOLDER = "..."

#: Particles written in lowercase inside a title (L2 angka 74, 76).
PARTICLES = frozenset(
    [
        "dan",
        "atau",
        "serta",
        "di",
        "ke",
        "dari",
        "yang",
        "untuk",
        "dengan",
        "pada",
        "dalam",
        "bagi",
        "oleh",
        "terhadap",
        "tentang",
        "atas",
        "sebagai",
        "antara",
        "tanpa",
        "melalui",
        "kepada",
        "secara",
        "per",
        "sampai",
        "hingga",
        "menurut",
    ]
)

#: "BUPATI LOMBOK TIMUR," / "WALI KOTA BENGKULU," / "GUBERNUR BENGKULU," (R15, R94, R108).
JABATAN_LINE = re.compile(r"^(?:BUPATI|WALI ?KOTA|GUBERNUR) [^a-z,]+,$")
KEPALA = r"(?:Bupati|Wali Kota|Walikota|Gubernur)"


@cache
def months() -> tuple[str, ...]:
    """The Indonesian month names, as :func:`jamsostek_regs.numerals.tanggal` writes them."""
    return tuple(tanggal(datetime.date(2000, m, 1)).split()[1] for m in range(1, 13))


def date_pattern() -> str:
    """Regex of a date written the L2 way: "17 Agustus 2011" (no leading zero, R98)."""
    return rf"(?:[1-9]|[12][0-9]|3[01]) (?:{'|'.join(months())}) [0-9]{{4}}"


@cache
def word_pattern(phrase: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """``phrase`` as a whole word or phrase ("desa" does not match "pedesaan" or "pekerja/buruh")."""
    return re.compile(rf"(?<![\w/-]){re.escape(phrase)}(?![\w/-])", flags)


_WORDISH = re.compile(r"[\w/-]")


def phrases_in(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Where ``phrases`` stand in ``text`` as whole words, ignoring case: (start, end) in order.

    The same spans as one ignore-case regex of the phrases, longest first, between
    ``(?<![\\w/-])`` and ``(?![\\w/-])``: at each place the longest phrase that fits, and no span
    overlapping the one before. Found with ``str.find`` instead, because compiling such a
    regex for each draft's own defined terms costs more than the whole search.
    """
    lower = text.lower()
    if len(lower) != len(text):  # lowering changed positions: fall back to the regex
        alternatives = "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
        pattern = re.compile(rf"(?<![\w/-])(?:{alternatives})(?![\w/-])", re.I)
        return [m.span() for m in pattern.finditer(text)] if phrases else []
    found: dict[int, int] = {}
    for phrase in {p.lower() for p in phrases if p}:
        at = lower.find(phrase)
        while at >= 0:
            end = at + len(phrase)
            if not (at and _WORDISH.match(lower, at - 1)) and not _WORDISH.match(lower, end):
                found[at] = max(found.get(at, 0), end)
            at = lower.find(phrase, at + 1)
    spans, last_end = [], 0
    for start in sorted(found):
        if start >= last_end:
            spans.append((start, found[start]))
            last_end = found[start]
    return spans


def less_capitalised(written: str, term: str) -> bool:
    """True when ``written`` has a lowercase letter where ``term`` has a capital."""
    return any(t.isupper() and w.islower() for w, t in zip(written, term, strict=False))


def title_case_errors(title: str) -> list[str]:
    """Words of a Bagian or Paragraf title that break L2 angka 74 and 76."""
    return [word for i, word in enumerate(title.split()) if _wrong_case(word, first=i == 0)]


def _wrong_case(word: str, first: bool) -> bool:
    initial = word.lstrip("(\"'")[:1]
    small = not first and word.lower().strip(",") in PARTICLES
    return initial.isalpha() and initial.islower() != small


_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)])\. (?=[A-Z])")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:No|Jl|Tbk|Prof|Dr|dr|dkk|dll|dsb|a\.n|u\.p|[A-Za-z])$")


def sentence_breaks(text: str) -> list[int]:
    """Positions where a new sentence starts inside ``text`` (abbreviations excluded)."""
    return [m.end() for m in _SENTENCE_BREAK.finditer(text) if not _ABBREVIATION.search(text[: m.start()])]


def casefold_equal(a: str, b: str) -> bool:
    """Equality ignoring case and runs of whitespace."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def to_title(text: str) -> str:
    """Title case with lowercase particles: "OPTIMALISASI DAN X" -> "Optimalisasi dan X"."""
    words = text.lower().split()
    return " ".join(w if i and w in PARTICLES else w[:1].upper() + w[1:] for i, w in enumerate(words))
