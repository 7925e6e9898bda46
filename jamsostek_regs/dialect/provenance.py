"""Parameter provenance: which region keys each rendered ayat, rincian or line depends on.

The diff must name the region key behind a ``parameter`` change ("``opd[1].name``"), but a
Jinja ``finalize`` sees values, not names. So the template context is *tracked*: region data
is wrapped in read-only proxies (:class:`TrackedMap`, :class:`TrackedList`) whose scalars are
``str``/``int``/``Decimal`` subclasses that remember their key path (``opd[1].name``, in the
notation of :func:`jamsostek_regs.source.yamlsource.dotted`). Derived values carry the keys they come
from (``g.kepala`` comes from ``level``; ``cat.segments[id]`` from wherever ``id`` came from),
and filters pass the keys of their arguments on to their result.

Keys reach the rendered text as tags, ``\\ue002key key\\ue003``, never seen by a reader:

* a printed value is tagged with its keys (``finalize``);
* a condition is tagged too: every test of a tracked value (truth, ``==``, ``in``, a loop) is
  logged, and :class:`ConditionTags` makes each ``{% if %}``/``{% for %}`` branch print the
  keys its condition tested, so a rincian that exists only because of ``region.segments``
  names ``segments``.

The clause parser strips the tags before parsing (:func:`strip`) and gives each ayat,
rincian or cell the keys tagged on its lines (:attr:`jamsostek_regs.model.Node.params`).
Tracking never changes the text: a plain-``dict`` context renders exactly as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from jinja2 import pass_context
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.runtime import Context

TAG_OPEN, TAG_CLOSE = "\ue002", "\ue003"
_TAG = re.compile(f"{TAG_OPEN}([^{TAG_CLOSE}]*){TAG_CLOSE}")
_STRIP_TAG_CHARS = str.maketrans({TAG_OPEN: None, TAG_CLOSE: None})
_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")

Paths = frozenset[str]
NO_PATHS: Paths = frozenset()

#: Region keys each field of :class:`jamsostek_regs.build.grammar.Grammar` is computed from.
GRAMMAR_KEYS: dict[str, tuple[str, ...]] = {
    "kepala": ("level", "mayor_spelling"),
    "peraturan": ("level", "mayor_spelling"),
    "daerah_jenis": ("level",),
    "daerah": ("level", "name"),
    "nama": ("name",),
    "jenis_judul": ("level", "mayor_spelling", "name"),
    "jabatan": ("level", "mayor_spelling", "name"),
    "berita": ("level", "name"),
    "sekda": ("level", "name"),
    "desa": ("village_unit",),
    "apbdes": ("village_unit",),
}


class Recorder:
    """Collects the keys tested since the last time a tag was printed."""

    __slots__ = ("pending",)

    def __init__(self) -> None:
        self.pending: set[str] = set()

    def log(self, paths: Paths) -> None:
        """Note that a condition looked at ``paths``."""
        self.pending.update(paths)

    def take(self) -> Paths:
        """The keys noted since the last call, forgetting them."""
        out = frozenset(self.pending)
        self.pending.clear()
        return out

    def wrap(self, value: Any, paths: Paths, at: str | None = None) -> Any:
        """``value`` tracked: containers become proxies, scalars remember ``paths``.

        ``at`` is the key path of ``value`` inside the region file (children are then named
        by their own path); ``None`` for derived data, whose children inherit ``paths``.
        """
        if isinstance(value, dict):
            return TrackedMap(value, self, paths, at)
        if isinstance(value, list | tuple):
            return TrackedList(value, self, paths, at)
        if isinstance(value, str | int | Decimal | float) and not isinstance(value, bool) and paths:
            return tracked(value, paths, self)
        self.log(paths)  # None, a yes/no or a date: only ever tested (or printed as "...")
        return value


@functools.cache
def _tracked_type(base: Any) -> type:
    """A subclass of ``base`` that logs truth and equality tests of its instances."""
    truth: Callable[[Any], Any] = getattr(base, "__bool__", None) or base.__len__

    def __bool__(self: Any) -> bool:
        self.rec.log(self.paths)
        return bool(truth(self))

    def __eq__(self: Any, other: object) -> Any:
        self.rec.log(self.paths)
        return base.__eq__(self, other)

    def __ne__(self: Any, other: object) -> Any:
        self.rec.log(self.paths)
        return base.__ne__(self, other)

    namespace = {"__bool__": __bool__, "__eq__": __eq__, "__ne__": __ne__, "__hash__": base.__hash__}
    return type(f"Tracked{base.__name__}", (base,), namespace)


def tracked(value: Any, paths: Paths, rec: Recorder) -> Any:
    """A copy of scalar ``value`` (``str`` or number) that carries ``paths``."""
    base = type(value).__base__ if isinstance(getattr(value, "rec", None), Recorder) else type(value)
    out = _tracked_type(base)(value)
    out.paths, out.rec = paths, rec
    return out


class _Proxy:
    """Shared part of the read-only container proxies."""

    __slots__ = ("_at", "_data", "_paths", "_rec")

    def __init__(self, data: Any, rec: Recorder, paths: Paths, at: str | None) -> None:
        self._data, self._rec, self._paths, self._at = data, rec, paths, at

    def _child(self, key: Any, path: str | None) -> Any:
        if path is not None:
            return self._rec.wrap(self._data[key], frozenset({path}), path)
        return self._rec.wrap(self._data[key], self._paths | paths_of(key))

    def __len__(self) -> int:
        self._rec.log(self._paths)
        return len(self._data)

    def __contains__(self, item: object) -> bool:
        self._rec.log(self._paths | paths_of(item))
        return item in self._data

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"


class TrackedMap(_Proxy, Mapping[Any, Any]):
    """A region (or derived) mapping whose values are tracked."""

    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:
        at = self._at
        return self._child(key, None if at is None else f"{at}.{key}" if at else str(key))

    def __iter__(self) -> Iterator[Any]:
        self._rec.log(self._paths)
        return iter(self._data)


class TrackedList(_Proxy, Sequence[Any]):
    """A region (or derived) list whose items are tracked."""

    __slots__ = ()

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self._data))[index]]
        at = self._at
        return self._child(index, None if at is None else f"{at}[{index % len(self._data)}]")

    def __iter__(self) -> Iterator[Any]:
        self._rec.log(self._paths)
        return (self[i] for i in range(len(self._data)))

    def __add__(self, other: Any) -> list[Any]:
        return [*self, *other]

    def __radd__(self, other: Any) -> list[Any]:
        return [*other, *self]


def paths_of(value: Any) -> Paths:
    """The region keys ``value`` carries (a tracked scalar, a proxy or a list of them)."""
    if isinstance(value, _Proxy):
        return value._paths
    if isinstance(value, list | tuple):
        return frozenset().union(*(paths_of(v) for v in value))
    paths: Paths = getattr(value, "paths", NO_PATHS)
    return paths


def _recorder_of(values: Any) -> Recorder | None:
    for value in values:
        rec = getattr(value, "rec", None) or getattr(value, "_rec", None)
        if isinstance(rec, Recorder):
            return rec
    return None


def _context_recorder(variables: Mapping[str, Any]) -> Recorder | None:
    """The recorder of a template context: its tracked ``region``'s, without a search through
    the Jinja globals (this runs for every value a template prints)."""
    region = variables.get("region")
    return region._rec if isinstance(region, _Proxy) else _recorder_of(variables.values())


def take(context: Mapping[str, Any]) -> Paths:
    """The keys tested since the last tag in a tracked ``context`` (and forget them)."""
    rec = _context_recorder(context)
    return rec.take() if rec else NO_PATHS


def track_region(data: dict[str, Any], rec: Recorder) -> TrackedMap:
    """The region's data, each value named by its key path."""
    return TrackedMap(data, rec, NO_PATHS, "")


