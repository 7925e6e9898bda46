"""Location words: where a node sits, as a drafter names it ("Pasal 12 ayat (2) huruf b")."""

from __future__ import annotations

from collections.abc import Iterator

from jamsostek_regs.model import Draft, Node

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


def item_words(label: str) -> str:
    """Reference words of a list label: "b." -> "huruf b", "3." -> "angka 3", "a)" -> "huruf a)"."""
    bare = label.rstrip(".")
    if not bare:
        return "rincian"
    word = "angka" if bare[0].isdigit() else "huruf"
    return f"{word} {bare}"


def _part(part: Node) -> Iterator[tuple[Node, str]]:
    if part.kind == "pembukaan":
        yield from _pembukaan(part)
    elif part.kind == "batang_tubuh":
        yield from _groups(part.children, "")
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
        else:
            lead = "Menimbang" if child.kind == "konsiderans" else "Mengingat"
            yield from _items(child.children, lead)
            yield child, lead
    yield part, "pembukaan"


def _groups(children: tuple[Node, ...], prefix: str) -> Iterator[tuple[Node, str]]:
    for node in children:
        if node.kind == "pasal":
            yield from _pasal(node)
            continue
        word = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf"}[node.kind]
        where = f"{prefix} {word} {node.num}".strip()
        yield node, where
        yield from _groups(node.children, where)


def _pasal(pasal: Node) -> Iterator[tuple[Node, str]]:
    where = f"Pasal {pasal.num}"
    yield pasal, where
    for ayat in pasal.children:
        here = f"{where} ayat {ayat.num}" if ayat.num else where
        yield ayat, here
        yield from _items(ayat.children, here)


def _items(items: tuple[Node, ...], prefix: str) -> Iterator[tuple[Node, str]]:
    for item in items:
        here = f"{prefix} {item_words(item.num)}" if item.num else prefix
        yield item, here
        yield from _items(item.children, here)


def _penutup(part: Node) -> Iterator[tuple[Node, str]]:
    for child in part.children:
        yield child, _PENUTUP.get(child.key.rsplit(".", 1)[-1], "penutup")
    yield part, "penutup"


def _lampiran(part: Node) -> Iterator[tuple[Node, str]]:
    where = f"Lampiran {part.num}".strip()
    for child in part.children:
        if child.kind == "pengesahan":
            role = "kepala" if child.key.endswith("kepala") else "tanda tangan"
            yield child, f"{where} ({role})"
        else:
            yield child, where
            yield from _items(child.children, where)
    yield part, where
