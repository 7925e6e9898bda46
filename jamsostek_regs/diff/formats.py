"""The report formats of a diff and of the matrix (light: the CLI's ``--help`` reads them)."""

from __future__ import annotations

#: Report formats of a diff of two drafts (``docx``: a redline with tracked changes).
DIFF_FORMATS = ("text", "md", "html", "json", "docx")
#: Formats of the matrix of many regions against the standard.
MATRIX_FORMATS = ("csv", "html")
#: The format a report file's suffix names (``diff ... -o red.docx`` writes a redline).
DIFF_SUFFIXES = {
    ".txt": "text",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".docx": "docx",
}
#: The matrix's file suffixes; ``-o`` without a suffix is the folder of the HTML pages.
MATRIX_SUFFIXES = {".csv": "csv"}
