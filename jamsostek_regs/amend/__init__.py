"""Amending what is enacted: snapshots, the Perubahan, the consolidated text.

* :mod:`.snapshot`: the record that a draft became law (``regions/enacted/<id>/<year>-<number>.json``);
* :mod:`.merge`: the new draft's words under the enacted numbers (nothing enacted is renumbered);
* :mod:`.changes`: Pasal I, each change in its statutory formula;
* :mod:`.consolidate`: Pasal I applied to the enacted text;
* :mod:`.perubahan`: the amending Perkada as a tree the writers print.

:func:`amendment` runs them for one enacted snapshot and one new draft, and measures whether
the change is one an amendment should carry (Lampiran II UU 12/2011 angka 237, R126): when more
than half of the enacted Pasal change, the regulation is better repealed and replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jamsostek_regs.amend import perubahan
from jamsostek_regs.amend.changes import Change, changes, shown
from jamsostek_regs.amend.merge import MOVED, Merged, SystematicsChanged, merge
from jamsostek_regs.amend.snapshot import Changed, Snapshot
from jamsostek_regs.citing import cite
from jamsostek_regs.model import Draft

__all__ = ["Amendment", "Change", "SystematicsChanged", "amendment"]


@dataclass(frozen=True, slots=True)
class Amendment:
    """The Perubahan of one enacted snapshot towards a new draft.

    Attributes:
        enacted: the snapshot amended.
        merged: the amended text (the consolidated text once enacted).
        changes: Pasal I.
        draft: the amending Perkada.
        changed_pasal: enacted Pasal changed, deleted or moved, and Pasal inserted (a Pasal that
            moves counts once).
        enacted_pasal: Pasal of the enacted text.
    """

    enacted: Snapshot
    merged: Merged
    changes: tuple[Change, ...]
    draft: Draft
    changed_pasal: int
    enacted_pasal: int

    @property
    def substantial(self) -> bool:
        """More than half of the Pasal change: replace, do not amend (angka 237, R126)."""
        return self.changed_pasal * 2 > self.enacted_pasal

    def changed(self) -> tuple[Changed, ...]:
        """Every Pasal and lampiran Pasal I restates, inserts or deletes, for the snapshot of the
        enactment, each with the unit the change names ("huruf c Pasal 11", not "Pasal 11", when
        only its huruf c was deleted; each Pasal of an inserted BAB by its own number)."""
        out = []
        for change in self.changes:
            for node in (n for unit in change.nodes for n in unit.walk()):
                if node.kind in {"pasal", "lampiran"}:
                    own = cite(node)
                    address = change.address if change.address.endswith(own) else own
                    out.append(Changed(node.key, address, change.action))
        return tuple(out)


def amendment(history: Sequence[Snapshot], new: Draft, reasons: Sequence[str] = ()) -> Amendment:
    """The Perubahan of a Perkada towards ``new``: ``history`` is its snapshots, oldest first (the
    original, then each amending instrument, whose snapshot holds the consolidated text);
    ``reasons`` are its Menimbang items before the closing one (none: one general item).

    Raises:
        SystematicsChanged: the new draft cannot be reached by amending (see :mod:`.merge`).
    """
    original, enacted = history[0], history[-1]
    old = enacted.draft
    merged = merge(old, new)
    amended = perubahan.Amended(
        original.instrument.number,
        original.instrument.year,
        original.instrument.gazette,
        tuple((s.instrument.number, s.instrument.year, s.instrument.gazette) for s in history[1:]),
    )
    found = changes(old, merged, perubahan.peraturan(old), perubahan.named(old, amended))
    draft = perubahan.build(old, amended, new, found, reasons)
    before = {n.key: n for n in old.walk() if n.kind == "pasal"}
    after = [n for n in merged.draft.part("batang_tubuh").walk() if n.kind == "pasal"]
    changed = {
        n.key.removesuffix(MOVED) for n in after if n.key not in before or shown(n) != shown(before[n.key])
    }
    return Amendment(enacted, merged, found, draft, len(changed), len(before))
