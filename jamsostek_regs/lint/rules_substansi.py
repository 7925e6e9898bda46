"""Legal substance a machine can check: R51 of the rulebook, and R130 to R132 beyond it.

R51 places a sanction with the norm it sanctions (Lampiran II UU 12/2011 angka 64-65). R130 to
R132 are not in the rulebook: they check points of the legal review of the shipped drafts
(issue 12) that wording alone decides, each with its own source: obsolete names of public
services (R130) and services of another level of government (R131), both from the lists of
``nomenclature``; and "paling sedikit" for a head-count (R132, L2 angka 256).

They are warnings while the shipped clause templates still print what they find; they become
errors once the templates are fixed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.nomenclature import LEVEL_ONLY, OBSOLETE
from jamsostek_regs.lint.refs import chains, number
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.model import Draft

_SANCTION = re.compile(r"\b(?:dikenai|dikenakan|dijatuhi) sanksi\b")
_PALING = re.compile("paling (?:sedikit|banyak) ")
_HEADCOUNT = re.compile(
    r"\bpaling (?P<word>sedikit|banyak) \d[\d.]*(?: \([^()]*\))? "
    r"(?:orang|jiwa|Pekerja|Peserta|penduduk|anggota|kepala keluarga)\b",
    re.I,
)
_NON_MONEY = {"sedikit": "paling rendah", "banyak": "paling tinggi"}


@rule(
    "R51",
    "error",
    "Lampiran II UU 12/2011 angka 64-65; Lampiran II UU 13/2022 angka 66a",
    "Sanksi administratif dalam pasal norma yang dikenai sanksi (urutannya: R74)",
    since="2026.1",
)
def sanction_with_its_norm(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node, match in ctx.norms.matches(_SANCTION):
        own = ctx.pasal_num(node)
        text = ctx.plain(node)
        before = text[: text.find(match.group())]  # "... sebagaimana dimaksud dalam Pasal 5 ayat (2)"
        norms = {  # the parent law's own obligation (an external chain) may be sanctioned anywhere (C-02)
            number(address.value("pasal"))
            for chain in chains(before)
            if not chain.external
            for address in chain.addresses
        } - {0}
        if own is not None and norms and own != max(norms):
            yield Hit(
                node.key,
                f"Sanksi atas norma dalam Pasal {max(norms)} dirumuskan dalam pasal norma itu (atau pasal "
                f"terakhir kelompok norma yang dikenai sanksi), bukan dalam Pasal {own}.",
            )


@rule(
    "R130",
    "error",
    "PP 16/2021; UU 13/2003 Pasal 42 dan Pasal 66 sebagaimana diubah UU 6/2023; daftar lint/nomenclature.py",
    "Nomenklatur layanan yang sudah tidak berlaku (IMB, IMTA, izin usaha, ...)",
    since="2026.1",
)
def obsolete_names(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for term in OBSOLETE:
        for node, match in ctx.printed.matches(term.pattern):
            fix = f'gunakan "{term.use}"' if term.use else "hapus: layanan ini tidak ada lagi"
            yield Hit(
                node.key,
                f'"{match.group()}" adalah nomenklatur yang sudah tidak berlaku: {fix} ({term.cite}).',
            )


@rule(
    "R131",
    "error",
    "UU 23/2014 Lampiran; PP 16/2021 Pasal 347 ayat (2); daftar dalam lint/nomenclature.py",
    "Perkada hanya menyebut layanan yang diberikan pemerintah daerah pada tingkatnya",
    since="2026.1",
)
def other_level_services(draft: Draft, ctx: Context) -> Iterator[Hit]:
    name = draft.meta.region_name.casefold()
    for service in LEVEL_ONLY:
        if draft.meta.level in service.levels or any(p in name for p in service.provinces_excepted):
            continue
        for node, match in ctx.printed.matches(service.term.pattern):
            yield Hit(
                node.key,
                f'"{match.group()}" bukan layanan pemerintah daerah {ctx.level.jenis.lower()} '
                f"(diberikan oleh pemerintah daerah {' atau '.join(sorted(service.levels))}): hapus dari "
                f"Peraturan {ctx.level.kepala[0]} ini ({service.term.cite}).",
            )


@rule(
    "R132",
    "error",
    "Lampiran II UU 12/2011 angka 256 huruf c dan d",
    "Jumlah orang: paling rendah/paling tinggi, bukan paling sedikit/paling banyak",
    since="2026.1",
)
def headcount_limits(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for node, text in ctx.norms.containing(_PALING):
        for match in _HEADCOUNT.finditer(text):
            word = match["word"].lower()
            yield Hit(
                node.key,
                f'"{match.group()}": jumlah yang bukan uang memakai "{_NON_MONEY[word]}", bukan '
                f'"paling {word}".',
            )
