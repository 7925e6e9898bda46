"""Nothing lost: a killed or failing build leaves the previous good output intact.

The kill test runs real ``assemble`` processes and SIGKILLs them as soon as they start
writing (a temporary file appears, or an output changes), plus a few microseconds of random
delay. A killed process cannot delete its own temporary file; the next build removes the
ones it owns (see :mod:`jamsostek_regs.output`), which is tested here too.

Nor is anything read lost: whatever is planted in an output folder (links into regions/ and
templates/ or to /dev/zero, a link loop, a hard link to a region file, a named pipe, a huge
file, a folder) in place of the folder, its state files or the file to write, no writing
command changes anything under regions/ or templates/ (paths, sizes, mtimes, sha256), hangs,
or crashes.
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jamsostek_regs import output
from jamsostek_regs.errors import OverwriteError
from tests.conftest import ROOT
from tests.regionkit import make_workspace, run_cli

REGION_IDS = [f"r{i}" for i in range(1, 5)]
ALL_FORMATS = ("--format", "docx,md,html,txt")


def _workspace(root: Path, head: str) -> Path:
    workspace = make_workspace(root)
    source = (ROOT / "regions" / "lombok-timur.yaml").read_text(encoding="utf-8")
    for region_id in REGION_IDS:
        text = source.replace("name: Haerul Warisin", f"name: {head}")
        (workspace / "regions" / f"{region_id}.yaml").write_text(text, encoding="utf-8")
    return workspace


def _set_head(workspace: Path, old: str, new: str) -> None:
    for path in (workspace / "regions").iterdir():
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"name: {old}", f"name: {new}"), encoding="utf-8")


def _command(workspace: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "jamsostek_regs", "-C", str(workspace), "assemble", "--all", *ALL_FORMATS,
            "--out", str(out)]  # fmt: skip


def _build(workspace: Path, out: Path) -> None:
    result = subprocess.run(_command(workspace, out), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def _outputs(out: Path) -> dict[str, bytes]:
    """Every visible output file under ``out``, by relative path."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def _temps(out: Path) -> list[Path]:
    return sorted(out.rglob("*.tmp"))


def _mtimes(out: Path, old: dict[str, bytes]) -> dict[str, int]:
    return {rel: (out / rel).stat().st_mtime_ns for rel in old}


