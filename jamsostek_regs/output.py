"""Writing output files safely: atomically, a set together or not at all, and never over a
file we did not write, nor anywhere we must not.

Each output folder keeps two state files: ``.jamsostek-regs.json``, the record of the files
this tool wrote there and their sha256, and ``.jamsostek-regs.lock``, locked while a writer
works there. A file is replaced only if it is in that record and unchanged since, or if the
caller forces it. Nothing is written inside the folders a command reads (``inputs``).

The files of one call (the formats of a region, the pages of a matrix) are replaced together
or not at all. Each is first written to a temporary file in the folder and flushed to disk;
a failure there (a full disk, a read-only folder, a name too long) removes the temporary
files and leaves every old file as it was. Only then are they renamed into place, after a
second name (a hard link, or a copy where the file system has none) was given to the
previous version of each: if a rename fails or the process is interrupted, the files already
renamed are put back.

One narrow exception lets a file edited by hand be replaced: after ``absorb --write`` has
turned the edits of a DOCX the tool wrote into its region file, :func:`accept_absorbed` notes
in the record that file's sha256 together with a fingerprint of the text it says. A build may
replace it without force only if what it writes has that same fingerprint (the caller gives
the function that computes it, :func:`write_outputs`'s ``fingerprint``): the edits are in the
region file and nothing of them is lost. Once replaced, the note is gone with the old sha256.

A killed process can put nothing back. While files are being renamed the record therefore
accepts both the old and the new sha256 of each, so a build killed halfway leaves a folder
the next build may still replace; and since a killed process cannot delete its temporary
files either, writers holding the lock delete those (``.<name>.*.tmp``) that earlier,
interrupted writes of the same names left behind.

Nothing planted in an output folder is followed or trusted: the state files and the files to
replace are opened without following symbolic links (nor waiting on a named pipe), the
record is read up to a size limit, and anything there that is not a regular file (a link, a
folder, a pipe, a device) is refused. Every failure is an :class:`OutputError` (or its
subclass :class:`OverwriteError`) whose message names the path and the reason.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import glob
import hashlib
import json
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jamsostek_regs.errors import OutputError, OverwriteError

RECORD = ".jamsostek-regs.json"
LOCK = ".jamsostek-regs.lock"
#: The largest record read: far above the 100 bytes or so each file written adds to it.
RECORD_LIMIT = 16 * 1024 * 1024
#: How the record notes an edited file whose text ``absorb`` took in: ``absorbed:<sha256>:<text>``.
ABSORBED = "absorbed:"
#: Characters of a file name kept in the names of its temporary files, so that any name
#: that fits the file system's limit (255 bytes) still fits with the temporary's additions.
TEMP_STEM = 40

#: ``os.open`` flags of every state file and file to replace: never through a symbolic link
#: (Windows has no such flag; making links there takes privileges), never waiting on a named
#: pipe, and binary.
_SAFE = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)

#: Reasons in plain words, where the system's are not.
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the disk or folder is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "the name is too long for the file system",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EEXIST: "a file of that name is in the way",
}

if sys.platform == "win32":  # pragma: no cover - the tests run on Linux
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)


def sha256(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


@contextmanager
def _failing(action: str, path: Path) -> Iterator[None]:
    """Turn an ``OSError`` into an :class:`OutputError` saying ``<action> <path>: <reason>``."""
    try:
        yield
    except OSError as exc:
        raise OutputError(f"{action} {path}: {_reason(exc)}") from exc


def _kind(mode: int) -> str:
    """What a file that is not a regular one is, in words."""
    kinds = (
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    )
    return next((kind for test, kind in kinds if test(mode)), "a special file")


def _not_a_file(action: str, path: Path, mode: int) -> OutputError:
    return OutputError(f"{action} {path}: it is {_kind(mode)}, not a regular file; move it away")


def _open_file(path: Path, flags: int, action: str = "cannot use") -> int:
    """A descriptor of the regular file ``path``, opened with ``flags`` but never through a
    symbolic link nor waiting on a named pipe.

    Raises:
        FileNotFoundError: there is no ``path``.
        OutputError: ``path`` is something else than a regular file, or cannot be opened
            (the message starts with ``action`` and the path).
    """
    try:
        fd = os.open(path, flags | _SAFE, 0o666)
    except FileNotFoundError:
        raise
    except OSError as exc:
        with contextlib.suppress(OSError):
            mode = os.lstat(path).st_mode
            if not stat.S_ISREG(mode):
                raise _not_a_file(action, path, mode) from exc
        raise OutputError(f"{action} {path}: {_reason(exc)}") from exc
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise _not_a_file(action, path, mode)
    return fd


def _record(folder: Path) -> dict[str, set[str]]:
    """File name -> the sha256 values the record accepts for it."""
    path = folder / RECORD
    try:
        fd = _open_file(path, os.O_RDONLY)
    except FileNotFoundError:
        return {}
    with os.fdopen(fd, "rb") as handle, _failing("cannot read", path):
        text = handle.read(RECORD_LIMIT + 1)
    if len(text) > RECORD_LIMIT:
        raise OutputError(
            f"cannot use {path}: it is larger than any record jamsostek-regs writes "
            f"({RECORD_LIMIT // 2**20} MB); move it away"
        )
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # not a record of ours: it records nothing
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): {str(s) for s in v} if isinstance(v, list) else {str(v)} for k, v in data.items()}


def _record_bytes(record: dict[str, set[str]]) -> bytes:
    data = {name: min(shas) if len(shas) == 1 else sorted(shas) for name, shas in record.items()}
    return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode()


def _check_replaceable(path: Path, accepted: set[str], force: bool, same_text: Callable[[], str]) -> None:
    """Raise unless ``path`` is missing, or a regular file the record accepts (or ``force``):
    by its sha256, or as an absorbed file whose text ``same_text`` (the new file's) repeats."""
    try:
        fd = _open_file(path, os.O_RDONLY, "cannot write")
    except FileNotFoundError:
        return
    with os.fdopen(fd, "rb") as handle, _failing("cannot read", path):
        if force:
            return
        digest = hashlib.file_digest(handle, "sha256").hexdigest() if accepted else ""
    if digest in accepted:
        return
    texts = {a.rpartition(":")[2] for a in accepted if a.startswith(f"{ABSORBED}{digest}:")}
    if texts and same_text() in texts:
        return
    raise OverwriteError(
        f"refusing to overwrite {path}: it was not written by jamsostek-regs"
        " or was edited since; move it away or pass --force"
    )


def _temp(path: Path, tag: str = "") -> Path:
    """A new name for a temporary file of ``path``, next to it (see :func:`_remove_stale_temps`).

    The caller notes the name before the file exists, so an interruption at any point leaves
    nothing it does not know to remove.
    """
    return path.with_name(f".{path.name[:TEMP_STEM]}.{secrets.token_hex(8)}{tag}.tmp")


def _write_new(path: Path, data: bytes) -> None:
    """Create ``path`` (which must not exist) holding ``data``, flushed to disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _SAFE, 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def create_new(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, which must not exist, complete or not at all."""
    with _failing("cannot create the folder", path.parent):
        path.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp(path)
    try:
        with _failing("cannot write", path):
            _write_new(temp, data)
        os.link(temp, path)
    except FileExistsError:
        raise OverwriteError(f"refusing to overwrite {path}: it exists") from None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc
    finally:
        temp.unlink(missing_ok=True)


def replace_file(path: Path, data: bytes) -> None:
    """Replace the file ``path`` with ``data``, complete or not at all (the browser's save of a
    region file: the file is an input, so it is not in any output record)."""
    temp = _temp(path)
    try:
        with _failing("cannot write", path):
            _write_new(temp, data)
            temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the exclusive write lock of ``folder`` (released when the process ends, too)."""
    path = folder / LOCK
    with _failing("cannot use", path):
        fd = _open_file(path, os.O_RDWR | os.O_CREAT)
    try:
        with _failing("cannot lock", path):
            _lock(fd)
        yield
    finally:
        os.close(fd)


def _remove_stale_temps(folder: Path, names: Iterable[str]) -> None:
    """Delete temporary files of ``names`` left by interrupted writes (call under the lock)."""
    for name in names:
        if Path(name).name != name:  # only plain file names: a record is not trusted with paths
            continue
        for stale in folder.glob(glob.escape(f".{name[:TEMP_STEM]}.") + "*.tmp"):
            if stale.is_symlink() or not stale.is_dir():  # a folder is not a file we wrote
                with _failing("cannot remove", stale):
                    stale.unlink(missing_ok=True)


def _second_name(path: Path, second: Path) -> bool:
    """Give the file ``path`` the ``second`` name too (a hard link, or a copy where the file
    system has none), to put it back from; whether there was a file to name."""
    try:
        os.link(path, second)
    except FileNotFoundError:
        return False
    except OSError:
        shutil.copyfile(path, second)
    return True


def _replace_together(moves: list[tuple[Path, Path]]) -> None:
    """Rename each temporary file onto its target, in order: all of them or, on any failure
    or interruption, none (the targets already replaced are put back)."""
    seconds = {target: _temp(target, ".old") for target, _temp_file in moves}
    existed: set[Path] = set()
    started: list[Path] = []
    try:
        for target, second in seconds.items():
            with _failing("cannot write", target):
                if _second_name(target, second):
                    existed.add(target)
        for target, temp in moves:
            started.append(target)
            with _failing("cannot write", target):
                temp.replace(target)
    except BaseException:
        for target in dict.fromkeys(reversed(started)):
            with contextlib.suppress(OSError):  # the first failure is the one to report
                _put_back(target, seconds[target] if target in existed else None)
        raise
    finally:
        _remove(seconds.values())


def _put_back(target: Path, second: Path | None) -> None:
    """Make ``target`` again the file named ``second`` too, or none if there was none."""
    if second is None:
        target.unlink(missing_ok=True)
    else:
        second.replace(target)


def _remove(paths: Iterable[Path]) -> None:
    """Delete the temporary files ``paths`` that exist (clean-up: a failure here is not news)."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def _write_together(folder: Path, contents: list[tuple[str, bytes]]) -> None:
    """Write ``contents`` (name, bytes; a name may come again) into ``folder``, all or none."""
    moves: list[tuple[Path, Path]] = []
    try:
        for name, data in contents:
            target = folder / name
            moves.append((target, _temp(target)))
            with _failing("cannot write", target):
                _write_new(moves[-1][1], data)
        _replace_together(moves)
    finally:
        _remove(temp for _target, temp in moves)


def write_outputs(
    folder: Path,
    files: dict[str, bytes],
    force: bool = False,
    inputs: tuple[Path, ...] = (),
    fingerprint: Callable[[bytes], str] | None = None,
) -> list[Path]:
    """Write ``files`` (name -> bytes) into ``folder``, all or none; return the paths written.

    Nothing is written inside the folders ``inputs`` (the region files and the clause
    library), even with ``force``: no command modifies what it reads. ``fingerprint`` gives
    the text fingerprint of a file's bytes, to replace an absorbed file (see the module
    docstring); without it, an absorbed file is replaced only by force.

    Raises:
        OverwriteError: a file to replace was not written by this tool or was edited since.
        OutputError: the folder or a file cannot be written, or something in the folder is
            not what this tool writes there (a link, a pipe, a folder in place of a file).
    """
    where = Path(os.path.realpath(folder))
    if any(where.is_relative_to(os.path.realpath(root)) for root in inputs):
        raise OverwriteError(
            f"refusing to write into {folder}: it is inside an input folder "
            f"({', '.join(f'{root.name}/' for root in inputs)}); choose another output"
        )
    reserved = sorted(files.keys() & {RECORD, LOCK})
    if reserved:
        raise OutputError(f"cannot write {folder / reserved[0]}: jamsostek-regs keeps its own records there")
    with _failing("cannot create the folder", folder):
        folder.mkdir(parents=True, exist_ok=True)
    with _locked(folder):
        record = _record(folder)
        _remove_stale_temps(folder, {*record, *files, RECORD})
        for name, data in files.items():
            text = functools.partial(fingerprint, data) if fingerprint else _no_text
            _check_replaceable(folder / name, record.get(name, set()), force, text)
        new = {name: sha256(data) for name, data in files.items()}
        pending = {**record, **{name: record.get(name, set()) | {new[name]} for name in files}}
        final = {**record, **{name: {sha} for name, sha in new.items()}}
        contents = [(RECORD, _record_bytes(pending)), *files.items(), (RECORD, _record_bytes(final))]
        _write_together(folder, contents)
    return [folder / name for name in files]


def _no_text() -> str:
    return ""


def accept_absorbed(path: Path, text: str) -> bool:
    """Note in the record of ``path``'s folder that the file as it is now says ``text`` (a
    fingerprint), when the record lists it: a build writing the same text may replace it.
    Whether it was noted (a file this tool never wrote there is not)."""
    folder = path.parent
    with _locked(folder):
        record = _record(folder)
        if path.name not in record:
            return False
        fd = _open_file(path, os.O_RDONLY)
        with os.fdopen(fd, "rb") as handle, _failing("cannot read", path):
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        record[path.name] = record[path.name] | {f"{ABSORBED}{digest}:{text}"}
        _write_together(folder, [(RECORD, _record_bytes(record))])
    return True


def rewrite(path: Path, data: bytes) -> None:
    """Replace the existing file ``path`` (an input: the region file ``absorb`` adds to) with
    ``data``, complete or not at all."""
    _write_together(path.parent, [(path.name, data)])
