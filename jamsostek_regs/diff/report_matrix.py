"""The matrix as CSV or as one HTML page whose cells link to each region's diff page.

CSV: a header ``clause,label,<region>...,changed``; one line per clause (``changed``: how many
regions differ from the standard there); a last line ``changed,,<count per region>,``.
HTML: the same table in Bahasa Indonesia (the cells' words, a legend saying what each means),
each cell but ``absent`` a link to ``<region>.diff.html#<clause>`` (the region's diff against
the standard, written next to the matrix page). The clause column stays in view when the page
scrolls sideways (552 regions are 552 columns), and a filter box shows only the regions whose
id holds what is typed (a few lines of inline script; no external resource). :func:`files` names the
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

#: The words of each cell.
CELL_WORDS: dict[str, str] = {
    "same": "sama",
    "parameter": "parameter",
    "optional-in": "opsional+",
    "optional-out": "opsional−",
    "wording": "redaksi",
    "added": "tambahan",
    "absent": "tidak ada",
}
#: What each cell means, for the legend.
CELL_MEANINGS: dict[str, str] = {
    "same": "sama dengan standar (nomor boleh berbeda)",
    "parameter": "teks berbeda karena data daerah (nama, sumber pendanaan, ...)",
    "optional-in": "ketentuan pilihan yang dimuat daerah, tidak dimuat standar",
    "optional-out": "ketentuan pilihan standar yang tidak dimuat daerah",
    "wording": "daerah mengubah rumusannya sendiri, dengan alasan",
    "added": "ketentuan tambahan daerah sendiri",
    "absent": "tidak ada di daerah itu maupun di standar",
}
#: Shows only the regions whose id holds the filter's text (by hiding the others' columns).
_SCRIPT = """\
document.getElementById("saring").addEventListener("input", function (event) {
  var text = event.target.value.toLowerCase(), hidden = [];
  document.querySelectorAll("th.region").forEach(function (th, i) {
    if (text && th.textContent.toLowerCase().indexOf(text) < 0) { hidden.push(".c" + i); }
  });
  document.getElementById("tersaring").textContent = hidden.length ? hidden.join(",") + "{display:none}" : "";
});
"""

_CSS = """\
body { font: 13px/1.4 "Bookman Old Style", "URW Bookman", "TeX Gyre Bonum", Georgia, serif; margin: 1em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 0.15em 0.4em; white-space: nowrap; }
thead th { position: sticky; top: 0; background: #eee; z-index: 1; }
tbody th { position: sticky; left: 0; background: #fff; text-align: left; }
thead th:first-child { left: 0; z-index: 2; }
th.region { writing-mode: vertical-rl; transform: rotate(180deg); vertical-align: bottom; }
dl.legend { display: grid; grid-template-columns: max-content auto; gap: 0 0.8em; }
dl.legend dd { margin: 0; }
@media print { #saring, label[for="saring"] { display: none; } thead th, tbody th { position: static; } }
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
    head = "".join(
        f'<th class="region c{i}">{escape(region)}</th>' for i, region in enumerate(matrix.regions)
    )
    versions = "".join(
        f'<td class="c{i}">{escape(version) or "-"}</td>' for i, version in enumerate(matrix.versions)
    )
    rows = "\n".join(_row(matrix, i) for i in range(len(matrix.rows)))
    totals = "".join(f'<td class="c{i}">{n}</td>' for i, n in enumerate(matrix.changed()))
    legend = "".join(
        f'<dt class="{cell}">{CELL_WORDS[cell]}</dt><dd>{escape(CELL_MEANINGS[cell])}</dd>' for cell in CELLS
    )
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f'<title>{escape(title)}</title>\n<style>\n{_CSS}</style>\n<style id="tersaring"></style>\n'
        f"</head>\n<body>\n<h1>{escape(title)}</h1>\n"
        f"<p>{len(matrix.regions)} daerah, {len(matrix.rows)} klausul. Setiap sel menautkan ke perbandingan"
        " daerah itu dengan standar.</p>\n"
        f'<dl class="legend">{legend}</dl>\n'
        '<p><label for="saring">Saring daerah: </label><input id="saring" type="search"'
        ' placeholder="mis. bengkulu"></p>\n'
        f'<table class="matrix">\n<thead><tr><th>Klausul</th>{head}<th>berbeda</th></tr>'
        '<tr class="versi"><th title="standard dalam berkas daerah">teks daerah ditulis pada standar</th>'
        f"{versions}<td></td></tr></thead>\n"
        f'<tbody>\n{rows}\n<tr class="total"><th>berbeda</th>{totals}<td></td></tr>\n</tbody>\n</table>\n'
        f"<script>\n{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _row(matrix: Matrix, index: int) -> str:
    row = matrix.rows[index]
    cells = "".join(
        f'<td class="{cell} c{i}">{_link(region, row.key, cell)}</td>'
        for i, (region, cell) in enumerate(zip(matrix.regions, row.cells, strict=True))
    )
    label = f'<th title="{escape(row.key)}">{escape(row.label)}</th>'
    return f'<tr id="{escape(row.key)}">{label}{cells}<td class="total">{row.changed}</td></tr>'


def _link(region: str, key: str, cell: str) -> str:
    """The cell's word, linked to the region's diff at the clause (an absent clause has no row)."""
    word = CELL_WORDS[cell]
    return word if cell == "absent" else f'<a href="{escape(page(region))}#{escape(key)}">{word}</a>'
