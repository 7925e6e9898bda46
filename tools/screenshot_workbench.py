"""Take the README's screenshot of the workbench: ``python tools/screenshot_workbench.py``.

Starts ``jamsostek-regs serve`` on a copy of this project's regions and standard (nothing in
the project is written), opens Lombok Timur's form in Debian's Chromium through Playwright
(no browser download), types into a field so the live preview runs, and writes
``docs/workbench.png``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shutil.copytree(ROOT / "regions", work / "regions")
        shutil.copytree(ROOT / "templates", work / "templates")
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "jamsostek_regs", "-C", str(work), "serve", "--port", str(port)]
        server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None
            server.stdout.readline()  # the address: the server is listening
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/daerah/lombok-timur")
                page.fill('[name="capital"]', "Selong")
                page.locator("#status", has_text="server").wait_for()  # the page's CSP forbids eval
                time.sleep(0.3)
                page.screenshot(path=str(ROOT / "docs" / "workbench.png"))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
