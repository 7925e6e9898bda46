"""DOCX writer: the layout blocks as WordprocessingML, styled by ``resources/reference.docx``.

python-docx is far too slow to build documents at run time, so this writer generates
``word/document.xml`` as a string and copies every other part (styles, header with the page
number, settings, theme) from the reference document, which ``tools/make_reference_docx.py``
builds. Paragraphs name their style by the id that the reference assigned to the style name;
the page (F4, margins, header, different first page) is the reference's ``w:sectPr``.

The output is deterministic: the same blocks and metadata give byte-identical files (fixed
zip entry order, timestamps and permissions; core properties from :class:`Meta`, never the
clock).
"""

from __future__ import annotations

import datetime
import functools
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from xml.etree import ElementTree

from jamsostek_regs.layout import STYLES, Block, layout
from jamsostek_regs.model import Draft, Meta
from jamsostek_regs.source import attachments

DOCUMENT = "word/document.xml"
CORE = "docProps/core.xml"
CONTENT_TYPES = "[Content_Types].xml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: The first line of the first page starts 8 cm (4535 twips) below the top edge (R2, read as
#: the first page only; see tools/make_reference_docx.py).
FIRST_LINE_FROM_TOP = 4535
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
BOOKMARK_MAX = 40
#: Table column weights: the longest cell text of a column, clamped to this range (at the
#: minimum, a column still holds "No." on one line).
MIN_WEIGHT, MAX_WEIGHT = 8, 40

_ESCAPE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
    | {chr(c): None for c in range(32) if c not in (9, 10, 13)}
)

_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)

_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>{dates}"
    "</cp:coreProperties>"
)
_DATES = (
    '<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>'
)


@dataclass(frozen=True, slots=True)
class Reference:
    """What the writer takes from the reference document.

    Attributes:
        parts: every zip entry in output order; the body and core properties are replaced.
        head: ``word/document.xml`` up to and including ``<w:body>``.
        tail: the section properties and the closing tags.
        ids: style name -> style id.
        top: top page margin (twips).
        text_width: page width minus the left and right margins (twips).
        label_column: position of the label tab stop of "Pembukaan" (twips).
    """

    parts: dict[str, bytes]
    head: str
    tail: str
    ids: dict[str, str]
    top: int
    text_width: int
    label_column: int


