"""Use case: turn the edits of a DOCX into entries of its region file (``absorb``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jamsostek_regs.absorb import Edit
from jamsostek_regs.absorb import absorb as absorb_document
from jamsostek_regs.app import documents
from jamsostek_regs.errors import UsageError
from jamsostek_regs.output import accept_absorbed, rewrite
from jamsostek_regs.pipeline import finish, load
from jamsostek_regs.workspace import STANDARD_REGION, Workspace


@dataclass(frozen=True, slots=True)
class Absorption:
    """What absorbing a document planned, and what was written.

    Attributes:
        region_file: the region file the entries go to.
        edits: the entries, in the order they are added.
        written: whether the region file was rewritten (``write`` and something to add).
        guarded: whether the document is an output file the next ``assemble`` may now replace
            without ``--force`` (it will only if it writes the same text).
    """

    region_file: Path
    edits: tuple[Edit, ...]
    written: bool
    guarded: bool


def absorb(workspace: Workspace, region_id: str, path: Path, *, write: bool = False) -> Absorption:
    """Plan the entries that make ``region_id``'s draft say what the DOCX at ``path`` says and,
    with ``write``, add them to the region file (its comments and key order kept).

    Raises:
        DocumentError: the DOCX cannot be read or is no Perkada.
        CannotAbsorb: the document says something no region file can (each place and why).
        InputError: the region file is invalid.
        UsageError: ``region_id`` is ``standard`` (the standard's draft has no region file).
    """
    if region_id == STANDARD_REGION:
        raise UsageError("absorb writes a region file: name a region, not the standard's own draft")
    standard, loaded = load(workspace, region_id)
    ours = finish(standard, loaded)
    document = documents.document(workspace, path, ours)
    absorbed = absorb_document(standard, loaded, ours, document.draft, path.name)
    written = write and bool(absorbed.edits)
    guarded = False
    if written:
        rewrite(loaded.path, absorbed.text.encode("utf-8"))
        guarded = accept_absorbed(path, documents.fingerprint_of(document.reading))
    return Absorption(loaded.path, absorbed.edits, written, guarded)
