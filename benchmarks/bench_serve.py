"""Time the workbench: start-up of ``jamsostek-regs serve`` and the server time of one preview.

Usage: ``python benchmarks/bench_serve.py``; prints

* start-up: the median of 5 fresh ``serve`` processes, from launch until the address is
  printed (the server listens then; target under 1 s);
* preview: the median of 50 live-preview requests for Lombok Timur's form (the form's values
  checked, drafted, linted and rendered as the HTML view: the ``ms`` the server reports, its
  own time for the request), and the same for the largest region (target under 50 ms).

Needs the test extras (Starlette's test client); the server runs on a copy of the project.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from starlette.testclient import TestClient

from jamsostek_regs.web import create_app
from jamsostek_regs.workspace import Workspace
from tests.web.formkit import form_of, quoted, token, with_value

ROOT = Path(__file__).resolve().parent.parent
STARTS = 5
PREVIEWS = 50


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_up(project: Path) -> float:
    """Seconds from launching ``serve`` until it prints its address."""
    port = str(_free_port())
    command = [sys.executable, "-m", "jamsostek_regs", "-C", str(project), "serve", "--port", port]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        took = time.perf_counter() - started
        assert "http://127.0.0.1:" in line, line
        process.terminate()
        process.wait(timeout=10)
    return took


def previews(project: Path, region_id: str) -> list[float]:
    """The server's own milliseconds of :data:`PREVIEWS` live previews of ``region_id``."""
    client = TestClient(create_app(Workspace(project)), base_url="http://127.0.0.1")
    csrf = token(client)
    pairs = with_value(form_of(client, region_id), "csrf", csrf)
    body = "&".join(f"{quoted(n)}={quoted(v)}" for n, v in pairs)
    headers = {"content-type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf}
    times = []
    for _ in range(PREVIEWS + 3):
        answer = client.post(f"/daerah/{region_id}/pratinjau", content=body, headers=headers).json()
        assert answer["html"] and not answer["problems"], answer["problems"]
        times.append(float(answer["ms"]))
    return times[3:]  # the first ones warm the caches


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        shutil.copytree(ROOT / "regions", project / "regions")
        shutil.copytree(ROOT / "templates", project / "templates")
        starts = [start_up(project) for _ in range(STARTS)]
        print(f"start-up (address printed): median {statistics.median(starts) * 1000:.0f} ms of {STARTS}")
        for region_id in ("lombok-timur", "lahat"):
            times = previews(project, region_id)
            print(
                f"preview {region_id}: median {statistics.median(times):.1f} ms, "
                f"max {max(times):.1f} ms of {PREVIEWS} (server time)"
            )


if __name__ == "__main__":
    main()
