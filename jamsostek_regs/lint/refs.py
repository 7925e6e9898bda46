"""Reading references in running text: "Pasal 7 ayat (2) dan ayat (4), Pasal 12, dan Pasal 13".

An *address* is a run of reference words in hierarchical order (Pasal, ayat, huruf/angka);
a *chain* is a list of addresses joined by ", ", " dan ", " atau ", " sampai dengan " ... A chain
followed by the name of another regulation ("Pasal 2 Peraturan Pemerintah Nomor ...") is
*external*: it points outside the draft and is never resolved against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from jamsostek_regs.citing import label
from jamsostek_regs.model import Node
from jamsostek_regs.numerals import parse_letter_label

_TOKEN = re.compile(
    r"(?<![\w-])(?:Pasal (?P<pasal>\d+[A-Z]?)|ayat \((?P<ayat>\d+[a-z]?)\)"
    r"|huruf (?P<huruf>[a-z]{1,2}\)?)|angka (?P<angka>\d+\)?))(?![\w(])"
)
_RANK = {"pasal": 0, "ayat": 1, "huruf": 2, "angka": 2}
_SEPARATOR = re.compile(r"(?:,? (?:dan/atau|dan|atau|sampai dengan) |, )")
_EXTERNAL = re.compile(r"^,? (?:Undang-Undang|Peraturan|Keputusan|Instruksi|Qanun|Kitab)\b")

Part = tuple[str, str]  # (unit, value): ("pasal", "5"), ("ayat", "2"), ("huruf", "b")


@dataclass(frozen=True, slots=True)
class Address:
    """One reference: its parts from the outermost unit in, and its span in the text."""

    parts: tuple[Part, ...]
    start: int
    end: int

    @property
    def unit(self) -> str:
        """The outermost unit named ("pasal", "ayat", "huruf" or "angka")."""
        return self.parts[0][0]

    def value(self, unit: str) -> str | None:
        """The value of ``unit`` in this address, if named."""
        return next((v for u, v in self.parts if u == unit), None)


@dataclass(frozen=True, slots=True)
class Chain:
    """Addresses joined by separators; ``external`` when they point to another regulation."""

    addresses: tuple[Address, ...]
    external: bool


def _tokens(text: str) -> Iterator[tuple[Part, int, int]]:
    for m in _TOKEN.finditer(text):
        unit = next(u for u in _RANK if m[u] is not None)
        yield (unit, m[unit]), m.start(), m.end()


def addresses(text: str) -> list[Address]:
    """The addresses of ``text`` in order."""
    out: list[Address] = []
    for part, start, end in _tokens(text):
        last = out[-1] if out else None
        if last is not None and text[last.end : start] == " " and _RANK[part[0]] >= _RANK[last.parts[-1][0]]:
            out[-1] = Address((*last.parts, part), last.start, end)
        else:
            out.append(Address((part,), start, end))
    return out


def _inherit(previous: Address, address: Address) -> Address:
    """ "Pasal 7 ayat (2) dan ayat (4)": the second address is Pasal 7 ayat (4)."""
    outer = tuple(p for p in previous.parts if _RANK[p[0]] < _RANK[address.unit])
    return Address((*outer, *address.parts), address.start, address.end)


@lru_cache(maxsize=4096)
def chains(text: str) -> tuple[Chain, ...]:
    """The reference chains of ``text`` in order; later addresses inherit the outer units they omit.

    Cached: the same clause texts recur in every draft of a batch, and several rules read them.
    """
    groups: list[list[Address]] = []
    for address in addresses(text):
        if groups and _SEPARATOR.fullmatch(text[groups[-1][-1].end : address.start]):
            groups[-1].append(_inherit(groups[-1][-1], address))
        else:
            groups.append([address])
    return tuple(Chain(tuple(g), bool(_EXTERNAL.match(text[g[-1].end :]))) for g in groups)


def number(value: str | None) -> int:
    """The leading number of a Pasal or ayat value ("5A" -> 5), or 0."""
    digits = re.match(r"\d+", value or "")
    return int(digits.group()) if digits else 0


def ordinal(value: str) -> int | None:
    """The position a list label stands for ("c" -> 3, "2)" -> 2), if it is one."""
    bare = value.rstrip(")")
    if bare.isdigit():
        return int(bare)
    try:
        return parse_letter_label(bare)
    except ValueError:
        return None


def resolves(address: Address, pasal: Node | None, ayat: Node | None, pasals: tuple[Node, ...]) -> bool:
    """Whether ``address``, read inside ``pasal`` and ``ayat``, names a node of the draft."""
    if address.unit == "pasal":
        pasal = next((p for p in pasals if p.num == address.value("pasal")), None)
    if pasal is None:
        return False
    ayat_value = address.value("ayat")
    if ayat_value is not None:
        ayat = next((a for a in pasal.children if a.num == f"({ayat_value})"), None)
    elif address.unit == "pasal":
        ayat = pasal.children[0] if len(pasal.children) == 1 else None
    labels = [v for u, v in address.parts if u in {"huruf", "angka"}]
    if not labels:
        return ayat is not None or ayat_value is None
    return ayat is not None and _item_path(ayat, labels)


def _item_path(parent: Node, labels: list[str]) -> bool:
    if not labels:
        return True
    child = next((c for c in parent.children if c.kind == "item" and label(c) == labels[0]), None)
    return child is not None and _item_path(child, labels[1:])
