"""``jamsostek-regs export``: bundle contents, manifest, hashes, reproducibility, failures."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from jamsostek_regs import __version__
from jamsostek_regs.bundle.worker import CHECKLIST
from jamsostek_regs.model import Draft
from jamsostek_regs.source.regions import LoadedRegion, region_ids
from jamsostek_regs.source.standard import Standard
from tests.bundle.conftest import ATTACHED, copy_workspace, entries, export, manifest
from tests.conftest import ROOT, WORKSPACE

SEEDS = region_ids(WORKSPACE.regions)
FORMATS = (".docx", ".md", ".html", ".txt")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_bundle_holds_each_region_then_readme_sums_and_manifest(seed_bundle: bytes) -> None:
    names = list(entries(seed_bundle))
    expected = [f"{r}/{name}" for r in SEEDS for name in (*(f"{r}{suffix}" for suffix in FORMATS), CHECKLIST)]
    assert names == [
        *expected,
        "ringkasan.csv",
        "ringkasan.xlsx",
        "README.txt",
        "SHA256SUMS",
        "manifest.json",
    ]


def test_manifest_describes_every_region(seed_bundle: bytes) -> None:
    data = manifest(seed_bundle)
    assert data["tool"] == {"name": "jamsostek-regs", "version": __version__}
    assert (data["date"], data["date_source"]) == ("2025-06-30", "--date")
    assert data["formats"] == ["docx", "md", "html", "txt"]
    assert data["failed"] == []
    assert [r["id"] for r in data["regions"]] == SEEDS
    lahat = next(r for r in data["regions"] if r["id"] == ATTACHED)
    assert (lahat["level"], lahat["name"]) == ("kabupaten", "Lahat")
    assert lahat["standard"] == {
        "id": "kemendagri_standard",
        "version": "2026.1",
        "region_written_against": None,
    }
    assert [i["path"] for i in lahat["inputs"]] == ["regions/lahat.yaml"]  # no attached lampiran (LH-6)
    assert any("penutup.diundangkan.nama: '...'" in w for w in lahat["warnings"])
    assert not any(": R62 " in w for w in lahat["warnings"])  # Pasal 1 defines only what it uses again
    assert not any("NOMOR ... TAHUN" in w for w in lahat["warnings"])


def test_every_hash_verifies(seed_bundle: bytes) -> None:
    files = entries(seed_bundle)
    data = manifest(seed_bundle)
    listed = {f["path"]: f["sha256"] for r in data["regions"] for f in r["files"]}
    listed |= {f["path"]: f["sha256"] for f in data["files"]}
    assert set(listed) == set(files) - {"manifest.json"}
    for name, digest in listed.items():
        assert sha(files[name]) == digest, name
    for region in data["regions"]:
        for source in region["inputs"]:
            assert sha((ROOT / source["path"]).read_bytes()) == source["sha256"]
    sums = {
        name: digest
        for digest, name in (line.split("  ") for line in files["SHA256SUMS"].decode().splitlines())
    }
    assert sums == {name: digest for name, digest in listed.items() if name != "SHA256SUMS"}


def test_readme_is_indonesian_and_explains_verification(seed_bundle: bytes) -> None:
    readme = entries(seed_bundle)["README.txt"].decode("utf-8")
    assert "Berkas ini berisi rancangan" in readme
    assert "Tanggal berkas: 30 Juni 2025." in readme
    assert "sha256sum -c SHA256SUMS" in readme
    assert "Kabupaten Lahat" in readme and "Provinsi Bengkulu" in readme


def test_entries_have_fixed_dates_and_permissions(seed_bundle: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(seed_bundle)) as archive:
        for info in archive.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr == 0o644 << 16
            stored = info.filename.endswith((".docx", ".xlsx"))
            assert (info.compress_type == zipfile.ZIP_STORED) == stored


def test_rebuild_is_byte_identical_whatever_the_jobs(tmp_path: Path) -> None:
    args = ("lahat", "lombok-timur", "kota-bengkulu", "--format", "txt")
    assert export(*args, "-o", str(tmp_path / "a.zip"), "--jobs", "1").code == 0
    assert export(*reversed(args[:3]), *args[3:], "-o", str(tmp_path / "b.zip"), "--jobs", "2").code == 0
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_docx_in_bundle_equals_assemble(tmp_path: Path, seed_bundle: bytes) -> None:
    from click.testing import CliRunner

    from jamsostek_regs.cli import main

    args = ["-C", str(ROOT), "assemble", ATTACHED, "--out", str(tmp_path)]
    assert CliRunner().invoke(main, args).exit_code == 0
    assembled = (tmp_path / ATTACHED / f"{ATTACHED}.docx").read_bytes()
    assert entries(seed_bundle)[f"{ATTACHED}/{ATTACHED}.docx"] == assembled


def test_broken_region_among_good_ones(tmp_path: Path) -> None:
    workspace = copy_workspace(tmp_path / "ws")
    broken = workspace / "regions" / "rusak.yaml"
    good = (workspace / "regions" / "lombok-timur.yaml").read_text(encoding="utf-8")
    broken.write_text(good.replace("village_unit: desa", "village_unit: kampung"), encoding="utf-8")
    output = tmp_path / "dist" / "drafts.zip"
    run = export("--all", "-o", str(output), workspace=workspace)
    assert run.code == 2
    line = next(i for i, text in enumerate(good.splitlines(), 1) if text.startswith("village_unit"))
    assert f"regions/rusak.yaml:{line}:" in run.err and "village_unit" in run.err
    assert "1 of 7 region(s) failed; the bundle holds the other 6" in run.err
    data = manifest(output.read_bytes())
    assert [r["id"] for r in data["regions"]] == SEEDS
    assert [f["id"] for f in data["failed"]] == ["rusak"]
    assert data["failed"][0]["errors"][0].startswith(f"regions/rusak.yaml:{line}:")
    assert "rusak" in entries(output.read_bytes())["README.txt"].decode()


def test_only_broken_regions_write_nothing(tmp_path: Path) -> None:
    workspace = copy_workspace(tmp_path / "ws")
    (workspace / "regions" / "rusak.yaml").write_text("level: desa\n", encoding="utf-8")
    output = tmp_path / "drafts.zip"
    run = export("rusak", "-o", str(output), workspace=workspace)
    assert run.code == 2 and "nothing was written" in run.err
    assert not output.exists()


def test_unknown_region_is_a_usage_error(tmp_path: Path) -> None:
    run = export("lahatt", "-o", str(tmp_path / "a.zip"))
    assert run.code == 2 and "did you mean 'lahat'" in run.err


def test_output_must_be_a_zip_and_formats_known(tmp_path: Path) -> None:
    assert export("lahat", "-o", str(tmp_path / "a.tar")).code == 2
    run = export("lahat", "-o", str(tmp_path / "a.zip"), "--format", "odt")
    assert run.code == 2 and "expected a comma list of pdf, md, html, txt; got 'odt'" in run.err


def test_never_overwrites_a_file_the_tool_did_not_write(tmp_path: Path) -> None:
    output = tmp_path / "drafts.zip"
    output.write_bytes(b"a user's own file")
    run = export("lahat", "-o", str(output))
    assert run.code == 2 and "refusing to overwrite" in run.err
    assert output.read_bytes() == b"a user's own file"
    assert export("lahat", "-o", str(output), "--force").code == 0
    assert export("lahat", "-o", str(output)).code == 0  # written by the tool: replaced
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_date_defaults_to_the_newest_draft_date(tmp_path: Path) -> None:
    workspace = copy_workspace(tmp_path / "ws")
    for region_id, date in (("lahat", "2025-02-01"), ("lombok-timur", "2025-03-15")):
        path = workspace / "regions" / f"{region_id}.yaml"
        text = path.read_text(encoding="utf-8")
        if "\ndraft:\n" not in text:
            text += "\ndraft:\n"
        path.write_text(text.replace("\ndraft:\n", f"\ndraft:\n  date: {date}\n"), encoding="utf-8")
    output = tmp_path / "drafts.zip"
    assert export("lahat", "lombok-timur", "-o", str(output), workspace=workspace).code == 0
    data = manifest(output.read_bytes())
    assert (data["date"], data["date_source"]) == ("2025-03-15", "draft.date")
    assert [r["draft_date"] for r in data["regions"]] == ["2025-02-01", "2025-03-15"]


def test_an_unexpected_error_fails_only_its_region(monkeypatch: pytest.MonkeyPatch) -> None:
    from jamsostek_regs import pipeline
    from jamsostek_regs.bundle import export as build_bundle

    real = pipeline.build

    def flaky(standard: Standard, loaded: LoadedRegion) -> Draft:
        if loaded.id == "lahat":
            raise RuntimeError("boom")
        return real(standard, loaded)

    monkeypatch.setattr(pipeline, "build", flaky)
    result = build_bundle(ROOT, ["lahat", "lombok-timur"], jobs=1)
    assert result.regions == ("lombok-timur",)
    assert result.failed[0].errors == ("internal error, please report it: RuntimeError: boom",)


def test_linter_errors_fail_the_region_unless_no_lint(tmp_path: Path) -> None:
    workspace = copy_workspace(tmp_path / "ws")
    good = (workspace / "regions" / "lombok-timur.yaml").read_text(encoding="utf-8")
    numbered = good.replace("\nname: Lombok Timur\n", "\nname: Lombok Timur 2\n")
    (workspace / "regions" / "angka.yaml").write_text(numbered, encoding="utf-8")
    output = tmp_path / "drafts.zip"
    run = export("angka", "lahat", "-o", str(output), workspace=workspace)
    assert run.code == 1 and "R111 error" in run.err
    assert [f["id"] for f in manifest(output.read_bytes())["failed"]] == ["angka"]
    run = export("angka", "lahat", "-o", str(output), "--no-lint", workspace=workspace)
    assert run.code == 0
    angka = manifest(output.read_bytes())["regions"][0]
    assert angka["id"] == "angka" and any("R111 error" in w for w in angka["warnings"])


def test_summary_sheet_has_one_row_per_region(seed_bundle: bytes) -> None:
    files = entries(seed_bundle)
    book = openpyxl.load_workbook(io.BytesIO(files["ringkasan.xlsx"]), read_only=True)
    rows = [[cell for cell in row] for row in book["Ringkasan"].iter_rows(values_only=True)]
    header, lines = rows[0], rows[1:]
    assert [line[0] for line in lines] == SEEDS  # one row per region, in id order
    data = manifest(seed_bundle)
    for line, region in zip(lines, data["regions"], strict=True):
        cells = dict(zip(header, line, strict=True))
        assert (cells["tingkat"], cells["nama"]) == (region["level"], region["name"])
        assert cells["versi standar"] == region["standard"]["version"]
        digests = {f["path"].rsplit("/", 1)[-1]: f["sha256"] for f in region["files"]}
        assert cells["sha256 docx"] == digests[f"{region['id']}.docx"]
        assert cells["sha256 daftar-isian.html"] == digests["daftar-isian.html"]
        assert cells["isian tersisa"] == files[f"{region['id']}/daftar-isian.html"].decode().count(
            'type="checkbox"'
        )
    lahat = dict(zip(header, lines[SEEDS.index(ATTACHED)], strict=True))
    assert lahat["sumber pendanaan"] == "apbdes, dbh_sawit" and "pekerja_rentan" in str(lahat["segmen"])
    assert lahat["perubahan parameter"] > 0 and lahat["perubahan redaksi"] == 0
    text = files["ringkasan.csv"].decode("utf-8")
    assert text.startswith("\ufeffid,tingkat,nama,") and text.count("\r\n") == len(SEEDS) + 1


def test_the_summary_says_which_standard_each_region_file_was_written_against(tmp_path: Path) -> None:
    workspace = copy_workspace(tmp_path / "ws")
    with (workspace / "regions" / "lahat.yaml").open("a", encoding="utf-8") as region:
        region.write('standard: "2025.1"\n')  # as rebase --write or new records it
    output = tmp_path / "drafts.zip"
    assert export("lahat", "lombok-timur", "-o", str(output), "-j", "1", workspace=workspace).code == 0
    bundle = output.read_bytes()
    book = openpyxl.load_workbook(io.BytesIO(entries(bundle)["ringkasan.xlsx"]), read_only=True)
    header, *lines = [list(row) for row in book["Ringkasan"].iter_rows(values_only=True)]
    column = header.index("teks daerah ditulis pada standar")
    assert [(line[0], line[column]) for line in lines] == [("lahat", "2025.1"), ("lombok-timur", None)]
    written = [r["standard"]["region_written_against"] for r in manifest(bundle)["regions"]]
    assert written == ["2025.1", None]
