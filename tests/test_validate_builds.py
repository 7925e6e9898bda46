"""Issue 11 items 9 and 10: `validate` ok means `assemble` writes; every region field shapes the draft.

`validate` runs the linter as `assemble` does and reports its errors at their line; a field
that changes no word of the draft is a defect, so each such field is diffed in two variants;
no message of pydantic's own wording reaches the user.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from jamsostek_regs.source.schema import Region, validate_partial
from jamsostek_regs.source.yamlsource import load_text
from tests.conftest import ROOT
from tests.regionkit import MINIMAL, make_workspace, run_cli

BAD = Path(__file__).parent / "bad_regions"

#: An added Pasal that breaks R112 (a percentage is written "50% (lima puluh persen)").
PERCENT = """\
additions:
  - key: sasaran
    after: kepesertaan.segmen
    text: |
      Paling sedikit 50% Pekerja Rentan di Daerah terdaftar sebagai Peserta.
    reason: catatan harmonisasi
"""


def test_a_lint_error_fails_validate_at_its_line_in_the_region_file(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    (workspace / "regions" / "contoh.yaml").write_text(MINIMAL + PERCENT, encoding="utf-8")
    code, out, err = run_cli(workspace, "validate", "contoh")
    assert code == 2
    assert out.splitlines() == [
        "regions/contoh.yaml:14:1: tambahan.sasaran.1: Pasal 7: R112 Tulis persentase"
        ' "50% (lima puluh persen)", bukan "50%".'
    ]
    assert "1 problem(s) in 1 file(s)" in err
    code, _, err = run_cli(workspace, "assemble", "contoh", "--format", "txt")
    assert code == 1 and "R112" in err  # what validate reported is what assemble refuses


def test_a_lint_error_in_a_standard_text_is_reported_at_its_template_line(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path, copy_standard=True)
    clause = workspace / "templates" / "kemendagri_standard" / "pemantauan" / "pelaporan.md.jinja"
    text = clause.read_text(encoding="utf-8")
    clause.write_text(text.replace("secara berkala.", "secara berkala paling sedikit 50% setahun."))
    (workspace / "regions" / "contoh.yaml").write_text(MINIMAL, encoding="utf-8")
    code, out, _ = run_cli(workspace, "validate", "contoh")
    assert code == 2
    line = 1 + text[: text.index("secara berkala.")].count("\n")
    assert out.splitlines() == [
        f"templates/kemendagri_standard/pemantauan/pelaporan.md.jinja:{line}:1:"
        " pemantauan.pelaporan.perangkat_daerah: Pasal 18 ayat (1): R112 Tulis persentase"
        ' "50% (lima puluh persen)", bukan "50%".'
    ]


def test_validate_ok_means_assemble_writes_for_every_region_and_bad_region(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    for region in (ROOT / "regions").glob("*.yaml"):
        shutil.copy(region, workspace / "regions" / region.name)
    for case in BAD.glob("*.yaml"):
        shutil.copy(case, workspace / "regions" / case.name.replace("_", "-"))
    (workspace / "regions" / "lint-error.yaml").write_text(MINIMAL + PERCENT, encoding="utf-8")
    accepted = []
    for path in sorted((workspace / "regions").glob("*.yaml")):
        region_id = path.stem
        code, out, _ = run_cli(workspace, "validate", region_id)
        if code == 0:
            accepted.append(region_id)
            code, _, err = run_cli(workspace, "assemble", region_id, "--format", "txt")
            assert code == 0, (region_id, err)
        else:
            assert code == 2 and out, region_id
    assert sorted(p.stem for p in (ROOT / "regions").glob("*.yaml")) == accepted


# ------------------------------------------------------------------ item 9: fields shape the draft


def _variant(data: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the dotted keys of ``change`` set (``compliance.licensing_opd``)."""
    out = yaml.safe_load(yaml.safe_dump(data))
    for dotted, value in change.items():
        *parents, last = dotted.split(".")
        target = out
        for part in parents:
            target = target[part]
        target[last] = value
    return out


