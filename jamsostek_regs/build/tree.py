"""Build the unnumbered document tree of one region's draft from the standard.

Conditions (``when:`` in the manifest, ``{% if %}`` in clauses) are applied here, so the
tree holds only what this region's draft contains. Numbers, reference words and list
punctuation are left empty for the passes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from jamsostek_regs.build import definitions, instruments, mengingat, terms
from jamsostek_regs.build.changes import Changes
from jamsostek_regs.build.grammar import Grammar, grammar
from jamsostek_regs.dialect import clause, provenance, templating
from jamsostek_regs.errors import InputError
from jamsostek_regs.model import Draft, Inline, Meta, Node, Ref, Source
from jamsostek_regs.source import attachments, financing, laws, overrides
from jamsostek_regs.source.changes import LAMPIRAN_TOP
from jamsostek_regs.source.regions import LoadedRegion
from jamsostek_regs.source.schema import (
    Addition,
    Attachment,
    Bab,
    Bagian,
    ClauseRef,
    Lampiran,
    MengingatItem,
    Paragraf,
    Region,
    RegionLampiran,
)
from jamsostek_regs.source.standard import Standard, clause_key, template_name
from jamsostek_regs.source.yamlsource import KeyPath, load_file

PLACEHOLDER = templating.PLACEHOLDER


def parse(text: str, file: str, key: str, top_kind: str = "ayat") -> tuple[Node, ...]:
    """:func:`clause.parse`, once per distinct text, file, key and template lines.

    Many clauses render to the same text in every region, and parsed nodes are immutable, so
    each is parsed once per process (a batch of 552 regions builds in half the time). The
    template lines are part of the key: the same text rendered by two branches of a template
    has different sources.
    """
    lines = text.lines if isinstance(text, templating.Rendered) else ()
    return _parse(str(text), lines, file, key, top_kind)


@functools.lru_cache(maxsize=4096)
def _parse(text: str, lines: tuple[int, ...], file: str, key: str, top_kind: str) -> tuple[Node, ...]:
    return clause.parse(templating.Rendered(text, lines) if lines else text, file, key, top_kind)


#: Region keys each value of the derived template variable ``d`` comes from (provenance).
_DERIVED_KEYS = {
    "financing": ("financing",),
    "paying": ("financing",),
    "apbd_parts": ("financing",),
    "subsidy": ("financing", "segments"),
    "opd_roles": ("opd",),
    "villages": ("village_unit",),
    "instruments": ("instruments",),
    "defined_segments": ("segments", "lists", "financing"),
    "defined_programs": ("segments", "financing"),
    "employed_groups": ("government_groups",),
    "facilitated_groups": ("government_groups",),
}


@dataclass(frozen=True, slots=True)
class _Builder:
    standard: Standard
    loaded: LoadedRegion
    g: Grammar
    context: dict[str, Any]
    words: overrides.Words
    changes: Changes

    def when(self, condition: str | None, where: str) -> bool:
        if condition is None:
            return True
        return templating.evaluate(self.standard.path, condition, self.context, where)

    def tested(self, condition: str | None, where: str) -> tuple[bool, tuple[str, ...]]:
        """Whether ``condition`` holds, and the region keys it tested (provenance)."""
        provenance.take(self.context)
        holds = self.when(condition, where)
        return holds, tuple(sorted(provenance.take(self.context)))

    def clause(self, entry: ClauseRef | str, kind: str = "pasal") -> Node | None:
        holds, params = self.tested(None if isinstance(entry, str) else entry.when, template_name(entry))
        if not holds:
            return None
        name = template_name(entry)
        key = clause_key(entry)
        rendered = templating.render(self.standard.path, name, self.context)
        text = overrides.replaced(rendered, key, self.loaded.region, self.words)
        file = name if text is rendered else self.file(key)
        children = parse(text, file, key)
        node = Node(kind, key, children=children, source=Source(file, 1), params=params)  # type: ignore[arg-type]
        return self.changes.apply(node)

    def file(self, key: str) -> str:
        """How sources name the region's own text of node ``key``."""
        return overrides.display(self.loaded.path, key)

    def text(self, text: str, file: str, key: str, top_kind: str) -> tuple[Node, ...]:
        """The nodes of a region text (its words printed, see :func:`overrides.dialect`)."""
        return parse(overrides.dialect(text, self.words), file, key, top_kind)

    def additions(self, after: str) -> Iterator[Node]:
        """The region's own Pasal that follow Pasal ``after`` (see :func:`overrides.chain`)."""
        yield from self._pasal(overrides.chain(self.loaded.region, after))

    def ending(self, group: str) -> Iterator[Node]:
        """The region's own Pasal at the end of BAB or Bagian ``group`` (see :func:`overrides.ending`)."""
        yield from self._pasal(overrides.ending(self.loaded.region, group))

    def _pasal(self, added: Iterator[Addition]) -> Iterator[Node]:
        for addition in added:
            key = overrides.addition_key(addition)
            file = self.file(key)
            children = self.text(addition.text, file, key, "ayat")
            yield self.changes.apply(Node("pasal", key, children=children, source=Source(file, 1)))


