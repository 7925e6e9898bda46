"""Attached Word documents: bombs and broken files are refused before anything parses them,
by validate exactly as by assemble, at the region file's line."""

from __future__ import annotations

import functools
import os
import time
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from jamsostek_regs.source import docx_limits
from tests.attachments import EXAMPLE, FILE
from tests.bundle.conftest import ATTACHED, attached_workspace
from tests.regionkit import run_cli

SHIPPED = EXAMPLE
DOCUMENT = "word/document.xml"
CONTENT_TYPES = "[Content_Types].xml"
MAIN = b"wordprocessingml.document.main+xml"


def _parts() -> dict[str, bytes]:
    with zipfile.ZipFile(SHIPPED) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _body(extra: bytes) -> dict[str, bytes]:
    """The shipped parts with ``extra`` at the end of the document body."""
    parts = _parts()
    document = parts[DOCUMENT]
    end = document.rindex(b"<w:sectPr")
    return {**parts, DOCUMENT: document[:end] + extra + document[end:]}


def _write(
    path: Path, parts: dict[str, bytes] | list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED
) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a name given twice
        with zipfile.ZipFile(path, "w", method) as archive:
            for name, data in parts.items() if isinstance(parts, dict) else parts:
                archive.writestr(name, data)
    return path


def _refusal(path: Path) -> str:
    start = time.perf_counter()
    with pytest.raises(ValueError) as raised:
        docx_limits.check(path)
    assert time.perf_counter() - start < 3, "refused from what is cheap to read"
    return str(raised.value)


def _paragraphs(count: int) -> bytes:
    """``count`` paragraphs that do not compress like a bomb (each text differs)."""
    return b"".join(b"<w:p><w:r><w:t>%x</w:t></w:r></w:p>" % (i * 2654435761 % 2**32) for i in range(count))


def test_the_shipped_attachment_passes_quickly() -> None:
    start = time.perf_counter()
    docx_limits.check(SHIPPED)
    assert time.perf_counter() - start < 2


def test_a_whitespace_bomb_is_refused_from_the_zip_directory(tmp_path: Path) -> None:
    bomb = _write(tmp_path / "a.docx", _body(b" " * 200_000_000))
    assert bomb.stat().st_size < 250_000
    assert _refusal(bomb) == "part word/document.xml unpacks to 200.0 MB; at most 30.0 MB is accepted"


def test_a_million_empty_paragraphs_are_refused(tmp_path: Path) -> None:
    bomb = _write(tmp_path / "a.docx", _body(b"<w:p/>" * 1_700_000))
    assert bomb.stat().st_size < 60_000
    assert _refusal(bomb) == (
        "part word/document.xml unpacks to 632 times its packed size; at most 200 times is accepted"
        " (a zip bomb?)"
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (_paragraphs(1_501), "has more than 1500 paragraphs and tables in its body, the most accepted"),
        (
            b"<w:tbl>"
            + b"".join(b"<w:tr><w:tc>" + _paragraphs(1_001) + b"</w:tc></w:tr>" for _ in range(20))
            + b"</w:tbl>",
            "has more than 20000 paragraphs, the most accepted",
        ),
        (
            b"<w:p>"
            + b"".join(b"<w:r><w:t>%x</w:t></w:r>" % (i * 2654435761 % 2**32) for i in range(250_001))
            + b"</w:p>",
            "has more than 500000 XML elements, the most accepted",
        ),
        (
            b"".join(b'<w:p><w:pPr><w:pStyle w:val="S%d"/></w:pPr></w:p>' % i for i in range(41)),
            "has more than 40 styles in use, the most accepted",
        ),
    ],
    ids=["blocks", "paragraphs", "elements", "styles"],
)
def test_what_would_take_long_to_compose_is_counted_while_streaming(
    tmp_path: Path, extra: bytes, message: str
) -> None:
    assert _refusal(_write(tmp_path / "a.docx", _body(extra))) == message


