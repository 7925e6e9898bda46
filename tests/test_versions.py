"""Versions of the standard: a frozen earlier version stays loadable by id, beside the current one.

``templates/kemendagri_standard@2025.1/`` is the standard as shipped under 2025.1; a region can be
rebuilt with it (``--standard 2025.1``) and diffed across versions (``diff lahat@2025.1 lahat``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jamsostek_regs import bundle
from jamsostek_regs.errors import UnknownStandardVersionError
from jamsostek_regs.model import Draft
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.source.standard import load_standard, standard_of
from jamsostek_regs.validation import validate_standard
from jamsostek_regs.workspace import STANDARD, Workspace
from tests.conftest import ROOT, WORKSPACE
from tests.regionkit import make_workspace, run_cli

FROZEN = "2025.1"
#: A citation the current standard's Mengingat has and 2025.1's has not (review C-05).
PP_49_2023 = "terakhir dengan Peraturan Pemerintah Nomor 49 Tahun 2023"


def _mengingat(draft: Draft) -> str:
    node = draft.find("mengingat")
    assert node is not None
    return "\n".join(n.plain() for n in node.walk() if n.text)


def test_every_frozen_version_says_its_id_and_validates() -> None:
    assert FROZEN in WORKSPACE.frozen
    for version, path in WORKSPACE.frozen.items():
        assert path.name == f"{STANDARD}@{version}"
        assert load_standard(path).manifest.version == version
        assert validate_standard(path) == []


def test_the_current_standard_is_the_default() -> None:
    assert WORKSPACE.version is None
    assert WORKSPACE.standard == ROOT / "templates" / STANDARD


def test_a_region_rebuilds_with_the_frozen_version() -> None:
    old, new = assemble(WORKSPACE.at(FROZEN), "lahat"), assemble(WORKSPACE, "lahat")
    assert old.meta.standard_version == FROZEN
    assert PP_49_2023 not in _mengingat(old)
    assert PP_49_2023 in _mengingat(new)


@pytest.fixture
def bumped(tmp_path: Path) -> Workspace:
    """A copy of the project whose current standard says 2026.1, with 2025.1 frozen beside it."""
    root = make_workspace(tmp_path, copy_standard=True)
    shutil.copy(ROOT / "regions" / "lahat.yaml", root / "regions" / "lahat.yaml")
    manifest = root / "templates" / STANDARD / "manifest.yaml"
    manifest.write_text(manifest.read_text().replace('version: "2025.1"', 'version: "2026.1"', 1))
    return Workspace(root)


def test_each_version_loads_by_its_id(bumped: Workspace) -> None:
    assert standard_of(bumped).manifest.version == "2026.1"
    assert standard_of(bumped.at("2026.1")).path == bumped.root / "templates" / STANDARD
    assert standard_of(bumped.at(FROZEN)).path == bumped.root / "templates" / f"{STANDARD}@{FROZEN}"


def test_an_unknown_version_is_refused_with_the_known_ones(bumped: Workspace) -> None:
    with pytest.raises(UnknownStandardVersionError, match=r"'2024\.9': known versions are 2025\.1, 2026\.1"):
        standard_of(bumped.at("2024.9"))


def test_a_region_ref_may_name_a_version() -> None:
    assert WORKSPACE.of("lahat@2025.1") == (WORKSPACE.at("2025.1"), "lahat")
    assert WORKSPACE.of("lahat") == (WORKSPACE, "lahat")


def _assembled(workspace: Workspace, *options: str) -> tuple[int, str, str]:
    out = workspace.root / "out"
    shutil.rmtree(out, ignore_errors=True)
    code, _, err = run_cli(
        workspace.root, *options, "assemble", "lahat", "--format", "txt", "--out", str(out)
    )
    text = out / "lahat" / "lahat.txt"
    return code, text.read_text(encoding="utf-8") if text.exists() else "", err


def test_cli_assembles_with_a_version_and_refuses_an_unknown_one(bumped: Workspace) -> None:
    code, text, err = _assembled(bumped, "--standard", FROZEN)
    assert code == 0, err
    assert PP_49_2023 not in text
    code, text, err = _assembled(bumped)
    assert code == 0, err
    assert PP_49_2023 in text
    code, text, err = _assembled(bumped, "--standard", "2024.9")
    assert (code, text) == (2, "")
    assert "unknown standard version '2024.9': known versions are 2025.1, 2026.1" in err


def test_cli_diffs_a_region_across_versions(bumped: Workspace) -> None:
    code, out, _ = run_cli(bumped.root, "diff", f"lahat@{FROZEN}", "lahat")
    assert code == 1
    assert "Mengingat" in out
    assert "{+6893+}" in out  # PP 49/2023's TLN, new as the last amendment in the chain of PP 44/2015
    code, _, _ = run_cli(bumped.root, "diff", f"lahat@{FROZEN}", f"lahat@{FROZEN}")
    assert code == 0


def test_the_matrix_refuses_a_version_rather_than_ignoring_it(bumped: Workspace) -> None:
    code, _, err = run_cli(bumped.root, "--standard", FROZEN, "matrix", "lahat")
    assert code == 2
    assert "current standard" in err


def test_a_bundle_drafts_with_the_version_asked_for(bumped: Workspace) -> None:
    result = bundle.export(bumped.root, ["lahat"], standard_version="2024.9")
    assert not result.regions
    assert "unknown standard version '2024.9'" in result.failed[0].errors[0]
    assert bundle.export(bumped.root, ["lahat"], standard_version=FROZEN).regions == ("lahat",)


def test_a_rule_newer_than_a_version_warns_on_its_drafts_instead_of_refusing_them() -> None:
    """Rebuilding under 2025.1 (to compare) must not fail on rules its text predates (R130 since 2026.1)."""
    from jamsostek_regs.lint.registry import RULES

    rule = RULES["R130"]
    assert rule.since == "2026.1"
    assert (rule.severity_for("2026.1"), rule.severity_for("2025.1"), rule.severity_for("2027.2")) == (
        "error",
        "warning",
        "error",
    )
    assert RULES["R63"].severity_for("2025.1") == "error"  # a rulebook rule holds for every version
