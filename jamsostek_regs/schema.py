"""Typed schemas of the input files: region files, the standard's manifest and catalogs.

Models reject unknown keys. :func:`validate` turns pydantic's errors into
:class:`~jamsostek_regs.errors.Problem` objects located at the file, line and column of the
offending key, with a "did you mean" hint for misspelt keys.
"""

from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.yamlsource import KeyPath, Located

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Level = Literal["kabupaten", "kota", "provinsi"]
VillageUnit = Literal["desa", "nagari", "none"]


class Strict(BaseModel):
    """Base model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


# --------------------------------------------------------------------------- region files


class Official(Strict):
    """A signing official. ``name`` is the full name without gelar (R95); null prints "..."."""

    name: Text | None = None


class Opd(Strict):
    """One Perangkat Daerah and its role in the programme."""

    id: Slug
    role: Slug
    name: Text | None = None
    abbreviation: Text | None = None
    tasks: list[Text] = Field(default_factory=list)


class Financing(Strict):
    """One source of iuran financing for covered workers."""

    source: Slug
    for_groups: list[Slug] = Field(default_factory=list)


class CoverageTarget(Strict):
    """A coverage (Universal Coverage Jamsostek) target for a year, in percent."""

    year: Annotated[int, Field(ge=2000, le=2100)]
    percent: Annotated[Decimal, Field(ge=0, le=100)]


class Targets(Strict):
    """Quantified targets the region commits to."""

    pekerja_rentan_per_desa: Annotated[int, Field(ge=1, le=100_000)] | None = None
    coverage: list[CoverageTarget] = Field(default_factory=list)


class Compliance(Strict):
    """How membership is enforced through public services (PP 86/2013)."""

    licensing: bool = True
    licensing_opd: Slug | None = None
    public_services: bool = True


class DraftInfo(Strict):
    """Facts about this draft (document properties; never the clock)."""

    date: dt.date | None = None
    author: Text | None = None


class Region(Strict):
    """A region file: the local values of one kabupaten, kota or provinsi."""

    level: Level
    name: Text
    province: Text | None = None
    capital: Text | None = None
    village_unit: VillageUnit
    mayor_spelling: Literal["Wali Kota", "Walikota"] = "Wali Kota"
    establishment: list[Slug] = Field(min_length=1)
    head: Official = Official()
    secretary: Official = Official()
    segments: list[Slug] = Field(min_length=1)
    bpu_examples: list[Text] = Field(default_factory=list)
    government_groups: list[Slug] = Field(default_factory=list)
    financing: list[Financing] = Field(min_length=1)
    opd: list[Opd] = Field(default_factory=list)
    compliance: Compliance = Compliance()
    targets: Targets = Targets()
    draft: DraftInfo = DraftInfo()


# ------------------------------------------------------------------------ the standard


class CatalogEntry(Strict):
    """A named option the region may choose, with the text the standard prints for it."""

    name: Text
    text: Text | None = None
    tasks: list[Text] = Field(default_factory=list)
    requires_village: bool = False
    village_unit: VillageUnit | None = None
    source: Text | None = None


class Catalog(Strict):
    """The enumerations a region file may use, with their printed forms."""

    segments: dict[Slug, CatalogEntry]
    government_groups: dict[Slug, CatalogEntry]
    programs: dict[Slug, CatalogEntry]
    financing: dict[Slug, CatalogEntry]
    opd_roles: dict[Slug, CatalogEntry]


Jenis = Literal["uud", "uu", "perppu", "pp", "perpres", "permen", "perda_prov", "perda"]


class Gazette(Strict):
    """Lembaran/Berita Negara data; null values print as "..." (not verified)."""

    year: int | None = None
    number: int | None = None
    supplement: int | None = None


class LegalInstrument(Strict):
    """One citable regulation of the legal-basis catalog (Mengingat, R26 to R35)."""

    jenis: Jenis
    jenis_name: Text | None = None
    nomor: int | None = None
    tahun: int | None = None
    tentang: Text | None = None
    pasal: Text | None = None
    gazette: Gazette | None = None
    amended_by: list[Slug] = Field(default_factory=list)
    amended_several_times: bool = False
    source: Text


class ClauseRef(Strict):
    """One Pasal in the manifest: its template file (relative, no suffix) and condition."""

    file: Text
    when: Text | None = None


class Paragraf(Strict):
    """A Paragraf grouping Pasal (R46)."""

    key: Slug
    title: Text
    when: Text | None = None
    pasal: list[ClauseRef | str]


class Bagian(Strict):
    """A Bagian grouping Paragraf or Pasal (R43, R45)."""

    key: Slug
    title: Text
    when: Text | None = None
    paragraf: list[Paragraf] = Field(default_factory=list)
    pasal: list[ClauseRef | str] = Field(default_factory=list)


class Bab(Strict):
    """A BAB grouping Bagian or Pasal (R43, R44)."""

    key: Slug
    title: Text
    when: Text | None = None
    bagian: list[Bagian] = Field(default_factory=list)
    pasal: list[ClauseRef | str] = Field(default_factory=list)


class MengingatItem(Strict):
    """A Mengingat entry: a catalog id, or ``establishment`` for the region's own laws."""

    ref: Slug
    when: Text | None = None


class Lampiran(Strict):
    """A lampiran generated from a template."""

    key: Slug
    title: Text
    file: Text
    when: Text | None = None


class Manifest(Strict):
    """The standard's manifest: metadata, declared variables and the outline."""

    id: Slug
    version: Text
    title: Text
    variables: list[Slug]
    menimbang: Text
    mengingat: list[MengingatItem | str]
    body: list[Bab]
    lampiran: list[Lampiran] = Field(default_factory=list)


M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], located: Located) -> M:
    """Validate parsed YAML against ``model``; raise :class:`InputError` with every problem."""
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        problems = [_problem(model, located, err) for err in exc.errors()]
        raise InputError(problems) from None


def _problem(model: type[BaseModel], located: Located, err: Any) -> Problem:
    loc: KeyPath = tuple(p for p in err["loc"] if not _is_union_tag(p))
    if err["type"] == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        hint = closest(str(loc[-1]), allowed)
        return located.problem(loc, f"unknown key; expected one of: {', '.join(allowed)}", hint)
    if err["type"] == "missing":
        return located.problem(loc, "required key is missing")
    return located.problem(loc, _message(err))


def _is_union_tag(part: object) -> bool:
    return isinstance(part, str) and (part in {"str", "ClauseRef", "MengingatItem"} or "[" in part)


def _message(err: Any) -> str:
    got = err.get("input")
    shown = repr(got) if not isinstance(got, dict | list) else type(got).__name__
    return f"{err['msg']} (got {shown[:60]})"


def _allowed_keys(model: type[BaseModel], loc: KeyPath) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        current = _model_of(field.annotation)
    return sorted(current.model_fields) if hasattr(current, "model_fields") else []


def _model_of(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def closest(word: str, options: list[str]) -> str:
    """The option most like ``word`` (for "did you mean"), or ``""``."""
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return matches[0] if matches else ""
