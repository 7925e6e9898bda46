"""Random edits of an enacted draft, as a drafter (or a new standard) would make them.

:func:`edited` draws a list of edits (texts changed, Pasal, ayat, rincian and BAB inserted and
deleted, Pasal moved, BAB and Bagian inserted and deleted, BAB titles and lampiran cells
changed) and applies them to a finished draft, then runs
the passes, so the result is a finished draft as the pipeline makes it: numbered afresh,
punctuated, its references resolved. A unit some reference points to is never deleted (the
pipeline would refuse the draft) and nothing is inserted before the first Pasal.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from jamsostek_regs.model import Draft, Node, Ref
from jamsostek_regs.passes import run
from tests.lint import mutate as m

Edit = Callable[[Draft, st.DrawFn, int], Draft]


def _body(draft: Draft) -> list[Node]:
    return list(draft.part("batang_tubuh").walk())


def _referenced(draft: Draft) -> set[str]:
    return {p.key for n in draft.walk() for p in n.text if isinstance(p, Ref)}


def _free(draft: Draft, node: Node) -> bool:
    """Whether no reference points into ``node``."""
    cited = _referenced(draft)
    return not any(n.key in cited for n in node.walk())


def _pick(draw: st.DrawFn, nodes: list[Node]) -> Node | None:
    return draw(st.sampled_from(nodes)) if nodes else None


def _text(draft: Draft, draw: st.DrawFn, n: int) -> Draft:
    node = _pick(draw, [x for x in _body(draft) if x.kind in {"ayat", "item"} and x.text])
    if node is None:
        return draft
    return m.change(draft, node.key, text=(*node.text, f" (diubah {n})"))


def _new_pasal(key: str, n: int) -> Node:
    return m.pasal(key, f"Ketentuan baru nomor {n}.")


def _insert_pasal(draft: Draft, draw: st.DrawFn, n: int) -> Draft:
    after = _pick(draw, [x for x in _body(draft) if x.kind == "pasal"])
    return draft if after is None else m.after(draft, after.key, _new_pasal(f"baru.pasal_{n}", n))


def _delete_pasal(draft: Draft, draw: st.DrawFn, _n: int) -> Draft:
    node = _pick(draw, [x for x in _body(draft) if x.kind == "pasal" and _free(draft, x)])
    return draft if node is None else m.drop(draft, node.key)


def _move_pasal(draft: Draft, draw: st.DrawFn, _n: int) -> Draft:
    pasal = [x for x in _body(draft) if x.kind == "pasal"]
    moved = _pick(draw, pasal[1:])  # the first stays first: nothing may come before it
    if moved is None or len(pasal) < 3:
        return draft
    after = _pick(draw, [p for p in pasal if p.key != moved.key])
    assert after is not None
    return m.after(m.drop(draft, moved.key), after.key, moved)


def _insert_ayat(draft: Draft, draw: st.DrawFn, n: int) -> Draft:
    pasal = _pick(draw, [x for x in _body(draft) if x.kind == "pasal" and len(x.children) > 1])
    if pasal is None:
        return draft
    after = draw(st.sampled_from(pasal.children))
    return m.after(draft, after.key, m.ayat(f"baru.ayat_{n}", f"Ayat baru nomor {n}."))


def _delete_ayat(draft: Draft, draw: st.DrawFn, _n: int) -> Draft:
    pasal = _pick(draw, [x for x in _body(draft) if x.kind == "pasal" and len(x.children) > 2])
    if pasal is None:
        return draft
    ayat = _pick(draw, [a for a in pasal.children[1:] if _free(draft, a)])
    return draft if ayat is None else m.drop(draft, ayat.key)


def _insert_item(draft: Draft, draw: st.DrawFn, n: int) -> Draft:
    item = _pick(draw, [x for x in _body(draft) if x.kind == "item"])
    return (
        draft
        if item is None
        else m.after(draft, item.key, Node("item", f"baru.item_{n}", text=(f"hal baru {n}",)))
    )


def _delete_item(draft: Draft, draw: st.DrawFn, _n: int) -> Draft:
    lists = [x for x in _body(draft) if sum(1 for c in x.children if c.kind == "item") > 2]
    parent = _pick(draw, lists)
    if parent is None:
        return draft
    item = _pick(draw, [c for c in parent.children if c.kind == "item" and _free(draft, c)])
    return draft if item is None else m.drop(draft, item.key)


def _insert_bab(draft: Draft, draw: st.DrawFn, n: int) -> Draft:
    after = _pick(draw, [x for x in draft.part("batang_tubuh").children if x.kind == "bab"])
    if after is None:
        return draft
    bab = Node(
        "bab", f"baru.bab_{n}", title=f"KETENTUAN BARU {n}", children=(_new_pasal(f"baru.bab_{n}.pasal", n),)
    )
    return m.after(draft, after.key, bab)


def _insert_bagian(draft: Draft, draw: st.DrawFn, n: int) -> Draft:
    after = _pick(draw, [x for x in _body(draft) if x.kind == "bagian"])
    if after is None:
        return draft
    bagian = Node(
        "bagian", f"baru.bagian_{n}", title=f"Bagian Baru {n}", children=(_new_pasal(f"baru.bg_{n}", n),)
    )
    return m.after(draft, after.key, bagian)


def _delete_heading(draft: Draft, draw: st.DrawFn, _n: int) -> Draft:
    headings = [x for x in _body(draft) if x.kind in {"bab", "bagian"} and _free(draft, x)]
    first = next(x for x in _body(draft) if x.kind == "pasal")
    node = _pick(draw, [h for h in headings if first.key not in {n.key for n in h.walk()}])
    return draft if node is None else m.drop(draft, node.key)


def _title(draft: Draft, draw: st.DrawFn, n: int) -> Draft:
    bab = _pick(draw, [x for x in draft.part("batang_tubuh").children if x.kind == "bab"])
    return draft if bab is None else m.change(draft, bab.key, title=f"{bab.title} BARU {n}")


def _lampiran(draft: Draft, draw: st.DrawFn, n: int) -> Draft:
    cells = [
        c
        for part in draft.root.children
        if part.kind == "lampiran"
        for c in part.walk()
        if c.kind in {"line", "item"}
        and c.text
        and not c.key.startswith(f"{part.key}.kepala")
        and not c.key.startswith(f"{part.key}.ttd")
    ]
    cell = _pick(draw, cells)
    return draft if cell is None else m.change(draft, cell.key, text=(*cell.text, f" baru {n}"))


EDITS: tuple[Edit, ...] = (
    _text,
    _insert_pasal,
    _delete_pasal,
    _move_pasal,
    _insert_ayat,
    _delete_ayat,
    _insert_item,
    _delete_item,
    _insert_bab,
    _insert_bagian,
    _delete_heading,
    _title,
    _lampiran,
)


class Edited:
    """A finished draft and the edits that made it (its repr, for a failing example: a plain
    class, so that hypothesis prints the edits and not the tree)."""

    def __init__(self, draft: Draft, log: tuple[str, ...]) -> None:
        self.draft = draft
        self.log = log

    def __repr__(self) -> str:
        return f"Edited({', '.join(self.log)})"


@st.composite
def edited(draw: st.DrawFn, enacted: Draft, max_edits: int = 6) -> Edited:
    """A finished draft made from ``enacted`` by up to ``max_edits`` random edits."""
    draft = enacted
    log = []
    for n, edit in enumerate(draw(st.lists(st.sampled_from(EDITS), min_size=1, max_size=max_edits)), 1):
        before = {x.key: x for x in draft.walk()}
        draft = edit(draft, draw, n)
        after = {x.key: x for x in draft.walk()}
        touched = sorted(
            {k for k in before.keys() ^ after.keys()}
            | {k for k in before.keys() & after.keys() if before[k] != after[k] and not after[k].children}
        )
        log.append(f"{edit.__name__.strip('_')}{touched[:3]}")
    return Edited(run(draft, frozenset()), tuple(log))
