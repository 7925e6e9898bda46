"""Entries added to a region file without losing a comment, a blank line or the key order.

The region file is read and written again with ruamel.yaml's round trip, which keeps the
comments (a region file's sources live in them), the order of the keys and the quoting of
every value. :func:`edited` refuses a file the round trip would change by itself (a layout
ruamel.yaml writes otherwise), so that nothing but the new entries ever changes. A ``title``
is set (in the file's own ``title``, if it has one, keeping its comments); every other entry
is appended to its list (``changes``, ``additions``, ``laws``, ``mengingat``), which is made
at the end of the file, after a blank line, when the region has none; an entry of the region's
own is updated in place (its ``text``) or deleted. Texts are written as
YAML blocks (``text: |``), a title's on its line, reasons in double quotes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from jamsostek_regs.absorb.plan import Edit
from jamsostek_regs.errors import JamsostekError

#: Sections whose ``text`` is clause dialect, written as a YAML block.
_CLAUSES = frozenset({"changes", "additions"})


def edited(text: str, edits: Sequence[Edit], name: str) -> str:
    """``text`` (the region file ``name``) with ``edits`` added.

    Raises:
        JamsostekError: the file's own layout would not survive the round trip.
    """
    yaml = _yaml()
    data = yaml.load(text)
    if _dump(yaml, data) != text:
        raise JamsostekError(
            f"cannot add to {name} without changing its layout (ruamel.yaml writes it otherwise); "
            "add the entries by hand"
        )
    dropped: list[tuple[str, int]] = []
    for edit in edits:
        entry = _entry(edit.entry, blocks=edit.section in _CLAUSES)
        if edit.at is not None:
            if edit.drop:
                dropped.append((edit.section, edit.at))
            else:
                data[edit.section][edit.at].update(entry)
        elif edit.section == "title":
            if isinstance(data.get("title"), CommentedMap):
                data["title"].update(entry)
            else:
                _new_section(data, "title", entry)
        else:
            if data.get(edit.section) is None:
                _new_section(data, edit.section, CommentedSeq())
            data[edit.section].append(entry)
    for section, index in sorted(dropped, reverse=True):
        del data[section][index]
    return _dump(yaml, data)


def _new_section(data: CommentedMap, key: str, value: Any) -> None:
    """``key`` at the end of the file, after a blank line as the region files part sections."""
    data[key] = value
    data.yaml_set_comment_before_after_key(key, before="\n")


def _entry(entry: Mapping[str, Any], blocks: bool = False) -> CommentedMap:
    out = CommentedMap()
    for key, value in entry.items():
        out[key] = _value(key, value, blocks)
    return out


def _value(key: str, value: Any, blocks: bool) -> Any:
    if isinstance(value, Mapping):
        return _entry(value)
    if key == "text" and blocks and isinstance(value, str):
        return LiteralScalarString(value + "\n")
    if key in {"reason", "source", "tentang"} and isinstance(value, str):
        return DoubleQuotedScalarString(value)
    return value


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1 << 20  # never fold a line the file did not fold
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(type(None), _null)
    return yaml


def _null(representer: RoundTripRepresenter, _data: None) -> Any:
    """``null`` written as the region files write it (ruamel.yaml would write nothing)."""
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
