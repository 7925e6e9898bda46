"""The reports: a reviewer's note in text, Markdown, a side-by-side page, a stable JSON list."""

from __future__ import annotations

import json
import re
from typing import Any

from jamsostek_regs.diff import report_html, report_json, report_md, report_text
from jamsostek_regs.diff.changes import KINDS
from tests.conftest import ROOT
from tests.diff.sides import report

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_text_reads_like_a_reviewers_note() -> None:
    text = report_text.render(report("lombok-timur", "rejang-lebong"))
    lines = text.splitlines()
    assert lines[0] == "lombok-timur → rejang-lebong (kemendagri_standard 2026.1)"
    # both regions carry text of their own (`changes`): wording and added besides the parameters
    assert re.fullmatch(
        r"\d+ changes: \d+ parameter, \d+ optional, \d+ wording, \d+ added, \d+ renumbered", lines[1]
    )
    assert "Ditetapkan di [-Selong-]{+Curup+}" in text
    assert "← capital" in text and "← head.name" in text
    assert "Pasal 16 (pendanaan.desa)\n  optional    only in rejang-lebong  ← financing" in text
    # a run of Pasal that are only renumbered reads as one line (rejang-lebong's Koordinasi has an ayat of
    # its own, which breaks its run, so the run is read between lombok-timur and lahat)
    runs = report_text.render(report("lombok-timur", "lahat"))
    assert re.search(
        r"^Pasal \d+ s\.d\. Pasal \d+ menjadi Pasal \d+ s\.d\. Pasal \d+  \(renumbered\)$", runs, re.M
    )
    assert not ANSI.search(text)


def test_text_is_coloured_only_when_asked() -> None:
    result = report("lombok-timur", "rejang-lebong")
    coloured = report_text.render(result, color=True)
    assert "\x1b[31m[-Selong-]\x1b[0m" in coloured and "\x1b[32m{+Curup+}\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == report_text.render(result)


def test_a_renumbered_clause_shows_once_with_the_references_that_followed() -> None:
    text = report_text.render(report("standard", "provinsi-bengkulu"))
    assert text.count("(tugas.perangkat_daerah)") == 1
    assert (
        "renumbered  Pasal 12 menjadi Pasal 11; rujukan: sebagaimana dimaksud dalam Pasal 11 menjadi"
        " sebagaimana dimaksud dalam Pasal 10"
    ) in text


def test_equal_drafts_say_so() -> None:
    assert (
        report_text.render(report("lahat", "lahat")).splitlines()[1] == "no changes: the drafts say the same"
    )


def test_markdown_lists_the_changes_with_their_keys() -> None:
    md = report_md.render(report("lombok-timur", "rejang-lebong"))
    assert md.startswith("# Perbandingan lombok-timur → rejang-lebong (kemendagri\\_standard 2026.1)\n")
    assert "| parameter | " in md and "| penomoran ulang | " in md and "| kelas | perubahan |" in md
    assert "- **parameter** · data daerah: ibu kota (`capital`)\n  > Ditetapkan di ~~Selong~~**Curup**" in md
    assert "## Pasal 16 (pendanaan.desa) — Pendanaan" in md


def test_html_has_one_row_per_clause_and_links_by_pasal() -> None:
    result = report("standard", "provinsi-bengkulu")
    page = report_html.render(result)
    rows = re.findall(r'<tr class="clause (changed|same)" id="([^"]+)">', page)
    assert [key for _, key in rows] == [c.key for c in result.clauses]
    assert len(rows) == len(set(key for _, key in rows))
    assert {state for state, _ in rows} == {"changed", "same"}
    assert '<a href="#kepesertaan.segmen">Pasal 6</a>' in page
    assert "<del>BUPATI [NAMA DAERAH]</del><ins>GUBERNUR BENGKULU</ins>" not in page  # each side its own cell
    assert "<del>BUPATI [NAMA DAERAH]</del>" in page and "<ins>GUBERNUR BENGKULU</ins>" in page
    assert "<script" not in page and "http" not in page.replace('"http://www.w3.org', "")


# --- JSON: the documented, stable change list ------------------------------------------------

DOCUMENT_KEYS = ["schema", "version", "a", "b", "standard", "equal", "summary", "changes"]
CHANGE_KEYS = ["class", "clause", "key", "a", "b", "params", "reason", "refs", "ops"]


def _documented() -> dict[str, Any]:
    text = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    block = text[text.index("## JSON") :]
    return json.loads(block[block.index("```json") + 7 : block.index("```\n", block.index("```json") + 7)])


def _shape(document: dict[str, Any]) -> None:
    assert list(document) == DOCUMENT_KEYS
    assert (document["schema"], document["version"]) == ("jamsostek-regs/diff", 1)
    assert all(list(document[side]) == ["id", "level", "name"] for side in ("a", "b"))
    assert list(document["summary"]) == list(KINDS)
    assert document["equal"] == (not document["changes"])
    assert sum(document["summary"].values()) == len(document["changes"])
    for change in document["changes"]:
        assert list(change) == CHANGE_KEYS
        assert change["class"] in KINDS
        for side in ("a", "b"):
            assert change[side] is None or list(change[side]) == ["num", "address", "text"]
        assert all(
            list(op) == ["op", "text"] and op["op"] in ("equal", "delete", "insert") for op in change["ops"]
        )
        assert all(list(ref) == ["a", "b"] for ref in change["refs"])
        assert isinstance(change["params"], list) and isinstance(change["reason"], str)
        if change["ops"] and change["a"] and change["b"]:
            a = "".join(o["text"] for o in change["ops"] if o["op"] != "insert")
            b = "".join(o["text"] for o in change["ops"] if o["op"] != "delete")
            assert (a, b) == (change["a"]["text"], change["b"]["text"])


def test_json_has_the_documented_shape() -> None:
    for a, b in (("standard", "provinsi-bengkulu"), ("lombok-timur", "rejang-lebong"), ("lahat", "lahat")):
        _shape(json.loads(report_json.render(report(a, b))))


def test_the_documented_example_is_valid() -> None:
    _shape(_documented())
