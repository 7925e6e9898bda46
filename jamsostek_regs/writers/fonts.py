"""The draft's typeface, its free metric-compatible alternatives, and the DOCX font table.

Perkada are printed in Bookman Old Style 12 (R1, R2), a font most Linux machines lack. Its
free metric-compatible clones, URW Bookman (fonts-urw-base35) and TeX Gyre Bonum
(fonts-texgyre), set every line with the same widths, so the pages break in the same places.
This module is the one list of those names: the DOCX font table (which tells Word and
LibreOffice that the font is a serif and what may stand in for it; written by
:func:`jamsostek_regs.ooxml.markup.font_table`), the CSS font stacks of the
HTML views, and the PDF check (:mod:`jamsostek_regs.writers.pdf`) that warns when a PDF was set
in anything else.
"""

from __future__ import annotations

#: The typeface of every paragraph of a draft.
FONT = "Bookman Old Style"
#: Free fonts with the same metrics, in order of preference (the first is the DOCX ``altName``).
ALTERNATIVES: tuple[str, ...] = ("URW Bookman", "TeX Gyre Bonum", "URW Bookman L")
#: PANOSE-1 classification of Bookman Old Style: a serif ("roman") text face.
PANOSE = "02050604050505020204"

#: Words in a PDF font name (spaces removed, lower case) that show it is Bookman or a clone.
_EMBEDDED_NAMES: tuple[str, ...] = ("bookman", "texgyrebonum", "urwbookman")


def css_stack(*fallback: str) -> str:
    """The CSS ``font-family`` value: the font, its alternatives, then ``fallback``, then serif."""
    names = ", ".join(f'"{name}"' for name in (FONT, *ALTERNATIVES))
    return ", ".join([names, *fallback, "serif"])


def is_draft_font(pdf_font_name: str) -> bool:
    """Whether a font named in a PDF (``ABCDEF+TeXGyreBonum-Bold``) is the font or a clone."""
    name = pdf_font_name.split("+", 1)[-1].replace(" ", "").replace("-", "").lower()
    return any(word in name for word in _EMBEDDED_NAMES)
