"""Golden files: the whole text draft of every shipped region, reviewed by a human.

A change to a clause, a region file or the code that alters any draft fails here until the
new text is reviewed and accepted with ``UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``.
"""

from __future__ import annotations

import os

import pytest

from jamsostek_regs.model import Ref
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.writers import writer
from tests.conftest import REGIONS, ROOT, WORKSPACE

GOLDEN = ROOT / "tests" / "golden"


def test_every_region_has_a_golden_file() -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.txt")) == REGIONS


@pytest.mark.parametrize("region_id", REGIONS)
def test_text_draft_matches_golden(region_id: str) -> None:
    text = writer("txt")(assemble(WORKSPACE, region_id)).decode("utf-8")
    golden = GOLDEN / f"{region_id}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("region_id", REGIONS)
def test_every_format_builds(region_id: str) -> None:
    draft = assemble(WORKSPACE, region_id)
    for fmt in ("docx", "md", "html"):
        assert writer(fmt)(draft)


@pytest.mark.parametrize("region_id", REGIONS)
def test_lampiran_are_numbered_in_the_order_the_body_first_cites_them(region_id: str) -> None:
    draft = assemble(WORKSPACE, region_id)
    lampiran = [part for part in draft.root.children if part.kind == "lampiran"]
    body = next(part for part in draft.root.children if part.kind == "batang_tubuh")
    cited = [ref.key for node in body.walk() for ref in node.text if isinstance(ref, Ref)]
    first = {key: cited.index(key) for key in dict.fromkeys(cited)}
    assert all(part.key in first for part in lampiran), "every lampiran is cited (R103)"
    assert [part.key for part in lampiran] == sorted((p.key for p in lampiran), key=first.__getitem__)
