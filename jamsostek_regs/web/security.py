"""What keeps the workbench safe by default: CSRF tokens, a body size limit, known hosts.

* **CSRF**: each browser gets a random session cookie (``HttpOnly``, ``SameSite=Strict``); its
  token is an HMAC of that cookie under a secret made when the server starts. Every page puts
  the token in its forms, the script sends it as ``X-CSRF-Token``; a request that changes
  anything (every ``POST``) without the right token is refused before it is read further.
* **Body limit**: a request body larger than :data:`MAX_BODY` is refused, whether it says its
  length or streams it, before any of it is parsed.
* **Hosts**: only requests naming the address the server was started on (or ``localhost``)
  are served, so a web page elsewhere cannot reach the server through DNS rebinding.
* **Headers**: every response forbids scripts from anywhere but the workbench's own file,
  plugins, framing by other sites and content sniffing (:data:`HEADERS`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "jrs_sesi"
HEADER = "x-csrf-token"
FIELD = "csrf"
#: The largest request body accepted: an uploaded DOCX (the reader's own limit is larger,
#: but a Perkada is far below this) or a form.
MAX_BODY = 8_000_000


#: Sent with every response. Inline styles are allowed (the drafts' HTML view carries its own
#: stylesheet); scripts only from the server's static file, never inline.
HEADERS = (
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
)


class Tokens:
    """Makes and checks CSRF tokens with a secret of this server process."""

    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)

    def session(self, request: Request) -> tuple[str, bool]:
        """The request's session id, and whether it is new (then set the cookie)."""
        given = request.cookies.get(COOKIE, "")
        if len(given) == 43 and given.replace("-", "").replace("_", "").isalnum():
            return given, False
        return secrets.token_urlsafe(32), True

    def token(self, session: str) -> str:
        """The CSRF token of ``session``."""
        return hmac.new(self._secret, session.encode(), hashlib.sha256).hexdigest()

    def valid(self, request: Request, given: str | None) -> bool:
        """Whether ``given`` is the token of the request's session cookie."""
        session = request.cookies.get(COOKIE)
        return bool(session and given) and hmac.compare_digest(self.token(session or ""), given or "")


class TooLarge(Exception):
    """The request body is over :data:`MAX_BODY`."""


class BodyLimit:
    """ASGI middleware: a body over ``limit`` bytes ends the request with 413, unread."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.limit:
            await _refuse(send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except TooLarge:
            await _refuse(send)


class SecurityHeaders:
    """ASGI middleware: adds :data:`HEADERS` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        await self.app(scope, receive, with_headers)


async def _refuse(send: Send) -> None:
    body = b"Berkas atau isian terlalu besar: paling banyak 8 MB."
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
