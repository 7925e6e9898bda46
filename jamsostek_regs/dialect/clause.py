"""Parse a rendered clause (the small Markdown dialect) into ayat, rincian and tables.

The dialect, after Jinja has run:

* Each paragraph starts an ayat (in a lampiran: a paragraph). Ayat are separated by a blank
  line and carry no numbers: numbering is a later pass.
* A bullet list (``- ``) right after a paragraph is that paragraph's rincian; nest by
  indenting two spaces (at most four levels, R54). Items carry no labels and no final
  punctuation: the punctuation pass adds ";", "; dan", "." and ":" (R53, R55, R56).
* A trailing attribute block (kramdown style) names the element and its list: ``{: #apbd}``
  gives the stable key ``<pasal key>.apbd``; ``{: +atau}`` / ``{: +dan/atau}`` sets the
  connective of the list that follows (default ``dan``); ``{: .definisi}`` makes the list
  numbered definitions. Attributes combine: ``{: #sumber +dan/atau}``.
  A paragraph or item has at most one block, at its end (a block inside the text is text).
* Pipe tables become table nodes; only a lampiran may have them (a Pasal has ayat and rincian).

Block structure is parsed with markdown-it-py; inline text is only literal text, backslash
escapes and reference markers.

Problems and sources name template lines: a rendered template
(:class:`~jamsostek_regs.dialect.templating.Rendered`) knows the template line of each of its lines,
which ``{# #}`` comments, ``{% %}`` lines and loops shift. Any other text (a region's own
clause text) counts its own lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import NoReturn

from markdown_it import MarkdownIt
from markdown_it.token import Token

from jamsostek_regs.dialect import provenance
from jamsostek_regs.dialect.templating import REF_CLOSE, REF_OPEN, Rendered
from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.model import Conj, Inline, ListStyle, Node, Ref, Source

_ATTRS = re.compile(r"(?<!\\)\{:((?:\s*[#.+][^\s{}]+)+)\s*\}\s*$")
_MARKER = re.compile(f"{REF_OPEN}([^{REF_CLOSE}|]*)\\|(\\d+)\\|([01]){REF_CLOSE}")
_UNESCAPE = re.compile(r"\\(.)")
_KEY = re.compile(r"^[a-z0-9_]+$")
_CONJ: dict[str, Conj] = {"dan": "dan", "atau": "atau", "dan/atau": "dan/atau"}
_STYLES: dict[str, ListStyle] = {"definisi": "definisi", "rincian": "rincian"}


@cache
def _parser() -> MarkdownIt:
    """Block structure only: inline text is read from each ``inline`` token's content (by
    :func:`_split`), so markdown-it's inline pass is switched off."""
    return MarkdownIt("zero").enable(["list", "table"]).disable(["inline", "text_join"])


@dataclass
class _Draft:
    """A node under construction (tokens arrive open/close, children later)."""

    kind: str
    key: str
    line: int
    text: tuple[Inline, ...] = ()
    conj: Conj = "dan"
    style: ListStyle = "rincian"
    children: list[_Draft] = field(default_factory=list)
    params: frozenset[str] = frozenset()

    def freeze(self, file: str) -> Node:
        return Node(
            kind=self.kind,  # type: ignore[arg-type]
            key=self.key,
            text=self.text,
            children=tuple(c.freeze(file) for c in self.children),
            conj=self.conj if self.children and self.kind != "table" and self.kind != "row" else "",
            style=self.style,
            source=Source(file, self.line),
            params=tuple(sorted(self.params)),
        )


@dataclass
class _Context:
    file: str
    pasal_key: str
    top_kind: str
    lines: list[str] = field(default_factory=list)
    seen: dict[str, int] = field(default_factory=dict)
    #: Provenance tags by 0-based line, and the first line whose tags are not given out yet.
    tags: dict[int, frozenset[str]] = field(default_factory=dict)
    tagged_to: int = 0
    #: Template line of each 0-based line; empty when the lines are the text's own.
    template_lines: tuple[int, ...] = ()

    def line(self, index: int) -> int:
        """The line to report for 0-based rendered line ``index``."""
        if index < len(self.template_lines):
            return self.template_lines[index]
        return index + 1

    def params(self, token: Token) -> frozenset[str]:
        """Keys tagged on the lines of ``token`` and on untaken lines before it."""
        if not self.tags or token.map is None:
            return frozenset()
        start, end = self.tagged_to, token.map[1]
        self.tagged_to = max(self.tagged_to, end)
        lines = range(min(start, token.map[0]), end)
        return frozenset().union(*(self.tags.get(line, frozenset()) for line in lines))


def parse(rendered: str, file: str, pasal_key: str, top_kind: str = "ayat") -> tuple[Node, ...]:
    """Parse one rendered clause into its top-level nodes (``ayat`` or lampiran ``line``)."""
    template_lines = rendered.lines if isinstance(rendered, Rendered) else ()
    rendered, tags = provenance.strip(rendered)
    ctx = _Context(file, pasal_key, top_kind, rendered.split("\n"), tags=tags, template_lines=template_lines)
    root = _Draft("root", pasal_key, 1)
    stack = [root]
    for token in _parser().parse(rendered):
        _consume(token, stack, ctx)
    return tuple(child.freeze(file) for child in root.children)


