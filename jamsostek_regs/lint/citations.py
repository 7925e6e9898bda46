"""Citations of regulations: jenis, number and year, gazette data, and the amendment chain."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

#: Jenis names (case-insensitive) with their rank in the hierarchy (UU 12/2011 Pasal 7 ayat (1);
#: Peraturan Menteri after Perpres is practice; Pergub and Perda Kabupaten/Kota share a rank
#: because the rulebook does not order them, R30).
JENIS: tuple[tuple[str, str, int], ...] = (
    ("uud", r"Undang-Undang Dasar", 0),
    ("perppu", r"Peraturan Pemerintah Pengganti Undang-Undang", 1),
    ("uu", r"Undang-Undang", 1),
    ("pp", r"Peraturan Pemerintah", 2),
    ("perpres", r"Peraturan Presiden", 3),
    ("permen", r"Peraturan (?:Menteri|Badan|Lembaga|Kepala)", 4),
    ("perda_prov", r"Peraturan Daerah Provinsi", 5),
    ("pergub", r"Peraturan Gubernur", 6),
    ("perda", r"Peraturan Daerah", 6),
    ("perkada", r"Peraturan (?:Bupati|Wali ?Kota)", 7),
)
RANK = {jenis: rank for jenis, _, rank in JENIS}
_PASAL_PREFIX = re.compile(r"^(?:Pasal \S+(?: ayat \(\w+\))?(?:,? (?:dan )?| ))+", re.IGNORECASE)
_AMENDED = re.compile(r"\s+sebagaimana telah (?:beberapa kali )?diubah(?:,? terakhir)? dengan\s+")
_NUMBER = re.compile(r"\bNomor (?P<nomor>\d+|\.\.\.) Tahun (?P<tahun>\d{4}|\.\.\.)")
_GAZETTE = re.compile(r"\((?P<gazette>[^()]*(?:Lembaran|Berita)[^()]*)\)$")
CITED = re.compile(
    r"(?P<jenis>(?:Undang-Undang|Peraturan(?: [A-Z][a-z]+)+?)) Nomor (?P<nomor>\d+) Tahun (?P<tahun>\d{4})"
)


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited regulation: its jenis (or None), jenis words, number, year and gazette text."""

    jenis: str | None
    jenis_words: str
    nomor: int
    tahun: int
    gazette: str | None
    text: str

    @property
    def key(self) -> tuple[str | None, int, int]:
        """Identity of the regulation: jenis, number, year."""
        return (self.jenis, self.nomor, self.tahun)


def jenis_of(text: str) -> tuple[str | None, str]:
    """The jenis of a citation and the words naming it ("Undang-Undang"), case-insensitively."""
    if re.match(r"^(?:Pasal .*?)?(?:Undang-Undang Dasar|UUD)\b", text, re.IGNORECASE):
        return "uud", "Undang-Undang Dasar"
    bare = _PASAL_PREFIX.sub("", text)
    for jenis, pattern, _ in JENIS[1:]:
        match = re.match(rf"^{pattern}\b", bare, re.IGNORECASE)
        if match:
            return jenis, match.group()
    return None, ""


def citation(text: str) -> Citation:
    """Read one citation (without the amendment chain)."""
    jenis, words = jenis_of(text)
    number = _NUMBER.search(text)
    gazette = _GAZETTE.search(text)
    nomor, tahun = (number["nomor"], number["tahun"]) if number else ("", "")
    return Citation(
        jenis,
        words,
        int(nomor) if nomor.isdigit() else 0,
        int(tahun) if tahun.isdigit() else 0,
        gazette["gazette"] if gazette else None,
        text,
    )


@lru_cache(maxsize=1024)
def chain(item_text: str) -> tuple[Citation, ...]:
    """The citations of one Mengingat item: the regulation, then each amendment (cached: the
    same items recur in every draft of a batch, and several rules read them)."""
    return tuple(citation(part) for part in _AMENDED.split(item_text.removesuffix(";").strip()))


def cited(text: str) -> Iterator[tuple[str | None, int, int]]:
    """Identities of the regulations named in running text (for repeal clauses, R29)."""
    for match in CITED.finditer(text):
        yield jenis_of(match["jenis"])[0], int(match["nomor"]), int(match["tahun"])
