"""Make the screenshots in ``docs/screenshots/``: the Lombok Timur PDF and the diff and matrix pages.

Three pages of the PDF that ``assemble --format pdf`` writes (LibreOffice), rendered with
poppler's ``pdftoppm``: page 1 (judul and Menimbang), the first page with the definitions of
Pasal 1 (numbers 10 and on clear of their text), and the signature page (room to sign, the
penutup kept with the signatures); and the first screen of the HTML diff of Lombok Timur
against the standard and of the matrix of every region, taken by headless Chromium (the
browser the tests use). They show the serif text (TeX Gyre Bonum or URW Bookman standing in for
Bookman Old Style), the room to sign and the Indonesian labels.

Usage: ``python tools/make_screenshots.py [OUTPUT_FOLDER]`` from the repository root, with
LibreOffice, poppler-utils, Chromium and fonts-texgyre installed (``scripts/test.sh`` installs
them). The PNG files are replaced; nothing else is written outside a temporary folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "screenshots"
REGION = "lombok-timur"
#: Resolution of the PDF pages (dots per inch) and the browser window (pixels).
DPI = 70
WINDOW = "1280,1100"


def run(*command: str | Path, ok: tuple[int, ...] = (0,)) -> str:
    """Run ``command`` (failing loudly unless it exits with a code in ``ok``); its standard output."""
    done = subprocess.run([str(c) for c in command], cwd=ROOT, capture_output=True, text=True, timeout=300)
    if done.returncode not in ok:
        raise SystemExit(f"{command[0]} failed: {done.stderr[-2000:]}")
    return done.stdout


def cli(*args: str | Path) -> None:
    """Run ``jamsostek-regs ARGS`` on this checkout (exit 1 is a diff that found changes)."""
    run(sys.executable, "-m", "jamsostek_regs", "-C", ROOT, *args, ok=(0, 1))


def page_count(pdf: Path) -> int:
    info = run("pdfinfo", pdf)
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def first_page(pdf: Path, words: str) -> int:
    """The number of the first page whose text holds ``words``."""
    for number in range(1, page_count(pdf) + 1):
        text = " ".join(run("pdftotext", "-f", str(number), "-l", str(number), pdf, "-").split())
        if words in text:
            return number
    raise SystemExit(f"no page of {pdf} holds {words!r}")


def pdf_page(pdf: Path, number: int, target: Path) -> None:
    """Page ``number`` of ``pdf`` as the PNG ``target``."""
    stem = target.with_suffix("")
    run("pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-f", str(number), "-l", str(number), pdf, stem)


def browser_shot(page: Path, target: Path, profile: Path) -> None:
    """The first screen of the HTML ``page`` as the PNG ``target``."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("Chromium is needed for the screenshots of the HTML pages")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
    run(
        chromium,
        *flags,
        f"--user-data-dir={profile}",
        f"--window-size={WINDOW}",
        f"--screenshot={target}",
        page.as_uri(),
    )


def main(argv: list[str]) -> None:
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cli("assemble", REGION, "--format", "pdf", "-o", work / "build", "-q")
        pdf = work / "build" / REGION / f"{REGION}.pdf"
        pdf_page(pdf, 1, output / f"{REGION}-halaman-1.png")
        pdf_page(pdf, first_page(pdf, "10. Pekerja adalah"), output / f"{REGION}-definisi.png")
        pdf_page(pdf, first_page(pdf, "Ditetapkan di"), output / f"{REGION}-tanda-tangan.png")
        cli("diff", "standard", REGION, "-o", work / "diff.html")
        browser_shot(work / "diff.html", output / "diff.png", work / "profile")
        cli("matrix", "-o", work / "matrix", "-q")
        browser_shot(work / "matrix" / "matrix.html", output / "matrix.png", work / "profile")
    for png in sorted(output.glob("*.png")):
        print(f"wrote {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}")


if __name__ == "__main__":
    main(sys.argv)
