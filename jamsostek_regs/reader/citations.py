"""What a Mengingat item cites: jenis, number, year, title and gazette, where they can be read.

The jenis, number, year and gazette are read as the linter reads them
(:func:`jamsostek_regs.lint.citations.chain`: the first regulation of an amendment chain); the
title is what follows "tentang" up to the gazette in parentheses.
"""

from __future__ import annotations

import re

from jamsostek_regs.lint.citations import chain
from jamsostek_regs.reader.result import Cited

_TITLE = re.compile(r"\btentang\s+(?P<title>.+?)\s*(?:\((?:[^()]*(?:Lembaran|Berita))|sebagaimana telah|;?$)")


def cited(text: str) -> Cited | None:
    """The regulation the Mengingat item ``text`` cites; ``None`` when no jenis is named."""
    first = chain(text)[0]
    if first.jenis is None:
        return None
    title = _TITLE.search(first.text)
    return Cited(first.jenis, first.nomor, first.tahun, title["title"] if title else "", first.gazette or "")
