"""The diff as Markdown, a document for reviewers in Bahasa Indonesia: a summary table, then
each changed clause (its number, topic and key) with its changes.

Deleted words are struck through (``~~kata~~``) and inserted words are bold (``**kata**``);
the region fields behind a change are named in words, their keys in code (`` `opd[1].name` ``).
"""

from __future__ import annotations

from jamsostek_regs.diff.changes import Change, Clause, Report
from jamsostek_regs.diff.present import (
    KIND_WORDS,
    Run,
    clause_heading,
    field_words,
    items,
    moved,
    ringkasan,
    run_text,
    shorten,
    title,
    where,
)
from jamsostek_regs.diff.words import Op
from jamsostek_regs.writers.markdown import escape_inline


def render(report: Report) -> str:
    """The Markdown report."""
    out = [
        f"# Perbandingan {escape_inline(title(report))}",
        "",
        ringkasan(report),
        "",
        "| kelas | perubahan |",
        "| --- | ---: |",
    ]
    out += [f"| {KIND_WORDS[kind]} | {count} |" for kind, count in report.summary().items()]
    for item in items(report.clauses):
        out.append("")
        if isinstance(item, Run):
            out.append(f"- {escape_inline(run_text(item))} ({KIND_WORDS['renumbered']})")
            continue
        topic = report.topics.get(item.key)
        heading = clause_heading(item) + (f" — {topic}" if topic else "")
        out += [f"## {escape_inline(heading)}", ""]
        out += [_change(change, item, report) for change in item.changes]
    return "\n".join(out) + "\n"


def _change(change: Change, clause: Clause, report: Report) -> str:
    head = f"- **{KIND_WORDS[change.kind]}**"
    if change.kind == "renumbered":
        return f"{head} {escape_inline(moved(change))}"
    parts = [" ".join(filter(None, (head, escape_inline(where(change, clause, report, "hanya di")))))]
    if change.params:
        keys = ", ".join(f"`{key}`" for key in change.params)
        parts.append(f"data daerah: {escape_inline(field_words(change.params))} ({keys})")
    if change.reason:
        parts.append(f"alasan: {escape_inline(change.reason)}")
    one_side = change.a or change.b
    if change.a is None or change.b is None:
        assert one_side is not None
        body = "<br>".join(escape_inline(shorten(line, 12)) for line in one_side.text.splitlines())
    else:
        body = "".join(_op(op) for op in change.ops)
    return " · ".join(parts) + f"\n  > {body}"


def _op(op: Op) -> str:
    text = escape_inline(shorten(op.text) if op.op == "equal" else op.text)
    if op.op == "equal" or not text.strip():
        return text
    lead, core, tail = _spaces(text)
    return f"{lead}{'~~' if op.op == 'delete' else '**'}{core}{'~~' if op.op == 'delete' else '**'}{tail}"


def _spaces(text: str) -> tuple[str, str, str]:
    """Leading spaces, the rest, trailing spaces (emphasis may not start or end with a space)."""
    core = text.strip()
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]
