"""Location words: where a node sits, as a drafter names it ("Pasal 12 ayat (2) huruf b").

Numbered nodes are named by :mod:`jamsostek_regs.citing`; the other parts (judul, the lines of
the pembukaan and penutup, signature blocks) by the words below.
"""

from __future__ import annotations

from collections.abc import Iterator

from jamsostek_regs.citing import citation, cite
from jamsostek_regs.model import Draft, Node

Chain = tuple[Node, ...]

_PEMBUKAAN_LINES = {"frasa": "frasa pembukaan", "jabatan": "jabatan pembentuk"}
_PENUTUP = {
    "perintah": "penutup (perintah pengundangan)",
    "ditetapkan": "penutup (penetapan)",
    "diundangkan": "penutup (pengundangan)",
    "berita": "penutup (Berita Daerah)",
}


def places(draft: Draft) -> dict[str, str]:
    """Map every node key of ``draft`` to its location words."""
    out: dict[str, str] = {}
    for part in draft.root.children:
        for node, where in _part(part):
            out[node.key] = where
            out.update((d.key, where) for d in node.walk() if d.key not in out)
    return out


def _part(part: Node) -> Iterator[tuple[Node, str]]:
    if part.kind == "pembukaan":
        yield from _pembukaan(part)
    elif part.kind == "batang_tubuh":
        yield from _groups(part.children, ())
        yield part, "batang tubuh"
    elif part.kind == "penutup":
        yield from _penutup(part)
    elif part.kind == "lampiran":
        yield from _lampiran(part)
    else:
        yield part, part.kind.replace("_", " ")


def _pembukaan(part: Node) -> Iterator[tuple[Node, str]]:
    for child in part.children:
        if child.kind == "line":
            yield child, _PEMBUKAAN_LINES.get(child.key.rsplit(".", 1)[-1], "pembukaan")
        elif child.kind == "diktum":
            yield child, "diktum"
        else:  # Menimbang, Mengingat
            yield from _items(child.children, (child,))
            yield child, cite(child)
    yield part, "pembukaan"


def _groups(children: tuple[Node, ...], outer: Chain) -> Iterator[tuple[Node, str]]:
    for node in children:
        if node.kind == "pasal":
            yield from _pasal(node)
            continue
        chain = (*outer, node)
        yield node, citation(chain)
        yield from _groups(node.children, chain)


def _pasal(pasal: Node) -> Iterator[tuple[Node, str]]:
    yield pasal, cite(pasal)
    for ayat in pasal.children:
        yield ayat, citation((pasal, ayat))
        yield from _items(ayat.children, (pasal, ayat))


def _items(items: tuple[Node, ...], outer: Chain) -> Iterator[tuple[Node, str]]:
    for item in items:  # a table, its rows and cells are placed where their list is
        chain = (*outer, item) if item.kind == "item" else outer
        yield item, citation(chain)
        yield from _items(item.children, chain)


def _penutup(part: Node) -> Iterator[tuple[Node, str]]:
    for child in part.children:
        yield child, _PENUTUP.get(child.key.rsplit(".", 1)[-1], "penutup")
    yield part, "penutup"


def _lampiran(part: Node) -> Iterator[tuple[Node, str]]:
    where = cite(part)
    for child in part.children:
        if child.kind == "pengesahan":
            role = "kepala" if child.key.endswith("kepala") else "tanda tangan"
            yield child, f"{where} ({role})"
        else:
            yield child, where
            yield from _items(child.children, (part,))
    yield part, where