def test_a_namespace_prefix_does_not_hide_paragraphs(tmp_path: Path) -> None:
    namespace = b'xmlns:q="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    prefixed = _paragraphs(1_501).replace(b"<w:p>", b"<q:p " + namespace + b">").replace(b"</w:p>", b"</q:p>")
    message = _refusal(_write(tmp_path / "a.docx", _body(prefixed)))
    assert message == "has more than 1500 paragraphs and tables in its body, the most accepted"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda p: {**p, DOCUMENT: b"this is not XML"},
            "is not a Word document (.docx): part word/document.xml is not well-formed XML"
            " (syntax error, line 1)",
        ),
        (
            lambda p: {n: d for n, d in p.items() if n != "[Content_Types].xml"},
            "is not a Word document (.docx): it has no [Content_Types].xml",
        ),
        (
            lambda p: {n: d for n, d in p.items() if n != "_rels/.rels"},
            "is not a Word document (.docx): it has no _rels/.rels",
        ),
        (
            lambda p: {
                **p,
                "[Content_Types].xml": p["[Content_Types].xml"].replace(
                    MAIN, b"ms-word.document.macroEnabled.main+xml"
                ),
            },
            "is a macro-enabled document (.docm): save it as a Word document (.docx)",
        ),
        (
            lambda p: {
                **p,
                DOCUMENT: b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                + p[DOCUMENT][p[DOCUMENT].index(b"<w:document") :],
            },
            "part word/document.xml declares a DTD (<!DOCTYPE>), which Word never writes",
        ),
        (
            lambda p: [*p.items(), (DOCUMENT, p[DOCUMENT])],
            "is not a Word document (.docx): two parts are named word/document.xml",
        ),
        (
            lambda p: {**p, **{f"word/media/x{i}.bin": b"" for i in range(1_000)}},
            "has 1016 parts; at most 1000 are accepted",
        ),
        (
            lambda p: {
                **p,
                "[Content_Types].xml": p["[Content_Types].xml"].replace(
                    MAIN, b"wordprocessingml.template.main+xml"
                ),
            },
            "is not a Word document (.docx): python-docx cannot read it (ValueError: file '",
        ),
    ],
    ids=["not-xml", "no-content-types", "no-rels", "docm", "entities", "name-twice", "parts", "template"],
)
def test_a_broken_document_is_refused_with_its_reason(tmp_path: Path, change: object, message: str) -> None:
    assert callable(change)
    assert _refusal(_write(tmp_path / "a.docx", change(_parts()))).startswith(message)


@pytest.mark.parametrize(
    ("offset", "value", "message"),
    [
        (6, b"\x89\x00", "NotImplementedError: zip file version 13.7"),  # version needed to extract
        (10, b"\x63\x00", "part [Content_Types].xml uses a compression Word does not write"),
        (16, b"\x00\x00\x00\x00", "BadZipFile: Bad CRC-32 for file '[Content_Types].xml'"),
    ],
    ids=["version", "method", "crc"],
)
def test_a_damaged_zip_directory_is_refused(tmp_path: Path, offset: int, value: bytes, message: str) -> None:
    """Found by the fuzz harness: zipfile raises more than BadZipFile on flipped bytes."""
    data = bytearray(SHIPPED.read_bytes())
    entry = data.index(b"PK\x01\x02")  # the first part's central directory entry
    data[entry + offset : entry + offset + len(value)] = value
    damaged = tmp_path / "a.docx"
    damaged.write_bytes(bytes(data))
    refusal = _refusal(damaged)
    assert refusal.startswith("is not a Word document (.docx): ") and message in refusal, refusal


def test_a_zip_whose_directory_is_damaged_is_not_a_word_document(tmp_path: Path) -> None:
    """Found by the long fuzz run: zipfile.is_zipfile accepts it, ZipFile raised in is_docx."""
    from jamsostek_regs.ooxml.package import is_docx

    data = bytearray(SHIPPED.read_bytes())
    data[data.index(b"PK\x01\x02") + 3] = 3  # the central directory's signature
    damaged = tmp_path / "a.docx"
    damaged.write_bytes(bytes(data))
    assert zipfile.is_zipfile(damaged) and not is_docx(damaged)


def test_a_truncated_zip_or_an_odd_compression_is_refused(tmp_path: Path) -> None:
    truncated = tmp_path / "t.docx"
    truncated.write_bytes(SHIPPED.read_bytes()[:20_000])
    assert _refusal(truncated) == "is not a Word document (.docx): not a zip archive"
    bzip = _write(tmp_path / "b.docx", _parts(), zipfile.ZIP_BZIP2)
    assert _refusal(bzip) == (
        "is not a Word document (.docx): part [Content_Types].xml uses a compression Word does not write"
    )


_OPC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "word/_rels/document.xml.rels"
_TYPES = b"application/vnd.openxmlformats-officedocument.wordprocessingml"


def _related(
    parts: dict[str, bytes], rid: str, kind: str, target: str, external: bool = False
) -> dict[str, bytes]:
    mode = ' TargetMode="External"' if external else ""
    extra = f'<Relationship Id="{rid}" Type="{_OPC}/{kind}" Target="{target}"{mode}/></Relationships>'
    return {**parts, _RELS: parts[_RELS].replace(b"</Relationships>", extra.encode())}


