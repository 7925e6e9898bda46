"""``absorb REGION FILE.docx``: the edits made in Word become region-file entries, and the next
``assemble`` prints the edited text again.

Each test assembles a region into a throw-away workspace, edits the DOCX in place as a drafter
does in Word (:mod:`tests.reader.edits`), absorbs it with ``--write``, assembles again without
``--force`` and compares what the two files say (the read trees' kinds, numbers, titles and
texts).
"""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.document import Document
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from jamsostek_regs.absorb import CannotAbsorb
from jamsostek_regs.app.absorbing import absorb
from jamsostek_regs.reader import read
from jamsostek_regs.workspace import Workspace
from tests.conftest import REGIONS, ROOT
from tests.reader import edits
from tests.regionkit import make_workspace, run_cli

REGION = "kota-bengkulu"
TITLE = "OPTIMALISASI PELAKSANAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN"
LAW = (
    "Undang-Undang Nomor 13 Tahun 2003 tentang Ketenagakerjaan (Lembaran Negara Republik Indonesia "
    "Tahun 2003 Nomor 39, Tambahan Lembaran Negara Republik Indonesia Nomor 4279);"
)
#: An ayat added to Pasal 5 that cites its ayat (1).
CITING = "Kewajiban sebagaimana dimaksud pada ayat (1) dilaksanakan paling lambat 30 (tiga puluh) hari."
Row = tuple[str, str, str, str]


def texts(path: Path) -> list[Row]:
    """What the DOCX says: each node's kind, number, title and text, as read."""
    return [(n.kind, n.num, n.title, n.plain()) for n in read(path).draft.walk()]


@pytest.fixture
def space(tmp_path: Path) -> Path:
    root = make_workspace(tmp_path / "ws")
    shutil.copytree(ROOT / "regions", root / "regions", dirs_exist_ok=True)
    return root


def assembled(space: Path, region_id: str = REGION) -> Path:
    code, out, err = run_cli(space, "assemble", region_id)
    assert code == 0, out + err
    return space / "build" / region_id / f"{region_id}.docx"


def edit_in_place(path: Path, edit: Callable[[Document], None]) -> None:
    document = edits.open_docx(path)
    edit(document)
    document.save(str(path))


def new_title(document: Document) -> None:
    new = TITLE.replace("OPTIMALISASI", "PENGUATAN")
    edits.replace_everywhere(document, TITLE, new, whole=True)
    edits.replace_everywhere(document, f"TENTANG {TITLE}", f"TENTANG {new}")
    edits.replace_words(
        document, "\t\td.\tbahwa berdasarkan pertimbangan", "tentang Optimalisasi", "tentang Penguatan"
    )


def added_mengingat(document: Document) -> None:
    edits.bump_labels(document, "\t\t", 2, "MEMUTUSKAN:")
    edits.insert_after(document, "Mengingat\t:\t1.\tPasal 18", [f"\t\t2.\t{LAW}"])


def cited_ayat(document: Document) -> None:
    edits.insert_after(
        document,
        "(3)\tSetiap orang yang bekerja di luar",
        [f"(4)\t{CITING}"],
    )


def added_menimbang(document: Document) -> None:
    edits.replace_words(document, "\t\tc.\tbahwa berdasarkan Peraturan Pemerintah", "c.", "d.")
    edits.replace_words(document, "\t\td.\tbahwa berdasarkan pertimbangan", "d.", "e.")
    edits.replace_words(
        document,
        "\t\te.\tbahwa berdasarkan pertimbangan",
        "huruf b, dan huruf c",
        "huruf b, huruf c, dan huruf d",
    )
    edits.insert_after(
        document,
        "\t\tb.\tbahwa untuk menindaklanjuti",
        ["\t\tc.\tbahwa pekerja rentan di Daerah belum seluruhnya terlindungi program jaminan sosial;"],
    )


