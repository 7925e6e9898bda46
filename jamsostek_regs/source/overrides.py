"""A region's own clause texts: overrides of a Pasal and added Pasal, each with its reason.

A region file may replace the text of one Pasal of the standard (``overrides``) or add a Pasal
of its own after a given Pasal (``additions``); both need a ``reason`` (the harmonisation note
that asked for it, say), which the diff shows beside the change. The text is written in the
clause dialect (see :mod:`jamsostek_regs.dialect.clause`) with three additions: ``{{ ref("key") }}`` and
``{{ ref("key", bare=True) }}`` write a cross-reference, exactly as in the standard's clause
files; ``{{ g.<word> }}`` prints a word of the level grammar (``g.kepala``, ``g.peraturan``,
``g.daerah``, ...: the fields of :data:`~jamsostek_regs.dialect.provenance.GRAMMAR_KEYS`); and
``{{ region.name }}``, ``{{ region.capital }}``, ``{{ region.province }}`` print those values.
The words follow the region's values (a ``level`` changed later changes them too) and the
node records the region keys they come from. This is a substitution, not Jinja: nothing
else in ``{{ }}``, ``{% %}`` or ``{# #}`` is accepted, since region files are data, never templates.

An added Pasal's key is ``tambahan.<key>``. Lines in problems count from the ``text:`` key,
so write the text as a YAML block (``text: |``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from jamsostek_regs.dialect import provenance
from jamsostek_regs.dialect.clause import parse
from jamsostek_regs.dialect.templating import PLACEHOLDER, REF_CLOSE, REF_OPEN, escape
from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.source.schema import Addition, Region, closest
from jamsostek_regs.source.standard import Standard, all_clauses, clause_key
from jamsostek_regs.source.yamlsource import KeyPath, Located, load_file

PREFIX = "tambahan."
#: Most additions a region file may have (a region that adds more is a standard of its own).
MAX_ADDITIONS = 100
_REF = re.compile(r"""\{\{\s*ref\(\s*["']([a-z0-9_.]+)["']\s*(,\s*bare\s*=\s*True\s*)?\)\s*\}\}""")
_JINJA = re.compile(r"\{\{|\{%|\{#")
_WORD = re.compile(r"\{\{\s*((?:g|region)\.[a-z_]+)\s*\}\}")
#: The words region text may print: the level grammar and three region values.
WORD_NAMES = frozenset(
    {f"g.{field}" for field in provenance.GRAMMAR_KEYS} | {"region.name", "region.capital", "region.province"}
)
#: Word name -> its value in one region (``None`` prints "...") and the region keys it comes from.
Words = Mapping[str, tuple[str | None, tuple[str, ...]]]
_ONLY = (
    'only {{ ref("key") }}, {{ g.<word> }} and {{ region.name }}, {{ region.capital }} or '
    "{{ region.province }} are allowed here: region texts are data, not templates"
)


def display(path: Path, key: str = "") -> str:
    """How problems and sources name a region file (``regions/<id>.yaml``), or the text of its
    clause ``key`` (``regions/<id>.yaml (tambahan.x)``, lines counted within that text)."""
    name = f"{path.parent.name}/{path.name}"
    return f"{name} ({key})" if key else name


def addition_key(addition: Addition) -> str:
    """The key of the Pasal ``addition`` adds."""
    return PREFIX + addition.key


def dialect(text: str, words: Words | None = None) -> str:
    """``text`` with its ``{{ ref(...) }}`` turned into the reference markers the parser reads
    and its words (:data:`WORD_NAMES`) printed from ``words``, tagged with their region keys
    (without ``words``: printed as "...", for checking)."""
    text = _REF.sub(lambda m: f"{REF_OPEN}{m[1]}|0|{int(bool(m[2]))}{REF_CLOSE}", text)
    return _WORD.sub(lambda m: _word(m, words or {}), text)


def _word(match: re.Match[str], words: Words) -> str:
    if match[1] not in WORD_NAMES:
        return match[0]
    value, keys = words.get(match[1], (None, ()))
    return provenance.tag(escape(value) if value else PLACEHOLDER, frozenset(keys))


def replaced(rendered: str, key: str, region: Region, words: Words) -> str:
    """The text of Pasal ``key``: the region's override if it has one, else ``rendered``."""
    for override in region.overrides:
        if override.key == key:
            return dialect(override.text, words)
    return rendered


def followers(region: Region) -> dict[str, list[Addition]]:
    """Pasal key -> the additions placed right after it, in file order."""
    out: dict[str, list[Addition]] = {}
    for addition in region.additions:
        if addition.after is not None:
            out.setdefault(addition.after, []).append(addition)
    return out


def ending(region: Region, group: str) -> Iterator[Addition]:
    """The additions at the end of BAB or Bagian ``group`` (``in``), in draft order: each in file
    order, followed by the additions that follow it (:func:`chain`)."""
    for addition in region.additions:
        if addition.in_ == group:
            yield addition
            yield from chain(region, addition_key(addition))


def chain(region: Region, key: str) -> Iterator[Addition]:
    """The additions that follow Pasal ``key``, in draft order: each addition right after
    ``key`` (file order), each followed by its own followers. Iterative, so a long chain of
    additions each after the previous one costs no recursion; linear in the additions."""
    placed = followers(region)
    pending = list(reversed(placed.get(key, [])))
    while pending:
        addition = pending.pop()
        yield addition
        pending += reversed(placed.get(addition_key(addition), []))


def check(region: Region, located: Located, standard: Standard) -> Iterator[Problem]:
    """Problems of ``overrides`` and ``additions`` that need the standard to see."""
    clauses = [clause_key(c) for c in all_clauses(standard.manifest)]
    seen: set[str] = set()
    for i, override in enumerate(region.overrides):
        if override.key.split(".")[-1] == "menimbang":
            message = (
                "the Menimbang is changed item by item: use `changes:` with a Menimbang item key "
                "(replace: menimbang.hak, add: <id> with after: menimbang.hak, remove: menimbang.sanksi)"
            )
            yield located.problem(("overrides", i, "key"), message)
            continue
        yield from _known(located, ("overrides", i, "key"), override.key, clauses)
        if override.key in seen:
            yield located.problem(("overrides", i, "key"), f"Pasal '{override.key}' is overridden twice")
        seen.add(override.key)
        yield from text_problems(located, ("overrides", i, "text"), override.text, override.key)
    if len(region.additions) > MAX_ADDITIONS:
        message = f"{len(region.additions)} additions; at most {MAX_ADDITIONS} are accepted"
        yield located.problem(("additions",), message)
        return
    added = [addition_key(a) for a in region.additions]
    circles = _circles(region)
    first: dict[str, int] = {}
    for i, addition in enumerate(region.additions):
        key = added[i]
        if first.setdefault(key, i) != i:
            yield located.problem(("additions", i, "key"), f"'{addition.key}' is added twice")
        if (addition.after is None) == (addition.in_ is None):
            message = "give exactly one of `after` (a Pasal) and `in` (a BAB or Bagian)"
            yield located.problem(("additions", i), message)
        elif addition.after is not None:
            yield from _known(located, ("additions", i, "after"), addition.after, [*clauses, *added])
        if addition.after == key:
            yield located.problem(("additions", i, "after"), "an addition cannot follow itself")
        elif key in circles:
            message = (
                f"the additions {' -> '.join(circles[key])} follow each other in a circle: none has a place"
            )
            yield located.problem(("additions", i, "after"), message)
        yield from text_problems(located, ("additions", i, "text"), addition.text, key)


def _circles(region: Region) -> dict[str, list[str]]:
    """Key of each addition in a circle (each following the next) -> that circle, from it
    back to it. Each addition is walked once: linear in the additions."""
    following = {addition_key(a): a.after for a in region.additions if a.after is not None}
    done: set[str] = set()
    out: dict[str, list[str]] = {}
    for start in following:
        walk: dict[str, int] = {}  # key -> its place in this walk
        key: str | None = start
        while key is not None and key not in done and key not in walk:
            walk[key] = len(walk)
            key = following.get(key)
        done.update(walk)
        if key is not None and key in walk:  # the walk came back to itself: a circle
            circle = list(walk)[walk[key] :]
            for n, member in enumerate(circle):
                out[member] = [*circle[n:], *circle[:n], member]
    return out


def _known(located: Located, where: KeyPath, key: str, keys: list[str]) -> Iterator[Problem]:
    if key not in keys:
        yield located.problem(where, f"no Pasal '{key}' in the standard", closest(key, keys))


def text_problems(
    located: Located, where: KeyPath, text: str, key: str, top_kind: str = "ayat"
) -> Iterator[Problem]:
    """Problems of a clause text, at their line in the region file (``top_kind``: ``line``
    for a lampiran, whose text may hold tables)."""
    first = located.where(where)[0]
    leftover = _JINJA.search(_WORD.sub(lambda m: "" if m[1] in WORD_NAMES else m[0], _REF.sub("", text)))
    if leftover:
        line = first + text.count("\n", 0, leftover.start()) + 1
        yield Problem(located.path, line, 1, key, _ONLY)
        return
    try:
        parse(dialect(text), located.path, key, top_kind)
    except InputError as exc:
        for problem in exc.problems:
            yield Problem(located.path, first + problem.line, 1, key, problem.message)


def ensure_placed(path: Path, region: Region, present: Iterable[str]) -> None:
    """Raise :class:`InputError` for an override or addition this region's draft cannot hold.

    An override of a Pasal the region's conditions leave out, or an addition after such a
    Pasal, would silently do nothing.
    """
    keys = set(present)
    missing: list[tuple[KeyPath, str]] = [
        (("overrides", i, "key"), f"this region's draft leaves Pasal '{o.key}' out; nothing to override")
        for i, o in enumerate(region.overrides)
        if o.key not in keys
    ]
    missing += [
        (
            ("additions", i, "after"),
            f"this region's draft leaves Pasal '{a.after}' out; nothing to follow",
        )
        if a.in_ is None
        else (("additions", i, "in"), f"this region's draft has no BAB or Bagian '{a.in_}' to put it in")
        for i, a in enumerate(region.additions)
        if addition_key(a) not in keys
    ]
    if missing:
        located = load_file(path, display(path))
        raise InputError([located.problem(where, message) for where, message in missing])
