"""Which terms Pasal 1 defines for a region (only those its draft uses again, R62), and which
government-side groups the Pemerintah Daerah registers as their employer.

Lampiran II UU 12/2011 angka 102 and 105: a term is defined only when the regulation uses it
repeatedly (legal review C-18: "Peserta Penerima Upah", "Pekerja Migran Indonesia", JHT, JP
and JKP were defined and used once). A segment's name stands once in the list of Pasal
Kepesertaan; it is defined when another clause names it too: the standard's own clauses
(:data:`NAMED_AGAIN`), the region's list of its groups (``lists``) or a financing source paying
for it. Programme abbreviations are defined when a clause uses the JKK and JKM package; the
other programmes are written out in full where they are listed.

Legal review C-26: of the region's ``government_groups``, the Pemerintah Daerah registers those
the catalog marks ``employed`` (it is their Pemberi Kerja) and "dapat memfasilitasi" the others.
"""

from __future__ import annotations

from jamsostek_regs.source import financing
from jamsostek_regs.source.schema import Catalog, Region

#: Segments a clause of the standard names beyond the list, and where.
NAMED_AGAIN = {
    "pekerja_rentan": "program/pekerja_rentan",
    "jasa_konstruksi": "kepesertaan/kewajiban",
}
#: The programmes whose abbreviations the package clauses use ("program JKK dan JKM").
PACKAGE = ("jkk", "jkm")


def segments(region: Region) -> list[str]:
    """The ids of the region's segments Pasal 1 defines, in the region's order."""
    funded = financing.paid_groups(region)
    sawit = financing.decided(region, "dbh_sawit")
    again = {"bukan_penerima_upah": sawit}  # pendanaan/dbh_sawit names it
    return [
        s
        for s in region.segments
        if s in NAMED_AGAIN or s in region.lists or s in funded or again.get(s, False)
    ]


def programs(region: Region) -> list[str]:
    """The programme ids whose abbreviations Pasal 1 defines: the package, when a clause uses it."""
    sawit = financing.decided(region, "dbh_sawit")
    used = sawit or any(s in region.segments for s in NAMED_AGAIN)
    return list(PACKAGE) if used else []


def employed_groups(region: Region, catalog: Catalog) -> list[str]:
    """The region's government groups the Pemerintah Daerah employs, in the region's order."""
    groups = catalog.government_groups
    return [g for g in region.government_groups if g in groups and groups[g].employed]


def facilitated_groups(region: Region, catalog: Catalog) -> list[str]:
    """The region's government groups with another employer (or none), in the region's order."""
    employed = employed_groups(region, catalog)
    return [g for g in region.government_groups if g not in employed]
