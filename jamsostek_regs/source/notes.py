"""Why a region file says what it says: the reasons and sources of its own parts, by region key.

The diff shows them beside each change those keys cause (the title in the judul, Menimbang
and Menetapkan; an added Mengingat item; the repeal Pasal), so a reviewer reads the
justification next to the words it changed.
"""

from __future__ import annotations

from jamsostek_regs.source.schema import Region


def by_key(region: Region) -> dict[str, str]:
    """Region key -> the reasons (or sources) the file gives for it; keys without any are left out."""
    notes = {
        "title": [region.title.reason] if region.title else [],
        "mengingat": [m.reason for m in region.mengingat],
        "laws": [law.source for law in region.laws],
        "instruments": [i.reason for i in region.instruments if i.fate != "tetap_berlaku"],
        "lists": [e.source for e in region.lists.values()],
        "cost_share": [region.cost_share.source] if region.cost_share else [],
    }
    return {key: "; ".join(texts) for key, texts in notes.items() if texts}
