"""The matrix as CSV or as one HTML page whose cells link to each region's diff page.

CSV: a header ``clause,label,<region>...,changed``; one line per clause (``changed``: how many
regions differ from the standard there); a last line ``changed,,<count per region>,``.
HTML: the same table, each cell but ``absent`` a link to ``<region>.diff.html#<clause>`` (the
region's diff against the standard, written next to the matrix page). :func:`files` names the
pages: ``matrix.html`` and ``<region>.diff.html`` (a DOCX column: ``<file name>.diff.html``),
which no region id (it has no dot) nor DOCX name (it ends in ``.docx``) can turn into
``matrix.html``.
"""

from __future__ import annotations

import csv
import io
from html import escape
from pathlib import PurePath

from jamsostek_regs.diff.matrix import CELLS, Matrix

#: The file name of the matrix page.
PAGE = "matrix.html"

_CSS = """\
body { font: 13px/1.4 sans-serif; margin: 1em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 0.15em 0.4em; white-space: nowrap; }
thead th { position: sticky; top: 0; background: #eee; }
th.region { writing-mode: vertical-rl; transform: rotate(180deg); }
td a { color: inherit; text-decoration: none; display: block; }
.same { color: #999; } .absent { color: #ccc; background: #fafafa; }
.parameter { background: #eef3ff; } .optional-in { background: #e6f7e6; }
.optional-out { background: #fdf0d8; } .wording { background: #fbdcdc; } .added { background: #dff3f3; }
tr.total th, tr.total td, td.total { font-weight: bold; }
"""


def render_csv(matrix: Matrix) -> str:
    """The matrix as CSV text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["clause", "label", *matrix.regions, "changed"])
    for row in matrix.rows:
        writer.writerow([row.key, row.label, *row.cells, row.changed])
    writer.writerow(["changed", "", *matrix.changed(), ""])
    return out.getvalue()


def page(region: str) -> str:
    """The file name of the diff page of ``region`` (of a DOCX column: its file's name, so the
    page goes beside matrix.html, wherever the DOCX is)."""
    return f"{PurePath(region).name}.diff.html"


def files(matrix: Matrix, diffs: dict[str, str], title: str) -> dict[str, bytes]:
    """The pages of the HTML matrix by file name: the matrix and each region's diff (``diffs``)."""
    pages = {page(region): html.encode() for region, html in diffs.items()}
    return {**pages, PAGE: render_html(matrix, title).encode()}


def render_html(matrix: Matrix, title: str) -> str:
    """The matrix as one HTML page."""
    head = "".join(f'<th class="region">{escape(region)}</th>' for region in matrix.regions)
    rows = "\n".join(_row(matrix, i) for i in range(len(matrix.rows)))
    totals = "".join(f"<td>{n}</td>" for n in matrix.changed())
    legend = " ".join(f'<span class="{cell}">{cell}</span>' for cell in CELLS)
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n<p>{legend}</p>\n"
        f'<table class="matrix">\n<thead><tr><th>Clause</th>{head}<th>changed</th></tr></thead>\n'
        f'<tbody>\n{rows}\n<tr class="total"><th>changed</th>{totals}<td></td></tr>\n</tbody>\n</table>\n'
        "</body>\n</html>\n"
    )


def _row(matrix: Matrix, index: int) -> str:
    row = matrix.rows[index]
    cells = "".join(
        f'<td class="{cell}">{_link(region, row.key, cell)}</td>'
        for region, cell in zip(matrix.regions, row.cells, strict=True)
    )
    label = f'<th title="{escape(row.key)}">{escape(row.label)}</th>'
    return f'<tr id="{escape(row.key)}">{label}{cells}<td class="total">{row.changed}</td></tr>'


def _link(region: str, key: str, cell: str) -> str:
    """The cell's word, linked to the region's diff at the clause (an absent clause has no row)."""
    return cell if cell == "absent" else f'<a href="{escape(page(region))}#{escape(key)}">{cell}</a>'
