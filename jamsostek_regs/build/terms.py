"""Terms the standard defines that a region's draft uses but no longer defines.

Pasal 1 defines the terms the rest of the regulation writes with capitals (R59, R63: "every
later use of a defined term is written with capital initials"). A region that overrides Pasal
1, or replaces or removes a definition, may drop a term the other Pasal (the standard's, which
the region did not touch) still use: the draft would then speak of "Pekerja Rentan" without
saying what it is. The builder refuses such a draft, naming the entry that dropped the term.

This is a structural check in the build, not a lint rule: only the builder has both the
standard's definitions for this region and the changed ones, and a regulation whose terms
are undefined is wrong whatever the drafting style (an error, not a finding).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from jamsostek_regs.model import Node, inline_text

_HEAD = re.compile(r"^(.+?)(?: yang selanjutnya (?:disingkat|disebut) (.+?))?,? adalah ")


def defined(pasal: Iterable[Node]) -> list[str]:
    """The terms (and short forms) the definition lists among ``pasal``'s nodes define."""
    out: list[str] = []
    for ayat in pasal:
        if ayat.style != "definisi":
            continue
        for item in ayat.children:
            match = _HEAD.match(inline_text(item.text))
            if match:
                out += [t for t in match.groups() if t]
    return out


def undefined(standard: list[str], now: list[str], later: Iterable[Node]) -> list[str]:
    """The ``standard`` terms not among ``now`` that the ``later`` nodes still write."""
    lost = [t for t in dict.fromkeys(standard) if t not in now]
    if not lost:
        return []
    text = "\n".join(_texts(later))
    return [t for t in lost if re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", text)]


def _texts(nodes: Iterable[Node]) -> Iterator[str]:
    for node in nodes:
        for n in node.walk():
            yield inline_text(n.text)
