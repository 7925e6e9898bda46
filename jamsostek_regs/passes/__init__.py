"""Passes over the document tree, run in this order by :func:`run`.

Each pass takes a draft and returns a new one (or raises on errors it cannot repair):
numbering (labels and anchor ids), punctuation (list terminators and connectives),
references (the words of every cross-reference), check (structural rules).
"""

from __future__ import annotations

from collections.abc import Callable

from jamsostek_regs.model import Draft
from jamsostek_regs.passes.check import check
from jamsostek_regs.passes.numbering import number
from jamsostek_regs.passes.punctuation import punctuate
from jamsostek_regs.passes.references import resolve

#: A pass takes the draft and the keys the standard can produce (to tell excluded from unknown).
Pass = Callable[[Draft, frozenset[str]], Draft]

PASSES: tuple[tuple[str, Pass], ...] = (
    ("numbering", number),
    ("punctuation", punctuate),
    ("references", resolve),
    ("check", check),
)


def run(draft: Draft, possible_keys: frozenset[str]) -> Draft:
    """Run every pass in order."""
    for _name, fn in PASSES:
        draft = fn(draft, possible_keys)
    return draft
