"""Writing edited values back into a region file without losing what a person wrote in it.

:func:`merged` reads the file with ruamel.yaml's round-trip loader and changes only what the
new values change: comments, key order, quoting and flow style of everything else survive, a
key the new values lack is removed, a new key goes after the existing ones, a list keeps the
items it still has in place (by position). Text with line breaks is written as a literal
block (``text: |``), a missing value as ``null``. ruamel.yaml writes YAML 1.2, but region files
are read by PyYAML, which follows YAML 1.1: a new text that YAML 1.1 would read as something
else (``yes``, ``off``, ``1:20``) is quoted, so it reads back as the text it is.
"""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

#: Region files are indented by two, list items under their key by two more.
_INDENT = {"mapping": 2, "sequence": 4, "offset": 2}


class _Representer(RoundTripRepresenter):
    """ruamel's round-trip representer, writing ``null`` and decimals as region files do."""


def _null(representer: RoundTripRepresenter, _value: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _decimal(representer: RoundTripRepresenter, value: Decimal) -> Any:
    text = str(value)
    return representer.represent_scalar(
        "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int", text
    )


_Representer.add_representer(type(None), _null)
_Representer.add_representer(Decimal, _decimal)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long text onto several lines
    yaml.indent(**_INDENT)
    return yaml


def merged(text: str, data: dict[str, Any]) -> str:
    """``text`` (a region file, possibly empty) with its values replaced by ``data``."""
    yaml = _yaml()
    document = yaml.load(text) if text.strip() else None
    root = _merge(document, data) if isinstance(document, CommentedMap) else _fresh(data)
    out = io.StringIO()
    yaml.dump(root, out)
    return out.getvalue()


def _merge(old: Any, new: Any) -> Any:
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            old[key] = _merge(old[key], value) if key in old else _fresh(value)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        del old[len(new) :]
        for i, value in enumerate(new):
            if i < len(old):
                old[i] = _merge(old[i], value)
            else:
                old.append(_fresh(value))
        return old
    if _same(old, new):
        return old  # keeps how the file wrote it (quotes, a literal block)
    return _fresh(new)


def _same(old: Any, new: Any) -> bool:
    if isinstance(new, bool) or isinstance(old, bool):
        return type(old) is type(new) and old == new
    if isinstance(new, str):
        return isinstance(old, str) and old == new
    if isinstance(new, int | float | Decimal):
        return isinstance(old, int | float | str) and _number(old) == Decimal(str(new))
    return bool(old == new) and type(old) is type(new)


def _number(value: int | float | str) -> Decimal | None:
    """``value`` as a number (a quoted ``"28.3"`` too), or ``None``."""
    try:
        return Decimal(str(value).strip())
    except InvalidOperation:
        return None


def _fresh(value: Any) -> Any:
    if isinstance(value, dict):
        return CommentedMap((key, _fresh(item)) for key, item in value.items())
    if isinstance(value, list):
        return CommentedSeq(_fresh(item) for item in value)
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value if value.endswith("\n") else value + "\n")
    if isinstance(value, str) and not _plain_text(value):
        return DoubleQuotedScalarString(value)
    return value


def _plain_text(value: str) -> bool:
    """Whether PyYAML (YAML 1.1, the project's loader) reads ``value`` unquoted as that text."""
    try:
        return bool(yaml.safe_load(value) == value)
    except yaml.YAMLError:
        return False
