"""The bundle zip: each region's folder, then the summary sheet (``ringkasan.csv`` and
``ringkasan.xlsx``), ``README.txt``, ``SHA256SUMS`` and ``manifest.json``.

Entries are written in a fixed order (regions by id, their files in format order, then the
bundle files), all dated 1980-01-01 00:00 with permissions 0644, so the same inputs
give the same bytes. The bundle's own date is a fact of its inputs (``--date`` or the newest
``draft.date`` of its regions), recorded in the manifest and README, never the clock.
DOCX, XLSX and PDF files are stored as they are (they are compressed already); text is deflated.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jamsostek_regs import __version__
from jamsostek_regs.bundle import summary as summary_sheet
from jamsostek_regs.bundle.readme import readme
from jamsostek_regs.bundle.worker import Built, Failed
from jamsostek_regs.ooxml.package import add_entry
from jamsostek_regs.output import sha256

README, SUMS, MANIFEST = "README.txt", "SHA256SUMS", "manifest.json"
STORED = (".docx", ".xlsx", ".pdf")


@dataclass(frozen=True, slots=True)
class Summary:
    """Facts about the whole bundle.

    Attributes:
        formats: the formats of every region, in the order of its files.
        date: ISO date of the bundle, or "" when neither ``--date`` nor any region gives one.
        date_source: where ``date`` comes from ("--date", "draft.date", "").
        failed: the regions that could not be built.
    """

    formats: tuple[str, ...]
    date: str
    date_source: str
    failed: tuple[Failed, ...] = ()


class Archive:
    """A bundle being written: region folders as they come, the bundle files at the end."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        self.zip = zipfile.ZipFile(self.buffer, "w")
        self.regions: list[dict[str, Any]] = []  # manifest entries
        self.rows: list[summary_sheet.Row] = []  # lines of the summary sheet
        self.sums: list[tuple[str, str]] = []  # (sha256, name) of every file written

    def add(self, built: Built) -> None:
        """Write the files of one region (call in region id order)."""
        files = []
        for name, data in built.outputs:
            self._write(name, data)
            files.append({"path": name, "sha256": self.sums[-1][0], "bytes": len(data)})
        self.regions.append(_entry(built, files))
        self.rows.append(_row(built, self.sums[-len(built.outputs) :] if built.outputs else []))

    def finish(self, summary: Summary) -> bytes:
        """Write the summary sheet, README.txt, SHA256SUMS and manifest.json; return the zip's bytes."""
        first = len(self.sums)
        self._write(summary_sheet.CSV_NAME, summary_sheet.to_csv(self.rows))
        self._write(summary_sheet.XLSX_NAME, summary_sheet.to_xlsx(self.rows, summary.date))
        self._write(README, readme(self.regions, summary).encode("utf-8"))
        self._write(SUMS, "".join(f"{digest}  {name}\n" for digest, name in self.sums).encode())
        bundle_files = [{"path": name, "sha256": digest} for digest, name in self.sums[first:]]
        manifest = {
            "tool": {"name": "jamsostek-regs", "version": __version__},
            "date": summary.date or None,
            "date_source": summary.date_source or None,
            "formats": list(summary.formats),
            "files": bundle_files,
            "regions": self.regions,
            "failed": [{"id": f.region_id, "errors": list(f.errors)} for f in summary.failed],
        }
        text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
        add_entry(self.zip, MANIFEST, text.encode("utf-8"))
        self.zip.close()
        return self.buffer.getvalue()

    def _write(self, name: str, data: bytes) -> None:
        stored = name.endswith(STORED)
        add_entry(self.zip, name, data, compress=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
        self.sums.append((sha256(data), name))


def _row(built: Built, sums: Sequence[tuple[str, str]]) -> summary_sheet.Row:
    """The summary line of a region whose files have the (sha256, name) ``sums``."""
    lint = dict(built.lint_counts)
    return summary_sheet.Row(
        region_id=built.region_id,
        level=built.level,
        name=built.name,
        standard_version=built.standard_version,
        written_against=built.written_against,
        segments=built.segments,
        financing=built.financing,
        blanks=built.blanks,
        lint_errors=lint.get("error", 0),
        lint_warnings=lint.get("warning", 0),
        deviations=dict(built.deviations),
        files=tuple((_kind(built.region_id, name), digest) for digest, name in sums),
    )


def _kind(region_id: str, path: str) -> str:
    """ "docx" for ``lahat/lahat.docx``, the name of a file not named after the region."""
    name = path.rsplit("/", 1)[-1]
    return name.removeprefix(f"{region_id}.") if name.startswith(f"{region_id}.") else name


def _entry(built: Built, files: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": built.region_id,
        "level": built.level,
        "name": built.name,
        "standard": {
            "id": built.standard_id,
            "version": built.standard_version,
            "region_written_against": built.written_against or None,
        },
        "draft_date": built.draft_date or None,
        "inputs": [{"path": path, "sha256": digest} for path, digest in built.inputs],
        "files": list(files),
        "warnings": list(built.warnings),
    }
