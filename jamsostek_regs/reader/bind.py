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
  there (the drafter changed it in Word) stays text. A node the reference draft lacks, or
  whose text the drafter changed, has its references read as the linter reads them
  (:mod:`jamsostek_regs.lint.refs`): each that names a Pasal, ayat or rincian of the read draft
  in the very words the reference pass would give it ("sebagaimana dimaksud pada ayat (1)",
  or the bare address) becomes a reference to that node.

A node keeps the list style (numbered definitions or rincian) of the reference draft's node
with the same key. A node whose text reads as the reference draft's node with the same key, which holds no
reference, takes that node's text (an empty text is ``("",)`` or ``()``, as the builder made
it). A node whose key the reference draft lacks keeps its text. Nothing else changes: numbers,
keys and anchor ids stay as read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from jamsostek_regs.citing import label
from jamsostek_regs.lint import refs
from jamsostek_regs.model import Draft, Inline, Node, Ref, Source, inline_text
from jamsostek_regs.passes.references import wording

#: A rincian's computed ending, at the end of its text.
_ITEM_END = re.compile(r"(?:;\s*(?:dan/atau|dan|atau)|[;.:])$")
#: Groups whose items all end with ";" (R18, R27).
_SEMICOLON_GROUPS = frozenset({"konsiderans", "dasar_hukum"})

Words = Callable[[str, str, bool], str | None]
#: Kinds whose text may cite another node.
_CITING = frozenset({"ayat", "item", "line"})
#: Where a reference found in a read text comes from.
_READ = Source("docx", 0)


@dataclass(frozen=True, slots=True)
class _Context:
    known: Mapping[str, Node]
    words: Words
    pasals: tuple[Node, ...]


def bind(draft: Draft, reference: Draft | None) -> Draft:
    """``draft`` (as read) with endings and references apart, guided by ``reference``."""
    known = {n.key: n for n in reference.walk()} if reference is not None else {}
    pasals = tuple(n for n in draft.walk() if n.kind == "pasal")
    context = _Context(known, wording(draft), pasals)
    return replace(draft, root=_visit(draft.root, "", context, (None, None)))


def _visit(node: Node, parent: str, context: _Context, at: tuple[Node | None, Node | None]) -> Node:
    at = (node, None) if node.kind == "pasal" else (at[0], node) if node.kind == "ayat" else at
    model = context.known.get(node.key)
    text, end = _ending(node, parent, model)
    if model is not None and any(isinstance(p, Ref) for p in model.text):
        text = _references(node.key, text, model, context.words)
    elif model is not None and inline_text(model.text) == inline_text(text):
        text = model.text
    elif node.kind in _CITING:
        text = _found(node.key, inline_text(text), at, context)
    children = tuple(_visit(c, node.kind, context, at) for c in node.children)
    style = model.style if model is not None else node.style
    return replace(node, text=text, end=end, children=children, style=style)


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


def _found(
    key: str, plain: str, at: tuple[Node | None, Node | None], context: _Context
) -> tuple[Inline, ...]:
    """``plain`` with each reference to a node of the draft, in the words the reference pass
    would give it from ``key`` (with "sebagaimana dimaksud ..." or bare), as a reference."""
    out: list[Inline] = []
    done = 0
    for chain in refs.chains(plain):
        if chain.external:
            continue
        for address in chain.addresses:
            target = _target(address.parts, at, context.pasals)
            if target is None:
                continue
            for bare in (False, True):
                said = context.words(key, target.key, bare)
                start = address.end - len(said) if said else -1
                if said and start >= done and plain[start : address.end] == said:
                    out += [plain[done:start], Ref(target.key, _READ, bare, said)]
                    done = address.end
                    break
    out.append(plain[done:])
    return tuple(part for part in out if part)


def _target(
    parts: tuple[refs.Part, ...], at: tuple[Node | None, Node | None], pasals: tuple[Node, ...]
) -> Node | None:
    """The node an address names, from the Pasal and ayat it is read in."""
    pasal, ayat = at
    node = pasal if parts[0][0] == "ayat" else ayat or pasal
    for unit, value in parts:
        if unit == "pasal":
            node = next((p for p in pasals if p.num == value), None)
        elif node is not None:
            node = _child(node, unit, value)
        if node is None:
            return None
    return node


def _child(node: Node, unit: str, value: str) -> Node | None:
    if unit == "ayat":
        return next((c for c in node.children if c.kind == "ayat" and c.num == f"({value})"), None)
    items = [c for c in node.children if c.kind == "item"]
    if not items and node.kind == "pasal" and len(node.children) == 1:  # a Pasal of one ayat
        items = [c for c in node.children[0].children if c.kind == "item"]
    return next((c for c in items if label(c) == value), None)
