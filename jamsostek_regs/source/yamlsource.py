"""Safe YAML loading that remembers where every value came from.

Only plain data is built (mappings, sequences, strings, numbers, booleans, null, dates): no
Python object tags. The loader composes the node graph with PyYAML's safe composer and
builds the values itself, so it can (1) record the line and column of every key path,
(2) refuse duplicate keys, and (3) refuse documents whose aliases would expand beyond a
fixed budget (the "billion laughs" attack), all without ever building the expansion.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

    A file YAML cannot parse raises :class:`InputError`. A value the loader refuses is left
    out (null) and its problem raised too, unless ``partial``: then the problems come back in
    :attr:`Located.problems`, so that a validator can report them with every other one.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
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
    builder = _Builder(name)
    data = None if node is None else builder.build(node, ())
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


class _Builder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0
        self.positions: dict[KeyPath, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self._scalar = _Loader("")  # only its scalar constructors are used

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            mark = node.start_mark
            message = f"document expands to more than {MAX_NODES} values (alias bomb?)"
            raise InputError([Problem(self.name, mark.line + 1, mark.column + 1, "", message)])
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag.startswith("tag:yaml.org,2002:python/") or node.tag.startswith("!"):
            self._problem(node, path, f"unsupported YAML tag {node.tag!r}; only plain data is allowed")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        try:
            return self._scalar.construct_object(node, deep=True)
        except yaml.YAMLError:
            self._problem(node, path, f"unsupported YAML tag {node.tag!r}; only plain data is allowed")
        except ValueError as exc:  # a timestamp that is no date: 2024-02-30
            self._problem(node, path, f"{node.value!r} is not a valid date: {exc}")
        return None

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(key_node, path, "YAML merge keys (<<) are not supported")
                continue
            key = self._scalar.construct_object(key_node)
            if not isinstance(key, str):
                self._problem(key_node, path, f"keys must be text, not {key!r}")
                continue
            if key in out:
                line = self.positions[(*path, key)][0]
                self._problem(key_node, (*path, key), f"duplicate key (first given on line {line})")
                continue
            self.positions[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, (*path, key))
        return out

    def _problem(self, node: yaml.Node, path: KeyPath, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1, dotted(path), message))
