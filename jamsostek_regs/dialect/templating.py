"""The clause template environment: sandboxed Jinja with strict undefined.

Region values are data, never templates: every value printed by ``{{ ... }}`` is escaped for
the clause dialect (so ``{{`` or ``- `` inside a value prints literally) and ``None`` prints
as the drafter's placeholder ``...``. Helpers that produce clause syntax (``ref``, the
number writers) return :class:`Safe` strings, which pass through unescaped.

A reference is emitted as a marker ``\\ue000key|line|bare\\ue001``: the clause parser turns
markers into :class:`~jamsostek_regs.model.Ref` nodes, and the resolver fills in the words
once the tree is numbered.

The clause parser reports problems and records sources at template lines, which ``{# #}``
comments, ``{% %}`` lines and loops shift: while rendering, each newline of the template's
text carries a mark ``\\ue004line\\ue005`` (:class:`LineMarks`), and :func:`render` takes the
marks out again, returning the text as :class:`Rendered`, which knows each line's template line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError, pass_context
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from jamsostek_regs import numerals
from jamsostek_regs.dialect import provenance
from jamsostek_regs.errors import InputError, Problem

PLACEHOLDER = "..."
REF_OPEN, REF_CLOSE = "\ue000", "\ue001"
LINE_OPEN, LINE_CLOSE = "\ue004", "\ue005"
_ESCAPE = re.compile(r"([\\`*_{}\[\]<>#+\-.!|()~])")


class Rendered(str):
    """A rendered clause template (its text), knowing the template line of each of its lines.

    ``lines[i]`` is the template line of (0-based) line ``i`` of the text.
    """

    lines: tuple[int, ...]

    def __new__(cls, text: str, lines: tuple[int, ...] = ()) -> Rendered:
        self = super().__new__(cls, text)
        self.lines = lines
        return self

    def __reduce__(self) -> tuple[type[Rendered], tuple[str, tuple[int, ...]]]:
        return (Rendered, (str(self), self.lines))


class Safe(str):
    """A string that is already clause syntax and must not be escaped."""

    __slots__ = ()


_RESERVED = re.compile("[\ue000-\ue005]")


def escape(value: str) -> str:
    """Escape ``value`` so the clause parser prints it literally, on one line.

    The private-use characters U+E000 to U+E005 mark references, provenance and template
    lines in rendered text, so a value carrying one is refused (region files are checked for
    them on load).
    """
    if _RESERVED.search(value):
        raise ValueError(f"value {value[:40]!r} contains a reserved character (U+E000 to U+E005)")
    return _ESCAPE.sub(r"\\\1", " ".join(value.split()))


class Flat(Extension):
    """Clause templates are flat text: no macros, includes, imports or template inheritance.

    A macro's output would be printed (and escaped) a second time, breaking references and
    region values; an include would hide a clause from the manifest and its checks.
    """

    FORBIDDEN = frozenset({"macro", "call", "include", "import", "from", "extends", "block"})

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        """Pass the tokens through, refusing the forbidden statements."""
        previous = None
        for token in stream:
            if previous == "block_begin" and token.type == "name" and token.value in self.FORBIDDEN:
                message = f"'{token.value}' is not allowed in clause templates (write the text in place)"
                raise TemplateSyntaxError(message, token.lineno, stream.name, stream.filename)
            previous = token.type
            yield token


class LineMarks(Extension):
    """Precede each newline of the template's text with the template line it ends.

    ``Satu\\nDua\\n`` on template lines 4 and 5 becomes ``Satu\\ue0044\\ue005\\nDua\\ue0045\\ue005\\n``.
    Only literal text is marked (values print on one line), and not the text a ``{% set %}``
    or ``{% filter %}`` block captures: that becomes a value, not lines of the clause.
    """

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        """Pass the tokens through, marking the newlines of ``data`` tokens."""
        captured = 0  # how many capturing blocks the stream is inside
        for token in stream:
            if token.type == "data" and not captured and "\n" in token.value:
                yield Token(token.lineno, "data", _marked(token.value, token.lineno))
                continue
            yield token
            if token.type != "block_begin":
                continue
            statement = [next(stream)]
            while statement[-1].type not in {"block_end", "eof"}:
                statement.append(next(stream))
            yield from statement
            name = statement[0].value if statement[0].type == "name" else ""
            if name in {"endset", "endfilter"}:
                captured = max(captured - 1, 0)
            elif name == "filter" or (name == "set" and all(t.type != "assign" for t in statement)):
                captured += 1


_LINE_MARK = re.compile(f"{LINE_OPEN}[0-9]*{LINE_CLOSE}")
_MARKED_NEWLINE = re.compile(f"{LINE_OPEN}([0-9]+){LINE_CLOSE}\n")
_ANY_NEWLINE = re.compile(f"(?:{LINE_OPEN}([0-9]+){LINE_CLOSE})?\n")


def _marked(text: str, line: int) -> str:
    """``text`` (starting on template ``line``) with each newline preceded by its line mark."""
    *lines, rest = text.split("\n")
    return "".join(f"{part}{LINE_OPEN}{line + i}{LINE_CLOSE}\n" for i, part in enumerate(lines)) + rest


def _unmarked(text: str) -> Rendered:
    """``text`` without line marks, knowing the template line of each of its lines.

    A line whose newline has no mark (printed by a ``{% filter %}`` block, say) counts on
    from the line before it, as does the last line, which no newline ends.
    """
    marks = _MARKED_NEWLINE.findall(text)
    if len(marks) == text.count("\n"):  # every newline marked: the usual case, and fast
        lines = [int(mark) for mark in marks]
    else:
        lines = []
        for mark in _ANY_NEWLINE.findall(text):
            lines.append(int(mark) if mark else (lines[-1] if lines else 0) + 1)
    lines.append((lines[-1] if lines else 0) + 1)
    if LINE_OPEN in text:
        text = _LINE_MARK.sub("", text)
    if LINE_OPEN in text or LINE_CLOSE in text:  # stray mark characters never reach the text
        text = text.replace(LINE_OPEN, "").replace(LINE_CLOSE, "")
    return Rendered(text, tuple(lines))


@pass_context
def _finalize(context: Context, value: Any) -> str:
    """The printed form of ``value``, tagged with the region keys it came from (provenance)."""
    return provenance.printed(context, value, _printed(value))


def _printed(value: Any) -> str:
    if isinstance(value, Safe):
        return value
    if value is None:
        return PLACEHOLDER
    if isinstance(value, bool):
        raise TypeError("a yes/no value cannot be printed; use it in a condition")
    if isinstance(value, dt.date):
        return numerals.tanggal(value)
    return escape(str(value))


def _ref(key: str, bare: bool = False) -> Safe:
    """Template global: a cross-reference to the clause with ``key``."""
    line = _template_line()
    return Safe(f"{REF_OPEN}{key}|{line}|{int(bare)}{REF_CLOSE}")


def _template_line() -> int:
    """Line of the template that is calling, from the compiled template's debug info."""
    frame = sys._getframe(2)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            line: int = template.get_corresponding_lineno(frame.f_lineno)
            return line
        frame = frame.f_back  # type: ignore[assignment]
    return 0