def words(region: Region, g: Grammar) -> overrides.Words:
    """The words region text may print (:data:`overrides.WORD_NAMES`) with their region keys."""
    own = {f"region.{name}": (getattr(region, name), (name,)) for name in ("name", "capital", "province")}
    level = {f"g.{name}": (value, provenance.GRAMMAR_KEYS[name]) for name, value in g.as_dict().items()}
    return own | level


def context(standard: Standard, loaded: LoadedRegion, g: Grammar) -> dict[str, Any]:
    """The variables a clause template sees (declared in the manifest's ``variables``)."""
    region = loaded.region
    rec = provenance.Recorder()  # values remember the region keys they come from
    derived = {
        "financing": [f.source for f in region.financing],
        "paying": financing.paying(region, standard.catalog),
        "apbd_parts": financing.apbd_parts(region, standard.catalog),
        "subsidy": financing.subsidy(region),
        "opd_roles": {opd.role: opd.model_dump() for opd in region.opd},
        "villages": region.village_unit != "none",
        "instruments": instruments.by_fate(region, g),
        "defined_segments": definitions.segments(region),
        "defined_programs": definitions.programs(region),
        "employed_groups": definitions.employed_groups(region, standard.catalog),
        "facilitated_groups": definitions.facilitated_groups(region, standard.catalog),
    }
    return {
        "region": provenance.track_region(region.model_dump(), rec),
        "g": provenance.track_derived(g.as_dict(), provenance.GRAMMAR_KEYS, rec),
        "cat": rec.wrap(standard.catalog.model_dump(), provenance.NO_PATHS),
        "d": provenance.track_derived(derived, _DERIVED_KEYS, rec),
        "standard": {"title": standard.manifest.title, "version": standard.manifest.version},
    }


def build(standard: Standard, loaded: LoadedRegion) -> Draft:
    """Assemble the unnumbered tree of ``loaded``'s draft."""
    g = grammar(loaded.region)
    region = loaded.region
    said = words(region, g)
    own = Changes(
        list(region.changes),
        lambda text, file, key, kind: parse(overrides.dialect(text, said), file, key, kind),
        lambda key: overrides.display(loaded.path, key),
    )
    b = _Builder(standard, loaded, g, context(standard, loaded, g), said, own)
    title = region.title.text if region.title else standard.manifest.title
    body = _filled(b, b.changes.apply(Node("batang_tubuh", "batang_tubuh", children=tuple(_babs(b)))))
    overrides.ensure_placed(loaded.path, region, (n.key for n in body.walk() if n.kind == "pasal"))
    pasal = {n.key for n in body.walk() if n.kind == "pasal"}
    attached = attachments.attached(loaded, pasal)
    parts = (
        _judul(g, title, _title_keys(b)),
        _pembukaan(b, title),
        _cite(b, body) if region.attachments or region.lampiran else body,
        _penutup(b),
        *_lampiran(b, title),
    )
    if region.changes or region.overrides or region.lampiran:
        _refuse(b, Node("draft", "draft", children=parts), pasal)
    meta = Meta(
        region_id=loaded.id,
        level=region.level,
        region_name=region.name,
        title=f"Rancangan {g.peraturan} {region.name} tentang {title}",
        standard_id=standard.manifest.id,
        standard_version=standard.manifest.version,
        date=region.draft.date.isoformat() if region.draft.date else "",
        author=region.draft.author or "",
        attachments=attached,
        kop=_kop(region, g) if region.draft.kop else (),
    )
    return Draft(meta, Node("draft", "draft", children=parts))


def _kop(region: Region, g: Grammar) -> tuple[str, ...]:
    """The kop's lines: the jabatan, and the province of a kabupaten or kota ("PROVINSI ...")."""
    jabatan = g.jabatan.removesuffix(",")
    if region.level == "provinsi" or not region.province:
        return (jabatan,)
    return (jabatan, f"PROVINSI {region.province.upper()}")


