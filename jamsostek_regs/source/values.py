"""Text values of region files: normalised, and checked for what would corrupt a draft.

The rule, applied to every key and every text value of a region file each time it is loaded
(so ``validate``, ``assemble`` and every other command see the same values):

1. **Normalised to Unicode NFC**, so a letter typed as base plus combining accent (as some
   word processors paste it) equals the same letter typed precomposed.
2. **Whitespace collapsed**: every run of whitespace (spaces, tabs, line breaks, no-break and
   other Unicode spaces) becomes one space, and leading and trailing whitespace is removed.
   Every value prints on one line of the draft, so this loses nothing; a value that is only
   whitespace becomes empty (and a required text then fails the schema).
3. **Rejected**, naming the key, its line and column and the character's place in the value:

   * control characters (U+0000 to U+001F other than tab, line feed and carriage return, and
     U+007F to U+009F other than U+0085): they are not allowed in a DOCX;
   * lone surrogates (U+D800 to U+DFFF): not text at all (they come from undecodable bytes);
   * private-use characters (U+E000 to U+F8FF, planes 15 and 16): the tool uses U+E000 to
     U+E005 internally to mark references, provenance and template lines, and no font prints them;
   * noncharacters (U+FDD0 to U+FDEF and U+xxFFFE, U+xxFFFF): not allowed in a DOCX;
   * bidirectional controls (U+202A to U+202E, U+2066 to U+2069): they make the printed
     text read differently from the file the drafter checked.

Nothing is cleaned silently beyond rules 1 and 2.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from jamsostek_regs.errors import Problem
from jamsostek_regs.source.yamlsource import KeyPath, Located

_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
_ALLOWED_CONTROLS = frozenset("\t\n\r\x85")


def refusal(char: str) -> str:
    """Why ``char`` may not appear in a value, or ``""`` when it may."""
    code = ord(char)
    category = unicodedata.category(char)
    if category == "Cc" and char not in _ALLOWED_CONTROLS:
        return "a control character"
    if category == "Cs":
        return "a lone surrogate (not text; were undecodable bytes pasted?)"
    if category == "Co":
        return "a private-use character"
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return "a Unicode noncharacter"
    if code in _BIDI:
        return "a bidirectional control character"
    return ""


def normalise(text: str) -> str:
    """Rules 1 and 2: NFC, whitespace runs as one space, no leading or trailing whitespace."""
    return " ".join(unicodedata.normalize("NFC", text).split())


#: Texts in the clause dialect (``overrides[i].text``, ``additions[i].text``) keep their lines:
#: blank lines separate ayat and indentation nests rincian. Key paths with the list index left out.
CLAUSE_TEXTS = frozenset(
    {("overrides", "text"), ("additions", "text"), ("changes", "text"), ("lampiran", "text")}
)


def normalise_clause(text: str) -> str:
    """Rule 1; instead of rule 2 only trailing spaces and blank lines at both ends are removed."""
    lines = unicodedata.normalize("NFC", text).splitlines()
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def text_problem(text: str) -> str:
    """Rule 3 for one text: a message naming the first refused character, or ``""``."""
    for index, char in enumerate(text):
        why = refusal(char)
        if why:
            return f"character U+{ord(char):04X} ({why}) at character {index + 1} of the value; delete it"
    return ""


def clean(located: Located) -> tuple[Located, list[Problem]]:
    """``located`` with every text normalised, and a problem for each text rule 3 refuses."""
    problems: list[Problem] = []
    data = _clean(located.data, (), located, problems)
    return Located(located.path, data, located.positions), problems


def _clean(value: Any, path: KeyPath, located: Located, problems: list[Problem]) -> Any:
    if isinstance(value, str):
        message = text_problem(value)
        if message:
            problems.append(located.problem(path, message))
            return value
        return normalise_clause(value) if path[::2] in CLAUSE_TEXTS else normalise(value)
    if isinstance(value, list):
        return [_clean(item, (*path, i), located, problems) for i, item in enumerate(value)]
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            message = text_problem(key)
            if message:
                problems.append(located.problem((*path, key), f"in the key: {message}"))
            out[key] = _clean(item, (*path, key), located, problems)
        return out
    return value
