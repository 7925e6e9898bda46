"""WordprocessingML as strings: the builders of the fast writer, and XML-safe text.

Every text and attribute value these builders write goes through :func:`escape`. The builders
write their children in the order the schema requires (``w:pPr``: style, page break, spacing,
indentation), so a caller says *what* a paragraph has, never where it goes.
"""

from __future__ import annotations

from collections.abc import Sequence

_ESCAPE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
    | {chr(c): None for c in range(32) if c not in (9, 10, 13)}
)

TAB = "<w:tab/>"
_BOLD = "<w:rPr><w:b/></w:rPr>"
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_HEADER_ROW = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"


def escape(text: str) -> str:
    """``text`` escaped for XML character data and attribute values."""
    return text.translate(_ESCAPE)


def preserves(text: str) -> bool:
    """Whether ``text`` needs ``xml:space="preserve"`` (it starts or ends with whitespace)."""
    return text != text.strip()


def text(value: str) -> str:
    """A ``w:t`` holding ``value`` (``""`` for no text)."""
    if not value:
        return ""
    space = ' xml:space="preserve"' if preserves(value) else ""
    return f"<w:t{space}>{escape(value)}</w:t>"


def run(content: str, *, bold: bool = False) -> str:
    """A ``w:r`` around ``content`` (texts and tabs); ``""`` when there is no content."""
    return f"<w:r>{_BOLD if bold else ''}{content}</w:r>" if content else ""


def paragraph(props: str, content: str) -> str:
    """A ``w:p`` with its properties and content (runs, bookmarks)."""
    return f"<w:p>{props}{content}</w:p>"


def paragraph_props(
    style_id: str, *, page_break: bool = False, space_before: int | None = None, hanging: int | None = None
) -> str:
    """A ``w:pPr``: the style, a page break before, space before (twips), and a hanging indent
    (twips) where the first line starts at the margin and the others at ``hanging``."""
    props = f'<w:pPr><w:pStyle w:val="{escape(style_id)}"/>'
    if page_break:
        props += "<w:pageBreakBefore/>"
    if space_before is not None:
        props += f'<w:spacing w:before="{space_before}"/>'
    if hanging is not None:
        props += f'<w:ind w:left="{hanging}" w:hanging="{hanging}"/>'
    return props + "</w:pPr>"


def bookmark(number: int, name: str) -> tuple[str, str]:
    """The ``w:bookmarkStart`` and ``w:bookmarkEnd`` of bookmark ``number`` called ``name``."""
    return (
        f'<w:bookmarkStart w:id="{number}" w:name="{escape(name)}"/>',
        f'<w:bookmarkEnd w:id="{number}"/>',
    )


def table(width: int, columns: Sequence[int], rows: str) -> str:
    """A ``w:tbl`` ``width`` twips wide with fixed column widths and single borders."""
    grid = "".join(f'<w:gridCol w:w="{column}"/>' for column in columns)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/>'
        f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
    )


def table_row(cells: str, *, header: bool) -> str:
    """A ``w:tr``; a header row repeats on every page and is never split."""
    return f"<w:tr>{_HEADER_ROW if header else ''}{cells}</w:tr>"


def table_cell(width: int, content: str) -> str:
    """A ``w:tc`` ``width`` twips wide holding ``content`` (paragraphs)."""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>'
