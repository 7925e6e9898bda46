"""Rebase a region onto a revised standard: a three-way merge keyed by clause keys.

The three texts are the standard's clauses as the region's values render them under the version
the region file was written against (*base*), the region's own changes (*ours*: ``overrides``,
``changes``, ``additions``, its own ``lampiran`` and ``attachments``, ``mengingat``, ``title``)
and the standard's clauses under the new version (*theirs*). Both standard drafts are built
without the region's own changes, so they show what the standard alone says. Each own change
rests on a clause key and is:

* ``clean``: the new standard did not touch the clause it changes (compared word for word, with
  numbers and list punctuation left out and references by what they point to), or the clause it
  is placed next to is still there: it is carried over as it is;
* ``conflict``: the region replaced or removed a clause the new standard also changed: both
  texts are listed, for the drafter to decide;
* ``removed``: the new standard no longer has the clause (or the law) it rests on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from jamsostek_regs.model import Draft, Node
from jamsostek_regs.source.overrides import PREFIX
from jamsostek_regs.source.schema import Region

Status = Literal["clean", "conflict", "removed"]
#: The region fields that hold its own changes (emptied to build the standard's own text).
OWN = ("overrides", "changes", "additions", "lampiran", "attachments", "mengingat")


@dataclass(frozen=True, slots=True)
class Carried:
    """One of the region's own changes, and what becomes of it on the new standard.

    Attributes:
        what: which change, as the region file names it ("overrides kepesertaan.segmen").
        key: the clause key it rests on.
        status: ``clean``, ``conflict`` or ``removed``.
        ours: the region's text (a conflict).
        theirs: the new standard's text of the clause (a conflict).
    """

    what: str
    key: str
    status: Status
    ours: str = ""
    theirs: str = ""


def own(region: Region) -> Region:
    """``region`` without its own changes: the values that choose the standard's clauses."""
    return region.model_copy(update={field: [] for field in OWN})


def words(node: Node) -> tuple[tuple[str, str, str, str], ...]:
    """The words of ``node`` and its descendants: kind, key, title and text with references as
    the keys they point to; numbers and list punctuation left out."""
    return tuple(
        (n.kind, n.key, n.title, "".join(p if isinstance(p, str) else f"<{p.key}>" for p in n.text))
        for n in node.walk()
    )


def printed(node: Node) -> str:
    """The text of ``node`` as printed, one line per paragraph."""
    return "\n".join(filter(None, (f"{n.num} {n.plain()}".strip() for n in node.walk() if n.text)))


def carried(region: Region, base: Draft, onto: Draft, laws: frozenset[str]) -> tuple[Carried, ...]:
    """What becomes of each of ``region``'s own changes between the standard drafts ``base`` and
    ``onto`` (both built without them); ``laws`` are the law ids the new standard knows."""
    return tuple(_Merge(region, base, onto, laws).items())


class _Merge:
    def __init__(self, region: Region, base: Draft, onto: Draft, laws: frozenset[str]) -> None:
        self.region = region
        self.base = {n.key: n for n in base.walk()}
        self.onto = {n.key: n for n in onto.walk()}
        self.own = {PREFIX + a.key for a in region.additions} | {f"lampiran.{x.key}" for x in region.lampiran}
        self.laws = laws | {law.id for law in region.laws}

    def items(self) -> Iterator[Carried]:
        for override in self.region.overrides:
            yield self._replaced(f"overrides {override.key}", override.key, override.text)
        for change in self.region.changes:
            if change.replace is not None:
                yield self._replaced(f"changes replace {change.replace}", change.replace, change.text or "")
            elif change.remove is not None:
                yield self._replaced(f"changes remove {change.remove}", change.remove, "")
            else:
                anchor = change.after or change.before or change.into or ""
                yield self._placed(f"changes add {change.add}", anchor)
        for addition in self.region.additions:
            yield self._placed(f"additions {addition.key}", addition.after or addition.in_ or "")
        for lampiran in self.region.lampiran:
            yield self._placed(f"lampiran {lampiran.key}", lampiran.pasal)
        for attachment in self.region.attachments:
            yield self._placed(f"attachments {attachment.file}", attachment.pasal)
        for entry in self.region.mengingat:
            if entry.law is not None:
                status: Status = "clean" if entry.law in self.laws else "removed"
                yield Carried(f"mengingat {entry.law}", entry.law, status)
            else:
                yield Carried(f"mengingat {entry.uud}", "mengingat", "clean")
        if self.region.title is not None:
            yield Carried("title", "judul.nama", "clean")

    def _replaced(self, what: str, key: str, ours: str) -> Carried:
        """A clause the region replaces or removes: clean while the standard left it alone."""
        if key not in self.onto:
            return Carried(what, key, "removed")
        before = self.base.get(key)
        if before is not None and words(before) == words(self.onto[key]):
            return Carried(what, key, "clean")
        return Carried(what, key, "conflict", ours.rstrip("\n"), printed(self.onto[key]))

    def _placed(self, what: str, anchor: str) -> Carried:
        """A unit of the region's own, placed next to (or cited by) the clause ``anchor``."""
        status: Status = "clean" if anchor in self.onto or anchor in self.own else "removed"
        return Carried(what, anchor, status)
