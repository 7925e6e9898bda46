"""Applying Pasal I to the enacted text: the consolidated text (Lampiran II UU 12/2011 angka 238).

:func:`apply` carries out each :class:`~jamsostek_regs.amend.changes.Change` on the enacted tree,
in order: it replaces a changed or deleted unit (or only a heading's title, or a lampiran's
body), and inserts new units after the sibling the change names. Nothing else is touched, so
what the result shows beyond the enacted text is exactly what Pasal I says. :func:`marked` is
the consolidated text of a history of snapshots: the latest tree, a note under each Pasal or
lampiran an enacted amendment changed ("(Ayat (2) Pasal 9 diubah dengan Peraturan Bupati X Nomor 3
Tahun 2026)"), under a judul that says it is a consolidated text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from jamsostek_regs.amend.changes import Change
from jamsostek_regs.amend.perubahan import peraturan
from jamsostek_regs.amend.snapshot import Snapshot
from jamsostek_regs.model import Draft, Node


def apply(enacted: Draft, changes: Sequence[Change]) -> Draft:
    """``enacted`` with every change of ``changes`` carried out.

    Raises:
        KeyError: a change names a unit the enacted text does not have (changes of another text).
    """
    root = enacted.root
    inserted: set[int] = set()
    for change in changes:
        root = _apply(root, change, inserted)
    return replace(enacted, root=root)


def _apply(root: Node, change: Change, inserted: set[int]) -> Node:
    """``root`` with ``change`` carried out; ``inserted`` holds the ids of the units inserted so
    far, which a replacement passes by (a unit that moved is deleted at its enacted place)."""
    found = [False]
    if change.mode == "insert":
        inserted.update(id(n) for n in change.nodes)

    def visit(node: Node) -> Node:
        if id(node) in inserted and change.mode != "insert":
            return node
        if change.mode == "insert" and node.key == change.parent:
            found[0] = True
            keys = [c.key for c in node.children]
            at = keys.index(change.after) + 1 if change.after else 0
            return node.with_children((*node.children[:at], *change.nodes, *node.children[at:]))
        if node.key == change.target and change.mode != "insert":
            found[0] = True
            if change.mode == "title":
                return replace(node, title=change.nodes[0].title)
            return change.nodes[0]
        if not node.children:
            return node
        children = tuple(visit(c) for c in node.children)
        if all(new is old for new, old in zip(children, node.children, strict=True)):
            return node
        return node.with_children(children)

    result = visit(root)
    if not found[0]:
        raise KeyError(change.target or change.parent)
    return result


def marked(history: Sequence[Snapshot]) -> Draft:
    """The text of the latest snapshot of ``history`` (oldest first) as a consolidated text: a
    note under each Pasal or lampiran an amending instrument changed, naming the unit it changed
    ("(Huruf c Pasal 11 dihapus dengan Peraturan Bupati X Nomor 3 Tahun 2026)"), and, once it was
    amended, a judul saying what the text is: "NASKAH KONSOLIDASI (TIDAK RESMI)" above it and
    "SEBAGAIMANA TELAH DIUBAH DENGAN ..." below (it is no instrument of its own, angka 238)."""
    latest = history[-1].draft
    jenis = peraturan(history[0].draft)
    notes: dict[str, list[str]] = {}
    amendments = []
    for record in history[1:]:
        number, year = record.instrument.number, record.instrument.year
        by = f"{jenis} {record.draft.meta.region_name} Nomor {number} Tahun {year}"
        amendments.append(by)
        for changed in record.changes:
            note = f"({changed.address[:1].upper()}{changed.address[1:]} {changed.action} dengan {by})"
            notes.setdefault(changed.key, []).append(note)

    def visit(node: Node) -> Node:
        if node.kind in {"pasal", "lampiran"} and node.key in notes:
            extra = tuple(
                Node("ayat" if node.kind == "pasal" else "line", f"{node.key}.catatan_{i}", text=(note,))
                for i, note in enumerate(notes[node.key], 1)
            )
            if node.kind == "pasal":
                return node.with_children((*node.children, *extra))
            kepala, *rest = node.children  # a lampiran: the note under its title
            return node.with_children((kepala, *extra, *rest))
        if node.kind == "judul" and amendments:
            return node.with_children(
                (
                    _line(node, "konsolidasi", "NASKAH KONSOLIDASI (TIDAK RESMI)"),
                    *node.children,
                    _line(node, "diubah", _amended_by(amendments)),
                )
            )
        if not node.children:
            return node
        return node.with_children(tuple(visit(c) for c in node.children))

    return replace(latest, root=visit(latest.root))


def _line(judul: Node, name: str, text: str) -> Node:
    return Node("line", f"{judul.key}.{name}", text=(text,))


def _amended_by(amendments: Sequence[str]) -> str:
    """ "SEBAGAIMANA TELAH DIUBAH DENGAN ..." or, after several, "... BEBERAPA KALI DIUBAH,
    TERAKHIR DENGAN ..." (R35)."""
    chain = "DIUBAH DENGAN" if len(amendments) == 1 else "BEBERAPA KALI DIUBAH, TERAKHIR DENGAN"
    return f"SEBAGAIMANA TELAH {chain} {amendments[-1].upper()}"
