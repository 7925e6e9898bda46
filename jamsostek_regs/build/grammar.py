"""Level grammar: every string that depends on kabupaten / kota / provinsi (rulebook R128).

The word KABUPATEN is not inserted in "BUPATI <NAMA>" and PROVINSI not in "GUBERNUR <NAMA>"
(R128, L2 angka 16); the Wali Kota spelling follows the region's existing series (R129).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from jamsostek_regs.source.schema import Region


@dataclass(frozen=True, slots=True)
class Grammar:
    """Level-dependent words of one region, as the templates and the builder use them."""

    kepala: str  # "Bupati" / "Wali Kota" / "Gubernur"
    peraturan: str  # "Peraturan Bupati"
    daerah_jenis: str  # "Kabupaten" / "Kota" / "Provinsi"
    daerah: str  # "Kabupaten Lombok Timur"
    nama: str  # "Lombok Timur"
    jenis_judul: str  # "PERATURAN BUPATI LOMBOK TIMUR" (R5)
    jabatan: str  # "BUPATI LOMBOK TIMUR," (R15)
    berita: str  # "Berita Daerah Kabupaten Lombok Timur" (R92)
    sekda: str  # "SEKRETARIS DAERAH KABUPATEN LOMBOK TIMUR," (R96)
    desa: str  # "Desa" / "Nagari" / "" (provinsi or no villages)
    apbdes: str  # "Anggaran Pendapatan dan Belanja Desa" / "... Nagari" / ""

    def as_dict(self) -> dict[str, str]:
        """The grammar as a template variable mapping."""
        return asdict(self)


_KEPALA = {"kabupaten": "Bupati", "provinsi": "Gubernur"}
_JENIS = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}


def grammar(region: Region) -> Grammar:
    """Compute the level grammar of ``region``."""
    kepala = region.mayor_spelling if region.level == "kota" else _KEPALA[region.level]
    jenis = _JENIS[region.level]
    name = region.name
    unit = {"desa": "Desa", "nagari": "Nagari"}.get(region.village_unit, "")
    return Grammar(
        kepala=kepala,
        peraturan=f"Peraturan {kepala}",
        daerah_jenis=jenis,
        daerah=f"{jenis} {name}",
        nama=name,
        jenis_judul=f"PERATURAN {kepala.upper()} {name.upper()}",
        jabatan=f"{kepala.upper()} {name.upper()},",
        berita=f"Berita Daerah {jenis} {name}",
        sekda=f"SEKRETARIS DAERAH {jenis.upper()} {name.upper()},",
        desa=unit,
        apbdes=f"Anggaran Pendapatan dan Belanja {unit}" if unit else "",
    )
