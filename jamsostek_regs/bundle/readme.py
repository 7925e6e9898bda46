"""``README.txt`` of a bundle, in Bahasa Indonesia: what is inside and how to verify it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from jamsostek_regs import __version__
from jamsostek_regs.numerals import tanggal
from jamsostek_regs.writers import FORMATS

if TYPE_CHECKING:
    from jamsostek_regs.bundle.archive import Summary


_HEAD = """\
BERKAS RANCANGAN PERATURAN KEPALA DAERAH
tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan

Berkas ini berisi rancangan Peraturan Bupati, Peraturan Wali Kota, atau Peraturan Gubernur
untuk {count} daerah, disusun oleh jamsostek-regs versi {version} dari pustaka pasal standar
{standards}.
Tanggal berkas: {date}.

ISI BERKAS

  README.txt      penjelasan ini
  manifest.json   daftar isi untuk diperiksa dengan program: untuk setiap daerah jenis dan
                  namanya, versi standar, sidik SHA-256 berkas data daerah dan setiap berkas
                  rancangan, serta peringatan
  SHA256SUMS      sidik SHA-256 setiap berkas, satu baris untuk setiap berkas
  <daerah>/       satu folder untuk setiap daerah, berisi rancangannya dalam format:
                  {formats};
                  dan daftar-isian.html: setiap "..." yang masih harus diisi, letaknya,
                  apa isinya, dan dari mana isinya (siap dicetak)

DAFTAR DAERAH

"""

_BODY = """
CATATAN

Setiap berkas adalah RANCANGAN. Tanda "..." menandai isian yang masih harus dilengkapi oleh
perancang: nomor, tahun, dan tanggal peraturan, serta data yang belum ditemukan sumbernya.
Semua isian itu, dengan letak dan sumber isinya, tercantum di daftar-isian.html setiap daerah;
isian selain nomor, tahun, dan tanggal dicatat juga sebagai peringatan di manifest.json.

MEMERIKSA KEUTUHAN BERKAS

Sidik SHA-256 setiap berkas tercatat di SHA256SUMS dan di manifest.json. Berkas yang sidiknya
sama dengan catatan itu utuh: tidak berubah sejak berkas ini disusun. Setelah berkas zip
dibuka, jalankan perintah berikut di folder hasilnya:

  Linux:    sha256sum -c SHA256SUMS
  macOS:    shasum -a 256 -c SHA256SUMS
  Windows:  certutil -hashfile {example} SHA256
            lalu bandingkan hasilnya dengan baris berkas itu di SHA256SUMS

Sidik README.txt dan SHA256SUMS sendiri tercatat di manifest.json, bagian "files".
"""

_FAILED = """
DAERAH YANG GAGAL DISUSUN

Rancangan daerah berikut tidak disusun karena berkas datanya bermasalah; rinciannya ada di
manifest.json, bagian "failed":

"""


def readme(regions: Sequence[dict[str, Any]], summary: Summary) -> str:
    """The README of a bundle holding ``regions`` (manifest entries)."""
    standards = sorted({f"{r['standard']['id']} versi {r['standard']['version']}" for r in regions})
    date = tanggal(dt.date.fromisoformat(summary.date)) if summary.date else "tidak ditetapkan"
    text = _HEAD.format(
        count=len(regions),
        version=__version__,
        standards=", ".join(standards),
        date=date,
        formats=", ".join(FORMATS[f].label for f in summary.formats),
    )
    for region in regions:
        warnings = f"{len(region['warnings'])} peringatan" if region["warnings"] else ""
        label = f"{region['level'].capitalize()} {region['name']}"
        text += f"  {region['id']:<28} {label:<40} {warnings}".rstrip() + "\n"
    first = regions[0]["files"][0]["path"].replace("/", "\\") if regions else "<daerah>\\<daerah>.docx"
    text += _BODY.format(example=first)
    if summary.failed:
        text += _FAILED + "".join(f"  {f.region_id}\n" for f in summary.failed)
    return text
