"""Level strings and the spelling of Wali Kota: R128 and R129 (UU 23/2014; L2 angka 16, 160-172)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.model import Draft

_OWN = re.compile(r"\bPeraturan (?P<kepala>Bupati|Wali Kota|Walikota|Gubernur)(?= ini\b| tentang\b)", re.I)
_BERITA = re.compile(
    r"\bBerita Daerah (?P<jenis>Kabupaten|Kota|Provinsi) (?P<nama>[^.,;]+?)(?= Tahun\b| Nomor\b|\.|$)", re.I
)
_SEKDA = re.compile(r"^SEKRETARIS DAERAH (?P<jenis>\S+) (?P<nama>.+),$")
_SPELLING = re.compile(r"\bwali ?kota\b", re.I)


def _expected_lines(ctx: Context, kepala: str) -> dict[str, str]:
    """Exact level lines by the last part of their key, for the head's title ``kepala``."""
    nama = ctx.level.nama.upper()
    return {"jenis": f"PERATURAN {kepala} {nama}", "jabatan": f"{kepala} {nama},"}


def _same(expected: str, written: str) -> bool:
    """Equal level words; case and the final comma are R6 and R15's business."""
    return expected.rstrip(",").upper() == written.rstrip(",").upper()


@rule(
    "R128",
    "error",
    "UU 23/2014 Pasal 1 angka 26; UU 12/2011 Pasal 86; Lampiran II angka 16, 160-172",
    "Jenis, jabatan, Berita Daerah, dan Sekretaris Daerah sesuai tingkat daerah",
)
def level_words(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    kepala = sorted({k.upper() for k in ctx.level.kepala})
    lines = [_expected_lines(ctx, k) for k in kepala]
    for node, text in ctx.texts:
        role = "sekda" if node.key.endswith("diundangkan.jabatan") else node.key.rsplit(".", 1)[-1]
        if node.kind == "line" and role in lines[0] and not any(_same(line[role], text) for line in lines):
            yield Hit(node.key, f'Untuk {ctx.level.jenis} {ctx.level.nama} tulis "{lines[0][role]}".')
        lower = text.lower()  # the patterns need these words: skip the regex search without them
        for match in _OWN.finditer(text) if "peraturan" in lower else ():
            if match["kepala"].upper() not in kepala:
                yield Hit(
                    node.key,
                    f'Peraturan ini adalah Peraturan {ctx.level.kepala[0]}, bukan "{match.group()}".',
                )
        if "berita" in lower or "sekretaris" in lower:
            yield from _gazette_words(ctx, node.key, text)


def _gazette_words(ctx: Context, key: str, text: str) -> Iterator[Hit]:
    expected = f"{ctx.level.jenis} {ctx.level.nama}"
    for match in _BERITA.finditer(text):
        if f"{match['jenis']} {match['nama']}".casefold() != expected.casefold():
            yield Hit(
                key, f'Perkada ini diundangkan dalam Berita Daerah {expected}, bukan "{match.group()}".'
            )
    sekda = _SEKDA.match(text)
    if sekda and f"{sekda['jenis']} {sekda['nama']}" != expected.upper():
        yield Hit(key, f'Tulis "SEKRETARIS DAERAH {expected.upper()},".')


@rule(
    "R129",
    "error",
    "UU 23/2014 Pasal 1 angka 9 dan 13; UU 12/2011 Pasal 8 ayat (1)",
    "Ejaan Wali Kota/Walikota seragam dalam satu peraturan",
)
def wali_kota_spelling(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    found = [(node.key, m.group()) for node, m in ctx.printed.matches(_SPELLING)]
    spellings = [" " in word for _, word in found]
    if len(set(spellings)) > 1:
        major = max(set(spellings), key=spellings.count)
        word = "Wali Kota" if major else "Walikota"
        for (key, written), spaced in zip(found, spellings, strict=True):
            if spaced != major:
                yield Hit(
                    key,
                    f'Ejaan "{written}" berbeda dengan bagian lain peraturan ini: tulis "{word}" secara '
                    "seragam.",
                )