def _picture(rid: str) -> bytes:
    drawing = "http://schemas.openxmlformats.org/drawingml/2006/main"
    blip = f'<a:blip xmlns:a="{drawing}" xmlns:r="{_OPC}" r:embed="{rid}"/>'
    return f"<w:p><w:r><w:drawing>{blip}</w:drawing></w:r></w:p>".encode()


def _footnotes(count: int, size: int) -> dict[str, bytes]:
    """``count`` footnote references to a footnotes part of ``count`` notes of ``size`` bytes."""
    note = b'<w:footnote w:id="%d"><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:footnote>'
    notes = b"".join(note % (n, os.urandom(size // 2).hex().encode()) for n in range(count))
    namespace = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    override = (
        b'<Override PartName="/word/footnotes.xml" ContentType="' + _TYPES + b'.footnotes+xml"/></Types>'
    )
    reference = b'<w:p><w:r><w:footnoteReference w:id="%d"/></w:r></w:p>'
    parts = _related(
        _body(b"".join(reference % n for n in range(count))), "rIdF", "footnotes", "footnotes.xml"
    )
    parts["word/footnotes.xml"] = b"<w:footnotes " + namespace + b">" + notes + b"</w:footnotes>"
    parts[CONTENT_TYPES] = parts[CONTENT_TYPES].replace(b"</Types>", override)
    return parts


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (
            lambda: _related(
                _body(_picture("rId99")), "rId99", "image", "https://example.invalid/x.png", True
            ),
            "cannot be composed into a draft (ValueError: target_part property on _Relationship is undefined"
            " when target mode is External)",
        ),
        (
            lambda: _body(b'<w:p><w:r><w:footnoteReference w:id="77"/></w:r></w:p>'),
            'cannot be composed into a draft (KeyError: "no relationship of type'
            f" '{_OPC}/footnotes' in collection\")",
        ),
        (
            lambda: _footnotes(120, 16_000),
            "has 120 footnote references to a footnotes part of 1.9 MB: composing would read 231.4 MB,"
            " at most 50.0 MB",
        ),
        (
            lambda: functools.reduce(
                lambda p, n: _related(p, f"rIdL{n}", "hyperlink", f"https://example.invalid/{n}", True),
                range(501),
                _body(b"".join(b'<w:p><w:hyperlink r:id="rIdL%d"/></w:p>' % n for n in range(501))),
            ),
            "has more than 500 uses of pictures, links and other parts, the most accepted",
        ),
    ],
    ids=["external-picture", "footnote-without-footnotes", "footnotes-read-again", "links"],
)
def test_what_docxcompose_could_not_compose_or_would_compose_slowly_is_refused(
    tmp_path: Path, parts: Callable[[], dict[str, bytes]], message: str
) -> None:
    """Found by the fuzz harness: documents python-docx opens but composing broke on."""
    assert _refusal(_write(tmp_path / "a.docx", parts())).startswith(message)


def test_a_document_is_checked_once_per_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[Path] = []
    monkeypatch.setattr(docx_limits, "_check", checked.append)
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    first.write_bytes(SHIPPED.read_bytes() + b"\0")
    second.write_bytes(first.read_bytes())
    for path in (first, first, second):
        docx_limits.check(path)
    first.write_bytes(first.read_bytes() + b"\0")
    docx_limits.check(first)
    assert checked == [first, second, first]


@pytest.mark.parametrize("kind", ["whitespace", "paragraphs", "docm", "not-xml"])
def test_validate_refuses_what_assemble_refuses_at_the_region_line(tmp_path: Path, kind: str) -> None:
    workspace = attached_workspace(tmp_path / "ws")
    attached = workspace / "regions" / FILE
    parts = {
        "whitespace": _body(b" " * 100_000_000),
        "paragraphs": _body(_paragraphs(1_501)),
        "docm": {
            **_parts(),
            "[Content_Types].xml": _parts()["[Content_Types].xml"].replace(
                MAIN, b"ms-word.document.macroEnabled.main+xml"
            ),
        },
        "not-xml": {**_parts(), DOCUMENT: b"<w:document"},
    }[kind]
    _write(attached, parts)
    line = next(
        n
        for n, text in enumerate((workspace / "regions" / f"{ATTACHED}.yaml").read_text().splitlines(), 1)
        if text.strip().startswith("- file: lampiran/")
    )
    code, out, _ = run_cli(workspace, "validate", ATTACHED)
    assert code == 2
    [problem] = out.splitlines()
    assert problem.startswith(f"regions/{ATTACHED}.yaml:{line}:5: attachments[0].file: regions/{FILE} ")
    code, _, err = run_cli(
        workspace, "assemble", ATTACHED, "--format", "docx,txt", "--out", str(tmp_path / "out")
    )
    assert code == 2 and problem in err.splitlines()
    assert not (tmp_path / "out").exists()
