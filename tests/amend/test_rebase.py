"""``rebase``: a region's own changes carried from the 2025.1 standard to the current one, by
clause key (clean, conflicting and removed cases), and every shipped region's rebase."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jamsostek_regs.app.amending import rebase
from jamsostek_regs.workspace import Workspace
from tests.conftest import REGIONS, WORKSPACE
from tests.regionkit import make_workspace, run_cli

HERE = Path(__file__).parent
CURRENT = "2026.1"

#: Own changes of the test region: one clause the new standard left alone, one it changed, one it
#: removed, and a Pasal of its own after a clause still there.
OWN = """\
overrides:
  - key: kepesertaan.kewajiban
    reason: uji (bersih)
    text: |
      Setiap Pekerja di Daerah wajib menjadi Peserta Program Jaminan Sosial Ketenagakerjaan. {: #wajib}

      Pemberi Kerja wajib mendaftarkan dirinya dan Pekerjanya sebagai Peserta. {: #pemberi_kerja}

      Setiap orang yang bekerja di luar hubungan kerja wajib mendaftar sebagai Peserta. {: #mandiri}
  - key: program.jenis
    reason: uji (konflik)
    text: |
      Program Jaminan Sosial Ketenagakerjaan meliputi seluruh program BPJS Ketenagakerjaan.
  - key: sanksi.administratif
    reason: uji (dihapus standar)
    text: |
      Pemberi Kerja yang lalai dikenai sanksi administratif.
additions:
  - key: forum
    after: tugas.wilayah
    reason: uji
    text: |
      Lurah membentuk forum komunikasi kepesertaan di kelurahan.
"""


def workspace(tmp_path: Path, own: str = OWN) -> Path:
    root = make_workspace(tmp_path / "ws")
    text = (HERE / "regions" / "enacted.yaml").read_text(encoding="utf-8")
    (root / "regions" / "contoh.yaml").write_text(f"# komentar yang dijaga\n{text}{own}", encoding="utf-8")
    return root


def test_clean_conflicting_and_removed(tmp_path: Path) -> None:
    result = rebase(Workspace(workspace(tmp_path)), "contoh", CURRENT, base="2025.1")
    status = {item.what: item.status for item in result.items}
    assert status == {
        "overrides kepesertaan.kewajiban": "clean",
        "overrides program.jenis": "conflict",
        "overrides sanksi.administratif": "removed",
        "additions forum": "clean",
    }
    conflict = next(item for item in result.items if item.status == "conflict")
    assert conflict.ours.startswith("Program Jaminan Sosial Ketenagakerjaan meliputi seluruh program")
    assert "Program Jaminan Sosial Ketenagakerjaan terdiri atas:" in conflict.theirs
    assert not result.clean


def test_the_cli_lists_both_texts_and_writes_nothing_while_in_conflict(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    before = (root / "regions" / "contoh.yaml").read_bytes()
    code, out, err = run_cli(root, "rebase", "contoh", "--from", "2025.1", "--onto", CURRENT, "--write")
    assert code == 1
    assert "  conflict overrides program.jenis" in out and "  removed  overrides sanksi.administratif" in out
    assert "region's text:" in out and f"standard {CURRENT}:" in out
    assert "nothing was written" in err
    assert (root / "regions" / "contoh.yaml").read_bytes() == before


def test_a_clean_rebase_records_the_version_and_keeps_the_comments(tmp_path: Path) -> None:
    clean = OWN[: OWN.index("  - key: program.jenis")] + OWN[OWN.index("additions:") :]
    root = workspace(tmp_path, clean)
    path = root / "regions" / "contoh.yaml"
    before = path.read_text(encoding="utf-8")
    code, out, err = run_cli(root, "rebase", "contoh", "--from", "2025.1", "--onto", CURRENT, "--write")
    assert code == 0, err
    assert f"wrote {path}" in out
    assert path.read_text(encoding="utf-8") == f'{before}standard: "{CURRENT}"\n'
    code, out, err = run_cli(root, "rebase", "contoh", "--onto", CURRENT)  # the recorded version is the base
    assert code == 0 and f"standard {CURRENT} -> {CURRENT}" in out
    code, _out, err = run_cli(root, "validate", "contoh")
    assert code == 0, err


def test_without_a_recorded_version_the_base_must_be_given(tmp_path: Path) -> None:
    code, _out, err = run_cli(workspace(tmp_path), "rebase", "contoh", "--onto", CURRENT)
    assert code == 2 and "--from" in err


@pytest.mark.parametrize("region_id", REGIONS)
def test_every_shipped_region_rebases_cleanly_or_lists_its_conflicts(region_id: str, tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    shutil.copy(WORKSPACE.regions / f"{region_id}.yaml", root / "regions")
    if (WORKSPACE.regions / "lampiran").is_dir():
        shutil.copytree(WORKSPACE.regions / "lampiran", root / "regions" / "lampiran")
    code, out, err = run_cli(root, "rebase", region_id, "--from", "2025.1", "--onto", CURRENT)
    result = rebase(Workspace(root), region_id, CURRENT, base="2025.1")
    assert code == (0 if result.clean else 1), err
    for item in result.items:
        assert f"  {item.status:<8} {item.what}\n" in out


def test_nothing_is_written_when_the_draft_would_not_build_on_the_new_standard(tmp_path: Path) -> None:
    broken = OWN.replace(" {: #wajib}", "")  # the key Pasal 6 refers to is gone
    clean = broken[: broken.index("  - key: program.jenis")] + broken[broken.index("additions:") :]
    root = workspace(tmp_path, clean)
    before = (root / "regions" / "contoh.yaml").read_bytes()
    code, _out, err = run_cli(root, "rebase", "contoh", "--from", "2025.1", "--onto", CURRENT, "--write")
    assert code == 2 and "kepesertaan.kewajiban.wajib" in err
    assert (root / "regions" / "contoh.yaml").read_bytes() == before


def test_a_new_region_records_the_standard_it_is_written_against(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    code, _out, err = run_cli(
        root, "new", "baru", "--level", "kabupaten", "--name", "Baru", "--province", "Jambi"
    )
    assert code == 0, err
    assert f'\nstandard: "{CURRENT}"\n' in (root / "regions" / "baru.yaml").read_text(encoding="utf-8")
    code, out, err = run_cli(root, "rebase", "baru", "--onto", CURRENT)
    assert code == 0, err
    assert f"standard {CURRENT} -> {CURRENT}" in out
