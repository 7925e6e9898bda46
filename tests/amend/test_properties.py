"""Properties of the Perubahan over random edits of an enacted Perkada.

For hundreds of random edit sets of Lombok Timur's draft under the 2025.1 standard:

* Pasal I is complete and exact: carrying out its changes on the enacted tree gives the amended
  text, unit for unit (numbers, titles, texts);
* the amended text says what the new draft says: the same units in the same order with the
  same words (references compared by what they point to, since their numbers differ);
* nothing enacted is renumbered: every enacted BAB and Pasal keeps its number (a deleted one
  reads "Dihapus"), and so does every ayat of a Pasal not restated afresh;
* every change is in a statutory formula, and the Perubahan passes the linter's Perubahan rules.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jamsostek_regs.amend import Amendment, amendment
from jamsostek_regs.amend.changes import shown
from jamsostek_regs.amend.consolidate import apply
from jamsostek_regs.amend.merge import MOVED
from jamsostek_regs.amend.snapshot import Instrument, Snapshot
from jamsostek_regs.lint import lint
from jamsostek_regs.model import Draft, Node, Ref
from jamsostek_regs.pipeline import assemble
from tests.amend.edits import edited
from tests.conftest import WORKSPACE

ENACTED = assemble(WORKSPACE.at("2025.1"), "lombok-timur")
SNAPSHOT = Snapshot("lombok-timur", Instrument(2, 2025, "2025-01-02"), ENACTED, "region", "", "", "", "0")


def content(draft: Draft, skip: frozenset[str] = frozenset()) -> list[tuple[str, str, str, str]]:
    """Units of the batang tubuh and lampiran bodies: kind, key, title and words, references as
    their targets' keys; numbers, punctuation and the units in ``skip`` left out."""
    out = []
    for part in draft.root.children:
        if part.kind not in {"batang_tubuh", "lampiran"}:
            continue
        for node in part.walk():
            if node.key in skip or node.kind == "pengesahan" or _signature(part, node):
                continue
            words = "".join(p if isinstance(p, str) else f"<{p.key}>" for p in node.text)
            out.append((node.kind, node.key, node.title if node.kind != "lampiran" else "", words))
    return out


def _signature(part: Node, node: Node) -> bool:
    return node.key.startswith((f"{part.key}.kepala", f"{part.key}.ttd"))


def _amended(data: st.DataObject) -> tuple[Draft, Amendment]:
    new = data.draw(edited(ENACTED), label="edits").draft
    return new, amendment([SNAPSHOT], new)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_pasal_i_is_complete_and_exact(data: st.DataObject) -> None:
    new, made = _amended(data)
    merged = made.merged
    assert shown(apply(ENACTED, made.changes).root) == shown(merged.draft.root)
    placeholders = frozenset(k for k, status in merged.status.items() if status == "deleted")
    assert content(merged.draft, placeholders) == content(new)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_enacted_numbers_stay_and_every_change_is_in_a_formula(data: st.DataObject) -> None:
    _new, made = _amended(data)
    merged = made.merged
    after = {n.key: n for n in merged.draft.part("batang_tubuh").walk()}
    for old in ENACTED.part("batang_tubuh").walk():
        if old.kind not in {"bab", "pasal"}:
            continue
        now = after.get(old.key + MOVED) or after[old.key]  # a unit that moved left its placeholder
        assert now.num == old.num, old.key
        if merged.of(now.key) == "deleted":
            assert "Dihapus" in now.title + "".join(n.plain() for n in now.walk())
        elif old.kind == "pasal" and old.key not in merged.fresh:
            for ayat in old.children:
                assert (after.get(ayat.key + MOVED) or after[ayat.key]).num == ayat.num, ayat.key
    numbers = {n.key: n.num for n in merged.draft.walk()}
    for node in merged.draft.part("batang_tubuh").walk():
        for part in node.text:
            if isinstance(part, Ref) and numbers.get(part.key):
                assert numbers[part.key].strip("().") in part.words, (part.key, part.words)
    assert [f for f in lint(made.draft) if f.rule_id in {"R11", "R124", "R125"}] == []
    keys = [n.key for n in made.draft.walk()]
    assert len(keys) == len(set(keys))  # every unit of the Perubahan once, so every view can key it
    assert [n.num for n in made.draft.walk() if n.kind == "change"] == [
        f"{i}." for i in range(1, len(made.changes) + 1)
    ]
