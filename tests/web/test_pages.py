"""The review pages and downloads of the workbench, and the serve command itself."""

from __future__ import annotations

import io
import socket
import zipfile
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from starlette.testclient import TestClient

from jamsostek_regs import app
from jamsostek_regs.web import create_app
from jamsostek_regs.workspace import Workspace
from tests.regionkit import run_cli
from tests.web.formkit import token


@pytest.fixture
def client(project: Path) -> TestClient:
    return TestClient(create_app(Workspace(project)), base_url="http://127.0.0.1")


def test_the_diff_and_the_matrix_pages(client: TestClient) -> None:
    diff = client.get("/banding?a=standard&b=lahat")
    assert (
        diff.status_code == 200
        and 'iframe class="report"' in diff.text
        and "Perbandingan standard" in diff.text
    )
    matrix = client.get("/matriks")
    assert matrix.status_code == 200 and "lahat.diff.html" in matrix.text
    assert client.get("/matriks/lahat.diff.html").status_code == 200
    assert client.get("/matriks/..%2Fregions").status_code == 404


def test_the_downloads_of_a_saved_region(client: TestClient, project: Path, tmp_path: Path) -> None:
    docx = client.get("/daerah/lombok-timur/unduh/docx")
    assert docx.status_code == 200 and docx.headers["content-disposition"].endswith('"lombok-timur.docx"')
    assert run_cli(project, "assemble", "lombok-timur", "--format", "docx", "--out", str(tmp_path))[0] == 0
    assert docx.content == (tmp_path / "lombok-timur" / "lombok-timur.docx").read_bytes()
    redline = client.get("/daerah/lombok-timur/unduh/redline")
    assert redline.status_code == 200 and b"word/document.xml" in redline.content
    todo = client.get("/daerah/lahat/unduh/isian")
    assert todo.headers["content-disposition"].endswith('"lahat.daftar-isian.html"')
    assert todo.text == app.todo_page(app.todo(Workspace(project), "lahat"), "html")
    assert "Mengingat angka 10" in todo.text and "nomor Berita Negara" in todo.text
    assert client.get("/daerah/lombok-timur/unduh/exe").status_code == 404


def test_the_export_bundle_of_the_regions_ticked(client: TestClient) -> None:
    csrf = token(client)
    bundle = client.post("/ekspor", data={"csrf": csrf, "daerah": ["lombok-timur", "lahat"]})
    assert bundle.status_code == 200 and bundle.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(bundle.content)).namelist()
    assert any(n.endswith("lombok-timur.docx") for n in names) and any(
        n.endswith("lahat.docx") for n in names
    )
    assert "Centang" in client.post("/ekspor", data={"csrf": csrf}).text


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_prints_its_address_and_warns_for_another_host(
    monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    started: list[Any] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: started.append(sockets))
    port = _free_port()
    code, out, err = run_cli(project, "serve", "--port", str(port))
    assert code == 0 and f"http://127.0.0.1:{port}/" in out and "warning" not in err
    code, out, err = run_cli(project, "serve", "--host", "127.0.0.2", "--port", str(port))
    assert code == 0 and "warning: listening on 127.0.0.2" in err and f"http://127.0.0.2:{port}/" in out
    assert len(started) == 2
    for sockets in started:
        for listening in sockets:
            listening.close()
    with socket.create_server(("127.0.0.1", 0)) as taken:
        code, _out, err = run_cli(project, "serve", "--port", str(taken.getsockname()[1]))
    assert code == 2 and "cannot listen on 127.0.0.1" in err
