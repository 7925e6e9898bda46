"""Typed schemas of the input files: region files, the standard's manifest and catalogs.

Models reject unknown keys. :func:`validate` turns pydantic's errors into
:class:`~jamsostek_regs.errors.Problem` objects located at the file, line and column of the
offending key, with a "did you mean" hint for misspelt keys.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import PurePosixPath, PureWindowsPath
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
)

from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.source.yamlsource import KeyPath, Located

SLUG_PATTERN = r"^[a-z][a-z0-9_]*$"
PASAL_KEY_PATTERN = r"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=60)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Level = Literal["kabupaten", "kota", "provinsi"]
VillageUnit = Literal["desa", "nagari", "none"]
#: Years a target or a draft date may name.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class Strict(BaseModel):
    """Base model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


# --------------------------------------------------------------------------- region files


class Official(Strict):
    """A signing official. ``name`` is the full name without gelar (R95); null prints "..."."""

    name: Text | None = Field(default=None, description='Full name without gelar (R95); null prints "...".')


class Opd(Strict):
    """One Perangkat Daerah and its role in the programme."""

    id: Slug = Field(description="Id of this OPD within the file (used by `compliance.licensing_opd`).")
    role: Slug = Field(description="Its role: an id from `opd_roles` in catalog.yaml.")
    name: Text | None = Field(default=None, description='Official name of the OPD; null prints "...".')
    abbreviation: Text | None = Field(default=None, description="Its abbreviation, printed after the name.")
    tasks: list[Text] = Field(
        default_factory=list, description="Tasks added to those the catalog gives the role (Lampiran)."
    )


class Financing(Strict):
    """One source of iuran financing for covered workers."""

    source: Slug | None = Field(
        description='An id from `financing` in catalog.yaml; null when no source names it yet (prints "...").'
    )
    for_groups: list[Slug] = Field(
        default_factory=list,
        description="Ids from `segments` or `government_groups` it pays for; printed after the source.",
    )
    # Issue 12 (financing design, legal review C-09, KB-3, LH-4, SS-3): a Pasal paying iuran from a
    # source prints only where the region decided it, with what only the region knows.
    decided_by: Text | None = Field(
        default=None,
        description="Where the region decided to pay iuran from this source (a budget, a programme already"
        " paid), with its source; without it no Pasal pays iuran from it and `for_groups` is not printed.",
    )
    criteria: list[Text] = Field(
        default_factory=list,
        description="`apbd` and `dbh_sawit`: criteria a recipient meets, each with its source; none prints"
        ' "...".',
    )
    data: Text | None = Field(
        default=None,
        description="`apbd`: the data the Pekerja Rentan paid for are drawn from (e.g. P3KE); null prints"
        ' "...".',
    )
    period: Text | None = Field(
        default=None,
        description="`dbh_sawit`: for how long the iuran is paid (PMK 91/2023 asks for it); null prints"
        ' "...".',
    )


class CoverageTarget(Strict):
    """A coverage (Universal Coverage Jamsostek) target for a year, in percent."""

    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR, description="The year of the target.")
    percent: Decimal = Field(
        ge=0, le=100, description='Coverage in percent; write decimals with a dot ("28.3").'
    )


class Targets(Strict):
    """Quantified targets the region commits to."""

    pekerja_rentan_per_desa: Annotated[int, Field(ge=1, le=100_000)] | None = Field(
        default=None, description="Pekerja rentan to register in every desa (or kelurahan)."
    )
    coverage: list[CoverageTarget] = Field(
        default_factory=list, description="Coverage targets, one per year (Lampiran)."
    )


