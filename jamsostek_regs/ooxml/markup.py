"""WordprocessingML as strings: the builders of the fast writer, and XML-safe text.

**XML-safe text.** A DOCX is XML 1.0, which cannot hold every character a Python string can:
:func:`safe` is the one gate every text and attribute value of a DOCX goes through (these
builders call it through :func:`escape`; :mod:`.elements` and :mod:`.package` call it too). It
refuses, with :class:`UnwritableTextError` naming the character as U+XXXX, what XML 1.0 does not
allow: control characters U+0000 to U+001F other than tab, line feed and carriage return; lone
surrogates (U+D800 to U+DFFF); and the noncharacters U+FFFE and U+FFFF. Nothing is dropped
silently. (Region values meet a stricter rule when they are loaded,
:mod:`jamsostek_regs.source.values`; this one holds for every text, including the standard's
and the redline's own private-use markers.)

**Builders.** They write their children in the order the schema requires (``w:pPr``: style,
page break, spacing, indentation), so a caller says *what* a paragraph has, never where it goes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jamsostek_regs.errors import JamsostekError
from jamsostek_regs.ooxml.names import W_NS

#: One character XML 1.0 cannot hold (the complement of its ``Char`` production).
_UNWRITABLE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
#: The longest excerpt of a refused text an error message quotes.
EXCERPT = 60

TAB = "<w:tab/>"
_W_DECL = f'xmlns:w="{W_NS}"'
_BOLD = "<w:rPr><w:b/></w:rPr>"
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_HEADER_ROW = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"


class UnwritableTextError(JamsostekError):
    """A text that is to go into a DOCX holds a character XML 1.0 cannot hold."""

    def __init__(self, what: str, text: str, index: int) -> None:
        self.what, self.text, self.index = what, text, index
        char = text[index]
        start = max(0, min(index - EXCERPT // 2, len(text) - EXCERPT))
        excerpt = ("..." if start else "") + repr(text[start : start + EXCERPT])
        excerpt += "..." if start + EXCERPT < len(text) else ""
        super().__init__(
            f"{what} cannot be written to a DOCX: character U+{ord(char):04X} ({refusal(char)}) at "
            f"character {index + 1} of {excerpt} is not allowed in XML 1.0; remove it"
        )


def refusal(char: str) -> str:
    """Why XML 1.0 cannot hold ``char``, or ``""`` when it can."""
    if not _UNWRITABLE.match(char):
        return ""
    if char < " ":
        return "a control character"
    if "\ud800" <= char <= "\udfff":
        return "a lone surrogate"
    return "a Unicode noncharacter"


def safe(text: str, what: str = "a text") -> str:
    """``text`` itself, when XML 1.0 can hold every character of it.

    Raises:
        UnwritableTextError: naming ``what`` the text is ("the author of a tracked change"), the
            first character XML cannot hold (U+XXXX) and where it is.
    """
    if text.isprintable():  # the fast path: printable characters are all XML characters
        return text
    found = _UNWRITABLE.search(text)
    if found is not None:
        raise UnwritableTextError(what, text, found.start())
    return text


def escape(text: str, what: str = "a text") -> str:
    """``text`` (see :func:`safe`) escaped for XML character data and attribute values.

    Line ends are written as every XML parser reads them (a carriage return, alone or before a
    line feed, is a line feed), so no parser's own handling of a stray carriage return (libxml2
    reads "\n\r" alone in an element as one line feed) changes what is read back.
    """
    text = safe(text, what)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
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
    style_id: str,
    *,
    page_break: bool = False,
    keep_next: bool = False,
    tabs: tuple[int | None, int] | None = None,
    space_before: int | None = None,
    hanging: int | None = None,
    left: int | None = None,
    align: str | None = None,
) -> str:
    """A ``w:pPr``: the style, kept with the next paragraph, a page break before, ``tabs`` (the
    style's tab stop to clear, if any, and the one to set instead, twips), space before (twips), a
    hanging indent (twips) where the first line starts at ``left`` (default: the margin) and the
    others at ``left + hanging``, and an alignment (``w:jc``: "left", "both", ...) replacing
    the style's."""
    props = f'<w:pPr><w:pStyle w:val="{escape(style_id)}"/>'
    if keep_next:
        props += "<w:keepNext/>"
    if page_break:
        props += "<w:pageBreakBefore/>"
    if tabs is not None:
        cleared, tab = tabs
        props += "<w:tabs>" + (f'<w:tab w:val="clear" w:pos="{cleared}"/>' if cleared is not None else "")
        props += f'<w:tab w:val="left" w:pos="{tab}"/></w:tabs>'
    if space_before is not None:
        props += f'<w:spacing w:before="{space_before}"/>'
    if hanging is not None:
        props += f'<w:ind w:left="{(left or 0) + hanging}" w:hanging="{hanging}"/>'
    if align is not None:
        props += f'<w:jc w:val="{align}"/>'
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


def font_table(font: str, alternatives: Sequence[str], panose: str) -> str:
    """``word/fontTable.xml`` declaring ``font`` and each of its ``alternatives`` a variable-pitch
    serif (``w:family="roman"``) with the PANOSE-1 class ``panose``; ``font`` names its first
    alternative as ``w:altName``, the font Word and LibreOffice take when it is missing."""

    def entry(name: str, alternative: str = "") -> str:
        alt = f'<w:altName w:val="{escape(alternative)}"/>' if alternative else ""
        return (
            f'<w:font w:name="{escape(name)}">{alt}<w:panose1 w:val="{escape(panose)}"/>'
            '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
        )

    entries = [entry(font, alternatives[0] if alternatives else ""), *map(entry, alternatives)]
    declaration = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    return f"{declaration}<w:fonts {_W_DECL}>{''.join(entries)}</w:fonts>"
