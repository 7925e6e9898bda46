"""The linter on a Perubahan: the test region's (``tests/amend/regions``: enacted, then edited
by its drafter) is clean even with ``--strict``; a Perubahan that breaks R11, R124 or R125 is
flagged with exactly that rule (the breaking-draft method of ``tests/lint/test_rules.py``)."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

import pytest

from jamsostek_regs.amend import amendment
from jamsostek_regs.amend.snapshot import Instrument, Snapshot
from jamsostek_regs.lint import lint
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.workspace import Workspace
from tests.conftest import WORKSPACE
from tests.lint import mutate as m
from tests.regionkit import make_workspace

#: The test region as enacted and as its drafter has it now.
REGIONS = Path(__file__).parent / "regions"


@cache
def perubahan() -> Draft:
    root = make_workspace(Path(tempfile.mkdtemp(prefix="perubahan-")))
    region = root / "regions" / "contoh.yaml"
    shutil.copy(REGIONS / "enacted.yaml", region)
    enacted = assemble(Workspace(root), "contoh")
    record = Snapshot("contoh", Instrument(16, 2024, "2024-05-02"), enacted, "region", "", "", "", "0")
    shutil.copy(REGIONS / "now.yaml", region)
    return amendment([record], assemble(Workspace(root), "contoh")).draft


def _renamed(draft: Draft) -> Draft:
    """The name without "PERUBAHAN" everywhere it is written (judul, Menimbang, Menetapkan)."""
    return m.everywhere(m.everywhere(draft, "PERUBAHAN ATAS", "UBAHAN ATAS"), "Perubahan atas", "Ubahan atas")


_SISIPAN = (
    "Di antara Pasal 4 dan Pasal 5 disisipkan (1) pasal, yakni Pasal 4A sehingga berbunyi sebagai berikut:"
)

CASES: list[tuple[str, m.Edit]] = [
    ("R11", _renamed),
    ("R124", lambda d: m.change(d, "perubahan.pasal_ii", num="2")),
    ("R124", lambda d: m.after(d, "perubahan.pasal_i", Node("pasal", "lint.ia", num="IA"))),
    ("R125", lambda d: m.text(d, "perubahan.2", "Pasal 4 diganti seluruhnya:")),
    ("R125", lambda d: m.change(d, "perubahan.2", num="3.")),
    ("R125", lambda d: m.text(d, "perubahan.2", _SISIPAN)),
    ("R125", lambda d: m.text(d, "perubahan.2", "Ketentuan Pasal 4 diubah.")),
]


def test_the_perubahan_is_clean_even_when_strict() -> None:
    assert [str(f) for f in lint(perubahan())] == []


@pytest.mark.parametrize(("rule_id", "edit"), CASES, ids=[c[0] for c in CASES])
def test_breaking_perubahan_is_flagged_with_exactly_that_rule(rule_id: str, edit: m.Edit) -> None:
    found = lint(edit(perubahan()))
    assert found, f"{rule_id} not flagged"
    assert {f.rule_id for f in found} == {rule_id}, [str(f) for f in found]


def test_the_perubahan_rules_check_nothing_on_a_perkada_that_amends_nothing() -> None:
    draft = assemble(WORKSPACE, "kota-bengkulu")
    assert not [f for f in lint(draft) if f.rule_id in {"R11", "R124", "R125"}]
