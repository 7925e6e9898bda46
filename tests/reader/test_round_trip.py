"""read(assemble(region)) is the region's draft again: numbers, texts, keys, anchor ids.

For every shipped region and the standard's own draft, from the DOCX the tool writes, after
LibreOffice saved it again, and with its key marks damaged (bookmarks gone: the manifest's
fingerprints find the keys; manifest and bookmarks gone: alignment with the standard does).
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from jamsostek_regs.diff import redline
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.reader import read
from jamsostek_regs.workspace import STANDARD_REGION, Workspace
from jamsostek_regs.writers import writer
from tests.conftest import ROOT
from tests.diff.libreoffice import needs_soffice

REGIONS = sorted(p.stem for p in (ROOT / "regions").glob("*.yaml"))
Row = tuple[str, str, str, str, str, str]


def rows(draft: Draft, attached: frozenset[str] = frozenset()) -> list[Row]:
    """Every node as (kind, key, number, text, title, anchor id), the body of the ``attached``
    lampiran left out: the DOCX holds the attached document there, not the placeholder line."""
    out: list[Row] = []
    for node in draft.root.children:
        skip = node.key in attached
        out += [_row(n) for n in _walk(node, skip)]
    return out


def _walk(node: Node, attached: bool) -> list[Node]:
    if not attached:
        return list(node.walk())
    return [node, *(n for c in node.children if c.kind == "pengesahan" for n in c.walk())]


def _row(node: Node) -> Row:
    return (node.kind, node.key, node.num, node.plain(), node.title, node.eid)


@pytest.fixture(scope="module")
def written(workspace: Workspace, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Draft, Path]]:
    folder = tmp_path_factory.mktemp("docx")
    out = {}
    for region_id in [*REGIONS, STANDARD_REGION]:
        draft = assemble(workspace, region_id)
        path = folder / f"{region_id}.docx"
        path.write_bytes(writer("docx")(draft))
        out[region_id] = draft, path
    return out


@pytest.mark.parametrize("region_id", [*REGIONS, STANDARD_REGION])
def test_reading_the_tools_docx_gives_its_draft(
    written: dict[str, tuple[Draft, Path]], region_id: str
) -> None:
    draft, path = written[region_id]
    reading = read(path)
    attached = frozenset(a.key for a in draft.meta.attachments)
    assert rows(reading.draft, attached) == rows(draft, attached)
    assert reading.notes == ()
    assert (reading.revisions, reading.comments) == (0, 0)
    # every node a paragraph shows has its key from the document's own marks (but for the
    # paragraphs of an attached document, which have none)
    found = {reading.origins[key].how for key in reading.paragraphs if not key.startswith("docx.")}
    assert found == {"mark"}
    assert {o.how for o in reading.origins.values()} <= (
        {"mark", "derived", "none"} if attached else {"mark", "derived"}
    )


@pytest.mark.parametrize("region_id", [r for r in REGIONS if r != "lahat"] + [STANDARD_REGION])
def test_the_draft_read_prints_as_the_tools_text(
    written: dict[str, tuple[Draft, Path]], region_id: str
) -> None:
    draft, path = written[region_id]
    assert writer("txt")(read(path).draft) == writer("txt")(draft)


def _rewrite(source: Path, target: Path, document: re.Pattern[str] | None, drop_manifest: bool) -> Path:
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        for name in archive.namelist():
            data = archive.read(name)
            if drop_manifest and name.startswith("customXml/"):
                continue
            if name == "word/document.xml" and document is not None:
                data = document.sub("", data.decode()).encode()
            out.writestr(name, data)
    return target


BOOKMARKS = re.compile(r"<w:bookmark(?:Start|End)[^>]*/>")


def test_without_bookmarks_the_manifest_finds_every_key(
    written: dict[str, tuple[Draft, Path]], tmp_path: Path
) -> None:
    draft, path = written["lombok-timur"]
    reading = read(_rewrite(path, tmp_path / "x.docx", BOOKMARKS, drop_manifest=False))
    assert rows(reading.draft) == rows(draft)
    assert {o.how for o in reading.origins.values()} == {"mark", "derived"}


def test_without_any_mark_paragraphs_are_aligned_with_the_reference(
    written: dict[str, tuple[Draft, Path]], tmp_path: Path
) -> None:
    draft, path = written["lombok-timur"]
    standard, _ = written[STANDARD_REGION]
    reading = read(
        _rewrite(path, tmp_path / "x.docx", BOOKMARKS, drop_manifest=True), reference=lambda: standard
    )
    truth = [n.key for n in draft.walk()]
    found = [n.key for n in reading.draft.walk()]
    aligned = [(k, t) for k, t in zip(found, truth, strict=True) if reading.origins[k].how == "aligned"]
    assert len(aligned) > 100
    assert all(0.5 <= reading.origins[k].score <= 1 for k, _ in aligned)
    # nearly every alignment finds the key the region's own draft gives the node
    assert sum(k == t for k, t in aligned) >= 0.95 * len(aligned)
    # numbers and texts never depend on how keys were found
    assert [r[2:5] for r in rows(reading.draft)] == [r[2:5] for r in rows(draft)]


@needs_soffice
def test_after_libreoffice_saves_it_the_draft_is_read_the_same(
    written: dict[str, tuple[Draft, Path]], tmp_path: Path
) -> None:
    out = tmp_path / "saved"
    sources = [str(path) for _, path in written.values()]
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    command = ["soffice", profile, "--headless", "--convert-to", "docx", "--outdir", str(out), *sources]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    for region_id, (draft, path) in written.items():
        saved = out / path.name
        assert zipfile.ZipFile(saved).read("word/document.xml") != zipfile.ZipFile(path).read(
            "word/document.xml"
        )
        reading = read(saved)
        attached = frozenset(a.key for a in draft.meta.attachments)
        assert rows(reading.draft, attached) == rows(draft, attached), region_id
        assert reading.notes == (), region_id


@pytest.mark.parametrize(("a", "b"), [("lombok-timur", "kota-bengkulu"), ("kota-bengkulu", "lombok-timur")])
def test_a_redline_reads_as_b_accepted_and_as_a_rejected(
    workspace: Workspace, tmp_path: Path, a: str, b: str
) -> None:
    """The redline's tracked changes, rows of the lampiran table included, give each side back."""
    old, new = assemble(workspace, a), assemble(workspace, b)
    path = tmp_path / "redline.docx"
    path.write_bytes(redline.render(old, new, "Penguji", ""))
    for view, draft in (("accepted", new), ("original", old)):
        texts = [(n.kind, n.num, n.plain()) for n in read(path, view).draft.walk()]
        assert texts == [(n.kind, n.num, n.plain()) for n in draft.walk()], view