@functools.cache
def reference() -> Reference:
    """Read the reference document once."""
    data = resources.files(__package__).joinpath("resources", "reference.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(archive.namelist(), key=lambda n: (n != CONTENT_TYPES, n))
        parts = {name: archive.read(name) for name in names}
    document = parts[DOCUMENT].decode()
    body = document.index("<w:body>") + len("<w:body>")
    tail = document[document.index("<w:sectPr") :]
    styles = ElementTree.fromstring(parts["word/styles.xml"])
    ids = _style_ids(styles)
    width = _twips(tail, "pgSz", "w") - _twips(tail, "pgMar", "left") - _twips(tail, "pgMar", "right")
    return Reference(
        parts=parts,
        head=document[:body],
        tail=tail,
        ids=ids,
        top=_twips(tail, "pgMar", "top"),
        text_width=width,
        label_column=_tab_stops(styles, ids["Pembukaan"])[1],
    )


def _twips(sect_pr: str, tag: str, attr: str) -> int:
    match = re.search(rf'<w:{tag}\b[^>]*?\bw:{attr}="(\d+)"', sect_pr)
    if match is None:
        raise ValueError(f"reference.docx: no w:{tag}/@w:{attr} in the section properties")
    return int(match[1])


def _style_ids(styles: ElementTree.Element) -> dict[str, str]:
    ids = {
        name.get(f"{W}val", ""): style.get(f"{W}styleId", "")
        for style in styles.iter(f"{W}style")
        if (name := style.find(f"{W}name")) is not None
    }
    missing = [name for name in STYLES if name not in ids]
    if missing:
        raise ValueError(f"reference.docx lacks the styles {missing}")
    return ids


def _tab_stops(styles: ElementTree.Element, style_id: str) -> list[int]:
    path = f"{W}style[@{W}styleId='{style_id}']/{W}pPr/{W}tabs/{W}tab"
    return sorted(int(tab.get(f"{W}pos", "0")) for tab in styles.iterfind(path))


def render(draft: Draft) -> bytes:
    """Return the DOCX bytes of ``draft`` (with the bodies of its attached lampiran)."""
    data = write(layout(draft), draft.meta)
    return attachments.compose(data, draft) if attachments.files(draft) else data


def write(blocks: Sequence[Block], meta: Meta) -> bytes:
    """Return the DOCX bytes of ``blocks`` with core properties from ``meta``."""
    ref = reference()
    document = ref.head + _Body(ref).xml(blocks) + ref.tail
    return package(ref.parts | {DOCUMENT: document.encode(), CORE: _core(meta)})


def package(parts: Mapping[str, bytes]) -> bytes:
    """Zip ``parts`` in the given order, reproducibly (see :func:`add_entry`)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            add_entry(archive, name, data)
    return out.getvalue()


def add_entry(archive: zipfile.ZipFile, name: str, data: bytes, compress: int = zipfile.ZIP_DEFLATED) -> None:
    """Add one entry dated :data:`ZIP_DATE` with Unix permissions 0644, never the clock's."""
    info = zipfile.ZipInfo(name, ZIP_DATE)
    info.compress_type = compress
    info.create_system = 3
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


class _Body:
    """Builds the body of one document (bookmarks and the first judul are state)."""

    def __init__(self, ref: Reference) -> None:
        self.ref = ref
        self.anchors: set[str] = set()
        self.names: set[str] = set()
        self.judul_done = False

    def xml(self, blocks: Sequence[Block]) -> str:
        return "".join(self._table(b) if b.rows else self._paragraph(b) for b in blocks)

    def _paragraph(self, block: Block) -> str:
        start, end = self._bookmark(block.anchor)
        return f"<w:p>{self._ppr(block)}{start}{_run(_columns(block))}{end}</w:p>"

    def _ppr(self, block: Block) -> str:
        ppr = f'<w:pPr><w:pStyle w:val="{self.ref.ids[block.style]}"/>'
        if block.page_break:
            ppr += "<w:pageBreakBefore/>"
        if block.style == "Judul" and not self.judul_done:
            self.judul_done = True
            ppr += f'<w:spacing w:before="{FIRST_LINE_FROM_TOP - self.ref.top}"/>'
        if block.style == "Pembukaan" and not block.label:
            column = self.ref.label_column  # no label: the text hangs at the label column
            ppr += f'<w:ind w:left="{column}" w:hanging="{column}"/>'
        return ppr + "</w:pPr>"

    def _bookmark(self, anchor: str) -> tuple[str, str]:
        """Bookmark the first block of each anchor; names are cut to 40 characters, unique."""
        if not anchor or anchor in self.anchors:
            return "", ""
        self.anchors.add(anchor)
        number = len(self.names)
        name, suffix = anchor[:BOOKMARK_MAX], 1
        while name in self.names:
            tag = f"_{suffix}"
            name, suffix = anchor[: BOOKMARK_MAX - len(tag)] + tag, suffix + 1
        self.names.add(name)
        return (
            f'<w:bookmarkStart w:id="{number}" w:name="{_escape(name)}"/>',
            f'<w:bookmarkEnd w:id="{number}"/>',
        )

    def _table(self, block: Block) -> str:
        count = max(len(row) for row in block.rows)
        widths = _widths(block.rows, count, self.ref.text_width)
        marks = self._bookmark(block.anchor)  # in the first cell
        rows = "".join(
            self._row([*row, *[""] * (count - len(row))], widths, i == 0, marks if i == 0 else None)
            for i, row in enumerate(block.rows)
        )
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        return (
            f'<w:tbl><w:tblPr><w:tblW w:w="{self.ref.text_width}" w:type="dxa"/>'
            f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
        )

    def _row(self, cells: list[str], widths: list[int], header: bool, marks: tuple[str, str] | None) -> str:
        ppr = f'<w:pPr><w:pStyle w:val="{self.ref.ids["Tabel"]}"/></w:pPr>'
        runs = [_run(_text(cell), "<w:rPr><w:b/></w:rPr>" if header else "") for cell in cells]
        if marks is not None:
            runs[0] = marks[0] + runs[0] + marks[1]
        tcs = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p>{ppr}{run}</w:p></w:tc>'
            for run, width in zip(runs, widths, strict=True)
        )
        trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else ""
        return f"<w:tr>{trpr}{tcs}</w:tr>"


def _columns(block: Block) -> str:
    """The run content: "lead<TAB>:<TAB>label<TAB>text", "label<TAB>text" or "text".

    Pembukaan rows after the first of a group have no lead and no colon, only the tabs.
    """
    if block.style == "Pembukaan":
        columns = [block.lead, ":" if block.lead else "", block.label, block.text]
        if not block.label:  # no label tab: the text starts at the label column
            del columns[2]
    else:
        columns = [block.label, block.text] if block.label else [block.text]
    return "<w:tab/>".join(_text(column) for column in columns)


def _run(content: str, rpr: str = "") -> str:
    return f"<w:r>{rpr}{content}</w:r>" if content else ""


def _text(text: str) -> str:
    if not text:
        return ""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:t{space}>{_escape(text)}</w:t>"


def _escape(text: str) -> str:
    return text.translate(_ESCAPE)


def _widths(rows: Sequence[Sequence[str]], count: int, total: int) -> list[int]:
    """Column widths (twips) proportional to the longest cell of each column, clamped."""
    longest = [max(len(row[c]) for row in rows if c < len(row)) for c in range(count)]
    weights = [min(max(n, MIN_WEIGHT), MAX_WEIGHT) for n in longest]
    widths = [total * w // sum(weights) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


def _core(meta: Meta) -> bytes:
    """The core properties: title and author from ``meta``, dates from ``meta.date``.

    Without a draft date there are no dates: the clock would make every build differ.
    """
    date = _w3cdtf(meta.date)
    fields = {"title": _escape(meta.title), "creator": _escape(meta.author)}
    return _CORE.format(dates=_DATES.format(date=date) if date else "", **fields).encode()


def _w3cdtf(value: str) -> str:
    """An ISO date or date-time as W3CDTF in UTC; "" if empty or not ISO."""
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
