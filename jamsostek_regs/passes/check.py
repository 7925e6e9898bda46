"""Structural checks that make a draft unusable when broken (errors, not lint findings).

Keys are unique; every Pasal has content; rincian, and the text that introduces them, carry
no hand-written list punctuation (the punctuation pass owns it); BAB have content and Bagian do not mix
Paragraf with loose Pasal (R43).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.errors import InputError, Problem
from jamsostek_regs.model import Draft, Node, Source, inline_text

#: Endings the punctuation pass owns; "..." (the drafter's placeholder) is allowed.
_HAND_PUNCTUATION = re.compile(r"(?:;(?:\s*(?:dan/atau|dan|atau))?|,|(?<!\.\.)\.)\s*$")


def check(draft: Draft, _keys: frozenset[str] = frozenset()) -> Draft:
    """Return ``draft`` unchanged, or raise :class:`InputError` listing every problem."""
    problems: list[Problem] = []
    seen: dict[str, Node] = {}
    for node, source in _located(draft.root, None):
        if node.key in seen:
            problems.append(_problem(node, source, f"key '{node.key}' is used twice"))
        seen[node.key] = node
        problems += [_problem(node, source, message) for message in _node_problems(node)]
    if problems:
        raise InputError(problems)
    return draft


def _located(node: Node, inherited: Source | None) -> Iterator[tuple[Node, Source | None]]:
    """Each node in document order with its source, or its nearest ancestor's when it has none."""
    source = node.source or inherited
    yield node, source
    for child in node.children:
        yield from _located(child, source)


def _node_problems(node: Node) -> list[str]:
    out = []
    if node.kind == "pasal" and not node.children:
        out.append("Pasal has no text")
    if node.kind == "item" and _HAND_PUNCTUATION.search(inline_text(node.text)):
        out.append("rincian end without punctuation; ';', 'dan' and '.' are added for you")
    elif _introduces_a_list(node) and _HAND_PUNCTUATION.search(inline_text(node.text)):
        out.append("the text before rincian ends without punctuation; ':' is added for you")
    if node.kind == "bagian" and {c.kind for c in node.children} == {"paragraf", "pasal"}:
        out.append("a Bagian holds either Paragraf or Pasal, not both (R43)")
    return out


def _introduces_a_list(node: Node) -> bool:
    return node.kind in {"ayat", "line", "item"} and any(c.kind == "item" for c in node.children)


def _problem(node: Node, source: Source | None, message: str) -> Problem:
    """A problem at ``source``; a node no file placed (none today) is reported at line 1."""
    return Problem(source.file if source else "", source.line if source else 1, 1, node.key, message)
