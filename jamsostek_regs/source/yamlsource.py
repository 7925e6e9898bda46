"""Safe YAML loading that remembers where every value came from.

Only plain data is built: mappings with text keys, lists, strings, and the numbers, booleans,
nulls and dates YAML reads from plain (unquoted) scalars. The loader reads the parser's
event stream (libyaml's, without recursion) and builds the values itself, with an explicit
stack instead of recursion, so that it can, for every file and whatever the file holds:

1. record the line and column of every key path;
2. refuse every explicit tag (``!!binary``, ``!!str``, ``!!python/...``, ``!custom``, on
   keys and values): a tag would build a value the text checks never see (bytes from
   ``!!binary``) or one no field expects; a quoted scalar is the way to write text;
3. refuse keys that are not text (``2025:``, ``yes:``, ``2024-02-30:``, a list) without
   building them, duplicate keys and merge keys (``<<``);
4. refuse a value the plain-scalar rules cannot build (``2024-02-30`` as a date, a number of
   thousands of digits) with its position, leaving it out (null);
5. refuse nesting deeper than :data:`MAX_DEPTH`, an alias inside the node it names
   (``x: &a [*a]``), and documents whose aliases would expand beyond :data:`MAX_NODES`
   values (the "billion laughs" attack), all without ever building the expansion: an alias
   shares the value it names.

Every problem is an :class:`InputError` ``Problem`` at the line and column of the node.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn

import yaml

from jamsostek_regs.errors import InputError, Problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Largest file accepted, in bytes. Region files are a few kilobytes.
MAX_BYTES = 1_000_000
#: Largest number of values a document may expand to, aliases included.
MAX_NODES = 100_000
#: Deepest nesting of mappings and lists accepted (region files nest 4 deep, the manifest 6).
MAX_DEPTH = 20
#: Longest number accepted, in characters (a plain scalar of digits is read as a number).
MAX_NUMBER = 100

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Located:
    """Parsed YAML data plus the (line, column) of every key path, both 1-based."""

    path: str
    data: Any
    positions: dict[KeyPath, tuple[int, int]]
    #: With ``partial`` loading: values the loader had to leave out (null in ``data``) or skip.
    problems: tuple[Problem, ...] = ()

    def where(self, keypath: KeyPath) -> tuple[int, int]:
        """Position of ``keypath``, or of its nearest ancestor that has one."""
        for end in range(len(keypath), -1, -1):
            if keypath[:end] in self.positions:
                return self.positions[keypath[:end]]
        return (1, 1)

    def problem(self, keypath: KeyPath, message: str, hint: str = "") -> Problem:
        """A :class:`Problem` located at ``keypath``."""
        line, column = self.where(keypath)
        return Problem(self.path, line, column, dotted(keypath), message, hint)


def dotted(keypath: KeyPath) -> str:
    """``("opd", 2, "name")`` -> ``"opd[2].name"``."""
    out = ""
    for part in keypath:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def load_file(path: Path, display: str | None = None, partial: bool = False) -> Located:
    """Read and parse ``path``; raise :class:`InputError` with the position on failure.

    The size is checked before anything is read, so a huge file is refused at once. With
    ``partial``, a value the loader cannot take (an impossible date, a Python tag, a second
    copy of a key) does not stop it: see :func:`load_text`.
    """
    name = display or str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError([Problem(name, 1, 1, "", "not a regular file")])
        if info.st_size > MAX_BYTES:
            message = f"file is {info.st_size} bytes; at most {MAX_BYTES} accepted"
            raise InputError([Problem(name, 1, 1, "", message)])
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(name, 1, 1, "", f"cannot read the file: {exc.strerror}")]) from None
    return load_text(_decode(raw, name), name, partial)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8"
        raise InputError([Problem(name, line, column, "", message)]) from None


def load_text(text: str, name: str, partial: bool = False) -> Located:
    """Parse YAML ``text`` (named ``name`` in errors).

    A file YAML cannot parse, or one the loader cannot take at all (see the module
    docstring: too deep, an alias bomb), raises :class:`InputError`. A value the loader
    refuses is left out (null) and its problem raised too, unless ``partial``: then the
    problems come back in :attr:`Located.problems`, so that a validator can report them with
    every other one.
    """
    builder = _Builder(name)
    try:
        data = builder.build(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax error: {exc.problem or exc.context}"
        if _char_at(text, line, column) == "\t":
            message += " (a tab; indent with spaces)"
        start = exc.context_mark
        if exc.problem and exc.context and start and start.line + 1 != line:
            message += f" ({exc.context} that starts on line {start.line + 1}, column {start.column + 1})"
        raise InputError([Problem(name, line, column, "", message)]) from None
    except yaml.reader.ReaderError as exc:
        raise InputError([_unprintable(text, name, exc)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(name, 1, 1, "", f"YAML error: {exc}")]) from None
    if builder.problems and not partial:
        raise InputError(builder.problems)
    return Located(name, data, builder.positions, tuple(builder.problems))


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    return lines[line - 1][column - 1 : column] if line <= len(lines) else ""


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of character ``index`` of ``text``."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _unprintable(text: str, name: str, exc: yaml.reader.ReaderError) -> Problem:
    """The reader refuses a character YAML does not allow; point at the first such character."""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    index = found.start() if found else 0
    line, column = line_column(text, index)
    code = ord(text[index]) if found else exc.character
    return Problem(name, line, column, "", f"character U+{code:04X} is not allowed in a YAML file; delete it")


_TAG = "tag:yaml.org,2002:"
_STR, _MERGE = _TAG + "str", _TAG + "merge"
#: What the plain-scalar rules build besides text, and what a value that fails is called.
_KINDS = {_TAG + "null": "null", _TAG + "bool": "boolean", _TAG + "int": "integer"}
_KINDS |= {_TAG + "float": "number", _TAG + "timestamp": "date"}
_NUMBERS = frozenset({_TAG + "int", _TAG + "float"})
_RESOLVER = yaml.resolver.Resolver()
#: A (line, column) position, both 1-based.
At = tuple[int, int]


def _at(event: yaml.Event) -> At:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _resolve(event: yaml.ScalarEvent) -> str:
    """The tag YAML's rules give an untagged scalar (``str`` for every quoted one)."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    return tag


