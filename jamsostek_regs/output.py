"""Writing output files safely: atomically, and never over a file we did not write.

Each output folder keeps a ``.jamsostek-regs.json`` record of the files this tool wrote
there and their sha256. A file is replaced only if it is in that record and unchanged
since, or if the caller forces it; everything is written to a temporary file in the same
folder and renamed into place only when complete, so an interrupted build leaves the
previous output intact.

While files are being renamed into place the record accepts both the old and the new
sha256 of each, so a build killed halfway leaves a folder the next build may still replace.
A killed process cannot delete its own temporary files: writers take an exclusive lock on
``.jamsostek-regs.lock`` in the folder, and while holding it delete the temporary files
(``.<name>.*.tmp``) that earlier, interrupted writes of the same names left behind.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jamsostek_regs.errors import JamsostekError, OverwriteError

RECORD = ".jamsostek-regs.json"
LOCK = ".jamsostek-regs.lock"

if sys.platform == "win32":  # pragma: no cover - the tests run on Linux
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)


def _record(folder: Path) -> dict[str, set[str]]:
    """File name -> the sha256 values the record accepts for it."""
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): {str(s) for s in v} if isinstance(v, list) else {str(v)} for k, v in data.items()}


def _save_record(folder: Path, record: dict[str, set[str]]) -> None:
    data = {name: min(shas) if len(shas) == 1 else sorted(shas) for name, shas in record.items()}
    atomic_write(folder / RECORD, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode())


def sha256(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def _complete_temp(path: Path, data: bytes) -> Path:
    """A temporary file next to ``path`` holding ``data``, flushed to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):  # the permissions of a new file, not mkstemp's 0o600
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    tmp = _complete_temp(path, data)
    try:
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def create_new(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, which must not exist, complete or not at all."""
    tmp = _complete_temp(path, data)
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OverwriteError(f"refusing to overwrite {path}: it exists") from None
    except OSError as exc:
        raise JamsostekError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the exclusive write lock of ``folder`` (released when the process ends, too)."""
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _lock(fd)
        yield
    finally:
        os.close(fd)


def _remove_stale_temps(folder: Path, names: Iterable[str]) -> None:
    """Delete temporary files of ``names`` left by interrupted writes (call under the lock)."""
    for name in names:
        if Path(name).name != name:  # only plain file names: a record is not trusted with paths
            continue
        for stale in folder.glob(glob.escape(f".{name}.") + "*.tmp"):
            stale.unlink(missing_ok=True)


def write_outputs(
    folder: Path, files: dict[str, bytes], force: bool = False, inputs: tuple[Path, ...] = ()
) -> list[Path]:
    """Write ``files`` (name -> bytes) into ``folder``; return the paths written.

    Nothing is written inside the folders ``inputs`` (the region files and the clause
    library), even with ``force``: no command modifies what it reads.
    """
    for name in files:
        target = (folder / name).resolve()
        if any(target.is_relative_to(root.resolve()) for root in inputs):
            raise OverwriteError(
                f"refusing to write {folder / name}: it is inside an input folder "
                f"({', '.join(f'{root.name}/' for root in inputs)}); choose another output"
            )
    folder.mkdir(parents=True, exist_ok=True)
    with _locked(folder):
        record = _record(folder)
        _remove_stale_temps(folder, {*record, *files, RECORD})
        for name in files:
            target = folder / name
            if target.exists() and not force and sha256(target.read_bytes()) not in record.get(name, set()):
                raise OverwriteError(
                    f"refusing to overwrite {target}: it was not written by jamsostek-regs"
                    " or was edited since; move it away or pass --force"
                )
        new = {name: sha256(data) for name, data in files.items()}
        _save_record(folder, {**record, **{name: record.get(name, set()) | {new[name]} for name in files}})
        written = []
        for name, data in files.items():
            atomic_write(folder / name, data)
            written.append(folder / name)
        _save_record(folder, {**record, **{name: {sha} for name, sha in new.items()}})
    return written
