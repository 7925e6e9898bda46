"""Hand-made drafts: typed labels, Word's automatic numbering, signature tables, A4 and F4,
tracked changes and comments; a document that is no Perkada is refused."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from jamsostek_regs.errors import DocumentError
from jamsostek_regs.model import Draft
from jamsostek_regs.reader import Cited, read
from tests.reader.handmade import BODY, F4, W, perkada
from tests.regionkit import run_cli


def kinds(draft: Draft, kind: str) -> list[str]:
    return [n.num for n in draft.walk() if n.kind == kind]


@pytest.mark.parametrize("page", [(210, 297), F4])
def test_typed_labels_with_tabs_and_spaces_and_a_signature_table(
    tmp_path: Path, page: tuple[int, int]
) -> None:
    reading = read(perkada(tmp_path / "contoh.docx", page=page))
    draft = reading.draft
    assert reading.notes == ()
    assert draft.meta.level == "kabupaten" and draft.meta.region_name == "Contoh"
    judul = [line.plain() for line in draft.part("judul").children]
    assert judul[0] == "PERATURAN BUPATI CONTOH" and judul[-1].startswith("OPTIMALISASI")
    assert kinds(draft, "bab") == ["I", "II"]
    assert kinds(draft, "pasal") == ["1", "2", "3"]
    assert kinds(draft, "ayat") == ["", "(1)", "(2)", ""]
    assert kinds(draft, "item") == ["a.", "b.", "1.", "2.", "1.", "2.", "a.", "b.", "1.", "2.", "c."]
    pasal_2 = draft.find(next(n.key for n in draft.walk() if n.kind == "pasal" and n.num == "2"))
    assert pasal_2 is not None
    b = pasal_2.children[1].children[1]
    assert (b.num, [c.num for c in b.children]) == ("b.", ["1.", "2."])
    assert b.children[1].plain() == "Pekerja borongan; dan"
    penutup = draft.part("penutup")
    signed = {
        c.key: [line.plain() for line in c.children] for c in penutup.children if c.kind == "pengesahan"
    }
    assert signed["penutup.ditetapkan"] == [
        "Ditetapkan di Contoh",
        "pada tanggal ...",
        "BUPATI CONTOH,",
        "",
        "NAMA BUPATI",
    ]
    assert (
        draft.find("penutup.ditetapkan.nama") is not None
        and draft.find("penutup.diundangkan.jabatan") is not None
    )
    assert draft.find("penutup.berita") is not None and draft.find("diktum.menetapkan") is not None
    first = draft.find("judul.jenis")
    assert first is not None and reading.origins["judul.jenis"].how == "derived"


def test_mengingat_citations_are_parsed(tmp_path: Path) -> None:
    reading = read(perkada(tmp_path / "contoh.docx"))
    assert list(reading.citations.values()) == [
        Cited("uu", 40, 2004, "Sistem Jaminan Sosial Nasional",
              "Lembaran Negara Republik Indonesia Tahun 2004 Nomor 150, Tambahan Lembaran Negara Republik "
              "Indonesia Nomor 4456"),
        Cited("uu", 23, 2014, "Pemerintahan Daerah",
              "Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik "
              "Indonesia Nomor 5587"),
    ]  # fmt: skip


def test_word_automatic_numbering_gives_the_labels(tmp_path: Path) -> None:
    numbered = [
        (0, "Pemerintah Daerah melakukan pendataan Pekerja."),
        (0, "Pendataan sebagaimana dimaksud pada ayat (1) meliputi:"),
        (1, "Pekerja penerima upah;"),
        (1, "Pekerja bukan penerima upah yang meliputi:"),
        (2, "pedagang; dan"),
        (2, "petani; dan"),
        (1, "Pekerja migran."),
        (0, "Hasil pendataan dilaporkan kepada Bupati."),
    ]
    draft = read(perkada(tmp_path / "auto.docx", BODY[:-2], numbered=numbered)).draft
    last = [n for n in draft.walk() if n.kind == "pasal"][-1]
    assert [a.num for a in last.children] == ["(1)", "(2)", "(3)"]
    assert [i.num for i in last.children[1].children] == ["a.", "b.", "c."]
    assert [i.num for i in last.children[1].children[1].children] == ["1.", "2."]
    assert last.children[1].children[1].children[0].plain() == "pedagang; dan"


def test_headings_read_by_their_words_whatever_their_style(tmp_path: Path) -> None:
    document = docx.Document(str(perkada(tmp_path / "a.docx")))
    for paragraph in document.paragraphs:
        if paragraph.text in ("BAB I", "KETENTUAN UMUM", "Pasal 1"):
            paragraph.style = document.styles["Heading 1"]
    document.save(str(tmp_path / "b.docx"))
    assert kinds(read(tmp_path / "b.docx").draft, "pasal") == ["1", "2", "3"]


def _track(path: Path) -> Path:
    """Pasal 3 edited with tracked changes ("ditetapkan" -> "diundangkan") and a comment."""
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Peraturan Bupati ini mulai"))
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    change = 'w:author="Kanwil" w:date="2025-01-01T00:00:00Z"'
    paragraph._p.append(
        parse_xml(
            f'<w:r {W}><w:t xml:space="preserve">Peraturan Bupati ini mulai berlaku pada tanggal </w:t></w:r>'
        )
    )
    paragraph._p.append(
        parse_xml(f'<w:del {W} w:id="1" {change}><w:r><w:delText>diundangkan</w:delText></w:r></w:del>')
    )
    paragraph._p.append(parse_xml(f'<w:ins {W} w:id="2" {change}><w:r><w:t>ditetapkan</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f"<w:r {W}><w:t>.</w:t></w:r>"))
    document.add_comment(paragraph.runs, text="Mohon dicek", author="Kanwil")
    document.save(str(path))
    return path


def test_tracked_changes_accepted_by_default_and_rejected_in_the_original_view(tmp_path: Path) -> None:
    path = _track(perkada(tmp_path / "edited.docx"))
    accepted, original = read(path), read(path, "original")
    last = [n for n in accepted.draft.walk() if n.kind == "ayat"][-1]
    assert last.plain() == "Peraturan Bupati ini mulai berlaku pada tanggal ditetapkan."
    assert [n for n in original.draft.walk() if n.kind == "ayat"][-1].plain().endswith("tanggal diundangkan.")
    assert (accepted.revisions, accepted.comments) == (2, 1)
    code, out, err = run_cli(tmp_path, "read", str(path), "--view", "original")
    assert code == 0 and "tanggal diundangkan." in out
    assert "2 tracked change(s), 1 comment(s)" in err


def test_a_document_that_is_no_perkada_is_refused_naming_what_is_missing(tmp_path: Path) -> None:
    letter = docx.Document()
    for text in ("Kepada Yth. Kepala Dinas", "Dengan hormat,", "Bersama ini kami sampaikan undangan rapat."):
        letter.add_paragraph(text)
    letter.save(str(tmp_path / "surat.docx"))
    with pytest.raises(
        DocumentError, match=r'is not a Perkada: it has no judul "PERATURAN BUPATI/WALI KOTA/GUBERNUR'
    ):
        read(tmp_path / "surat.docx")
    code, out, err = run_cli(tmp_path, "read", str(tmp_path / "surat.docx"))
    assert (code, out) == (2, "")
    assert "no judul" in err and "and no Pasal" in err and "Traceback" not in err


def test_problems_in_the_document_are_findings(tmp_path: Path) -> None:
    body = [
        *BODY[:9],
        "(1)\tSetiap Pemberi Kerja wajib mendaftarkan Pekerjanya.",
        "(3)\tPendaftaran sebagaimana dimaksud dalam Pasal 30 dilakukan secara daring.",
        "Pasal 2",
        "Ketentuan sebagaimana dimaksud dalam Pasal 2 ayat (2) berlaku bagi seluruh Pemberi Kerja.",
        "Pasal 4",
        "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.",
    ]
    reading = read(perkada(tmp_path / "salah.docx", body))
    messages = [(n.kind, n.message) for n in reading.notes]
    assert ("sequence", "nomor tidak berurutan: ayat (3) seharusnya ayat (2)") in messages
    assert ("reference", "rujukan ke Pasal 30 yang tidak ada") in messages
    assert ("reference", "rujukan ke Pasal 2 ayat (2) yang tidak ada") in messages
    assert (
        "duplicate",
        f"Pasal 2 ada dua kali (lihat paragraf {reading.paragraphs[_pasal_key(reading.draft, 0, '2')]})",
    ) in messages
    assert ("sequence", "nomor tidak berurutan: Pasal 2 seharusnya Pasal 3") in messages
    assert all(n.paragraph > 0 for n in reading.notes)


def _pasal_key(draft: Draft, index: int, num: str) -> str:
    return [n.key for n in draft.walk() if n.kind == "pasal" and n.num == num][index]


def test_unplaced_paragraphs_are_reported_with_their_number(tmp_path: Path) -> None:
    document = docx.Document(str(perkada(tmp_path / "a.docx")))
    document.paragraphs[0].insert_paragraph_before("SALINAN")
    document.save(str(tmp_path / "b.docx"))
    reading = read(tmp_path / "b.docx")
    assert [(n.paragraph, n.message) for n in reading.unplaced] == [(1, "tidak dapat ditempatkan: 'SALINAN'")]
    code, _out, err = run_cli(tmp_path, "read", str(tmp_path / "b.docx"), "--format", "json")
    assert code == 0 and "paragraphs not placed: 1" in err
