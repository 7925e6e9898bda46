"""Word-level differences inside one clause, for Indonesian legal text.

Tokens are words, the whitespace between them and each punctuation mark on its own, so that
joining the tokens gives the text back exactly. A word keeps its inner hyphens, slashes,
dots and commas: reduplication ("Undang-Undang", "perundang-undangan"), "dan/atau", numbers
("842.2/5193/SJ", "Rp1.000,00") and clitics ("Pekerjanya") are one token each, while the
comma or full stop that ends a word is a token of its own ("tertentu" "," and "diundangkan"
"."). The comparison is :class:`difflib.SequenceMatcher` without its "autojunk" heuristic,
which would otherwise mark a long, repetitive list (a Mengingat, a table of tasks) as one
big replacement.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

_TOKEN = re.compile(r"\w+(?:[-/.,]\w+)*|\s+|[^\w\s]")

OpKind = Literal["equal", "delete", "insert"]


@dataclass(frozen=True, slots=True)
class Op:
    """One run of the word-level difference: text kept, deleted (from A) or inserted (in B)."""

    op: OpKind
    text: str


def tokens(text: str) -> list[str]:
    """``text`` as words, whitespace runs and punctuation marks; ``"".join`` gives it back."""
    return _TOKEN.findall(text)


def ops(a: str, b: str) -> tuple[Op, ...]:
    """The word-level operations that turn ``a`` into ``b``.

    Equal and deleted runs join to ``a``; equal and inserted runs join to ``b``. Adjacent
    runs of the same kind are merged; a replacement is a deletion followed by an insertion.
    """
    if a == b:
        return (Op("equal", a),) if a else ()
    if not a or not b:
        return (Op("insert", b),) if b else (Op("delete", a),)
    left, right = tokens(a), tokens(b)
    out: list[Op] = []
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for tag, i1, i2, j1, j2 in _joined(matcher.get_opcodes(), left):
        if tag in ("equal", "delete", "replace") and i1 < i2:
            _add(out, "equal" if tag == "equal" else "delete", "".join(left[i1:i2]))
        if tag in ("insert", "replace") and j1 < j2:
            _add(out, "insert", "".join(right[j1:j2]))
    return tuple(out)


Opcode = tuple[str, int, int, int, int]


def _joined(opcodes: Sequence[Opcode], left: list[str]) -> list[Opcode]:
    """Replacements separated only by whitespace become one ("LOMBOK TIMUR" -> "REJANG LEBONG")."""
    out: list[Opcode] = []
    for code in opcodes:
        if (
            code[0] == "replace"
            and len(out) >= 2
            and out[-2][0] == "replace"
            and out[-1][0] == "equal"
            and "".join(left[out[-1][1] : out[-1][2]]).isspace()
        ):
            out[-2:] = [("replace", out[-2][1], code[2], out[-2][3], code[4])]
        else:
            out.append(code)
    return out


def _add(out: list[Op], kind: OpKind, text: str) -> None:
    if out and out[-1].op == kind:
        out[-1] = Op(kind, out[-1].text + text)
    else:
        out.append(Op(kind, text))


def side(run: tuple[Op, ...], which: Literal["a", "b"]) -> str:
    """The text of side ``which`` of ``run`` (A: equal + delete; B: equal + insert)."""
    skip = "insert" if which == "a" else "delete"
    return "".join(op.text for op in run if op.op != skip)
