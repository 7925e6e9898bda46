"""Build the unnumbered document tree of one region's draft from the standard.

Conditions (``when:`` in the manifest, ``{% if %}`` in clauses) are applied here, so the
tree holds only what this region's draft contains. Numbers, reference words and list
punctuation are left empty for the passes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jamsostek_regs import mengingat, templating
from jamsostek_regs.clause import parse
from jamsostek_regs.grammar import Grammar, grammar
from jamsostek_regs.model import Draft, Inline, Meta, Node, Ref, Source
from jamsostek_regs.regions import LoadedRegion
from jamsostek_regs.schema import Bab, Bagian, ClauseRef, Lampiran, MengingatItem, Paragraf
from jamsostek_regs.standard import Standard, clause_key, template_name

PLACEHOLDER = templating.PLACEHOLDER


@dataclass(frozen=True, slots=True)
class _Builder:
    standard: Standard
    loaded: LoadedRegion
    g: Grammar
    context: dict[str, Any]

    def when(self, condition: str | None, where: str) -> bool:
        if condition is None:
            return True
        return templating.evaluate(self.standard.path, condition, self.context, where)

    def clause(self, entry: ClauseRef | str, kind: str = "pasal") -> Node | None:
        if not isinstance(entry, str) and not self.when(entry.when, template_name(entry)):
            return None
        name = template_name(entry)
        key = clause_key(entry)
        rendered = templating.render(self.standard.path, name, self.context)
        children = parse(rendered, name, key)
        return Node(kind, key, children=children, source=Source(name, 1))  # type: ignore[arg-type]


def context(standard: Standard, loaded: LoadedRegion, g: Grammar) -> dict[str, Any]:
    """The variables a clause template sees (declared in the manifest's ``variables``)."""
    region = loaded.region
    return {
        "region": region.model_dump(),
        "g": g.as_dict(),
        "cat": standard.catalog.model_dump(),
        "d": {
            "financing": [f.source for f in region.financing],
            "opd_roles": {opd.role: opd.model_dump() for opd in region.opd},
            "villages": region.village_unit != "none",
        },
        "standard": {"title": standard.manifest.title, "version": standard.manifest.version},
    }


def build(standard: Standard, loaded: LoadedRegion) -> Draft:
    """Assemble the unnumbered tree of ``loaded``'s draft."""
    g = grammar(loaded.region)
    b = _Builder(standard, loaded, g, context(standard, loaded, g))
    title = standard.manifest.title
    parts = (
        _judul(g, title),
        _pembukaan(b, title),
        Node("batang_tubuh", "batang_tubuh", children=tuple(_babs(b))),
        _penutup(b),
        *_lampiran(b, title),
    )
    region = loaded.region
    meta = Meta(
        region_id=loaded.id,
        level=region.level,
        region_name=region.name,
        title=f"Rancangan {g.peraturan} {region.name} tentang {title}",
        standard_id=standard.manifest.id,
        standard_version=standard.manifest.version,
        date=region.draft.date.isoformat() if region.draft.date else "",
        author=region.draft.author or "",
    )
    return Draft(meta, Node("draft", "draft", children=parts))


def _line(key: str, text: str) -> Node:
    return Node("line", key, text=(text,))


def _judul(g: Grammar, title: str) -> Node:
    lines = [
        _line("judul.rancangan", "RANCANGAN"),
        _line("judul.jenis", g.jenis_judul),
        _line("judul.nomor", f"NOMOR {PLACEHOLDER} TAHUN {PLACEHOLDER}"),
        _line("judul.tentang", "TENTANG"),
        _line("judul.nama", title.upper()),
    ]
    return Node("judul", "judul", children=tuple(lines))


def _pembukaan(b: _Builder, title: str) -> Node:
    return Node(
        "pembukaan",
        "pembukaan",
        children=(
            _line("pembukaan.frasa", "DENGAN RAHMAT TUHAN YANG MAHA ESA"),
            _line("pembukaan.jabatan", b.g.jabatan),
            _menimbang(b, title),
            _mengingat(b),
            Node(
                "diktum",
                "diktum",
                children=(
                    _line("diktum.memutuskan", "MEMUTUSKAN:"),
                    _line("diktum.menetapkan", f"{b.g.peraturan.upper()} TENTANG {title.upper()}."),
                ),
            ),
        ),
    )


def _menimbang(b: _Builder, title: str) -> Node:
    """Konsiderans from the standard's template plus the closing formula (R19)."""
    name = b.standard.manifest.menimbang + ".md.jinja"
    rendered = templating.render(b.standard.path, name, b.context)
    items = parse(rendered, name, "menimbang", top_kind="item")
    if len(items) > 1:
        refs: list[Inline] = ["bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam "]
        for i, item in enumerate(items):
            sep = (
                ""
                if i == 0
                else (" dan " if len(items) == 2 else (", dan " if i == len(items) - 1 else ", "))
            )
            refs += [sep, Ref(item.key, Source(name, 0), bare=True)]
        refs.append(f", perlu menetapkan {b.g.peraturan} tentang {title}")
        closing = Node("item", "menimbang.penetapan", text=tuple(p for p in refs if p != ""))
        items = (*items, closing)
    return Node("konsiderans", "menimbang", children=items)


def _mengingat(b: _Builder) -> Node:
    basis = b.standard.legal_basis
    ids: list[str] = []
    for entry in b.standard.manifest.mengingat:
        item = MengingatItem(ref=entry) if isinstance(entry, str) else entry
        if not b.when(item.when, "manifest.yaml (mengingat)"):
            continue
        ids += b.loaded.region.establishment if item.ref == "establishment" else [item.ref]
    ordered = sorted(dict.fromkeys(ids), key=lambda i: mengingat.sort_key(basis[i]))
    items = tuple(
        Node("item", f"mengingat.{i}", text=(mengingat.citation(basis[i], basis),)) for i in ordered
    )
    return Node("dasar_hukum", "mengingat", children=items)


def _babs(b: _Builder) -> Iterator[Node]:
    for bab in b.standard.manifest.body:
        if b.when(bab.when, f"manifest.yaml (bab {bab.key})"):
            children = tuple(_group_children(b, bab))
            if children:
                yield Node("bab", bab.key, title=bab.title, children=children)


def _group_children(b: _Builder, group: Bab | Bagian | Paragraf) -> Iterator[Node]:
    for entry in group.pasal:
        node = b.clause(entry)
        if node is not None:
            yield node
    subgroups: list[Bagian] | list[Paragraf] = (
        group.bagian if isinstance(group, Bab) else group.paragraf if isinstance(group, Bagian) else []
    )
    kind = "bagian" if isinstance(group, Bab) else "paragraf"
    for sub in subgroups:
        if b.when(sub.when, f"manifest.yaml ({kind} {sub.key})"):
            children = tuple(_group_children(b, sub))
            if children:
                yield Node(kind, sub.key, title=sub.title, children=children)  # type: ignore[arg-type]


def _signature(key: str, jabatan: str, name: str | None) -> Node:
    lines = (_line(f"{key}.jabatan", jabatan), _line(f"{key}.ttd", ""), _line(f"{key}.nama", _name(name)))
    return Node("pengesahan", key, children=lines)


def _name(name: str | None) -> str:
    return name.upper() if name else PLACEHOLDER


def _penutup(b: _Builder) -> Node:
    region = b.loaded.region
    place = region.capital or PLACEHOLDER
    perintah = (
        f"Agar setiap orang mengetahuinya, memerintahkan pengundangan {b.g.peraturan} ini"
        f" dengan penempatannya dalam {b.g.berita}."
    )
    ditetapkan = _signature("penutup.ditetapkan", b.g.jabatan, region.head.name)
    diundangkan = _signature("penutup.diundangkan", b.g.sekda, region.secretary.name)
    ditetapkan = ditetapkan.with_children(
        (
            _line("penutup.ditetapkan.di", f"Ditetapkan di {place}"),
            _line("penutup.ditetapkan.tanggal", f"pada tanggal {PLACEHOLDER}"),
            *ditetapkan.children,
        )
    )
    diundangkan = diundangkan.with_children(
        (
            _line("penutup.diundangkan.di", f"Diundangkan di {place}"),
            _line("penutup.diundangkan.tanggal", f"pada tanggal {PLACEHOLDER}"),
            *diundangkan.children,
        )
    )
    berita = f"{b.g.berita.upper()} TAHUN {PLACEHOLDER} NOMOR {PLACEHOLDER}"
    return Node(
        "penutup",
        "penutup",
        children=(
            _line("penutup.perintah", perintah),
            ditetapkan,
            diundangkan,
            _line("penutup.berita", berita),
        ),
    )


def _lampiran(b: _Builder, title: str) -> Iterator[Node]:
    for lamp in b.standard.manifest.lampiran:
        if b.when(lamp.when, f"manifest.yaml (lampiran {lamp.key})"):
            yield _one_lampiran(b, lamp, title)


def _one_lampiran(b: _Builder, lamp: Lampiran, title: str) -> Node:
    key = f"lampiran.{lamp.key}"
    name = lamp.file + ".md.jinja"
    rendered = templating.render(b.standard.path, name, b.context)
    body = parse(rendered, name, key, top_kind="line")
    kepala = Node(
        "pengesahan",
        f"{key}.kepala",
        children=(
            _line(f"{key}.kepala.lampiran", "LAMPIRAN"),
            _line(f"{key}.kepala.jenis", b.g.jenis_judul),
            _line(f"{key}.kepala.nomor", f"NOMOR {PLACEHOLDER} TAHUN {PLACEHOLDER}"),
            _line(f"{key}.kepala.tentang", "TENTANG"),
            _line(f"{key}.kepala.nama", title.upper()),
        ),
    )
    signature = _signature(f"{key}.ttd", b.g.jabatan, b.loaded.region.head.name)
    return Node(
        "lampiran", key, title=lamp.title, children=(kepala, *body, signature), source=Source(name, 1)
    )
