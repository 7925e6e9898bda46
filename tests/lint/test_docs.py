"""docs/lint-rules.md is generated from the registry; every rulebook id is either checked or explained."""

from __future__ import annotations

import os

from jamsostek_regs.lint import RULES
from jamsostek_regs.lint.docs import NOT_CHECKED, markdown
from tests.conftest import ROOT

DOC = ROOT / "docs" / "lint-rules.md"


def test_rules_document_matches_the_registry() -> None:
    if os.environ.get("UPDATE_DOCS"):
        DOC.write_text(markdown(), encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == markdown()


def test_every_rulebook_id_is_implemented_or_explained() -> None:
    rulebook = {f"R{i}" for i in range(1, 130)}
    assert set(RULES).isdisjoint(NOT_CHECKED)
    assert set(RULES) | set(NOT_CHECKED) == rulebook
    assert len(RULES) >= 70
