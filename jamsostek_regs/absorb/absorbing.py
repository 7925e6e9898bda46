"""Absorb an edited document into its region file: plan, write the entries, prove them.

:func:`absorb` plans the entries (:mod:`.plan`), adds them to the region file's text
(:mod:`.yamledit`), loads that text as the region file it would become and builds its draft,
and compares that draft with the document's, node by node: the printed texts, or the texts
and references with the computed endings (reference words apart: the passes compute them
again from the numbers). Only when the two say the same is the result given
back; otherwise :class:`CannotAbsorb` names every place the region file cannot reproduce, so
that what is written always makes the next ``assemble`` give the edited text. Nothing is
written here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from jamsostek_regs.absorb.plan import Context, Edit, Refusal, Section, plan
from jamsostek_regs.absorb.text import LEVEL_WORDS
from jamsostek_regs.absorb.yamledit import edited
from jamsostek_regs.build.grammar import grammar
from jamsostek_regs.diff.align import Pair, align, signature, text_of
from jamsostek_regs.diff.units import address
from jamsostek_regs.errors import InputError, JamsostekError
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.pipeline import finish
from jamsostek_regs.source import laws
from jamsostek_regs.source.overrides import addition_key
from jamsostek_regs.source.regions import LoadedRegion, check
from jamsostek_regs.source.schema import Region
from jamsostek_regs.source.standard import Standard
from jamsostek_regs.source.yamlsource import load_text

#: How a node's source names the region file that wrote it.
_REGIONS = "regions/"
_MAKE = "the region file cannot make it"
_LEAVE = "the region file cannot leave it out"


class CannotAbsorb(JamsostekError):
    """The document says something no region file can: each place and why."""

    def __init__(self, name: str, refusals: list[Refusal]) -> None:
        self.refusals = refusals
        lines = "\n".join(f"  {refusal}" for refusal in refusals)
        super().__init__(
            f"cannot absorb {name}: {len(refusals)} difference(s) a region file cannot express\n{lines}"
        )


@dataclass(frozen=True, slots=True)
class Absorbed:
    """The entries planned and the region file's new text."""

    edits: tuple[Edit, ...]
    text: str


def absorb(standard: Standard, loaded: LoadedRegion, ours: Draft, theirs: Draft, name: str) -> Absorbed:
    """The region file ``loaded`` (whose draft is ``ours``) with the entries that make its draft
    say what ``theirs`` (the document ``name``, bound against ``ours``) says.

    Raises:
        CannotAbsorb: a difference no entry can express, or one the entries planned do not
            reproduce.
    """
    region = loaded.region
    level = grammar(region).as_dict()
    owned, replaced = _owned(region, ours)
    words = {w: level[w] for w in LEVEL_WORDS}
    context = Context(words, laws.catalog(region, standard), name, owned, replaced)
    original = loaded.path.read_text(encoding="utf-8")
    edits, refusals = plan(ours, theirs, context)
    titles = [edit for edit in edits if edit.section == "title"]
    if titles:  # the title prints in the Menimbang and Menetapkan too: plan the rest with it
        ours = _rebuilt(standard, loaded, edited(original, titles, loaded.path.name), name)
        rest, refusals = plan(ours, theirs, context)
        edits = [*titles, *rest]
    if refusals:
        raise CannotAbsorb(name, refusals)
    text = edited(original, edits, loaded.path.name) if edits else original
    draft = _rebuilt(standard, loaded, text, name)
    left = _moved(list(_differences(align(draft.root, theirs.root, ordered=True), ())))
    if left:
        raise CannotAbsorb(name, left)
    return Absorbed(tuple(edits), text)


def _owned(region: Region, ours: Draft) -> tuple[dict[str, tuple[Section, int]], frozenset[str]]:
    """The node each of the region's ``changes`` and ``additions`` made or replaced, by key, and
    the keys of the standard's nodes it replaced."""
    owned: dict[str, tuple[Section, int]] = {}
    made = (n for n in ours.walk() if n.source and n.source.file.startswith(_REGIONS))
    own = {n.key.rpartition(".")[2]: n.key for n in made if n.source and n.source.file.endswith(f"({n.key})")}
    for i, change in enumerate(region.changes):
        key = change.replace or own.get(change.add or "", "")
        if key and change.text is not None:
            owned[key] = ("changes", i)
    for i, addition in enumerate(region.additions):
        owned[addition_key(addition)] = ("additions", i)
    return owned, frozenset(c.replace for c in region.changes if c.replace)


def _rebuilt(standard: Standard, loaded: LoadedRegion, text: str, name: str) -> Draft:
    """:func:`_build`, its problems (an entry the build cannot apply) as refusals."""
    try:
        return _build(standard, loaded, text)
    except InputError as exc:
        refusals = [Refusal(p.key or loaded.path.name, p.message) for p in exc.problems]
        raise CannotAbsorb(name, refusals) from None


def _build(standard: Standard, loaded: LoadedRegion, text: str) -> Draft:
    """The draft the region file would give with ``text``."""
    display = f"regions/{loaded.path.name}"
    region, problems = check(load_text(text, display, partial=True), standard)
    if region is None:
        raise InputError(problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return finish(standard, LoadedRegion(loaded.id, loaded.path, region, digest))


def _differences(pair: Pair, chain: tuple[Pair, ...]) -> Iterator[Refusal]:
    """Where the rebuilt draft (A) does not say what the document (B) says."""
    chain = (*chain, pair)
    if pair.a is None:
        yield Refusal(address(chain, "b"), f"{_MAKE}: {_shown(pair)}")
        return
    if pair.b is None:
        yield Refusal(address(chain, "a"), f"{_LEAVE}: {_shown(pair)}")
        return
    if not _same(pair.a, pair.b):
        ours, theirs = _around(text_of(pair.a), text_of(pair.b))
        yield Refusal(address(chain, "b"), f"the draft would say {ours!r}, the document says {theirs!r}")
        return
    for child in pair.children:
        yield from _differences(child, chain)


def _same(a: Node, b: Node) -> bool:
    """Whether two nodes say the same: the same printed text, or the same text and references
    (their words may differ only because numbers moved) with the same computed ending."""
    return text_of(a) == text_of(b) or (signature(a), a.end) == (signature(b), b.end)


def _around(a: str, b: str, width: int = 50) -> tuple[str, str]:
    """The two texts around where they first differ."""
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    start = max(0, at - width)
    lead = "..." if start else ""
    return lead + a[start : at + width], lead + b[start : at + width]


def _moved(refusals: list[Refusal]) -> list[Refusal]:
    """The refusals, a node the document only put elsewhere said once: its place is computed."""
    made = {r.why.partition(": ")[2]: r for r in refusals if r.why.startswith(_MAKE)}
    out = []
    for refusal in refusals:
        text = refusal.why.partition(": ")[2]
        if refusal.why.startswith(_LEAVE) and text in made:
            where = made.pop(text).address
            out.append(
                Refusal(where, f"the draft puts it at {refusal.address} (its place is computed): {text}")
            )
        elif not (refusal.why.startswith(_MAKE) and text not in made):
            out.append(refusal)
    return out


def _shown(pair: Pair) -> str:
    """What the node of a one-sided pair prints (its kind, when nothing)."""
    node = pair.node
    text = node.title or node.plain() or node.kind
    return text if len(text) <= 120 else text[:117] + "..."
