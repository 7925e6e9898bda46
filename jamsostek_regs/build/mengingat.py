"""The dasar hukum (Mengingat): citations from the legal-basis catalog, in rulebook order.

Citation forms follow R31 to R35: UUD articles as "Pasal ... Undang-Undang Dasar Negara
Republik Indonesia Tahun 1945"; other items with jenis, number, year and name, then the
gazette data in parentheses, then the amendment chain. Unknown (unverified) numbers print
as "..." (never a guess). Items are ordered by hierarchy, then year, then number (R30).
"""

from __future__ import annotations

from jamsostek_regs.source.schema import LegalInstrument

PLACEHOLDER = "..."

#: Hierarchy rank (UU 12/2011 Pasal 7(1); Peraturan Menteri after Perpres is practice, R30).
RANK = {"uud": 0, "uu": 1, "perppu": 1, "pp": 2, "perpres": 3, "permen": 4, "perda_prov": 5, "perda": 6}

_NAMES = {
    "uu": "Undang-Undang",
    "perppu": "Peraturan Pemerintah Pengganti Undang-Undang",
    "pp": "Peraturan Pemerintah",
    "perpres": "Peraturan Presiden",
}
_NEGARA = {"uu", "perppu", "pp", "perpres"}


def sort_key(item: LegalInstrument) -> tuple[int, int, int]:
    """R30: hierarchy, then year, then number."""
    return (RANK[item.jenis], item.tahun or 0, item.nomor or 0)


def _n(value: int | None) -> str:
    return PLACEHOLDER if value is None else str(value)


def title(item: LegalInstrument) -> str:
    """Jenis, number, year and name: "Undang-Undang Nomor 24 Tahun 2011 tentang ..."."""
    if item.jenis == "uud":
        return f"{item.pasal} Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"
    jenis = item.jenis_name or _NAMES.get(item.jenis, PLACEHOLDER)
    return f"{jenis} Nomor {_n(item.nomor)} Tahun {_n(item.tahun)} tentang {item.tentang or PLACEHOLDER}"


def gazette(item: LegalInstrument) -> str:
    """The gazette parenthesis (R34), or "" for the UUD."""
    if item.jenis == "uud":
        return ""
    g = item.gazette
    year, number, supplement = (g.year, g.number, g.supplement) if g else (None, None, None)
    if item.jenis in _NEGARA:
        return (
            f" (Lembaran Negara Republik Indonesia Tahun {_n(year)} Nomor {_n(number)},"
            f" Tambahan Lembaran Negara Republik Indonesia Nomor {_n(supplement)})"
        )
    return f" (Berita Negara Republik Indonesia Tahun {_n(year)} Nomor {_n(number)})"


def citation(item: LegalInstrument, catalog: dict[str, LegalInstrument]) -> str:
    """The whole Mengingat item text, amendment chain included (R35), without ";"."""
    text = title(item) + gazette(item)
    if item.amended_by:
        last = catalog[item.amended_by[-1]]
        phrase = (
            "sebagaimana telah beberapa kali diubah, terakhir dengan"
            if item.amended_several_times or len(item.amended_by) > 1
            else "sebagaimana telah diubah dengan"
        )
        text += f" {phrase} {title(last)}{gazette(last)}"
    return text