class Compliance(Strict):
    """How membership is enforced through public services (PP 86/2013)."""

    licensing: bool = Field(
        default=False,
        description="The licensing OPD asks a Pemberi Kerja that has not registered for its membership"
        " identity (PP 86/2013 Pasal 8 ayat (3) huruf a); needs `licensing_source` and `public_services`.",
    )
    licensing_source: Text | None = Field(
        default=None,
        description="Where the region decided `licensing`: its own decision or practice (legal review C-01).",
    )
    licensing_opd: Slug | None = Field(
        default=None,
        description='The `opd` id that issues licences; the licensing Pasal names its role (null: "...").',
    )
    public_services: bool = Field(
        default=True, description="Sanction of no public services for non-compliant employers (PP 86/2013)."
    )


class DraftInfo(Strict):
    """Facts about this draft (document properties; never the clock)."""

    date: Annotated[dt.date, Field(ge=dt.date(FIRST_YEAR, 1, 1), le=dt.date(LAST_YEAR, 12, 31))] | None = (
        Field(default=None, description="Date of the draft (YYYY-MM-DD); a document property only.")
    )
    author: Text | None = Field(default=None, description="Author shown in the document properties.")
    kop: bool = Field(
        default=False,
        description="Print the kop above the judul in the DOCX and PDF: a place for the lambang daerah and"
        ' the jabatan and province in capitals ("BUPATI LAHAT", "PROVINSI SUMATERA SELATAN"), as a'
        " published Perkada has it.",
    )


def _relative_docx(value: str) -> str:
    path = PurePosixPath(value)
    if path.is_absolute() or PureWindowsPath(value).anchor or "\\" in value or ".." in path.parts:
        raise ValueError("expected a path relative to regions/, without '..'")
    if path.suffix.lower() != ".docx":
        raise ValueError("expected a Word document (.docx)")
    return value


class Attachment(Strict):
    """A Word document of the region's own, attached as a lampiran after the generated ones.

    ``file`` is relative to ``regions/``; ``pasal`` is the key of the Pasal whose text cites it
    (R103), e.g. ``pemantauan.pelaporan``.
    """

    file: Annotated[str, StringConstraints(max_length=300), AfterValidator(_relative_docx)] = Field(
        description="The .docx file, relative to regions/."
    )
    title: Text = Field(description="Title of the lampiran.")
    pasal: Annotated[str, StringConstraints(pattern=PASAL_KEY_PATTERN)] = Field(
        description="Key of the Pasal that cites it, e.g. `pemantauan.pelaporan`."
    )


#: A Pasal key, e.g. ``kepesertaan.segmen``; clause texts are long and keep their line breaks.
PasalKey = Annotated[str, StringConstraints(pattern=PASAL_KEY_PATTERN)]
#: A node key as the draft and the diff show it: `menimbang.hak`, `kepesertaan.segmen.wajib`.
NodeKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$", max_length=300)]
ClauseText = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]


class Override(Strict):
    """The region's own text for one Pasal of the standard, and why (see :mod:`overrides`)."""

    key: NodeKey = Field(description="Key of the Pasal whose text is replaced, e.g. `kepesertaan.segmen`.")
    text: ClauseText = Field(
        description='The new text in the clause dialect (`text: |`); `{{ ref("key") }}` cites a clause.'
    )
    reason: Text = Field(description="Why, e.g. the harmonisation note that asked for it; the diff shows it.")


class Addition(Strict):
    """A Pasal of the region's own, placed after a given Pasal or at the end of a BAB or Bagian,
    and why (see :mod:`overrides`)."""

    key: Slug = Field(description="Its id; the Pasal's key is `tambahan.<key>`.")
    after: PasalKey | None = Field(
        default=None,
        description="Key of the Pasal it follows (of the standard or `tambahan.<key>`); or give `in`.",
    )
    in_: NodeKey | None = Field(
        default=None,
        alias="in",
        description="Key of the BAB or Bagian it ends (in file order), instead of `after`.",
    )
    text: ClauseText = Field(
        description='Its text in the clause dialect (`text: |`); `{{ ref("key") }}` cites a clause.'
    )
    reason: Text = Field(description="Why, e.g. the harmonisation note that asked for it; the diff shows it.")


Jenis = Literal["uud", "uu", "perppu", "pp", "perpres", "permen", "perda_prov", "perda"]


