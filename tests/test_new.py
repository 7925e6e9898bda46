"""`jamsostek-regs new`: a commented scaffold that validates and assembles as it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest

from jamsostek_regs.cli.inputs import LEVELS
from jamsostek_regs.source.regions import load_region
from jamsostek_regs.source.scaffold import OWN_TEXT
from jamsostek_regs.source.schema import Level
from jamsostek_regs.source.standard import load_standard
from tests.regionkit import make_workspace, run_cli

NEW = {
    "kabupaten": ("contoh", "--level", "kabupaten", "--name", "Contoh", "--province", "Jawa Barat"),
    "kota": ("kota-contoh", "--level", "kota", "--name", "Contoh", "--province", "Jawa Barat"),
    "provinsi": ("provinsi-contoh", "--level", "provinsi", "--name", "Jawa Contoh"),
}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return make_workspace(tmp_path)


@pytest.mark.parametrize("level", LEVELS)
def test_scaffold_validates_and_assembles_at_once(workspace: Path, level: str) -> None:
    args = NEW[level]
    code, out, err = run_cli(workspace, "new", *args)
    assert code == 0, err
    region_id = args[0]
    path = workspace / "regions" / f"{region_id}.yaml"
    assert f"wrote {path}" in out
    assert run_cli(workspace, "validate", region_id)[0] == 0
    code, _, err = run_cli(workspace, "assemble", region_id, "--format", "docx,md,html,txt")
    assert code == 0, err
    text = (workspace / "build" / region_id / f"{region_id}.txt").read_text(encoding="utf-8")
    assert "Undang-Undang Nomor ... Tahun ... tentang ..." in text
    assert "Ditetapkan di ..." in text


@pytest.mark.parametrize("level", LEVELS)
def test_the_commented_own_text_examples_validate_and_assemble_once_uncommented(
    workspace: Path, level: str
) -> None:
    args = NEW[level]
    run_cli(workspace, "new", *args)
    path = workspace / "regions" / f"{args[0]}.yaml"
    head, _, examples = path.read_text(encoding="utf-8").partition(OWN_TEXT)
    assert "\n# changes:\n" in examples and "\n# additions:\n" in examples and "\n# lampiran:\n" in examples
    assert all(line.startswith("#") for line in examples.strip().splitlines())  # commented out as written
    used = "\n".join(line[2:] for line in examples.splitlines() if line.startswith("# "))
    path.write_text(head + used + "\n", encoding="utf-8")
    assert run_cli(workspace, "validate", args[0])[0] == 0
    code, _, err = run_cli(workspace, "assemble", args[0], "--format", "txt")
    assert code == 0, err
    text = (workspace / "build" / args[0] / f"{args[0]}.txt").read_text(encoding="utf-8")
    assert "Insentif Kepesertaan" in text and "JADWAL PENDAFTARAN" in text
    kepala = {"kabupaten": "Bupati", "kota": "Wali Kota", "provinsi": "Gubernur"}[level]
    assert f"{kepala} dapat memberikan insentif" in text


def test_scaffold_marks_what_the_drafter_fills_and_keeps_the_given_values(workspace: Path) -> None:
    run_cli(workspace, "new", *NEW["kabupaten"])
    text = (workspace / "regions" / "contoh.yaml").read_text(encoding="utf-8")
    for line in (
        "capital: null",
        "  name: null  # FILL: the Bupati's",
        "establishment: [uu_pembentukan_belum_diisi]",
    ):
        assert line in text
    assert text.count("FILL") >= 8
    region = load_region(
        workspace / "regions", "contoh", load_standard(workspace / "templates" / "kemendagri_standard")
    )
    assert (region.region.level, region.region.name, region.region.province) == (
        "kabupaten",
        "Contoh",
        "Jawa Barat",
    )
    assert region.region.head.name is None
    compliance = region.region.compliance  # no licensing requirement without the region's source (C-01)
    assert (compliance.licensing, compliance.licensing_opd, compliance.public_services) == (False, None, True)


def test_scaffold_of_a_kota_leaves_out_what_needs_villages(workspace: Path) -> None:
    run_cli(workspace, "new", *NEW["kota"])
    text = (workspace / "regions" / "kota-contoh.yaml").read_text(encoding="utf-8")
    assert "village_unit: none" in text and 'mayor_spelling: "Wali Kota"' in text
    assert "aparatur_desa" not in text and "role: pemberdayaan_desa" not in text


def test_names_are_quoted_and_normalised(workspace: Path) -> None:
    name = "Kepulauan: 'Seribu' #1  \u0065\u0301"
    code, _, err = run_cli(
        workspace, "new", "seribu", "--level", "kabupaten", "--name", name, "--province", "DKI"
    )
    assert code == 0, err
    standard = load_standard(workspace / "templates" / "kemendagri_standard")
    assert (
        load_region(workspace / "regions", "seribu", standard).region.name == "Kepulauan: 'Seribu' #1 \u00e9"
    )


def test_never_overwrites(workspace: Path) -> None:
    target = workspace / "regions" / "contoh.yaml"
    target.write_text("# the drafter's own work\n", encoding="utf-8")
    code, _, err = run_cli(workspace, "new", *NEW["kabupaten"])
    assert code == 2 and f"refusing to overwrite {target}: it exists" in err
    assert target.read_text(encoding="utf-8") == "# the drafter's own work\n"
    assert [p.name for p in (workspace / "regions").iterdir()] == ["contoh.yaml"]


@pytest.mark.parametrize("region_id", ["../contoh", "/tmp/contoh", "Contoh", "a_b", "a/b", "a-", "a--b", ""])
def test_unsafe_ids_are_refused(workspace: Path, region_id: str) -> None:
    code, _, err = run_cli(workspace, "new", region_id, "--level", "provinsi", "--name", "X")
    assert code == 2 and "Invalid value for 'REGION'" in err
    assert list((workspace / "regions").iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--level", "kabupaten", "--name", "X"), "Invalid value for '--province': a kabupaten needs one"),
        (("--level", "kota", "--name", "X"), "Invalid value for '--province': a kota needs one"),
        (("--level", "provinsi", "--name", "X", "--province", "Y"), "'--province': a provinsi has none"),
        (("--level", "kabupaten", "--name", "X\x07", "--province", "Y"), "U+0007 (a control character)"),
        (("--level", "kabupaten", "--name", "X", "--province", "\ue000"), "U+E000 (a private-use character)"),
        (("--level", "kabupaten", "--name", "  ", "--province", "Y"), "'--name': must not be empty"),
        (("--level", "desa", "--name", "X"), "'desa' is not one of 'kabupaten', 'kota', 'provinsi'"),
    ],
)
def test_bad_options_are_usage_errors(workspace: Path, args: tuple[str, ...], message: str) -> None:
    code, _, err = run_cli(workspace, "new", "contoh", *args)
    assert code == 2 and message in err
    assert list((workspace / "regions").iterdir()) == []


def test_a_standard_the_scaffold_does_not_fit_is_reported_not_written(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path, copy_standard=True)
    basis = workspace / "templates" / "kemendagri_standard" / "legal_basis.yaml"
    basis.write_text(basis.read_text(encoding="utf-8").replace("uu_pembentukan_belum_diisi:", "uu_x:"))
    code, _, err = run_cli(workspace, "new", *NEW["provinsi"])
    assert code == 2
    assert "establishment[0]: no law 'uu_pembentukan_belum_diisi' in legal_basis.yaml;" in err
    assert list((workspace / "regions").iterdir()) == []


def test_levels_match_the_schema() -> None:
    assert get_args(Level) == LEVELS


def test_help_lists_validate_and_new_without_loading_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from jamsostek_regs.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('HEAVY', [m for m in ('pydantic', 'jinja2', 'docx', 'yaml') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "validate" in out and "new" in out and "HEAVY []" in out
