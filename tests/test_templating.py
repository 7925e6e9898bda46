"""Tests for the clause template environment, jamsostek_regs.dialect.templating."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jamsostek_regs.build.grammar import grammar
from jamsostek_regs.build.tree import context
from jamsostek_regs.dialect import provenance, templating
from jamsostek_regs.dialect.clause import parse
from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.model import Inline, Ref, Source
from jamsostek_regs.pipeline import assemble, load
from jamsostek_regs.source import values
from jamsostek_regs.workspace import STANDARD_REGION
from jamsostek_regs.writers import writer
from tests.conftest import REGIONS, WORKSPACE

NAME = "klausul.md.jinja"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path


def _write(folder: Path, source: str, name: str = NAME) -> str:
    (folder / name).write_text(source, encoding="utf-8")
    return name


def _render(folder: Path, source: str, context: dict[str, Any] | None = None) -> str:
    return templating.render(folder, _write(folder, source), context or {})


def _parsed(folder: Path, source: str, context: dict[str, Any] | None = None) -> tuple[Inline, ...]:
    """Render and parse a one-paragraph template; the text of its only ayat."""
    [node] = parse(_render(folder, source, context), NAME, "pasal")
    assert node.children == ()
    return node.text


def _problem(folder: Path, source: str, context: dict[str, Any] | None = None) -> Problem:
    with pytest.raises(InputError) as info:
        _render(folder, source, context)
    [problem] = info.value.problems
    assert problem.file == NAME
    return problem


# --- region values print literally -----------------------------------------------------------

HOSTILE = [
    "{{ 7*7 }}",
    "{% if true %}ya{% endif %}",
    "{# komentar #}",
    "- butir palsu",
    "1. nomor palsu",
    "* bintang",
    "+ plus",
    "{: #evil}",
    "teks {: #evil +atau .definisi}",
    "baris satu\nbaris dua\n\nparagraf baru",
    "garis \\ miring \\{ dan \\- dan \\\\",
    "| a | b |\n| --- | --- |",
    "# judul\n> kutipan\n    kode",
    "*miring* _garis_ `kode` [tautan](http://x) <b>tebal</b> &amp; !",
    "Rp1.000,00 (seribu rupiah)",
    "",
    "   ",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_region_values_print_literally_in_an_ayat(folder: Path, value: str) -> None:
    text = _parsed(folder, "Nilai {{ v }} selesai.\n", {"v": value})
    assert text == (" ".join(["Nilai", *value.split(), "selesai."]),)


@pytest.mark.parametrize("value", HOSTILE)
def test_region_values_print_literally_in_a_rincian_and_keep_the_key(folder: Path, value: str) -> None:
    rendered = _render(folder, "Daftar: {: #daftar}\n- {{ v }} akhir {: #butir}\n- dua\n", {"v": value})
    [intro] = parse(rendered, NAME, "pasal")
    first, _ = intro.children
    assert first.key == "pasal.butir"
    assert first.text == (" ".join([*value.split(), "akhir"]),)


def test_value_at_the_end_of_a_line_cannot_add_attributes(folder: Path) -> None:
    [node] = parse(_render(folder, "Nilai {{ v }}\n", {"v": "x {: #evil}"}), NAME, "pasal")
    assert node.key == "pasal.1"
    assert node.text == ("Nilai x {: #evil}",)


def test_values_in_a_table_cell_print_literally(folder: Path) -> None:
    rendered = _render(folder, "| A | B |\n| --- | --- |\n| {{ v }} | b |\n", {"v": "x | y \\ z"})
    [table] = parse(rendered, NAME, "lampiran.x", top_kind="line")
    assert [c.text for c in table.children[1].children] == [("x | y \\ z",), ("b",)]


_VALUE_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc", "Co"), whitelist_characters="\n\t{}%#-*+.\\|`[]()<>!_~&:1"
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(_VALUE_CHARS, max_size=40))
def test_any_value_prints_literally(folder: Path, value: str) -> None:
    text = _parsed(folder, "Nilai {{ v }} selesai.\n", {"v": value})
    assert text == (" ".join(["Nilai", *value.split(), "selesai."]),)


def test_value_with_a_marker_character_is_refused(folder: Path) -> None:
    with pytest.raises(InputError) as info:
        _parsed(folder, 'Nilai {{ v }} menurut {{ ref("umum.definisi") }}.\n', {"v": "a\ue000b"})
    [problem] = info.value.problems
    assert (problem.file, problem.line) == (NAME, 1)
    assert "reserved character" in problem.message


def test_none_prints_the_placeholder(folder: Path) -> None:
    assert _parsed(folder, "Ibu kota {{ v }}.\n", {"v": None}) == ("Ibu kota ....",)


def test_dates_print_in_indonesian(folder: Path) -> None:
    assert _parsed(folder, "Pada {{ d }}.\n", {"d": dt.date(2024, 12, 17)}) == ("Pada 17 Desember 2024.",)


@pytest.mark.parametrize("flag", [True, False])
def test_printing_a_bool_is_a_clean_input_error(folder: Path, flag: bool) -> None:
    problem = _problem(folder, "Satu.\n\nNilai {{ flag }}.\n", {"flag": flag})
    assert "yes/no value cannot be printed" in problem.message


def test_bools_in_conditions_are_fine(folder: Path) -> None:
    source = "{% if flag %}Ya{% else %}Tidak{% endif %}.\n"
    assert _parsed(folder, source, {"flag": False}) == ("Tidak.",)


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "Satu.\n\n{{ missing }}\n",
        "Satu.\n\n{{ region.missing }}\n",
        "Satu.\n\n{% if missing %}x{% endif %}\n",
        "Satu.\n\n{% for x in missing %}{{ x }}{% endfor %}\n",
    ],
)
def test_undefined_variables_raise_instead_of_printing_empty(folder: Path, source: str) -> None:
    problem = _problem(folder, source, {"region": {"name": "Contoh"}})
    assert "missing" in problem.message
    assert "undefined" in problem.message or "no attribute" in problem.message


@pytest.mark.parametrize(
    "source",
    ["Satu.\n\n{{ missing }}\n", "Satu.\n\nNilai {{ flag }}.\n", "Satu.\n\n{{ ''.__class__ }}\n"],
)
def test_runtime_errors_name_the_template_line(folder: Path, source: str) -> None:
    assert _problem(folder, source, {"flag": True}).line == 3


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("Satu.\n\n{% if %}\n", 3),
        ("Satu.\n{{ a + }}\n", 2),
        ("{% for x in y %}\n- {{ x }}\n", 2),
        ("Satu.\n\n\n{% endif %}\n", 4),
    ],
)
def test_template_syntax_errors_name_file_and_line(folder: Path, source: str, line: int) -> None:
    problem = _problem(folder, source)
    assert problem.line == line
    assert problem.message.startswith("template syntax:")
    assert str(problem).startswith(f"{NAME}:{line}:1:")


@pytest.mark.parametrize(
    "source",
    [
        'Awal.\n\n{% include "bagian.md.jinja" %}\n',
        'Awal.\n\n{% macro acuan() %}{{ ref("umum.definisi") }}{% endmacro %}{{ acuan() }}\n',
        'Awal.\n\n{% import "bagian.md.jinja" as b %}\n',
        'Awal.\n\n{% extends "bagian.md.jinja" %}\n',
    ],
)
def test_clause_templates_are_flat(folder: Path, source: str) -> None:
    _write(folder, "Satu.\n", "bagian.md.jinja")
    problem = _problem(folder, source)
    assert (problem.file, problem.line) == (NAME, 3)
    assert "not allowed in clause templates" in problem.message


@pytest.mark.parametrize(
    "expression",
    [
        "''.__class__",
        "''.__class__.__mro__",
        "ref.__globals__",
        "cycler.__init__.__globals__",
        "region.__class__.__subclasses__()",
        "''.format.__self__",
    ],
)
def test_sandbox_refuses_dunder_attributes(folder: Path, expression: str) -> None:
    with pytest.raises(InputError) as info:
        _render(folder, f"X {{{{ {expression} }}}}\n", {"region": {"name": "Contoh"}})
    message = str(info.value)
    assert "unsafe" in message or "undefined" in message or "no attribute" in message
    assert "<class" not in message
    assert "<built-in" not in message


def test_missing_template_is_an_input_error(folder: Path) -> None:
    with pytest.raises(InputError) as info:
        templating.render(folder, "tidak_ada.md.jinja", {})
    assert info.value.problems[0].file == "tidak_ada.md.jinja"


def test_evaluate_conditions(folder: Path) -> None:
    context = {"d": {"sumber": ["apbd"], "desa": False}}
    assert templating.evaluate(folder, "'apbd' in d.sumber", context, "manifest.yaml")
    assert not templating.evaluate(folder, "d.desa", context, "manifest.yaml")
    assert templating.evaluate(folder, "not d.desa and d.sumber", context, "manifest.yaml")


@pytest.mark.parametrize("expression", ["'x' in d.tidak_ada", "not d.tidak_ada", "d.a.b"])
def test_undefined_names_in_conditions_are_input_errors(folder: Path, expression: str) -> None:
    with pytest.raises(InputError) as info:
        templating.evaluate(folder, expression, {"d": {}}, "manifest.yaml")
    [problem] = info.value.problems
    assert (problem.file, problem.key) == ("manifest.yaml", "when")
    assert expression in problem.message


@pytest.mark.parametrize("expression", ["d.tidak_ada", "tidak_ada"])
def test_condition_that_is_only_an_undefined_name_is_an_input_error(folder: Path, expression: str) -> None:
    with pytest.raises(InputError) as info:
        templating.evaluate(folder, expression, {"d": {"villages": True}}, "manifest.yaml")
    [problem] = info.value.problems
    assert (problem.file, problem.key) == ("manifest.yaml", "when")
    assert "tidak_ada" in problem.message
    assert "undefined" in problem.message or "no attribute" in problem.message


# --- helpers ---------------------------------------------------------------------------------


def test_ref_markers_carry_the_template_line(folder: Path) -> None:
    source = (
        "{# komentar #}\n"
        "Satu.\n"
        "\n"
        'Dua {{ ref("umum.definisi") }} dan\n'
        '{{ ref(".apbd", bare=True) }}.\n'
        "{% for x in xs %}\n"
        '\n{{ x }} {{ ref("lain.pasal") }}.\n'
        "{% endfor %}\n"
    )
    nodes = parse(_render(folder, source, {"xs": ["a", "b"]}), NAME, "pendanaan")
    refs = [p for n in nodes for p in n.text if isinstance(p, Ref)]
    assert refs == [
        Ref("umum.definisi", Source(NAME, 4), False),
        Ref("pendanaan.apbd", Source(NAME, 5), True),
        Ref("lain.pasal", Source(NAME, 8), False),
        Ref("lain.pasal", Source(NAME, 8), False),
    ]


def test_ref_marker_survives_concatenation_into_an_item(folder: Path) -> None:
    rendered = _render(folder, 'Daftar:\n- butir {{ ref("x.y") }}\n- dua\n')
    [intro] = parse(rendered, NAME, "p")
    assert intro.children[0].text == ("butir ", Ref("x.y", Source(NAME, 2), False))


@pytest.mark.parametrize(
    ("source", "context", "expected"),
    [
        ('{{ n | bilangan("hari") }}', {"n": 30}, "30 (tiga puluh) hari"),
        ("{{ n | bilangan }}", {"n": 7}, "7 (tujuh)"),
        ("{{ p | persen }}", {"p": "19.22"}, "19,22% (sembilan belas koma dua puluh dua persen)"),
        ("{{ p | persen }}", {"p": Decimal("28.3")}, "28,3% (dua puluh delapan koma tiga persen)"),
        ("{{ a | rupiah }}", {"a": 4_000_000_000}, "Rp4.000.000.000,00 (empat miliar rupiah)"),
        ("{{ a | rupiah }}", {"a": "16800"}, "Rp16.800,00 (enam belas ribu delapan ratus rupiah)"),
        ("{{ n | terbilang }}", {"n": 60}, "enam puluh"),
        ("{{ d | tanggal }}", {"d": dt.date(2025, 1, 2)}, "2 Januari 2025"),
        ("{{ xs | join_id }}", {"xs": ["ojek", "petani", "nelayan"]}, "ojek, petani, dan nelayan"),
        ('{{ xs | join_id("atau") }}', {"xs": ["ojek", "petani"]}, "ojek atau petani"),
    ],
)
def test_number_and_list_filters_give_the_legal_forms(
    folder: Path, source: str, context: dict[str, Any], expected: str
) -> None:
    assert _parsed(folder, f"Nilai {source} berlaku.\n", context) == (f"Nilai {expected} berlaku.",)


def test_filter_at_line_start_is_not_a_list_marker(folder: Path) -> None:
    assert _parsed(folder, "{{ n | bilangan }}. Kalimat\n", {"n": 1}) == ("1 (satu). Kalimat",)


def test_invalid_amount_is_an_input_error(folder: Path) -> None:
    problem = _problem(folder, "Nilai {{ a | rupiah }}\n", {"a": "1.005"})
    assert "fraction of a sen" in problem.message


# --- problems and sources name template lines -----------------------------------------------


def test_dialect_errors_name_the_template_line(folder: Path) -> None:
    source = "{# komentar #}\nRincian:\n- a\n  - b\n    - c\n      - d\n        - e\n"
    with pytest.raises(InputError) as info:
        parse(_render(folder, source), NAME, "pasal")
    assert info.value.problems[0].line == 7


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        pytest.param(
            "{# daftar #}\nPembuka.\n{% for x in xs %}\n\n{{ x }}:\n- satu\n  - dua\n    - tiga\n"
            "      - empat\n{% if loop.last %}\n        - lima\n{% endif %}\n{% endfor %}\n",
            11,
            "deeper than 4 levels",
            id="in the last pass of a loop",
        ),
        pytest.param(
            "{% for x in xs %}\nButir {{ x }}. {: #sama}\n\n{% endfor %}\n",
            2,
            "id '#sama' is used twice (first on line 2)",
            id="repeated by a loop",
        ),
        pytest.param(
            "{% if a %}\nSatu.\n{% else %}\nDua.\n{% endif %}\n\nRincian {: #x}\n- a\n\nLagi {: #x}\n",
            10,
            "id '#x' is used twice (first on line 7)",
            id="after an if block",
        ),
        pytest.param(
            "Satu.\n{% if not a %}\nbaris\n\nbaris\n{% endif %}\n\n1. nomor\n",
            8,
            "numbered lists",
            id="after a branch not taken",
        ),
        pytest.param(
            "{#\n  komentar\n  panjang\n#}\nTeks {: .salah}\n",
            5,
            "unknown attribute",
            id="after a comment of several lines",
        ),
    ],
)
def test_dialect_errors_in_and_after_blocks_name_the_template_line(
    folder: Path, source: str, line: int, message: str
) -> None:
    with pytest.raises(InputError) as info:
        parse(_render(folder, source, {"a": True, "xs": ["a", "b"]}), NAME, "pasal")
    [problem] = info.value.problems
    assert (problem.file, problem.line) == (NAME, line)
    assert message in problem.message


def test_nodes_record_their_template_line(folder: Path) -> None:
    source = (
        "{# komentar #}\n"  # 1
        "{% if a %}\n"  # 2
        "Satu.\n"  # 3
        "{% endif %}\n"  # 4
        "\n"  # 5
        "Daftar {{ v }}:\n"  # 6
        "{% for x in xs %}\n"  # 7
        "- {{ x }}\n"  # 8
        "{% endfor %}\n"  # 9
        "- akhir\n"  # 10
        "\n"  # 11
        "Tiga\n"  # 12
        "berlanjut."  # 13, no newline at the end
    )
    nodes = parse(_render(folder, source, {"a": True, "v": "x", "xs": ["p", "q"]}), NAME, "pasal")
    lines = [(n.text, n.source) for top in nodes for n in top.walk()]
    assert lines == [
        (("Satu.",), Source(NAME, 3)),
        (("Daftar x:",), Source(NAME, 6)),
        (("p",), Source(NAME, 8)),
        (("q",), Source(NAME, 8)),
        (("akhir",), Source(NAME, 10)),
        (("Tiga berlanjut.",), Source(NAME, 12)),
    ]


def test_table_rows_record_their_template_line(folder: Path) -> None:
    source = (
        "{# tabel #}\nTarget:\n\n| A | B |\n| --- | --- |\n{% for x in xs %}\n| {{ x }} | b |\n{% endfor %}\n"
    )
    _, table = parse(_render(folder, source, {"xs": ["p", "q"]}), NAME, "lampiran.x", top_kind="line")
    assert [(r.source, [c.source for c in r.children]) for r in table.children] == [
        (Source(NAME, 4), [Source(NAME, 4)] * 2),
        (Source(NAME, 7), [Source(NAME, 7)] * 2),
        (Source(NAME, 7), [Source(NAME, 7)] * 2),
    ]


def test_provenance_stays_with_the_rendered_lines(folder: Path) -> None:
    rec = provenance.Recorder()
    region = provenance.track_region({"a": True, "name": "Contoh", "xs": ["p"]}, rec)
    source = (
        "{# komentar #}\n{% if region.a %}\nSatu.\n{% endif %}\n\nNama {{ region.name }}:\n"
        "{% for x in region.xs %}\n- {{ x }}\n{% endfor %}\n"
    )
    nodes = parse(_render(folder, source, {"region": region}), NAME, "pasal")
    assert [(n.text, n.params, n.source) for top in nodes for n in top.walk()] == [
        (("Satu.",), ("a",), Source(NAME, 3)),
        (("Nama Contoh:",), ("name",), Source(NAME, 6)),
        (("p",), ("xs", "xs[0]"), Source(NAME, 8)),
    ]


def test_render_gives_the_text_without_marks_and_its_template_lines(folder: Path) -> None:
    rendered = _render(folder, "{# komentar #}\n{% if a %}\nSatu.\n{% endif %}\n\nDua.", {"a": True})
    assert isinstance(rendered, templating.Rendered)
    assert (str(rendered), rendered.lines) == ("Satu.\n\nDua.", (3, 5, 6))


def test_mark_characters_typed_into_a_template_never_reach_the_text(folder: Path) -> None:
    start, end = templating.LINE_OPEN, templating.LINE_CLOSE
    source = f"Sa{start}tu{end} {start}12{end}dua.\n"
    assert _parsed(folder, source) == ("Satu dua.",)


def test_text_captured_by_a_block_is_a_value_without_line_marks(folder: Path) -> None:
    source = (
        "{% set x %}\nbaris satu\nbaris dua\n{% endset %}\nNilai {{ x }}.\n\n"
        "{% filter upper %}\nakhir\n{% endfilter %}\n"
    )
    first, second = parse(_render(folder, source), NAME, "pasal")
    assert (first.text, first.source) == (("Nilai baris satu baris dua.",), Source(NAME, 5))
    assert second.text == ("AKHIR",)


@pytest.mark.parametrize("char", [templating.LINE_OPEN, templating.LINE_CLOSE])
def test_value_with_a_line_mark_character_is_refused(folder: Path, char: str) -> None:
    problem = _problem(folder, "Satu.\n\nNilai {{ v }}.\n", {"v": f"a{char}1"})
    assert problem.line == 3
    assert "reserved character" in problem.message
    assert values.refusal(char)  # and region files cannot carry one


def _is_text_line(line: str) -> bool:
    """Whether a template line prints something of its own (not only blocks or comments)."""
    return bool(re.sub(r"\{%.*?%\}|\{#.*?#\}", "", line).strip())


@pytest.mark.parametrize("region_id", [*REGIONS, STANDARD_REGION])
def test_shipped_drafts_carry_no_marks_and_template_lines(region_id: str) -> None:
    draft = assemble(WORKSPACE, region_id)
    marks = re.compile("[\ue000-\ue005]")
    for node in draft.walk():
        words = [node.title, node.plain(), node.num, node.end, *node.params]
        words += [p.key + p.words if isinstance(p, Ref) else p for p in node.text]
        assert not any(marks.search(w) for w in words), (node.key, words)
        if node.kind not in {"pasal", "lampiran"} and node.source and node.source.file.endswith(".jinja"):
            template = (WORKSPACE.standard / node.source.file).read_text(encoding="utf-8").split("\n")
            assert _is_text_line(template[node.source.line - 1]), (node.key, node.source)
    for fmt in ("txt", "md", "html"):
        assert not marks.search(writer(fmt)(draft).decode("utf-8")), fmt


@pytest.mark.parametrize("region_id", [*REGIONS, STANDARD_REGION])
def test_shipped_templates_render_without_line_marks(region_id: str) -> None:
    standard, loaded = load(WORKSPACE, region_id)
    variables = context(standard, loaded, grammar(loaded.region))
    for file in sorted(standard.path.rglob("*.md.jinja")):
        rendered = templating.render(standard.path, file.relative_to(standard.path).as_posix(), variables)
        assert templating.LINE_OPEN not in rendered and templating.LINE_CLOSE not in rendered, file
        assert len(rendered.lines) == rendered.count("\n") + 1, file


def test_a_missing_key_of_region_data_is_named_as_the_author_sees_it(folder: Path) -> None:
    (folder / NAME).write_text("Nama {{ region.head.nama }}.\n", encoding="utf-8")
    region = provenance.track_region({"head": {"name": "X"}}, provenance.Recorder())
    with pytest.raises(InputError) as info:
        templating.render(folder, NAME, {"region": region})
    [problem] = info.value.problems
    assert (problem.line, problem.message) == (1, "template error: the mapping has no attribute 'nama'")
