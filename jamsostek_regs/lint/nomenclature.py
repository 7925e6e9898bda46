"""Names of public services that a Perkada may no longer use, or may use only at some levels.

Data for the legal-substance rules R130 and R131 (``rules_substansi``). Every entry carries the
source it rests on: the article of the primary text where it was read (``[DP:path]`` is a file
of the collection ``mblonyox/data-peraturan``), or the legal review's finding where the point is
the reviewer's own knowledge and still has to be confirmed. A name is added here only with a
source; the lists are not a dictionary of every old licence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Level = Literal["kabupaten", "kota", "provinsi"]


@dataclass(frozen=True, slots=True)
class Term:
    """Words a draft prints for one service, the words to use instead, and the source."""

    words: tuple[str, ...]  # case-insensitive phrases
    use: str  # "" when the service is gone and the words must go
    cite: str  # the legal source in the words of a finding
    source: str  # where the source was read, or that it still has to be confirmed
    abbreviations: tuple[str, ...] = ()  # matched with their capitals only ("IMB", not "imb")
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        phrases = "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True))
        abbreviations = "|".join(re.escape(a) for a in self.abbreviations)
        parts = [f"(?i:{phrases})"] + ([f"(?:{abbreviations})"] if abbreviations else [])
        object.__setattr__(self, "pattern", re.compile(rf"(?<![\w/-])(?:{'|'.join(parts)})(?![\w/-])"))


@dataclass(frozen=True, slots=True)
class LevelService:
    """A service only some levels of Pemerintah Daerah give, and where a province still may."""

    term: Term
    levels: frozenset[Level]
    provinces_excepted: tuple[str, ...]  # region names (casefolded words) of a province that gives it


_PBG = (
    "PP 16/2021 Pasal 1 angka 17 (PBG adalah perizinan ... untuk membangun baru, mengubah, memperluas, "
    "mengurangi, dan/atau merawat Bangunan Gedung), Pasal 346 ayat (2) (an izin mendirikan bangunan "
    "already issued stays valid until it ends) [DP:pp/2021/16.md]"
)

#: Names replaced since UU Cipta Kerja (review C-04), each with the name to use and its source.
OBSOLETE: tuple[Term, ...] = (
    Term(
        words=("Izin Mendirikan Bangunan",),
        abbreviations=("IMB",),
        use="Persetujuan Bangunan Gedung (PBG)",
        cite="PP 16/2021 Pasal 1 angka 17 dan Pasal 346 ayat (2)",
        source=_PBG,
    ),
    Term(
        words=("izin mempekerjakan tenaga kerja asing",),
        abbreviations=("IMTA",),
        use="pengesahan rencana penggunaan tenaga kerja asing (RPTKA)",
        cite="UU 13/2003 Pasal 42 ayat (1) sebagaimana telah diubah dengan UU 6/2023",
        source="UU 13/2003 Pasal 42 ayat (1) as amended by UU 11/2020 Pasal 81 ('wajib memiliki rencana "
        "penggunaan tenaga kerja asing yang disahkan oleh Pemerintah Pusat') [DP:uu/2020/11.md]; "
        "re-enacted by UU 6/2023 (that article not re-read there); PP 34/2021: review C-04, secondary",
    ),
    Term(
        words=("izin perusahaan penyedia jasa pekerja/buruh",),
        use="Perizinan Berusaha perusahaan alih daya",
        cite="UU 13/2003 Pasal 66 ayat (4) sebagaimana telah diubah dengan UU 6/2023",
        source="UU 13/2003 Pasal 66 ayat (4) as amended by UU 11/2020 Pasal 81 ('Perusahaan alih daya ... "
        "wajib memenuhi Perizinan Berusaha yang diterbitkan oleh Pemerintah Pusat') [DP:uu/2020/11.md]",
    ),
    Term(
        words=("izin usaha", "perizinan terkait usaha"),
        use="Perizinan Berusaha",
        cite="UU 6/2023",
        source="UU 6/2023 (Cipta Kerja) names business licences 'Perizinan Berusaha' throughout (e.g. "
        "UU 11/2020 Pasal 81 on UU 13/2003 Pasal 66 ayat (4)) [DP:uu/2020/11.md]; that 'perizinan terkait "
        "usaha' of PP 86/2013 Pasal 9 now reads so is review C-04, reviewer knowledge",
    ),
    Term(
        words=("izin gangguan",),
        use="",
        cite="UU 11/2020 Pasal 110; UU 6/2023 Lampiran Pasal 105 huruf e",
        source="UU 11/2020 Pasal 110: the Hinderordonnantie (Staatsblad 1926 Nomor 226) 'dicabut dan "
        "dinyatakan tidak berlaku' [DP:uu/2020/11.md]; UU 6/2023 Lampiran Pasal 105 huruf e lists it "
        "[DP:uu/2023/6/fulltext.md]",
    ),
)

#: Services of the kabupaten/kota that a Peraturan Gubernur must not name (review C-04, PB-2).
LEVEL_ONLY: tuple[LevelService, ...] = (
    LevelService(
        term=Term(
            words=("Persetujuan Bangunan Gedung", "Izin Mendirikan Bangunan"),
            abbreviations=("PBG", "IMB"),
            use="",
            cite="PP 16/2021 Pasal 347 ayat (2)",
            source=f"{_PBG}; PP 16/2021 Pasal 347 ayat (2) ('Pemerintah Daerah kabupaten/kota harus "
            "menyediakan PBG'); a province issues it only for Daerah Khusus Ibukota Jakarta (e.g. the PBG "
            "khusus cagar budaya article: 'Pemerintah Daerah kabupaten/kota, Pemerintah Daerah provinsi "
            "untuk Daerah Khusus Ibukota Jakarta')",
        ),
        levels=frozenset({"kabupaten", "kota"}),
        provinces_excepted=("jakarta",),
    ),
)