def _line(key: str, text: str, *params: str) -> Node:
    return Node("line", key, text=(text,), params=tuple(dict.fromkeys(params)))


def _g(field: str) -> tuple[str, ...]:
    """The region keys grammar string ``field`` comes from."""
    return provenance.GRAMMAR_KEYS[field]


def _title_keys(b: _Builder) -> tuple[str, ...]:
    """The region key the name of the Perkada comes from, when the region gives its own."""
    return ("title",) if b.loaded.region.title else ()


def _judul(g: Grammar, title: str, keys: tuple[str, ...]) -> Node:
    lines = [
        _line("judul.rancangan", "RANCANGAN"),
        _line("judul.jenis", g.jenis_judul, *_g("jenis_judul")),
        _line("judul.nomor", f"NOMOR {PLACEHOLDER} TAHUN {PLACEHOLDER}"),
        _line("judul.tentang", "TENTANG"),
        _line("judul.nama", title.upper(), *keys),
    ]
    return Node("judul", "judul", children=tuple(lines))


def _pembukaan(b: _Builder, title: str) -> Node:
    return Node(
        "pembukaan",
        "pembukaan",
        children=(
            _line("pembukaan.frasa", "DENGAN RAHMAT TUHAN YANG MAHA ESA"),
            _line("pembukaan.jabatan", b.g.jabatan, *_g("jabatan")),
            _menimbang(b, title),
            _mengingat(b),
            Node(
                "diktum",
                "diktum",
                children=(
                    _line("diktum.memutuskan", "MEMUTUSKAN:"),
                    _line(
                        "diktum.menetapkan",
                        f"{b.g.peraturan.upper()} TENTANG {title.upper()}.",
                        *_g("peraturan"),
                        *_title_keys(b),
                    ),
                ),
            ),
        ),
    )


def _menimbang(b: _Builder, title: str) -> Node:
    """Konsiderans from the standard's template plus the closing formula (R19)."""
    name = b.standard.manifest.menimbang + ".md.jinja"
    rendered = templating.render(b.standard.path, name, b.context)
    parsed = parse(rendered, name, "menimbang", top_kind="item")
    items = b.changes.apply(Node("konsiderans", "menimbang", children=parsed)).children
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
        closing = Node(
            "item",
            "menimbang.penetapan",
            text=tuple(p for p in refs if p != ""),
            params=(*_g("peraturan"), *_title_keys(b)),
        )
        items = (*items, closing)
    return Node("konsiderans", "menimbang", children=items)


def _mengingat(b: _Builder) -> Node:
    """The standard's Mengingat for this region, plus the region's own items (see :mod:`laws`)."""
    region = b.loaded.region
    basis = laws.catalog(region, b.standard)
    ids: dict[str, tuple[str, ...]] = {}  # id -> the region keys that put it in
    for entry in b.standard.manifest.mengingat:
        item = MengingatItem(ref=entry) if isinstance(entry, str) else entry
        holds, params = b.tested(item.when, "manifest.yaml (mengingat)")
        if not holds:
            continue
        own = item.ref == "establishment"
        for law in region.establishment if own else [item.ref]:
            ids.setdefault(law, ("establishment",) if own else params)
    for added in region.mengingat:
        if added.law is not None:
            ids.setdefault(added.law, ("mengingat",))
    for law in ids:  # a law the region declares, or a chain its own laws extend
        if basis[law] is not b.standard.legal_basis.get(law):
            ids[law] = (*ids[law], "laws")
    if laws.UUD in ids and any(added.uud for added in region.mengingat):
        basis[laws.UUD] = basis[laws.UUD].model_copy(update={"pasal": laws.uud_articles(region, b.standard)})
        ids[laws.UUD] = (*ids[laws.UUD], "mengingat")
    ordered = sorted(ids, key=lambda i: mengingat.sort_key(basis[i]))
    items = tuple(
        Node("item", f"mengingat.{i}", text=(mengingat.citation(basis[i], basis),), params=ids[i])
        for i in ordered
    )
    return Node("dasar_hukum", "mengingat", children=items)


def _babs(b: _Builder) -> Iterator[Node]:
    for bab in b.standard.manifest.body:
        holds, params = b.tested(bab.when, f"manifest.yaml (bab {bab.key})")
        if holds:
            children = tuple(_group_children(b, bab))
            if children:
                yield Node("bab", bab.key, title=bab.title, children=children, params=params)


