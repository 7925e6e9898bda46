"""`validate` on the standard itself: templates, variables, references, files, keys, legal basis."""

from __future__ import annotations

from pathlib import Path

import pytest

from jamsostek_regs.validation import validate_standard
from tests.conftest import ROOT
from tests.regionkit import make_workspace, run_cli

S = "templates/kemendagri_standard"

#: (file, old, new) edits that each break one rule, and the problems they cause, in order.
DEFECTS = [
    ("program/jenis.md.jinja", "{% endfor %}", "{% endfor %}\n{% if %}"),
    (
        "manifest.yaml",
        "      - pemantauan/pelaporan\n",
        "      - pemantauan/pelaporan\n      - pemantauan/tahunan\n",
    ),
    ("manifest.yaml", "  - key: koordinasi\n", "  - key: penutup\n"),
    ("manifest.yaml", "      - key: kepesertaan_target\n", "      - key: kepesertaan_umum\n"),
    ("manifest.yaml", 'when: "region.compliance.licensing"', 'when: "region.compliance.licensing and"'),
    ("manifest.yaml", 'when: "region.opd"', 'when: "regon.opd"'),
    ("manifest.yaml", "  - uu_2011_12\n", "  - uu_2011_21\n"),
    ("legal_basis.yaml", "amended_by: [pp_2019_82, ", "amended_by: [pp_2019_28, "),
    ("kepatuhan/perizinan.md.jinja", "{{ cat.opd_roles[opd.role].name }}", "{{ regoin.name }}"),
    ("koordinasi/koordinasi.md.jinja", 'ref(".tim")', 'ref(".tym")'),
    (
        "pendanaan/dbh_sawit.md.jinja",
        'ref("pendanaan.sumber.dbh_sawit")',
        'ref("pendanaan.sumber.dbh_sawt")',
    ),
]
VARIABLES = "is not declared in manifest.yaml variables (region, g, cat, d, standard)"
EXPECTED = [
    f"{S}/program/jenis.md.jinja:7:1: template syntax: Expected an expression, got 'end of statement block'",
    f"{S}/manifest.yaml:118:9: body[8].pasal[2]: no template file {S}/pemantauan/tahunan.md.jinja",
    f"{S}/sanksi/lama.md.jinja:1:1: not in manifest.yaml:"
    " list it in the outline (or as menimbang or a lampiran)",
    f"{S}/manifest.yaml:61:9: body[2].bagian[3].key: 'kepesertaan_umum' appears twice (first on line 47)",
    f"{S}/manifest.yaml:106:5: body[7].key: 'penutup' is reserved for the draft's own parts",
    f"{S}/manifest.yaml:104:9: body[6].pasal[1].when: condition 'region.compliance.licensing and':"
    " unexpected 'end of statement block'",
    f"{S}/manifest.yaml:143:5: lampiran[1].when: condition 'regon.opd' uses 'regon', which {VARIABLES}"
    " (did you mean 'region'?)",
    f"{S}/manifest.yaml:18:5: mengingat[3]: 'uu_2011_21' is not in legal_basis.yaml"
    " (did you mean 'uu_2011_24'?)",
    f"{S}/legal_basis.yaml:176:16: pp_2015_44.amended_by[0]: 'pp_2019_28' is not in legal_basis.yaml"
    " (did you mean 'pp_2019_82'?)",
    f"{S}/kepatuhan/perizinan.md.jinja:7:1: variable 'regoin' {VARIABLES} (did you mean 'region'?)",
    f"{S}/koordinasi/koordinasi.md.jinja:5:1: ref('.tym'): no clause has the key 'koordinasi.koordinasi.tym'"
    " (did you mean 'koordinasi.koordinasi.tim'?)",
    f"{S}/pendanaan/dbh_sawit.md.jinja:12:1: ref('pendanaan.sumber.dbh_sawt'): no clause has the key"
    " 'pendanaan.sumber.dbh_sawt' (did you mean 'pendanaan.sumber.dbh_sawit'?)",
]


def _edit(standard: Path, rel: str, old: str, new: str) -> None:
    path = standard / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A workspace whose copy of the standard has every defect of :data:`DEFECTS`."""
    workspace = make_workspace(tmp_path, copy_standard=True)
    standard = workspace / S
    for rel, old, new in DEFECTS:
        _edit(standard, rel, old, new)
    (standard / "sanksi" / "lama.md.jinja").write_text("Teks lama.\n", encoding="utf-8")
    (workspace / "regions" / "lombok-timur.yaml").write_bytes(
        (ROOT / "regions" / "lombok-timur.yaml").read_bytes()
    )
    return workspace


def test_every_problem_of_the_standard_is_reported_at_once(broken: Path) -> None:
    assert [str(p) for p in validate_standard(broken / S)] == EXPECTED


def test_validate_prints_the_standard_problems_and_exits_1(broken: Path) -> None:
    code, out, _ = run_cli(broken, "validate")
    assert code == 2
    assert out.splitlines() == EXPECTED


def test_assemble_refuses_to_build_from_a_broken_standard(broken: Path) -> None:
    code, _, err = run_cli(broken, "assemble", "lombok-timur", "--format", "txt")
    assert code == 2
    assert err.splitlines()[: len(EXPECTED)] == EXPECTED
    assert not (broken / "build").exists()


def test_a_standard_that_does_not_load_is_reported(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path, copy_standard=True)
    _edit(workspace / S, "manifest.yaml", "title: Optimalisasi", "titel: Optimalisasi")
    problems = [str(p) for p in validate_standard(workspace / S)]
    assert len(problems) == 1 and problems[0].endswith("titel: unknown key (did you mean 'title'?)")


@pytest.mark.parametrize(
    ("ref", "problems"),
    [
        ("program.jenis.jkp", []),
        ("pendanaan.sumber.dbhcht", []),
        ("program.jenis.xyz", ["ref('program.jenis.xyz'): no clause has the key 'program.jenis.xyz'"]),
    ],
)
def test_a_ref_to_an_id_a_loop_makes_from_the_catalog_is_known(
    tmp_path: Path, ref: str, problems: list[str]
) -> None:
    """Each case has its own copy: the checks of a standard folder run once per process."""
    workspace = make_workspace(tmp_path, copy_standard=True)
    _edit(workspace / S, "koordinasi/koordinasi.md.jinja", 'ref(".tim")', f'ref("{ref}")')
    assert [p.message for p in validate_standard(workspace / S)] == problems


def test_a_template_that_is_not_utf8_is_reported_not_a_traceback(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path, copy_standard=True)
    (workspace / S / "penutup" / "berlaku.md.jinja").write_bytes(b"Teks \xff\n")
    problems = validate_standard(workspace / S)
    assert [(p.file, p.message.split(":")[0]) for p in problems] == [(S, "cannot read the standard")]
