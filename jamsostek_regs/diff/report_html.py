"""The diff as one self-contained HTML page: the two drafts side by side, one row per clause.

Everything on the page is in Bahasa Indonesia, for the reviewers who read it (Biro Hukum,
Kanwil). Each row (``<tr class="clause" id="KEY">``) shows the clause, named by its number and
its topic (the BAB or Bagian it stands in; the key is its tooltip), in draft A with deleted
words in ``<del>``, the same clause in draft B with inserted words in ``<ins>``, and its changes
with their class, the region fields behind them in words, and reasons. A ``<nav>`` links to
every BAB with its Pasal, and to the pembukaan, penutup and lampiran; each row's heading links
to itself, so ``page.html#kepesertaan.segmen`` opens that clause (the matrix links so). A
checkbox, ticked at first, hides the unchanged rows (CSS only: no script, no external resource).
Printed, the page drops the navigation and the checkbox, and insertions stay visible in black
and white: underlined, as deletions are struck through.
"""

from __future__ import annotations

from html import escape

from jamsostek_regs.diff.changes import Change, Clause, Line, Report, SideInfo
from jamsostek_regs.diff.present import KIND_MEANINGS, KIND_WORDS, field_words, moved, ringkasan, title, where
from jamsostek_regs.diff.units import Which

_CSS = """\
body { font: 14px/1.45 "Bookman Old Style", "URW Bookman", "TeX Gyre Bonum", Georgia, serif;
  margin: 0; color: #111; }
header, nav, main { padding: 0.5em 1.5em; }
h1 { font-size: 1.3em; margin: 0.3em 0; }
nav ul { margin: 0; padding-left: 1.2em; } nav li { margin: 0.1em 0; }
nav a { margin-right: 0.6em; white-space: nowrap; } nav a.bab { font-weight: bold; }
dl.legend { display: grid; grid-template-columns: max-content auto; gap: 0 0.8em; margin: 0.3em 0; }
dl.legend dt { font-variant: small-caps; font-weight: bold; } dl.legend dd { margin: 0; }
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
ins { background: #dfd; color: #060; text-decoration: underline; }
ul.changes { margin: 0; padding-left: 1.1em; }
.kind { font-variant: small-caps; font-weight: bold; }
code { font-size: 0.9em; }
small { color: #666; }
@page { size: 215mm 330mm landscape; margin: 1.5cm; }
@media print {
  body { font-size: 10pt; color: #000; }
  nav, #only, label[for="only"] { display: none; }
  table.diff thead th { position: static; }
  tr.clause { break-inside: avoid; }
  del, ins, p.only, .moved { background: none; color: #000; }
  ins { text-decoration: underline; } del { text-decoration: line-through; }
  p.only { border-left: 2px solid #000; padding-left: 0.3em; }
}
"""


def render(report: Report) -> str:
    """The HTML page."""
    rows = "\n".join(_row(clause, report) for clause in report.clauses)
    legend = "".join(
        f"<dt>{escape(KIND_WORDS[kind])}: {n}</dt><dd>{escape(KIND_MEANINGS[KIND_WORDS[kind]])}</dd>"
        for kind, n in report.summary().items()
    )
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Perbandingan {escape(title(report))}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>Perbandingan {escape(title(report))}</h1><p>{escape(ringkasan(report))}</p>"
        f'<dl class="legend">{legend}</dl></header>\n'
        f"{_nav(report)}\n"
        '<input type="checkbox" id="only" checked><label for="only">hanya klausul yang berubah</label>\n'
        '<main>\n<table class="diff">\n'
        '<colgroup><col class="clause"><col class="side"><col class="side"><col class="changes"></colgroup>\n'
        f"<thead><tr><th>Klausul</th><th>A: {_side_name(report.a)}</th><th>B: {_side_name(report.b)}</th>"
        f"<th>Perubahan</th></tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</main>\n</body>\n</html>\n"
    )


def _side_name(info: SideInfo) -> str:
    return escape(f"{info.id} ({info.name})" if info.name and info.name != info.id else info.id)


#: Clauses the navigation links to besides the BAB and their Pasal.
_PARTS = frozenset({"konsiderans", "dasar_hukum", "penutup", "lampiran"})


def _nav(report: Report) -> str:
    """BAB by BAB, each with its Pasal; the Menimbang, Mengingat, penutup and lampiran."""
    items: list[str] = []
    for clause in report.clauses:
        link = f'<a href="#{escape(clause.key)}"'
        if clause.kind == "bab":
            topic = report.topics.get(clause.key, "")
            items.append(f'<li>{link} class="bab">{escape(_label(clause))} {escape(topic)}</a>')
        elif clause.kind == "pasal" and items:
            items[-1] += f"{link}>{escape(_label(clause))}</a>"
        elif clause.kind in _PARTS:
            items.append(f"<li>{link}>{escape(_label(clause))}</a>")
    return f"<nav><ul>{''.join(f'{item}</li>' for item in items)}</ul></nav>"


def _label(clause: Clause) -> str:
    names = dict.fromkeys(p.address for p in (clause.a, clause.b) if p is not None)
    return " → ".join(names)


def _row(clause: Clause, report: Report) -> str:
    state = "changed" if clause.changes else "same"
    key = escape(clause.key)
    topic = report.topics.get(clause.key, "")
    link = f'<a href="#{key}">{escape(_label(clause))}</a>'
    heading = f'<th title="{key}">{link}<br><small>{escape(topic)}</small></th>'
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
    kind = f'<span class="kind">{KIND_WORDS[change.kind]}</span>'
    if change.kind == "renumbered":
        return f"{kind} {escape(moved(change))}"
    parts = [kind, escape(where(change, clause, report, "hanya di"))]
    if change.params:
        keys = escape(" ".join(change.params))
        parts.append(f'<span title="{keys}">← {escape(field_words(change.params))}</span>')
    if change.reason:
        parts.append(f"<em>alasan:</em> {escape(change.reason)}")
    return " · ".join(p for p in parts if p)