def _filled(b: _Builder, node: Node) -> Node:
    """``node`` (the batang tubuh) with each BAB and Bagian ended by the additions put ``in`` it."""
    if node.kind not in {"batang_tubuh", "bab", "bagian"}:
        return node
    children = tuple(_filled(b, child) for child in node.children)
    return node.with_children(children + (() if node.kind == "batang_tubuh" else tuple(b.ending(node.key))))


def _refuse(b: _Builder, root: Node, pasal: set[str]) -> None:
    """Raise :class:`InputError` for what the region's changes could not do or must not do."""
    b.changes.unapplied(sorted(n.key for n in root.walk()))
    b.changes.empty_groups(root)
    b.changes.cited_removals(root)
    problems = list(b.changes.problems)
    problems += [
        (("lampiran", i, "pasal"), f"this region's draft has no Pasal '{lamp.pasal}' to cite it", "")
        for i, lamp in enumerate(b.loaded.region.lampiran)
        if lamp.pasal not in pasal
    ]
    problems += _undefined(b, root)
    if problems:
        path = b.loaded.path
        located = load_file(path, f"regions/{path.name}")
        raise InputError([located.problem(where, message, hint) for where, message, hint in problems])


def _undefined(b: _Builder, root: Node) -> list[tuple[KeyPath, str, str]]:
    """A problem when the draft uses terms the standard defines in Pasal 1 but it no longer does."""
    first = b.standard.manifest.body[0].pasal[0]
    key = clause_key(first)
    pasals = [n for n in root.walk() if n.kind == "pasal" or n.kind == "lampiran"]
    now = next((n for n in pasals if n.key == key), None)
    if now is None:
        return []
    name = template_name(first)
    given = parse(templating.render(b.standard.path, name, b.context), name, key)
    later = pasals[pasals.index(now) + 1 :]
    lost = terms.undefined(terms.defined(given), terms.defined(now.children), later)
    if not lost:
        return []
    region = b.loaded.region
    where: KeyPath = next(
        (("overrides", i, "key") for i, o in enumerate(region.overrides) if o.key == key),
        next(
            (
                ("changes", i)
                for i, c in enumerate(region.changes)
                if (c.replace or c.remove or "").startswith(key + ".")
            ),
            ("changes",),
        ),
    )
    message = (
        f"Pasal '{key}' no longer defines {', '.join(repr(t) for t in lost)}, which the draft still "
        "uses after it: keep their definitions (R59, R63)"
    )
    return [(where, message, "")]


def _group_children(b: _Builder, group: Bab | Bagian | Paragraf) -> Iterator[Node]:
    for entry in group.pasal:
        node = b.clause(entry)
        if node is not None:
            yield node
            yield from b.additions(node.key)
    subgroups: list[Bagian] | list[Paragraf] = (
        group.bagian if isinstance(group, Bab) else group.paragraf if isinstance(group, Bagian) else []
    )
    kind = "bagian" if isinstance(group, Bab) else "paragraf"
    for sub in subgroups:
        holds, params = b.tested(sub.when, f"manifest.yaml ({kind} {sub.key})")
        if holds:
            children = tuple(_group_children(b, sub))
            if children:
                yield Node(kind, sub.key, title=sub.title, children=children, params=params)  # type: ignore[arg-type]


def _signature(key: str, jabatan: str, name: str | None, keys: tuple[tuple[str, ...], str]) -> Node:
    """Jabatan, signature space and name; ``keys``: the region keys of the jabatan and the name."""
    jabatan_keys, name_key = keys
    lines = (
        _line(f"{key}.jabatan", jabatan, *jabatan_keys),
        _line(f"{key}.ttd", ""),
        _line(f"{key}.nama", _name(name), name_key),
    )
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
    ditetapkan = _signature("penutup.ditetapkan", b.g.jabatan, region.head.name, (_g("jabatan"), "head.name"))
    diundangkan = _signature(
        "penutup.diundangkan", b.g.sekda, region.secretary.name, (_g("sekda"), "secretary.name")
    )
    ditetapkan = ditetapkan.with_children(
        (
            _line("penutup.ditetapkan.di", f"Ditetapkan di {place}", "capital"),
            _line("penutup.ditetapkan.tanggal", f"pada tanggal {PLACEHOLDER}"),
            *ditetapkan.children,
        )
    )
    diundangkan = diundangkan.with_children(
        (
            _line("penutup.diundangkan.di", f"Diundangkan di {place}", "capital"),
            _line("penutup.diundangkan.tanggal", f"pada tanggal {PLACEHOLDER}"),
            *diundangkan.children,
        )
    )
    berita = f"{b.g.berita.upper()} TAHUN {PLACEHOLDER} NOMOR {PLACEHOLDER}"
    return Node(
        "penutup",
        "penutup",
        children=(
            _line("penutup.perintah", perintah, *_g("peraturan"), *_g("berita")),
            ditetapkan,
            diundangkan,
            _line("penutup.berita", berita, *_g("berita")),
        ),
    )