def _kill_when_writing(workspace: Path, out: Path, old: dict[str, bytes], rng: random.Random) -> bool:
    """Start a build, SIGKILL it once it writes; whether the kill came while it was writing."""
    before, stale = _mtimes(out, old), set(_temps(out))  # temporary files earlier kills left
    process = subprocess.Popen(_command(workspace, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    started = False
    while process.poll() is None and time.monotonic() < deadline:
        if set(_temps(out)) - stale or _mtimes(out, old) != before:
            started = True
            break
    time.sleep(rng.uniform(0, 0.1))
    process.send_signal(signal.SIGKILL)
    process.wait()
    return started and process.returncode == -signal.SIGKILL


def test_killing_builds_midway_leaves_each_file_old_or_new_and_the_next_build_clean(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "ws", "Pejabat Lama")
    out, reference = tmp_path / "out", tmp_path / "reference"
    _build(workspace, out)
    old = _outputs(out)
    assert len(old) == 4 * len(REGION_IDS)
    _set_head(workspace, "Pejabat Lama", "Pejabat Baru")
    _build(workspace, reference)
    new = _outputs(reference)
    assert all(new[rel] != old[rel] for rel in old if rel.endswith(".txt"))

    rng = random.Random(3)
    hits = 0
    for _ in range(6):
        hits += _kill_when_writing(workspace, out, old, rng)
        now = _outputs(out)
        assert set(now) == set(old)
        for rel, data in now.items():
            assert data in (old[rel], new[rel]), f"{rel} is neither the previous nor the new output"
    assert hits >= 3, "the builds finished before they could be killed while writing"

    _build(workspace, out)  # no --force: the record still knows every file the killed builds left
    assert _outputs(out) == new
    assert _temps(out) == []


def test_sigterm_midway_leaves_each_file_old_or_new_and_no_temporary_file(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "ws", "Pejabat Lama")
    out, reference = tmp_path / "out", tmp_path / "reference"
    _build(workspace, out)
    old = _outputs(out)
    _set_head(workspace, "Pejabat Lama", "Pejabat Baru")
    _build(workspace, reference)
    new = _outputs(reference)
    terminated = 0
    for _ in range(6):
        process = subprocess.Popen(
            _command(workspace, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while process.poll() is None and not _temps(out) and time.monotonic() < deadline:
            pass
        process.send_signal(signal.SIGTERM)
        terminated += process.wait() == 128 + signal.SIGTERM
        assert _temps(out) == [], "a terminated build removes its temporary files"
        assert all(data in (old[rel], new[rel]) for rel, data in _outputs(out).items())
    assert terminated >= 3, "the builds finished before they could be terminated while writing"


def test_next_build_removes_the_temporary_files_it_owns_and_only_those(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "ws", "Pejabat")
    out = tmp_path / "out"
    _build(workspace, out)
    folder = out / "r1"
    owned = [folder / ".r1.docx.k1ll3d00.tmp", folder / f".{output.RECORD}.abcd1234.tmp"]
    foreign = [folder / ".catatan.txt.abcd1234.tmp", folder / "r1.tmp", out / ".r1.docx.k1ll3d00.tmp"]
    for path in owned + foreign:
        path.write_bytes(b"partial")
    _build(workspace, out)
    assert [p for p in owned if p.exists()] == []
    assert all(p.read_bytes() == b"partial" for p in foreign)


def test_a_failing_build_leaves_the_previous_output_untouched(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "ws", "Pejabat")
    out = tmp_path / "out"
    _build(workspace, out)
    old = _outputs(out)
    region = workspace / "regions" / "r4.yaml"
    region.write_text(region.read_text(encoding="utf-8").replace("village_unit: desa", "village_unit: dessa"))
    result = subprocess.run(_command(workspace, out), capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "regions/r4.yaml:" in result.stderr and "did you mean 'desa'" in result.stderr
    assert _outputs(out) == old
    assert _temps(out) == []


def test_a_reader_gone_from_stdout_does_not_stop_the_writes(tmp_path: Path) -> None:
    """``assemble --all | head -1``: here the pipe is closed before the first line, every time."""
    workspace = _workspace(tmp_path / "ws", "Pejabat")
    out = tmp_path / "out"
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run(
            _command(workspace, out), stdout=write, stderr=subprocess.PIPE, text=True, check=False
        )
    finally:
        os.close(write)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert len(_outputs(out)) == 4 * len(REGION_IDS)


def test_a_full_disk_leaves_every_format_of_a_region_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (``os.fsync`` failing with ENOSPC at the 3rd file) stops the region whole."""
    workspace = _workspace(tmp_path / "ws", "Pejabat Lama")
    out = tmp_path / "out"
    _build(workspace, out)
    old = _outputs(out)
    _set_head(workspace, "Pejabat Lama", "Pejabat Baru")
    real, calls = os.fsync, []

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:  # r1's record, r1.docx, then r1.md
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    code, _, err = run_cli(workspace, "assemble", "r1", *ALL_FORMATS, "--out", str(out))
    assert code != 0 and err.endswith(f"cannot write {out}/r1/r1.md: the disk is full\n")
    assert "Traceback" not in err
    assert _outputs(out) == old and _temps(out) == []


def test_a_write_killed_between_renames_leaves_a_record_the_next_write_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"a.txt": b"old a", "b.txt": b"old b"}
    output.write_outputs(tmp_path, files)
    real = Path.replace
    calls: list[Path] = []

    def dies_after_the_first_file(self: Path, target: Path) -> Path:
        calls.append(target)
        if len(calls) == 3:  # the pending record, a.txt, then b.txt: die before b.txt
            raise KeyboardInterrupt
        return real(self, target)

    monkeypatch.setattr(Path, "replace", dies_after_the_first_file)
    monkeypatch.setattr(output, "_put_back", lambda *_: None)  # a killed process puts nothing back
    with pytest.raises(KeyboardInterrupt):
        output.write_outputs(tmp_path, {"a.txt": b"new a", "b.txt": b"new b"})
    monkeypatch.undo()
    assert [p.name for p in calls] == [output.RECORD, "a.txt", "b.txt"]
    assert (tmp_path / "a.txt").read_bytes() == b"new a" and (tmp_path / "b.txt").read_bytes() == b"old b"
    output.write_outputs(tmp_path, {"a.txt": b"newer a", "b.txt": b"newer b"})  # no OverwriteError
    assert (tmp_path / "b.txt").read_bytes() == b"newer b"
    (tmp_path / "b.txt").write_bytes(b"edited by hand")
    with pytest.raises(OverwriteError):
        output.write_outputs(tmp_path, {"b.txt": b"newest b"})


def test_lock_and_record_are_the_only_extra_files(tmp_path: Path) -> None:
    output.write_outputs(tmp_path, {"a.txt": b"a"})
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([output.LOCK, output.RECORD, "a.txt"])
    assert (tmp_path / output.LOCK).stat().st_size == 0


def test_outputs_get_the_permissions_of_new_files(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        output.write_outputs(tmp_path, {"a.txt": b"a"})
        output.create_new(tmp_path / "b.txt", b"b")
    finally:
        os.umask(previous)
    assert [stat.S_IMODE((tmp_path / n).stat().st_mode) for n in ("a.txt", "b.txt")] == [0o644, 0o644]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace of its own (templates copied) with regions r1 and r2: only ever read."""
    workspace = make_workspace(tmp_path_factory.mktemp("inputs") / "ws", copy_standard=True)
    source = (ROOT / "regions" / "lombok-timur.yaml").read_text(encoding="utf-8")
    for region_id in ("r1", "r2"):
        (workspace / "regions" / f"{region_id}.yaml").write_text(source, encoding="utf-8")
    return workspace


def _snapshot(workspace: Path) -> dict[str, tuple[str, int, int, str]]:
    """Every path under regions/ and templates/: its kind, size, mtime and sha256 (files)."""
    seen = {}
    for top in ("regions", "templates"):
        for folder, names, files in os.walk(workspace / top):
            for name in [*names, *files, ""]:
                path = Path(folder, name)
                info = path.lstat()
                digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else ""
                kind = stat.filemode(info.st_mode)[0]
                seen[path.relative_to(workspace).as_posix()] = (kind, info.st_size, info.st_mtime_ns, digest)
    return seen


@pytest.mark.parametrize(
    "command",
    [
        # --format given: a suffix that names no format is refused before the guard is reached
        ("diff", "r1", "r2", "--format", "text", "-o", "{ws}/regions/r1.yaml", "--force"),
        (
            "matrix",
            "r1",
            "--format",
            "csv",
            "-o",
            "{ws}/templates/kemendagri_standard/manifest.yaml",
            "--force",
        ),
        ("matrix", "r1", "--format", "html", "-o", "{ws}/templates/halaman", "--force"),
        ("assemble", "r1", "--out", "{ws}/regions", "--force"),
        ("export", "r1", "-o", "{ws}/templates/drafts.zip", "--force"),
    ],
)
def test_no_command_writes_into_the_region_files_or_the_templates(
    inputs: Path, command: tuple[str, ...]
) -> None:
    before = _snapshot(inputs)
    code, _, err = run_cli(inputs, *(part.format(ws=inputs) for part in command))
    assert code != 0 and "is inside an input folder" in err
    assert _snapshot(inputs) == before


#: Each writing command: its arguments (``{out}``: the output folder), the folder under
#: ``{out}`` its files go in, and the file it writes there.
WRITERS = {
    "assemble": (("assemble", "r1", "--format", "txt", "--out", "{out}", "--force"), "r1", "r1.txt"),
    "export": (("export", "r1", "-j", "1", "-o", "{out}/drafts.zip", "--force"), "", "drafts.zip"),
    "diff": (("diff", "r1", "r2", "-o", "{out}/d.txt", "--force"), "", "d.txt"),
    "matrix": (("matrix", "r1", "r2", "-o", "{out}/m.csv", "--force"), "", "m.csv"),
    "matrix-html": (
        ("matrix", "r1", "--format", "html", "-o", "{out}/pages", "--force"),
        "pages",
        "matrix.html",
    ),
}
#: Where something is planted: the output folder itself, a state file, the file to write.
PLACES = ("folder", output.LOCK, output.RECORD, "file")
#: What is planted (links into the inputs, to a file, to a region file not there yet, to folders).
PLANTS = {
    "link-to-region": lambda ws: ws / "regions" / "r1.yaml",
    "link-to-new-region": lambda ws: ws / "regions" / "new.yaml",
    "link-to-template": lambda ws: ws / "templates" / "kemendagri_standard" / "manifest.yaml",
    "link-to-regions": lambda ws: ws / "regions",
    "link-to-templates": lambda ws: ws / "templates",
    "link-to-dev-zero": lambda _ws: Path("/dev/zero"),
    "link-to-itself": None,
    "hard-link-to-region": None,
    "fifo": None,
    "huge-file": None,
    "folder": None,
}
#: Seconds a command may take here before it counts as hung.
PATIENCE = 30


def _plant(path: Path, kind: str, workspace: Path) -> None:
    target = PLANTS[kind]
    if target is not None:
        path.symlink_to(target(workspace))
    elif kind == "link-to-itself":
        path.symlink_to(path.name)
    elif kind == "hard-link-to-region":
        path.hardlink_to(workspace / "regions" / "r2.yaml")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "huge-file":
        with path.open("wb") as handle:
            handle.truncate(2**40)  # sparse: a terabyte of nothing
    else:
        path.mkdir()


def _alarm(_signum: int, _frame: object) -> None:
    raise TimeoutError(f"the command hung for {PATIENCE} s")


@pytest.mark.parametrize("kind", PLANTS)
@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("writer", WRITERS)
def test_nothing_planted_in_an_output_folder_makes_a_command_touch_the_inputs_hang_or_crash(
    inputs: Path, tmp_path: Path, writer: str, place: str, kind: str
) -> None:
    args, subfolder, name = WRITERS[writer]
    out = tmp_path / "out"
    folder = out / subfolder
    planted = folder if place == "folder" else folder / (name if place == "file" else place)
    planted.parent.mkdir(parents=True, exist_ok=True)
    _plant(planted, kind, inputs)
    before = _snapshot(inputs)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(PATIENCE)
    try:
        code, _, err = run_cli(inputs, *(part.format(out=out) for part in args))  # re-raises a crash
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert _snapshot(inputs) == before
    assert "Traceback" not in err
    if code != 0:
        assert "error: " in err.lower() and str(planted) in err, err
