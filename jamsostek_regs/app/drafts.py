"""Use cases on finished drafts: assemble them into files, lint them."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jamsostek_regs.app.selection import is_document
from jamsostek_regs.errors import JamsostekError
from jamsostek_regs.lint import Finding
from jamsostek_regs.lint import lint as lint_draft
from jamsostek_regs.output import write_outputs
from jamsostek_regs.pipeline import assemble as assemble_draft
from jamsostek_regs.pipeline import produce, refuse_lint_errors
from jamsostek_regs.validation import check_standard
from jamsostek_regs.workspace import Workspace
from jamsostek_regs.writers import ordered, suffix


@dataclass(frozen=True, slots=True)
class Assembled:
    """One region's draft written to files.

    Attributes:
        findings: the linter's findings (errors only when they were allowed).
        written: the files written, in format order.
        warnings: what a reader of the files should know (a PDF set in a substituted font).
    """

    region_id: str
    findings: list[Finding]
    written: list[Path]
    warnings: tuple[str, ...] = ()


def assemble(
    workspace: Workspace,
    region_ids: Sequence[str],
    formats: Sequence[str],
    *,
    out: Path | None = None,
    force: bool = False,
    allow_lint_errors: bool = False,
    on_written: Callable[[Path], None] = lambda _path: None,
) -> list[Assembled]:
    """Write the draft of each region into ``out/<region>/<region>.<suffix>`` for each format.

    Every draft is built and linted before any file is written: a region with invalid input,
    or (unless ``allow_lint_errors``) a draft with linter errors, stops the request with
    nothing written. A DOCX edited by hand whose edits ``absorb --write`` took in is replaced
    without ``force`` when the new one prints the same text. ``on_written`` hears of each file
    as soon as it is written.
    """
    root = out or workspace.build
    folders = {region_id: _output_folder(root, region_id) for region_id in region_ids}
    check_standard(workspace.standard)
    chosen = ordered(formats)
    produced = {region_id: produce(workspace, region_id, chosen) for region_id in region_ids}
    refuse_lint_errors({r: p.findings for r, p in produced.items()}, allow_lint_errors)
    results = []
    for region_id, made in produced.items():
        written = write_outputs(
            folders[region_id],
            made.files,
            force=force,
            inputs=workspace.inputs,
            fingerprint=_fingerprint,
        )
        for path in written:
            on_written(path)
        results.append(Assembled(region_id, made.findings, written, made.warnings))
    return results


def _fingerprint(data: bytes) -> str:
    """What the DOCX ``data`` says (the reader is loaded only when a DOCX is to be replaced)."""
    from jamsostek_regs.app import documents

    return documents.fingerprint(data)


def _lint_document(workspace: Workspace, name: str) -> list[Finding]:
    """The findings on the DOCX ``name`` (the reader is loaded only when a DOCX is linted)."""
    from jamsostek_regs.app import documents

    return documents.lint(workspace, name)


def _output_folder(out: Path, region_id: str) -> Path:
    """``out/<region_id>``, refused when it leads outside ``out`` (through a symbolic link)."""
    folder = out / region_id
    if not Path(os.path.realpath(folder)).is_relative_to(os.path.realpath(out)):  # no error on a link loop
        raise JamsostekError(f"refusing to write to {folder}: it leads outside {out}")
    return folder


def lint(workspace: Workspace, region_ids: Sequence[str]) -> dict[str, list[Finding]]:
    """Region id (or DOCX file) -> the linter's findings on its draft."""
    return {
        name: _lint_document(workspace, name)
        if is_document(name)
        else lint_draft(assemble_draft(workspace, name))
        for name in region_ids
    }


def render(workspace: Workspace, region_id: str, fmt: str) -> bytes:
    """The draft of ``region_id`` in format ``fmt``: the bytes ``assemble`` would write.

    Raises:
        LintError: the draft has linter errors (``assemble`` would refuse it too).
    """
    check_standard(workspace.standard)
    made = produce(workspace, region_id, [fmt])
    refuse_lint_errors({region_id: made.findings}, allow_errors=False)
    return made.files[f"{region_id}{suffix(fmt)}"]