def _lampiran(b: _Builder, title: str) -> Iterator[Node]:
    for lamp in b.standard.manifest.lampiran:
        holds, params = b.tested(lamp.when, f"manifest.yaml (lampiran {lamp.key})")
        if holds:
            yield replace(_one_lampiran(b, lamp, title), params=params)
    for own in b.loaded.region.lampiran:
        yield _region_lampiran(b, own, title)
    for attachment in b.loaded.region.attachments:
        yield _attached_lampiran(b, attachment, title)


def _one_lampiran(b: _Builder, lamp: Lampiran, title: str) -> Node:
    key = f"lampiran.{lamp.key}"
    name = lamp.file + ".md.jinja"
    rendered = templating.render(b.standard.path, name, b.context)
    body = b.changes.apply(Node("lampiran", key, children=parse(rendered, name, key, top_kind="line")))
    return _lampiran_node(b, key, lamp.title, body.children, Source(name, 1), title)


def _region_lampiran(b: _Builder, lamp: RegionLampiran, title: str) -> Node:
    """A lampiran the region writes itself (see :mod:`jamsostek_regs.source.changes`)."""
    key = f"lampiran.{lamp.key}"
    file = b.file(key)
    body = b.changes.apply(Node("lampiran", key, children=b.text(lamp.text, file, key, LAMPIRAN_TOP)))
    return _lampiran_node(b, key, lamp.title.upper(), body.children, Source(file, 1), title)


def _attached_lampiran(b: _Builder, attachment: Attachment, title: str) -> Node:
    """A lampiran whose body is a document of the region's own (see :mod:`attachments`)."""
    key = attachments.key(attachment)
    line = Node("line", f"{key}.dokumen", text=(attachments.placeholder(attachment.title),))
    source = Source(f"regions/{attachment.file}", 1)
    return _lampiran_node(b, key, attachment.title.upper(), (line,), source, title)


def _lampiran_node(
    b: _Builder, key: str, name: str, body: tuple[Node, ...], source: Source, title: str
) -> Node:
    """A lampiran: heading block (R106), its name, ``body`` and the signature (R108)."""
    kepala = Node(
        "pengesahan",
        f"{key}.kepala",
        children=(
            _line(f"{key}.kepala.lampiran", "LAMPIRAN"),
            _line(f"{key}.kepala.jenis", b.g.jenis_judul, *_g("jenis_judul")),
            _line(f"{key}.kepala.nomor", f"NOMOR {PLACEHOLDER} TAHUN {PLACEHOLDER}"),
            _line(f"{key}.kepala.tentang", "TENTANG"),
            _line(f"{key}.kepala.nama", title.upper(), *_title_keys(b)),
        ),
    )
    signature = _signature(f"{key}.ttd", b.g.jabatan, b.loaded.region.head.name, (_g("jabatan"), "head.name"))
    return Node("lampiran", key, title=name, children=(kepala, *body, signature), source=source)


def _cited(region: Region) -> Iterator[tuple[str, str, str]]:
    """``(title, lampiran key, Pasal key)`` of each lampiran of the region's own, in draft order."""
    for own in region.lampiran:
        yield own.title, f"lampiran.{own.key}", own.pasal
    for attachment in region.attachments:
        yield attachment.title, attachments.key(attachment), attachment.pasal


def _cite(b: _Builder, node: Node) -> Node:
    """Give each Pasal that a lampiran of the region's own names the ayat citing it (R103)."""
    if node.kind != "pasal":
        return node.with_children(tuple(_cite(b, child) for child in node.children))
    region_file = Source(f"regions/{b.loaded.path.name}", 0)
    citations = tuple(
        Node(
            "ayat",
            f"{node.key}.{lampiran.replace('.', '_')}",
            text=(
                f"{title} tercantum dalam ",
                Ref(lampiran, region_file, True),
                f" yang merupakan bagian tidak terpisahkan dari {b.g.peraturan} ini.",
            ),
            source=region_file,
        )
        for title, lampiran, pasal in _cited(b.loaded.region)
        if pasal == node.key
    )
    return node.with_children((*node.children, *citations))
