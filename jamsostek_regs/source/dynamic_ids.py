"""Ids a clause template makes in a loop: ``{: #{{ id }}}`` or ``{: #seg_{{ id }}}``.

A static id (``{: #wajib}``) is known from the template text alone (see
:attr:`Standard.possible_keys <jamsostek_regs.source.standard.Standard.possible_keys>`); a dynamic
one is a prefix plus the value of a Jinja expression, known only once a region is chosen.
Validation needs both: to check ``ref()`` keys against the ids a loop over a catalog can
make, and to keep a region's own ids (OPD ids) from taking an id the clause already uses.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from jamsostek_regs.source.standard import Standard, all_clauses, clause_key, template_name

_DYNAMIC_ID = re.compile(r"\{:[^{}\n]*#([a-z0-9_]*)\{\{\s*([^{}\n]*?)\s*\}\}")

#: ``(prefix, expression)`` of each dynamic id in one clause.
DynamicIds = tuple[tuple[str, str], ...]


def dynamic_ids(source: str) -> DynamicIds:
    """``(prefix, expression)`` of every dynamic id in template ``source``."""
    return tuple(dict.fromkeys((m.group(1), m.group(2)) for m in _DYNAMIC_ID.finditer(source)))


def by_clause(standard: Standard) -> dict[str, DynamicIds]:
    """Clause key -> its dynamic ids, for every clause of ``standard`` that has some."""
    stems = tuple(c if isinstance(c, str) else c.file for c in all_clauses(standard.manifest))
    return _scan(standard.path, stems)


@cache
def _scan(folder: Path, stems: tuple[str, ...]) -> dict[str, DynamicIds]:
    out: dict[str, DynamicIds] = {}
    for stem in stems:
        file = folder / template_name(stem)
        found = dynamic_ids(file.read_text(encoding="utf-8", errors="replace")) if file.is_file() else ()
        if found:
            out[clause_key(stem)] = found
    return out


def static_ids(standard: Standard, clause: str) -> frozenset[str]:
    """The static ids of ``clause`` (``wajib`` for ``kepesertaan.kewajiban.wajib``)."""
    prefix = clause + "."
    return frozenset(key[len(prefix) :] for key in standard.possible_keys if key.startswith(prefix))
