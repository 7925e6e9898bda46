"""Failing writes and planted state files: :mod:`jamsostek_regs.output` refuses or fails with an
:class:`OutputError` naming the path and the reason, and leaves the old files as they were.

A full disk and failing renames are simulated by making ``os.fsync`` or ``Path.replace``
raise at the Nth call (filling a real disk is neither quick nor safe). The tests run as root,
for whom ``chmod`` does not stop writes: a read-only folder is a real read-only bind mount in
a private mount namespace where ``unshare`` allows one (skipped elsewhere), and a patched
``os.open`` failing with EROFS otherwise; a file where a folder should be and a name too long
are real.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from jamsostek_regs import output
from jamsostek_regs.errors import OutputError, OverwriteError
from tests.conftest import ROOT
from tests.regionkit import make_workspace, run_cli

OLD = {"r1.docx": b"old docx", "r1.md": b"old md", "r1.html": b"old html", "r1.txt": b"old txt"}
NEW = {name: b"new " + data[4:] for name, data in OLD.items()}
#: Seconds any single write may take here: a write that waits on a pipe fails the test instead.
PATIENCE = 10


@contextmanager
def _no_hang() -> Iterator[None]:
    def expired(_signum: int, _frame: object) -> None:
        raise TimeoutError("the write hung")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(PATIENCE)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _state(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (record included) by name; fails on a temporary file left."""
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.name != output.LOCK}
    assert [name for name in files if name.endswith(".tmp")] == []
    return files


def _fail_at(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, at: int, exc: BaseException
) -> list[int]:
    """Make ``owner.name`` raise ``exc`` at its ``at``-th call; the list counts the calls."""
    real: Callable[..., Any] = getattr(owner, name)
    calls: list[int] = []

    def failing(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == at:
            raise exc
        return real(*args)

    monkeypatch.setattr(owner, name, failing)
    return calls


@pytest.mark.parametrize("at", range(1, 7))  # pending record, 4 files, final record
def test_a_full_disk_at_any_file_leaves_the_old_set_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at: int
) -> None:
    output.write_outputs(tmp_path, OLD)
    before = _state(tmp_path)
    calls = _fail_at(monkeypatch, os, "fsync", at, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    with pytest.raises(OutputError, match=rf"^cannot write {tmp_path}/\S+: the disk is full$"):
        output.write_outputs(tmp_path, NEW)
    assert len(calls) == at
    monkeypatch.undo()
    assert _state(tmp_path) == before
    output.write_outputs(tmp_path, NEW)  # and the next write, with room, replaces them all
    assert {name: _state(tmp_path)[name] for name in NEW} == NEW


@pytest.mark.parametrize("links", [True, False], ids=["hard-links", "copies"])
@pytest.mark.parametrize("at", range(1, 7))
def test_a_failing_rename_puts_back_the_files_already_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at: int, links: bool
) -> None:
    output.write_outputs(tmp_path, OLD)
    before = _state(tmp_path)
    if not links:  # a file system without hard links: the previous versions are copied
        monkeypatch.setattr(os, "link", _raises(OSError(errno.EPERM, "Operation not permitted")))
    _fail_at(monkeypatch, Path, "replace", at, OSError(errno.EIO, os.strerror(errno.EIO)))
    with pytest.raises(OutputError, match="Input/output error"):
        output.write_outputs(tmp_path, NEW)
    monkeypatch.undo()
    assert _state(tmp_path) == before