class Gazette(Strict):
    """Lembaran/Berita Negara data; null values print as "..." (not verified)."""

    year: int | None = Field(
        default=None, description='Year of the Lembaran/Berita Negara; null prints "...".'
    )
    number: int | None = Field(default=None, description='Its number; null prints "...".')
    supplement: int | None = Field(
        default=None, description='Number of the Tambahan Lembaran Negara (UU, PP); null prints "...".'
    )


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


# ------------------------------------------- what a region's Perkada says of its own (issue 11)

#: The name of a Perkada (R9, R10): one phrase, no final punctuation, no level words.
TitleText = Annotated[
    str,
    StringConstraints(min_length=3, max_length=300, pattern=r"^[A-Z][^.;:,\n]*[^\s.;:,]$"),
]
#: An UUD article as cited (R31): "Pasal 28D ayat (2)".
UudArticle = Annotated[str, StringConstraints(pattern=r"^Pasal \d+[A-Z]?(?: ayat \(\d+\))?$")]
Percent = Annotated[Decimal, Field(ge=0, le=100)]


class Title(Strict):
    """The Perkada's own name, when it is not the standard's (R9 to R12)."""

    text: TitleText = Field(
        description='The name after "tentang", in title case, e.g. "Penyelenggaraan Program Jaminan Sosial'
        ' Ketenagakerjaan"; it prints in the judul, Menimbang, Menetapkan and each lampiran heading.'
    )
    reason: Text = Field(description="Where the name comes from; the diff shows it.")


class LocalLaw(Strict):
    """A law the standard's legal_basis.yaml lacks, declared in the region file with its source."""

    id: Slug = Field(description="Its id, cited in `establishment`, `mengingat[].law` or `amended_by`.")
    jenis: Literal["uu", "perppu", "pp", "perpres", "permen"] = Field(
        description="`uu`, `perppu`, `pp`, `perpres` or `permen` (then give `jenis_name`)."
    )
    jenis_name: Text | None = Field(
        default=None, description='For a `permen`: "Peraturan Menteri Ketenagakerjaan" and so on.'
    )
    nomor: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description='Its number; null prints "...".'
    )
    tahun: Annotated[int, Field(ge=1945, le=LAST_YEAR)] | None = Field(
        default=None, description='Its year; null prints "...".'
    )
    tentang: Text | None = Field(default=None, description='Its name after "tentang"; null prints "...".')
    gazette: Gazette | None = Field(default=None, description="Its Lembaran/Berita Negara data (R34).")
    amended_by: list[Slug] = Field(
        default_factory=list, description="Ids of the laws that amend it, oldest first (R35)."
    )
    amends: Slug | None = Field(
        default=None,
        description="A law (of the catalog or this file) this one amends: it joins that law's amendment"
        " chain in the Mengingat (R35).",
    )
    source: Text = Field(description="Where each figure was read; what no source gives stays null.")

    def instrument(self) -> LegalInstrument:
        """The law as the Mengingat cites it."""
        return LegalInstrument.model_validate(self.model_dump(exclude={"id", "amends"}))


class MengingatEntry(Strict):
    """A Mengingat item the region adds to the standard's: a law, or an article of the UUD."""

    law: Slug | None = Field(default=None, description="Id of a law in legal_basis.yaml or in `laws`.")
    uud: UudArticle | None = Field(
        default=None, description='An UUD 1945 article besides Pasal 18 ayat (6), e.g. "Pasal 28D ayat (2)".'
    )
    reason: Text = Field(
        description="Why the Perkada cites it (R26: kewenangan or perintah); the diff shows it."
    )


