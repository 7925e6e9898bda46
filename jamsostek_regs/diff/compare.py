"""Load two drafts (a region, or ``standard``) and diff them.

A side may also be a document read from a file (:func:`document_side`, a Perkada DOCX): it has
no region file to say why it differs, so every difference it makes is its own edit. A node only
the document has is ``added``, a node it lacks ``removed``, and any other difference inside a
clause ``wording``, each with the reason :data:`EDITED`; renumbering is still reported once per
clause, as between two regions.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from jamsostek_regs.diff.align import align
from jamsostek_regs.diff.changes import Report, SideInfo
from jamsostek_regs.diff.classify import Region, classify
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.pipeline import finish, load
from jamsostek_regs.source import notes
from jamsostek_regs.source.overrides import addition_key
from jamsostek_regs.source.regions import LoadedRegion
from jamsostek_regs.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a diff: the finished draft and what the classifier needs of its region."""

    info: SideInfo
    draft: Draft
    region: Region
    document: bool = False


#: The reason given for every difference a document makes (it was edited by hand).
EDITED = "diubah dalam dokumen"


def side(workspace: Workspace, region_id: str) -> Side:
    """Load and assemble ``region_id`` (``standard``: the standard with its default values)."""
    standard, loaded = load(workspace, region_id)
    return side_of(loaded, finish(standard, loaded))


def side_of(loaded: LoadedRegion, draft: Draft) -> Side:
    """The side of an already assembled draft."""
    region = loaded.region
    reasons = {o.key: o.reason for o in region.overrides}
    added = {addition_key(a): a.reason for a in region.additions}
    for lampiran in region.lampiran:
        key = f"lampiran.{lampiran.key}"
        added |= {key: lampiran.reason, f"{lampiran.pasal}.{key.replace('.', '_')}": lampiran.reason}
    parents = {child.key: node.key for node in draft.walk() for child in node.children}
    for change in region.changes:
        if change.add is None:
            reasons[change.replace or change.remove or ""] = change.reason
        else:
            parent = change.into or parents.get(change.after or change.before or "", "")
            added[f"{parent}.{change.add}"] = change.reason
    info = SideInfo(loaded.id, region.level, region.name)
    region_notes = notes.by_key(region)
    return Side(info, draft, Region(region.model_dump(), reasons | added, frozenset(added), region_notes))


def document_side(name: str, draft: Draft) -> Side:
    """The side of a draft read from the document ``name`` (no region file behind it)."""
    meta = draft.meta
    return Side(SideInfo(name, meta.level, meta.region_name), draft, Region({}, {}, frozenset()), True)


def compare(a: Side, b: Side) -> Report:
    """Diff draft A against draft B, clause by clause."""
    meta = (a if b.document else b).draft.meta  # a document is drafted with no standard
    region_a, region_b = a.region, b.region
    if a.document or b.document:
        keys_a, keys_b = {n.key for n in a.draft.walk()}, {n.key for n in b.draft.walk()}
        region_a = _edits(region_a, keys_a - keys_b, keys_a if a.document else set(), b.region)
        region_b = _edits(region_b, keys_b - keys_a, keys_b if b.document else set(), a.region)
    clauses = classify(align(a.draft.root, b.draft.root), region_a, region_b)
    topics = {**_topics(a.draft.root), **_topics(b.draft.root)}
    return Report(a.info, b.info, f"{meta.standard_id} {meta.standard_version}".strip(), clauses, topics)


def _edits(region: Region, only: Set[str], edited: Set[str], other: Region) -> Region:
    """``region`` with the nodes only its side has as its own (removed or added by the
    document), and with the ``edited`` nodes of a document as its own wording.

    A document side takes the other side's region values, so that no difference is put down
    to a region value it does not have.
    """
    reasons = dict.fromkeys(only | edited, EDITED) | dict(region.reasons)
    data = other.data if edited else region.data
    return Region(data, reasons, region.added | only, region.notes)


def _topics(node: Node, topic: str = "") -> dict[str, str]:
    """Clause key -> the title of the BAB or Bagian it is or stands in ("Kepesertaan")."""
    if node.kind in {"bab", "bagian"} and node.title:
        title = node.title
        topic = title[0] + title[1:].lower() if title.isupper() else title
    out = {node.key: topic} if topic and node.kind in {"bab", "bagian", "paragraf", "pasal"} else {}
    for child in node.children:
        if child.kind in {"batang_tubuh", "bab", "bagian", "paragraf", "pasal"}:
            out.update(_topics(child, topic))
    return out
