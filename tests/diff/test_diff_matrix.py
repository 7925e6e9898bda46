"""The matrix: one cell per clause and region, against the standard; summaries; parallel runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from jamsostek_regs.diff import matrix, report_matrix
from jamsostek_regs.diff.compare import compare, side
from jamsostek_regs.workspace import Workspace
from tests.conftest import REGIONS, WORKSPACE
from tests.diff.sides import report, variant
from tests.diff.test_diff_classes import HARMONISED
from tests.regionkit import make_workspace


def _cells(region: str) -> dict[str, str]:
    return matrix.column(report("standard", region))[1]


def test_cells_say_how_each_clause_differs_from_the_standard() -> None:
    cells = _cells("provinsi-bengkulu")
    assert cells["kepesertaan.pendaftaran"] == "optional-out"  # no group to facilitate (review C-26)
    assert cells["koordinasi.koordinasi"] == "parameter"  # Gubernur, kejaksaan tinggi
    assert cells["kepesertaan.pemerintah_daerah"] == "optional-out"  # the whole Pasal
    assert cells["pendanaan.sumber"] == "optional-out"  # some rincian
    assert _cells("lombok-timur")["kepesertaan.segmen"] == "optional-in"  # its list of BPU groups
    assert _cells("lahat")["kepesertaan.target"] == "optional-in"  # targets the standard has none of


def test_overrides_and_additions_show_as_wording_and_added(workspace_tmp: Workspace) -> None:
    variant(workspace_tmp.root, "harmonisasi", "rejang-lebong", HARMONISED)
    cells = matrix.column(compare(side(workspace_tmp, "standard"), side(workspace_tmp, "harmonisasi")))[1]
    assert (cells["kepesertaan.pendaftaran"], cells["tambahan.penghargaan"]) == ("wording", "added")


#: A coverage target decided by the region (no shipped region has one since legal review SS-2).
COVERAGE = "\ntargets:\n  coverage:\n    - {year: 2027, percent: 30}\n"


def test_rows_follow_the_drafts_and_absent_fills_the_gaps(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    variant(root, "lombok-timur", "lombok-timur")
    variant(root, "solok-selatan", "solok-selatan", tail=COVERAGE)
    result, _ = matrix.build(Workspace(root), ["lombok-timur", "solok-selatan"], jobs=1)
    keys = [row.key for row in result.rows]
    assert keys[:5] == ["judul", "pembukaan", "menimbang", "mengingat", "diktum"]
    assert keys.index("kepesertaan.target") == keys.index("kepesertaan.pendaftaran") + 2  # after its Bagian
    target = next(row for row in result.rows if row.key == "lampiran.target")
    assert (target.cells, target.changed, target.label) == (
        ("absent", "optional-in"),
        1,
        "Lampiran I (solok-selatan)",
    )
    assert result.changed() == tuple(sum(r.cells[i] in matrix.CHANGED for r in result.rows) for i in range(2))
    assert all(cell in matrix.CELLS for row in result.rows for cell in row.cells)


def test_worker_processes_give_the_same_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    serial, _ = matrix.build(WORKSPACE, REGIONS, jobs=1)
    monkeypatch.setattr(matrix, "PARALLEL_FROM", 2)
    parallel, pages = matrix.build(WORKSPACE, REGIONS, jobs=2, pages=True)
    assert parallel == serial
    assert sorted(pages) == sorted(REGIONS)


def test_the_matrix_says_which_standard_each_region_file_was_written_against(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    variant(root, "lombok-timur", "lombok-timur", tail='standard: "2025.1"\n')
    variant(root, "solok-selatan", "solok-selatan")
    result, _ = matrix.build(Workspace(root), ["lombok-timur", "solok-selatan"], jobs=1)
    assert result.versions == ("2025.1", "")
    page = report_matrix.render_html(result, "Matriks")
    assert '<th title="standard dalam berkas daerah">teks daerah ditulis pada standar</th>' in page
    assert '<td class="c0">2025.1</td><td class="c1">-</td><td></td></tr></thead>' in page
