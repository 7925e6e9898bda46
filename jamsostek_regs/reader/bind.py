"""A read draft in the form the builder gives: computed endings apart, references as references.

The reader keeps every paragraph's text as the document prints it. The builder's tree holds
two things apart from the words: the computed ending of a rincian, Menimbang or Mengingat item
and of an ayat that opens a list (``Node.end``, :mod:`jamsostek_regs.passes.punctuation`), and
each cross-reference as a :class:`~jamsostek_regs.model.Ref` to a key. :func:`bind` gives a
read draft that form, so that the linter, the diff and ``absorb`` see it as they see a built
draft:

* **endings**: a rincian's ";", "; dan", "; atau", "; dan/atau", "." or ":" and a Menimbang or
  Mengingat item's ";" become its ``end``; so does the ":" of an ayat that opens a list, unless
  the reference draft's node with the same key writes it in its text;
* **references**: where the reference draft's node with the same key holds references, each
  one whose words (as the reference pass words them from the read draft's own numbers) stand
  in the read text, in order, becomes that reference again. A reference whose words are not
  there (the drafter changed it in Word) stays text.

A node whose text reads as the reference draft's node with the same key, which holds no
reference, takes that node's text (an empty text is ``("",)`` or ``()``, as the builder made
it). A node whose key the reference draft lacks keeps its text. Nothing else changes: numbers,
keys and anchor ids stay as read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from jamsostek_regs.model import Draft, Inline, Node, Ref, inline_text
from jamsostek_regs.passes.references import wording

#: A rincian's computed ending, at the end of its text.
_ITEM_END = re.compile(r"(?:;\s*(?:dan/atau|dan|atau)|[;.:])$")
#: Groups whose items all end with ";" (R18, R27).
_SEMICOLON_GROUPS = frozenset({"konsiderans", "dasar_hukum"})

Words = Callable[[str, str, bool], str | None]


def bind(draft: Draft, reference: Draft | None) -> Draft:
    """``draft`` (as read) with endings and references apart, guided by ``reference``."""
    known = {n.key: n for n in reference.walk()} if reference is not None else {}
    return replace(draft, root=_visit(draft.root, "", known, wording(draft)))


def _visit(node: Node, parent: str, known: Mapping[str, Node], words: Words) -> Node:
    model = known.get(node.key)
    text, end = _ending(node, parent, model)
    if model is not None and any(isinstance(p, Ref) for p in model.text):
        text = _references(node.key, text, model, words)
    elif model is not None and inline_text(model.text) == inline_text(text):
        text = model.text
    children = tuple(_visit(c, node.kind, known, words) for c in node.children)
    return replace(node, text=text, end=end, children=children)


def _ending(node: Node, parent: str, model: Node | None) -> tuple[tuple[Inline, ...], str]:
    """The node's text without its computed ending, and that ending."""
    plain = "".join(p for p in node.text if isinstance(p, str))
    if parent in _SEMICOLON_GROUPS:
        found = ";" if plain.endswith(";") else ""
    elif node.kind == "item":
        match = _ITEM_END.search(plain)
        found = match[0] if match else ""
    elif any(c.kind == "item" for c in node.children) and plain.endswith(":"):
        in_text = model is not None and not model.end and inline_text(model.text).endswith(":")
        found = "" if in_text else ":"
    else:
        found = ""
    if not found:
        return node.text, node.end
    return (plain[: -len(found)],), found


def _references(key: str, text: tuple[Inline, ...], model: Node, words: Words) -> tuple[Inline, ...]:
    """``text`` with each of ``model``'s references whose words it holds, in order, as a reference."""
    plain = "".join(p for p in text if isinstance(p, str))
    out: list[Inline] = []
    at = 0
    for part in model.text:
        if not isinstance(part, Ref):
            continue
        said = words(key, part.key, part.bare)
        where = plain.find(said, at) if said else -1
        if said is None or where < 0:
            continue
        out += [plain[at:where], replace(part, words=said)] if where > at else [replace(part, words=said)]
        at = where + len(said)
    if at < len(plain):
        out.append(plain[at:])
    return tuple(out)
