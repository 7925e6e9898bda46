"""Writing edited values back into a region file keeps what a person wrote and reads back the same."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsostek_regs.source.roundtrip import merged
from jamsostek_regs.source.yamlsource import load_text
from tests.conftest import ROOT

REGIONS = sorted((ROOT / "regions").glob("*.yaml"))


@pytest.mark.parametrize("path", REGIONS, ids=[p.stem for p in REGIONS])
def test_the_same_values_give_the_same_file_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert merged(text, load_text(text, path.name).data) == text


def test_a_changed_value_changes_its_line_only_and_new_keys_go_last() -> None:
    text = "# about\nname: Lahat  # from the law\nhead:\n  # signs\n  name: null\nsegments: [a, b]\n"
    data = load_text(text, "x").data
    data["head"]["name"] = "Bursah Zarnubi"
    data["segments"].append("c")
    data["capital"] = "Lahat"
    assert merged(text, data) == (
        "# about\nname: Lahat  # from the law\nhead:\n  # signs\n  name: Bursah Zarnubi\n"
        "segments: [a, b, c]\ncapital: Lahat\n"
    )


def test_removed_keys_and_items_go_and_values_keep_their_types() -> None:
    text = "a: 1\nb: [x, y, z]\nc: keep\n"
    out = merged(text, {"b": ["x"], "c": "keep", "d": Decimal("28.3"), "e": dt.date(2026, 1, 2), "f": None})
    assert load_text(out, "x").data == {
        "b": ["x"],
        "c": "keep",
        "d": 28.3,
        "e": dt.date(2026, 1, 2),
        "f": None,
    }
    assert "text: |\n  satu\n  dua\n" in merged("", {"text": "satu\ndua"})


@pytest.mark.parametrize(
    "word", ["yes", "Off", "on", "1:20", "~", "null", "2025-01-01", "1_000", "0x1F", ".inf", "a: b"]
)
def test_text_yaml_1_1_would_misread_is_quoted(word: str) -> None:
    """ruamel writes YAML 1.2; the loader reads YAML 1.1: ``yes``, ``1:20``, ``~`` must stay text."""
    assert load_text(merged("", {"v": word}), "x").data == {"v": word}


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Zl", "Zp")), min_size=1, max_size=30))
def test_any_new_text_reads_back_as_that_text(value: str) -> None:
    assert load_text(merged("", {"v": value}), "x").data == {"v": value}
