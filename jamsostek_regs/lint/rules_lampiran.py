"""Lampiran: R103 and R105 to R108 (Lampiran II UU 12/2011 angka 192 to 197)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.citing import cite
from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.lint.rules_judul import NOMOR
from jamsostek_regs.lint.text import JABATAN_LINE, KEPALA, PLACEHOLDER, casefold_equal
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.numerals import roman

_JENIS = re.compile(r"^PERATURAN (?:BUPATI|WALI ?KOTA|GUBERNUR) \S", re.IGNORECASE)
_PART_OF = re.compile(rf"merupakan bagian (?:yang )?tidak terpisahkan dari Peraturan {KEPALA} ini")


def _kepala(lampiran: Node) -> tuple[Node, ...]:
    first = lampiran.children[0] if lampiran.children else None
    return first.children if first is not None and first.kind == "pengesahan" else ()


def _expected_num(ctx: Context, index: int) -> str:
    return roman(index) if len(ctx.parts("lampiran")) > 1 else ""


@rule(
    "R103",
    "error",
    "Lampiran II UU 12/2011 angka 192",
    "Lampiran disebut dalam pasal sebagai bagian tidak terpisahkan",
)
def lampiran_cited(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    texts = [n.plain() for n in ctx.body]
    for lampiran in ctx.parts("lampiran"):
        label = cite(lampiran)
        name = re.compile(rf"\b{label}\b(?! [IVXLC]+\b)")
        if not any(name.search(t) and _PART_OF.search(t) for t in texts):
            yield Hit(
                lampiran.key,
                f'Sebut lampiran ini dalam pasal: "... tercantum dalam {label} yang merupakan bagian tidak '
                f'terpisahkan dari Peraturan {ctx.level.kepala[0]} ini."',
            )


@rule(
    "R105",
    "error",
    "Lampiran II UU 12/2011 angka 194",
    "Lampiran lebih dari satu bernomor Romawi; satu lampiran tanpa nomor",
)
def lampiran_numbers(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for i, lampiran in enumerate(ctx.parts("lampiran"), 1):
        expected = f"LAMPIRAN {_expected_num(ctx, i)}".strip()
        kepala = _kepala(lampiran)
        first = kepala[0].plain() if kepala else ""
        if lampiran.num != _expected_num(ctx, i) or first.upper() != expected:
            yield Hit(lampiran.key, f'Lampiran ke-{i} diberi kepala "{expected}", bukan "{first}".')


@rule(
    "R106",
    "error",
    "Lampiran II UU 12/2011 angka 195",
    "Kepala lampiran kapital, di kanan atas, rata kiri, tanpa tanda baca akhir",
)
def lampiran_heading(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for lampiran in ctx.parts("lampiran"):
        lines = _kepala(lampiran)
        texts = [n.plain() for n in lines]
        shape = (
            len(texts) == 5
            and _JENIS.match(texts[1])
            and NOMOR.match(texts[2])
            and texts[3].upper() == "TENTANG"
            and casefold_equal(texts[4], ctx.nama())
        )
        if not shape:
            yield Hit(
                lampiran.key,
                "Kepala lampiran memuat LAMPIRAN, jenis peraturan, NOMOR ... TAHUN ..., TENTANG, dan nama "
                "peraturan.",
            )
        for line in lines:
            text = line.plain()
            if text != text.upper() or (text[-1:] in {".", ",", ";", ":"} and not text.endswith(PLACEHOLDER)):
                yield Hit(
                    line.key,
                    "Kepala lampiran ditulis kapital tanpa tanda baca akhir: "
                    f'"{text.upper().rstrip(".,;:")}".',
                )
            if ctx.styles.get(line.key, "LampiranKepala") != "LampiranKepala":
                yield Hit(
                    line.key,
                    "Kepala lampiran diletakkan di sudut kanan atas: cetak dengan gaya LampiranKepala.",
                )


@rule(
    "R107",
    "error",
    "Lampiran II UU 12/2011 angka 196",
    "Judul lampiran kapital, di tengah, tanpa tanda baca akhir",
)
def lampiran_title(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for lampiran in ctx.parts("lampiran"):
        title = lampiran.title
        if not title or title != title.upper() or title[-1:] in {".", ",", ";", ":"}:
            yield Hit(
                lampiran.key,
                "Judul lampiran ditulis seluruhnya kapital tanpa tanda baca akhir: "
                f'"{title.upper().rstrip(".,;:")}".',
            )
        if ctx.styles.get(lampiran.key, "LampiranJudul") != "LampiranJudul":
            yield Hit(lampiran.key, "Judul lampiran diletakkan di tengah: cetak dengan gaya LampiranJudul.")


@rule(
    "R108",
    "error",
    "Lampiran II UU 12/2011 angka 197",
    "Setiap lampiran diakhiri jabatan dan nama penanda tangan di kanan bawah",
)
def lampiran_signature(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for lampiran in ctx.parts("lampiran"):
        last = lampiran.children[-1] if lampiran.children else None
        lines = (
            {c.key.rsplit(".", 1)[-1]: c for c in last.children} if last and last.kind == "pengesahan" else {}
        )
        jabatan, nama = lines.get("jabatan"), lines.get("nama")
        right = all(ctx.styles.get(c.key, "TtdKanan") == "TtdKanan" for c in lines.values())
        if (
            jabatan is None
            or nama is None
            or not JABATAN_LINE.match(jabatan.plain())
            or nama.plain() != nama.plain().upper()
            or not right
        ):
            yield Hit(
                lampiran.key,
                f"Akhiri lampiran dengan nama jabatan kapital diakhiri koma ({ctx.level.kepala[0].upper()} "
                f"{ctx.level.nama.upper()},) dan nama pejabat kapital, di kanan bawah.",
            )
