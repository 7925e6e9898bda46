"""Word-level differences: Indonesian tokens, punctuation kept, both texts recoverable."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from jamsostek_regs.diff.words import Op, ops, side, tokens


def test_tokens_keep_words_whole_and_punctuation_apart() -> None:
    text = "Undang-Undang Nomor 842.2/5193/SJ, dan/atau Rp1.000,00 bagi Pekerjanya; (1) diundangkan."
    assert [t for t in tokens(text) if not t.isspace()] == [
        "Undang-Undang",
        "Nomor",
        "842.2/5193/SJ",
        ",",
        "dan/atau",
        "Rp1.000,00",
        "bagi",
        "Pekerjanya",
        ";",
        "(",
        "1",
        ")",
        "diundangkan",
        ".",
    ]
    assert "".join(tokens(text)) == text


def test_a_changed_name_is_one_replacement_not_word_by_word() -> None:
    assert ops("BUPATI LOMBOK TIMUR,", "BUPATI REJANG LEBONG,") == (
        Op("equal", "BUPATI "),
        Op("delete", "LOMBOK TIMUR"),
        Op("insert", "REJANG LEBONG"),
        Op("equal", ","),
    )


def test_only_the_changed_punctuation_is_marked() -> None:
    assert ops("pekerja rentan;", "pekerja rentan; dan") == (
        Op("equal", "pekerja rentan;"),
        Op("insert", " dan"),
    )


def test_long_repetitive_lists_are_not_one_big_replacement() -> None:
    items = [f"Undang-Undang Nomor {n} Tahun 2011 tentang Hal {n};" for n in range(300)]
    before, after = " ".join(items), " ".join([*items[:150], "Sisipan;", *items[150:]])
    [changed] = [op for op in ops(before, after) if op.op != "equal"]
    assert changed.op == "insert"
    assert sorted(changed.text) == sorted("Sisipan; ")


_TEXT = st.text(st.sampled_from("ab ,.;-/()Ddan"), max_size=40)


@given(a=_TEXT, b=_TEXT)
def test_both_texts_come_back_from_the_operations(a: str, b: str) -> None:
    run = ops(a, b)
    assert side(run, "a") == a
    assert side(run, "b") == b
    assert all(op.text for op in run)
    assert all(x.op != y.op for x, y in itertools.pairwise(run))
