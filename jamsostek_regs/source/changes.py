"""A region's changes below the Pasal, its new BAB and Bagian, and its own lampiran: the checks
that need no draft.

A ``changes:`` entry works on one node of the draft by its key, the key the draft and the
diff show (``menimbang.hak``, ``ketentuan_umum.definisi.seg_pekerja_sosial_keagamaan``,
``sanksi.pelayanan_publik.bangunan``). A node the standard names with ``{: #id}`` has the key
``<pasal key>.<id>``; an unnamed one is keyed by its place, ``<parent key>.<n>`` (the n-th
child, counted in the standard's text: ``penutup.berlaku.1`` is the only ayat of that Pasal,
``lampiran.target.1.2`` the second row of that lampiran's first table), and keeps that key
whatever a region adds, since an added node has a key of its own. Entries:

* ``replace: KEY`` with ``text``: the node's new text (one node of the same kind, with its
  rincian), which keeps the key, so references to it keep working;
* ``remove: KEY``: the node leaves the draft (a node some ``ref()`` cites cannot);
* ``add: ID`` with ``text`` and one of ``after: KEY`` / ``before: KEY`` (a sibling) or
  ``into: KEY`` (appended as that node's last child): a node of the sibling's kind (or of the
  kind the parent holds) keyed ``<parent key>.<ID>``;
* ``add: ID`` with ``kind: bab`` or ``kind: bagian`` and ``title`` (no text): an empty BAB
  (after or before a BAB) or Bagian (after or before a Bagian, or into a BAB) for
  ``additions`` to fill with ``in:``.

Each has a ``reason``, which the diff shows. A ``lampiran:`` entry is a lampiran of the
region's own (``lampiran.<key>``), placed after the standard's and before attached Word
documents, cited by an ayat added to Pasal ``pasal`` as attachments are. Texts are the
clause dialect with the words of :mod:`.overrides`. Where each entry lands is only known
once the draft is built (:mod:`jamsostek_regs.build.changes`).
"""

from __future__ import annotations

from collections.abc import Iterator

from jamsostek_regs.errors import Problem
from jamsostek_regs.source.overrides import text_problems
from jamsostek_regs.source.schema import Change, Region
from jamsostek_regs.source.yamlsource import Located

#: The text kind a lampiran's body is parsed as (tables allowed).
LAMPIRAN_TOP = "line"


def target(change: Change) -> str:
    """The key an entry works on: the node replaced or removed, or the anchor of an ``add``."""
    return change.replace or change.remove or change.after or change.before or change.into or ""


def check(region: Region, located: Located) -> Iterator[Problem]:
    """Problems of ``changes`` and ``lampiran`` that the region file alone shows."""
    first: dict[str, int] = {}
    for i, change in enumerate(region.changes):
        yield from _shape(located, i, change)
        key = change.replace or change.remove
        if key and first.setdefault(key, i) != i:
            line = located.where(("changes", first[key]))[0]
            yield located.problem(("changes", i), f"'{key}' is changed twice (first on line {line})")
        if change.text is not None:
            yield from text_problems(located, ("changes", i, "text"), change.text, target(change), "item")
    seen: dict[str, int] = {}
    for i, lampiran in enumerate(region.lampiran):
        if seen.setdefault(lampiran.key, i) != i:
            line = located.where(("lampiran", seen[lampiran.key]))[0]
            message = f"lampiran '{lampiran.key}' is given twice (first on line {line})"
            yield located.problem(("lampiran", i, "key"), message)
        key = f"lampiran.{lampiran.key}"
        yield from text_problems(located, ("lampiran", i, "text"), lampiran.text, key, LAMPIRAN_TOP)


def _shape(located: Located, i: int, change: Change) -> Iterator[Problem]:
    """The keys an entry must have and may not have together."""
    at = ("changes", i)
    actions = [name for name in ("replace", "remove", "add") if getattr(change, name) is not None]
    places = [name for name in ("after", "before", "into") if getattr(change, name) is not None]
    if len(actions) != 1:
        yield located.problem(at, "give exactly one of `replace`, `remove` and `add`")
        return
    action = actions[0]
    if action != "add":
        extra = [*places, *(n for n in ("kind", "title") if getattr(change, n) is not None)]
        if extra:
            yield located.problem((*at, extra[0]), f"`{extra[0]}` belongs to an `add`, not a `{action}`")
        if action == "replace" and change.text is None:
            yield located.problem(at, "a `replace` needs `text`: the node's new text")
        if action == "remove" and change.text is not None:
            yield located.problem((*at, "text"), "a `remove` takes no `text`")
        return
    if len(places) != 1:
        yield located.problem(at, "an `add` needs exactly one of `after`, `before` and `into`")
    yield from _added(located, i, change)


def _added(located: Located, i: int, change: Change) -> Iterator[Problem]:
    """What an `add` needs: `text`, or `kind` and `title`."""
    at = ("changes", i)
    if change.kind is None:
        if change.text is None:
            yield located.problem(at, "an `add` needs `text` (or `kind` and `title` for a BAB or Bagian)")
        if change.title is not None:
            yield located.problem((*at, "title"), "`title` belongs to a new BAB or Bagian (`kind`)")
        return
    if change.title is None:
        yield located.problem(at, f"a new {change.kind} needs a `title`")
    if change.text is not None:
        message = f"a new {change.kind} takes no `text`: put Pasal in it with `additions` and `in`"
        yield located.problem((*at, "text"), message)
    if change.kind == "bab" and change.into is not None:
        yield located.problem((*at, "into"), "a BAB goes `after` or `before` a BAB, not `into` a node")
