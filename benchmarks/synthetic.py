"""Seeded synthetic region files for benchmarks and tests: a realistic mix of levels and options.

:func:`make_workspace` fills a folder with ``templates/`` (a link to this repository's clause
library) and ``regions/<id>.yaml`` files: provinsi, kabupaten and kota in Indonesia's
proportions (38, 416 and 98 of 552), each with a random but valid choice of segments,
government groups, financing, Perangkat Daerah, compliance switches, targets, draft
properties and, for a few kabupaten, the example attached lampiran. Names are visibly
synthetic ("Sintetis Babatu"); the same seed always gives the same files.

Usage: ``python benchmarks/synthetic.py FOLDER [--count N] [--seed S]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jamsostek_regs.source.schema import Catalog  # noqa: E402
from jamsostek_regs.source.standard import load_standard  # noqa: E402
from jamsostek_regs.workspace import Workspace  # noqa: E402
from tests.attachments import EXAMPLE as EXAMPLE_ATTACHMENT  # noqa: E402

#: Indonesia's regions by level (38 provinsi, 416 kabupaten, 98 kota).
LEVELS = (("provinsi", 38), ("kabupaten", 416), ("kota", 98))
ATTACHMENT_SHARE = 0.03
SYLLABLES = ("ba", "di", "ku", "le", "mo", "na", "ri", "sa", "tu", "wa")
BPU_EXAMPLES = ("petani", "nelayan", "pedagang", "peternak", "pengemudi ojek", "buruh harian lepas")
OPD_NAMES = {
    "ketenagakerjaan": ("Dinas Tenaga Kerja", "Disnaker"),
    "perizinan": ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    "pemberdayaan_desa": ("Dinas Pemberdayaan Masyarakat dan Desa", "DPMD"),
    "keuangan": ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    "sosial": ("Dinas Sosial", None),
}


def word(number: int) -> str:
    """A made-up name for ``number``, without digits (which the linter would take for numbers)."""
    return "".join(SYLLABLES[int(d)] for d in f"{number:03d}").capitalize()


def levels(count: int) -> list[str]:
    """``count`` levels in the national proportions, in a fixed order."""
    total = sum(n for _, n in LEVELS)
    out = [level for level, n in LEVELS for _ in range(round(n * count / total))]
    return (out + ["kabupaten"] * count)[:count]


def region(rng: random.Random, level: str, number: int, catalog: Catalog) -> dict[str, Any]:
    """The data of one synthetic region file."""
    village = _village_unit(rng, level)
    segments = _subset(rng, sorted(catalog.segments), minimum=2)
    allowed = [g for g, e in catalog.government_groups.items() if village != "none" or not e.requires_village]
    groups = _subset(rng, allowed)
    data: dict[str, Any] = {"level": level, "name": f"Sintetis {word(number)}"}
    if level != "provinsi":
        data["province"] = f"Sintetis {word(rng.randrange(1, 39))}"
    data |= {
        "capital": rng.choice([None, word(number)]),
        "village_unit": village,
        "establishment": ["uu_pembentukan_belum_diisi"],
        "head": {"name": rng.choice([None, f"Kepala {word(number)}"])},
        "secretary": {"name": rng.choice([None, f"Sekretaris {word(number)}"])},
        "segments": segments,
        "lists": _bpu_list(rng, segments),
        "government_groups": groups,
        "financing": _financing(rng, catalog, village, [*segments, *groups]),
        "opd": _opd(rng, catalog, village),
    }
    data["compliance"] = _compliance(rng, data["opd"])
    data["targets"] = _targets(rng, village)
    data["draft"] = _draft(rng, number)
    return data


def _bpu_list(rng: random.Random, segments: list[str]) -> dict[str, Any]:
    """Groups of pekerja bukan penerima upah (`lists`, legal review C-27), only with that segment
    and when any are drawn; drawn either way, so the rest of the region is what it always was."""
    examples = _subset(rng, list(BPU_EXAMPLES))
    if not examples or "bukan_penerima_upah" not in segments:
        return {}
    return {"bukan_penerima_upah": {"groups": examples, "source": "synthetic"}}


def _village_unit(rng: random.Random, level: str) -> str:
    if level == "provinsi":
        return "none"
    if level == "kota":
        return rng.choices(["none", "desa"], [9, 1])[0]
    return rng.choices(["desa", "nagari"], [19, 1])[0]


def _subset(rng: random.Random, items: list[str], minimum: int = 0) -> list[str]:
    chosen = rng.sample(items, rng.randint(min(minimum, len(items)), len(items)))
    return [item for item in items if item in chosen]


def _financing(rng: random.Random, catalog: Catalog, village: str, groups: list[str]) -> list[dict[str, Any]]:
    sources = [s for s, e in catalog.financing.items() if e.village_unit in (None, village)]
    chosen = _subset(rng, sources, minimum=1)
    payable = [g for g in groups if g != "penerima_upah"]  # their Pemberi Kerja pays (UU 24/2011 Pasal 19)
    return [
        {"source": source, "for_groups": _subset(rng, payable)[:3], "decided_by": "synthetic"}
        for source in chosen
    ]


def _opd(rng: random.Random, catalog: Catalog, village: str) -> list[dict[str, Any]]:
    roles = [r for r, e in catalog.opd_roles.items() if village != "none" or not e.requires_village]
    out = []
    for role in _subset(rng, roles)[:6]:
        name, abbreviation = OPD_NAMES.get(role, (None, None))
        entry: dict[str, Any] = {"id": role, "role": role, "name": rng.choice([None, name])}
        if abbreviation:
            entry["abbreviation"] = abbreviation
        out.append(entry)
    return out


def _compliance(rng: random.Random, opd: list[dict[str, Any]]) -> dict[str, Any]:
    licensing = rng.random() < 0.85
    licensing_opd = next((o["id"] for o in opd if o["role"] == "perizinan"), None)
    public_services = rng.random() < 0.85
    licensing = licensing and public_services  # licensing applies that sanction (legal review C-01)
    return {
        "licensing": licensing,
        "licensing_source": "synthetic region" if licensing else None,
        "licensing_opd": licensing_opd if licensing else None,
        "public_services": public_services,
    }


def _targets(rng: random.Random, village: str) -> dict[str, Any]:
    coverage = [
        {"year": year, "percent": f"{rng.uniform(20, 95):.1f}"}
        for year in range(2025, 2025 + rng.choice([0, 0, 1, 2, 3]))
    ]
    per_desa = rng.choice([None, 30, 60, 100]) if village != "none" else None
    return {"coverage": coverage, "pekerja_rentan_per_desa": per_desa}


def _draft(rng: random.Random, number: int) -> dict[str, Any]:
    date = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(365)) if rng.random() < 0.5 else None
    return {"date": date, "author": rng.choice([None, f"Bagian Hukum {word(number)}"])}


def make_workspace(folder: Path, count: int = 552, seed: int = 20250101) -> list[str]:
    """Write ``count`` synthetic region files under ``folder``; return their ids."""
    rng = random.Random(seed)
    regions = folder / "regions"
    (regions / "lampiran").mkdir(parents=True, exist_ok=True)
    templates = folder / "templates"
    if not templates.exists():
        templates.symlink_to(ROOT / "templates", target_is_directory=True)
    shutil.copyfile(EXAMPLE_ATTACHMENT, regions / "lampiran" / EXAMPLE_ATTACHMENT.name)
    catalog = load_standard(Workspace(ROOT).standard).catalog
    ids = []
    for number, level in enumerate(levels(count), 1):
        data = region(rng, level, number, catalog)
        if level == "kabupaten" and rng.random() < ATTACHMENT_SHARE:
            data["attachments"] = [_attachment()]
        region_id = f"{level}-sintetis-{number:03d}"
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        (regions / f"{region_id}.yaml").write_text(f"# synthetic region (benchmarks/synthetic.py)\n{text}")
        ids.append(region_id)
    return ids


def _attachment() -> dict[str, str]:
    return {
        "file": f"lampiran/{EXAMPLE_ATTACHMENT.name}",
        "title": "Format laporan pelaksanaan tugas Perangkat Daerah",
        "pasal": "pemantauan.pelaporan",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=552)
    parser.add_argument("--seed", type=int, default=20250101)
    args = parser.parse_args()
    print(f"wrote {len(make_workspace(args.folder, args.count, args.seed))} region files under {args.folder}")


if __name__ == "__main__":
    main()
