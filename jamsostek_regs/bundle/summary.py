"""The bundle's summary for BPJS Ketenagakerjaan staff: one row per region, as CSV and XLSX.

The sheet they would otherwise build by hand: each region's level and name, the standard
version, the segments and financing sources it chose, how many "..." are left to fill, the
linter's errors and warnings, how its draft differs from the standard by class (the diff's
summary), and the sha256 of each of its files. Headers are Bahasa Indonesia.

The CSV is UTF-8 with a byte order mark and CRLF line ends, so that Excel opens it with the
right characters. The XLSX is written with openpyxl (imported only here, when a bundle is
made) and is as reproducible as the rest of the bundle: fixed zip dates and core properties
dated with the bundle, never the clock.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from jamsostek_regs.ooxml.names import CORE
from jamsostek_regs.ooxml.package import core_properties, package, read

CSV_NAME = "ringkasan.csv"
XLSX_NAME = "ringkasan.xlsx"
SHEET = "Ringkasan"
#: The deviation classes of a diff against the standard, with their column headers.
DEVIATIONS: tuple[tuple[str, str], ...] = (
    ("parameter", "perubahan parameter"),
    ("optional", "pilihan opsional"),
    ("wording", "perubahan redaksi"),
    ("added", "tambahan"),
    ("removed", "dihapus"),
    ("renumbered", "penomoran ulang"),
)
#: The widest an XLSX column is made (characters).
MAX_WIDTH = 60


@dataclass(frozen=True, slots=True)
class Row:
    """One region's line of the summary.

    Attributes:
        files: (kind, sha256) of each file of the region's folder, in format order; the kind is
            the format's suffix ("docx") or, for a file not named after the region, its name.
        deviations: class -> how many changes of that class against the standard.
        written_against: the standard version the region file's own texts were written against
            (its ``standard`` field, ``""`` when not recorded), beside the version it was built with.
    """

    region_id: str
    level: str
    name: str
    standard_version: str
    written_against: str
    segments: tuple[str, ...]
    financing: tuple[str, ...]
    blanks: int
    lint_errors: int
    lint_warnings: int
    deviations: dict[str, int]
    files: tuple[tuple[str, str], ...]


def table(rows: Sequence[Row]) -> list[list[str | int]]:
    """The header and one line per region; a column per file kind that any region has."""
    kinds = list(dict.fromkeys(kind for row in rows for kind, _digest in row.files))
    header: list[str | int] = [
        "id",
        "tingkat",
        "nama",
        "versi standar",
        "teks daerah ditulis pada standar",
        "segmen",
        "sumber pendanaan",
        "isian tersisa",
        "galat lint",
        "peringatan lint",
        *(label for _kind, label in DEVIATIONS),
        *(f"sha256 {kind}" for kind in kinds),
    ]
    lines = [header]
    for row in rows:
        digests = dict(row.files)
        lines.append(
            [
                row.region_id,
                row.level,
                row.name,
                row.standard_version,
                row.written_against,
                ", ".join(row.segments),
                ", ".join(row.financing),
                row.blanks,
                row.lint_errors,
                row.lint_warnings,
                *(row.deviations.get(kind, 0) for kind, _label in DEVIATIONS),
                *(digests.get(kind, "") for kind in kinds),
            ]
        )
    return lines


def to_csv(rows: Sequence[Row]) -> bytes:
    """The summary as CSV for Excel: UTF-8 with a byte order mark, CRLF line ends."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(table(rows))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(rows: Sequence[Row], date: str) -> bytes:
    """The summary as an XLSX workbook: one sheet, bold frozen header, filters, fitted columns.

    ``date`` (ISO, or "") dates the workbook's core properties.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = SHEET
    lines = table(rows)
    for line in lines:
        sheet.append(line)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "D2"  # the header and the region's id, level and name stay in view
    sheet.auto_filter.ref = sheet.dimensions
    for column in range(1, len(lines[0]) + 1):
        width = max(len(str(line[column - 1])) for line in lines)
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_WIDTH)
    buffer = io.BytesIO()
    book.save(buffer)
    parts = read(buffer.getvalue())
    parts[CORE] = core_properties("Ringkasan rancangan Perkada", "jamsostek-regs", date)
    return package(parts)
