"""Writing output files safely: atomically, and never over a file we did not write.

Each output folder keeps a ``.jamsostek-regs.json`` record of the files this tool wrote
there and their sha256. A file is replaced only if it is in that record and unchanged
since, or if the caller forces it; everything is written to a temporary file in the same
folder and renamed into place only when complete, so an interrupted build leaves the
previous output intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from jamsostek_regs.errors import JamsostekError

RECORD = ".jamsostek-regs.json"


class OverwriteError(JamsostekError):
    """The target exists and was not written by this tool (or was edited since)."""


def _record(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def sha256(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(folder: Path, files: dict[str, bytes], force: bool = False) -> list[Path]:
    """Write ``files`` (name -> bytes) into ``folder``; return the paths written."""
    record = _record(folder)
    for name in files:
        target = folder / name
        if target.exists() and not force:
            known = record.get(name)
            if known is None or known != sha256(target.read_bytes()):
                raise OverwriteError(
                    f"refusing to overwrite {target}: it was not written by jamsostek-regs"
                    " or was edited since; move it away or pass --force"
                )
    written = []
    for name, data in files.items():
        atomic_write(folder / name, data)
        record[name] = sha256(data)
        written.append(folder / name)
    atomic_write(folder / RECORD, (json.dumps(record, indent=2, sort_keys=True) + "\n").encode())
    return written
