"""Use case: review an uploaded Word draft: the linter's findings and its diff against a draft.

The workbench's one adapter from a DOCX to the diff and the linter: the document is read back
into a tree (:func:`jamsostek_regs.app.reading.read`) and then treated as the draft it holds.
The diff's B side is that draft, with the values of the region it is compared with (or the
standard's defaults), so the diff shows what was edited in Word. A document holds text, not
references: the A side is compared as a document would hold it (:func:`_as_read`), so a clause
differs only where its words do.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from jamsostek_regs.app.reading import read
from jamsostek_regs.diff import report_html
from jamsostek_regs.diff.changes import Report, SideInfo
from jamsostek_regs.diff.compare import compare, side_of
from jamsostek_regs.lint import Finding, lint
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.pipeline import finish, load
from jamsostek_regs.reader import Reading
from jamsostek_regs.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Reviewed:
    """An uploaded DOCX: how it was read, the linter's findings, its diff and the diff page."""

    reading: Reading
    findings: list[Finding]
    report: Report
    page: str


def review(workspace: Workspace, path: Path, name: str, against: str) -> Reviewed:
    """Read the DOCX at ``path`` (shown as ``name``), lint it and diff it against ``against``
    (a region id or ``standard``).

    Raises:
        DocumentError: the file is no DOCX, breaks a limit of a Word document, or is no Perkada.
        UnknownRegionError, InputError: ``against`` names no valid region.
    """
    reading = read(workspace, path)
    standard, loaded = load(workspace, against)
    base = side_of(loaded, _as_read(finish(standard, loaded)))
    uploaded = side_of(loaded, reading.draft)
    uploaded = replace(uploaded, info=SideInfo(name, base.info.level, base.info.name))
    report = compare(base, uploaded)
    return Reviewed(reading, lint(reading.draft), report, report_html.render(report))


def _as_read(draft: Draft) -> Draft:
    """``draft`` as the reader gives it back: each node's text one string, punctuation included."""

    def flat(node: Node) -> Node:
        text = (node.plain(),) if node.text or node.end else ()
        return replace(node, text=text, end="", children=tuple(flat(child) for child in node.children))

    return replace(draft, root=flat(draft.root))