def test_an_interrupt_between_renames_puts_back_the_files_already_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output.write_outputs(tmp_path, OLD)
    before = _state(tmp_path)
    _fail_at(monkeypatch, Path, "replace", 4, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        output.write_outputs(tmp_path, NEW)
    monkeypatch.undo()
    assert _state(tmp_path) == before


def test_files_that_did_not_exist_are_removed_again_when_a_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_at(monkeypatch, Path, "replace", 4, OSError(errno.EIO, os.strerror(errno.EIO)))
    with pytest.raises(OutputError):
        output.write_outputs(tmp_path, OLD)
    monkeypatch.undo()
    assert _state(tmp_path) == {}


def _raises(exc: BaseException) -> Callable[..., Any]:
    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise exc

    return fail


def test_a_read_only_folder_is_named_with_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output.write_outputs(tmp_path, OLD)
    before = _state(tmp_path)
    real = os.open

    def read_only(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(
        OutputError, match=rf"^cannot use {tmp_path}/{output.LOCK}: the disk or folder is read-only$"
    ):
        output.write_outputs(tmp_path, NEW)
    monkeypatch.undo()
    assert _state(tmp_path) == before


def _unshare() -> list[str]:
    """The command prefix of a private mount namespace, or skip the test."""
    unshare = shutil.which("unshare")
    probe = [unshare, "--mount", "--propagation", "private", "true"] if unshare else []
    if not probe or subprocess.run(probe, capture_output=True, check=False).returncode != 0:
        pytest.skip("no private mount namespace here (unshare --mount)")
    return probe[:-1]


def test_a_real_read_only_folder_fails_with_a_message_and_keeps_the_old_files(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    output.write_outputs(folder, OLD)
    before = _state(folder)
    writer = tmp_path / "write.py"
    writer.write_text(
        "import sys\nfrom pathlib import Path\nfrom jamsostek_regs import output\n"
        "from jamsostek_regs.errors import OutputError\n"
        f"try:\n    output.write_outputs(Path(sys.argv[1]), {NEW!r})\n"
        "except OutputError as exc:\n    print(exc)\n    sys.exit(3)\n",
        encoding="utf-8",
    )
    script = (
        f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
        f"{sys.executable} {writer} {folder}"
    )
    result = subprocess.run([*_unshare(), "sh", "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 3, result.stderr
    assert result.stdout == f"cannot use {folder}/{output.LOCK}: the disk or folder is read-only\n"
    assert _state(folder) == before


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "out").write_bytes(b"a file")
    with pytest.raises(
        OutputError, match=rf"^cannot create the folder {tmp_path}/out: a file of that name is in the way$"
    ):
        output.write_outputs(tmp_path / "out", OLD)
    with pytest.raises(
        OutputError, match=rf"^cannot create the folder {tmp_path}/out/r1: part of the path is a file"
    ):
        output.write_outputs(tmp_path / "out" / "r1", OLD)
    assert (tmp_path / "out").read_bytes() == b"a file"


def test_a_name_too_long_for_the_file_system_is_named_and_the_longest_that_fits_is_written(
    tmp_path: Path,
) -> None:
    longest = "r" * 250 + ".docx"  # 255 bytes: the limit of most file systems
    output.write_outputs(tmp_path, {longest: b"x"})
    assert (tmp_path / longest).read_bytes() == b"x"
    too_long = "r" * 251 + ".docx"
    with pytest.raises(OutputError, match=rf"^cannot write {tmp_path}/{too_long}: the name is too long"):
        output.write_outputs(tmp_path, {too_long: b"x"})
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([output.LOCK, output.RECORD, longest])


def test_the_names_of_the_state_files_are_not_outputs(tmp_path: Path) -> None:
    for name in (output.RECORD, output.LOCK):
        with pytest.raises(OutputError, match="jamsostek-regs keeps its own records there"):
            output.write_outputs(tmp_path, {name: b"{}"})
    assert list(tmp_path.iterdir()) == []


def _plant(path: Path, kind: str, elsewhere: Path) -> None:
    """Put ``kind`` at ``path``; links lead into ``elsewhere`` (standing for regions/)."""
    if kind == "link-to-file":
        path.symlink_to(elsewhere / "r1.yaml")
    elif kind == "link-to-nothing":
        path.symlink_to(elsewhere / "created.yaml")
    elif kind == "link-to-folder":
        path.symlink_to(elsewhere, target_is_directory=True)
    elif kind == "link-to-dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        raise AssertionError(kind)


PLANTS = ("link-to-file", "link-to-nothing", "link-to-folder", "link-to-dev-zero", "fifo", "folder")
WORDS = {
    "link-to-file": "a symbolic link",
    "link-to-nothing": "a symbolic link",
    "link-to-folder": "a symbolic link",
    "link-to-dev-zero": "a symbolic link",
    "fifo": "a named pipe",
    "folder": "a folder",
}


@pytest.mark.parametrize("state", [output.LOCK, output.RECORD, "r1.docx"])
@pytest.mark.parametrize("kind", PLANTS)
def test_anything_but_a_regular_file_in_place_of_a_state_file_or_an_output_is_refused(
    tmp_path: Path, state: str, kind: str
) -> None:
    elsewhere, folder = tmp_path / "regions", tmp_path / "out"
    elsewhere.mkdir()
    (elsewhere / "r1.yaml").write_bytes(b"region")
    folder.mkdir()
    _plant(folder / state, kind, elsewhere)
    action = "cannot write" if state in OLD else "cannot use"
    message = rf"^{action} {folder}/{state}: it is {WORDS[kind]}, not a regular file; move it away$"
    for force in (False, True):
        with _no_hang(), pytest.raises(OutputError, match=message):
            output.write_outputs(folder, OLD, force=force)
    assert sorted(p.name for p in elsewhere.iterdir()) == ["r1.yaml"]
    assert (elsewhere / "r1.yaml").read_bytes() == b"region"
    assert [name for name in OLD if name != state and os.path.lexists(folder / name)] == []


def test_a_huge_file_in_place_of_the_record_is_refused_and_in_place_of_the_lock_used(tmp_path: Path) -> None:
    with (tmp_path / output.LOCK).open("wb") as lock:
        lock.truncate(2**40)  # sparse: a terabyte of nothing
    output.write_outputs(tmp_path, OLD)
    with (tmp_path / output.RECORD).open("wb") as record:
        record.truncate(2**40)
    with (
        _no_hang(),
        pytest.raises(OutputError, match=rf"^cannot use {tmp_path}/{output.RECORD}: it is larger"),
    ):
        output.write_outputs(tmp_path, NEW)
    assert {name: (tmp_path / name).read_bytes() for name in OLD} == OLD


@pytest.mark.parametrize("text", [b"not json", b"[1, 2]", b"[" * 100_000])
def test_a_record_that_is_not_one_records_nothing(tmp_path: Path, text: bytes) -> None:
    output.write_outputs(tmp_path, OLD)
    (tmp_path / output.RECORD).write_bytes(text)
    with pytest.raises(OverwriteError):
        output.write_outputs(tmp_path, NEW)
    output.write_outputs(tmp_path, NEW, force=True)
    assert {name: (tmp_path / name).read_bytes() for name in NEW} == NEW


def test_a_folder_named_like_a_temporary_file_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / ".r1.docx.k1ll3d00.tmp").mkdir()
    output.write_outputs(tmp_path, OLD)
    assert (tmp_path / ".r1.docx.k1ll3d00.tmp").is_dir()


def test_create_new_names_the_path_and_the_reason(tmp_path: Path) -> None:
    (tmp_path / "regions").write_bytes(b"a file")
    with pytest.raises(
        OutputError, match=rf"^cannot create the folder {tmp_path}/regions: a file of that name"
    ):
        output.create_new(tmp_path / "regions" / "r1.yaml", b"region")
    with pytest.raises(OverwriteError, match="it exists"):
        output.create_new(tmp_path / "regions", b"region")


def test_a_region_id_as_long_as_a_file_name_allows_is_assembled_and_a_page_name_too_long_is_an_error(
    tmp_path: Path,
) -> None:
    workspace = make_workspace(tmp_path / "ws")
    region = "-".join(["a" * 49] * 5)  # 249 characters: regions/<id>.yaml is 254 bytes long
    shutil.copy(ROOT / "regions" / "lombok-timur.yaml", workspace / "regions" / f"{region}.yaml")
    out = tmp_path / "out"
    code, stdout, _ = run_cli(workspace, "assemble", region, "--format", "docx,html", "--out", str(out))
    assert code == 0 and stdout.count("wrote ") == 2
    code, _, err = run_cli(workspace, "matrix", region, "--format", "html", "-o", str(out / "pages"))
    assert code != 0 and "Traceback" not in err
    assert f"cannot write {out}/pages/{region}.diff.html: the name is too long for the file system" in err
    assert not (out / "pages" / "matrix.html").exists()