class Instrument(Strict):
    """An instrument on the same subject already in force in the region, and what becomes of it."""

    jenis: Literal["peraturan", "keputusan", "instruksi", "surat_edaran", "perda"] = Field(
        description="`peraturan` (a Perbup, Perwal or Pergub of this region), `keputusan`, `instruksi` or"
        " `surat_edaran` of its head, or `perda` (which a Perkada cannot repeal, R90)."
    )
    nomor: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = Field(
        default=None, description='Its number as written ("2", "400.10.2.4/6/DPMD/IV/2024"); null: "...".'
    )
    tahun: Annotated[int, Field(ge=1945, le=LAST_YEAR)] | None = Field(
        default=None, description='Its year; null prints "...".'
    )
    tentang: Text | None = Field(default=None, description='Its name after "tentang"; null prints "...".')
    berita: Annotated[int, Field(ge=1, le=100_000)] | None = Field(
        default=None,
        description='A `peraturan`: its number in the Berita Daerah of its year; null prints "...".',
    )
    fate: Literal["dicabut", "peralihan", "tetap_berlaku"] = Field(
        description="`dicabut` (a repeal Pasal in Ketentuan Penutup, R89), `peralihan` (kept in force as far"
        " as it agrees, in a BAB Ketentuan Peralihan, R91) or `tetap_berlaku` (left alone; nothing prints)."
    )
    reason: Text = Field(description="Why this fate; the diff shows it.")
    source: Text = Field(description="Where the instrument was found.")


class Enumeration(Strict):
    """The region's own list of a segment's groups, printed as rincian in Pasal Kepesertaan."""

    groups: list[Text] = Field(min_length=1, description="The groups, each as it should print.")
    source: Text = Field(description="Where the list comes from.")


class CostShare(Strict):
    """A province's share of the Bantuan Iuran for pekerja rentan, and the part shared with kabupaten/kota."""

    province_percent: Percent | None = Field(
        description='Percent of the need the APBD of the province bears alone; null prints "...".'
    )
    shared_percent: Percent | None = Field(
        description='Percent borne together with the kabupaten/kota, as they agree; null prints "...".'
    )
    source: Text = Field(description="Where the figures come from.")


# -- issue 11 (fine-grained changes, structural additions, the region's own lampiran) -----


def _bahwa(value: str) -> str:
    if not value.startswith("bahwa "):
        raise ValueError('expected a Menimbang item that starts with "bahwa "')
    if value.rstrip().endswith((";", ".", ",")):
        raise ValueError("expected no final punctuation (the tool adds the ';')")
    return value


class Perubahan(Strict):
    """Why the region changes its enacted Perkada: the Menimbang of the Perubahan ``amend`` drafts."""

    menimbang: list[Annotated[Text, AfterValidator(_bahwa)]] = Field(
        min_length=1,
        description='The reasons, each a Menimbang item starting "bahwa" without its ";" (Lampiran II'
        " UU 12/2011 angka 19 and 20: which need and which rule make the change necessary); the closing"
        ' item "bahwa berdasarkan pertimbangan ..." is computed. Not given: one general item.',
    )
    source: Text = Field(description="Who decided these reasons (a nota dinas, the Bagian Hukum's note).")


class Change(Strict):
    """One change below the Pasal or one new BAB or Bagian, by key, and why (see :mod:`changes`).

    Exactly one of `replace`, `remove` and `add`; an `add` has exactly one of `after`, `before`
    and `into`, and either `text` (an ayat, rincian, definition, Menimbang item or lampiran line)
    or `kind` and `title` (an empty BAB or Bagian for `additions` to fill with `in`).
    """

    replace: NodeKey | None = Field(default=None, description="Key of the node whose text is replaced.")
    remove: NodeKey | None = Field(default=None, description="Key of the node left out.")
    add: Slug | None = Field(default=None, description="Id of a new node; its key is `<parent key>.<id>`.")
    after: NodeKey | None = Field(default=None, description="`add`: the sibling it follows.")
    before: NodeKey | None = Field(default=None, description="`add`: the sibling it precedes.")
    into: NodeKey | None = Field(default=None, description="`add`: the node it ends, as its last child.")
    kind: Literal["bab", "bagian"] | None = Field(
        default=None,
        description="`add` of an empty BAB (next to a BAB) or Bagian (next to a Bagian, or into a BAB).",
    )
    title: Text | None = Field(default=None, description="Title of the BAB or Bagian an `add` makes.")
    text: ClauseText | None = Field(
        default=None,
        description='`replace`/`add`: the text in the clause dialect (`text: |`); `{{ ref("key") }}`, '
        "`{{ g.kepala }}` (any level word) and `{{ region.name }}` (or `capital`, `province`) may be used.",
    )
    reason: Text = Field(description="Why, e.g. the harmonisation note that asked for it; the diff shows it.")


