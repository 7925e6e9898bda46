"""Load two drafts (a region, or ``standard``) and diff them."""

from __future__ import annotations

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


def compare(a: Side, b: Side) -> Report:
    """Diff draft A against draft B, clause by clause."""
    meta = b.draft.meta
    clauses = classify(align(a.draft.root, b.draft.root), a.region, b.region)
    topics = {**_topics(a.draft.root), **_topics(b.draft.root)}
    return Report(a.info, b.info, f"{meta.standard_id} {meta.standard_version}", clauses, topics)


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
