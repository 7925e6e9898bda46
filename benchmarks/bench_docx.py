"""Time the DOCX writer on a realistic ~30-page draft (about 600 blocks).

Usage: ``python benchmarks/bench_docx.py``; prints the median of 50 runs of
:func:`jamsostek_regs.writers.docx.write` in milliseconds (target: at most 15 ms).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jamsostek_regs.layout import Block
from jamsostek_regs.model import Meta
from jamsostek_regs.writers.docx import write

RUNS = 50
SENTENCE = (
    "Pemerintah Daerah mendorong setiap pemberi kerja dan pekerja bukan penerima upah untuk "
    "mendaftarkan diri dalam program jaminan sosial ketenagakerjaan sesuai dengan ketentuan "
    "peraturan perundang-undangan"
)
META = Meta("kab-contoh", "kabupaten", "Contoh", "Optimalisasi Jamsostek", "jamsostek", "1")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def opening() -> Iterator[Block]:
    yield from (Block("Judul", t) for t in ("PERATURAN BUPATI CONTOH", "NOMOR ... TAHUN 2024"))
    yield Block("Judul", "TENTANG")
    yield Block("Judul", "OPTIMALISASI PELAKSANAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN")
    yield Block("Frasa", "DENGAN RAHMAT TUHAN YANG MAHA ESA")
    yield Block("Jabatan", "BUPATI CONTOH,")
    for lead, count in (("Menimbang", 4), ("Mengingat", 12)):
        for i in range(count):
            label = f"{chr(97 + i)}." if lead == "Menimbang" else f"{i + 1}."
            yield Block("Pembukaan", f"{SENTENCE};", label, lead if i == 0 else "")
    yield Block("Diktum", "MEMUTUSKAN:")
    yield Block("Pembukaan", "PERATURAN BUPATI TENTANG OPTIMALISASI JAMSOSTEK.", lead="Menetapkan")


def pasal(number: int, anchor: str) -> Iterator[Block]:
    yield Block("PasalNomor", f"Pasal {number}", anchor=f"{anchor}__pasal_{number}")
    for ayat in range(1, 4):
        yield Block("Ayat", f"{SENTENCE}:", f"({ayat})", anchor=f"{anchor}__pasal_{number}__{ayat}")
        for item in range(3):
            yield Block("Rincian1", f"{SENTENCE[:80]};", f"{chr(97 + item)}.")
        yield Block("Rincian2", f"{SENTENCE[:60]}; dan", "1.")


def body() -> Iterator[Block]:
    number = 0
    for bab, roman in enumerate(ROMAN, 1):
        yield Block("BabNomor", f"BAB {roman}", anchor=f"bab_{bab}")
        yield Block("BabJudul", "KETENTUAN UMUM")
        for bagian in range(1, 3):
            yield Block("BagianNomor", f"Bagian Ke-{bagian}", anchor=f"bab_{bab}__bagian_{bagian}")
            yield Block("BagianJudul", "Pendanaan")
            for _ in range(2):
                number += 1
                yield from pasal(number, f"bab_{bab}__bagian_{bagian}")
    yield Block("PasalIsi", f"{SENTENCE}.")


def closing() -> Iterator[Block]:
    yield Block("Penutup", f"Agar setiap orang mengetahuinya, {SENTENCE}.")
    for style in ("TtdKanan", "TtdKiri"):
        for line in ("Ditetapkan di Contoh", "pada tanggal ...", "BUPATI CONTOH,", "", "", "NAMA"):
            yield Block(style, line)
    yield Block("BeritaDaerah", "BERITA DAERAH KABUPATEN CONTOH TAHUN 2024 NOMOR ...")
    yield Block("LampiranKepala", "LAMPIRAN", anchor="lampiran_1", page_break=True)
    for line in ("PERATURAN BUPATI CONTOH", "NOMOR ... TAHUN 2024", "TENTANG", "OPTIMALISASI"):
        yield Block("LampiranKepala", line)
    yield Block("LampiranJudul", "DAFTAR SASARAN KEPESERTAAN")
    yield Block("LampiranIsi", f"{SENTENCE}.", "A.")
    header = ("No.", "Kelompok Pekerja", "Perangkat Daerah", "Target")
    rows = [(f"{i}.", f"Kelompok {i}", "Dinas Tenaga Kerja", f"{i * 100}") for i in range(1, 21)]
    yield Block("Tabel", rows=(header, *rows))
    yield from (Block("TtdKanan", line) for line in ("BUPATI CONTOH,", "", "", "NAMA"))


def blocks() -> list[Block]:
    """A synthetic draft of about 600 blocks (about 30 F4 pages)."""
    return [*opening(), *body(), *closing()]


def main() -> None:
    draft = blocks()
    write(draft, META)  # warm up: reads the reference document once
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        write(draft, META)
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(f"docx.write: {len(draft)} blocks, median {median:.2f} ms over {RUNS} runs")


if __name__ == "__main__":
    main()
