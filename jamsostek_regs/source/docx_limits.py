"""Limits on an attached Word document, checked before anything parses it.

A region may attach a DOCX of its own (see :mod:`attachments`). A DOCX is a zip of XML parts,
so a small file can unpack to gigabytes (a zip bomb, a megabyte of compressed whitespace) or
hold millions of empty paragraphs that take minutes to compose. :func:`check` refuses such a
file from what is cheap to read, in this order, and only then lets python-docx open it:

1. the file size (:data:`MAX_FILE_BYTES`), and from the zip's end record, the number of parts
   (:data:`MAX_PARTS`) and the size of its central directory;
2. from the central directory, without unpacking: each part's and the total unpacked size
   (:data:`MAX_PART_BYTES`, :data:`MAX_TOTAL_BYTES`), each large part's compression ratio
   (:data:`MAX_RATIO`), the compression method, encryption, names given twice, the parts
   every Word document has (``[Content_Types].xml``, ``_rels/.rels``), and then that
   ``[Content_Types].xml`` does not make it macro-enabled (a ``.docm`` renamed ``.docx``);
3. streaming each XML part through expat a chunk at a time (no tree is built, no part is
   held whole): it must be well-formed XML with no DTD (``<!DOCTYPE``: entity expansion),
   and the parts together may hold at most :data:`MAX_ELEMENTS` elements,
   :data:`MAX_PARAGRAPHS` paragraphs, :data:`MAX_BLOCKS` paragraphs and tables directly in
   a body, and :data:`MAX_USED_STYLES` styles in use; one part defines at most
   :data:`MAX_STYLES` styles. Counting stops at the first limit crossed, so a million
   empty paragraphs cost a few milliseconds;
4. python-docx opens it, footnote references times the footnotes part's size stay under
   :data:`MAX_FOOTNOTE_BYTES`, and docxcompose composes it into an empty document: what
   fails there, ``assemble`` could not compose either.

So ``validate`` (which builds the draft, and with it :func:`attachments.resolve`) refuses every
attached file that ``assemble`` would. Each refusal is a :class:`ValueError` whose message
completes "regions/<file> ...".
"""

from __future__ import annotations

import functools
import hashlib
import lzma
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.parsers import expat

from jamsostek_regs.ooxml.names import W_NS

#: Largest attached file, in bytes (a form with a few pictures is well under).
MAX_FILE_BYTES = 20_000_000
#: Most parts (zip entries) in one document; Word writes a few dozen.
MAX_PARTS = 1_000
#: Largest central directory, in bytes (a few hundred bytes a part).
MAX_DIRECTORY_BYTES = 1_000_000
#: Largest unpacked part, and all parts together, in bytes.
MAX_PART_BYTES = 30_000_000
MAX_TOTAL_BYTES = 100_000_000
#: Highest compression ratio of a part that unpacks to more than :data:`RATIO_FROM` bytes.
#: Word's own styles parts reach about 30; a zip bomb is near 1000.
MAX_RATIO = 200
RATIO_FROM = 1_000_000
#: Most XML elements and paragraphs in all parts together.
MAX_ELEMENTS = 500_000
MAX_PARAGRAPHS = 20_000
#: Most paragraphs and tables a body holds directly: docxcompose copies them one at a time,
#: each at a cost that grows with their number and with the styles the draft has by then.
MAX_BLOCKS = 1_500
#: Most styles in use (each is added to the draft's styles). With :data:`MAX_BLOCKS` blocks
#: in :data:`MAX_USED_STYLES` styles, composing takes about 3 s.
MAX_USED_STYLES = 40
#: Most style definitions in one part (Word's default template has 165).
MAX_STYLES = 500
#: Most uses of a relationship (a picture, a hyperlink, a chart: an ``r:`` attribute);
#: docxcompose copies each one with a search through the parts copied before.
MAX_REFERENCES = 500
#: Most bytes docxcompose parses for footnotes: it reads the whole footnotes part again for
#: every footnote reference (a few hundred footnotes in a 100 kB part is far below).
MAX_FOOTNOTE_BYTES = 50_000_000
#: Bytes read from a part at a time.
CHUNK = 1 << 20

