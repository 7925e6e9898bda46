"""Fuzzing region files: every mutation gives a whole draft or a clean error, never a traceback.

Valid region files are mutated as text (lines deleted, duplicated or swapped, values
replaced, characters inserted, bytes that are not UTF-8) and assembled in every format
through the command line. The outcome must be exit 0 with every file written, or exit 2
(1 when only the linter refuses) with the problems on stderr and nothing written; never
another exception, never a temporary or partial file.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.regionkit import MINIMAL, make_workspace, run_cli

SEEDS = [
    (ROOT / "regions" / "lombok-timur.yaml").read_text(encoding="utf-8"),
    MINIMAL,
    MINIMAL.replace("level: kabupaten", "level: kota").replace("village_unit: desa", "village_unit: none")
    + "mayor_spelling: Walikota\nopd:\n  - id: disnaker\n    role: ketenagakerjaan\n    tasks: [a]\n"
    + "targets:\n  coverage:\n    - {year: 2025, percent: 28.3}\n  pekerja_rentan_per_desa: 60\n"
    + "draft: {date: 2025-01-31, author: Bagian Hukum}\n",
]
VALUES = st.sampled_from(
    [
        "null", "[]", "{}", "yes", "0", "-1", "101", "2.5", "1e400", ".nan", "2024-02-30", "2025-01-01",
        "kabupaten", "kota", "provinsi", "desa", "nagari", "none", "apbd", "apbdes", "apb_nagari",
        "aparatur_desa", "pemberdayaan_desa", "pelaksana", "uu_pembentukan_belum_diisi", "pp_2013_86",
        "&a [x]", "*a", "!!python/name:os.system", "!include x", "{{ region }}", "{% if x %}", "'{{ 7*7 }}'",
        "[a, b", '"\\x07"', '"\\ue000"', "'x: y'", "- z", "| \n  block", "\t",
    ]
)  # fmt: skip
CHARS = st.sampled_from([*"\t\n :-[]{}#&*!'\"|>%@`,?", "\x00", "\x07", "\ud800", "\ue000", "\u202e", "é"])


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    lines = draw(st.sampled_from(SEEDS)).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "value", "insert"]))
        i = draw(st.integers(0, len(lines) - 1)) if lines else 0
        if not lines:
            lines.append(draw(VALUES))
        elif kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "value":
            key = lines[i].split(":", 1)[0] if ":" in lines[i] else lines[i]
            lines[i] = f"{key}: {draw(st.one_of(VALUES, st.text(max_size=12)))}"
        else:
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.text(CHARS, min_size=1, max_size=3)) + lines[i][at:]
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_workspace(tmp_path_factory.mktemp("fuzz"))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated())
def test_a_mutated_region_gives_a_whole_draft_or_a_clean_error(workspace: Path, data: bytes) -> None:
    (workspace / "regions" / "fuzz.yaml").write_bytes(data)
    out = workspace / "out"
    shutil.rmtree(out, ignore_errors=True)
    code, _, err = run_cli(workspace, "assemble", "fuzz", "--format", "docx,md,html,txt", "--out", str(out))
    assert code in (0, 1, 2), err
    event(f"assemble exit {code}")
    folder = out / "fuzz"
    written = (
        sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) if folder.exists() else []
    )
    assert not list(out.rglob("*.tmp")) if out.exists() else True
    valid, _, _ = run_cli(workspace, "validate", "fuzz")
    if code == 0:
        assert written == ["fuzz.docx", "fuzz.html", "fuzz.md", "fuzz.txt"]
        assert all((folder / name).stat().st_size > 0 for name in written)
        assert zipfile.is_zipfile(folder / "fuzz.docx")
        assert valid == 0  # assemble never builds what validate refuses
    else:
        assert written == [] and "error:" in err
        assert valid == 2  # validate refuses every input assemble refuses, lint errors included


@pytest.mark.parametrize("seed", range(len(SEEDS)))
def test_every_seed_assembles_so_the_fuzz_can_reach_success(workspace: Path, seed: int) -> None:
    (workspace / "regions" / "seed.yaml").write_text(SEEDS[seed], encoding="utf-8")
    code, _, err = run_cli(
        workspace, "assemble", "seed", "--format", "txt", "--out", str(workspace / "seed-out")
    )
    assert code == 0, err


# --- the fuzz harness (benchmarks/fuzz_regions.py) ------------------------------------------


@pytest.fixture
def harness(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import fuzz_regions

    return fuzz_regions


def test_a_seeded_slice_of_the_fuzz_harness_finds_nothing(harness: Any) -> None:
    """150 structural region mutants and 30 damaged attachments through validate and assemble
    in every format: no traceback, no hang, no problem without a line, no disagreement."""
    start = time.perf_counter()
    report = harness.run(seed=20251202, count=150, docx=30, jobs=2)
    harness.print_report(report)
    assert [f"{f.kind}: {f.signature} ({f.mutant})" for f in report.findings] == []
    assert report.mutants == 180 and report.runs == 360
    assert report.slowest[0] < 10
    # the slice reaches both outcomes of both kinds, so it tests the writers too
    for kind in ("region", "docx"):
        assert report.outcomes[f"{kind} assemble exit 0"] > 0
        assert report.outcomes[f"{kind} assemble exit 2"] > 0
    assert time.perf_counter() - start < 60


def test_the_harness_reports_tracebacks_and_hangs_by_signature(
    harness: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The harness is not blind: a crash and a hang in the loader are found and located."""
    from jamsostek_regs.source import yamlsource

    def crash(raw: bytes, name: str) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(yamlsource, "_decode", crash)
    report = harness.run(seed=1, count=0, docx=0, only="region:2", timeout=2)
    assert {(f.kind, f.signature) for f in report.findings} == {
        ("traceback", "validate: RuntimeError at jamsostek_regs/source/yamlsource.py:load_file"),
        ("traceback", "assemble: RuntimeError at jamsostek_regs/source/yamlsource.py:load_file"),
    }

    def hang(raw: bytes, name: str) -> str:
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(yamlsource, "_decode", hang)
    report = harness.run(seed=1, count=0, docx=0, only="region:2", timeout=0.5)
    assert {(f.kind, f.signature) for f in report.findings} == {
        ("hang", "validate: Hang at jamsostek_regs/source/yamlsource.py:load_file"),
        ("hang", "assemble: Hang at jamsostek_regs/source/yamlsource.py:load_file"),
    }