class _DerivedMap(TrackedMap):
    """Derived values (``g``, ``d``): each top-level value comes from the region keys given."""

    __slots__ = ("_keys",)

    def __init__(self, data: Mapping[str, Any], keys: Mapping[str, Sequence[str]], rec: Recorder) -> None:
        super().__init__(data, rec, NO_PATHS, None)
        self._keys = keys

    def __getitem__(self, key: Any) -> Any:
        return self._rec.wrap(self._data[key], frozenset(self._keys.get(key, ())))


def track_derived(data: Mapping[str, Any], keys: Mapping[str, Sequence[str]], rec: Recorder) -> TrackedMap:
    """Derived values: ``data[name]`` comes from the region keys ``keys[name]``."""
    return _DerivedMap(data, keys, rec)


def tag(text: str, paths: Paths) -> str:
    """``text`` preceded by the tag of ``paths`` (tag characters in ``text`` itself removed)."""
    text = text.translate(_STRIP_TAG_CHARS)
    return f"{TAG_OPEN}{' '.join(sorted(paths))}{TAG_CLOSE}{text}" if paths else text


def printed(context: Context, value: Any, text: str) -> str:
    """``text`` (the printed form of ``value``) tagged with its keys and the pending tests."""
    rec = _context_recorder(context.parent)
    return tag(text, paths_of(value) | (rec.take() if rec else NO_PATHS))


