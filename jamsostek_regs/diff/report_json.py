"""The diff as a stable JSON change list (schema documented in docs/diff.md, "JSON").

Every object always has every field, in a fixed order; a side a change lacks is ``null``.
``version`` changes only when a field is removed or changes meaning.
"""

from __future__ import annotations

import json
from typing import Any

from jamsostek_regs.diff.changes import Change, Place, Report, SideInfo

SCHEMA = "jamsostek-regs/diff"
VERSION = 1


def document(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data."""
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "a": _side(report.a),
        "b": _side(report.b),
        "standard": report.standard,
        "equal": report.equal,
        "summary": dict(report.summary()),
        "changes": [_change(c) for c in report.changes],
    }


def render(report: Report) -> str:
    """The JSON text (UTF-8 as is, two-space indent, newline at the end)."""
    return json.dumps(document(report), ensure_ascii=False, indent=2) + "\n"


def _side(info: SideInfo) -> dict[str, str]:
    return {"id": info.id, "level": info.level, "name": info.name}


def _place(place: Place | None) -> dict[str, str] | None:
    return None if place is None else {"num": place.num, "address": place.address, "text": place.text}


def _change(change: Change) -> dict[str, Any]:
    return {
        "class": change.kind,
        "clause": change.clause,
        "key": change.key,
        "a": _place(change.a),
        "b": _place(change.b),
        "params": list(change.params),
        "reason": change.reason,
        "refs": [{"a": a, "b": b} for a, b in change.refs],
        "ops": [{"op": op.op, "text": op.text} for op in change.ops],
    }
