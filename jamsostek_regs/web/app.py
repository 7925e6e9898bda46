"""The workbench's pages: the Starlette application over one project folder.

Every page calls the application layer (:mod:`jamsostek_regs.app`) like the command line
does; errors are the same typed errors, shown as a message page in Bahasa Indonesia (an
unexpected one as a short message, never a traceback). Templates auto-escape everything they
print; the draft and diff pages the writers make are shown in a sandboxed ``iframe``. Work that takes
long (a download, the matrix, an upload, the bundle) runs in a worker thread, so the page of
another tab is not held up.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from jamsostek_regs import app as usecases
from jamsostek_regs.app import docx_review, editing
from jamsostek_regs.app.drafts import render
from jamsostek_regs.errors import (
    ConflictError,
    InputError,
    InvalidValueError,
    JamsostekError,
    LintError,
    Problem,
)
from jamsostek_regs.lint import Finding
from jamsostek_regs.source.schema import Level
from jamsostek_regs.web import forms
from jamsostek_regs.web.messages import diff_page, indonesian
from jamsostek_regs.web.security import FIELD, HEADER, BodyLimit, SecurityHeaders, Tokens
from jamsostek_regs.workspace import STANDARD_REGION, Workspace
from jamsostek_regs.writers.pdf import SOFFICE

#: Each download of a region: its media type and the suffix of its file name.
DOWNLOADS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "pdf": ("application/pdf", ".pdf"),
    "redline": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".redline.docx"),
    "isian": ("text/html; charset=utf-8", ".daftar-isian.html"),
}
LEVELS = ("kabupaten", "kota", "provinsi")

Handler = Callable[[Request], Awaitable[Response]]


def create_app(workspace: Workspace, hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> Starlette:
    """The workbench over ``workspace``, answering requests that name one of ``hosts``."""
    pages = _Pages(workspace)
    routes = [
        Route("/", pages.index),
        Route("/baru", pages.create, methods=["POST"]),
        Route("/daerah/{region_id}", pages.region, methods=["GET", "POST"]),
        Route("/daerah/{region_id}/pratinjau", pages.preview, methods=["POST"]),
        Route("/daerah/{region_id}/unduh/{kind}", pages.download),
        Route("/banding", pages.compare),
        Route("/matriks", pages.matrix),
        Route("/matriks/{page}", pages.matrix),
        Route("/unggah", pages.upload, methods=["GET", "POST"]),
        Route("/ekspor", pages.export, methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("jamsostek_regs.web", "static")]), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts)),
        Middleware(BodyLimit),
    ]
    handlers: Mapping[Any, Any] = {Exception: pages.failure, JamsostekError: pages.failure}
    return Starlette(routes=routes, middleware=middleware, exception_handlers=handlers)


class _Pages:
    """The request handlers, sharing the workspace, the templates and the CSRF tokens."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.tokens = Tokens()
        self.templates = Environment(
            loader=PackageLoader("jamsostek_regs.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    # ------------------------------------------------------------------ plumbing

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        """``template`` rendered with the request's CSRF token; sets the session cookie if new."""
        session, new = self.tokens.session(request)
        body = self.templates.get_template(template).render(csrf=self.tokens.token(session), **context)
        response = HTMLResponse(body, status_code=status)
        if new:
            response.set_cookie("jrs_sesi", session, httponly=True, samesite="strict")
        return response

    async def form(self, request: Request) -> forms.Form:
        """The submitted form, once its CSRF token is checked (:class:`_Forbidden` otherwise)."""
        async with request.form(max_fields=20_000, max_part_size=8_000_000) as data:
            pairs = [(k, v) for k, v in data.multi_items() if isinstance(v, str)]
        given = request.headers.get(HEADER) or dict(pairs).get(FIELD)
        if not self.tokens.valid(request, given):
            raise _Forbidden
        return forms.Form(pairs)

    async def failure(self, request: Request, exc: Exception) -> Response:
        """A message page for any error: the typed ones say what is wrong, the rest only that
        something went wrong (no traceback, no internals)."""
        if isinstance(exc, _Forbidden):
            text = "Permintaan ditolak: token keamanan (CSRF) tidak ada atau salah. Muat ulang halaman."
            return self.page(request, "message.html", 403, title="Ditolak", text=text, problems=[])
        if isinstance(exc, InputError):
            problems = [
                f"{p.file}:{p.line}:{p.column}: {p.key}: {indonesian(p.message)}" for p in exc.problems
            ]
            return self.page(
                request,
                "message.html",
                400,
                title="Isian bermasalah",
                text="Berkas daerah bermasalah:",
                problems=problems,
            )
        if isinstance(exc, LintError):
            found = [str(f) for fs in exc.findings.values() for f in fs if f.severity == "error"]
            text = "Rancangan belum memenuhi teknik penyusunan; perbaiki dulu:"
            return self.page(
                request, "message.html", 400, title="Kesalahan penyusunan", text=text, problems=found
            )
        if isinstance(exc, JamsostekError):
            return self.page(
                request, "message.html", 400, title="Tidak dapat dilakukan", text=str(exc), problems=[]
            )
        text = f"Terjadi kesalahan di server ({type(exc).__name__}); tidak ada yang diubah."
        return self.page(request, "message.html", 500, title="Kesalahan", text=text, problems=[])

    # ------------------------------------------------------------------ pages

    async def index(self, request: Request, **extra: Any) -> Response:
        """The regions, a form to start a new one, the review pages and the bundle export."""
        ids = usecases.select(self.workspace, []) if self.workspace.regions.is_dir() else []
        listed = usecases.regions(self.workspace, ids)
        return self.page(request, "index.html", regions=listed, levels=LEVELS, **extra)

    async def create(self, request: Request) -> Response:
        """``new`` from the browser: write the scaffold, then open it."""
        form = await self.form(request)
        region_id, level = form.get("region_id") or "", form.get("level") or ""
        name, province = form.get("name") or "", form.get("province") or None
        try:
            if level not in LEVELS:
                raise InvalidValueError("level", f"pilih salah satu: {', '.join(LEVELS)}")
            chosen: Level = level  # type: ignore[assignment]  # checked just above
            usecases.new(self.workspace, region_id, chosen, name, province if level != "provinsi" else None)
        except InvalidValueError as exc:
            given = {"region_id": region_id, "level": level, "name": name, "province": province or ""}
            return await self.index(request, error={exc.field: exc.reason}, given=given)
        return RedirectResponse(f"/daerah/{region_id}", status_code=303)

    async def region(self, request: Request) -> Response:
        """The form beside the preview; a POST saves, previews, or changes the form's shape."""
        region_id = request.path_params["region_id"]
        opened = editing.open_region(self.workspace, region_id)
        if request.method == "GET":
            return self.editor(request, opened, opened.data, opened.sha256)
        form = await self.form(request)
        data = forms.parse(form, opened.data)
        action = form.get("action") or "pratinjau"
        loaded = form.get("sha256") or ""
        if action == "simpan":
            try:
                saved = editing.save(self.workspace, region_id, data, loaded)
            except ConflictError as exc:
                return self.editor(request, opened, data, opened.sha256, conflict=exc, status=409)
            return self.editor(request, saved, saved.data, saved.sha256, saved_now=True)
        if action.startswith("key:") and "=" not in action:  # without the script: the id is its own field
            action += "=" + (form.get(f"__kode_{action[4:]}") or "")
        forms.act(data, action)
        return self.editor(request, opened, data, loaded)

    def editor(
        self,
        request: Request,
        opened: editing.Opened,
        data: dict[str, Any],
        sha256: str,
        *,
        conflict: ConflictError | None = None,
        saved_now: bool = False,
        status: int = 200,
    ) -> Response:
        """The region page for ``data`` (saved or not) with its preview and problems."""
        made = editing.preview(self.workspace, opened.region_id, data)
        fields = forms.fields(data, editing.choices(self.workspace))
        labels = forms.labelled(fields)
        placed, general = _placed(made.problems, labels)
        return self.page(
            request,
            "region.html",
            status,
            region_id=opened.region_id,
            fields=fields,
            sha256=sha256,
            problems=placed,
            general=general,
            index=_index(placed, labels),
            findings=made.findings,
            preview=_marked(made.html, made.findings, made.anchors).decode(),
            conflict=conflict,
            saved_now=saved_now,
            pdf=shutil.which(SOFFICE) is not None,
            others=[r for r in usecases.select(self.workspace, []) if r != opened.region_id],
        )

    async def preview(self, request: Request) -> Response:
        """The live preview: the HTML view and the problems of the form's values, as JSON."""
        started = time.perf_counter()
        region_id = request.path_params["region_id"]
        opened = editing.open_region(self.workspace, region_id)
        form = await self.form(request)
        data = forms.parse(form, opened.data)
        made = editing.preview(self.workspace, region_id, data)
        labels = forms.labelled(forms.fields(data, editing.choices(self.workspace)))
        placed, general = _placed(made.problems, labels)
        body = {
            "html": _marked(made.html, made.findings, made.anchors).decode(),
            "problems": placed,
            "general": general,
            "index": _index(placed, labels),
            "findings": [_finding(f) for f in made.findings],
            "ms": round((time.perf_counter() - started) * 1000, 1),
        }
        return JSONResponse(body, headers={"Server-Timing": f"preview;dur={body['ms']}"})

    async def download(self, request: Request) -> Response:
        """A download of a saved region: DOCX, PDF, the redline against the standard, or the
        list of ``...`` still to fill."""
        region_id, kind = request.path_params["region_id"], request.path_params["kind"]
        editing.region_file(self.workspace, region_id)  # refuses unsafe ids
        if kind not in DOWNLOADS:
            return self.page(
                request, "message.html", 404, title="Tidak ada", text="Unduhan tidak dikenal.", problems=[]
            )
        media, suffix = DOWNLOADS[kind]
        if kind == "redline":
            data = (
                await run_in_threadpool(usecases.diff, self.workspace, STANDARD_REGION, region_id, "docx")
            ).data
        elif kind == "isian":
            checklist = await run_in_threadpool(usecases.todo, self.workspace, region_id)
            data = usecases.todo_page(checklist, "html").encode()
        else:
            data = await run_in_threadpool(render, self.workspace, region_id, kind)
        disposition = f'attachment; filename="{region_id}{suffix}"'
        return Response(data, media_type=media, headers={"Content-Disposition": disposition})

    async def compare(self, request: Request) -> Response:
        """The side-by-side diff of two drafts (``?a=standard&b=lahat``)."""
        a = request.query_params.get("a") or STANDARD_REGION
        b = request.query_params.get("b") or ""
        for ref in (a, b):
            if ref != STANDARD_REGION:
                editing.region_file(self.workspace, ref)
        report = diff_page(
            (await run_in_threadpool(usecases.diff, self.workspace, a, b, "html")).data.decode()
        )
        return self.page(request, "review.html", title=f"Perbandingan {a} \u2192 {b}", report=report)

    async def matrix(self, request: Request) -> Response:
        """The matrix of every region against the standard, and its per-region diff pages."""
        ids = usecases.select(self.workspace, [])
        pages = (await run_in_threadpool(usecases.matrix, self.workspace, ids, 1)).files
        name = request.path_params.get("page", "matrix.html")
        if name not in pages:
            return self.page(
                request, "message.html", 404, title="Tidak ada", text="Halaman tidak ada.", problems=[]
            )
        return HTMLResponse(diff_page(pages[name].decode()) if name.endswith(".diff.html") else pages[name])

    async def upload(self, request: Request) -> Response:
        """Upload a DOCX: its linter findings and its diff against the standard or a region."""
        ids = usecases.select(self.workspace, [])
        if request.method == "GET":
            return self.page(request, "upload.html", regions=ids)
        async with request.form(max_files=1, max_fields=10, max_part_size=8_000_000) as form_data:
            if not self.tokens.valid(request, request.headers.get(HEADER) or str(form_data.get(FIELD) or "")):
                raise _Forbidden
            upload = form_data.get("berkas")
            against = str(form_data.get("banding") or STANDARD_REGION)
            if isinstance(upload, str) or upload is None:
                return self.page(request, "upload.html", 400, regions=ids, error="Pilih berkas .docx.")
            shown = Path(upload.filename or "unggahan.docx").name
            content = await upload.read()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "unggahan.docx"  # the uploaded name never becomes a path
            path.write_bytes(content)
            reviewed = await run_in_threadpool(docx_review.review, self.workspace, path, shown, against)
        return self.page(
            request,
            "review.html",
            title=f"{shown} dibandingkan dengan {against}",
            report=diff_page(reviewed.page),
            findings=reviewed.findings,
            notes=[str(n) for n in reviewed.reading.notes],
        )

    async def export(self, request: Request) -> Response:
        """The export bundle (zip) of the regions ticked on the front page."""
        form = await self.form(request)
        ids = usecases.select(self.workspace, form.every("daerah"))
        if not ids or not form.every("daerah"):
            return await self.index(request, export_error="Centang paling sedikit satu daerah.")
        with tempfile.TemporaryDirectory() as folder:
            result = await run_in_threadpool(
                usecases.export, self.workspace, ids, Path(folder) / "bundle.zip"
            )
        if not result.regions:
            failed = [f"{f.region_id}: {error}" for f in result.failed for error in f.errors]
            text = "Tidak ada daerah yang dapat diekspor:"
            return self.page(request, "message.html", 400, title="Ekspor gagal", text=text, problems=failed)
        headers = {"Content-Disposition": 'attachment; filename="jamsostek-regs-bundle.zip"'}
        return Response(result.data, media_type="application/zip", headers=headers)


class _Forbidden(JamsostekError):
    """A state-changing request without the right CSRF token."""


def _index(placed: Mapping[str, list[str]], labels: Mapping[str, str]) -> list[dict[str, str]]:
    """The fields with problems, in form order: name, label, messages (the list atop the form)."""
    return [
        {"name": name, "label": label, "message": "; ".join(placed[name])}
        for name, label in labels.items()
        if name in placed
    ]


def _placed(problems: list[Problem], names: Mapping[str, str]) -> tuple[dict[str, list[str]], list[str]]:
    """Problems by the form field they concern (the nearest field shown), and the rest."""
    placed: dict[str, list[str]] = {}
    general = []
    for problem in problems:
        message = indonesian(problem.message) + (
            f" (maksudnya \u201c{problem.hint}\u201d?)" if problem.hint else ""
        )
        key = problem.key
        while key and key not in names:
            key = key[: max(key.rfind("."), key.rfind("["), 0)]
        if key:
            placed.setdefault(key, []).append(message)
        else:
            general.append(f"{problem.key}: {message}" if problem.key else message)
    return placed, general


def _finding(finding: Finding) -> dict[str, str]:
    return {
        "location": finding.location,
        "rule": finding.rule_id,
        "severity": "kesalahan" if finding.severity == "error" else "peringatan",
        "message": finding.message_id_text,
    }


def _marked(html: bytes, findings: list[Finding], anchors: Mapping[str, str]) -> bytes:
    """The preview page with each finding shown at the paragraph it concerns (CSS only)."""
    rules = []
    for finding in findings:
        anchor = anchors.get(finding.key)
        if anchor:
            note = _css_string(f"{finding.rule_id}: {finding.message_id_text}")
            colour = "#b00020" if finding.severity == "error" else "#8a5a00"
            rules.append(
                f"#{_css_ident(anchor)} {{ outline: 2px solid {colour}; }}\n"
                f'#{_css_ident(anchor)}::after {{ content: "{note}"; display: block; color: {colour};'
                " font: 10pt sans-serif; }"
            )
    if not rules:
        return html
    return html.replace(b"</head>", f"<style>\n{chr(10).join(rules)}\n</style>\n</head>".encode(), 1)


def _css_ident(text: str) -> str:
    return "".join(c if c.isalnum() or c in "_-" else f"\\{ord(c):x} " for c in text)


def _css_string(text: str) -> str:
    return "".join(c if c.isalnum() or c in " .,;:()/-" else f"\\{ord(c):x} " for c in text)