EDITS: dict[str, tuple[Callable[[Document], None], list[tuple[str, str]]]] = {
    "word edit": (
        lambda d: edits.replace_words(d, "(1)\tSetiap Pekerja di Daerah wajib", "wajib", "harus"),
        [("changes", "replace Pasal 5 ayat (1)")],
    ),
    "deleted ayat": (
        lambda d: edits.delete(d, "(3)\tSetiap orang yang bekerja di luar"),
        [("changes", "remove Pasal 5 ayat (3)")],
    ),
    "inserted pasal, renumbered by hand": (edits.insert_pasal_6, [("additions", "add Pasal 6")]),
    "new BAB with a Pasal, renumbered by hand": (
        edits.insert_bab_x,
        [("changes", "add BAB X"), ("additions", "add Pasal 18")],
    ),
    "changed title": (new_title, [("title", "title")]),
    "added mengingat": (
        added_mengingat,
        [("laws", "declare uu_2003_13"), ("mengingat", "add Mengingat angka 2")],
    ),
    "ayat citing another": (cited_ayat, [("changes", "add Pasal 5 ayat (4)")]),
    "added menimbang item, the closing formula retyped": (
        added_menimbang,
        [("changes", "add Menimbang huruf c")],
    ),
    "tracked insertion by another author": (
        lambda d: edits.tracked_insert(
            d, "(1)\tSetiap Pekerja di Daerah wajib", "wajib", " segera", "Kanwil"
        ),
        [("changes", "replace Pasal 5 ayat (1)")],
    ),
}


@pytest.mark.parametrize("case", list(EDITS))
def test_absorb_then_assemble_prints_the_edited_text(space: Path, case: str) -> None:
    edit, planned = EDITS[case]
    docx = assembled(space)
    edit_in_place(docx, edit)
    edited = texts(docx)
    region_file = space / "regions" / f"{REGION}.yaml"
    before = region_file.read_text(encoding="utf-8")

    code, out, err = run_cli(space, "absorb", REGION, str(docx))
    assert code == 1, out + err  # planned, not written
    assert region_file.read_text(encoding="utf-8") == before
    shown = [line.split(": ", 1) for line in out.splitlines() if not line.startswith(" ")][:-1]
    assert [tuple(s) for s in shown] == planned

    code, out, err = run_cli(space, "absorb", REGION, str(docx), "--write")
    assert code == 0, out + err
    after = region_file.read_text(encoding="utf-8")
    # only lines added: every comment, value and key order of the region file stays
    opcodes = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines()).get_opcodes()
    assert {tag for tag, *_ in opcodes} == {"equal", "insert"}
    assert after.count('reason: "..."') == sum(1 for section, _ in planned if section != "laws")

    code, out, err = run_cli(space, "assemble", REGION)  # no --force: the text is the edited one
    assert code == 0, out + err
    assert texts(docx) == edited
    code, out, err = run_cli(space, "absorb", REGION, str(docx))
    assert (code, out) == (0, f"nothing to absorb: {docx} says what the draft of {REGION} says\n")


def test_the_absorbed_texts_keep_references_and_level_words(space: Path) -> None:
    docx = assembled(space)

    def edit(document: Document) -> None:
        cited_ayat(document)
        edits.replace_words(
            document,
            "(1)\tPeserta sebagaimana dimaksud dalam Pasal 5 ayat (1) terdiri atas:",
            "terdiri atas",
            "meliputi",
        )

    edit_in_place(docx, edit)
    result = absorb(Workspace(space), REGION, docx)
    entries = {e.label: dict(e.entry) for e in result.edits}
    assert entries["add Pasal 5 ayat (4)"]["text"] == (
        CITING.replace("sebagaimana dimaksud pada ayat (1)", '{{ ref("kepesertaan.kewajiban.wajib") }}')
    )
    replaced = entries["replace Pasal 6 ayat (1)"]["text"]
    assert replaced.startswith(
        'Peserta {{ ref("kepesertaan.kewajiban.wajib") }} meliputi:\n- Peserta Penerima Upah'
    )
    assert "{: #penerima_upah}" in replaced


def test_a_level_word_goes_back_as_a_level_word(space: Path) -> None:
    docx = assembled(space)
    edit_in_place(
        docx,
        lambda d: edits.replace_words(
            d, "Menimbang\t:\ta.\tbahwa dalam rangka", "diperlukan dukungan", "diperlukan dukungan penuh"
        ),
    )
    (edit,) = absorb(Workspace(space), REGION, docx).edits
    assert edit.entry["replace"] == "menimbang.hak"
    assert "{{ g.daerah }}" in edit.entry["text"]
    assert "Kota Bengkulu" not in edit.entry["text"]