LOMBOK = yaml.safe_load((ROOT / "regions" / "lombok-timur.yaml").read_text(encoding="utf-8"))
SOURCES = [{"source": "apbd", "for_groups": [], "decided_by": "uji"}]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            {"financing": [{"source": "apbd", "for_groups": ["non_asn"], "decided_by": "uji"}]},
            "Anggaran Pendapatan dan Belanja Daerah untuk pembayaran Iuran bagi Pekerja pada Pemerintah"
            " Daerah yang bukan calon pegawai negeri sipil, pegawai negeri sipil, atau pegawai"
            " pemerintah dengan perjanjian kerja",
        ),
        (
            {"compliance.licensing_opd": "disnakertrans"},
            "Perangkat Daerah yang menyelenggarakan urusan pemerintahan di bidang tenaga kerja"
            " mempersyaratkan kelengkapan identitas kepesertaan",
        ),
        ({"province": "Jawa Barat"}, "kepada Gubernur Jawa Barat sebagai wakil Pemerintah Pusat"),
    ],
    ids=["for_groups", "licensing_opd", "province"],
)
def test_each_field_changes_the_draft(tmp_path: Path, change: dict[str, Any], words: str) -> None:
    workspace = make_workspace(tmp_path)
    licensing = {"compliance.licensing": True, "compliance.licensing_source": "uji"}
    base = _variant(LOMBOK, {"financing": SOURCES} if "financing" in change else licensing)
    for name, data in (("a", base), ("b", _variant(base, change))):
        (workspace / "regions" / f"{name}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    code, out, _ = run_cli(workspace, "diff", "a", "b")
    assert code == 1 and "no changes" not in out
    code, _, err = run_cli(workspace, "assemble", "b", "--format", "txt")
    assert code == 0, err
    assert words in " ".join((workspace / "build" / "b" / "b.txt").read_text(encoding="utf-8").split())


def test_a_null_financing_source_prints_dots_and_pays_for_nobody(tmp_path: Path) -> None:
    """A source no region source names yet is "..." after the APBD; it pays for no group in the
    draft, decided or not (legal review KB-3: nothing is printed as paid that nobody decided)."""
    workspace = make_workspace(tmp_path)
    text = MINIMAL + "  - source: null\n    for_groups: [pekerja_rentan]\n    decided_by: uji\n"
    (workspace / "regions" / "contoh.yaml").write_text(text, encoding="utf-8")
    code, _, err = run_cli(workspace, "assemble", "contoh", "--format", "txt")
    assert code == 0, err
    printed = (workspace / "build" / "contoh" / "contoh.txt").read_text(encoding="utf-8")
    assert "\n    b. ...; dan/atau\n" in printed and "... untuk pembayaran Iuran" not in printed


# ------------------------------------------------------------- item 10: no raw pydantic wording

#: A value breaking each kind of constraint of the Region model, at a key path of MINIMAL.
BROKEN: list[tuple[str, Any]] = [
    ("level", "Kabupaten Besar"),  # literal
    ("mayor_spelling", "walikota besar"),  # literal
    ("name", ""),  # min_length of text
    ("name", "x" * 2001),  # max_length of text
    ("name", 5),  # type
    ("name", None),  # type
    ("establishment", []),  # min_length of a list
    ("establishment", ["Bukan Id"]),  # pattern (id)
    ("establishment", ["a" * 61]),  # max_length of an id
    ("segments", "penerima_upah"),  # type (list)
    ("financing", [{"source": 7}]),  # type (id)
    ("head", ["x"]),  # type (mapping)
    ("compliance", {"licensing": "perhaps"}),  # type (bool)
    ("targets", {"pekerja_rentan_per_desa": 0}),  # ge
    ("targets", {"pekerja_rentan_per_desa": 100_001}),  # le
    ("targets", {"pekerja_rentan_per_desa": 2.5}),  # type (whole number)
    ("targets", {"pekerja_rentan_per_desa": "banyak"}),  # type (whole number)
    ("targets", {"coverage": [{"year": 1999, "percent": 101}]}),  # ge, le
    ("targets", {"coverage": [{"year": 2025, "percent": "2,5"}]}),  # type (decimal)
    ("targets", {"coverage": [{"year": 2025, "percent": float("nan")}]}),  # finite number
    ("targets", {"coverage": [{"year": 2025, "percent": [1]}]}),  # type (decimal)
    ("draft", {"date": "2025-13-01"}),  # date
    ("draft", {"date": "kemarin"}),  # date
    ("draft", {"date": "2101-01-01"}),  # le (date)
    ("draft", {"date": 5}),  # type (date)
    ("attachments", [{"file": "/abs.docx", "title": "T", "pasal": "a.b"}]),  # value error
    ("attachments", [{"file": "a.pdf", "title": "T", "pasal": "Pasal"}]),  # value error, pattern
    ("attachments", [{"file": "a" * 301 + ".docx", "title": "T", "pasal": "a.b"}]),  # max_length
    ("overrides", [{"key": "ab", "text": "", "reason": "r"}]),  # pattern, min_length
    ("overrides", [{"key": "a.b", "text": "x" * 20_001, "reason": "r"}]),  # max_length
    ("additions", [{"key": "A", "after": "b", "text": "t", "reason": "r"}]),  # pattern (id, Pasal key)
]

#: Pydantic's own phrasing (its messages start "Input should", "String should", "List should", ...).
RAW = ("should", "Value error", "valid ", "after validation")


@pytest.mark.parametrize(("key", "value"), BROKEN, ids=[f"{k}-{i}" for i, (k, _) in enumerate(BROKEN)])
def test_no_message_of_pydantic_reaches_the_user(key: str, value: Any) -> None:
    data = yaml.safe_load(MINIMAL)
    data[key] = value
    located = load_text(yaml.safe_dump(data), "regions/contoh.yaml")
    _, _, problems = validate_partial(Region, located)
    assert problems
    for problem in problems:
        assert not any(raw in problem.message for raw in RAW), problem.message
        assert "(got " in problem.message


def test_the_scaffold_says_which_region_has_village_unit_none(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    args = ("new", "kota-contoh", "--level", "kota", "--name", "Contoh", "--province", "Jawa Barat")
    assert run_cli(workspace, *args)[0] == 0
    text = (workspace / "regions" / "kota-contoh.yaml").read_text(encoding="utf-8")
    assert (
        "# FILL: `desa`, `nagari` (Sumatera Barat) or `none`: a kabupaten or kota of kelurahan only"
        " (most kota), and every provinsi.\nvillage_unit: none\n"
    ) in text


def test_an_undecided_financing_entry_is_a_warning_at_its_line_not_a_problem(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path)
    undecided = MINIMAL.replace("decided_by: uji,\n     ", "")
    assert undecided != MINIMAL
    (workspace / "regions" / "contoh.yaml").write_text(undecided, encoding="utf-8")
    code, out, _ = run_cli(workspace, "validate", "contoh")
    assert code == 0
    assert out.splitlines() == [
        "regions/contoh.yaml:8:20: financing[0].for_groups: warning: no decided_by: the draft names no group"
        " paid from apbd and prints no Pasal paying iuran from it; give decided_by with its source once the"
        " region decides",
        "ok: the standard and 1 region(s) are valid",
    ]
    (workspace / "regions" / "contoh.yaml").write_text(MINIMAL, encoding="utf-8")
    assert run_cli(workspace, "validate", "contoh")[1].splitlines() == [
        "ok: the standard and 1 region(s) are valid"
    ]
