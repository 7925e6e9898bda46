"""The report formats of a diff and of the matrix (light: the CLI's ``--help`` reads them)."""

from __future__ import annotations

#: Report formats of a diff of two drafts (``docx``: a redline with tracked changes).
DIFF_FORMATS = ("text", "md", "html", "json", "docx")
#: Formats of the matrix of many regions against the standard.
MATRIX_FORMATS = ("csv", "html")