class RegionLampiran(Strict):
    """A lampiran of the region's own written in the clause dialect, pipe tables allowed."""

    key: Slug = Field(description="Its id; the lampiran's key is `lampiran.<key>`.")
    title: Text = Field(description="Title of the lampiran (printed in capitals).")
    text: ClauseText = Field(description="Its body in the clause dialect (`text: |`); pipe tables allowed.")
    pasal: PasalKey = Field(description="Key of the Pasal that cites it (R103), e.g. `pemantauan.pelaporan`.")
    reason: Text = Field(description="Why, e.g. the harmonisation note that asked for it; the diff shows it.")


class Region(Strict):
    """A region file: the local values of one kabupaten, kota or provinsi."""

    level: Level = Field(description="Kind of region; decides Bupati, Wali Kota or Gubernur.")
    name: Text = Field(description='Name without its level: "Lombok Timur", not "Kabupaten Lombok Timur".')
    province: Text | None = Field(
        default=None,
        description="Province of a kabupaten or kota (its Gubernur gets the reports); a provinsi has none.",
    )
    capital: Text | None = Field(
        default=None, description='Seat of government, used in "Ditetapkan di ..."; null prints "...".'
    )
    village_unit: VillageUnit = Field(
        description=(
            "`desa`, `nagari` (Sumatera Barat) or `none`: a kabupaten or kota of kelurahan only (most kota),"
            " and every provinsi."
        )
    )
    mayor_spelling: Literal["Wali Kota", "Walikota"] = Field(
        default="Wali Kota", description="Spelling of the mayor's title; only for a kota."
    )
    establishment: list[Slug] = Field(
        min_length=1, description="Ids of its establishment law(s) in legal_basis.yaml (Mengingat)."
    )
    head: Official = Field(
        default=Official(), description="The regional head who signs (Bupati, Wali Kota, Gubernur)."
    )
    secretary: Official = Field(default=Official(), description="The Sekretaris Daerah who promulgates.")
    segments: list[Slug] = Field(
        min_length=1,
        description="Membership segments the Perkada covers: ids from `segments` in catalog.yaml.",
    )
    bpu_examples: list[Text] = Field(
        default_factory=list,
        description="Standard 2025.1 only: examples of pekerja bukan penerima upah (petani, nelayan, ...),"
        ' printed as "termasuk ..."; needs that segment. From 2026.1: `lists.bukan_penerima_upah`.',
    )
    government_groups: list[Slug] = Field(
        default_factory=list, description="Government-side groups it registers: ids from `government_groups`."
    )
    financing: list[Financing] = Field(min_length=1, description="Sources of iuran financing.")
    opd: list[Opd] = Field(default_factory=list, description="The Perangkat Daerah and their roles.")
    compliance: Compliance = Field(
        default=Compliance(), description="Enforcement through licensing and public services."
    )
    targets: Targets = Field(default=Targets(), description="Quantified targets.")
    draft: DraftInfo = Field(
        default=DraftInfo(), description="Document properties of the draft (never the clock)."
    )
    attachments: list[Attachment] = Field(
        default_factory=list, description="Word documents of the region's own, attached as lampiran."
    )
    overrides: list[Override] = Field(
        default_factory=list, description="Pasal whose text the region replaces, each with its reason."
    )
    additions: list[Addition] = Field(
        default_factory=list, description="Pasal of the region's own, each after a given Pasal, and why."
    )
    title: Title | None = Field(
        default=None, description="The Perkada's own name; without it the standard's name prints."
    )
    laws: list[LocalLaw] = Field(
        default_factory=list, description="Laws legal_basis.yaml lacks, each with its source (Mengingat)."
    )
    mengingat: list[MengingatEntry] = Field(
        default_factory=list, description="Mengingat items added to the standard's, each with its reason."
    )
    instruments: list[Instrument] = Field(
        default_factory=list, description="Instruments on the subject in force, and what becomes of each."
    )
    lists: dict[Slug, Enumeration] = Field(
        default_factory=dict,
        description="Segment id -> the groups of that segment the Perkada names, printed in Pasal Kepesertaan"
        " as the groups the Pemerintah Daerah gives priority to in widening its membership (rincian).",
    )
    cost_share: CostShare | None = Field(
        default=None,
        description="Provinsi only: its share of the Bantuan Pembayaran Iuran, and the part shared.",
    )
    changes: list[Change] = Field(
        default_factory=list,
        description="Ayat, rincian, definitions, Menimbang items and lampiran lines the region replaces, "
        "removes or adds, and new BAB or Bagian, each by key with its reason.",
    )
    lampiran: list[RegionLampiran] = Field(
        default_factory=list, description="Lampiran of the region's own, written as text or tables, and why."
    )
    perubahan: Perubahan | None = Field(
        default=None,
        description="The Menimbang of the Perubahan `jamsostek-regs amend` drafts once the Perkada is"
        " enacted.",
    )
    standard: Annotated[str, StringConstraints(pattern=r"^[0-9]+\.[0-9]+$")] | None = Field(
        default=None,
        description='Version of the standard its own texts were written against, quoted ("2025.1"); '
        "`jamsostek-regs rebase --write` sets it. Not given: not recorded.",
    )


