"""Small edits of an assembled draft, for the breaking-draft tests of the linter.

Every helper returns a new draft (the tree is immutable). ``renumber`` runs the numbering,
punctuation and reference passes again, for edits that add, drop or move nodes; edits that
break a number or an ending on purpose are not renumbered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from jamsostek_regs.model import Draft, Node
from jamsostek_regs.passes.numbering import number
from jamsostek_regs.passes.punctuation import punctuate
from jamsostek_regs.passes.references import resolve

Edit = Callable[[Draft], Draft]


def renumber(draft: Draft) -> Draft:
    """Numbers, list endings and reference words computed again."""
    return resolve(punctuate(number(draft)))


def _map(node: Node, key: str, fn: Callable[[Node], tuple[Node, ...]]) -> tuple[Node, ...]:
    if node.key == key:
        return fn(node)
    return (node.with_children(tuple(c for child in node.children for c in _map(child, key, fn))),)


def _apply(draft: Draft, key: str, fn: Callable[[Node], tuple[Node, ...]]) -> Draft:
    if draft.find(key) is None:
        raise KeyError(key)
    (root,) = _map(draft.root, key, fn)
    return replace(draft, root=root)


def change(draft: Draft, key: str, **fields: object) -> Draft:
    """Replace fields of the node with ``key``."""
    return _apply(draft, key, lambda n: (replace(n, **fields),))  # type: ignore[arg-type]


def text(draft: Draft, key: str, words: str) -> Draft:
    """Replace the inline text of the node with ``key`` (its computed ending is kept)."""
    return change(draft, key, text=(words,))


def drop(draft: Draft, key: str) -> Draft:
    """Remove the node with ``key``."""
    return _apply(draft, key, lambda n: ())


def after(draft: Draft, key: str, *nodes: Node) -> Draft:
    """Insert ``nodes`` after the node with ``key``."""
    return _apply(draft, key, lambda n: (n, *nodes))


def children(draft: Draft, key: str, order: Callable[[tuple[Node, ...]], tuple[Node, ...]]) -> Draft:
    """Reorder (or rebuild) the children of the node with ``key``."""
    return _apply(draft, key, lambda n: (n.with_children(order(n.children)),))


def ayat(key: str, words: str) -> Node:
    """A new ayat with plain text."""
    return Node("ayat", key, text=(words,))


def pasal(key: str, *sentences: str) -> Node:
    """A new Pasal with one ayat per sentence."""
    return Node("pasal", key, children=tuple(ayat(f"{key}.{i}", s) for i, s in enumerate(sentences, 1)))


def add_ayat(draft: Draft, pasal_key: str, words: str) -> Draft:
    """Append an ayat to a Pasal and renumber."""
    new = ayat(f"{pasal_key}.lint_test", words)
    return renumber(children(draft, pasal_key, lambda c: (*c, new)))


def everywhere(draft: Draft, old: str, new: str) -> Draft:
    """Replace ``old`` with ``new`` in every text of the draft."""

    def swap(node: Node) -> Node:
        parts = tuple(p.replace(old, new) if isinstance(p, str) else p for p in node.text)
        return replace(node, text=parts, children=tuple(swap(c) for c in node.children))

    return replace(draft, root=swap(draft.root))


def retitle(draft: Draft, title: str) -> Draft:
    """Give the regulation another name everywhere it is printed (judul, konsiderans, diktum, lampiran)."""
    old = draft.find("judul.nama")
    assert old is not None
    draft = everywhere(draft, old.plain(), title.upper())
    return everywhere(draft, _title_case(old.plain()), _title_case(title))


def _title_case(upper: str) -> str:
    small = {"dan", "atau", "di", "ke", "dari", "yang", "untuk", "dengan", "pada", "dalam", "bagi"}
    words = upper.lower().split()
    return " ".join(w if i and w in small else w.capitalize() for i, w in enumerate(words))
