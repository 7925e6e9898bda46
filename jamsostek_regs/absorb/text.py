"""A node of a document as a region file writes it: clause dialect text.

:func:`clause_text` writes a node (an ayat, rincian, definition, Menimbang item or lampiran
line) the way a region's ``changes:`` or ``additions`` text does (:mod:`jamsostek_regs.dialect.clause`):

* its own words on the first line; a reference (:class:`~jamsostek_regs.model.Ref`, as
  :func:`jamsostek_regs.reader.bind.bind` found it) as ``{{ ref("key") }}`` or
  ``{{ ref("key", bare=True) }}``, so that its words are computed again; a level word
  (``Wali Kota``, ``Kabupaten Lahat``: :class:`~jamsostek_regs.build.grammar.Grammar`) as
  ``{{ g.<word> }}`` where the region's own node had that word, so that it follows the level;
* its rincian as nested ``- `` items without labels or endings (the passes compute both), the
  list's connective as ``{: +atau}`` where it is not "dan", numbered definitions as
  ``{: .definisi}``, and each rincian whose key is named in its Pasal as ``{: #id}``, so that
  its key (and every reference to it) stays;
* everything else literally, with the characters the dialect reads escaped.

:func:`pasal_text` writes the ayat of a whole Pasal, a blank line between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from jamsostek_regs.model import Node, Ref

#: Characters the dialect reads (escapes, tables, attribute blocks and Jinja's braces).
_SPECIAL = re.compile(r"([\\|{}])")
#: A line that would open a list or heading if it started so.
_OPENER = re.compile(r"^(?:[-+*#>]|\d+[.)])")
_ID = re.compile(r"^[a-z0-9_]+$")

#: Grammar field -> its value in the region ("kepala" -> "Wali Kota").
Words = Mapping[str, str]
#: The level words written as ``{{ g.<word> }}``: the words a level change changes in prose.
LEVEL_WORDS = ("peraturan", "kepala", "daerah", "berita", "apbdes", "desa")


def clause_text(node: Node, scope: str, words: Words, had: Mapping[str, str]) -> str:
    """``node`` and its rincian in the clause dialect; ``scope`` is its Pasal's (or group's)
    key, ``had`` maps keys to the text the region's draft gave the node (level words are
    written as words only where it had them)."""
    return "\n".join(_lines(node, scope, words, had, 0))


def pasal_text(pasal: Node, words: Words, had: Mapping[str, str]) -> str:
    """The ayat of ``pasal`` in the clause dialect, a blank line between them."""
    return "\n\n".join(clause_text(ayat, pasal.key, words, had) for ayat in pasal.children)


def _lines(node: Node, scope: str, words: Words, had: Mapping[str, str], depth: int) -> Iterator[str]:
    text = _inline(node, words, had.get(node.key, ""))
    attrs = _attributes(node, scope, depth)
    indent = "  " * (depth - 1) + "- " if depth else ""
    yield indent + " ".join(filter(None, (text, attrs)))
    for child in node.children:
        if child.kind == "item":
            yield from _lines(child, scope, words, had, depth + 1)


def _attributes(node: Node, scope: str, depth: int) -> str:
    parts = []
    own = node.key.removeprefix(scope + ".") if node.key.startswith(scope + ".") else ""
    if depth and _ID.match(own) and not own.isdigit():
        parts.append(f"#{own}")
    items = [c for c in node.children if c.kind == "item"]
    conj = _connective(items)
    if conj and conj != "dan":
        parts.append(f"+{conj}")
    if items and node.style == "definisi":
        parts.append(".definisi")
    return "{: " + " ".join(parts) + "}" if parts else ""


def _connective(items: list[Node]) -> str:
    """The connective the list's endings show ("; atau" before the last item)."""
    if len(items) < 2:
        return ""
    end = _last_end(items[-2])
    return end[2:] if end.startswith("; ") else ""


def _last_end(item: Node) -> str:
    """The ending after ``item``'s text, or after its last rincian's when it has some."""
    subs = [c for c in item.children if c.kind == "item"]
    return _last_end(subs[-1]) if subs else item.end


def _inline(node: Node, words: Words, had: str) -> str:
    out = []
    for part in node.text:
        if isinstance(part, Ref):
            bare = ", bare=True" if part.bare else ""
            out.append(f'{{{{ ref("{part.key}"{bare}) }}}}')
        else:
            out.append(_level_words(_escape(part), words, had))
    text = " ".join("".join(out).split())
    if _OPENER.match(text):
        text = "\\" + text
    return text


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _level_words(text: str, words: Words, had: str) -> str:
    """``text`` with each level word the region's node ``had`` written as ``{{ g.<word> }}``."""
    found = sorted(
        ((value, field) for field, value in words.items() if value and value in had and value in text),
        key=lambda pair: -len(pair[0]),
    )
    if not found:
        return text
    fields = dict(found)
    pattern = re.compile("|".join(rf"\b{re.escape(value)}\b" for value, _ in found))
    return pattern.sub(lambda m: f"{{{{ g.{fields[m[0]]} }}}}", text)
