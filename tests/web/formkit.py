"""Driving the region form as a browser without script would: its fields, a value changed, a POST."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote_plus

from starlette.testclient import TestClient


def token(client: TestClient, path: str = "/") -> str:
    """The CSRF token of the client's session, as a page gives it."""
    page = client.get(path)
    assert page.status_code == 200
    found = re.search(r'<meta name="csrf-token" content="([0-9a-f]+)">', page.text)
    assert found
    return found.group(1)


def form_of(client: TestClient, region_id: str) -> list[tuple[str, str]]:
    """The region form as a browser without script would submit it (inputs, selects, checks)."""
    page = client.get(f"/daerah/{region_id}").text
    form = page[
        page.index('<form class="editor"') : page.index("</form>", page.index('<form class="editor"'))
    ]
    pairs: list[tuple[str, str]] = []
    for tag in re.finditer(
        r"<(input|textarea|select)\b([^>]*)>(.*?)(?=<(?:/select|/textarea)|<(?:input|textarea|select)\b|$)",
        form,
        re.S,
    ):
        kind, attrs, rest = tag.groups()
        name = re.search(r'name="([^"]*)"', attrs)
        if not name:
            continue
        value = re.search(r'value="([^"]*)"', attrs)
        if kind == "input" and 'type="checkbox"' in attrs:
            if "checked" in attrs:
                pairs.append((name.group(1), value.group(1) if value else "on"))
        elif kind == "input":
            pairs.append((name.group(1), _unescape(value.group(1)) if value else ""))
        elif kind == "textarea":
            pairs.append((name.group(1), _unescape(rest)))
        else:
            chosen = re.search(r'<option value="([^"]*)" selected>', rest)
            pairs.append((name.group(1), _unescape(chosen.group(1)) if chosen else ""))
    return pairs


def _unescape(text: str) -> str:
    return html.unescape(text)


def with_value(pairs: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    assert any(n == name for n, _ in pairs), name
    return [(n, value if n == name else v) for n, v in pairs]


def post_form(client: TestClient, path: str, pairs: list[tuple[str, str]]) -> Any:
    body = "&".join(f"{quoted(n)}={quoted(v)}" for n, v in pairs)
    return client.post(path, content=body, headers={"content-type": "application/x-www-form-urlencoded"})


def quoted(text: str) -> str:
    return quote_plus(text)
