"""Region files: finding them, loading them, and checking them against the standard.

A region id is the file stem under ``regions/`` (``regions/lombok-timur.yaml`` is
``lombok-timur``). Loading normalises and checks the text values (:mod:`values`), validates
types and unknown keys (schema), then the values that only make sense against the
standard's catalogs and across fields (cross checks). Every problem is collected; a rule
that reads a field the schema refused is skipped, so one typo does not hide the others.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from jamsostek_regs.errors import InputError, JamsostekError, Problem, UnknownRegionError
from jamsostek_regs.source import attachments, changes, dynamic_ids, financing, laws, overrides, values
from jamsostek_regs.source.schema import Region, closest, validate_partial
from jamsostek_regs.source.standard import Standard
from jamsostek_regs.source.yamlsource import KeyPath, Located, load_file

_PARTS = re.compile(r"[.\[]")
REGION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SUFFIX = ".yaml"
#: Establishment laws are Undang-Undang (or a Perppu made one).
ESTABLISHMENT_JENIS = ("uu", "perppu")
#: The last standard version that prints `bpu_examples` (legal review C-27).
BPU_EXAMPLES_UNTIL = "2025.1"


@dataclass(frozen=True, slots=True)
class LoadedRegion:
    """A validated region file."""

    id: str
    path: Path
    region: Region
    sha256: str


def region_ids(regions_dir: Path) -> list[str]:
    """Sorted ids of the region files in ``regions_dir``."""
    return sorted(p.name[: -len(SUFFIX)] for p in regions_dir.glob(f"*{SUFFIX}"))


def every_region(regions_dir: Path) -> list[str]:
    """:func:`region_ids`, for a command asked for all regions: an error when there are none."""
    ids = region_ids(regions_dir)
    if not ids:
        where = "is no regions/ folder" if not regions_dir.is_dir() else "are no region files"
        raise JamsostekError(
            f"there {where} in {regions_dir.parent}: run jamsostek-regs in the project folder, or name "
            "it with -C FOLDER"
        )
    return ids


def region_path(regions_dir: Path, region_id: str) -> Path:
    """Path of region ``region_id``; unknown or unsafe ids raise :class:`UnknownRegionError`."""
    path = regions_dir / f"{region_id}{SUFFIX}"
    if REGION_ID.match(region_id) and path.is_file():  # no listing: batches load hundreds
        return path
    if not REGION_ID.match(region_id):
        why = "a region id is lowercase letters, digits and '-' (the file name without .yaml)"
    elif not regions_dir.is_dir():
        why = (
            f"there is no regions/ folder in {regions_dir.parent}: run jamsostek-regs in the project "
            "folder, or name it with -C FOLDER"
        )
    elif path.exists():
        why = f"{display_name(region_id)} is not a file"
    else:
        why = ""
    others = [i for i in region_ids(regions_dir) if i != region_id]
    raise UnknownRegionError(region_id, closest(region_id, others) or None, why)


def display_name(region_id: str) -> str:
    """How problems name the file of ``region_id``: ``regions/<id>.yaml``."""
    return f"regions/{region_id}{SUFFIX}"


def load_region(regions_dir: Path, region_id: str, standard: Standard) -> LoadedRegion:
    """Load, validate and cross-check one region file; raise :class:`InputError` with every problem."""
    return load_region_file(region_path(regions_dir, region_id), region_id, display_name(region_id), standard)


def load_region_file(path: Path, region_id: str, display: str, standard: Standard) -> LoadedRegion:
    """:func:`load_region` for a region file anywhere (the standard's ``defaults.yaml``)."""
    raw = load_file(path, display, partial=True)
    region, problems = check(raw, standard)
    if region is None:
        raise InputError(problems)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return LoadedRegion(region_id, path, region, digest)


def check(raw: Located, standard: Standard) -> tuple[Region | None, list[Problem]]:
    """Every problem of a parsed region file, in file order; the region when there are none."""
    located, problems = values.clean(raw)
    region, valid, schema_problems = validate_partial(Region, located)
    problems += schema_problems
    left_out = {p.key for p in raw.problems}  # values the loader left out: do not report them twice
    problems += cross_check(region, located, standard, valid - {_field(key) for key in left_out})
    problems = [*raw.problems, *(p for p in problems if not _under(p.key, left_out))]
    problems.sort(key=lambda p: (p.line, p.column))
    return (None if problems else region), problems


def _field(key: str) -> str:
    """The top-level field of a dotted key path (``draft`` of ``draft.date``, ``opd`` of ``opd[1].id``)."""
    return re.split(r"[.\[]", key, maxsplit=1)[0]


def _under(key: str, keys: set[str]) -> bool:
    """Whether ``key`` is one of ``keys`` or inside one (``draft.date`` in ``draft``).

    Looks up ``key`` and each key above it (cut at each ``.`` and ``[``), so a file with many
    problems and many left-out values costs no more than its keys' depth per problem.
    """
    return key in keys or any(m.start() and key[: m.start()] in keys for m in _PARTS.finditer(key))


# ------------------------------------------------------------------------------ cross checks

Rule = Callable[[Region, Located, Standard], Iterator[Problem]]
#: The cross-check rules with the top-level fields each reads; each rule's docstring states it.
RULES: list[tuple[frozenset[str], Rule]] = []


def _reads(*fields: str) -> Callable[[Rule], Rule]:
    """Register a cross-check rule that reads the top-level ``fields``."""

    def register(rule: Rule) -> Rule:
        RULES.append((frozenset(fields), rule))
        return rule

    return register


def cross_check(
    region: Region, located: Located, standard: Standard, valid: frozenset[str] | None = None
) -> Iterator[Problem]:
    """Problems that need the standard's catalogs or several fields to see.

    With ``valid`` (the fields the schema accepted), a rule runs only when every field it
    reads is valid.
    """
    for fields, rule in RULES:
        if valid is None or fields <= valid:
            yield from rule(region, located, standard)


@_reads("segments")
def _segments(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """`segments` are ids of the catalog's `segments`, each given once."""
    yield from _members(located, ("segments",), region.segments, standard.catalog.segments)
    yield from repeats(located, _items(("segments",), region.segments))


@_reads("government_groups")
def _government_groups(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """`government_groups` are ids of the catalog's `government_groups`, each given once."""
    groups = region.government_groups
    yield from _members(located, ("government_groups",), groups, standard.catalog.government_groups)
    yield from repeats(located, _items(("government_groups",), groups))


@_reads("government_groups", "village_unit")
def _village_groups(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """A government group the catalog marks `requires_village` (`aparatur_desa`) needs a
    `village_unit` other than `none`."""
    for i, group in enumerate(region.government_groups):
        entry = standard.catalog.government_groups.get(group)
        if entry and entry.requires_village:
            yield from _needs_villages(region, located, ("government_groups", i), group)


@_reads("establishment", "laws")
def _establishment(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """`establishment` names entries of legal_basis.yaml or `laws`, each once, each an Undang-Undang;
    an unknown id is told how to declare the law, with a "did you mean" only for a one-typo id."""
    known = laws.catalog(region, standard)
    for i, law in enumerate(region.establishment):
        item = known.get(law)
        if item is None:
            yield laws.unknown(located, ("establishment", i), law, known)
        elif item.jenis not in ESTABLISHMENT_JENIS:
            message = f"'{law}' is a '{item.jenis}'; an establishment law is an Undang-Undang"
            yield located.problem(("establishment", i), message)
    yield from repeats(located, _items(("establishment",), region.establishment))


@_reads("financing")
def _financing_sources(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """`financing[].source` is an id of the catalog's `financing` or null (not known yet: prints
    "..."), each source once."""
    sources = [(("financing", i, "source"), fin.source or "null") for i, fin in enumerate(region.financing)]
    yield from repeats(located, sources)
    for where, source in sources:
        if source == SELF_PAID and source not in standard.catalog.financing:
            yield located.problem(where, _SELF_PAID_MESSAGE)
        elif source != "null":
            yield from _members(located, where, source, standard.catalog.financing)


#: The source id the 2025.1 catalog had for iuran the Peserta pays itself (legal review C-10).
SELF_PAID = "mandiri"
_SELF_PAID_MESSAGE = (
    "iuran a Peserta pays itself is not financing of the Daerah (UU 24/2011 Pasal 19 ayat (3)); remove"
    " this entry (a segment's own payment needs no source)"
)
#: Which source each financing detail belongs to (pendanaan/bantuan_iuran, pendanaan/dbh_sawit).
_DETAILS = {"criteria": ("apbd", "dbh_sawit"), "data": ("apbd",), "period": ("dbh_sawit",)}


@_reads("financing")
def _financing_details(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """`criteria`, `data` and `period` are printed only for the sources whose Pasal uses them, and
    only where the region decided that source (`decided_by`); no source of the Daerah pays for
    `penerima_upah`, whose Pemberi Kerja pays (UU 24/2011 Pasal 19 ayat (1) and (2))."""
    for i, fin in enumerate(region.financing):
        for name, sources in _DETAILS.items():
            if getattr(fin, name) and fin.source not in sources:
                allowed = " and ".join(f"'{s}'" for s in sources)
                yield located.problem(("financing", i, name), f"'{name}' is printed only for {allowed}")
            elif getattr(fin, name) and not fin.decided_by:
                message = f"'{name}' is printed only where the region decided the source: add 'decided_by'"
                yield located.problem(("financing", i, name), message)
        if "penerima_upah" in fin.for_groups:
            where = ("financing", i, "for_groups", fin.for_groups.index("penerima_upah"))
            message = "their Pemberi Kerja pays the iuran of penerima_upah (UU 24/2011 Pasal 19)"
            yield located.problem(where, message)


@_reads("financing", "village_unit")
def _village_financing(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """A financing source the catalog ties to a village unit (`apbdes`: desa, `apb_nagari`:
    nagari) needs that `village_unit`."""
    for i, fin in enumerate(region.financing):
        entry = standard.catalog.financing.get(fin.source or "")
        if entry and entry.village_unit and entry.village_unit != region.village_unit:
            message = (
                f"'{fin.source}' needs village_unit '{entry.village_unit}', but it is "
                f"'{region.village_unit}'{_KELURAHAN if region.village_unit == 'none' else ''}"
            )
            yield located.problem(("financing", i, "source"), message)


@_reads("financing", "segments", "government_groups")
def _financing_groups(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """`financing[].for_groups` are ids listed in `segments` or `government_groups`, each once."""
    groups = {*region.segments, *region.government_groups}
    for i, fin in enumerate(region.financing):
        yield from _members(located, ("financing", i, "for_groups"), fin.for_groups, groups)
        yield from repeats(located, _items(("financing", i, "for_groups"), fin.for_groups))


@_reads("bpu_examples", "segments")
def _bpu_examples(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """`bpu_examples` are printed after the segment `bukan_penerima_upah`: they need it. Only the
    standard 2025.1 prints them ("termasuk ...", an example list inside a norm: legal review C-27)."""
    if region.bpu_examples and standard.manifest.version != BPU_EXAMPLES_UNTIL:
        message = (
            f"standard {standard.manifest.version} prints no examples of bukan_penerima_upah (only"
            f" {BPU_EXAMPLES_UNTIL} did): give these groups as lists.bukan_penerima_upah, with their source"
        )
        yield located.problem(("bpu_examples",), message)
    elif region.bpu_examples and "bukan_penerima_upah" not in region.segments:
        message = "examples of bukan_penerima_upah, but 'segments' does not list it: add it, or remove these"
        yield located.problem(("bpu_examples",), message)


@_reads("opd")
def _opd(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """`opd[].id` is given once and is no id the standard already uses where it lists the OPDs;
    `opd[].role` is an id of the catalog's `opd_roles`."""
    yield from repeats(located, [(("opd", i, "id"), opd.id) for i, opd in enumerate(region.opd)])
    for i, opd in enumerate(region.opd):
        yield from _members(located, ("opd", i, "role"), opd.role, standard.catalog.opd_roles)
    yield from _opd_ids_free(region, located, standard)


@_reads("opd", "village_unit")
def _village_opd(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """An OPD role the catalog marks `requires_village` (`pemberdayaan_desa`) needs a
    `village_unit` other than `none`."""
    for i, opd in enumerate(region.opd):
        entry = standard.catalog.opd_roles.get(opd.role)
        if entry and entry.requires_village:
            yield from _needs_villages(region, located, ("opd", i, "role"), opd.role)


def _opd_ids_free(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """An OPD id becomes a clause id (``{: #{{ opd.id }}}``): it must not be one already."""
    for clause, made in dynamic_ids.by_clause(standard).items():
        taken = dynamic_ids.static_ids(standard, clause)
        prefixes = [prefix for prefix, expression in made if expression == "opd.id"]
        for i, opd in enumerate(region.opd):
            if any(prefix + opd.id in taken for prefix in prefixes):
                message = f"OPD id '{opd.id}' is an id the standard already uses in {clause}; choose another"
                yield located.problem(("opd", i, "id"), message)


@_reads("compliance", "opd")
def _licensing(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """`compliance.licensing_opd` is one of the `opd[].id`; `licensing` needs its
    `licensing_source` and `public_services` (it is a way of applying that sanction), and
    `licensing_opd` needs `licensing` (it prints nowhere else)."""
    compliance = region.compliance
    if compliance.licensing_opd is not None:
        opd_ids = [opd.id for opd in region.opd]
        yield from _members(located, ("compliance", "licensing_opd"), compliance.licensing_opd, opd_ids)
        if not compliance.licensing:
            message = "prints nowhere without 'licensing: true': remove it, or set licensing with its source"
            yield located.problem(("compliance", "licensing_opd"), message)
    if compliance.licensing and compliance.licensing_source is None:
        message = (
            "a licensing requirement needs 'licensing_source': the region's own decision or practice"
            " (no source: leave licensing out; the sanction of public_services still applies)"
        )
        yield located.problem(("compliance", "licensing"), message)
    if compliance.licensing and not compliance.public_services:
        message = "licensing applies the sanction of public_services (PP 86/2013 Pasal 8): set it"
        yield located.problem(("compliance", "licensing"), message)


@_reads("level", "village_unit")
def _provinsi_villages(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """A provinsi has `village_unit: none`."""
    if region.level == "provinsi" and region.village_unit != "none":
        yield located.problem(("village_unit",), "a provinsi has no desa/nagari financing; use 'none'")


@_reads("level", "province")
def _province(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """A provinsi has no `province`; a kabupaten or kota needs one (reported at the top-level
    mapping, where the key is missing)."""
    if region.level == "provinsi" and region.province is not None:
        yield located.problem(("province",), "a provinsi file has no 'province' (its name is 'name')")
    elif region.level != "provinsi" and region.province is None:
        yield located.problem(("province",), f"a {region.level} needs 'province' (the province it lies in)")


@_reads("level")
def _mayor_spelling(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """Only a kota may set `mayor_spelling`."""
    if region.level != "kota" and "mayor_spelling" in located.data:
        yield located.problem(("mayor_spelling",), "only a kota has a Wali Kota spelling")


@_reads("targets")
def _targets(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """`targets.coverage` has at most one target per year."""
    coverage = region.targets.coverage
    yield from repeats(
        located, [(("targets", "coverage", i, "year"), t.year) for i, t in enumerate(coverage)]
    )


@_reads("attachments")
def _attachments(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """No two `attachments` make the same lampiran (its key comes from the file name)."""
    first: dict[str, int] = {}
    for i, attachment in enumerate(region.attachments):
        key = attachments.key(attachment)
        if first.setdefault(key, i) != i:
            line = located.where(("attachments", first[key], "file"))[0]
            message = (
                f"lampiran '{key}' is already made from the file on line {line}: name each file differently"
            )
            yield located.problem(("attachments", i, "file"), message)


@_reads("overrides")
def _overrides(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """`overrides[].key` names a Pasal of the standard, each once; every `text` is valid clause
    dialect whose only Jinja is `{{ ref("key") }}` (no tables: those are for a lampiran).
    Checked without the additions, so a problem there hides none here."""
    yield from overrides.check(region.model_copy(update={"additions": []}), located, standard)


@_reads("additions")
def _additions(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """There are at most 100 `additions`, `additions[].key` is given once and
    `additions[].after` names a Pasal of the standard or another addition (`tambahan.<key>`),
    never in a circle; every `text` is valid clause dialect as for `overrides`."""
    yield from overrides.check(region.model_copy(update={"overrides": []}), located, standard)


#: Said when a region with `village_unit: none` chooses what only desa or nagari have.
_KELURAHAN = " ('none' means no desa or nagari: a provinsi, or a kabupaten or kota of kelurahan only)"


@_reads("laws", "mengingat")
def _laws(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """`laws[].id` is new (not in legal_basis.yaml) and given once; `amends` and `amended_by` name
    known laws; each `mengingat` entry has either a known `law` or an `uud` article, each once."""
    yield from laws.check(region, located, standard)


@_reads("title")
def _title(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """`title.text` names a new Perkada: no level words, not an amendment or repeal (R11, R12)."""
    if region.title is None:
        return
    text = region.title.text
    if re.match(r"(?i)(perubahan|pencabutan)\b", text):
        message = (
            "the tool drafts a new Perkada; an amendment or a repeal is named by what it changes (R11, R12)"
        )
        yield located.problem(("title", "text"), message)
    if re.search(r"(?i)\bperaturan (bupati|wali ?kota|gubernur)\b|^tentang\b", text):
        message = 'write only the name after "tentang": the level words are added for you'
        yield located.problem(("title", "text"), message)


@_reads("instruments")
def _instruments(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """A Perda in `instruments` can only be `tetap_berlaku`: a Perkada neither repeals nor keeps
    alive a Peraturan Daerah (R90)."""
    for i, instrument in enumerate(region.instruments):
        if instrument.jenis == "perda" and instrument.fate != "tetap_berlaku":
            message = (
                f"a Perkada cannot make a Peraturan Daerah '{instrument.fate}' (R90: only one of the same or"
                " a lower level); use 'tetap_berlaku' and amend the Perda by a Perda"
            )
            yield located.problem(("instruments", i, "fate"), message)


@_reads("lists", "segments")
def _lists(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """Each key of `lists` is one of the region's `segments`."""
    for segment in region.lists:
        if segment not in region.segments:
            message = f"'{segment}' is not one of this region's segments: its list would print nowhere"
            yield located.problem(("lists", segment), message, closest(segment, region.segments))


@_reads("cost_share", "level", "financing", "segments")
def _cost_share(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """Only a provinsi has a `cost_share`, it shares a Bantuan Pembayaran Iuran the region decided
    (a `decided_by` APBD entry for `pekerja_rentan`), and its two parts add up to at most 100 percent."""
    share = region.cost_share
    if share is None:
        return
    if region.level != "provinsi":
        message = "only a provinsi shares the Bantuan Pembayaran Iuran with kabupaten/kota"
        yield located.problem(("cost_share",), message)
    elif not financing.subsidy(region):
        message = "needs an 'apbd' entry for pekerja_rentan with 'decided_by': the subsidy it shares"
        yield located.problem(("cost_share",), message)
    parts = [p for p in (share.province_percent, share.shared_percent) if p is not None]
    if sum(parts) > 100:
        yield located.problem(("cost_share",), f"the two parts add up to {sum(parts)} percent, more than 100")


@_reads("changes", "lampiran")
def _changes(region: Region, located: Located, _standard: Standard) -> Iterator[Problem]:
    """Each `changes` entry has exactly one of `replace`, `remove` and `add`; an `add` has exactly
    one of `after`, `before` and `into`, and `text` or (for a BAB or Bagian) `kind` and `title`;
    no key is replaced or removed twice; `lampiran[].key` is given once; every `text` is valid
    clause dialect (tables only in a lampiran). Where each entry lands is checked on the draft. Keys:
    a node the standard names with `{: #id}` is `<pasal key>.<id>`; an unnamed ayat, rincian or
    table row is `<parent key>.<n>`, its place in the standard's text (`penutup.berlaku.1`), which
    an added node (`<parent key>.<add>`) never shifts."""
    yield from changes.check(region, located)


def _needs_villages(region: Region, located: Located, where: KeyPath, value: str) -> Iterator[Problem]:
    if region.village_unit == "none":
        yield located.problem(where, f"'{value}' needs villages, but village_unit is 'none'{_KELURAHAN}")


def _items(path: KeyPath, items: list[str]) -> list[tuple[KeyPath, str]]:
    """``(key path, value)`` of each item of the list at ``path``."""
    return [((*path, i), value) for i, value in enumerate(items)]


def repeats(located: Located, pairs: Sequence[tuple[KeyPath, Hashable]]) -> Iterator[Problem]:
    """A problem for each ``(key path, value)`` whose value an earlier pair already has."""
    first: dict[Hashable, KeyPath] = {}
    for where, value in pairs:
        if value in first:
            line = located.where(first[value])[0]
            yield located.problem(where, f"'{value}' appears twice (first on line {line})")
        first.setdefault(value, where)


def _members(
    located: Located, path: KeyPath, given: list[str] | str, allowed: Iterable[str]
) -> Iterator[Problem]:
    """Problems for each of ``given`` (a list, or one value) that is not in ``allowed``."""
    options = sorted(allowed)
    pairs = [(path, given)] if isinstance(given, str) else _items(path, given)
    for where, value in pairs:
        if value not in options:
            shown = ", ".join(options) if len(options) <= 12 else f"{len(options)} known ids"
            yield located.problem(
                where, f"unknown value '{value}'; expected one of: {shown}", closest(value, options)
            )