def _safe(fn: Callable[..., str]) -> Callable[..., Safe]:
    def wrapped(*args: Any) -> Safe:
        return Safe(escape(fn(*args)))

    return wrapped


def _join(items: list[Any], conj: str = "dan") -> str:
    """Indonesian enumeration in running text: "a, b, dan c" / "a dan b"."""
    words = [str(i) for i in items]
    if len(words) <= 2:
        return f" {conj} ".join(words)
    return ", ".join(words[:-1]) + f", {conj} " + words[-1]


def _decimal(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


class _Bytecode(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates in the user's temporary folder (``_jinja2-cache-UID``,
    private to the user), so that a fresh process does not compile the clause library again:
    compiling is most of a one-region command's work. An entry is used only for the same source
    (Jinja checks its hash) and the same Jinja and Python; a cache that cannot be read or
    written is skipped, never an error."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@cache
def _bytecode_cache() -> _Bytecode | None:
    try:
        return _Bytecode()
    except (OSError, RuntimeError):  # no private temporary folder can be made
        return None


@cache
def environment(template_dir: Path) -> SandboxedEnvironment:
    """The sandboxed environment for one template folder (built once per folder)."""
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(template_dir)),
        bytecode_cache=_bytecode_cache(),
        auto_reload=False,  # templates do not change while the tool runs: no stat() per render
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[LineMarks, Flat, provenance.ConditionTags],
    )
    env.globals["ref"] = _ref
    env.globals.update(provenance.GLOBALS)
    env.filters.update(
        bilangan=_safe(lambda v, unit="": numerals.bilangan(v, unit)),
        persen=_safe(lambda v: numerals.persen(_decimal(v))),
        rupiah=_safe(lambda v: numerals.rupiah(_decimal(v))),
        tanggal=_safe(numerals.tanggal),
        terbilang=_safe(numerals.terbilang),
        join_id=_join,
    )
    env.filters = {name: provenance.propagating(fn) for name, fn in env.filters.items()}
    return env


def render(template_dir: Path, name: str, context: dict[str, Any]) -> Rendered:
    """Render template ``name``; errors become :class:`InputError` naming file and line."""
    env = environment(template_dir)
    filename = name
    try:
        template = env.get_template(name)
        filename = template.filename or name
        return _unmarked(template.render(context))
    except TemplateSyntaxError as exc:
        file = exc.name or name
        raise InputError([Problem(file, exc.lineno, 1, "", f"template syntax: {exc.message}")]) from None
    except (TemplateError, TypeError, ValueError, KeyError, AttributeError) as exc:
        line = _error_line(exc, filename)
        raise InputError([Problem(name, line, 1, "", f"template error: {_plain(str(exc))}")]) from None


#: How an error message names the read-only views templates see of region data (provenance).
_PROXY_NAMES = {
    "'jamsostek_regs.dialect.provenance.TrackedMap object'": "the mapping",
    "'jamsostek_regs.dialect.provenance._DerivedMap object'": "the mapping",
    "'jamsostek_regs.dialect.provenance.TrackedList object'": "the list",
}


def _plain(message: str) -> str:
    """``message`` naming region data as a template author sees it, not by its Python class."""
    for internal, plain in _PROXY_NAMES.items():
        message = message.replace(internal, plain)
    return message


def _error_line(exc: BaseException, filename: str) -> int:
    """Template line where ``exc`` was raised, or 0.

    Jinja rewrites the traceback so that frames of template code carry the template's file
    name and its source line; the last such frame is where the error happened.
    """
    tb = exc.__traceback__
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def evaluate(template_dir: Path, expression: str, context: dict[str, Any], where: str) -> bool:
    """Evaluate a manifest ``when:`` condition."""
    try:
        return bool(_expression(template_dir, expression)(context))
    except (TemplateError, TypeError, ValueError, KeyError, AttributeError) as exc:
        raise InputError([Problem(where, 0, 0, "when", f"condition {expression!r}: {exc}")]) from None


@cache
def _expression(template_dir: Path, expression: str) -> Callable[[dict[str, Any]], Any]:
    """A ``when:`` condition compiled once per process (compiling costs far more than running)."""
    env = environment(template_dir)
    compiled: Callable[[dict[str, Any]], Any] = env.compile_expression(expression, undefined_to_none=False)
    return compiled