def _consume(token: Token, stack: list[_Draft], ctx: _Context) -> None:
    line = ctx.line(token.map[0]) if token.map else stack[-1].line
    kind = token.type
    if kind == "ordered_list_open":
        _fail(ctx, line, "numbered lists are not part of the clause dialect; use '- ' items")
    if kind == "table_open" and ctx.top_kind != "line":
        _fail(ctx, line, "a table belongs in a lampiran, not in a Pasal; write its rows as '- ' items")
    if kind == "list_item_open":
        stack.append(_open(_list_parent(stack, ctx, line), "item", line, ctx))
    elif kind in {"list_item_close", "table_close", "tr_close"}:
        stack.pop()
    elif kind == "table_open":
        stack.append(_open(stack[-1], "table", line, ctx))
    elif kind == "tr_open":
        stack.append(_open(stack[-1], "row", line, ctx))
    elif kind == "inline":
        _inline(token, stack, ctx, line)


def _list_parent(stack: list[_Draft], ctx: _Context, line: int) -> _Draft:
    """The node a list item belongs to: the enclosing item, or the paragraph before it."""
    if len(stack) > 4:
        _fail(ctx, line, "rincian deeper than 4 levels (R54); split into another ayat or Pasal")
    parent = stack[-1]
    if parent.kind != "root":
        return parent
    if not parent.children or parent.children[-1].kind == "table":
        _fail(ctx, line, "a list must follow the paragraph that introduces it")
    return parent.children[-1]


def _open(parent: _Draft, kind: str, line: int, ctx: _Context) -> _Draft:
    index = len(parent.children) + 1
    key = f"{parent.key}.{index}" if parent.kind != "root" else f"{ctx.pasal_key}.{index}"
    node = _Draft(kind, key, line)
    parent.children.append(node)
    return node


def _inline(token: Token, stack: list[_Draft], ctx: _Context, line: int) -> None:
    parent = stack[-1]
    params = ctx.params(token)
    if parent.kind == "row":
        cell = _open(parent, "line", line, ctx)
        cell.text = _split(token.content, ctx, line)
        cell.params = params
        return
    if parent.kind == "root":
        node = _open(parent, ctx.top_kind, line, ctx)
    elif parent.kind == "item" and not parent.text and not _lazy(token, ctx):
        node = parent
    else:
        _fail(ctx, line, "text after a list cannot continue the same ayat; start a new paragraph")
    content = token.content
    match = _ATTRS.search(content)
    if match:
        content = content[: match.start()]
        _apply_attrs(node, match.group(1).split(), ctx, line)
        if _ATTRS.search(content):
            _fail(ctx, line, "two attribute blocks end this text; combine them into one: {: #id +atau}")
    node.text = _split(content, ctx, line)
    node.params = params
    if not node.text:
        _fail(ctx, line, "empty ayat or rincian")


def _lazy(token: Token, ctx: _Context) -> bool:
    """Whether an item's text runs on to an unindented line (Markdown "lazy continuation").

    Such a line is meant as text after the list, not as part of the last rincian.
    """
    start, end = token.map or (0, 0)
    return any(ctx.lines[i][:1] not in {" ", "\t"} for i in range(start + 1, end))


def _apply_attrs(node: _Draft, attrs: list[str], ctx: _Context, line: int) -> None:
    for attr in attrs:
        sigil, value = attr[0], _UNESCAPE.sub(r"\1", attr[1:])
        if sigil == "#" and _KEY.match(value):
            node.key = f"{ctx.pasal_key}.{value}"
            if node.key in ctx.seen:
                _fail(ctx, line, f"id '#{value}' is used twice (first on line {ctx.seen[node.key]})")
            ctx.seen[node.key] = line
        elif sigil == "+" and value in _CONJ:
            node.conj = _CONJ[value]
        elif sigil == "." and value in _STYLES:
            node.style = _STYLES[value]
        else:
            _fail(ctx, line, f"unknown attribute '{attr}' (expected #id, +dan, +atau, +dan/atau, .definisi)")


def _split(content: str, ctx: _Context, line: int) -> tuple[Inline, ...]:
    """Split inline content into text and references; collapse whitespace."""
    parts: list[Inline] = []
    pos = 0
    for match in _MARKER.finditer(content):
        parts.append(_text(content[pos : match.start()]))
        key, ref_line, bare = match.groups()
        if key.startswith("."):
            key = ctx.pasal_key + key
        parts.append(Ref(key, Source(ctx.file, int(ref_line) or line), bare == "1"))
        pos = match.end()
    parts.append(_text(content[pos:]))
    return _normalise(parts)


def _text(raw: str) -> str:
    return _UNESCAPE.sub(r"\1", raw)


def _normalise(parts: list[Inline]) -> tuple[Inline, ...]:
    """Collapse whitespace across text parts and trim the ends; drop empty strings."""
    out: list[Inline] = []
    for part in parts:
        if isinstance(part, str):
            part = re.sub(r"\s+", " ", part)
            if out and isinstance(out[-1], str):
                out[-1] += part
                continue
        out.append(part)
    if out and isinstance(out[0], str):
        out[0] = out[0].lstrip()
    if out and isinstance(out[-1], str):
        out[-1] = out[-1].rstrip()
    return tuple(p for p in out if p != "")


def _fail(ctx: _Context, line: int, message: str) -> NoReturn:
    raise InputError([Problem(ctx.file, line, 1, ctx.pasal_key, message)])
