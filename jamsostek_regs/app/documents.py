"""Drafts named by a file: a Perkada DOCX wherever a use case takes a region.

``lint``, ``diff`` and ``matrix`` take a name that is a region id, ``standard``,
``region@version``, or the path of a DOCX (a name ending in ``.docx``, relative to the current
folder). This module is the one place that tells them apart and turns each into a draft:

* a DOCX is read (:mod:`jamsostek_regs.reader`; where its key marks are gone, paragraphs are
  aligned with the standard's draft) and put in the builder's form
  (:func:`jamsostek_regs.reader.bind.bind`) against a *reference draft*: the region's draft it
  is compared with, else the standard's;
* its findings name the paragraph of the file as well as the Pasal;
* the body of a lampiran the tool wrote from a Word document of the region's own (the
  lampiran's key is the tool's mark, its paragraphs carry none) is that document, not the
  Perkada's text: it is not linted, as it is not when the region is, and against a reference
  draft that has the lampiran it reads as the reference's body (the placeholder line the
  region's draft holds), so a diff with the region does not report the attached document.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from jamsostek_regs.app.reading import read, standard_draft
from jamsostek_regs.app.selection import is_document
from jamsostek_regs.diff.compare import Side, document_side
from jamsostek_regs.diff.compare import side as region_side
from jamsostek_regs.errors import DocumentError
from jamsostek_regs.lint import Finding
from jamsostek_regs.lint import lint as lint_draft
from jamsostek_regs.model import Draft
from jamsostek_regs.reader import Reading
from jamsostek_regs.reader import read as read_docx
from jamsostek_regs.reader.bind import bind
from jamsostek_regs.workspace import Workspace

#: How the key of a paragraph the tool did not write was found.
_UNMARKED = frozenset({"aligned", "none"})


@dataclass(frozen=True, slots=True)
class Document:
    """A DOCX read: the reader's result and its draft in the builder's form."""

    path: Path
    reading: Reading
    draft: Draft


def document(workspace: Workspace, path: Path, reference: Draft | None = None) -> Document:
    """The DOCX at ``path``, its draft bound against ``reference`` (default: the standard's draft).

    Raises:
        DocumentError: the file cannot be read or is no Perkada.
    """
    reading = read(workspace, path)
    model = reference or standard_draft(workspace)
    draft = bind(reading.draft, model)
    if model is not None:
        draft = _attachments_as(draft, _attached(reading), model)
    return Document(path, reading, draft)


def side(workspace: Workspace, name: str, reference: Draft | None = None) -> Side:
    """The diff side ``name`` names: a region (``region@version``, ``standard``) or a DOCX,
    bound against ``reference``."""
    if is_document(name):
        return document_side(name, document(workspace, Path(name), reference).draft)
    return region_side(*workspace.of(name))


def sides(workspace: Workspace, a: str, b: str) -> tuple[Side, Side]:
    """The two sides of a diff; a DOCX is bound against the region on the other side, if any."""
    if is_document(a) and not is_document(b):
        right = side(workspace, b)
        return side(workspace, a, right.draft), right
    left = side(workspace, a)
    return left, side(workspace, b, None if left.document else left.draft)


def fingerprint_of(reading: Reading) -> str:
    """A fingerprint of what a document says: every node's kind, number, title and text, as
    read (two files with the same fingerprint print the same Perkada)."""
    lines = (f"{n.kind}\t{n.num}\t{n.title}\t{n.plain()}" for n in reading.draft.walk())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def fingerprint(data: bytes) -> str:
    """:func:`fingerprint_of` the DOCX ``data`` (``""`` when it cannot be read)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.docx"
        path.write_bytes(data)
        try:
            return fingerprint_of(read_docx(path))
        except DocumentError:
            return ""


def lint(workspace: Workspace, name: str) -> list[Finding]:
    """The linter's findings on the DOCX ``name``, each at its Pasal and paragraph of the file."""
    found = document(workspace, Path(name))
    reading = found.reading
    attached = _attached(reading)
    return [
        _at_paragraph(finding, reading.paragraphs.get(finding.key))
        for finding in lint_draft(found.draft)
        if finding.key not in attached
    ]


def _at_paragraph(finding: Finding, paragraph: int | None) -> Finding:
    if paragraph is None:
        return finding
    return replace(finding, location=f"{finding.location} (paragraf {paragraph})")


def _attachments_as(draft: Draft, attached: frozenset[str], model: Draft) -> Draft:
    """``draft`` with the body of each attached lampiran the one ``model`` gives it."""
    lampiran = []
    for node in draft.root.children:
        theirs = model.find(node.key) if node.kind == "lampiran" else None
        if theirs is None or not any(c.key in attached for c in node.children):
            lampiran.append(node)
            continue
        body = tuple(c for c in theirs.children if c.kind != "pengesahan")
        mine = [c for c in node.children if c.key not in attached]
        cut = next(i for i, c in enumerate(node.children) if c.key in attached)
        lampiran.append(node.with_children((*mine[:cut], *body, *mine[cut:])))
    return replace(draft, root=draft.root.with_children(tuple(lampiran)))


def _attached(reading: Reading) -> frozenset[str]:
    """Keys of the paragraphs of a Word document the tool attached as a lampiran."""
    origins = reading.origins
    marked = (c for c in reading.draft.root.children if c.kind == "lampiran" and origins[c.key].how == "mark")
    return frozenset(n.key for lampiran in marked for n in lampiran.walk() if origins[n.key].how in _UNMARKED)
