"""The region form, generated from the schema: fields to show, and submitted values back to data.

:func:`fields` walks the pydantic models of :class:`~jamsostek_regs.source.schema.Region` and
the values of a region file into a tree of :class:`Field`, each labelled from
:mod:`jamsostek_regs.source.labels` and offered the catalogs' choices. Every input's name is
the key path a problem names (``opd[1].role``, ``lists.pekerja_rentan.groups[0]``), so a
problem is shown at its field. :func:`parse` reads a submitted form back into region data
(typed as YAML would give it: whole numbers, decimals, dates, yes/no), leaving out what the file
did not have and the form left empty or at its default, so saving adds nothing unasked.
:func:`act` carries out the buttons that change the form's shape (add, remove, move up/down)
on that data; they are ordinary submit buttons, so the form works without JavaScript.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from jamsostek_regs.app.editing import Choices
from jamsostek_regs.source.labels import label
from jamsostek_regs.source.schema import Region
from jamsostek_regs.source.schema_docs import model_in

#: Texts longer than this are clause texts: a text area, not a line.
_LONG = 2000
_WHOLE = re.compile(r"-?\d{1,12}")
_NUMBER = re.compile(r"-?\d{1,12}(?:\.\d{1,12})?")
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass
class Field:
    """One field of the form.

    ``kind`` is one of ``text``, ``textarea``, ``whole``, ``decimal``, ``date``, ``yesno``,
    ``choice`` (one of ``options``), ``choices`` (any of ``options``, in order), ``texts``
    (a list of lines), ``group`` (a mapping: ``children``), ``items`` (a list of mappings:
    ``children`` are the items, groups), ``mapping`` (ids to mappings) and ``optional`` (a
    mapping the file may leave out: ``present`` says whether it has it).
    """

    name: str
    key: str
    label: str
    help: str
    kind: str
    value: Any = None
    required: bool = False
    options: list[tuple[str, str]] = field(default_factory=list)
    children: list[Field] = field(default_factory=list)
    present: bool = True

    def walk(self) -> Iterator[Field]:
        """This field and every field inside it."""
        yield self
        for child in self.children:
            yield from child.walk()


def labelled(fields: list[Field]) -> dict[str, str]:
    """Every field's name -> what the form calls it, with the items it is in: an item of a list
    is the list's label and its number (``Perangkat Daerah 2``), a field in it follows that
    (``Perangkat Daerah 2 › Peran``)."""
    out: dict[str, str] = {}
    for top in fields:
        for one in top.walk():
            item = re.search(r"\[(\d+)\]$", one.name)
            if item:
                out[one.name] = f"{out.get(one.name[: item.start()], '')} {int(item.group(1)) + 1}"
                continue
            inside = out.get(one.name.rpartition(".")[0], "") if "]." in one.name else ""
            out[one.name] = f"{inside} › {one.label}" if inside else one.label or one.name
    return out


def fields(data: Mapping[str, Any], choices: Choices) -> list[Field]:
    """The form of a region file holding ``data``."""
    return _fields(Region, data, "", "", choices, data)


def _fields(
    model: type[BaseModel], data: Any, prefix: str, key_prefix: str, choices: Choices, root: Mapping[str, Any]
) -> list[Field]:
    values = data if isinstance(data, Mapping) else {}
    out = []
    for attr, info in model.model_fields.items():
        alias = info.alias or attr
        name, key = f"{prefix}{alias}", f"{key_prefix}{alias}"
        out.append(_field(info, name, key, values.get(alias), choices, root))
    return out


def _field(
    info: FieldInfo, name: str, key: str, value: Any, choices: Choices, root: Mapping[str, Any]
) -> Field:
    shown = label(key)
    base = Field(name, key, shown.label, shown.help, "text", value, info.is_required())
    annotation, metadata = _unwrap(info.annotation, tuple(info.metadata))
    inner = model_in(annotation)
    origin = get_origin(annotation)
    if inner is not None and origin is list:
        items = value if isinstance(value, list) else []
        base.kind = "items"
        base.children = [
            _group(inner, item, f"{name}[{i}]", f"{key}[]", choices, root) for i, item in enumerate(items)
        ]
    elif inner is not None and origin is dict:
        entries = value if isinstance(value, Mapping) else {}
        base.kind = "mapping"
        base.children = [
            _group(inner, item, f"{name}.{i}", f"{key}.<id>", choices, root) for i, item in entries.items()
        ]
    elif inner is not None:
        base.kind = "group" if info.default is not None or info.is_required() else "optional"
        base.present = base.kind == "group" or isinstance(value, Mapping)
        base.children = _fields(inner, value, f"{name}.", f"{key}.", choices, root)
    else:
        _scalar(base, annotation, metadata, choices, root)
    return base


def _group(
    model: type[BaseModel], value: Any, name: str, key: str, choices: Choices, root: Mapping[str, Any]
) -> Field:
    return Field(
        name, key, "", "", "group", children=_fields(model, value, f"{name}.", f"{key}.", choices, root)
    )


def _scalar(
    base: Field, annotation: Any, metadata: tuple[Any, ...], choices: Choices, root: Mapping[str, Any]
) -> None:
    offered = _offered(base.key, choices, root)
    if get_origin(annotation) is list:
        base.kind = "choices" if offered is not None else "texts"
        current = [str(v) for v in base.value] if isinstance(base.value, list) else []
        base.value = current
        if offered is not None:
            base.options = [(v, offered.get(v, v)) for v in current] + [
                (k, n) for k, n in offered.items() if k not in current
            ]
        return
    if get_origin(annotation) is Literal or offered is not None:
        base.kind = "choice"
        options = offered if offered is not None else {str(v): str(v) for v in get_args(annotation)}
        base.options = [(k, n) for k, n in options.items()]
        if base.value is not None and str(base.value) not in options:
            base.options.insert(0, (str(base.value), str(base.value)))
        return
    kinds = {int: "whole", Decimal: "decimal", dt.date: "date", bool: "yesno"}
    base.kind = kinds.get(annotation, "text")
    if base.kind == "text" and (_limit(metadata) or 0) > _LONG:
        base.kind = "textarea"


def _offered(key: str, choices: Choices, root: Mapping[str, Any]) -> dict[str, str] | None:
    """The catalog choices of the field at ``key``, or ``None`` for a field without them."""
    opd = root.get("opd") if isinstance(root.get("opd"), list) else []
    catalogs: dict[str, dict[str, str]] = {
        "segments": choices.segments,
        "government_groups": choices.government_groups,
        "establishment": choices.establishment,
        "financing[].source": choices.financing,
        "financing[].for_groups": choices.segments | choices.government_groups,
        "opd[].role": choices.opd_roles,
        "mengingat[].law": choices.laws,
        "compliance.licensing_opd": {
            str(item["id"]): str(item.get("name") or item["id"])
            for item in opd or []
            if isinstance(item, Mapping) and item.get("id")
        },
    }
    return catalogs.get(key)


def _unwrap(annotation: Any, metadata: tuple[Any, ...]) -> tuple[Any, tuple[Any, ...]]:
    """``annotation`` without ``Annotated`` and ``| None``, and the constraints gathered."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            args = get_args(annotation)
            annotation, metadata = args[0], (*metadata, *args[1:])
        elif origin in (Union, types.UnionType):
            kinds = [arg for arg in get_args(annotation) if arg is not type(None)]
            annotation = kinds[0]
        else:
            return annotation, metadata