@pytest.mark.parametrize("region_id", REGIONS)
def test_the_unedited_docx_of_every_region_absorbs_nothing(space: Path, region_id: str) -> None:
    docx = assembled(space, region_id)
    assert absorb(Workspace(space), region_id, docx).edits == ()


def test_a_new_title_goes_into_the_title_the_region_has_keeping_its_comments(space: Path) -> None:
    region_file = space / "regions" / "rejang-lebong.yaml"
    before = region_file.read_text(encoding="utf-8")
    docx = assembled(space, "rejang-lebong")
    old = "PENYELENGGARAAN PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN"
    new = "PENYELENGGARAAN PROGRAM PERLINDUNGAN PEKERJA"

    def edit(document: Document) -> None:
        edits.replace_everywhere(document, old, new, whole=True)
        edits.replace_everywhere(document, f"TENTANG {old}", f"TENTANG {new}")
        edits.replace_words(
            document,
            "\t\td.\tbahwa berdasarkan pertimbangan",
            "Program Jaminan Sosial Ketenagakerjaan;",
            "Program Perlindungan Pekerja;",
        )

    edit_in_place(docx, edit)
    code, out, err = run_cli(space, "absorb", "rejang-lebong", str(docx), "--write")
    assert code == 0, out + err
    after = region_file.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert [line for line in after.splitlines() if line.lstrip().startswith("#")] == comments
    assert 'title:\n  text: Penyelenggaraan Program Perlindungan Pekerja\n  reason: "..."\n' in after
    assert after.count("title:") == 1
    assert run_cli(space, "assemble", "rejang-lebong")[0] == 0


def test_an_edit_of_what_the_region_wrote_itself_updates_that_entry(space: Path) -> None:
    shutil.copy(ROOT / "tests" / "changes" / "contoh-ubah.yaml", space / "regions")
    region_file = space / "regions" / "contoh-ubah.yaml"
    docx = assembled(space, "contoh-ubah")

    def edit(document: Document) -> None:
        edits.replace_words(
            document, "13.\tPekerja Sosial Keagamaan", "pemuka agama", "pemuka agama, guru mengaji,"
        )
        edits.replace_words(document, "Bupati dapat memberikan insentif", "insentif", "insentif fiskal")
        edits.delete(document, "(3)\tData kepesertaan dipadankan")
        edits.replace_words(document, "(4)\tJadwal Pendaftaran", "(4)", "(3)")  # renumbered by hand

    edit_in_place(docx, edit)
    edited = texts(docx)
    plan = absorb(Workspace(space), "contoh-ubah", docx).edits
    assert [(e.section, e.label) for e in plan] == [
        ("changes", "update changes[0] (Pasal 1 angka 13)"),
        ("changes", "drop changes[1] (Pasal 7 ayat (3))"),
        ("additions", "update additions[0] (Pasal 8)"),
    ]
    code, out, err = run_cli(space, "absorb", "contoh-ubah", str(docx), "--write")
    assert code == 0, out + err
    after = region_file.read_text(encoding="utf-8")
    assert "guru mengaji, dan pengurus rumah ibadah di {{ g.daerah }}" in after  # its level word kept
    assert "add: data_terpadu" not in after and after.count("reason:") == 7  # one entry fewer, none added
    assert run_cli(space, "assemble", "contoh-ubah")[0] == 0
    assert texts(docx) == edited


def test_absorb_takes_a_region_and_a_perkada(space: Path, tmp_path: Path) -> None:
    docx = assembled(space)
    code, _out, err = run_cli(space, "absorb", "standard", str(docx))
    assert code == 2 and "name a region, not the standard's own draft" in err
    code, _out, err = run_cli(space, "absorb", "nowhere", str(docx))
    assert code == 2 and "nowhere" in err
    letter = tmp_path / "letter.docx"
    document = edits.open_docx(docx)
    for paragraph in document.paragraphs:
        paragraph.text = "Dengan hormat, bersama ini kami sampaikan."
    document.save(str(letter))
    code, _out, err = run_cli(space, "absorb", REGION, str(letter))
    assert code == 2 and "is not a Perkada" in err and "Traceback" not in err


