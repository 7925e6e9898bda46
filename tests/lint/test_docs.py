"""docs/lint-rules.md is generated from the registry; every rulebook id is either checked or explained."""

from __future__ import annotations

import os

from jamsostek_regs.lint import RULES
from jamsostek_regs.lint.docs import NOT_CHECKED, id_ranges, markdown, readme_summary
from jamsostek_regs.lint.registry import RULEBOOK_LAST
from tests.conftest import ROOT

DOC = ROOT / "docs" / "lint-rules.md"


def test_rules_document_matches_the_registry() -> None:
    if os.environ.get("UPDATE_DOCS"):
        DOC.write_text(markdown(), encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == markdown()


def test_every_rulebook_id_is_implemented_or_explained() -> None:
    rulebook = {f"R{i}" for i in range(1, RULEBOOK_LAST + 1)}
    assert set(RULES).isdisjoint(NOT_CHECKED)
    assert {r.id for r in RULES.values() if r.in_rulebook} | set(NOT_CHECKED) == rulebook
    assert len(RULES) >= 70


def test_readme_names_the_implemented_and_unchecked_rules() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_summary() in readme, f"README.md must contain:\n{readme_summary()}"


def test_id_ranges_join_consecutive_ids() -> None:
    assert id_ranges(["R13", "R5", "R6", "R7", "R9", "R10"]) == "R5 to R7, R9, R10, R13"
