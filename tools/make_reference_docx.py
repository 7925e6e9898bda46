"""Generate ``jamsostek_regs/writers/resources/reference.docx``, the DOCX style reference.

The fast DOCX writer (:mod:`jamsostek_regs.writers.docx`) copies every part of this file except
the body and the core properties, so *how a style looks* is decided here, once:

- one paragraph style per name in :data:`jamsostek_regs.layout.STYLES`, all based on "Normal";
- "Normal": Bookman Old Style 12 pt, single spacing, Indonesian (R1, R2);
- a font table declaring Bookman Old Style a serif with its free metric-compatible
  alternatives (:mod:`jamsostek_regs.writers.fonts`), so that a machine without it sets a serif;
- F4 paper (215 mm x 330 mm), margins 2.5 cm (R1, R2);
- header "- n -" centred on every page except the first (R4).

Page geometry and indents are given in twips (1/1440 inch) so that no rounding happens.

Usage: ``python tools/make_reference_docx.py [OUTPUT]``. The output is byte-for-byte
deterministic: the zip is rewritten reproducibly (:func:`jamsostek_regs.ooxml.package.repackage`)
and the core properties are fixed.
"""

from __future__ import annotations

import datetime
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, Twips

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jamsostek_regs.layout import STYLES  # noqa: E402
from jamsostek_regs.ooxml.markup import font_table  # noqa: E402
from jamsostek_regs.ooxml.package import repackage  # noqa: E402
from jamsostek_regs.writers.fonts import ALTERNATIVES, FONT, PANOSE  # noqa: E402

OUTPUT = ROOT / "jamsostek_regs" / "writers" / "resources" / "reference.docx"

LANG = "id-ID"
FIXED_DATE = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def cm(value: float) -> Twips:
    """Centimetres as an exact number of twips."""
    return Twips(round(value * 1440 / 2.54))


# Page (R1, R2). The rulebook's R2 reads "8 cm" for the top margin; that value comes from OCR
# and is marked unverified. A uniform 8 cm top margin would waste a quarter of every F4 page,
# which matches no Perkada we have seen, while their first pages do start low
# (room for the emblem/kop above the judul). We therefore read "8 cm" as the distance from the
# top edge to the first line of the FIRST page only: the top margin is 2.5 cm like the others,
# and the writer gives the first "Judul" paragraph a space-before of 8 cm - 2.5 cm so that its
# first line starts 8 cm from the top edge.
PAGE_WIDTH = Twips(12189)  # 215 mm
PAGE_HEIGHT = Twips(18709)  # 330 mm
MARGIN = cm(2.5)
HEADER_DISTANCE = cm(1.25)

# Pembukaan rows: "Menimbang<TAB>:<TAB>a.<TAB>text", the text hanging at the last column.
COLON_TAB, LABEL_TAB, TEXT_TAB = 3.25, 3.75, 4.75
# Ayat labels hang 1 cm; each rincian level steps 0.75 cm further right.
AYAT_TEXT = 1.0
RINCIAN_STEP = 0.75
# Signature block (R94) and lampiran heading (R106): a block starting at the middle of the
# text width, left-aligned inside.
BLOCK_LEFT = 8.25

CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, None


@dataclass(frozen=True)
class Look:
    """How one paragraph style looks (lengths in cm, spacing in pt)."""

    align: WD_ALIGN_PARAGRAPH | None = None
    left: float = 0.0
    hanging: float = 0.0
    tabs: tuple[float, ...] = ()
    before: float = 0.0
    after: float = 6.0
    bold: bool = False
    keep: bool = False


def _rincian(depth: int) -> Look:
    label = AYAT_TEXT + RINCIAN_STEP * (depth - 1)
    text = label + RINCIAN_STEP
    return Look(JUSTIFY, left=text, hanging=RINCIAN_STEP, tabs=(text,))


HEADING_NUMBER = Look(CENTER, before=12, after=0, keep=True)
HEADING_TITLE = Look(CENTER, after=12, keep=True)

