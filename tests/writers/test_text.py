"""Tests for jamsostek_regs.writers.text."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from jamsostek_regs.layout import STYLES, Block, layout
from jamsostek_regs.model import Draft, Meta
from jamsostek_regs.writers import text


def _collapse(value: str) -> str:
    return " ".join(value.split())


def _lines(blocks: Sequence[Block], meta: Meta) -> list[str]:
    return text.write(blocks, meta).decode("utf-8").split("\n")[:-1]


def _expected(blocks: Sequence[Block]) -> list[str]:
    """Collapsed lines every block must print, tables as their pipe rows."""
    lines: list[str] = []
    for block in blocks:
        if block.rows:
            lines += [_collapse(f"| {' | '.join(row)} |") for row in block.rows[:1]]
            lines.append("separator")
            lines += [_collapse(f"| {' | '.join(row)} |") for row in block.rows[1:]]
        elif block.plain():
            lines.append(_collapse(block.plain()))
    return lines


def _printed(blocks: Sequence[Block], meta: Meta) -> list[str]:
    """Collapsed non-empty printed lines, the table separator replaced by a marker."""
    lines = [_collapse(line) for line in _lines(blocks, meta)]
    return ["separator" if set(ln) <= set("|- ") else ln for ln in lines if ln]


def test_fixture_covers_every_style(sample_blocks: tuple[Block, ...]) -> None:
    assert {block.style for block in sample_blocks} == set(STYLES)


def test_every_block_prints_its_plain_text_in_order(
    sample_blocks: tuple[Block, ...], sample_meta: Meta
) -> None:
    assert _printed(sample_blocks, sample_meta) == _expected(sample_blocks)


def test_output_is_utf8_with_lf_and_final_newline(
    sample_blocks: tuple[Block, ...], sample_meta: Meta
) -> None:
    data = text.write(sample_blocks, sample_meta)
    assert data.endswith(b"\n")
    assert not data.endswith(b"\n\n")
    assert b"\r" not in data
    data.decode("utf-8")


def test_write_is_deterministic(sample_blocks: tuple[Block, ...], sample_meta: Meta) -> None:
    assert text.write(sample_blocks, sample_meta) == text.write(sample_blocks, sample_meta)


def test_centred_styles_are_centred_unless_too_long(sample_meta: Meta) -> None:
    long = "X " * 40
    blocks = [Block("Judul", "RANCANGAN"), Block("PasalNomor", "Pasal 1"), Block("Judul", long)]
    lines = _lines(blocks, sample_meta)
    assert lines[0] == " " * 31 + "RANCANGAN"
    assert lines[-1] == long.strip()
    assert all(len(line) <= 72 for line in lines[:-1])


def test_pembukaan_rows_align_under_the_label(sample_meta: Meta) -> None:
    blocks = [
        Block("Pembukaan", "bahwa satu;", "a.", lead="Menimbang"),
        Block("Pembukaan", "bahwa dua;", "b."),
        Block("Pembukaan", "Undang-Undang;", "1.", lead="Mengingat"),
        Block("Diktum", "MEMUTUSKAN:"),
        Block("Pembukaan", "PERATURAN BUPATI.", lead="Menetapkan"),
    ]
    assert _lines(blocks, sample_meta) == [
        "Menimbang  : a. bahwa satu;",
        "             b. bahwa dua;",
        "",
        "Mengingat  : 1. Undang-Undang;",
        "",
        " " * 30 + "MEMUTUSKAN:",
        "",
        "Menetapkan : PERATURAN BUPATI.",
    ]


def test_indents_and_blank_lines(sample_meta: Meta) -> None:
    blocks = [
        Block("PasalNomor", "Pasal 2"),
        Block("Ayat", "Iuran:", "(1)"),
        Block("Rincian1", "satu;", "a."),
        Block("Rincian2", "dua;", "1."),
        Block("Rincian3", "tiga;", "a)"),
        Block("Rincian4", "empat.", "1)"),
        Block("Penutup", "Mulai berlaku."),
        Block("TtdKanan", "BUPATI,"),
        Block("TtdKanan"),
        Block("TtdKanan", "NAMA"),
        Block("TtdKiri", "Diundangkan"),
        Block("BeritaDaerah", "BERITA DAERAH"),
    ]
    assert _lines(blocks, sample_meta) == [
        " " * 32 + "Pasal 2",
        "(1) Iuran:",
        "    a. satu;",
        "        1. dua;",
        "            a) tiga;",
        "                1) empat.",
        "",
        "Mulai berlaku.",
        "",
        " " * 36 + "BUPATI,",
        "",
        " " * 36 + "NAMA",
        "",
        "Diundangkan",
        "",
        "BERITA DAERAH",
    ]


def test_page_break_and_lampiran(sample_meta: Meta) -> None:
    blocks = [
        Block("BeritaDaerah", "BERITA DAERAH"),
        Block("LampiranKepala", "LAMPIRAN", anchor="lampiran_1", page_break=True),
        Block("LampiranKepala", "PERATURAN BUPATI", anchor="lampiran_1"),
        Block("LampiranJudul", "TATA CARA"),
        Block("LampiranIsi", "Isi.", "A."),
    ]
    assert _lines(blocks, sample_meta) == [
        "BERITA DAERAH",
        "\f",
        " " * 36 + "LAMPIRAN",
        " " * 36 + "PERATURAN BUPATI",
        "",
        " " * 31 + "TATA CARA",
        "A. Isi.",
    ]


def test_table_is_aligned_pipe_rows(sample_meta: Meta) -> None:
    rows = (("No", "Program"), ("1", "Jaminan | Kematian"), ("2",))
    blocks = [Block("PasalIsi", "Tabel:"), Block("Tabel", rows=rows)]
    assert _lines(blocks, sample_meta) == [
        "Tabel:",
        "",
        "| No  | Program            |",
        "| --- | ------------------ |",
        "| 1   | Jaminan | Kematian |",
        "| 2   |                    |",
    ]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])))
def test_any_text_stays_on_one_line(value: str) -> None:
    meta = Meta("x", "kota", "Kota X", "T", "s", "1")
    blocks = [Block("Judul", "A"), Block("Rincian2", value, "1."), Block("Judul", "B")]
    printed = _lines(blocks, meta)
    assert len(printed) == 3
    assert _collapse(printed[1]) == _collapse(blocks[1].plain())


def test_render_goes_through_layout(sample_draft: Draft) -> None:
    expected = text.write(layout(sample_draft), sample_draft.meta)
    assert text.render(sample_draft) == expected
    assert "Ketentuan sebagaimana dimaksud dalam Pasal 1 berlaku." in expected.decode()