# ------------------------------------------------------------------------ the standard


class CatalogEntry(Strict):
    """A named option the region may choose, with the text the standard prints for it."""

    name: Text
    text: Text | None = None
    tasks: list[Text] = Field(default_factory=list)
    requires_village: bool = False
    village_unit: VillageUnit | None = None
    part_of: Slug | None = None
    source: Text | None = None
    # -- issue 12, membership (legal review C-06, C-26) --
    #: A segment: the segment of the statutory split (PP 44/2015 Pasal 5) it lies inside; null for
    #: the two halves of the split themselves.
    within: Slug | None = None
    #: A segment of people working abroad (Pekerja Migran Indonesia): outside the split of Peserta.
    abroad: bool = False
    #: A government group whose employer is the Pemerintah Daerah: it registers them itself.
    employed: bool = False


class Catalog(Strict):
    """The enumerations a region file may use, with their printed forms."""

    segments: dict[Slug, CatalogEntry]
    government_groups: dict[Slug, CatalogEntry]
    programs: dict[Slug, CatalogEntry]
    financing: dict[Slug, CatalogEntry]
    opd_roles: dict[Slug, CatalogEntry]


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
        raise InputError(_problems(model, located, exc.errors())) from None


def validate_partial(model: type[M], located: Located) -> tuple[M, frozenset[str], list[Problem]]:
    """Validate like :func:`validate`, but return the problems instead of raising.

    Returns ``(instance, valid, problems)``. Without problems ``instance`` is the validated
    model and ``valid`` names every field. With problems, ``instance`` is built (unvalidated)
    from the top-level fields that are valid on their own, defaults included, and ``valid``
    names them: only those may be read, so further checks can still run on them.
    """
    data = located.data
    if not isinstance(data, dict):
        return model.model_construct(), frozenset(), [_not_a_mapping(model, located)]
    try:
        return model.model_validate(data), frozenset(model.model_fields), []
    except ValidationError as exc:
        errors = exc.errors()
    problems = _problems(model, located, errors)
    bad = {err["loc"][0] for err in errors if err["loc"]}
    valid = frozenset(name for name in model.model_fields if name not in bad)
    values = {name: _adapter(model, name).validate_python(data[name]) for name in valid if name in data}
    return model.model_construct(**values), valid, problems


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    field = model.model_fields[name]
    annotated: Any = Annotated[field.annotation, field]  # a type built at run time
    return TypeAdapter(annotated)


