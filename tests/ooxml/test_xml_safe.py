"""XML-safe text: every text of a DOCX is refused, naming the character, or written so that it
parses; nothing is dropped silently."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

import docx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jamsostek_regs.errors import JamsostekError
from jamsostek_regs.layout import Block
from jamsostek_regs.model import Meta
from jamsostek_regs.ooxml import elements, markup
from jamsostek_regs.ooxml.markup import UnwritableTextError
from jamsostek_regs.ooxml.names import CORE, DOCUMENT
from jamsostek_regs.writers.docx import write

#: Characters worth trying often: the ones XML refuses, the ones it allows at the edges, markup.
EDGES = "\x00\x07\x0b\x1f\x7f\x85\t\n\r \ud800\udfff\ue000\ufffd\ufffe\uffff\U0001fffe&<>\"'"
TEXTS = st.text(st.characters(exclude_categories=()) | st.sampled_from(EDGES), max_size=30)


def xml_char(char: str) -> bool:
    """The ``Char`` production of XML 1.0, spelled out independently of the code under test."""
    code = ord(char)
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


def _write(text: str) -> bytes:
    blocks = (
        Block("Judul", text),
        Block("Ayat", text, label="(1)", anchor="pasal_1__ayat_1"),
        Block("Tabel", rows=((text, "Jumlah"), ("1.", text))),
    )
    return write(blocks, Meta("x", "kota", "X", text, "s", "1", date="2025-01-31", author=text))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example("a\x07b")
@example(" \ud800")
@example("x\uffff")
@example("  Ketentuan\r\nUmum \t")
@example("\n\r")  # libxml2 alone reads a raw "\n\r" in an element as one line feed
def test_a_text_is_refused_or_written_as_well_formed_xml_python_docx_opens(text: str) -> None:
    refused = [i for i, char in enumerate(text) if not xml_char(char)]
    try:
        data = _write(text)
    except UnwritableTextError as exc:
        assert refused, f"{text!r} was refused, though XML holds every character of it"
        assert exc.index == refused[0]
        assert f"U+{ord(text[refused[0]]):04X}" in str(exc)
        return
    assert not refused, f"{text!r} was written, though XML cannot hold it"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in (DOCUMENT, CORE):
            ElementTree.fromstring(archive.read(part))  # well-formed
    document = docx.Document(io.BytesIO(data))
    read = text.replace("\r\n", "\n").replace("\r", "\n")  # how every XML parser reads line ends
    assert document.paragraphs[0].text == read  # nothing dropped, spaces at the ends kept
    assert document.paragraphs[1].text == f"(1)\t{read}"
    assert document.tables[0].cell(1, 1).text == read
    assert (document.core_properties.title, document.core_properties.author) == (read, read)


@pytest.mark.parametrize(
    ("char", "why"),
    [
        ("\x07", "U+0007 (a control character)"),
        ("\x00", "U+0000 (a control character)"),
        ("\ud83d", "U+D83D (a lone surrogate)"),
        ("\ufffe", "U+FFFE (a Unicode noncharacter)"),
        ("\uffff", "U+FFFF (a Unicode noncharacter)"),
    ],
)
def test_the_error_names_the_character_and_where_it_is(char: str, why: str) -> None:
    with pytest.raises(UnwritableTextError) as caught:
        markup.safe(f"Bupati{char}Lahat", "the author")
    assert isinstance(caught.value, JamsostekError)
    message = str(caught.value)
    assert message.startswith("the author cannot be written to a DOCX: ")
    assert f"character {why} at character 7 of 'Bupati" in message


def test_a_long_text_is_quoted_around_the_character() -> None:
    text = "a" * 100 + "\x0b" + "b" * 100
    with pytest.raises(UnwritableTextError) as caught:
        markup.safe(text)
    excerpt = "'" + "a" * 30 + "\\x0b" + "b" * 29 + "'"
    assert f"at character 101 of ...{excerpt}... is not allowed" in str(caught.value)


def test_tracked_changes_refuse_what_xml_cannot_hold() -> None:
    with pytest.raises(UnwritableTextError, match=r"the author of a tracked change .* U\+0007"):
        elements.revision("ins", 1, {"author": "a\x07b", "date": "2025-01-01T00:00:00Z"})
    with pytest.raises(UnwritableTextError, match=r"U\+FFFF"):
        elements.run(None, ["ok", "\t", "not \uffff ok"])
