"""A Perkada read back from Word, in the form the pipeline gives its drafts.

The reader (:mod:`jamsostek_regs.reader`) keeps each paragraph's printed text, so a rincian
carries its list punctuation ("; dan", ";", ".", ":") in its text. The pipeline keeps that
punctuation apart, in ``end``, computed by the punctuation pass from the list's connective
(``conj``) and style. :func:`unprinted` moves the punctuation of every rincian from its text into
``end``, gives each list the connective its items printed, and the style ``definisi`` to a list
of numbered sentences, so that a text the tool did not make compares, merges and punctuates
like one it made (a printed text that follows R53 to R60 comes out exactly as printed).
"""

from __future__ import annotations

from dataclasses import replace

from jamsostek_regs.model import Conj, Draft, Node

#: Printed list endings, longest first; the text before one is the item's own.
_ENDS = ("; dan/atau", "; dan", "; atau", ";", ".", ":")
_CONJ: dict[str, Conj] = {"; dan/atau": "dan/atau", "; dan": "dan", "; atau": "atau"}


def unprinted(draft: Draft) -> Draft:
    """``draft`` with the list punctuation of every rincian moved from its text into ``end``."""
    return replace(draft, root=_visit(draft.root))


def _visit(node: Node) -> Node:
    children = tuple(_visit(c) for c in node.children)
    split = [_split(c) if c.kind == "item" else (c, "") for c in children]
    ends = [end for child, end in split if child.kind == "item"]
    if not ends:
        return node.with_children(children) if children != node.children else node
    conj = next((_CONJ[end] for end in ends if end in _CONJ), node.conj)
    numbered = all(c.num[:1].isdigit() for c, _e in split if c.kind == "item")
    sentences = node.kind == "ayat" and numbered and all(end == "." for end in ends)
    style = "definisi" if sentences else node.style
    return replace(node, conj=conj, style=style, children=tuple(c for c, _e in split))


def _split(item: Node) -> tuple[Node, str]:
    """``item`` without its printed ending, and that ending ("" when none)."""
    if item.end or not item.text or not isinstance(item.text[-1], str):
        return item, item.end
    last = item.text[-1].rstrip()
    end = next((e for e in _ENDS if last.endswith(e)), "")
    text = (*item.text[:-1], last[: len(last) - len(end)]) if end else item.text
    return replace(item, text=text, end=end), end