CONTENT_TYPES = "[Content_Types].xml"
_REQUIRED = (CONTENT_TYPES, "_rels/.rels")
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF
_W = W_NS + "}"  # expat joins namespace and name with "}"
_P, _BODY, _STYLE, _VAL = _W + "p", _W + "body", _W + "style", _W + "val"
_FOOTNOTE = _W + "footnoteReference"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_FOOTNOTES = _R.rstrip("}") + "/footnotes"
#: Elements that apply a style (``w:val`` names it).
_STYLE_USES = frozenset({_W + "pStyle", _W + "rStyle", _W + "tblStyle"})
_MACROS = b"macroEnabled"
#: What zipfile and its decompressors raise on a damaged archive (besides ValueError, which
#: is a refusal already): a bad CRC or header, an unsupported zip version, a broken stream.
_DAMAGED = (
    zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, NotImplementedError, RuntimeError,
    struct.error, KeyError,
)  # fmt: skip
_NOT_DOCX = "is not a Word document (.docx)"


def check(path: Path, *, compose: bool = True) -> None:
    """Refuse the Word document at ``path`` when it breaks a limit (see the module docstring).

    ``compose=False`` leaves out step 4 (python-docx and docxcompose), for a caller that only
    reads the document (the reader, :mod:`jamsostek_regs.reader`). The verdict is kept per
    content (SHA-256) for the life of the process: a batch whose regions attach the same
    document checks it once.

    Raises:
        ValueError: why, completing "regions/<file> ...", e.g. "unpacks to 2.1 GB; at most
            100 MB is accepted".
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValueError(f"is {_mb(size)}; at most {_mb(MAX_FILE_BYTES)} is accepted")
        reason = _verdict(path, hashlib.sha256(path.read_bytes()).hexdigest(), compose)
    except OSError as exc:
        raise ValueError(f"cannot be read: {exc.strerror or exc}") from None
    if reason:
        raise ValueError(reason)


@functools.lru_cache(maxsize=64)
def _verdict(path: Path, _digest: str, compose: bool) -> str:
    """Why the document at ``path`` (whose content has ``_digest``) is refused, or ``""``."""
    try:
        if compose:
            _check(path)
        else:
            _limits(path)
    except ValueError as exc:
        return str(exc)
    return ""


def _check(path: Path) -> None:
    """Every step: the limits, then composing."""
    _composes(path, _limits(path))


def _limits(path: Path) -> int:
    """Steps 1 to 3; the number of footnote references (for step 4)."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        handle.seek(max(size - (_EOCD_SIZE + _MAX_COMMENT), 0))
        _end_record(handle.read())
    try:
        with zipfile.ZipFile(path) as archive:
            _directory(archive.infolist())
            if _MACROS in archive.read(CONTENT_TYPES):
                raise ValueError("is a macro-enabled document (.docm): save it as a Word document (.docx)")
            counter = _Counter()
            for info in archive.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    _scan(archive, info, counter)
    except _DAMAGED as exc:
        raise ValueError(f"{_NOT_DOCX}: a damaged zip archive ({type(exc).__name__}: {exc})") from None
    return counter.footnotes


def _end_record(tail: bytes) -> None:
    """Parts and directory size from the zip's end-of-central-directory record, found in the
    last bytes of the file (``tail``)."""
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < _EOCD_SIZE:
        raise ValueError(f"{_NOT_DOCX}: not a zip archive")
    _sig, _disk, _start, _here, parts, directory, _offset, _comment = struct.unpack(
        "<4s4H2LH", tail[at : at + _EOCD_SIZE]
    )
    if parts > MAX_PARTS:  # a zip64 archive says 0xFFFF here: far too many parts for a form
        raise ValueError(f"has {parts} parts; at most {MAX_PARTS} are accepted")
    if directory > MAX_DIRECTORY_BYTES:
        raise ValueError(f"has a zip directory of {_mb(directory)}; at most {_mb(MAX_DIRECTORY_BYTES)}")


