"""Which regions a request means: the one rule every use case applies."""

from __future__ import annotations

from collections.abc import Sequence

from jamsostek_regs.errors import UsageError
from jamsostek_regs.source.regions import every_region, region_path
from jamsostek_regs.workspace import STANDARD_REGION, Workspace

#: How a name says it is a file: a Word document.
DOCX = ".docx"


def is_document(name: str) -> bool:
    """Whether ``name`` names a DOCX file rather than a region."""
    return name.lower().endswith(DOCX)


def select(
    workspace: Workspace,
    ids: Sequence[str],
    all_: bool | None = None,
    *,
    standard: bool = False,
    documents: bool = False,
) -> list[str]:
    """The region ids a request names, each once, in the order given.

    ``all_`` is ``None`` for use cases where naming no region means every region (validate,
    lint, matrix); ``True``/``False`` where every region must be asked for explicitly
    (assemble, export), so that naming none and asking for all are both mistakes to report.
    Every named id must have a region file (:class:`UnknownRegionError`), except
    ``standard`` (the standard's own draft) and DOCX files (``documents``: names ending in
    ``.docx``, read when the use case runs) where the use case takes them; asking for all
    regions where there are none is an error too.
    """
    if all_ is not None and all_ == bool(ids):
        raise UsageError("name one or more regions, or ask for all of them (not both)")
    if not ids:
        return every_region(workspace.regions)
    for region_id in ids:
        if not (standard and region_id == STANDARD_REGION) and not (documents and is_document(region_id)):
            region_path(workspace.regions, region_id)
    return list(dict.fromkeys(ids))
