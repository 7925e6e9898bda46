"""The redline: native tracked changes over B's draft; accept all = B, reject all = A."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from jamsostek_regs.diff import redline
from jamsostek_regs.diff.compare import side
from jamsostek_regs.layout import layout
from jamsostek_regs.workspace import Workspace
from jamsostek_regs.writers import docx
from tests.diff import libreoffice
from tests.diff.docx_text import W, body, has_changes, paragraphs
from tests.diff.sides import SIDES, shipped
from tests.diff.test_diff_classes import HARMONISED

DATE = "2025-07-17"


def _plain(region_id: str) -> bytes:
    draft = shipped(region_id).draft
    return docx.write(layout(draft), draft.meta)


def _redline(a: str, b: str) -> bytes:
    return redline.render(shipped(a).draft, shipped(b).draft, "Biro Hukum Setda", DATE)


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations(SIDES, 2)))
def test_accepting_gives_b_and_rejecting_gives_a_in_the_xml(a: str, b: str) -> None:
    data = _redline(a, b)
    assert has_changes(data)
    assert paragraphs(data, "accept") == paragraphs(_plain(b), "accept")
    assert paragraphs(data, "reject") == paragraphs(_plain(a), "accept")


def test_changes_carry_the_given_author_and_date_and_unique_ids() -> None:
    tree = body(_redline("lombok-timur", "provinsi-bengkulu"))
    marks = [e for e in tree.iter() if e.tag in (f"{W}ins", f"{W}del")]
    assert marks
    assert {e.get(f"{W}author") for e in marks} == {"Biro Hukum Setda"}
    assert {e.get(f"{W}date") for e in marks} == {"2025-07-17T00:00:00Z"}
    ids = [e.get(f"{W}id") for e in marks]
    assert len(ids) == len(set(ids))


def test_the_redline_is_reproducible_and_styled_as_b() -> None:
    data = _redline("standard", "kota-bengkulu")
    assert data == _redline("standard", "kota-bengkulu")
    styles = [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in body(data).iter(f"{W}p")]  # type: ignore[union-attr]
    plain = [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in body(_plain("kota-bengkulu")).iter(f"{W}p")]  # type: ignore[union-attr]
    assert set(plain) <= set(styles)


def test_a_redline_with_overrides_and_additions(workspace_tmp: Workspace, tmp_path: Path) -> None:
    from tests.diff.sides import variant

    variant(workspace_tmp.root, "harmonisasi", "rejang-lebong", HARMONISED)
    a, b = side(workspace_tmp, "rejang-lebong").draft, side(workspace_tmp, "harmonisasi").draft
    for left, right in ((a, b), (b, a)):
        data = redline.render(left, right, "x", DATE)
        assert paragraphs(data, "accept") == paragraphs(docx.write(layout(right), right.meta), "accept")
        assert paragraphs(data, "reject") == paragraphs(docx.write(layout(left), left.meta), "accept")


#: Pairs for LibreOffice: kabupaten vs provinsi, kota vs standard (10 OPD inserted), a region
#: with its own lampiran vs one with a target table (tables and the last paragraph), and the
#: reverse of the first.
LIBREOFFICE_PAIRS = [
    ("lombok-timur", "provinsi-bengkulu"),
    ("provinsi-bengkulu", "lombok-timur"),
    ("kota-bengkulu", "standard"),
    ("lahat", "solok-selatan"),
    ("solok-selatan", "standard"),
]


@libreoffice.needs_soffice
def test_libreoffice_accepts_to_b_and_rejects_to_a(tmp_path: Path) -> None:
    env = libreoffice.profile(tmp_path / "profile")
    texts: dict[str, str] = {}
    for region_id in {r for pair in LIBREOFFICE_PAIRS for r in pair}:
        path = tmp_path / f"{region_id}.docx"
        path.write_bytes(_plain(region_id))
        texts[region_id] = libreoffice.plain_text(env, path)
    for a, b in LIBREOFFICE_PAIRS:
        path = tmp_path / f"{a}__{b}.docx"
        path.write_bytes(_redline(a, b))
        assert libreoffice.plain_text(env, path) != texts[b], "LibreOffice shows the changes before accepting"
        assert libreoffice.as_text(env, path, "Accept") == texts[b], f"{a} -> {b}: accept all"
        assert libreoffice.as_text(env, path, "Reject") == texts[a], f"{a} -> {b}: reject all"
