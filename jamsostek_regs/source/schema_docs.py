"""The region-file format as Markdown, generated from the schema so the two cannot drift.

``python -m jamsostek_regs.source.schema_docs > docs/region-format.md`` rewrites the document; a
test fails when the committed file differs from what this module generates.
"""

from __future__ import annotations

import datetime as dt
import inspect
import types
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from jamsostek_regs.source import values
from jamsostek_regs.source.labels import label
from jamsostek_regs.source.regions import RULES
from jamsostek_regs.source.schema import SLUG_PATTERN, Region

INTRO = """\
# Region file format

<!-- Generated from jamsostek_regs/schema.py by `python -m jamsostek_regs.source.schema_docs`.
     Do not edit by hand: a test fails when this file and the schema differ. -->

A region file is `regions/<id>.yaml`, where the id is lowercase letters, digits and hyphens
(`lombok-timur`). It is plain YAML data: no tags at all (not even `!!str`: quote a value to
keep it text), keys that are text (`2025:` or `yes:` is not), no duplicate keys, no merge keys
(`<<`), no alias inside the value it names, at most 20 levels of nesting, UTF-8 (a byte-order
mark is accepted), at most 1 MB. `jamsostek-regs validate` checks it and
`jamsostek-regs new` writes a commented one to start from. A value left `null` prints as
`...` in the draft, for the drafter to fill in. An *id* is lowercase letters, digits and `_`,
starting with a letter; the ids of segments, financing sources, OPD roles and laws come from
the standard's `catalog.yaml` and `legal_basis.yaml`.

## Text values
"""

RULES_HEADER = """
## Rules across fields

Checked against the standard's catalogs; each rule runs once the fields it reads have the right
type, so one mistake does not hide the others.

"""

HEADER = """
## Fields

A key `a.b` is key `b` in the mapping under `a`; `a[].b` is key `b` in each item of the
list `a`; `a.<id>.b` is key `b` in each mapping under an id of `a`.

Each field's Indonesian label and help are those of the browser form (`jamsostek-regs serve`).

| key | type | required / default | meaning | label (formulir) |
| --- | --- | --- | --- | --- |
"""


def schema_docs() -> str:
    """The Markdown document of the region-file format."""
    rule = (values.__doc__ or "").split("\n\n", 1)[1]
    rows = "".join(f"| {' | '.join(cells)} |\n" for cells in _rows(Region, ""))
    rules = "".join(f"- {' '.join((inspect.getdoc(fn) or '').split())}\n" for _, fn in RULES)
    return f"{INTRO}\n{rule.strip()}\n{HEADER}{rows}{RULES_HEADER}{rules}"


def _rows(model: type[BaseModel], prefix: str) -> Iterator[tuple[str, str, str, str, str]]:
    for name, field in model.model_fields.items():
        if not field.description:
            raise ValueError(f"{model.__name__}.{name} has no description")
        key = f"{prefix}{field.alias or name}"
        shown = label(key)  # KeyError: a new field needs its line in source/labels.py
        kind = _type(field.annotation, tuple(field.metadata))
        yield f"`{key}`", kind, _default(field), field.description, f"**{shown.label}**: {shown.help}"
        inner = model_in(field.annotation)
        if inner is not None:
            origin = get_origin(field.annotation)
            part = "[]" if origin is list else ".<id>" if origin is dict else ""
            yield from _rows(inner, f"{key}{part}.")


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    value = field.get_default(call_default_factory=True)
    if isinstance(value, BaseModel):
        return "optional"
    if isinstance(value, list | dict):
        return f"default `{'[]' if isinstance(value, list) else '{}'}`"
    shown = {None: "null", True: "true", False: "false"}.get(value, value)
    return f"default `{shown}`"


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``annotation`` (``list[Opd] | None`` -> ``Opd``), or ``None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = model_in(arg)
        if found is not None:
            return found
    return None


def _type(annotation: Any, metadata: tuple[Any, ...] = ()) -> str:
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Annotated:
        return _type(args[0], (*metadata, *args[1:]))
    if origin in (Union, types.UnionType):
        kinds = [_type(arg, metadata) for arg in args if arg is not type(None)]
        return " or ".join(kinds) + (" or null" if type(None) in args else "")
    if origin is Literal:
        return " \\| ".join(f"`{value}`" for value in args)
    if origin is dict:
        return f"mapping of ids to {_type(args[1])}s"
    if origin is list:
        first, _, rest = _type(args[0]).partition(" ")
        return f"list of {first}s{' ' if rest else ''}{rest}{_limits(metadata, '')}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "mapping"
    return _scalar(annotation, metadata)


def _scalar(annotation: Any, metadata: tuple[Any, ...]) -> str:
    if annotation is str:
        if _constraint(metadata, "pattern") == SLUG_PATTERN:
            return "id"
        return f"text{_limits(metadata, ' characters')}"
    names = {int: "whole number", Decimal: "number", bool: "`true` or `false`", dt.date: "date YYYY-MM-DD"}
    return f"{names[annotation]}{_limits(metadata, '')}"


def _limits(metadata: tuple[Any, ...], unit: str) -> str:
    """`` (2000 to 2100)``, `` (at most 2000 characters)``, ``, at least 1`` or ``""``."""
    low, high = _constraint(metadata, "ge"), _constraint(metadata, "le")
    if low is not None and high is not None:
        return f" ({low} to {high})"
    longest, shortest = _constraint(metadata, "max_length"), _constraint(metadata, "min_length")
    if longest is not None:
        return f" (at most {longest}{unit})"
    if shortest:
        return f", at least {shortest}"
    return ""


def _constraint(metadata: tuple[Any, ...], name: str) -> Any:
    """The value of constraint ``name`` in ``metadata`` (pydantic and annotated-types forms)."""
    for item in metadata:
        if isinstance(item, FieldInfo):
            found = _constraint(tuple(item.metadata), name)
            if found is not None:
                return found
        value = getattr(item, name, None)
        if value is not None:
            return value
    return None


if __name__ == "__main__":  # pragma: no cover - exercised through the drift test's message
    print(schema_docs(), end="")
