"""Which terms Pasal 1 defines for a region: only those its draft uses again (R62).

Lampiran II UU 12/2011 angka 102 and 105: a term is defined only when the regulation uses it
repeatedly (legal review C-18: "Peserta Penerima Upah", "Pekerja Migran Indonesia", JHT, JP
and JKP were defined and used once). A segment's name stands once in the list of Pasal
Kepesertaan; it is defined when another clause names it too: the standard's own clauses
(:data:`NAMED_AGAIN`), the region's list of its groups, a financing source paying for it, or
the examples of bukan penerima upah. Programme abbreviations are defined when a clause uses
the JKK and JKM package; the other programmes are written out in full where they are listed.
"""

from __future__ import annotations

from jamsostek_regs.source import financing
from jamsostek_regs.source.schema import Region

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
    again = {
        "bukan_penerima_upah": bool(region.bpu_examples) or sawit,  # pendanaan/dbh_sawit names it
    }
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