def _directory(infos: list[zipfile.ZipInfo]) -> None:
    """Sizes, ratios, methods and names, from the central directory alone."""
    if len(infos) > MAX_PARTS:
        raise ValueError(f"has {len(infos)} parts; at most {MAX_PARTS} are accepted")
    names = Counter(info.filename for info in infos)
    twice = sorted(name for name, count in names.items() if count > 1)
    if twice:
        raise ValueError(f"{_NOT_DOCX}: two parts are named {twice[0]}")
    missing = [name for name in _REQUIRED if name not in names]
    if missing:
        raise ValueError(f"{_NOT_DOCX}: it has no {missing[0]}")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ValueError(f"{_NOT_DOCX}: part {info.filename} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ValueError(f"{_NOT_DOCX}: part {info.filename} uses a compression Word does not write")
        if info.file_size > MAX_PART_BYTES:
            message = f"part {info.filename} unpacks to {_mb(info.file_size)}; at most {_mb(MAX_PART_BYTES)}"
            raise ValueError(f"{message} is accepted")
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise ValueError(
                f"part {info.filename} unpacks to {ratio} times its packed size; at most {MAX_RATIO} "
                "times is accepted (a zip bomb?)"
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ValueError(f"unpacks to {_mb(total)}; at most {_mb(MAX_TOTAL_BYTES)} is accepted")


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, counter: _Counter) -> None:
    """Count the elements of one XML part into ``counter``, feeding a streaming parser a
    chunk at a time (no tree is built); refuse a DTD and what is no well-formed XML."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = counter.start
    parser.EndElementHandler = counter.end
    parser.StartDoctypeDeclHandler = _no_dtd(info.filename)
    counter.enter()
    try:
        for chunk, last in _chunks(archive, info):
            parser.Parse(chunk, last)
    except expat.ExpatError as exc:
        reason = expat.errors.messages[exc.code]
        raise ValueError(
            f"{_NOT_DOCX}: part {info.filename} is not well-formed XML ({reason}, line {exc.lineno})"
        ) from None


def _no_dtd(name: str) -> Callable[..., None]:
    def refuse(*_args: object) -> None:
        raise ValueError(f"part {name} declares a DTD (<!DOCTYPE>), which Word never writes")

    return refuse


class _Counter:
    """Elements, paragraphs, blocks (what a document body holds directly: its paragraphs and
    tables, composed one at a time), styles used, relationship uses and footnote references
    in all XML parts, and styles defined in one, refused over a limit."""

    def __init__(self) -> None:
        self.elements = self.paragraphs = self.blocks = self.styles = 0
        self.references = self.footnotes = 0
        self.used: set[str] = set()
        self._open: list[str] = []

    def enter(self) -> None:
        """A new part starts (styles count per part: Word keeps a copy in stylesWithEffects)."""
        self._open = []
        self.styles = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if self._open and self._open[-1] == _BODY:
            self.blocks += 1
            _over(self.blocks, MAX_BLOCKS, "paragraphs and tables in its body")
        self._open.append(name)
        self.elements += 1
        _over(self.elements, MAX_ELEMENTS, "XML elements")
        if name == _P:
            self.paragraphs += 1
            _over(self.paragraphs, MAX_PARAGRAPHS, "paragraphs")
        elif name == _STYLE:
            self.styles += 1
            _over(self.styles, MAX_STYLES, "styles")
        elif name in _STYLE_USES:
            self.used.add(attributes.get(_VAL, ""))
            _over(len(self.used), MAX_USED_STYLES, "styles in use")
        elif name == _FOOTNOTE:
            self.footnotes += 1
        if any(attribute.startswith(_R) for attribute in attributes):
            self.references += 1
            _over(self.references, MAX_REFERENCES, "uses of pictures, links and other parts")

    def end(self, _name: str) -> None:
        self._open.pop()


def _over(count: int, limit: int, what: str) -> None:
    if count > limit:
        raise ValueError(f"has more than {limit} {what}, the most accepted")


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[tuple[bytes, bool]]:
    """The unpacked part in chunks of :data:`CHUNK` bytes, each with whether it is the last."""
    with archive.open(info) as part:
        chunk = part.read(CHUNK)
        while True:
            following = part.read(CHUNK) if chunk else b""
            yield chunk, not following
            if not following:
                return
            chunk = following


def _composes(path: Path, footnotes: int) -> None:
    """python-docx opens the file and docxcompose composes it into an empty document, as the
    DOCX writer will into the draft: what fails here, ``assemble`` could not compose. Within
    the limits above that takes at most about a second."""
    import docx
    from docxcompose.composer import Composer

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors, ...
        raise ValueError(f"{_NOT_DOCX}: python-docx cannot read it ({type(exc).__name__}: {exc})") from None
    notes = next((r.target_part for r in document.part.rels.values() if r.reltype == _FOOTNOTES), None)
    size = len(notes.blob) if notes is not None and footnotes else 0
    if footnotes * size > MAX_FOOTNOTE_BYTES:
        raise ValueError(
            f"has {footnotes} footnote references to a footnotes part of {_mb(size)}: composing would "
            f"read {_mb(footnotes * size)}, at most {_mb(MAX_FOOTNOTE_BYTES)}"
        )
    try:
        Composer(_empty()).append(document)
    except Exception as exc:  # docxcompose assumes a well-made document: KeyError, ValueError, ...
        raise ValueError(f"cannot be composed into a draft ({type(exc).__name__}: {exc})") from None


def _empty() -> Any:
    """A new document with only the default styles (so composing into it is quick)."""
    import docx

    document = docx.Document()
    styles = document.styles.element
    for style in list(styles.iterchildren("{" + _STYLE)):
        if style.get("{" + _W + "default") != "1":
            styles.remove(style)
    return document


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
