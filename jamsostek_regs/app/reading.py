"""Use case: read a Perkada DOCX back into a draft, and show it as JSON, text or Markdown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jamsostek_regs.errors import JamsostekError
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.ooxml.wordtext import View
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.reader import Reading
from jamsostek_regs.reader import read as read_docx
from jamsostek_regs.workspace import STANDARD_REGION, Workspace
from jamsostek_regs.writers import writer

#: What ``read --format`` shows: the tree as JSON, or the draft through a writer.
READ_FORMATS = ("json", "txt", "md")


def read(workspace: Workspace, path: Path, view: View = "accepted") -> Reading:
    """The draft the DOCX at ``path`` holds; where its key marks are gone, paragraphs are
    aligned with the standard's draft of ``workspace`` (when it has a valid standard).

    Raises:
        DocumentError: the file cannot be read, breaks a limit of a Word document, or is no
            Perkada (the message names what is missing).
    """
    return read_docx(path, view, lambda: standard_draft(workspace))


def standard_draft(workspace: Workspace) -> Draft | None:
    """The standard's own draft, or ``None`` when the workspace has no valid standard."""
    try:
        return assemble(workspace, STANDARD_REGION)
    except (JamsostekError, OSError):
        return None


def render(reading: Reading, fmt: str) -> str:
    """``reading`` as ``json`` (the tree with numbers, texts, keys and how each was found, the
    citations, the notes), or as the ``txt`` or ``md`` writer prints its draft."""
    if fmt != "json":
        return writer(fmt)(reading.draft).decode("utf-8")
    document = {
        "view": reading.view,
        "revisions": reading.revisions,
        "comments": reading.comments,
        "level": reading.draft.meta.level,
        "region": reading.draft.meta.region_name,
        "tree": _node(reading.draft.root, reading),
        "notes": [{"paragraph": n.paragraph, "kind": n.kind, "message": n.message} for n in reading.notes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _node(node: Node, reading: Reading) -> dict[str, Any]:
    origin = reading.origins[node.key]
    out: dict[str, Any] = {"kind": node.kind, "key": node.key, "found": origin.how}
    if origin.how == "aligned":
        out["score"] = origin.score
    fields = {"num": node.num, "title": node.title, "text": node.plain(), "eid": node.eid}
    out |= {name: value for name, value in fields.items() if value}
    if node.key in reading.paragraphs:
        out["paragraph"] = reading.paragraphs[node.key]
    cited = reading.citations.get(node.key)
    if cited is not None:
        out["cites"] = {
            "kind": cited.kind, "number": cited.number, "year": cited.year, "title": cited.title,
            "gazette": cited.gazette,
        }  # fmt: skip
    if node.children:
        out["children"] = [_node(child, reading) for child in node.children]
    return out
