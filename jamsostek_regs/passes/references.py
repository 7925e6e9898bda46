"""Reference resolution: the words of every cross-reference, from the numbered tree.

A reference to another Pasal reads "sebagaimana dimaksud dalam Pasal 12 ayat (2) huruf b";
a reference inside the same Pasal reads "sebagaimana dimaksud pada ayat (1)" (R68), and
never "ayat (1) Pasal ini" (R71). A bare reference is only the address ("Pasal 12",
"huruf a", "Lampiran I"). Unknown keys and keys this region's draft leaves out are errors
naming the template file, line and key (R77).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from jamsostek_regs.citing import citation, cite
from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.model import Draft, Inline, Node, Ref


@dataclass(frozen=True, slots=True)
class _Address:
    """Where a node sits: its Pasal, its ayat and its chain of rincian."""

    pasal: Node | None
    ayat: Node | None
    items: tuple[Node, ...]
    node: Node


def resolve(draft: Draft, possible_keys: frozenset[str] = frozenset()) -> Draft:
    """Return ``draft`` with the words of every :class:`Ref` filled in."""
    index: dict[str, _Address] = {}
    _index(draft.root, _Address(None, None, (), draft.root), index)
    problems: list[Problem] = []
    root = _rewrite(draft.root, index, possible_keys, problems)
    if problems:
        raise InputError(problems)
    return replace(draft, root=root)


def wording(draft: Draft) -> Callable[[str, str, bool], str | None]:
    """How ``draft`` words a reference: ``(from key, to key, bare)`` -> the words this pass would
    give it in ``draft``, or ``None`` where there is no such node or it cannot be cited from there."""
    index: dict[str, _Address] = {}
    _index(draft.root, _Address(None, None, (), draft.root), index)

    def words_for(here: str, to: str, bare: bool) -> str | None:
        target = index.get(to)
        if target is None:
            return None
        try:
            return words(target, index.get(here), bare)
        except ValueError:
            return None

    return words_for


def _index(node: Node, at: _Address, index: dict[str, _Address]) -> None:
    for child in node.children:
        if child.kind == "pasal":
            here = _Address(child, None, (), child)
        elif child.kind == "ayat":
            here = _Address(at.pasal, child, (), child)
        elif child.kind == "item":
            here = _Address(at.pasal, at.ayat, (*at.items, child), child)
        else:
            here = _Address(at.pasal, at.ayat, at.items, child)
        index[child.key] = here
        _index(child, here, index)


def _rewrite(
    node: Node, index: dict[str, _Address], possible: frozenset[str], problems: list[Problem]
) -> Node:
    text = node.text
    if any(isinstance(p, Ref) for p in text):
        here = index.get(node.key)
        text = tuple(_resolve(p, here, index, possible, problems) for p in text)
    children = tuple(_rewrite(c, index, possible, problems) for c in node.children)
    if text is node.text and all(new is old for new, old in zip(children, node.children, strict=True)):
        return node  # most nodes hold no reference: keep them rather than copy them
    return replace(node, text=text, children=children)


def _resolve(
    part: Inline,
    here: _Address | None,
    index: dict[str, _Address],
    possible: frozenset[str],
    problems: list[Problem],
) -> Inline:
    if isinstance(part, str):
        return part
    target = index.get(part.key)
    if target is None:
        reason = "which this region's draft leaves out" if part.key in possible else "which does not exist"
        problems.append(
            Problem(part.source.file, part.source.line, 1, part.key, f"reference to '{part.key}', {reason}")
        )
        return part
    try:
        return replace(part, words=words(target, here, part.bare))
    except ValueError as exc:
        problems.append(Problem(part.source.file, part.source.line, 1, part.key, str(exc)))
        return part


def words(target: _Address, here: _Address | None, bare: bool) -> str:
    """The reference words for ``target`` as seen from ``here``."""
    node = target.node
    if node.kind not in _TARGETS:
        raise ValueError(f"a reference must point to a Pasal, ayat, rincian or lampiran, not a {node.kind}")
    if node.kind == "lampiran":
        address = cite(node)
        return address if bare else f"sebagaimana tercantum dalam {address}"
    if target.pasal is None:  # Menimbang items: "huruf a"
        return _named(target.items, node)
    same_pasal = here is not None and here.pasal is not None and here.pasal.key == target.pasal.key
    if same_pasal:
        if node.kind == "pasal" or (here is not None and node.key in _enclosing(here)):
            raise ValueError("a clause cannot refer to itself, its own ayat or its own Pasal (R71)")
        same_ayat = (
            here is not None
            and here.ayat is not None
            and target.ayat is not None
            and here.ayat.key == target.ayat.key
        )
        ayat = () if same_ayat or target.ayat is None else (target.ayat,)
        address = _named((*ayat, *target.items), node)
        return address if bare else f"sebagaimana dimaksud pada {address}"
    outer = (target.pasal,) if target.ayat is None else (target.pasal, target.ayat)
    address = _named((*outer, *target.items), node)
    return address if bare else f"sebagaimana dimaksud dalam {address}"


_TARGETS = frozenset({"pasal", "ayat", "item", "lampiran"})


def _named(chain: tuple[Node, ...], node: Node) -> str:
    address = citation(chain)
    if not address:
        raise ValueError(f"a reference cannot name the {node.kind}: it has no number")
    return address


def _enclosing(here: _Address) -> set[str]:
    """Keys of the node at ``here`` and of the ayat and rincian that contain it."""
    keys = {here.node.key, *(item.key for item in here.items)}
    if here.ayat is not None:
        keys.add(here.ayat.key)
    return keys
