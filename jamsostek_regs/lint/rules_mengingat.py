"""Dasar hukum (Mengingat): R26 to R34 (Lampiran II UU 12/2011 angka 28 to 52)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.lint.citations import RANK, Citation, chain, cited
from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.model import Draft, Node

_N = r"(?:\d+|\.\.\.)"
_Y = r"(?:\d{4}|\.\.\.)"
_LN = rf"Lembaran Negara Republik Indonesia Tahun {_Y} Nomor {_N}"
_GAZETTE = {
    "negara": re.compile(rf"^{_LN}, Tambahan Lembaran Negara Republik Indonesia Nomor {_N}$"),
    "perpres": re.compile(rf"^{_LN}(?:, Tambahan Lembaran Negara Republik Indonesia Nomor {_N})?$"),
    "permen": re.compile(rf"^Berita Negara Republik Indonesia Tahun {_Y} Nomor {_N}$"),
    "perda": re.compile(
        rf"^Lembaran Daerah (?:Provinsi|Kabupaten|Kota) .+ Tahun {_Y} Nomor {_N}"
        rf"(?:, Tambahan Lembaran Daerah (?:Provinsi|Kabupaten|Kota) .+ Nomor {_N})?$"
    ),
    "perkada": re.compile(rf"^Berita Daerah (?:Provinsi|Kabupaten|Kota) .+ Tahun {_Y} Nomor {_N}$"),
}
_FORM = {"uu": "negara", "perppu": "negara", "pp": "negara", "perpres": "perpres", "permen": "permen",
         "perda_prov": "perda", "perda": "perda", "pergub": "perkada", "perkada": "perkada"}  # fmt: skip
_REQUIRED = {"uu", "perppu", "pp", "perda_prov", "perda"}
_EXAMPLES = {
    "negara": "Lembaran Negara Republik Indonesia Tahun 2011 Nomor 82, "
    "Tambahan Lembaran Negara Republik Indonesia Nomor 5234",
    "perpres": "Lembaran Negara Republik Indonesia Tahun 2021 Nomor 12",
    "permen": "Berita Negara Republik Indonesia Tahun 2015 Nomor 2036",
    "perda": "Lembaran Daerah Kabupaten Lombok Timur Tahun 2020 Nomor 5",
    "perkada": "Berita Daerah Kabupaten Lombok Timur Tahun 2020 Nomor 5",
}
_UUD = re.compile(r"^Pasal .+ Undang-Undang Dasar Negara Republik Indonesia Tahun 1945$")


def _items(ctx: Context) -> tuple[Node, ...]:
    pembukaan = ctx.part("pembukaan")
    group = next((c for c in pembukaan.children if c.kind == "dasar_hukum"), None) if pembukaan else None
    return group.children if group else ()


def _main(item: Node) -> Citation:
    return chain(item.plain())[0]


@rule(
    "R26",
    "error",
    "Lampiran II UU 12/2011 angka 28",
    "Dasar hukum diawali kata Mengingat dan memuat peraturan yang memberi kewenangan",
)
def mengingat_present(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    if not _items(ctx):
        yield Hit(
            "pembukaan",
            "Dasar hukum diawali kata Mengingat dan memuat dasar kewenangan: tambahkan Mengingat.",
        )


@rule(
    "R27",
    "error",
    "Lampiran II UU 12/2011 angka 52",
    "Dasar hukum bernomor 1., 2., ... dan setiap butir diakhiri titik koma",
)
def mengingat_numbers(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    items = _items(ctx)
    for i, item in enumerate(items, 1):
        expected = f"{i}." if len(items) > 1 else ""
        if item.num != expected:
            label = f'nomor "{expected}"' if expected else "tanpa nomor"
            yield Hit(item.key, f'Dasar hukum ke-{i} ditulis {label}, bukan "{item.num}".')
        if not item.plain().endswith(";"):
            yield Hit(item.key, "Setiap dasar hukum, termasuk yang terakhir, diakhiri titik koma (;).")


@rule(
    "R28",
    "error",
    "Lampiran II UU 12/2011 angka 41",
    "Dasar hukum hanya peraturan yang setingkat atau lebih tinggi",
)
def mengingat_level(draft: Draft, ctx: Context) -> Iterator[Hit]:
    lower = {"perda", "perkada"} if draft.meta.level == "provinsi" else set()
    for item in _items(ctx):
        jenis = _main(item).jenis
        if jenis is None or jenis in lower:
            yield Hit(
                item.key,
                "Dasar hukum hanya Peraturan Perundang-undangan yang setingkat atau lebih tinggi (bukan "
                "keputusan, instruksi, surat edaran, atau peraturan yang lebih rendah): hapus butir ini.",
            )


@rule(
    "R29",
    "error",
    "Lampiran II UU 12/2011 angka 42",
    "Peraturan yang dicabut oleh Perkada ini tidak dijadikan dasar hukum",
)
def mengingat_repealed(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    repealed = {
        key
        for node in ctx.body
        if "dinyatakan tidak berlaku" in ctx.plain(node)
        for key in cited(ctx.plain(node))
    }
    for item in _items(ctx):
        if _main(item).key in repealed:
            yield Hit(
                item.key,
                "Peraturan yang dicabut oleh peraturan ini tidak dicantumkan sebagai dasar hukum: hapus "
                "butir ini.",
            )


@rule("R30", "error", "Lampiran II UU 12/2011 angka 43", "Dasar hukum urut hierarki, lalu tahun, lalu nomor")
def mengingat_order(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    previous: tuple[int, int, int] | None = None
    for item in _items(ctx):
        main = _main(item)
        if main.jenis is None:
            continue
        key = (RANK[main.jenis], main.tahun, main.nomor)
        if previous is not None and key < previous:
            yield Hit(
                item.key,
                "Dasar hukum diurutkan menurut hierarki, lalu tahun, lalu nomor: pindahkan butir ini ke "
                "atas.",
            )
        previous = max(key, previous or key)


@rule(
    "R31",
    "error",
    "Lampiran II UU 12/2011 angka 44",
    "Pasal UUD 1945 ditulis Pasal ... Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
)
def mengingat_uud(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for item in _items(ctx):
        text = item.plain().removesuffix(";")
        if _main(item).jenis == "uud" and not _UUD.match(text):
            yield Hit(
                item.key,
                'Tulis pasal UUD sebagai "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia '
                'Tahun 1945" (pasal lebih dahulu, nama UUD lengkap).',
            )


@rule(
    "R32",
    "error",
    "Lampiran II UU 12/2011 angka 45",
    "Dasar hukum selain UUD tanpa pasal dan tanpa frasa Republik Indonesia",
)
def mengingat_plain_names(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for item in _items(ctx):
        text = item.plain()
        if _main(item).jenis == "uud":
            continue
        if "Republik Indonesia Nomor" in re.sub(r"\([^()]*\)", "", text):
            yield Hit(
                item.key,
                'Hapus frasa "Republik Indonesia" dari nama peraturan (mis. "Undang-Undang Nomor ...").',
            )
        if text.startswith("Pasal "):
            yield Hit(item.key, "Dasar hukum selain UUD dicantumkan tanpa menyebut pasal: hapus pasalnya.")


@rule(
    "R33",
    "error",
    "Lampiran II UU 12/2011 angka 46",
    "Jenis peraturan dalam dasar hukum diawali huruf kapital",
)
def mengingat_capitals(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for item in _items(ctx):
        for cite in chain(item.plain()):
            words = re.split(r"[ -]", cite.jenis_words)
            if any(w[:1].islower() for w in words):
                yield Hit(
                    item.key, f'Huruf awal jenis peraturan ditulis kapital: "{cite.jenis_words.title()}".'
                )


@rule(
    "R34",
    "error",
    "Lampiran II UU 12/2011 angka 47-49",
    "Lembaran Negara/Tambahan Lembaran Negara (atau Lembaran/Berita Daerah) dalam kurung",
)
def mengingat_gazette(_draft: Draft, ctx: Context) -> Iterator[Hit]:
    for item in _items(ctx):
        for cite in chain(item.plain()):
            message = _gazette_problem(cite)
            if message:
                yield Hit(item.key, message)


def _gazette_problem(cite: Citation) -> str:
    form = _FORM.get(cite.jenis or "")
    if form is None:
        return ""
    if cite.gazette is None:
        return (
            "Cantumkan Lembaran Negara dan Tambahan Lembaran Negara (atau Lembaran Daerah) dalam kurung "
            f'setelah nama "{cite.text[:60]}".'
            if cite.jenis in _REQUIRED
            else ""
        )
    if _GAZETTE[form].match(cite.gazette):
        return ""
    example = _EXAMPLES[form]
    return f'Penempatan "{cite.gazette}" tidak sesuai bentuk jenis peraturan ini; contoh: "({example})".'
