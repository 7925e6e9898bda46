"""The region form: generated from the schema, usable without script, previewed live."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from jamsostek_regs.lint import Finding
from jamsostek_regs.web import create_app
from jamsostek_regs.web.app import _marked
from jamsostek_regs.web.messages import indonesian
from jamsostek_regs.workspace import Workspace
from tests.web.formkit import form_of, post_form, quoted, token, with_value


@pytest.fixture
def client(project: Path) -> TestClient:
    return TestClient(create_app(Workspace(project)), base_url="http://127.0.0.1")


def _ids(page: str) -> list[str]:
    return re.findall(r'name="opd\[\d+\]\.id" value="([^"]*)"', page)


def test_every_field_has_its_indonesian_label_and_the_catalog_choices(client: TestClient) -> None:
    page = client.get("/daerah/lombok-timur").text
    for label in (
        "Nama daerah",
        "Tanpa tingkatnya",
        "Segmen kepesertaan",
        "Perangkat Daerah",
        "Sumber pembiayaan",
    ):
        assert label in page
    assert 'type="checkbox" name="segments" value="pekerja_rentan"' in page  # a catalog choice
    assert re.search(r'<option value="ketenagakerjaan"[^>]*>', page)  # OPD roles from the catalog
    # the establishment law is chosen among the laws that form a daerah, not the whole catalog
    offered = re.findall(r'type="checkbox" name="establishment" value="([^"]+)"', page)
    assert offered[0] == "uu_1958_69" and {"uu_pembentukan_belum_diisi", "uu_2024_89"} <= set(offered)
    assert not {"uud_18_6", "uu_2011_24", "uu_2017_2", "uu_2024_3"} & set(offered)
    assert "UU Nomor 69 Tahun 1958 tentang Pembentukan Daerah-Daerah Tingkat II" in page


def test_lists_grow_shrink_and_reorder_without_script_and_nothing_is_saved(
    client: TestClient, project: Path
) -> None:
    before = (project / "regions" / "lahat.yaml").read_bytes()
    pairs = with_value(form_of(client, "lahat"), "csrf", token(client))
    first = _ids(client.get("/daerah/lahat").text)
    assert len(first) >= 2
    grown = post_form(client, "/daerah/lahat", [*pairs, ("action", "item:opd")]).text
    assert len(_ids(grown)) == len(first) + 1
    moved = post_form(client, "/daerah/lahat", [*pairs, ("action", "down:opd[0]")]).text
    assert _ids(moved)[:2] == [first[1], first[0]]
    removed = post_form(client, "/daerah/lahat", [*pairs, ("action", "remove:opd[0]")]).text
    assert _ids(removed) == first[1:]
    titled = post_form(client, "/daerah/lahat", [*pairs, ("action", "group:title")]).text
    assert 'name="title.__present__"' in titled and 'name="title.text"' in titled
    keyed = post_form(
        client,
        "/daerah/lahat",
        [*with_value(pairs, "__kode_lists", "bukan_penerima_upah"), ("action", "key:lists")],
    )
    assert 'name="lists.bukan_penerima_upah.source"' in keyed.text
    assert (project / "regions" / "lahat.yaml").read_bytes() == before


def test_the_live_preview_answers_with_the_view_and_the_problems_at_their_fields(client: TestClient) -> None:
    csrf = token(client)
    pairs = with_value(form_of(client, "lombok-timur"), "csrf", csrf)
    headers = {"content-type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf}

    def preview(changed: list[tuple[str, str]]) -> dict[str, object]:
        body = "&".join(f"{quoted(n)}={quoted(v)}" for n, v in changed)
        answer = client.post("/daerah/lombok-timur/pratinjau", content=body, headers=headers)
        assert answer.status_code == 200
        result: dict[str, object] = answer.json()
        return result

    good = preview(with_value(pairs, "capital", "Selong Baru"))
    assert "Ditetapkan di Selong Baru" in str(good["html"]) and good["problems"] == {}
    default = preview(with_value(pairs, "compliance.public_services", ""))  # "(bawaan)": the default
    assert default["problems"] == {} and default["html"]
    bad = preview(with_value(with_value(pairs, "targets.pekerja_rentan_per_desa", "banyak"), "level", "desa"))
    assert bad["html"] == ""
    problems = bad["problems"]
    assert isinstance(problems, dict)
    assert problems["targets.pekerja_rentan_per_desa"] == ["harus bilangan bulat (diisi 'banyak')"]
    assert problems["level"][0].startswith("pilih salah satu: 'kabupaten', 'kota', 'provinsi'")
    index = bad["index"]  # the list atop the form, in form order, linking to each field
    assert isinstance(index, list) and [i["label"] for i in index] == [
        "Tingkat daerah",
        "Pekerja rentan per desa",
    ]
    opd = preview(with_value(pairs, "opd[1].role", "bukan_peran"))["index"]
    assert isinstance(opd, list) and opd[0]["label"] == "Perangkat Daerah 2 › Peran"


def test_a_finding_is_shown_at_its_pasal_in_the_preview() -> None:
    finding = Finding(
        "R53", "error", "UU 12/2011", 'Rincian diakhiri titik koma (;), bukan "</style>".', "Pasal 3", "k"
    )
    page = _marked(
        b'<html><head></head><body><p id="pasal_3">x</p></body></html>', [finding], {"k": "pasal_3"}
    )
    assert b"#pasal_3 { outline" in page and b'</style>"' not in page
    assert page.count(b"</style>") == 1  # the message cannot close the style element


@pytest.mark.parametrize(
    ("english", "indonesian_text"),
    [
        ("required key is missing", "wajib diisi"),
        ("expected text (got null)", "wajib diisi"),
        ("must be at most 100 (got 120)", "paling banyak 100 (diisi 120)"),
        (
            "expected a number (got '28,3'); write decimals with a dot",
            "harus angka (diisi '28,3'); tulis desimal dengan titik",
        ),
        ("'apbd' appears twice (first on line 12)", "'apbd' disebut dua kali"),
        ("a kota needs 'province' (the province it lies in)", "kota wajib mengisi provinsi tempatnya"),
        ("no law 'x' in legal_basis.yaml", "no law 'x' in legal_basis.yaml"),
    ],
)
def test_problems_are_shown_in_indonesian_where_the_wording_is_known(
    english: str, indonesian_text: str
) -> None:
    assert indonesian(english) == indonesian_text
