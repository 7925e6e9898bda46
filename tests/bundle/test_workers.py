"""Batch workers end with their parent: a SIGKILLed ``export`` or ``matrix`` leaves no process
behind, and whoever reads its output sees the end of it (see :mod:`jamsostek_regs.bundle.pool`).

The command runs in its own process group; the test looks for the group's live processes in
``/proc`` (zombies are dead: they only wait for whoever adopted them to reap them).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: Synthetic regions: enough for each of two workers to build for seconds (``export`` builds
#: them all, ``matrix`` the first :data:`MATRIX_REGIONS`, each taking longer).
REGIONS = 400
MATRIX_REGIONS = 200
#: CPU seconds after which a pool worker is surely past its start and building.
BUSY = 1.0
#: Seconds the workers of a killed command may take to end.
GRACE = 5

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _alive(group: int) -> dict[int, float]:
    """The live processes of process group ``group``: pid -> CPU seconds used."""
    alive = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended meanwhile
            continue
        state, group_id, ticks = fields[0], int(fields[2]), int(fields[11]) + int(fields[12])
        if group_id == group and state not in "ZX":
            alive[int(entry.name)] = ticks / os.sysconf("SC_CLK_TCK")
    return alive


def _busy_workers(process: subprocess.Popen[bytes]) -> list[int]:
    """The processes of ``process``'s group but itself that have worked a while: the pool
    workers (the resource tracker of a spawn pool only waits)."""
    return [pid for pid, cpu in _alive(process.pid).items() if pid != process.pid and cpu >= BUSY]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from synthetic import make_workspace
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    workspace = tmp_path_factory.mktemp("synthetic")
    return workspace, make_workspace(workspace, count=REGIONS, seed=7)


@pytest.mark.parametrize(
    "command",
    [
        ("export", "--all", "-j", "2", "-o", "{out}/drafts.zip"),
        ("matrix", "--jobs", "2", "-o", "{out}/m.csv", "{some}"),
    ],
    ids=["export", "matrix"],
)
def test_killing_a_batch_kills_its_workers_and_closes_its_pipes(
    synthetic: tuple[Path, list[str]], tmp_path: Path, command: tuple[str, ...]
) -> None:
    workspace, ids = synthetic
    args = [sys.executable, "-m", "jamsostek_regs", "-C", str(workspace)]
    for part in command:
        args += ids[:MATRIX_REGIONS] if part == "{some}" else [part.format(out=tmp_path)]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(_busy_workers(process)) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the batch ended before it could be killed"
    assert len(_busy_workers(process)) == 2, f"expected 2 busy workers: {_alive(process.pid)}"
    _kill_and_expect_no_survivor(process)


def _kill_and_expect_no_survivor(process: subprocess.Popen[bytes]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + GRACE
    while _alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = _alive(process.pid)
    if survivors:  # end them before failing: a test leaves no process behind either
        os.killpg(process.pid, signal.SIGKILL)
    assert survivors == {}, "processes of the killed batch are still running"
    _out, err = process.communicate(timeout=GRACE)  # the pipes are closed: nobody holds them
    assert b"Traceback" not in err


#: A parent starting two pool workers, telling when they run, and waiting to be killed.
#: Its ``sys.platform`` (which forked workers inherit) is not Linux: no ``prctl``.
ELSEWHERE = """\
import sys, time
from jamsostek_regs.bundle import pool
sys.platform = "elsewhere"
with pool.executor(2) as workers:
    list(workers.map(time.sleep, [0.2, 0.2]))
    print("running", flush=True)
    time.sleep(60)
"""


def test_where_there_is_no_prctl_the_workers_watch_their_parent() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", ELSEWHERE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert process.stdout is not None and process.stdout.readline() == b"running\n"
    assert len(_alive(process.pid)) == 3  # it and its two workers
    _kill_and_expect_no_survivor(process)
