"""Provenance: each node knows the region keys it printed or was chosen by; text unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jamsostek_regs.build import tree as build
from jamsostek_regs.build.grammar import Grammar
from jamsostek_regs.dialect import provenance, templating
from jamsostek_regs.dialect.clause import parse
from jamsostek_regs.errors import InputError
from jamsostek_regs.layout import layout
from jamsostek_regs.pipeline import assemble
from jamsostek_regs.source.regions import LoadedRegion
from jamsostek_regs.source.standard import Standard
from tests.conftest import REGIONS, WORKSPACE
from tests.diff.sides import SIDES, shipped

NAME = "klausul.md.jinja"


def _untracked(standard: Standard, loaded: LoadedRegion, g: Grammar) -> dict[str, Any]:
    """The template context without the proxies: the plain data they wrap."""
    return {k: getattr(v, "_data", v) for k, v in _tracked_context(standard, loaded, g).items()}


_tracked_context = build.context


@pytest.mark.parametrize("region_id", SIDES)
def test_tracking_never_changes_a_word(region_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    tracked = shipped(region_id).draft
    monkeypatch.setattr(build, "context", _untracked)
    plain = assemble(WORKSPACE, region_id)
    assert layout(plain) == layout(tracked)
    ayat = "ketentuan_umum.definisi.daerah"  # it prints g.daerah
    assert tracked.find(ayat).params and not plain.find(ayat).params  # type: ignore[union-attr]


def test_nodes_name_the_keys_they_print_and_the_conditions_that_chose_them() -> None:
    draft = shipped("rejang-lebong").draft
    params = {n.key: n.params for n in draft.walk()}
    assert params["ketentuan_umum.definisi.daerah"] == ("level", "name")
    assert params["ketentuan_umum.definisi.desa"] == ("village_unit",)
    assert params["penutup.ditetapkan.nama"] == ("head.name",)
    assert params["tugas.wilayah"] == ("level",)  # the manifest's `when: region.level != 'provinsi'`
    assert params["tugas.wilayah.pendataan"] == ("village_unit",)  # {% if region.village_unit ... %}
    assert params["mengingat.uu_2024_88"] == ("establishment",)
    assert "opd[1].name" in params["lampiran.perangkat_daerah.1.3.2"]
    assert "segments" in params["kepesertaan.kewajiban.jasa_konstruksi"]  # {% if %} around the ayat


def _render(folder: Path, source: str, data: dict[str, Any]) -> str:
    (folder / NAME).write_text(source, encoding="utf-8")
    rec = provenance.Recorder()
    return templating.render(folder, NAME, {"region": provenance.track_region(data, rec)})


def test_filters_and_lookups_pass_the_keys_on(tmp_path: Path) -> None:
    source = (
        "Nilai {{ region.n | bilangan('orang') }} untuk {{ region.xs | join_id }}. {: #a}\n\n"
        "{% for x in region.xs %}\n"
        "{{ x | upper }} ada. {: #b{{ loop.index }}}\n\n"
        "{% endfor %}\n"
        "{% if region.flag %}\nSyarat terpenuhi. {: #c}\n{% endif %}\n"
    )
    nodes = parse(_render(tmp_path, source, {"n": 60, "xs": ["petani", "nelayan"], "flag": True}), NAME, "p")
    assert [(n.key, n.params) for n in nodes] == [
        ("p.a", ("n", "xs")),
        ("p.b1", ("xs", "xs[0]")),
        ("p.b2", ("xs[1]",)),
        ("p.c", ("flag",)),
    ]
    assert [n.text for n in nodes][:2] == [
        ("Nilai 60 (enam puluh) orang untuk petani dan nelayan.",),
        ("PETANI ada.",),
    ]


def test_a_condition_that_chose_nothing_is_forgotten(tmp_path: Path) -> None:
    source = "{% if region.flag %}\nYa. {: #ya}\n{% endif %}\nTetap. {: #tetap}\n"
    [node] = parse(_render(tmp_path, source, {"flag": False}), NAME, "p")
    assert (node.key, node.params) == ("p.tetap", ())


def test_a_value_cannot_forge_a_tag(tmp_path: Path) -> None:
    forged = f"x{provenance.TAG_OPEN}level{provenance.TAG_CLOSE}y"
    with pytest.raises(InputError) as info:
        _render(tmp_path, "Nilai {{ region.v }}.\n", {"v": forged})
    [problem] = info.value.problems
    assert (problem.file, problem.line) == (NAME, 1)
    assert "reserved character" in problem.message


def test_plain_contexts_render_without_tags(tmp_path: Path) -> None:
    (tmp_path / NAME).write_text("{% if v %}\nNilai {{ v }}.\n{% endif %}\n", encoding="utf-8")
    assert templating.render(tmp_path, NAME, {"v": "a"}) == "Nilai a.\n"


@pytest.mark.parametrize(
    ("path", "value"), [("opd[1].name", None), ("targets.coverage[0].year", 2025), ("x", None)]
)
def test_values_are_found_by_their_key_path(path: str, value: object) -> None:
    data = {"opd": [{"name": "A"}, {"name": None}], "targets": {"coverage": [{"year": 2025}]}}
    assert provenance.value_at(data, path) == value


def test_every_grammar_field_names_its_keys() -> None:
    assert set(provenance.GRAMMAR_KEYS) == set(Grammar.__dataclass_fields__)
    assert REGIONS
