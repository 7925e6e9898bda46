"""Scope.matches: one fast pass over joined texts finds exactly what a search of each text finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jamsostek_regs.lint import rules_bilangan, rules_muatan, rules_rujukan
from jamsostek_regs.lint.context import scope
from jamsostek_regs.lint.text import phrases_in
from jamsostek_regs.model import Node

#: Patterns the rules search with ``Scope.matches``, and the shapes of the others (a lookaround
#: alternation like R63's, an ignore-case phrase table like R115's, a case-sensitive one).
PATTERNS = (
    rules_muatan._PIDANA,
    rules_muatan._PENYIDIKAN,
    rules_muatan._BLANKET,
    rules_rujukan._WRONG_FORMULA,
    rules_rujukan._PASAL_INI,
    rules_rujukan._VAGUE,
    rules_rujukan._NO_PREJUDICE,
    rules_bilangan._OPEN_ENDED,
    re.compile(r"(?<![\w/-])(?:pemerintah daerah|daerah|peserta|bpjs)(?![\w/-])", re.I),
    re.compile(r"\b(?:tidak boleh|diperbolehkan|berkewajiban)\b", re.I),
    re.compile(r"\bPasal ini\b|\bPPNS\b"),
    re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w/-])"),  # a "." inside a class is only a dot
)
WORDS = (
    "Pasal", "ini", "pasal", "PPNS", "ppns", "penyidikan", "Penyidikan", "pidana", "penjara", "dipidana",
    "sanksi", "daerah", "Daerah", "Pemerintah", "pemerintah", "peserta", "BPJS", "bpjs-ku", "dimaksud",
    "pada", "dalam", "ayat", "tersebut", "di", "atas", "tanpa", "mengurangi", "antara", "lain", "hal-hal",
    "yang", "belum", "diatur", "tidak", "boleh", "diperbolehkan", "İstanbul", "Straße", "60", "1.000", "2,5",
)  # fmt: skip
SEPARATORS = (" ", " ", ", ", "/", "-", "; ", ".")


def _texts() -> st.SearchStrategy[list[str]]:
    word = st.sampled_from(WORDS)
    text = st.lists(st.tuples(word, st.sampled_from(SEPARATORS)), max_size=12).map(
        lambda parts: "".join(w + s for w, s in parts).strip()
    )
    return st.lists(text, min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@example(texts=["bpjs-pemerintah daerah"], pattern=PATTERNS[8])  # a candidate refused, a match inside it
@given(texts=_texts(), pattern=st.sampled_from(PATTERNS))
def test_matches_equal_a_search_of_each_text(texts: list[str], pattern: re.Pattern[str]) -> None:
    nodes = tuple(Node("ayat", f"p.{i}", text=(t,)) for i, t in enumerate(texts))
    found = [(n.key, m.group()) for n, m in _scope_matches(pattern, nodes)]
    expected = [(n.key, m.group()) for n in nodes for m in pattern.finditer(n.plain())]
    assert found == expected


def _scope_matches(pattern: re.Pattern[str], nodes: tuple[Node, ...]) -> list[tuple[Node, re.Match[str]]]:
    return list(scope((n, n.plain()) for n in nodes).matches(pattern))


@pytest.mark.parametrize(
    "source", [r"^Pasal", r"Pasal$", r"Pasal\s+ini", r"Pasal [^;]+", r"Pasal.", r"Pasal\W"]
)
def test_patterns_that_could_cross_a_line_are_refused(source: str) -> None:
    nodes = (Node("ayat", "p.1", text=("Pasal ini",)),)
    with pytest.raises(ValueError, match="may match at a line start or end"):
        _scope_matches(re.compile(source), nodes)


@settings(max_examples=300, deadline=None)
@example(texts=["Pemerintah Daerah provinsi"], phrases=["pemerintah daerah", "daerah"])  # no overlap
@example(texts=["Pasal ini"], phrases=["pasal", "pasal ini"])  # the longest at one place
@given(
    texts=_texts(),
    phrases=st.lists(
        st.sampled_from(
            [
                "pemerintah daerah",
                "pemerintah",
                "daerah",
                "peserta",
                "bpjs",
                "pasal",
                "pasal ini",
                "sanksi pidana",
            ]
        ),
        min_size=1,
        unique=True,
    ),
)
def test_phrases_in_equals_the_regex_of_the_phrases(texts: list[str], phrases: list[str]) -> None:
    text = "\n".join(texts)
    alternatives = "|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))
    pattern = re.compile(rf"(?<![\w/-])(?:{alternatives})(?![\w/-])", re.I)
    assert phrases_in(text, phrases) == [m.span() for m in pattern.finditer(text)]
