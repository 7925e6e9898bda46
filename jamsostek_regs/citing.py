"""How a drafter cites a node: the kind words, the labels and whole citations.

The only place that turns a numbered node, or a chain of them, into the words of a citation
("Pasal 5 ayat (2) huruf a angka 3", "BAB III", "Lampiran II", "Menimbang huruf c").
Numbering (the word in an anchor id), the reference resolver, the layout's headings, lint's
locations and the diff's addresses all call it, so they cannot disagree.

Words (Lampiran II UU 12/2011): "BAB" with its Roman number (angka 72), "Bagian" with its
ordinal word (angka 73, 74), "Paragraf" with its Arabic number (angka 75, 76), "Pasal" with a
capital P (angka 79, 80), "ayat" in lower case with its number in parentheses (angka 82, 84),
"Lampiran" with its Roman number, or alone when there is only one (angka 194; R105). A
rincian is cited by "huruf" when its label is a letter and by "angka" when it is a number
(angka 92 to 95; the numbered definitions of angka 101 are "angka" too: "Pasal 1 angka 12").
The groups of the pembukaan are cited by their lead word, "Menimbang" and "Mengingat"
(angka 17, 28).

**Nested rincian** (R54: ``a.`` -> ``1.`` -> ``a)`` -> ``1)``). A rincian's label is cited
without the period of ``a.`` and ``1.`` but *with* the closing parenthesis of ``a)`` and
``1)``: "huruf a", "angka 1", "huruf a)", "angka 1)", so a fourth-level rincian is "Pasal 5
ayat (2) huruf a angka 1 huruf b) angka 3)". Source: Lampiran II UU 12/2011 names the markers
of the four levels in words exactly so: "Tiap rincian ditandai dengan huruf a, huruf b, dan
seterusnya" (angka 92), "ditandai dengan angka Arab 1, 2, dan seterusnya" (angka 93),
"ditandai dengan huruf a), b), dan seterusnya" (angka 94), "ditandai dengan angka 1), 2), dan
seterusnya" (angka 95). Its citation examples reach the first level only ("sebagaimana dimaksud
dalam Pasal 4 ayat (2) huruf a", angka 272; "kecuali ayat (4) huruf a", angka 274), and they
write it as angka 92 names it. Angka 87 huruf g calls both the period and the parenthesis
"tanda baca", which alone might suggest dropping both; the explicit naming of angka 94 and 95
decides, and it keeps the level in the words ("huruf a" is a first-level rincian, "huruf a)"
a third-level one). Lint's reading of references (:mod:`jamsostek_regs.lint.refs`) accepts
this form. An anchor id cannot hold the parenthesis, so numbering drops it there
("...__huruf_a"), keeping only the word from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jamsostek_regs.model import Kind, Node

#: The word of each kind cited by its kind (a rincian is cited by the form of its label).
_WORDS: dict[Kind, str] = {
    "bab": "BAB",
    "bagian": "Bagian",
    "paragraf": "Paragraf",
    "pasal": "Pasal",
    "ayat": "ayat",
    "lampiran": "Lampiran",
    "konsiderans": "Menimbang",
    "dasar_hukum": "Mengingat",
}

#: Every kind of node a citation can name.
CITED: frozenset[Kind] = frozenset({*_WORDS, "item"})


def item_word(label: str) -> str:
    """The word citing a rincian labelled ``label``: "huruf" for "a." or "b)", "angka" for "1." or "2)"."""
    return "angka" if label[:1].isdigit() else "huruf"


def word(node: Node) -> str:
    """The word citing ``node``: "BAB", "Bagian", "Paragraf", "Pasal", "ayat", "Lampiran",
    "Menimbang", "Mengingat"; "huruf" or "angka" for a rincian.

    Raises:
        ValueError: ``node`` is of a kind no citation names (a line, a table, the judul ...).
    """
    if node.kind == "item":
        return item_word(node.num)
    if node.kind not in _WORDS:
        raise ValueError(f"a {node.kind} is not cited")
    return _WORDS[node.kind]


def label(node: Node) -> str:
    """The number of ``node`` as a citation writes it: "III", "Kesatu", "5", "(2)"; a rincian's
    label without its period ("a", "3") but with its closing parenthesis ("a)", "1)")."""
    return node.num.removesuffix(".") if node.kind == "item" else node.num


def cite(node: Node) -> str:
    """How a drafter names ``node`` on its own: "BAB III", "Bagian Kesatu", "Pasal 5", "ayat (2)",
    "huruf a", "angka 3)", "Lampiran II", "Menimbang"; "Lampiran" for the only lampiran.

    An ayat or rincian without a number (the only ayat of a Pasal, the only item of a
    Menimbang) is not named: its citation is "" and the citation of its parent stands for it.
    """
    if node.kind in {"ayat", "item"} and not node.num:
        return ""
    return f"{word(node)} {label(node)}".rstrip()


def citation(chain: Iterable[Node]) -> str:
    """The citation of the last node of ``chain``, naming each node of it from the outermost in:
    (Pasal 5, its ayat (2), rincian a., its rincian 3.) -> "Pasal 5 ayat (2) huruf a angka 3";
    (BAB II, its Bagian Kesatu) -> "BAB II Bagian Kesatu". Unnamed nodes (:func:`cite`) are skipped.
    """
    return " ".join(filter(None, (cite(node) for node in chain)))


#: Words a title keeps in lower case inside it ("Pembentukan Kabupaten X di Provinsi Y").
_SMALL = frozenset(
    {"dan", "atau", "di", "ke", "dari", "yang", "untuk", "atas", "bagi", "dalam", "pada", "oleh"}
)


def running_title(upper: str, menimbang: Iterable[str] = ()) -> str:
    """The name of a regulation as its judul prints it (``upper``, in capitals) as running text
    writes it: as a Menimbang item writes it ("... perlu menetapkan Peraturan Bupati tentang
    Optimalisasi ..."), or else in title case with the small words in lower case."""
    for text in menimbang:
        found = re.search(r"tentang (.+?);?$", text)
        if found and found[1].upper() == upper:
            return found[1]
    words = upper.lower().split()
    return " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))
