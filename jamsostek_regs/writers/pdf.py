"""The PDF writer: the DOCX draft converted by LibreOffice headless (``soffice``).

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
from multiprocessing import util
from pathlib import Path

from jamsostek_regs.errors import JamsostekError, PdfUnavailableError
from jamsostek_regs.model import Draft
from jamsostek_regs.writers import docx

SOFFICE = "soffice"
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
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ]
            subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT)
            return source.with_suffix(".pdf").read_bytes()
    except (OSError, subprocess.SubprocessError) as exc:
        raise JamsostekError(f"LibreOffice could not convert the draft to PDF: {exc}") from None
