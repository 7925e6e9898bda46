"""``jamsostek-regs new``: a commented region file that validates and assembles at once.

The scaffold holds the standard's defaults: every segment, government group and OPD role
of the catalog that fits the level (the drafter deletes what the Perkada leaves out), APBD
financing, the schema's defaults for compliance. Every value only the drafter knows is
``null`` (printed as "...") and marked ``FILL``; the establishment law is the catalog's
placeholder ``uu_pembentukan_belum_diisi`` ("Undang-Undang Nomor ... Tahun ... tentang ...")
until the drafter adds the real law to ``legal_basis.yaml``. The comments are the schema's
field descriptions and the catalog's names, so they follow both.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from jamsostek_regs.errors import InputError
from jamsostek_regs.output import create_new
from jamsostek_regs.source.regions import SUFFIX, check, display_name
from jamsostek_regs.source.schema import CatalogEntry, Compliance, Region
from jamsostek_regs.source.standard import Standard
from jamsostek_regs.source.yamlsource import load_text

#: The establishment-law placeholder of the legal-basis catalog.
PLACEHOLDER_LAW = "uu_pembentukan_belum_diisi"
#: The OPD role that issues licences (``compliance.licensing_opd``).
LICENSING_ROLE = "perizinan"
_VILLAGE_UNIT = {"kabupaten": "desa", "kota": "none", "provinsi": "none"}
_HEAD = {"kabupaten": "Bupati", "kota": "Wali Kota", "provinsi": "Gubernur"}


def create(regions_dir: Path, region_id: str, text: str, standard: Standard) -> Path:
    """Write ``text`` as the new region file of ``region_id``; it must validate and be new."""
    region, problems = check(load_text(text, display_name(region_id), partial=True), standard)
    if region is None:  # the scaffold itself is wrong: a bug, reported like any input problem
        raise InputError(problems)
    path = regions_dir / f"{region_id}{SUFFIX}"
    create_new(path, text.encode("utf-8"))
    return path


def scaffold(region_id: str, level: str, name: str, province: str | None, standard: Standard) -> str:
    """The text of a new region file."""
    return "\n".join(_lines(region_id, level, name, province, standard)) + "\n"


def _about(field: str) -> str:
    return Region.model_fields[field].description or ""


def _about_compliance(field: str) -> str:
    return Compliance.model_fields[field].description or ""


def _lines(region_id: str, level: str, name: str, province: str | None, standard: Standard) -> Iterator[str]:
    cat = standard.catalog
    villages = _VILLAGE_UNIT[level] != "none"
    yield f"# {level.capitalize()} {name}: region file written by `jamsostek-regs new {region_id}`."
    yield f"# Check it with `jamsostek-regs validate {region_id}`;"
    yield f"# build it with `jamsostek-regs assemble {region_id}`."
    yield '# Every value marked FILL is for the drafter: null prints as "..." in the draft. Give the'
    yield "# source of each fact in a comment. The format, field by field: docs/region-format.md"
    yield ""
    yield f"# {_about('level')}"
    yield f"level: {level}"
    yield f"# {_about('name')}"
    yield f"name: {json.dumps(name, ensure_ascii=False)}"
    if province is not None:
        yield f"# {_about('province')}"
        yield f"province: {json.dumps(province, ensure_ascii=False)}"
    yield f"# FILL: {_about('capital')}"
    yield "capital: null"
    yield f"# {'FILL: ' if level != 'provinsi' else ''}{_about('village_unit')}"
    yield f"village_unit: {_VILLAGE_UNIT[level]}"
    if level == "kota":
        yield f"# {_about('mayor_spelling')}"
        yield 'mayor_spelling: "Wali Kota"'
    yield f"# FILL: {_about('establishment')} Until the law is there, the"
    yield '# placeholder prints "Undang-Undang Nomor ... Tahun ... tentang ...".'
    yield f"establishment: [{PLACEHOLDER_LAW}]"
    yield ""
    yield f"# {_about('head')}"
    yield "head:"
    yield f"  name: null  # FILL: the {_HEAD[level]}'s full name without gelar (R95)"
    yield f"# {_about('secretary')}"
    yield "secretary:"
    yield "  name: null  # FILL: the Sekretaris Daerah's full name without gelar (R95)"
    yield ""
    yield f"# {_about('segments')} Delete those it does not cover."
    yield "segments:"
    yield from _choices(cat.segments, villages)
    yield f"# FILL: {_about('lists')}"
    yield "lists: {}"
    yield f"# {_about('government_groups')} Delete those it does not register."
    yield "government_groups:"
    yield from _choices(cat.government_groups, villages)
    yield ""
    yield from _financing(standard, villages)
    yield ""
    yield from _opd(standard, villages)
    yield ""
    yield f"# {_about('compliance')}"
    yield "compliance:"
    yield f"  # {_about_compliance('licensing')} For example:"
    yield "  # licensing: true"
    yield "  # licensing_source: the decision or practice of the region that asks for it"
    if LICENSING_ROLE in cat.opd_roles:
        yield f"  # licensing_opd: {LICENSING_ROLE}"
    yield "  licensing: false"
    yield "  public_services: true"
    yield f"# {_about('targets')} For example:"
    yield "# targets:"
    yield "#   pekerja_rentan_per_desa: 60"
    yield "#   coverage:"
    yield "#     - {year: 2025, percent: 28.3}"
    yield ""
    yield from _own_parts(level)
    yield ""
    yield f"# {_about('draft')}"
    yield "draft:"
    yield "  date: null  # FILL: the date of the draft, YYYY-MM-DD"
    yield "  author: null  # FILL: e.g. Bagian Hukum Sekretariat Daerah"
    yield ""
    yield f"# {_about('standard')}"
    yield f'standard: "{standard.manifest.version}"'
    yield ""
    yield from _own_text()


#: The marker line before the commented examples of the region's own text.
OWN_TEXT = "# --- The region's own text (remove the leading '# ' of an example to use it) ---"


def _own_text() -> Iterator[str]:
    """Commented examples of ``changes``, ``additions`` with ``in`` and ``lampiran``."""
    yield OWN_TEXT
    yield f"## {_about('changes')} Keys as `diff` shows them; see docs/region-format.md."
    yield "# changes:"
    yield "#   - add: data_terpadu"
    yield "#     after: kepesertaan.pendaftaran.nik"
    yield '#     reason: "FILL: e.g. the harmonisation note that asked for it"'
    yield "#     text: |"
    yield "#       Data kepesertaan dipadankan dengan data terpadu oleh Perangkat Daerah."
    yield "#   - replace: menimbang.hak"
    yield '#     reason: "FILL: why"'
    yield "#     text: |"
    yield "#       bahwa untuk melindungi seluruh pekerja di {{ g.daerah }}, perlu dukungan kebijakan"
    yield "#   - add: insentif"
    yield "#     kind: bagian"
    yield "#     into: kepesertaan"
    yield "#     title: Insentif Kepesertaan"
    yield '#     reason: "FILL: why"'
    yield f"## {_about('additions')} `in` puts a Pasal at the end of a BAB or Bagian."
    yield "# additions:"
    yield "#   - key: insentif"
    yield "#     in: kepesertaan.insentif"
    yield '#     reason: "FILL: why"'
    yield "#     text: |"
    yield "#       {{ g.kepala }} dapat memberikan insentif kepada Pemberi Kerja yang patuh."
    yield f"## {_about('lampiran')}"
    yield "# lampiran:"
    yield "#   - key: jadwal"
    yield "#     title: Jadwal Pendaftaran"
    yield "#     pasal: kepesertaan.pendaftaran"
    yield '#     reason: "FILL: why"'
    yield "#     text: |"
    yield "#       | Tahun | Kelompok |"
    yield "#       | --- | --- |"
    yield "#       | 2026 | Pekerja Rentan |"


def _fits(entry: CatalogEntry, villages: bool) -> bool:
    return villages or not (entry.requires_village or entry.village_unit)


def _choices(entries: dict[str, CatalogEntry], villages: bool) -> Iterator[str]:
    for key, entry in entries.items():
        if _fits(entry, villages):
            yield f"  - {key}  # {entry.name}"


def _financing(standard: Standard, villages: bool) -> Iterator[str]:
    sources = standard.catalog.financing
    first = next(key for key, entry in sources.items() if entry.village_unit is None)
    others = [
        f"{key} ({entry.name})" for key, entry in sources.items() if key != first and _fits(entry, villages)
    ]
    yield f"# {_about('financing')} Other sources of the catalog: {', '.join(others)}."
    yield "financing:"
    yield f"  - source: {first}"
    yield "    for_groups: []"


def _opd(standard: Standard, villages: bool) -> Iterator[str]:
    yield f"# {_about('opd')} Delete those not involved."
    yield "opd:"
    for role, entry in standard.catalog.opd_roles.items():
        if _fits(entry, villages):
            yield f"  - id: {role}"
            yield f"    role: {role}"
            yield f"    name: null  # FILL: the name of the {entry.name}"
            yield "    abbreviation: null"


def _own_parts(level: str) -> Iterator[str]:
    """The parts a region's Perkada may say of its own, commented out, each with an example."""
    yield f"# {_about('title')} For example:"
    yield "# title:"
    yield "#   text: Penyelenggaraan Program Jaminan Sosial Ketenagakerjaan"
    yield "#   reason: the title agreed in the harmonisation meeting of ..."
    yield f"# {_about('laws')} For example:"
    yield "# laws:"
    yield "#   - {id: uu_1970_1, jenis: uu, nomor: 1, tahun: 1970, tentang: Keselamatan Kerja,"
    yield "#      gazette: {year: 1970, number: null, supplement: null}, source: where it was read}"
    yield f"# {_about('mengingat')} For example:"
    yield "# mengingat:"
    yield "#   - {law: uu_1970_1, reason: why the Perkada rests on it}"
    yield "#   - {uud: Pasal 28D ayat (2), reason: ...}"
    yield f"# {_about('instruments')} For example:"
    yield "# instruments:"
    yield "#   - {jenis: peraturan, nomor: '2', tahun: 2017, tentang: ..., fate: dicabut,"
    yield "#      reason: it covers the same subject, source: where it was found}"
    yield f"# {_about('lists')} For example:"
    yield "# lists:"
    yield "#   pekerja_rentan: {groups: [petani, nelayan, juru parkir], source: ...}"
    if level == "provinsi":
        yield f"# {_about('cost_share')} For example:"
        yield "# cost_share: {province_percent: 30, shared_percent: 20, source: ...}"
