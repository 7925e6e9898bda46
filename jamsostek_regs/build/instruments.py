"""Instruments already in force: how the Perkada names each one it repeals or keeps alive.

A repealed or kept instrument is cited in full (R89): jenis and the head's title with the
region's name, number, year and name, and for a Perkada its Berita Daerah. What no source
gives prints as "...". The repeal Pasal and the Ketentuan Peralihan are clauses of the
standard (``penutup/pencabutan``, ``peralihan/instrumen``); they read the citations from the
derived template variable ``d.instruments``.
"""

from __future__ import annotations

from jamsostek_regs.build.grammar import Grammar
from jamsostek_regs.source.schema import Instrument, Region

PLACEHOLDER = "..."
#: The words before the head's title, by kind of instrument.
_JENIS = {
    "peraturan": "Peraturan",
    "keputusan": "Keputusan",
    "instruksi": "Instruksi",
    "surat_edaran": "Surat Edaran",
}


def citation(instrument: Instrument, g: Grammar) -> str:
    """The full citation: "Peraturan Bupati Solok Selatan Nomor 2 Tahun 2017 tentang ... (Berita ...)"."""
    issuer = (
        f"Peraturan Daerah {g.daerah}"
        if instrument.jenis == "perda"
        else f"{_JENIS[instrument.jenis]} {g.kepala} {g.nama}"
    )
    year = PLACEHOLDER if instrument.tahun is None else str(instrument.tahun)
    name = instrument.tentang or PLACEHOLDER
    number = instrument.nomor or PLACEHOLDER
    dated = "" if "/" in number else f" Tahun {year}"  # "400.10.2.4/6/DPMD/IV/2024" carries its year
    text = f"{issuer} Nomor {number}{dated} tentang {name}"
    if instrument.jenis == "peraturan":
        berita = PLACEHOLDER if instrument.berita is None else str(instrument.berita)
        text += f" ({g.berita} Tahun {year} Nomor {berita})"
    return text


def by_fate(region: Region, g: Grammar) -> dict[str, list[str]]:
    """The citations of the instruments each fate prints (``dicabut``, ``peralihan``), in file order."""
    out: dict[str, list[str]] = {"dicabut": [], "peralihan": []}
    for instrument in region.instruments:
        if instrument.fate in out:
            out[instrument.fate].append(citation(instrument, g))
    return out