LOOKS: dict[str, Look] = {
    "Judul": Look(CENTER, bold=True, after=0, keep=True),
    "Frasa": Look(CENTER, before=18, after=12, keep=True),
    "Jabatan": Look(CENTER, after=12, keep=True),
    "Pembukaan": Look(JUSTIFY, left=TEXT_TAB, hanging=TEXT_TAB, tabs=(COLON_TAB, LABEL_TAB, TEXT_TAB)),
    "Diktum": Look(CENTER, before=12, after=12, keep=True),
    "BabNomor": HEADING_NUMBER,
    "BabJudul": Look(CENTER, bold=True, after=12, keep=True),
    "BagianNomor": HEADING_NUMBER,
    "BagianJudul": HEADING_TITLE,
    "ParagrafNomor": HEADING_NUMBER,
    "ParagrafJudul": HEADING_TITLE,
    "PasalNomor": Look(CENTER, before=12, after=6, keep=True),
    "PasalIsi": Look(JUSTIFY),
    "Ayat": Look(JUSTIFY, left=AYAT_TEXT, hanging=AYAT_TEXT, tabs=(AYAT_TEXT,)),
    "Rincian1": _rincian(1),
    "Rincian2": _rincian(2),
    "Rincian3": _rincian(3),
    "Rincian4": _rincian(4),
    # kept with the signature blocks, so no page holds only signatures (R94)
    "Penutup": Look(JUSTIFY, before=6, keep=True),
    "TtdKanan": Look(LEFT, left=BLOCK_LEFT, after=0, keep=True),
    "TtdKiri": Look(LEFT, after=0, keep=True),
    "BeritaDaerah": Look(LEFT, before=12, after=0),
    "LampiranKepala": Look(LEFT, left=BLOCK_LEFT, after=0, keep=True),
    "LampiranJudul": Look(CENTER, bold=True, before=12, after=12, keep=True),
    "LampiranIsi": Look(JUSTIFY, tabs=(AYAT_TEXT,)),
    "Tabel": Look(LEFT, after=0),
}

#: Styles of the python-docx template that stay (the rest, ~400 kB of table styles, go).
KEEP_STYLES = {
    "Normal",
    "header",
    "Header Char",
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Table Grid",
}
#: Parts of the python-docx template that the reference does not need.
DROP_RELS = ("stylesWithEffects", "customXml", "numbering", "thumbnail")


def build() -> Document:
    """Return the reference document."""
    document = docx.Document()
    _prune(document)
    _normal(document)
    for name in STYLES:
        _style(document, name, LOOKS[name])
    _page(document)
    _font_table(document)
    _core(document)
    return document


def _prune(document: Document) -> None:
    for rels in (document.part.rels, document.part.package.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith(DROP_RELS)]:
            rels.pop(rid)
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.find(qn("w:name")).get(qn("w:val")) not in KEEP_STYLES:
            styles.remove(style)
    styles.remove(styles.find(qn("w:latentStyles")))
    settings = document.settings.element
    settings.remove(settings.find(qn("w:savePreviewPicture")))
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), LANG)


def _normal(document: Document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    _fonts(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.attrib.clear()
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    normal = document.styles["Normal"]
    _fonts(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _fonts(rpr: BaseOxmlElement) -> None:
    """Set Bookman Old Style for every script and Indonesian as the language of ``rpr``."""
    for old in rpr.findall(qn("w:rFonts")) + rpr.findall(qn("w:lang")):
        rpr.remove(old)
    fonts = " ".join(f'w:{script}="{FONT}"' for script in ("ascii", "hAnsi", "cs", "eastAsia"))
    rpr.insert(0, parse_xml(f"<w:rFonts {nsdecls('w')} {fonts}/>"))
    for tag in ("w:sz", "w:szCs"):
        size = rpr.find(qn(tag))
        if size is None:
            size = OxmlElement(tag)
            rpr.append(size)
        size.set(qn("w:val"), "24")
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)
    rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _font_table(document: Document) -> None:
    """Replace the template's font table (Calibri, Cambria, ...) with the draft's own."""
    part = next(p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
    part._blob = font_table(FONT, ALTERNATIVES, PANOSE).encode()


def _style(document: Document, name: str, look: Look) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.font.bold = look.bold or None
    fmt = style.paragraph_format
    fmt.alignment = look.align
    fmt.space_before, fmt.space_after = Pt(look.before), Pt(look.after)
    fmt.keep_with_next = look.keep or None
    if look.left:
        fmt.left_indent = cm(look.left)
    if look.hanging:
        fmt.first_line_indent = -cm(look.hanging)
    for pos in look.tabs:
        fmt.tab_stops.add_tab_stop(cm(pos), WD_TAB_ALIGNMENT.LEFT)


def _page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = HEADER_DISTANCE
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an empty first-page header
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    paragraph.add_run("- ")
    paragraph._p.append(
        parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>')
    )
    paragraph.add_run(" -")


def _core(document: Document) -> None:
    core = document.core_properties
    core.title = "jamsostek-regs reference"
    core.author = core.last_modified_by = "jamsostek-regs"
    core.comments = "Style reference for the DOCX writer; generated by tools/make_reference_docx.py"
    core.created = core.modified = FIXED_DATE
    core.revision = 1


def main(argv: list[str]) -> None:
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    buffer = io.BytesIO()
    build().save(buffer)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(repackage(buffer.getvalue()))


if __name__ == "__main__":
    main(sys.argv)
