"""The diff as one self-contained HTML page: the two drafts side by side, one row per clause.

Each row (``<tr class="clause" id="KEY">``) shows the clause in draft A with deleted words in
``<del>``, the same clause in draft B with inserted words in ``<ins>``, and its changes with
their class, region keys and reasons. A ``<nav>`` links to every Pasal; each row's heading
links to itself, so ``page.html#kepesertaan.segmen`` opens that clause (the matrix links so).
A checkbox hides the unchanged rows (CSS only: no script, no external resource).
"""

from __future__ import annotations

from html import escape

from jamsostek_regs.diff.changes import Change, Clause, Line, Report
from jamsostek_regs.diff.present import moved, summary, title, where
from jamsostek_regs.diff.units import Which

_CSS = """\
body { font: 14px/1.45 "Bookman Old Style", "URW Bookman", Georgia, serif; margin: 0; color: #111; }
header, nav, main { padding: 0.5em 1.5em; }
h1 { font-size: 1.3em; margin: 0.3em 0; }
nav a { margin-right: 0.6em; white-space: nowrap; }
table.diff { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.diff th, table.diff td { border-top: 1px solid #ccc; padding: 0.4em; vertical-align: top; }
table.diff th { text-align: left; }
table.diff thead th { position: sticky; top: 0; background: #eee; }
col.clause { width: 11%; } col.side { width: 34.5%; } col.changes { width: 20%; }
tr.same td, tr.same th { color: #777; }
#only:checked ~ main tr.same { display: none; }
p { margin: 0 0 0.3em; }
p.d1 { margin-left: 1.5em; } p.d2 { margin-left: 3em; }
p.d3 { margin-left: 4.5em; } p.d4 { margin-left: 6em; }
p.only { background: #fff4d6; }
.label { font-weight: bold; margin-right: 0.4em; }
.moved { background: #dde8ff; }
del { background: #fdd; color: #900; }
ins { background: #dfd; color: #060; text-decoration: none; }
ul.changes { margin: 0; padding-left: 1.1em; }
.kind { font-variant: small-caps; font-weight: bold; }
code { font-size: 0.9em; }
small { color: #666; word-break: break-all; }
"""


def render(report: Report) -> str:
    """The HTML page."""
    rows = "\n".join(_row(clause, report) for clause in report.clauses)
    counts = "".join(f"<li>{kind}: {n}</li>" for kind, n in report.summary().items())
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title(report))}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{escape(title(report))}</h1><p>{escape(summary(report))}</p>"
        f'<ul class="summary">{counts}</ul></header>\n'
        f"{_nav(report)}\n"
        '<input type="checkbox" id="only"><label for="only">only changed clauses</label>\n'
        '<main>\n<table class="diff">\n'
        '<colgroup><col class="clause"><col class="side"><col class="side"><col class="changes"></colgroup>\n'
        f"<thead><tr><th>Clause</th><th>A: {escape(report.a.id)}</th><th>B: {escape(report.b.id)}</th>"
        f"<th>Changes</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</main>\n</body>\n</html>\n"
    )


def _nav(report: Report) -> str:
    links = [
        f'<a href="#{escape(c.key)}">{escape(_label(c))}</a>' for c in report.clauses if c.kind == "pasal"
    ]
    return f"<nav>{' '.join(links)}</nav>"


def _label(clause: Clause) -> str:
    names = dict.fromkeys(p.address for p in (clause.a, clause.b) if p is not None)
    return " → ".join(names)


def _row(clause: Clause, report: Report) -> str:
    state = "changed" if clause.changes else "same"
    key = escape(clause.key)
    heading = f'<th><a href="#{key}">{escape(_label(clause))}</a><br><small>{key}</small></th>'
    changes = "".join(f"<li>{_change(c, clause, report)}</li>" for c in clause.changes)
    return (
        f'<tr class="clause {state}" id="{key}">{heading}'
        f'<td class="a">{_side(clause.lines, "a")}</td><td class="b">{_side(clause.lines, "b")}</td>'
        f'<td><ul class="changes">{changes}</ul></td></tr>'
    )


def _side(lines: tuple[Line, ...], which: Which) -> str:
    return "".join(_line(line, which) for line in lines if (line.a if which == "a" else line.b) is not None)


def _line(line: Line, which: Which) -> str:
    place, other = (line.a, line.b) if which == "a" else (line.b, line.a)
    assert place is not None
    classes = f"d{min(line.depth, 4)}" + (" only" if other is None else "")
    moved_label = other is not None and other.num != place.num
    label = (
        f'<span class="label{" moved" if moved_label else ""}">{escape(place.num)}</span>'
        if place.num
        else ""
    )
    skip, tag = ("insert", "del") if which == "a" else ("delete", "ins")
    text = "".join(
        escape(op.text) if op.op == "equal" else f"<{tag}>{escape(op.text)}</{tag}>"
        for op in line.ops
        if op.op != skip
    )
    if other is None:
        text = escape(place.text)
    return f'<p class="{classes}">{label}{text}</p>'


def _change(change: Change, clause: Clause, report: Report) -> str:
    kind = f'<span class="kind">{change.kind}</span>'
    if change.kind == "renumbered":
        return f"{kind} {escape(moved(change))}"
    parts = [kind, escape(where(change, clause, report))]
    if change.params:
        parts.append(" ".join(f"<code>{escape(k)}</code>" for k in change.params))
    if change.reason:
        parts.append(f"<em>reason:</em> {escape(change.reason)}")
    return " · ".join(p for p in parts if p)
