"""PDF copies of the DOCX drafts, converted by LibreOffice headless (``soffice``).

LibreOffice is optional: :func:`require` says clearly how to get it before any work is done.
Each process converts with a LibreOffice profile of its own under one folder the caller owns
(parallel instances sharing a profile block each other); the profile is made on the first
conversion of each process and reused after.

LibreOffice (7.4) stamps each PDF with the time of conversion and embeds font subsets that
differ from run to run, so PDFs, unlike the DOCX files, are not byte-identical across builds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from jamsostek_regs.errors import JamsostekError

SOFFICE = "soffice"
#: Seconds one conversion may take (the first one of a process also creates its profile).
TIMEOUT = 180


class PdfUnavailableError(JamsostekError):
    """PDF output was asked for, but LibreOffice is not installed."""


def require() -> None:
    """Raise :class:`PdfUnavailableError` when ``soffice`` is not on ``PATH``."""
    if shutil.which(SOFFICE) is None:
        raise PdfUnavailableError(
            "--pdf needs LibreOffice, but 'soffice' was not found on PATH; install LibreOffice"
            " (Debian/Ubuntu: apt-get install libreoffice-writer) or leave out --pdf"
        )


def convert(docx: bytes, profiles: Path) -> bytes:
    """The PDF of the DOCX bytes ``docx``; LibreOffice keeps its profile under ``profiles``."""
    profile = profiles / f"profile-{os.getpid()}"
    with tempfile.TemporaryDirectory(dir=profiles) as tmp:
        source = Path(tmp) / "draft.docx"
        source.write_bytes(docx)
        command = [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(source),
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT)
            return source.with_suffix(".pdf").read_bytes()
        except (OSError, subprocess.SubprocessError) as exc:
            raise JamsostekError(f"LibreOffice could not convert the draft to PDF: {exc}") from None
