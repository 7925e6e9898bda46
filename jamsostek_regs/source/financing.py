"""Which financing entries of a region pay iuran in its draft, and for whom.

A Pasal that pays iuran from a source of the Daerah (the Bantuan Pembayaran Iuran from the APBD,
the DBH Sawit Pasal) is printed only where the region file says the region decided it
(`financing[].decided_by`; legal review KB-3: "a Bantuan Iuran Pasal appears only where the
region's data say the region decided it"); the groups an undecided source would pay for are not
printed either. The village's own budget (APBDes, APB Nagari) is the Pemerintah Desa's optional
"dapat mengalokasikan" and names its groups without a decision of the Daerah.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from jamsostek_regs.errors import Problem
from jamsostek_regs.source.schema import Catalog, Financing, Region
from jamsostek_regs.source.yamlsource import Located

#: The segment the Bantuan Pembayaran Iuran pays for (pendanaan/bantuan_iuran).
SUBSIDISED = "pekerja_rentan"
#: The village's own budgets (pendanaan/desa).
VILLAGE_BUDGETS = ("apbdes", "apb_nagari")


def _paying(region: Region) -> dict[str, Financing]:
    return {
        fin.source: fin
        for fin in region.financing
        if fin.source and (fin.decided_by or fin.source in VILLAGE_BUDGETS)
    }


def paying(region: Region, catalog: Catalog) -> dict[str, dict[str, Any]]:
    """The entries that pay iuran in the draft by source id, each with ``groups``: the printed
    names of its `for_groups` (catalog words)."""
    names = {gid: entry.name for gid, entry in (catalog.segments | catalog.government_groups).items()}
    return {
        source: fin.model_dump() | {"groups": [names.get(g, g) for g in fin.for_groups]}
        for source, fin in _paying(region).items()
    }


def apbd_parts(region: Region, catalog: Catalog) -> list[str]:
    """The region's sources that are parts of the APBD (catalog ``part_of: apbd``), in catalog order."""
    used = {fin.source for fin in region.financing}
    return [
        source for source, entry in catalog.financing.items() if entry.part_of == "apbd" and source in used
    ]


def paid_groups(region: Region) -> set[str]:
    """The group ids the draft names as paid for from some source."""
    return {group for fin in _paying(region).values() for group in fin.for_groups}


def decided(region: Region, source: str) -> bool:
    """Whether the region decided to pay iuran from ``source``."""
    return any(fin.source == source and fin.decided_by for fin in region.financing)


def subsidy(region: Region) -> bool:
    """Whether the draft has the Bantuan Pembayaran Iuran: a decided APBD entry pays for the
    Pekerja Rentan, a segment of the region."""
    apbd = _paying(region).get("apbd")
    return SUBSIDISED in region.segments and apbd is not None and SUBSIDISED in apbd.for_groups


def undecided(raw: Located, region: Region) -> list[Problem]:
    """A warning for each entry that names groups to pay for but no decision (``decided_by``):
    the draft leaves those groups out, so the drafter must know why they are missing."""
    return [
        replace(
            raw.problem(
                ("financing", index, "for_groups"),
                f"no decided_by: the draft names no group paid from {fin.source} and prints no Pasal"
                " paying iuran from it; give decided_by with its source once the region decides",
            ),
            severity="warning",
        )
        for index, fin in enumerate(region.financing)
        if fin.source and fin.for_groups and not fin.decided_by and fin.source not in VILLAGE_BUDGETS
    ]