def _limit(metadata: tuple[Any, ...]) -> int | None:
    for item in metadata:
        found = getattr(item, "max_length", None)
        if found is None and isinstance(item, FieldInfo):
            found = _limit(tuple(item.metadata))
        if found is not None:
            return int(found)
    return None


# ------------------------------------------------------------------------ form -> data


class Form:
    """The submitted form: one value per name, and every value of a repeated name."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs
        self.first: dict[str, str] = {}
        for name, value in pairs:
            self.first.setdefault(name, value)

    def get(self, name: str) -> str | None:
        """The first value submitted under ``name``."""
        return self.first.get(name)

    def every(self, name: str) -> list[str]:
        """Every value submitted under ``name``, in order."""
        return [value for key, value in self.pairs if key == name]


def parse(form: Form, original: Mapping[str, Any]) -> dict[str, Any]:
    """The region data the form holds (see the module docstring)."""
    return _parse(Region, form, "", original)


def _parse(model: type[BaseModel], form: Form, prefix: str, original: Any) -> dict[str, Any]:
    had = original if isinstance(original, Mapping) else {}
    out: dict[str, Any] = {}
    for attr, info in model.model_fields.items():
        alias = info.alias or attr
        value = _value(info, form, f"{prefix}{alias}", had.get(alias))
        if value is None and _has_default(info):
            continue  # "(bawaan)": the default, which a null would not give
        if alias in had or not _unasked(value, info):
            out[alias] = value
    return out


def _has_default(info: FieldInfo) -> bool:
    """Whether leaving the field out gives a value other than null."""
    return not info.is_required() and info.get_default(call_default_factory=True) is not None


def _unasked(value: Any, info: FieldInfo) -> bool:
    """Whether ``value`` adds nothing to a file that lacks its key: empty, or the default."""
    if value is None or value == [] or value == {}:
        return True
    if info.is_required():
        return False
    default = info.get_default(call_default_factory=True)
    if isinstance(default, BaseModel):
        default = default.model_dump(exclude_defaults=True)
    return bool(value == default)


def _value(info: FieldInfo, form: Form, name: str, original: Any) -> Any:
    annotation, _metadata = _unwrap(info.annotation, tuple(info.metadata))
    inner = model_in(annotation)
    origin = get_origin(annotation)
    if inner is not None and origin is list:
        old = original if isinstance(original, list) else []
        count = _count(form, name)
        return [_parse(inner, form, f"{name}[{i}].", old[i] if i < len(old) else None) for i in range(count)]
    if inner is not None and origin is dict:
        had = original if isinstance(original, Mapping) else {}
        return {i: _parse(inner, form, f"{name}.{i}.", had.get(i)) for i in form.every(f"{name}.__ids__")}
    if inner is not None:
        if info.default is None and not info.is_required() and form.get(f"{name}.__present__") is None:
            return None
        return _parse(inner, form, f"{name}.", original)
    if origin is list:
        if form.get(f"{name}.__choices__") is not None:
            return form.every(name)
        texts = (_text(form.get(f"{name}[{i}]")) for i in range(_count(form, name)))
        return [text for text in texts if text is not None]
    return _typed(annotation, _text(form.get(name)))


def _count(form: Form, name: str) -> int:
    raw = form.get(f"{name}.__len__") or "0"
    return min(int(raw), 1000) if raw.isdigit() else 0


def _text(raw: str | None) -> str | None:
    if raw is None:
        return None
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.strip() else None


def _typed(annotation: Any, raw: str | None) -> Any:
    """``raw`` as the type YAML would give it; text the type cannot take stays text (the
    schema then reports it at the field)."""
    if raw is None:
        return None
    given = raw.strip()
    if annotation is bool:
        return {"true": True, "false": False}.get(given, given)
    if annotation is int and _WHOLE.fullmatch(given):
        return int(given)
    if annotation is Decimal and _NUMBER.fullmatch(given):
        try:
            return Decimal(given)
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            return given
    if annotation is dt.date:
        try:
            return dt.date.fromisoformat(given)
        except ValueError:
            return given
    return raw


# ------------------------------------------------------------------------ shape buttons


def act(data: dict[str, Any], action: str) -> bool:
    """Carry out a shape button on ``data``; whether ``action`` was one.

    ``item:opd`` adds an empty mapping to list ``opd``, ``line:bpu_examples`` an empty line,
    ``group:title`` gives optional mapping ``title``, ``key:lists=pekerja_rentan`` adds an id
    to mapping ``lists``; ``remove:opd[1]``, ``up:opd[1]`` and ``down:opd[1]`` remove or move
    an item (``remove:title`` takes an optional mapping away).
    """
    verb, _, target = action.partition(":")
    path, _, new_id = target.partition("=")
    steps: list[str | int] = [
        m.group(1) if m.group(2) is None else int(m.group(2)) for m in _STEP.finditer(path)
    ]
    if not steps:
        return False
    parent: Any = data
    for step in steps[:-1]:
        parent = _child(parent, step)
    last = steps[-1]
    if verb in _ADD and isinstance(parent, dict) and isinstance(last, str):
        return _ADD[verb](parent, last, new_id)
    if isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent):
        other = {"up": last - 1, "down": last + 1}.get(verb, last)
        if verb == "remove":
            del parent[last]
        elif 0 <= other < len(parent):
            parent[last], parent[other] = parent[other], parent[last]
        return verb in {"remove", "up", "down"}
    if verb == "remove" and isinstance(parent, dict) and isinstance(last, str):
        parent.pop(last, None)
        return True
    return False


def _child(parent: Any, step: str | int) -> Any:
    if isinstance(parent, dict) and isinstance(step, str):
        if not isinstance(parent.get(step), dict | list):
            parent[step] = {}
        return parent[step]
    if isinstance(parent, list) and isinstance(step, int) and 0 <= step < len(parent):
        return parent[step]
    return {}


def _append(parent: dict[str, Any], name: str, empty: Any) -> bool:
    current = parent.get(name)
    parent[name] = [*(current if isinstance(current, list) else []), empty]
    return True


def _group_on(parent: dict[str, Any], name: str, _id: str) -> bool:
    if not isinstance(parent.get(name), dict):
        parent[name] = {}
    return True


def _key(parent: dict[str, Any], name: str, new_id: str) -> bool:
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,59}", new_id):
        return False
    current = parent.get(name)
    parent[name] = {**(current if isinstance(current, dict) else {}), new_id: {}}
    return True


_ADD = {
    "item": lambda parent, name, _id: _append(parent, name, {}),
    "line": lambda parent, name, _id: _append(parent, name, ""),
    "group": _group_on,
    "key": _key,
}
