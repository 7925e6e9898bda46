"""docs/legal-notes.md answers every defect id of the legal review, once, with a known status."""

from __future__ import annotations

import re

from tests.conftest import ROOT

#: The defect ids of the legal review (../shared/reference/reviews/legal-review.md, §1).
IDS = [
    *(f"C-{n:02d}" for n in range(1, 28)),
    *(f"RL-{n}" for n in range(1, 6)),
    *(f"LT-{n}" for n in range(1, 5)),
    *(f"PB-{n}" for n in range(1, 5)),
    *(f"KB-{n}" for n in range(1, 4)),
    *(f"LH-{n}" for n in range(1, 8)),
    *(f"SS-{n}" for n in range(1, 6)),
]
_ROW = re.compile(r"^\| (?P<id>[A-Z]{1,2}-\d+) \| (?P<status>[a-z]+) \| (?P<text>.+) \|$", re.M)


def test_every_defect_has_one_row_with_a_status_and_an_answer() -> None:
    rows = list(_ROW.finditer((ROOT / "docs" / "legal-notes.md").read_text(encoding="utf-8")))
    assert [r["id"] for r in rows] == IDS
    assert {r["status"] for r in rows} <= {"fixed", "answered", "open"}
    assert all(len(r["text"]) > 40 for r in rows)
