"""The fill-in checklist (daftar isian): every "..." a draft still holds, where, what, and who fills it.

A value no source confirms prints as "...", the drafter's placeholder. For each one, in
document order, :func:`blanks` says where it is (as a drafter names the place: "Mengingat
angka 6", "Lampiran (tabel)", "penutup (pengundangan)"), what belongs there ("nomor Lembaran
Negara Undang-Undang Nomor 3 Tahun 2024", "nama Sekretaris Daerah"), and what fills it: the
region field (``regions/lahat.yaml: secretary.name``), the entry of the standard's catalog of
laws (``legal_basis.yaml: uu_2024_3.gazette.number``) or, for the number, year and dates of
the regulation itself, the act of enactment (they stay "..." in every Rancangan).

The words are Bahasa Indonesia: the checklist is for the drafter. :mod:`.todo_report` prints it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass

from jamsostek_regs.lint.places import places
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.source.laws import catalog
from jamsostek_regs.source.regions import LoadedRegion
from jamsostek_regs.source.schema import LegalInstrument
from jamsostek_regs.source.standard import Standard

PLACEHOLDER = "..."
#: Characters of text before a placeholder that decide what belongs there.
LOOK_BEHIND = 120
#: Words of context shown on each side of a placeholder.
CONTEXT_WORDS = 5

#: When a blank is filled: now, from a source, or by the act of enactment itself.
NOW, PENETAPAN, PENGUNDANGAN = "sekarang", "saat penetapan", "saat pengundangan"

#: A law a Mengingat item cites, by its kind, number and year: first in the item, or after the
#: "dengan" of its amendment chain ("sebagaimana telah diubah dengan Undang-Undang Nomor 3
#: Tahun 2024"), never a law named inside a title ("Perubahan atas Undang-Undang ...").
_LAW = re.compile(r"(?:^|dengan )((?:Undang-Undang|Peraturan(?: [A-Z][a-z]+)+) Nomor (\d+) Tahun (\d{4}))")
#: (what comes right before a placeholder in a Mengingat item, what belongs there, the field of
#: the law's catalog entry that fills it)
_GAZETTE: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"Tambahan Lembaran Negara Republik Indonesia Nomor $"),
        "nomor Tambahan Lembaran Negara",
        "gazette.supplement",
    ),
    (
        re.compile(r"Lembaran Negara Republik Indonesia Tahun \S+ Nomor $"),
        "nomor Lembaran Negara",
        "gazette.number",
    ),
    (
        re.compile(r"Berita Negara Republik Indonesia Tahun \S+ Nomor $"),
        "nomor Berita Negara",
        "gazette.number",
    ),
    (re.compile(r"Lembaran Negara Republik Indonesia Tahun $"), "tahun Lembaran Negara", "gazette.year"),
    (re.compile(r"Berita Negara Republik Indonesia Tahun $"), "tahun Berita Negara", "gazette.year"),
    (re.compile(r"Nomor \d+ Tahun \d{4} tentang $"), "judul (tentang)", "tentang"),
)
#: (what comes right before a placeholder, what belongs there, when) for the regulation's own
#: number, year and dates; a date is of the penetapan or the pengundangan by its block.
_ENACTMENT: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"BERITA DAERAH .* TAHUN $"), "tahun Berita Daerah", PENGUNDANGAN),
    (re.compile(r"BERITA DAERAH .* NOMOR $"), "nomor Berita Daerah", PENGUNDANGAN),
    (re.compile(r"NOMOR $"), "nomor peraturan", PENETAPAN),
    (re.compile(r"NOMOR \.\.\. TAHUN $"), "tahun peraturan", PENETAPAN),
    (re.compile(r"pada tanggal $"), "tanggal", ""),
)
#: (what comes right before a placeholder in a Pasal on financing, what belongs there, the field
#: of the region's ``financing`` entry for the source that Pasal is about that fills it)
_FINANCING: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"kriteria $"), "kriteria penerima pembayaran Iuran", "criteria"),
    (re.compile(r"calon penerima .* bersumber dari $"), "sumber data calon penerima", "data"),
    (re.compile(r"jangka waktu $"), "jangka waktu pembayaran Iuran", "period"),
    (
        re.compile(r"Iuran (?:program JKK dan JKM )?bagi $"),
        "kelompok Pekerja yang Iurannya dibayar",
        "for_groups",
    ),
)
#: What a region field holds, by the field's last name (``secretary.name`` -> "name").
_FIELDS: dict[str, str] = {
    "secretary.name": "nama Sekretaris Daerah",
    "head.name": "nama kepala daerah",
    "name": "nama Perangkat Daerah",
    "abbreviation": "singkatan nama Perangkat Daerah",
}


@dataclass(frozen=True, slots=True)
class Blank:
    """One "..." of a draft.

    Attributes:
        key: the key of the node that holds it.
        where: its place, as a drafter names it ("Mengingat angka 6").
        what: what belongs there, in Bahasa Indonesia.
        fill: what fills it: ``file: field`` of a region file or the catalog of laws, or the
            act of enactment.
        when: :data:`NOW` (find it from a source), :data:`PENETAPAN` or :data:`PENGUNDANGAN`.
        excerpt: the words around it.
    """

    key: str
    where: str
    what: str
    fill: str
    when: str
    excerpt: str


@dataclass(frozen=True, slots=True)
class Sources:
    """Where a draft's values come from, to name what fills a blank.

    Attributes:
        region_file: the region file, as the drafter finds it (``regions/lahat.yaml``).
        catalog_file: the standard's catalog of laws (``templates/.../legal_basis.yaml``).
        laws: every law the region may cite, by id (the catalog and the region's ``laws``).
        own_laws: the ids of the laws the region file declares itself.
    """

    region_file: str
    catalog_file: str
    laws: Mapping[str, LegalInstrument]
    own_laws: Collection[str]

    @classmethod
    def of(cls, loaded: LoadedRegion, standard: Standard) -> Sources:
        """The sources of a region loaded with ``standard``, named as in the project folder."""
        return cls(
            f"{loaded.path.parent.name}/{loaded.path.name}",
            f"templates/{standard.path.name}/legal_basis.yaml",
            catalog(loaded.region, standard),
            frozenset(law.id for law in loaded.region.laws),
        )


def blanks(draft: Draft, sources: Sources) -> list[Blank]:
    """Every "..." of ``draft``, in document order (a node's text, then its children)."""
    where = places(draft)
    return [
        blank
        for node in draft.walk()
        if node.text or node.end
        for blank in _blanks(node, where.get(node.key, ""), sources)
    ]


def _blanks(node: Node, where: str, sources: Sources) -> Iterator[Blank]:
    text = node.plain()
    start = text.find(PLACEHOLDER)
    while start >= 0:
        what, fill, when = _what(node, text[:start], sources)
        yield Blank(node.key, where or "judul", what, fill, when, _excerpt(text, start))
        start = text.find(PLACEHOLDER, start + len(PLACEHOLDER))


def _what(node: Node, preceding: str, sources: Sources) -> tuple[str, str, str]:
    """(what belongs there, what fills it, when) of a placeholder after the text ``preceding``."""
    before = preceding[-LOOK_BEHIND:]
    for pattern, what, field in _GAZETTE:
        if pattern.search(before):
            if "instruments" in node.params:  # a Perkada or Keputusan of the region's own
                return f"{what} produk hukum Daerah", f"{sources.region_file}: instruments[].{field}", NOW
            return _gazette(node, preceding, what, field, sources)
    for pattern, what, when in _ENACTMENT:
        if pattern.search(before):
            if not when:  # a date: of the block it stands in
                when = PENGUNDANGAN if "diundangkan" in node.key else PENETAPAN
                what = f"{what} {when.removeprefix('saat ')}"
            return what, "register peraturan Bagian Hukum", when
    if "financing" in node.params:
        for pattern, what, field in _FINANCING:
            if pattern.search(before):
                return what, f"{sources.region_file}: financing[].{field}", NOW
    fields = [p for p in node.params if p.endswith("name")] or list(node.params)
    if fields:
        what = _FIELDS.get(fields[0], _FIELDS.get(fields[0].rsplit(".", 1)[-1], "nilai yang belum diketahui"))
        return what, f"{sources.region_file}: {', '.join(fields)}", NOW
    origin = str(node.source) if node.source else sources.region_file
    return "nilai yang belum diketahui", f"teks klausul {origin}", NOW


def _gazette(node: Node, preceding: str, what: str, field: str, sources: Sources) -> tuple[str, str, str]:
    """The catalog data of the last law of a Mengingat item's amendment chain cited before the
    placeholder (the item's key is ``mengingat.<law id>``)."""
    base = sources.laws.get(node.key.rsplit(".", 1)[-1])
    chain = [node.key.rsplit(".", 1)[-1], *(base.amended_by if base else ())]
    cited = _LAW.findall(preceding)
    law_id, words = "", ""
    if cited:
        words, number, year = cited[-1]
        law_id = next((i for i in chain if _numbered(sources.laws.get(i), int(number), int(year))), "")
        words = f" {words}"
    file = sources.region_file if law_id in sources.own_laws else sources.catalog_file
    fill = f"{file}: {law_id}.{field}" if law_id else file
    return f"{what}{' untuk' if words else ''}{words}", fill, NOW


def _numbered(law: LegalInstrument | None, number: int, year: int) -> bool:
    return law is not None and (law.nomor, law.tahun) == (number, year)


def _excerpt(text: str, start: int) -> str:
    before = text[:start].split()[-CONTEXT_WORDS:]
    after = text[start + len(PLACEHOLDER) :].split()[:CONTEXT_WORDS]
    tail = text[start + len(PLACEHOLDER) :]
    joiner = "" if tail[:1] in {")", ",", ";", "."} else " "
    return " ".join([*before, PLACEHOLDER]) + (joiner + " ".join(after) if after else "")