def _not_a_mapping(model: type[BaseModel], located: Located) -> Problem:
    data = located.data
    got = "an empty file" if data is None else f"a {'list' if isinstance(data, list) else 'single value'}"
    required = [name for name, field in model.model_fields.items() if field.is_required()]
    return located.problem((), f"expected a mapping of keys ({', '.join(required)}, ...); got {got}")


def _problems(model: type[BaseModel], located: Located, errors: list[Any]) -> list[Problem]:
    """Problems of pydantic ``errors``; a missing key that a misspelt one explains is left out."""
    problems = [_problem(model, located, err) for err in errors]
    meant = {_sibling(p.key, p.hint) for p in problems if p.hint and p.message == "unknown key"}
    return [p for p in problems if not (p.message == "required key is missing" and p.key in meant)]


def _sibling(key: str, name: str) -> str:
    """Dotted key ``name`` next to dotted key ``key`` (``opd[0].rol``, ``role`` -> ``opd[0].role``)."""
    parent, dot, _ = key.rpartition(".")
    return f"{parent}{dot}{name}"


def _problem(model: type[BaseModel], located: Located, err: Any) -> Problem:
    loc = _key_path(located.data, err["loc"])
    if err["type"] == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        hint = closest(str(loc[-1]), allowed)
        return located.problem(
            loc, "unknown key" if hint else f"unknown key; expected one of: {', '.join(allowed)}", hint
        )
    if err["type"] == "missing":
        return located.problem(loc, "required key is missing")
    if err["type"] == "literal_error":
        options = re.findall(r"'([^']*)'", err["ctx"]["expected"])
        return located.problem(loc, _message(err), closest(str(err["input"]), options))
    return located.problem(loc, _message(err))


def _key_path(data: Any, loc: tuple[str | int, ...]) -> KeyPath:
    """pydantic's ``loc`` without its union tags: a part that is a key or index of ``data`` stays."""
    path: list[str | int] = []
    for part in loc:
        child = _child(data, part)
        if child is _ABSENT and _is_union_tag(part):
            continue
        data = None if child is _ABSENT else child
        path.append(part)
    return tuple(path)


_ABSENT = object()


def _child(data: Any, part: str | int) -> Any:
    """``data[part]`` when ``data`` has it, else ``_ABSENT``."""
    if isinstance(data, dict):
        return data.get(part, _ABSENT)
    if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
        return data[part]
    return _ABSENT


def _is_union_tag(part: object) -> bool:
    return isinstance(part, str) and (part in {"str", "ClauseRef", "MengingatItem"} or "[" in part)


#: Hints added to the message, by error type, when the input is of the given kind.
_HINTS: dict[tuple[str, type], str] = {
    ("decimal_parsing", str): "; write decimals with a dot",
    ("string_type", bool): "; YAML reads yes/no/true/false as a yes/no value: put text in quotes",
    ("string_type", int): "; put text in quotes",
    ("string_type", float): "; put text in quotes",
}

#: What a value of each pattern of the models looks like.
_PATTERNS: dict[str, str] = {
    SLUG_PATTERN: "expected an id: lowercase letters, digits and '_', starting with a letter",
    PASAL_KEY_PATTERN: "expected a Pasal key: ids joined by '.', e.g. kepesertaan.segmen",
}


