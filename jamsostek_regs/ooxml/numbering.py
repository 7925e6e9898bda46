"""Word's automatic numbering: the label a numbered paragraph shows, which is not in its text.

A paragraph is numbered by its ``w:numPr`` (list ``w:numId``, level ``w:ilvl``), or by its
style's. The list points to an abstract numbering (``numbering.xml``) whose levels give the
start value (``w:start``), the number format (``w:numFmt``: decimal, lowerLetter, upperLetter,
lowerRoman, upperRoman, ...) and the level text (``w:lvlText``: ``"%1."``, ``"(%1)"``,
``"%2)"``). A list may restart a level (``w:lvlOverride/w:startOverride``).

:class:`Counters` replays the numbering in document order as Word does: the counters of one
abstract numbering are shared by its lists; a level counts on from its last value; using a
level restarts every deeper level (unless its ``w:lvlRestart`` is 0). Whatever the part holds
(missing levels, formats Word would ignore), a label is computed or ``""``; nothing raises.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree import ElementTree

from jamsostek_regs.numerals import letter_label, roman
from jamsostek_regs.ooxml.names import w

_LEVELS = 9
#: The largest value written in a format other than Arabic (Roman numerals end at 3999).
_LARGEST = 3999
_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": letter_label,
    "upperLetter": lambda n: letter_label(n).upper(),
    "lowerRoman": lambda n: roman(n).lower(),
    "upperRoman": roman,
}


@dataclass(frozen=True, slots=True)
class Level:
    """One level of an abstract numbering."""

    start: int = 1
    format: str = "decimal"
    text: str = ""
    restarts: bool = True


@dataclass(slots=True)
class _List:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)
    used: bool = False


class Counters:
    """The numbering definitions of one document and the counters of its lists."""

    def __init__(self, part: bytes | None) -> None:
        self.levels: dict[str, dict[int, Level]] = {}
        self.lists: dict[str, _List] = {}
        self.values: dict[str, list[int]] = {}
        if part:
            self._load(part)

    def _load(self, part: bytes) -> None:
        try:
            root = ElementTree.fromstring(part)
        except ElementTree.ParseError:
            return
        for abstract in root.iter(w("abstractNum")):
            levels = {}
            for lvl in abstract.iter(w("lvl")):
                levels[_int(lvl.get(w("ilvl")), 0)] = Level(
                    _int(_val(lvl, "start"), 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                    _val(lvl, "lvlRestart") != "0",
                )
            self.levels[abstract.get(w("abstractNumId"), "")] = levels
        for num in root.iter(w("num")):
            overrides = {
                _int(o.get(w("ilvl")), 0): _int(_val(o, "startOverride"), 1)
                for o in num.iter(w("lvlOverride"))
                if o.find(w("startOverride")) is not None
            }
            self.lists[num.get(w("numId"), "")] = _List(_val(num, "abstractNumId") or "", overrides)

    def label(self, num_id: str, level: int) -> str:
        """The label of the next paragraph of list ``num_id`` at ``level``; ``""`` for none."""
        found = self.lists.get(num_id)
        if found is None or not 0 <= level < _LEVELS:
            return ""
        levels = self.levels.get(found.abstract, {})
        values = self.values.setdefault(found.abstract, [0] * _LEVELS)
        if not found.used:
            found.used = True
            for at, start in found.overrides.items():
                if 0 <= at < _LEVELS:
                    values[at] = start - 1
        values[level] = values[level] + 1 if values[level] else levels.get(level, Level()).start
        for deeper in range(level + 1, _LEVELS):
            if levels.get(deeper, Level()).restarts:
                values[deeper] = 0
        return _text(levels.get(level, Level()).text, levels, values)


def _text(template: str, levels: dict[int, Level], values: list[int]) -> str:
    """``template`` ("%1.%2)") with each ``%n`` replaced by level n-1's value in its format."""
    out, i = [], 0
    while i < len(template):
        char = template[i]
        if char == "%" and i + 1 < len(template) and template[i + 1] in "123456789":
            at = int(template[i + 1]) - 1
            level = levels.get(at, Level())
            out.append(_format(level.format, values[at] or level.start))
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


def _format(name: str, value: int) -> str:
    """``value`` in the number format ``name`` (Arabic when out of any list's range)."""
    if not 1 <= value <= _LARGEST:
        return str(value)
    written = _FORMATS.get(name)
    return written(value) if written is not None else ""


def _val(element: ElementTree.Element, child: str) -> str | None:
    found = element.find(w(child))
    return found.get(w("val")) if found is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
