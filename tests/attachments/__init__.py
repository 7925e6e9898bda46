"""The example attached lampiran, for the tests and benchmarks of the attachment mechanism.

No shipped region attaches a document (legal review LH-6: the blank reporting form was made by
``tools/make_example_lampiran.py``, not by Pemkab Lahat). :func:`attach_example` puts the
example into a copy of ``regions/`` and attaches it to one region file, as a drafter would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

#: The example document (``tools/make_example_lampiran.py`` makes it, byte for byte).
EXAMPLE = Path(__file__).resolve().parent / "contoh-format-laporan.docx"
#: Where a region file names it: relative to ``regions/``.
FILE = f"lampiran/{EXAMPLE.name}"
#: The title it is attached under, and the Pasal that cites it.
TITLE = (
    "Format laporan pelaksanaan tugas Perangkat Daerah dalam optimalisasi pelaksanaan Program Jaminan"
    " Sosial Ketenagakerjaan"
)
PASAL = "pemantauan.pelaporan"
#: The ``attachments`` block :func:`attach_example` appends to the region file.
BLOCK = f"\nattachments:\n  - file: {FILE}\n    title: {TITLE}\n    pasal: {PASAL}\n"


def attach_example(regions: Path, region: str) -> Path:
    """Copy the example into ``regions/lampiran/`` and attach it to ``regions/<region>.yaml``.

    Returns the copied document.
    """
    target = regions / FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(EXAMPLE, target)
    with (regions / f"{region}.yaml").open("a", encoding="utf-8") as handle:
        handle.write(BLOCK)
    return target