#: Plain words for pydantic's error types (its own wording never reaches the user); ``c`` is the
#: error's context (the limit that was broken).
_WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "too_short": lambda c: "must not be empty" if c["min_length"] == 1 else f"needs {c['min_length']} items",
    "too_long": lambda c: f"has {c['actual_length']} items; at most {c['max_length']} are accepted",
    "string_too_short": lambda _c: "must not be empty",
    "string_too_long": lambda c: f"too long: at most {c['max_length']} characters",
    "string_pattern_mismatch": lambda c: _PATTERNS.get(c["pattern"], "not in the expected form"),
    "greater_than_equal": lambda c: f"must be at least {c['ge']}",
    "less_than_equal": lambda c: f"must be at most {c['le']}",
    "literal_error": lambda c: f"expected one of: {c['expected'].replace(' or ', ', ')}",
    "value_error": lambda c: str(c["error"]),
    "string_type": lambda _c: "expected text",
    "int_type": lambda _c: "expected a whole number",
    "int_parsing": lambda _c: "expected a whole number",
    "int_from_float": lambda _c: "expected a whole number",
    "decimal_type": lambda _c: "expected a number",
    "decimal_parsing": lambda _c: "expected a number",
    "finite_number": lambda _c: "expected a number",
    "bool_type": lambda _c: "expected true or false",
    "bool_parsing": lambda _c: "expected true or false",
    "list_type": lambda _c: "expected a list",
    "date_type": lambda _c: "expected a date (YYYY-MM-DD)",
    "date_parsing": lambda _c: "expected a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": lambda _c: "expected a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": lambda _c: "expected a date without a time (YYYY-MM-DD)",
    "model_type": lambda _c: "expected a mapping of keys",
    "dict_type": lambda _c: "expected a mapping of keys",
}


def _message(err: Any) -> str:
    """Plain words for one pydantic error, with the value given; pydantic's own wording when
    the error type is one no model here can raise (a test sweeps the models' constraints)."""
    words = _WORDS.get(err["type"])
    said = words(err.get("ctx", {})) if words else err["msg"]
    got = err.get("input")
    return f"{said} (got {_shown(got)}){_HINTS.get((err['type'], type(got)), '')}"


def _shown(value: Any) -> str:
    """``value`` as the YAML author wrote it (roughly), for messages."""
    if isinstance(value, dict | list):
        return "a mapping" if isinstance(value, dict) else ("a list" if value else "an empty list")
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    return (str(value) if isinstance(value, dt.date | Decimal | int | float) else repr(value))[:60]


def _allowed_keys(model: type[BaseModel], loc: KeyPath) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = _by_written_name(current) if hasattr(current, "model_fields") else {}
        field = fields.get(str(part))
        if field is None:
            return []
        current = _model_of(field.annotation)
    return sorted(_by_written_name(current)) if hasattr(current, "model_fields") else []


def _by_written_name(model: type[BaseModel]) -> dict[str, Any]:
    """The fields of ``model`` by the key a file writes (its alias: ``in`` for ``in_``)."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _model_of(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def closest(word: str, options: list[str]) -> str:
    """The option most like ``word`` (for "did you mean"), or ``""``.

    Case and spaces do not count (``WaliKota`` is ``Wali Kota``); among options that differ
    from ``word`` only in them, the one written most like it wins.
    """
    same = [option for option in options if _fold(option) == _fold(word)]
    if same:
        return max(same, key=lambda o: difflib.SequenceMatcher(None, word, o.replace(" ", "")).ratio())
    folded = {_fold(option): option for option in reversed(options)}
    matches = difflib.get_close_matches(_fold(word), list(folded), n=1, cutoff=0.6)
    return folded[matches[0]] if matches else ""


def one_typo_from(word: str, options: list[str]) -> str:
    """The first option one typo from ``word`` (a letter added, left out, changed, or two
    neighbours swapped), or ``""``: for ids such as law ids, where looser likeness suggests
    unrelated entries (``uu_2007_32`` is not ``uu_2017_2``)."""
    return next((option for option in options if _typos(word, option) <= 1), "")


def _typos(a: str, b: str) -> int:
    """Optimal string alignment distance of ``a`` and ``b``, counted only up to 2."""
    if abs(len(a) - len(b)) > 1:
        return 2
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (char != other))
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return min(row[-1], 2)


def _fold(text: str) -> str:
    return text.replace(" ", "").casefold()