def propagating(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a Jinja filter so that a text result carries the keys of the filter's arguments."""

    @functools.wraps(fn)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = fn(*args, **kwargs)
        if not isinstance(result, str):
            return result
        values = (*args, *kwargs.values())
        paths = frozenset().union(*(paths_of(v) for v in values))
        rec = _recorder_of(values)
        return tracked(result, paths, rec) if paths and rec else result

    return wrapped


def _branch() -> str:
    """Printed at the start of each branch: nothing, so ``finalize`` prints the pending tests."""
    return ""


@pass_context
def _forget(context: Context) -> str:
    """Printed before a condition and after a block: tests that chose nothing are forgotten."""
    rec = _context_recorder(context.parent)
    if rec:
        rec.take()
    return ""


GLOBALS: dict[str, Any] = {"_provenance_branch": _branch, "_provenance_forget": _forget}
_OPENS = {"if", "elif", "else", "for"}
_CLOSES = {"endif", "endfor"}
_TEMPLATE_STARTS = {"data", "block_begin", "variable_begin"}


class ConditionTags(Extension):
    """Print the tested keys at the start of every ``if``/``elif``/``else``/``for`` branch."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        statement, started = "", False
        for token in stream:
            if not started and token.type in _TEMPLATE_STARTS:  # not a `when:` expression
                yield from _call(token.lineno, "_provenance_forget")  # earlier tests do not count
                started = True
            if token.type == "block_begin":
                statement = ""
                head = next(stream)
                statement = head.value if head.type == "name" else ""
                if statement in {"if", "for"}:
                    yield from _call(token.lineno, "_provenance_forget")
                yield token
                yield head
                continue
            yield token
            if token.type == "block_end" and statement in _OPENS:
                yield from _call(token.lineno, "_provenance_branch")
            elif token.type == "block_end" and statement in _CLOSES:
                yield from _call(token.lineno, "_provenance_forget")


def _call(line: int, name: str) -> Iterator[Token]:
    """The tokens of ``{{ name() }}``."""
    for kind, value in (
        ("variable_begin", "{{"),
        ("name", name),
        ("lparen", "("),
        ("rparen", ")"),
        ("variable_end", "}}"),
    ):
        yield Token(line, kind, value)


def strip(rendered: str) -> tuple[str, dict[int, Paths]]:
    """``rendered`` without tags, and the keys tagged on each (0-based) line."""
    if TAG_OPEN not in rendered:
        return rendered, {}
    lines = rendered.split("\n")
    keys: dict[int, Paths] = {}
    for number, line in enumerate(lines):
        if TAG_OPEN in line:
            found = frozenset(k for m in _TAG.finditer(line) for k in m.group(1).split())
            keys[number] = keys.get(number, NO_PATHS) | found
            lines[number] = _TAG.sub("", line)
    return "\n".join(lines), keys


def value_at(data: Any, path: str) -> Any:
    """The value at key path ``path`` (``opd[1].name``) of region ``data``; ``None`` if absent."""
    for index, key in _PATH_PART.findall(path):
        try:
            data = data[int(index)] if index else data[key]
        except (LookupError, TypeError):
            return None
    return data
