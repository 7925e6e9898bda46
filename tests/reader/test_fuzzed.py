"""Damaged and extreme DOCX never give a traceback: ``read`` exits 0 or 2 with a message.

The damage: the fuzz harness's mutations of Word documents (benchmarks/fuzz_mutations.py:
missing parts, odd XML, entities, thousands of paragraphs, zip levels) applied to a Perkada
DOCX, truncated and bit-flipped files, and the extremes written here: a huge paragraph,
tables nested a hundred deep, a numbering part with absurd values, an empty body.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from jamsostek_regs.model import Draft
from jamsostek_regs.writers import writer
from tests.conftest import ROOT
from tests.regionkit import run_cli

Parts = list[tuple[str, bytes]]
DOCUMENT = "word/document.xml"


@pytest.fixture(scope="module")
def perkada(lombok_timur: Draft) -> Parts:
    with zipfile.ZipFile(io.BytesIO(writer("docx")(lombok_timur))) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def _write(path: Path, parts: Parts) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(name, data)
    return path


def _in_body(parts: Parts, content: str) -> Parts:
    out = []
    for name, data in parts:
        if name == DOCUMENT:
            text = data.decode()
            at = text.index("<w:sectPr")
            data = (text[:at] + content + text[at:]).encode()
        out.append((name, data))
    return out


def _read(path: Path) -> tuple[int, str]:
    code, _out, err = run_cli(path.parent, "read", str(path), "--format", "json")
    assert code in (0, 2), err
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("error: ") and str(path) in err
    return code, err


def test_mutations_of_the_fuzz_harness(
    perkada: Parts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import fuzz_mutations

    operations: tuple[Callable[[random.Random, Parts], str], ...] = fuzz_mutations.DOCX_OPERATIONS
    for index in range(40):
        rng = random.Random(index)
        parts = list(perkada)
        rng.choice(operations)(rng, parts)
        _read(_write(tmp_path / f"m{index}.docx", parts))


def test_truncated_and_flipped_files(perkada: Parts, tmp_path: Path) -> None:
    data = _write(tmp_path / "whole.docx", perkada).read_bytes()
    rng = random.Random(13)
    for index in range(20):
        damaged = bytearray(data[: rng.randrange(len(data))] if index % 2 else data)
        for _ in range(rng.randint(0, 10)):
            damaged[rng.randrange(len(damaged))] ^= rng.randint(1, 255)
        path = tmp_path / f"d{index}.docx"
        path.write_bytes(bytes(damaged))
        _read(path)


def test_missing_main_document_is_refused(perkada: Parts, tmp_path: Path) -> None:
    code, err = _read(_write(tmp_path / "x.docx", [(n, d) for n, d in perkada if n != DOCUMENT]))
    assert code == 2 and "cannot be read" in err


@pytest.mark.parametrize(
    "content",
    [
        "<w:p><w:r><w:t>" + " ".join(f"kata{i}" for i in range(300_000)) + "</w:t></w:r></w:p>",
        "<w:tbl><w:tr><w:tc>" * 100
        + "<w:p><w:r><w:t>Pasal 99</w:t></w:r></w:p>"
        + "</w:tc></w:tr></w:tbl>" * 100,
        "<w:sdt><w:sdtContent>" * 200 + "<w:p/>" + "</w:sdtContent></w:sdt>" * 200,
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="99"/><w:numId w:val="x"/></w:numPr></w:pPr></w:p>',
    ],
    ids=["huge paragraph", "deep tables", "deep content controls", "odd numbering"],
)
def test_extremes(perkada: Parts, tmp_path: Path, content: str) -> None:
    code, _err = _read(_write(tmp_path / "x.docx", _in_body(perkada, content)))
    assert code == 0


def test_absurd_numbering_values(perkada: Parts, tmp_path: Path) -> None:
    numbering = (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="999999999"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1%2%9."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="-5"/></w:lvlOverride></w:num></w:numbering>'
    )
    numbered = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t>'
    )
    parts = [*_in_body(perkada, (numbered + "</w:r></w:p>") * 3), ("word/numbering.xml", numbering.encode())]
    code, _err = _read(_write(tmp_path / "x.docx", parts))
    assert code == 0


def test_an_empty_body_is_no_perkada(perkada: Parts, tmp_path: Path) -> None:
    empty = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
    parts = [(n, empty.encode() if n == DOCUMENT else d) for n, d in perkada]
    code, err = _read(_write(tmp_path / "x.docx", parts))
    assert code == 2 and "is not a Perkada" in err
