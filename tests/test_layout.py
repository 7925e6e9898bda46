"""The layout's blocks name the node each one shows (``Block.key``), for readers such as lint."""

from __future__ import annotations

import pytest

from jamsostek_regs.citing import cite
from jamsostek_regs.layout import layout
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.pipeline import assemble
from tests.conftest import REGIONS, WORKSPACE


@pytest.fixture(scope="module", params=REGIONS)
def region_draft(request: pytest.FixtureRequest) -> Draft:
    """The assembled draft of each shipped region."""
    return assemble(WORKSPACE, request.param)


def _in_tables(draft: Draft) -> set[str]:
    """Keys of the rows and cells of every table: the table's block shows them."""
    return {n.key for t in draft.walk() if t.kind == "table" for n in t.walk() if n is not t}


def test_each_block_shows_the_node_its_key_names(region_draft: Draft) -> None:
    nodes = {n.key: n for n in region_draft.walk()}
    for block in layout(region_draft):
        if block.key is None:
            assert (block.style, block.plain()) in {("TtdKiri", ""), ("TtdKanan", "")}, block
            continue
        node = nodes[block.key]
        if block.rows:
            assert node.kind == "table"
        else:
            assert block.text in {node.plain(), node.title, cite(node) if node.num else None}, block


def test_every_printed_node_has_a_block(region_draft: Draft) -> None:
    shown = {b.key for b in layout(region_draft)}
    printed = {n.key for n in region_draft.walk() if n.text or n.title} - _in_tables(region_draft)
    assert printed - shown == set()


def test_a_heading_shows_its_node_in_its_number_and_its_title(lombok_timur: Draft) -> None:
    bab: Node = next(n for n in lombok_timur.walk() if n.kind == "bab")
    blocks = [(b.style, b.text) for b in layout(lombok_timur) if b.key == bab.key]
    assert blocks == [("BabNomor", "BAB I"), ("BabJudul", bab.title)]
