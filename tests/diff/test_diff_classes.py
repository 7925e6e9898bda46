"""Every change is classified, names the region key behind it, and shows its reason."""

from __future__ import annotations

import pytest

from jamsostek_regs.diff.changes import Change, Report
from jamsostek_regs.diff.compare import compare, side
from jamsostek_regs.workspace import Workspace
from tests.diff.sides import variant

TEMPAT = (
    "Pendaftaran Peserta dilakukan kepada BPJS Ketenagakerjaan, termasuk melalui mal pelayanan publik,"
    " sesuai dengan ketentuan peraturan perundang-undangan. {: #tempat}"
)
PENGHARGAAN = (
    "Pemerintah Daerah dapat memberikan penghargaan kepada Desa sebagaimana dimaksud dalam"
    ' {{ ref("kepesertaan.pendaftaran.tempat", bare=True) }}.'
)
HARMONISED = f"""
overrides:
  - key: kepesertaan.pendaftaran
    reason: "Catatan harmonisasi (uji): pendaftaran juga melalui mal pelayanan publik"
    text: |
      {TEMPAT}

      Data kepesertaan menggunakan nomor induk kependudukan sebagai identitas Peserta. {{: #nik}}

      Pemerintah Daerah dapat memfasilitasi pendaftaran ketua rukun tetangga dan ketua rukun warga
      sebagai Peserta. {{: #fasilitasi}}
additions:
  - key: penghargaan
    after: kepesertaan.pendaftaran
    reason: "Permintaan DPRD (uji): penghargaan bagi Desa dengan cakupan tertinggi"
    text: |
      {PENGHARGAAN}
"""


def _diff(ws: Workspace, name: str, tail: str = "", replace: tuple[tuple[str, str], ...] = ()) -> Report:
    variant(ws.root, name, "rejang-lebong", tail, replace)
    return compare(side(ws, "rejang-lebong"), side(ws, name))


def _only(result: Report, kind: str) -> list[Change]:
    return [c for c in result.changes if c.kind == kind]


def test_a_changed_value_is_a_parameter_change_naming_exactly_that_key(workspace_tmp: Workspace) -> None:
    result = _diff(workspace_tmp, "ibu-kota", replace=(("capital: Curup", "capital: Kota Curup"),))
    assert {c.kind for c in result.changes} == {"parameter"}
    assert [(c.key, c.params) for c in result.changes] == [
        ("penutup.ditetapkan.di", ("capital",)),
        ("penutup.diundangkan.di", ("capital",)),
    ]


def test_a_value_inside_a_list_names_its_item(workspace_tmp: Workspace) -> None:
    result = _diff(
        workspace_tmp,
        "nama-opd",
        replace=(("role: ketenagakerjaan\n    name: null", "role: ketenagakerjaan\n    name: Dinas Naker"),),
    )
    [change] = result.changes
    assert (change.kind, change.params) == ("parameter", ("opd[0].name",))
    assert change.a is not None and change.b is not None
    assert change.a.address == change.b.address == "Lampiran baris 1"


def test_a_segment_left_out_is_optional_and_names_the_list(workspace_tmp: Workspace) -> None:
    result = _diff(workspace_tmp, "tanpa-migran", replace=(("  - pekerja_migran\n", ""),))
    optional = _only(result, "optional")
    assert {c.key for c in optional} == {
        "mengingat.uu_2017_18",
        "kepesertaan.segmen.migran",  # Pasal 1 does not define a term used once (R62)
    }
    assert {c.params for c in optional} == {("segments",)}
    assert all(c.a is not None and c.b is None for c in optional)
    assert not _only(result, "parameter")


def test_a_conditional_pasal_names_the_condition(workspace_tmp: Workspace) -> None:
    result = _diff(workspace_tmp, "tanpa-desa", replace=(("  - source: apbdes\n", ""),))
    [pasal] = [c for c in result.changes if c.key == "pendanaan.desa"]
    assert (pasal.kind, pasal.params, pasal.b) == ("optional", ("financing",), None)


def test_overrides_are_wording_and_additions_are_added_with_their_reasons(workspace_tmp: Workspace) -> None:
    result = _diff(workspace_tmp, "harmonisasi", HARMONISED)
    [wording] = _only(result, "wording")
    assert wording.key == "kepesertaan.pendaftaran.tempat"
    assert wording.reason.startswith("Catatan harmonisasi (uji)")
    assert [op.text for op in wording.ops if op.op == "insert"] == [
        ", termasuk melalui mal pelayanan publik,"
    ]
    [added] = _only(result, "added")
    assert (added.key, added.a) == ("tambahan.penghargaan", None)
    assert added.reason.startswith("Permintaan DPRD (uji)")
    assert added.b is not None and "sebagaimana dimaksud dalam Pasal 8 ayat (1)." in added.b.text
    assert not _only(result, "parameter") and not _only(result, "optional")
    renumbered = _only(result, "renumbered")
    assert renumbered and all(c.a and c.b and int(c.b.num) == int(c.a.num) + 1 for c in renumbered)


def test_going_back_from_a_region_that_adds_a_pasal_is_removed_with_its_reason(
    workspace_tmp: Workspace,
) -> None:
    variant(workspace_tmp.root, "harmonisasi", "rejang-lebong", HARMONISED)
    result = compare(side(workspace_tmp, "harmonisasi"), side(workspace_tmp, "rejang-lebong"))
    [removed] = _only(result, "removed")
    assert (removed.key, removed.b, removed.reason[:15]) == ("tambahan.penghargaan", None, "Permintaan DPRD")
    [wording] = _only(result, "wording")
    assert wording.reason.startswith("Catatan harmonisasi")


@pytest.mark.parametrize("region", ["rejang-lebong", "standard"])
def test_a_draft_against_itself_has_no_changes(workspace_tmp: Workspace, region: str) -> None:
    here = side(workspace_tmp, region)
    result = compare(here, here)
    assert result.equal and result.changes == ()
    assert all(line.a == line.b for clause in result.clauses for line in clause.lines)
