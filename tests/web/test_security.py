"""The workbench is safe by default: tokens, ids, sizes, hostile input, escaping, conflicts."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from jamsostek_regs.web import create_app
from jamsostek_regs.web.security import MAX_BODY
from jamsostek_regs.workspace import Workspace
from tests.web.formkit import form_of, post_form, quoted, token, with_value


@pytest.fixture
def client(project: Path) -> TestClient:
    return TestClient(
        create_app(Workspace(project)), base_url="http://127.0.0.1", raise_server_exceptions=False
    )


# ------------------------------------------------------------------ path traversal


@pytest.mark.parametrize(
    "path",
    [
        "/daerah/..%2F..%2Fetc%2Fpasswd",
        "/daerah/%2Fetc%2Fpasswd",
        "/daerah/%2E%2E",
        "/daerah/lahat%00",
        "/daerah/LAHAT",
        "/daerah/lahat.yaml",
        "/daerah/..%2Fregions%2Flahat/unduh/docx",
        "/banding?a=standard&b=..%2F..%2Fetc%2Fpasswd",
        "/banding?a=%2Fetc%2Fpasswd&b=lahat",
    ],
)
def test_ids_that_would_leave_the_regions_folder_are_refused(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert "root:" not in response.text and "Traceback" not in response.text


def test_a_region_file_that_is_a_symbolic_link_is_neither_read_nor_written(
    client: TestClient, project: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_bytes((project / "regions" / "lahat.yaml").read_bytes())
    (project / "regions" / "tautan.yaml").symlink_to(outside)
    csrf = token(client)
    assert client.get("/daerah/tautan").status_code == 400
    saved = post_form(client, "/daerah/tautan", [("csrf", csrf), ("action", "simpan"), ("name", "Diubah")])
    assert saved.status_code == 400
    assert client.get("/daerah/tautan/unduh/docx").status_code == 400
    assert outside.read_bytes() == (project / "regions" / "lahat.yaml").read_bytes()


def test_an_uploaded_name_never_becomes_a_path(client: TestClient, project: Path, tmp_path: Path) -> None:
    csrf = token(client, "/unggah")
    files = {"berkas": ("../../../jahat.docx", b"not a docx", "application/octet-stream")}
    response = client.post("/unggah", data={"csrf": csrf, "banding": "standard"}, files=files)
    assert response.status_code == 400
    assert not list(tmp_path.rglob("jahat.docx"))


def test_a_new_region_id_with_a_path_is_refused(client: TestClient, project: Path) -> None:
    csrf = token(client)
    for bad in ("../keluar", "/tmp/mutlak", "a/b"):
        data = {"csrf": csrf, "region_id": bad, "level": "kabupaten", "name": "Uji", "province": "Bengkulu"}
        response = client.post("/baru", data=data, follow_redirects=False)
        assert response.status_code == 200 and "lowercase letters" in response.text
    assert sorted(p.name for p in (project / "regions").glob("*.yaml")) == sorted(
        p.name for p in (Path(__file__).parents[2] / "regions").glob("*.yaml")
    )
    assert not (project / "keluar.yaml").exists()


# ------------------------------------------------------------------ CSRF


def test_every_post_needs_the_session_token(client: TestClient, project: Path) -> None:
    before = (project / "regions" / "lahat.yaml").read_bytes()
    csrf = token(client)
    attempts = [
        ("/daerah/lahat", {"action": "simpan", "name": "Dirusak"}),
        ("/daerah/lahat/pratinjau", {"name": "Dirusak"}),
        ("/baru", {"region_id": "palsu", "level": "kota", "name": "Palsu", "province": "Bengkulu"}),
        ("/ekspor", {"daerah": "lahat"}),
    ]
    for path, data in attempts:
        assert client.post(path, data=data).status_code == 403, path
        assert client.post(path, data={**data, "csrf": "0" * 64}).status_code == 403, path
        assert client.post(path, data=data, headers={"X-CSRF-Token": csrf + "0"}).status_code == 403
    other = TestClient(client.app, base_url="http://127.0.0.1")  # another browser: its own session
    assert other.post("/baru", data={**attempts[2][1], "csrf": csrf}).status_code == 403
    assert (project / "regions" / "lahat.yaml").read_bytes() == before
    assert not (project / "regions" / "palsu.yaml").exists()
    ok = client.post("/baru", data={**attempts[2][1], "csrf": csrf}, follow_redirects=False)
    assert ok.status_code == 303 and (project / "regions" / "palsu.yaml").exists()


def test_requests_for_another_host_are_refused(client: TestClient) -> None:
    assert client.get("/", headers={"host": "penyerang.example"}).status_code == 400


# ------------------------------------------------------------------ escaping


def test_script_in_a_region_value_shows_as_text(client: TestClient, project: Path) -> None:
    csrf = token(client)
    evil = "<script>alert('x')</script>"
    pairs = with_value(form_of(client, "lahat"), "capital", evil)
    pairs = [*with_value(pairs, "csrf", csrf), ("action", "simpan")]
    saved = post_form(client, "/daerah/lahat", pairs)
    assert saved.status_code == 200, saved.text
    assert "<script>alert" not in saved.text
    page = client.get("/daerah/lahat").text
    assert evil not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    preview = client.post(
        "/daerah/lahat/pratinjau",
        content="&".join(f"{quoted(n)}={quoted(v)}" for n, v in pairs),
        headers={"content-type": "application/x-www-form-urlencoded", "X-CSRF-Token": csrf},
    ).json()
    assert evil not in preview["html"] and "&lt;script&gt;" in preview["html"]
    assert client.get("/").text.count("<script") == 0  # the front page has no script at all


# ------------------------------------------------------------------ sizes and hostile input


def test_an_oversized_upload_is_refused_before_it_is_read(client: TestClient) -> None:
    csrf = token(client, "/unggah")
    files = {"berkas": ("besar.docx", b"0" * (MAX_BODY + 1), "application/octet-stream")}
    response = client.post("/unggah", data={"csrf": csrf, "banding": "standard"}, files=files)
    assert response.status_code == 413 and "terlalu besar" in response.text


def test_a_hostile_docx_gives_a_message_page(client: TestClient) -> None:
    csrf = token(client, "/unggah")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<" * 10 + "x" * 5_000_000)
    for content in (b"PK\x03\x04 broken", bomb.getvalue(), b""):
        files = {"berkas": ("rusak.docx", content, "application/octet-stream")}
        response = client.post("/unggah", data={"csrf": csrf, "banding": "standard"}, files=files)
        assert response.status_code == 400, response.text
        assert "Traceback" not in response.text and "<h1>" in response.text


def test_a_malformed_region_file_gives_a_message_page(client: TestClient, project: Path) -> None:
    (project / "regions" / "rusak.yaml").write_text(
        "name: [unclosed\n  - !!python/object x\n", encoding="utf-8"
    )
    response = client.get("/daerah/rusak")
    assert response.status_code == 400
    assert "YAML" in response.text and "Traceback" not in response.text
    (project / "regions" / "bom.yaml").write_text("a: &a [*a]\n", encoding="utf-8")
    assert client.get("/daerah/bom").status_code in (200, 400)


# ------------------------------------------------------------------ saving


def test_a_save_after_the_file_changed_on_disk_is_refused_and_shows_both(
    client: TestClient, project: Path
) -> None:
    path = project / "regions" / "lahat.yaml"
    csrf = token(client)
    pairs = with_value(form_of(client, "lahat"), "csrf", csrf)  # tab 1 loads the form
    theirs = path.read_text(encoding="utf-8").replace("capital: ", "capital: Pagar Alam # tab 2\n# was: ", 1)
    path.write_text(theirs, encoding="utf-8")  # tab 2 (or an editor) saves first
    mine = [*with_value(pairs, "capital", "Kota Lahat"), ("action", "simpan")]
    refused = post_form(client, "/daerah/lahat", mine)
    assert refused.status_code == 409
    text = refused.text
    assert "Berkas berubah sejak dibuka" in text
    assert "Pagar Alam # tab 2" in text and "capital: Kota Lahat" in text  # both versions shown
    assert path.read_text(encoding="utf-8") == theirs  # nothing lost
    fresh = re.search(r'name="sha256" value="([0-9a-f]+)"', text)
    assert fresh  # saving again from the conflict page replaces it, knowingly
    again = post_form(client, "/daerah/lahat", with_value(mine, "sha256", fresh.group(1)))
    assert again.status_code == 200 and "Tersimpan" in again.text
    assert "capital: Kota Lahat" in path.read_text(encoding="utf-8")


def test_saving_keeps_comments_and_order_and_changes_only_the_value(
    client: TestClient, project: Path
) -> None:
    path = project / "regions" / "kota-bengkulu.yaml"
    before = path.read_text(encoding="utf-8")
    csrf = token(client)
    pairs = with_value(
        with_value(form_of(client, "kota-bengkulu"), "csrf", csrf), "head.name", "Dedy Wahyudi"
    )
    saved = post_form(client, "/daerah/kota-bengkulu", [*pairs, ("action", "simpan")])
    assert saved.status_code == 200
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [("  name: null", "  name: Dedy Wahyudi")]


def test_unchanged_form_saves_the_file_byte_for_byte(client: TestClient, project: Path) -> None:
    for region in ("lahat", "provinsi-bengkulu", "solok-selatan", "rejang-lebong"):
        path = project / "regions" / f"{region}.yaml"
        before = path.read_bytes()
        pairs = with_value(form_of(client, region), "csrf", token(client))
        assert post_form(client, f"/daerah/{region}", [*pairs, ("action", "simpan")]).status_code == 200
        assert path.read_bytes() == before, region


def test_every_response_forbids_inline_script_and_sniffing(client: TestClient) -> None:
    for path in ("/", "/daerah/lahat", "/matriks", "/daerah/tidak-ada"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"


def test_a_region_file_too_large_or_not_utf8_gives_a_message_page(client: TestClient, project: Path) -> None:
    (project / "regions" / "besar.yaml").write_bytes(b"name: x\n" + b"#" * 1_100_000 + b"\n")
    (project / "regions" / "latin.yaml").write_bytes("name: Cañar\n".encode("latin-1"))
    for region_id, words in (("besar", "at most 1000000"), ("latin", "not UTF-8")):
        response = client.get(f"/daerah/{region_id}")
        assert response.status_code == 400 and words in response.text, response.text
