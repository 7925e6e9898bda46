"""The laws a region's Mengingat may cite: the standard's catalog plus the region's own.

A region file declares in ``laws`` what ``legal_basis.yaml`` lacks (an establishment law
outside the catalog, a law its Perkada also rests on), with everything a source gives and
``null`` (printed "...") for the rest. A declared law that ``amends`` another joins that
law's amendment chain (R35), in order of year and number. ``mengingat`` adds items to the
standard's list: a law by id, or an article of the UUD besides Pasal 18 ayat (6) (R31).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from jamsostek_regs.errors import Problem
from jamsostek_regs.source.schema import LegalInstrument, Region, one_typo_from
from jamsostek_regs.source.standard import Standard
from jamsostek_regs.source.yamlsource import KeyPath, Located

#: The catalog id of the UUD article every Perkada cites (Pasal 18 ayat (6)); added articles join it.
UUD = "uud_18_6"


def catalog(region: Region, standard: Standard) -> dict[str, LegalInstrument]:
    """Every law this region may cite by id, amendment chains extended by the region's laws."""
    out = {**standard.legal_basis, **{law.id: law.instrument() for law in region.laws}}
    for law in sorted(region.laws, key=lambda item: (item.tahun or 0, item.nomor or 0)):
        target = out.get(law.amends or "")
        if target is not None and law.id not in target.amended_by:
            out[law.amends or ""] = target.model_copy(update={"amended_by": [*target.amended_by, law.id]})
    return out


def uud_articles(region: Region, standard: Standard) -> str:
    """The UUD item's articles: Pasal 18 ayat (6) and those the region adds, joined (R31)."""
    articles = [standard.legal_basis[UUD].pasal or "", *(m.uud for m in region.mengingat if m.uud)]
    return articles[0] if len(articles) == 1 else ", ".join(articles[:-1]) + " dan " + articles[-1]


def check(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """Problems of ``laws`` and ``mengingat``: ids new and known, chains and entries well formed."""
    known = catalog(region, standard)
    first: dict[str, int] = {}
    for i, law in enumerate(region.laws):
        if law.id in standard.legal_basis:
            message = f"'{law.id}' is already in legal_basis.yaml: cite it by its id instead of declaring it"
            yield located.problem(("laws", i, "id"), message)
        elif first.setdefault(law.id, i) != i:
            yield located.problem(("laws", i, "id"), f"law '{law.id}' is declared twice")
        if law.amends is not None:
            yield from _known(located, ("laws", i, "amends"), law.amends, known)
            if law.amends == law.id:
                yield located.problem(("laws", i, "amends"), "a law cannot amend itself")
        for j, other in enumerate(law.amended_by):
            yield from _known(located, ("laws", i, "amended_by", j), other, known)
    yield from _entries(region, located, standard, known)


def _entries(
    region: Region, located: Located, standard: Standard, known: Mapping[str, LegalInstrument]
) -> Iterator[Problem]:
    """Problems of the ``mengingat`` entries."""
    seen: dict[str, int] = {}
    for i, entry in enumerate(region.mengingat):
        if (entry.law is None) == (entry.uud is None):
            yield located.problem(
                ("mengingat", i), "give either 'law' (an id) or 'uud' (an article), not both"
            )
            continue
        given = entry.law or entry.uud or ""
        if seen.setdefault(given, i) != i:
            line = located.where(("mengingat", seen[given]))[0]
            yield located.problem(("mengingat", i), f"'{given}' is already cited on line {line}")
        if entry.law is not None:
            yield from _known(located, ("mengingat", i, "law"), entry.law, known)
            if entry.law == UUD:
                message = f"'{UUD}' is always cited; add other UUD articles with 'uud: Pasal ...'"
                yield located.problem(("mengingat", i, "law"), message)
        elif entry.uud == standard.legal_basis[UUD].pasal:
            yield located.problem(("mengingat", i, "uud"), f"{entry.uud} is always cited")


def _known(
    located: Located, where: KeyPath, law: str, known: Mapping[str, LegalInstrument]
) -> Iterator[Problem]:
    if law not in known:
        yield unknown(located, where, law, known)


def unknown(located: Located, where: KeyPath, law: str, known: Mapping[str, LegalInstrument]) -> Problem:
    """The problem of a law id neither the catalog nor ``laws`` has: how to declare it, and a
    "did you mean" only for an id one typo away."""
    message = (
        f"no law '{law}' in legal_basis.yaml; declare it under 'laws:' in the region file"
        " (see docs/region-format.md)"
    )
    return located.problem(where, message, one_typo_from(law, sorted(known)))
