"""The reader: a Perkada DOCX back into the document tree the builder makes.

:func:`read` takes the tool's own DOCX (also after Word or LibreOffice saved it) and hand-made
drafts (labels typed with tabs or spaces or made by Word's automatic numbering, headings in
capitals, signature blocks in borderless tables, any page size) and gives a
:class:`~.result.Reading`: the :class:`~jamsostek_regs.model.Draft` with the document's own
numbers and texts, how each key was found (the document's marks, an alignment with the
reference draft, a fixed role, or none), the citations of the Mengingat, the tracked changes
and comments counted, and notes on what could not be placed or is wrong in the document.

Modules, one job each: :mod:`.lines` (the body as lines, and what their words say),
:mod:`.structure` (lines into parts), :mod:`.parts` (the tree while it is read), :mod:`.keys`
and :mod:`.align` (keys), :mod:`.citations`, :mod:`.findings`, :mod:`.result` and
:mod:`.reading` (the entry point). WordprocessingML itself is read only through
:mod:`jamsostek_regs.ooxml`.
"""

from __future__ import annotations

from jamsostek_regs.reader.reading import read
from jamsostek_regs.reader.result import Cited, Note, Origin, Reading

__all__ = ["Cited", "Note", "Origin", "Reading", "read"]