def test_a_renumbering_alone_is_no_change(space: Path) -> None:
    docx = assembled(space)
    edit_in_place(docx, lambda d: edits.renumber_pasal(d, 6))
    assert absorb(Workspace(space), REGION, docx).edits == ()


def test_what_a_region_file_cannot_say_is_refused_naming_the_place(space: Path) -> None:
    docx = assembled(space)
    region_file = space / "regions" / f"{REGION}.yaml"
    before = region_file.read_bytes()

    def edit(document: Document) -> None:
        edits.replace_words(
            document, "\t\t2.\tUndang-Undang Nomor 40 Tahun 2004", "Nasional", "Nasional Baru"
        )
        edits.replace_words(document, "KEPESERTAAN", "KEPESERTAAN", "KEPESERTAAN PEKERJA")

    edit_in_place(docx, edit)
    code, _out, err = run_cli(space, "absorb", REGION, str(docx), "--write")
    assert code == 2
    assert "cannot absorb" in err
    assert "Mengingat angka 2: a Mengingat item is computed from its law" in err
    assert "BAB III: a region file cannot change a heading" in err
    assert "Traceback" not in err
    assert region_file.read_bytes() == before


def test_a_mengingat_item_out_of_its_computed_place_is_refused(space: Path) -> None:
    docx = assembled(space)
    edit_in_place(docx, lambda d: edits.insert_after(d, "\t\t4.\tUndang-Undang Nomor 24", [f"\t\t5.\t{LAW}"]))
    with pytest.raises(CannotAbsorb) as refused:
        absorb(Workspace(space), REGION, docx)
    (refusal,) = refused.value.refusals
    assert refusal.address == "Mengingat angka 5"
    assert "the draft puts it at Mengingat angka 2 (its place is computed)" in refusal.why


def test_assemble_still_refuses_an_edited_docx_it_would_not_reproduce(space: Path) -> None:
    docx = assembled(space)
    edit_in_place(docx, EDITS["word edit"][0])
    code, _out, err = run_cli(space, "assemble", REGION)
    assert code == 2 and "refusing to overwrite" in err  # edited, not absorbed
    assert run_cli(space, "absorb", REGION, str(docx), "--write")[0] == 0
    region_file = space / "regions" / f"{REGION}.yaml"
    region_file.write_text(region_file.read_text(encoding="utf-8").replace("harus menjadi", "wajib menjadi"))
    code, _out, err = run_cli(space, "assemble", REGION)
    assert code == 2 and "refusing to overwrite" in err  # the draft no longer says what the file says
    assert "harus menjadi" in " ".join(row[3] for row in texts(docx))


@settings(
    max_examples=5,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # each example builds twice: no shrinking
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_ayat_and_definition_edits_are_absorbed(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    space = make_workspace(tmp_path_factory.mktemp("ws"))
    shutil.copytree(ROOT / "regions", space / "regions", dirs_exist_ok=True)
    docx = assembled(space, "lombok-timur")
    document = edits.open_docx(docx)
    ayat = [p for p in document.paragraphs if p.style.name == "Ayat"]
    definitions = [p for p in document.paragraphs if p.style.name == "Rincian1" and " adalah " in p.text]
    candidates = ayat + definitions
    chosen = data.draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=3, unique_by=id))
    for paragraph in chosen:
        word = data.draw(st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10))
        run = paragraph.runs[0]  # into a definition after "adalah", into an ayat before its last word
        head, cut, rest = (
            run.text.partition(" adalah ") if " adalah " in run.text else run.text.rpartition(" ")
        )
        run.text = f"{head}{cut}{word} {rest}"
    document.save(str(docx))
    edited = texts(docx)
    code, out, err = run_cli(space, "absorb", "lombok-timur", str(docx), "--write")
    assert code == 0, out + err
    code, out, err = run_cli(space, "assemble", "lombok-timur", "--no-lint")  # a random word may break a rule
    assert code == 0, out + err
    assert texts(docx) == edited
