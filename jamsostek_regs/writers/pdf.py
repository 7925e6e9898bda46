"""The PDF writer: the DOCX draft converted by LibreOffice headless (``soffice``).

The PDF is PDF/A-2b (archival: every font embedded, no outside resources) and tagged, so that
screen readers follow its structure: published regulations must be accessible (Penjelasan
Pasal 95 UU 12/2011). :func:`warnings` reads the PDF's font list (poppler's ``pdffonts``) and
says when LibreOffice set the draft in a font other than Bookman Old Style or one of its
metric-compatible clones (:mod:`jamsostek_regs.writers.fonts`), which happens on a machine
that has none of them: the text is right, but the lines are set in another face.

LibreOffice is optional: :func:`require` says clearly how to get it before any work is done.
Each process converts with a LibreOffice profile of its own (parallel instances sharing a
profile block each other), made on the first conversion under a temporary folder that is
removed when the process ends, and reused after.

LibreOffice (7.4) stamps each PDF with the time of conversion and embeds font subsets that
differ from run to run, so PDFs, unlike the DOCX files, are not byte-identical across builds.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from multiprocessing import util
from pathlib import Path

from jamsostek_regs.errors import JamsostekError, PdfUnavailableError
from jamsostek_regs.model import Draft
from jamsostek_regs.writers import docx, fonts

SOFFICE = "soffice"
PDFFONTS = "pdffonts"
#: LibreOffice's PDF export filter with its options: PDF/A-2b (``SelectPdfVersion`` 2), tagged.
EXPORT_FILTER = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"}}'
)
#: Seconds one conversion may take (the first one of a process also creates its profile).
TIMEOUT = 180


def require() -> None:
    """Raise :class:`PdfUnavailableError` when ``soffice`` is not on ``PATH``."""
    if shutil.which(SOFFICE) is None:
        raise PdfUnavailableError(
            "PDF output needs LibreOffice, but 'soffice' was not found on PATH; install LibreOffice"
            " (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) or choose another format"
        )


def render(draft: Draft) -> bytes:
    """The PDF of ``draft``: its DOCX, converted by LibreOffice."""
    require()
    return convert(docx.render(draft))


@functools.cache
def _profiles() -> Path:
    """This process's folder for LibreOffice profiles, removed when the process ends.

    ``multiprocessing.util.Finalize`` runs in worker processes too (``atexit`` does not).
    """
    folder = Path(tempfile.mkdtemp(prefix="jamsostek-regs-lo-"))
    util.Finalize(None, shutil.rmtree, args=(folder, True), exitpriority=10)
    return folder


def convert(data: bytes) -> bytes:
    """The PDF of the DOCX bytes ``data``; a temporary folder that cannot be made is an error too."""
    try:
        profiles = _profiles()
        with tempfile.TemporaryDirectory(dir=profiles) as tmp:
            source = Path(tmp) / "draft.docx"
            source.write_bytes(data)
            command = [
                SOFFICE,
                f"-env:UserInstallation={(profiles / f'profile-{os.getpid()}').as_uri()}",
                "--headless",
                "--convert-to",
                EXPORT_FILTER,
                "--outdir",
                tmp,
                str(source),
            ]
            subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT)
            return source.with_suffix(".pdf").read_bytes()
    except (OSError, subprocess.SubprocessError) as exc:
        raise JamsostekError(f"LibreOffice could not convert the draft to PDF: {exc}") from None


@dataclass(frozen=True, slots=True)
class PdfFont:
    """One font of a PDF, as ``pdffonts`` lists it: its name and whether it is embedded."""

    name: str
    embedded: bool


def fonts_of(data: bytes) -> list[PdfFont] | None:
    """The fonts of the PDF ``data``; ``None`` when ``pdffonts`` (poppler-utils) is not installed."""
    if shutil.which(PDFFONTS) is None:
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        listing = subprocess.run(
            [PDFFONTS, pdf.name], check=True, capture_output=True, text=True, timeout=TIMEOUT
        ).stdout
    # name, type (one or two words), encoding, emb, sub, uni, object id, generation
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    return [PdfFont(row[0], row[-5] == "yes") for row in rows]


def warnings(data: bytes) -> list[str]:
    """What a reader of the PDF ``data`` should know: fonts other than the draft's, or not embedded."""
    found = fonts_of(data)
    if found is None:
        return []
    other = sorted({f.name.split("+", 1)[-1] for f in found if not fonts.is_draft_font(f.name)})
    loose = sorted({f.name.split("+", 1)[-1] for f in found if not f.embedded})
    notes = []
    if other:
        notes.append(
            f"the PDF is set in {', '.join(other)}, not {fonts.FONT}: install it or a free"
            f" metric-compatible clone ({', '.join(fonts.ALTERNATIVES[:2])}; Debian/Ubuntu:"
            " apt-get install fonts-texgyre) and build the PDF again"
        )
    if loose:
        notes.append(f"the PDF does not embed the fonts {', '.join(loose)}")
    return notes
