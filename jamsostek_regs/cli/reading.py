"""The ``read`` command: a Perkada DOCX back into the document tree."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

import click

from jamsostek_regs.cli._app import command, say

if TYPE_CHECKING:
    from jamsostek_regs.workspace import Workspace

#: The formats of ``app.reading.READ_FORMATS`` (kept here so ``--help`` imports nothing heavy).
FORMATS = ("json", "txt", "md")


@command(writes=False, example="jamsostek-regs read their-draft.docx --format json")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="txt",
    show_default=True,
    help="json: the tree with numbers, texts, keys and how each key was found; txt, md: the draft.",
)
@click.option(
    "--view",
    type=click.Choice(["accepted", "original"]),
    default="accepted",
    show_default=True,
    help="Tracked changes: accepted: every change accepted; original: every change rejected.",
)
@click.pass_obj
def read(workspace: Workspace, file: Path, fmt: str, view: str) -> None:
    """Read FILE (a Perkada DOCX: the tool's own, edited in Word, or made by hand) into the
    document tree and print it.

    Reports on stderr the tracked changes and comments counted, the paragraphs that could not
    be placed and what is wrong in the document (numbers twice or out of sequence, references
    to a missing Pasal). Exits 0 when the file was read, 2 when it is no DOCX or no Perkada.
    """
    from jamsostek_regs.app import reading

    result = reading.read(workspace, file, cast("Literal['accepted', 'original']", view))
    say(reading.render(result, fmt), nl=False)
    for note in result.notes:
        say(f"{file}: {note}", err=True, fg="yellow")
    unplaced = ", ".join(str(n.paragraph) for n in result.unplaced) or "none"
    say(
        f"read {file}: {result.revisions} tracked change(s), {result.comments} comment(s); "
        f"paragraphs not placed: {unplaced}",
        err=True,
    )
