"""The drafter's workbench in the browser (``jamsostek-regs serve``), beside the command line.

A Starlette application (:func:`create_app`) over one project folder: the region form
generated from the schema (:mod:`.forms`) with a live preview, the review pages (diff, matrix,
an uploaded DOCX) and the downloads. It calls the same use cases as the command line
(:mod:`jamsostek_regs.app`); what keeps it safe by default is in :mod:`.security`. Nothing
here prints or exits: the ``serve`` command starts the server.
"""

from __future__ import annotations

from jamsostek_regs.web.app import create_app

__all__ = ["create_app"]
