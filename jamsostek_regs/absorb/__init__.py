"""Absorb: the edits of a Perkada DOCX back into its region file (``jamsostek-regs absorb``).

:mod:`.plan` turns each difference between the region's draft and the document's into an
entry of the region file (``changes``, ``additions``, ``title``, ``mengingat``, ``laws``),
written in the clause dialect by :mod:`.text`; :mod:`.yamledit` adds them to the file
without losing its comments or key order; :mod:`.absorbing` builds the draft the new file
gives and refuses unless it says what the document says.
"""

from __future__ import annotations

from jamsostek_regs.absorb.absorbing import Absorbed, CannotAbsorb, absorb
from jamsostek_regs.absorb.plan import Edit, Refusal

__all__ = ["Absorbed", "CannotAbsorb", "Edit", "Refusal", "absorb"]
