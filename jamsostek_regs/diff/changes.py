"""The result of a diff: clauses (one per Pasal, heading, pembukaan part, lampiran) and changes.

A :class:`Change` is one difference a reviewer must look at, in one of six classes:

``parameter``
    the text differs because a region value differs; ``params`` names the region keys.
``optional``
    a conditional clause, ayat or rincian is in one draft only (``params``: what decided it).
``wording``
    the text differs because a region overrides the clause, or replaces or removes a node of it
    (``changes:``); ``reason`` says why.
``added`` / ``removed``
    a Pasal, BAB, Bagian, lampiran, ayat, rincian or Menimbang item a region adds itself
    (``additions``, ``changes``, ``lampiran``) is only in B / only in A; ``reason``.
``renumbered``
    the clause's number differs, or reference words changed only because numbers moved;
    reported once per clause.

The JSON form (:func:`jamsostek_regs.diff.report_json.render`) is documented in docs/diff.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from jamsostek_regs.diff.words import Op

Kind = Literal["parameter", "optional", "wording", "added", "removed", "renumbered"]
#: Every class, in the order summaries list them.
KINDS: tuple[Kind, ...] = ("parameter", "optional", "wording", "added", "removed", "renumbered")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a clause or node stands in one draft, and what it says there.

    Attributes:
        num: its own label in that draft ("8", "(2)", "b.", "VII"; "" when unnumbered).
        address: how a reader cites it ("Pasal 8 ayat (2) huruf b", "Menimbang huruf b").
        text: its printed text (a table row: the cells joined by " | ").
    """

    num: str
    address: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """One classified difference (see the module docstring for the classes).

    Attributes:
        kind: the class.
        clause: key of the clause it belongs to (a Pasal key, ``menimbang``, ``lampiran.x``).
        key: key of the node that differs (the clause key for clause-level changes).
        a, b: the node in A and in B; ``None`` on the side that lacks it.
        ops: word-level operations from A's text to B's.
        params: region keys behind a ``parameter`` or ``optional`` change.
        reason: the region's reason for a ``wording``, ``added`` or ``removed`` change.
        refs: for ``renumbered``, the reference words that changed (A's words, B's words).
    """

    kind: Kind
    clause: str
    key: str
    a: Place | None
    b: Place | None
    ops: tuple[Op, ...] = ()
    params: tuple[str, ...] = ()
    reason: str = ""
    refs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Line:
    """One node of a clause as the side-by-side view shows it (``a``/``b`` missing: one side)."""

    key: str
    depth: int
    a: Place | None
    b: Place | None
    ops: tuple[Op, ...]


@dataclass(frozen=True, slots=True)
class Clause:
    """One row of the diff: a clause of either draft, its lines and its changes."""

    key: str
    kind: str
    a: Place | None
    b: Place | None
    lines: tuple[Line, ...]
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class SideInfo:
    """Which draft a side of the diff is."""

    id: str
    level: str
    name: str


@dataclass(frozen=True, slots=True)
class Report:
    """A whole diff of draft A against draft B."""

    a: SideInfo
    b: SideInfo
    standard: str
    clauses: tuple[Clause, ...]
    #: clause key -> its topic: the title of the BAB or Bagian it is or stands in (the reports
    #: name a clause so instead of by its key).
    topics: dict[str, str] = field(default_factory=dict)

    @property
    def changes(self) -> tuple[Change, ...]:
        """Every change, in document order."""
        return tuple(change for clause in self.clauses for change in clause.changes)

    @property
    def equal(self) -> bool:
        """Whether the drafts say the same."""
        return not self.changes

    def summary(self) -> dict[Kind, int]:
        """Number of changes of each class (every class, zeros included)."""
        counts = Counter(change.kind for change in self.changes)
        return {kind: counts[kind] for kind in KINDS}
