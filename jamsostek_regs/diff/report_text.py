"""The diff as a reviewer's note on a terminal: only the changes, each with its class.

Deleted words print as ``[-kata-]`` and inserted words as ``{+kata+}`` (as ``wdiff`` does),
in red and green when ``color`` is on; long unchanged stretches are shortened to their ends.
"""

from __future__ import annotations

from collections.abc import Callable

from jamsostek_regs.diff.changes import Change, Clause, Report
from jamsostek_regs.diff.present import (
    Run,
    clause_heading,
    items,
    moved,
    run_text,
    shorten,
    summary,
    title,
    where,
)
from jamsostek_regs.diff.words import Op

_RED, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"
_INDENT = " " * 14

Paint = Callable[[str, str], str]


def render(report: Report, color: bool = False) -> str:
    """The text report; ANSI colours only when ``color``."""
    paint = _painter(color)
    out = [paint(_BOLD, title(report)), summary(report)]
    for item in items(report.clauses):
        out.append("")
        if isinstance(item, Run):
            out.append(f"{run_text(item)}  {paint(_DIM, '(renumbered)')}")
            continue
        out.append(paint(_BOLD, clause_heading(item)))
        for change in item.changes:
            out += _change(change, item, report, paint)
    return "\n".join(out) + "\n"


def _painter(color: bool) -> Paint:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color and text else text

    return paint


def _change(change: Change, clause: Clause, report: Report, paint: Paint) -> list[str]:
    head = f"  {change.kind:<11} "
    if change.kind == "renumbered":
        return [head + moved(change)]
    keys = f"← {', '.join(change.params)}" if change.params else ""
    lines = [head + "  ".join(filter(None, (where(change, clause, report), keys)))]
    if change.reason:
        lines.append(f"{_INDENT}reason: {change.reason}")
    if change.a is None or change.b is None:
        place = change.a or change.b
        assert place is not None
        lines += [_INDENT + shorten(line, 12) for line in place.text.splitlines()]
    else:
        lines.append(_INDENT + "".join(_op(op, paint) for op in change.ops))
    return lines


def _op(op: Op, paint: Paint) -> str:
    if op.op == "equal":
        return shorten(op.text)
    if op.op == "delete":
        return paint(_RED, f"[-{op.text}-]")
    return paint(_GREEN, f"{{+{op.text}+}}")
