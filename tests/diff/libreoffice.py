"""LibreOffice as the reviewer's word processor: accept or reject every tracked change.

A throw-away profile gets a Basic macro (``Changes``) that opens a document hidden, runs
``.uno:AcceptAllTrackedChanges`` or ``.uno:RejectAllTrackedChanges`` and saves it as plain
text; ``soffice --headless macro:///...`` runs it. Plain ``--convert-to txt`` would print the
deleted and the inserted words alike.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

#: Fail (not skip) when CI is set and LibreOffice is missing: CI installs it (scripts/test.sh).
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"),
    reason="LibreOffice not installed (CI installs it and runs this test)",
)

_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_LIBRARIES = (
    _HEAD
    + '<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">\n'
    '<library:libraries xmlns:library="http://openoffice.org/2000/library" '
    'xmlns:xlink="http://www.w3.org/1999/xlink">\n'
    ' <library:library library:name="Standard" library:link="false"/>\n</library:libraries>\n'
)
_LIBRARY = (
    _HEAD
    + '<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">\n'
    '<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" '
    'library:readonly="false" library:passwordprotected="false">{element}</library:library>\n'
)
_MACRO = """\
Sub Changes(inPath As String, outPath As String, mode As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  frame = doc.getCurrentController().getFrame()
  helper.executeDispatch(frame, ".uno:" &amp; mode &amp; "AllTrackedChanges", "", 0, Array())
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = "Text"
  doc.storeToURL(ConvertToURL(outPath), out())
  doc.close(True)
End Sub
"""


def profile(folder: Path) -> str:
    """A LibreOffice profile in ``folder`` holding the macro; the ``-env:`` argument naming it.

    LibreOffice fills a new profile with its own macro library on the first start, so it
    starts once before the macro is written.
    """
    env = f"-env:UserInstallation={folder.as_uri()}"
    subprocess.run(
        ["soffice", env, "--headless", "--terminate_after_init"], check=True, capture_output=True, timeout=180
    )
    basic = folder / "user" / "basic"
    (basic / "Standard").mkdir(parents=True, exist_ok=True)
    (basic / "script.xlc").write_text(_LIBRARIES, encoding="utf-8")
    (basic / "dialog.xlc").write_text(_LIBRARIES.replace("script", "dialog"), encoding="utf-8")
    (basic / "Standard" / "script.xlb").write_text(
        _LIBRARY.format(element='\n <library:element library:name="Module1"/>\n'), encoding="utf-8"
    )
    (basic / "Standard" / "dialog.xlb").write_text(_LIBRARY.format(element=""), encoding="utf-8")
    module = (
        _HEAD
        + '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
        f'script:language="StarBasic">{_MACRO.replace(chr(34), "&quot;")}</script:module>\n'
    )
    (basic / "Standard" / "Module1.xba").write_text(module, encoding="utf-8")
    return env


def as_text(env: str, docx: Path, mode: str) -> str:
    """The text LibreOffice saves after ``mode`` ("Accept" or "Reject") all tracked changes."""
    out = docx.with_suffix(f".{mode}.txt")
    macro = f'macro:///Standard.Module1.Changes("{docx}","{out}","{mode}")'
    subprocess.run(["soffice", env, "--headless", macro], check=True, capture_output=True, timeout=180)
    return out.read_text(encoding="utf-8-sig")


def plain_text(env: str, docx: Path) -> str:
    """The text LibreOffice saves of a document without tracked changes."""
    subprocess.run(
        ["soffice", env, "--headless", "--convert-to", "txt:Text", "--outdir", str(docx.parent), str(docx)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return docx.with_suffix(".txt").read_text(encoding="utf-8-sig")
