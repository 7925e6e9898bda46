"""The WordprocessingML owner: bookmark names and their inverse, packages, dates, the reference."""

from __future__ import annotations

import io
import zipfile

import pytest

from jamsostek_regs.layout import layout
from jamsostek_regs.model import Draft
from jamsostek_regs.ooxml import bookmarks, elements, package, reference
from jamsostek_regs.ooxml.names import CONTENT_TYPES, DOCUMENT, w
from jamsostek_regs.writers import docx
from tests.diff.docx_text import body


def test_bookmark_names_are_cut_and_made_unique() -> None:
    long = "bab_1__bagian_2__paragraf_3__pasal_14__ayat_2"
    anchors = [long, long[:40] + "_x", long[:40] + "_y", "bab_1", "bab_1", ""]
    assert bookmarks.names(anchors) == {
        long: long[:40],
        long[:40] + "_x": long[:38] + "_1",
        long[:40] + "_y": long[:38] + "_2",
        "bab_1": "bab_1",
    }


def test_bookmark_numbers_follow_the_document() -> None:
    marks = bookmarks.Bookmarks()
    assert [marks.add(a) for a in ("a", "", "b", "a")] == [(0, "a"), None, (1, "b"), None]


def test_every_bookmark_of_a_draft_maps_back_to_its_node(lombok_timur: Draft) -> None:
    blocks = layout(lombok_timur)
    anchors = [block.anchor for block in blocks]
    names = [
        start.get(w("name")) for start in body(docx.write(blocks, lombok_timur.meta)).iter(w("bookmarkStart"))
    ]
    eids = {node.eid for node in lombok_timur.root.walk() if node.eid}
    found = [bookmarks.anchor(name or "", anchors) for name in names]
    assert len(found) == len(set(found)) > 100
    assert set(found) <= eids
    assert bookmarks.anchor("no_such_bookmark", anchors) is None


def test_package_is_reproducible_with_content_types_first() -> None:
    parts = {"word/b.xml": b"<b/>", CONTENT_TYPES: b"<Types/>", "a.xml": b"<a/>"}
    data = package.repackage(package.package(parts))
    assert data == package.repackage(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == [CONTENT_TYPES, "a.xml", "word/b.xml"]
    assert {(i.date_time, i.external_attr >> 16) for i in infos} == {(package.ZIP_DATE, 0o644)}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-01-31", "2025-01-31T00:00:00Z"),
        ("2025-01-31T08:30:00+07:00", "2025-01-31T01:30:00Z"),
        ("", ""),
        ("31/01/2025", ""),
    ],
)
def test_w3cdtf(value: str, expected: str) -> None:
    assert package.w3cdtf(value) == expected


def test_the_writers_reference() -> None:
    ref = docx.reference()
    assert ref.text_width == 12189 - 2 * 1417  # F4 width minus 2.5 cm margins
    assert ref.tab_stops["Pembukaan"][1] > ref.tab_stops["Pembukaan"][0] > 0
    document = ref.docx("<w:p/>", package.core_properties("T", "A", ""))
    assert [p.tag for p in body(document)] == [w("p"), w("sectPr")]


def test_a_reference_without_section_properties_is_refused() -> None:
    parts = package.read(docx.reference().docx("", b""))
    document = parts[DOCUMENT].decode()
    parts[DOCUMENT] = document[: document.index("<w:sectPr")].encode() + b"</w:body></w:document>"
    with pytest.raises(ValueError, match="w:sectPr"):
        reference.load(package.package(parts))


def test_a_body_survives_editing_as_elements(lombok_timur: Draft) -> None:
    content = docx.body(layout(lombok_timur))
    again = elements.serialize_body(elements.parse_body(content))
    assert not again.startswith("<w:body")

    def items(xml: str) -> list[tuple[str, str | None, dict[str, str]]]:
        return [(e.tag, e.text, e.attrib) for e in elements.parse_body(xml).iter()]

    assert items(again) == items(content)
    assert elements.serialize_body(elements.parse_body("")) == ""