class _Slot(Enum):
    """What the next node of an open mapping is, when it is not the value of a key."""

    KEY = "key"
    SKIPPED = "skipped"  # the value of a key that was refused


@dataclass(slots=True)
class _Open:
    """A mapping or list being built. ``value`` is None when it is not kept: it has a tag,
    is under a refused key or node, or is itself a key (keys must be text)."""

    value: dict[str, Any] | list[Any] | None
    path: KeyPath
    at: At
    anchor: str | None
    #: What "keys must be text, not ..." calls it ("" when it has a tag: refused already).
    shown: str
    size: int = 1
    slot: str | _Slot = _Slot.KEY


class _Builder:
    """Values from a parser's events, with an explicit stack (see the module docstring)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0
        self.positions: dict[KeyPath, At] = {}
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # name -> (value, values it expands to)
        self.stack: list[_Open] = []
        self.root: Any = None
        self.documents = 0
        self._constructor = _Loader("")  # only its scalar constructors are used

    def build(self, events: Iterator[yaml.Event]) -> Any:
        """The value of the one document of ``events`` (None for an empty stream)."""
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    self._fatal(_at(event), (), "YAML syntax error: expected one document, found another")
            elif isinstance(event, yaml.CollectionStartEvent):
                self._start(event)
            elif isinstance(event, yaml.CollectionEndEvent):
                done = self.stack.pop()
                self._finish(done.value, done.size, done.anchor, done.at, done.shown)
            elif isinstance(event, yaml.ScalarEvent):
                self._scalar(event)
            elif isinstance(event, yaml.AliasEvent):
                self._alias(event)
        return self.root

    def _slot(self, at: At) -> tuple[KeyPath | None, KeyPath | None]:
        """Where the next node goes, at ``at``: its key path (None when it is not kept) and
        the key path its problems name (None when they are not reported: it is under a
        refused node or key). Records its position."""
        if not self.stack:
            path: KeyPath | None = ()
            report: KeyPath | None = ()
        else:
            top = self.stack[-1]
            if top.value is None or top.slot is _Slot.SKIPPED:
                path = report = None
            elif isinstance(top.value, list):
                path = report = (*top.path, len(top.value))
            elif isinstance(top.slot, str):
                path = report = (*top.path, top.slot)
            else:  # a key: kept only when it is text, by _key
                path, report = None, top.path
        if path is not None:
            self.positions.setdefault(path, at)
        return path, report

    def _begin(self, event: yaml.NodeEvent) -> tuple[KeyPath | None, KeyPath | None, bool]:
        """Count a node and record where it is: its key path, its problems' key path (see
        :meth:`_slot`), and whether it is taken (it has no tag)."""
        at = _at(event)
        path, report = self._slot(at)
        self._count(1, at, report)
        tag = event.tag if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent) else None
        if tag is None:
            return path, report, True
        if report is not None:
            shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
            message = f"unsupported YAML tag {shown!r}; only plain data is allowed: delete the tag"
            self._problem(at, report, message)
        return path, report, False

    def _start(self, event: yaml.CollectionStartEvent) -> None:
        path, report, taken = self._begin(event)
        at = _at(event)
        if len(self.stack) >= MAX_DEPTH:
            self._fatal(at, report or (), f"nested more than {MAX_DEPTH} levels deep")
        mapping = isinstance(event, yaml.MappingStartEvent)
        value: dict[str, Any] | list[Any] | None = None
        if taken and path is not None:
            value = {} if mapping else []
        shown = ("a mapping" if mapping else "a list") if taken else ""
        self.stack.append(_Open(value, path or (), at, event.anchor, shown))

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        path, _, taken = self._begin(event)
        tag = _resolve(event)
        value: Any = event.value if taken else None
        shown = (tag if tag in (_STR, _MERGE) else event.value[:40] or "an empty value") if taken else ""
        if taken and path is not None and tag in _KINDS:
            value = self._construct(event, tag, path)
        self._finish(value, 1, event.anchor, _at(event), shown)

    def _construct(self, event: yaml.ScalarEvent, tag: str, path: KeyPath) -> Any:
        """The value YAML's rules make of the untagged scalar ``event`` (its tag resolved to
        ``tag``), or None with a problem."""
        text = event.value
        shown = text if len(text) <= 40 else text[:40] + "..."
        if tag in _NUMBERS and len(text) > MAX_NUMBER:
            message = f"{shown!r} is a number of {len(text)} characters; at most {MAX_NUMBER} accepted"
            self._problem(_at(event), path, message)
            return None
        try:
            return self._constructor.yaml_constructors[tag](self._constructor, yaml.ScalarNode(tag, text))
        except (ValueError, ArithmeticError) as exc:  # a timestamp that is no date: 2024-02-30
            self._problem(_at(event), path, f"{shown!r} is not a valid {_KINDS[tag]}: {exc}")
            return None

    def _alias(self, event: yaml.AliasEvent) -> None:
        at = _at(event)
        _, report = self._slot(at)
        name = event.anchor or ""
        if any(opened.anchor == name for opened in self.stack):
            if report is not None:
                self._problem(at, report, f"alias *{name} is inside the value it names (a loop)")
            self._finish(None, 1, None, at, "")
        elif name not in self.anchors:
            self._fatal(at, report or (), f"YAML syntax error: found undefined alias {name!r}")
        else:
            value, size = self.anchors[name]
            self._count(size, at, report)
            self._finish(value, size, None, at, _STR if isinstance(value, str) else f"*{name}")

    def _finish(self, value: Any, size: int, anchor: str | None, at: At, shown: str) -> None:
        """Put a finished node (``size`` values with aliases expanded) in its place; ``shown``
        is ``_STR`` for text (a key may be text only)."""
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        top.size += size
        if isinstance(top.value, list):
            top.value.append(value)
        elif isinstance(top.value, dict):
            if top.slot is _Slot.KEY:
                top.slot = self._key(top.value, top.path, value, at, shown)
                return
            if isinstance(top.slot, str):
                top.value[top.slot] = value
            top.slot = _Slot.KEY

    def _key(self, mapping: dict[str, Any], path: KeyPath, key: Any, at: At, shown: str) -> str | _Slot:
        """The slot of the value after ``key``: ``key``, or SKIPPED when it is refused."""
        if shown == _MERGE:
            self._problem(at, path, "YAML merge keys (<<) are not supported")
        elif shown != _STR or not isinstance(key, str):
            if shown:  # else it has a tag, refused already
                self._problem(at, path, f"keys must be text, not {shown}")
        elif key in mapping:
            line = self.positions[(*path, key)][0]
            self._problem(at, (*path, key), f"duplicate key (first given on line {line})")
        else:
            self.positions[(*path, key)] = at
            return key
        return _Slot.SKIPPED

    def _count(self, size: int, at: At, report: KeyPath | None) -> None:
        self.count += size
        if self.count > MAX_NODES:
            self._fatal(at, report or (), f"document expands to more than {MAX_NODES} values (alias bomb?)")

    def _problem(self, at: At, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(self.name, *at, dotted(path), message))

    def _fatal(self, at: At, path: KeyPath, message: str) -> NoReturn:
        raise InputError([Problem(self.name, *at, dotted(path), message)])
