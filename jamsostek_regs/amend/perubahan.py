"""The amending Perkada as a tree of its own kind (root ``perubahan``), which every writer prints.

Its parts follow Lampiran II UU 12/2011 angka 230 to 236 and the rulebook's R11, R124 to R127:

* judul: "PERUBAHAN ATAS PERATURAN BUPATI X NOMOR 2 TAHUN 2017 TENTANG ..." ("PERUBAHAN KEDUA
  ATAS" from the second amendment, without listing the earlier ones, R11);
* pembukaan: its own Menimbang (why the enacted Perkada is changed) and the Mengingat of the new
  draft with the amended Perkada as its last item, cited with its Berita Daerah and the amendments
  it already had (Lampiran II angka 41a as amended by UU 13/2022, R36: the regulation to be
  amended is cited in the dasar hukum; it is the lowest in the hierarchy, so last, R30);
* batang tubuh: Pasal I (the amended Perkada cited in full with its Berita Daerah, and the
  instrument that amended it before, or every one of them as a., b., c. when there were more
  (R127); then the numbered changes of :mod:`.changes`, each a ``change`` node holding the
  restated units) and Pasal II (commencement), numbered in Roman (R124);
* the new draft's penutup, and the changed lampiran, headed with the amending Perkada's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from jamsostek_regs.amend.changes import Change
from jamsostek_regs.amend.snapshot import UNKNOWN
from jamsostek_regs.citing import running_title
from jamsostek_regs.model import Draft, Node
from jamsostek_regs.numerals import letter_label, ordinal_word, roman

#: How Pasal I's opening sentence ends, before the numbered changes.
BERIKUT = "diubah sebagai berikut:"


@dataclass(frozen=True, slots=True)
class Amended:
    """The enacted Perkada as Pasal I cites it.

    Attributes:
        number: its number; year: its year; gazette: its Berita Daerah number ("..." unknown).
        earlier: the instruments that already amended it, oldest first, as (number, year, gazette).
    """

    number: int
    year: int
    gazette: str = UNKNOWN
    earlier: tuple[tuple[int, int, str], ...] = ()


def peraturan(enacted: Draft) -> str:
    """The instrument's kind in running text: "Peraturan Bupati", "Peraturan Wali Kota"."""
    jenis = _line(enacted, "judul.jenis")
    return jenis.removesuffix(" " + enacted.meta.region_name.upper()).title()


def named(enacted: Draft, amended: Amended) -> str:
    """The amended Perkada by name, with the last amendment it had, as a formula of Pasal I names
    it when it changes its lampiran: "Peraturan Bupati Lahat Nomor 5 Tahun 2024 tentang ...
    sebagaimana telah diubah dengan Peraturan Bupati Lahat Nomor 2 Tahun 2026 tentang Perubahan
    atas ..." (UU 13/2022 Pasal I angka 18)."""
    jenis = _line(enacted, "judul.jenis").title()
    running = f"{jenis} Nomor {amended.number} Tahun {amended.year} tentang {running_name(enacted)}"
    if not amended.earlier:
        return running
    number, year, _gazette = amended.earlier[-1]
    chain = "diubah dengan" if len(amended.earlier) == 1 else "beberapa kali diubah, terakhir dengan"
    last = f"{_ordinal(len(amended.earlier))} atas {running}"
    return f"{running} sebagaimana telah {chain} {jenis} Nomor {number} Tahun {year} tentang {last}"


def _line(draft: Draft, key: str) -> str:
    node = draft.find(key)
    return node.plain() if node is not None else ""


def running_name(draft: Draft) -> str:
    """The regulation's name in running text ("Optimalisasi Pelaksanaan ..."): from its title, or
    for a Perkada read from a DOCX (whose title is the judul in capitals) from its judul and
    Menimbang."""
    name = draft.meta.title.partition(" tentang ")[2]
    if name:
        return name
    menimbang = draft.find("menimbang")
    items = [n.plain() for n in menimbang.children] if menimbang is not None else []
    return running_title(_line(draft, "judul.nama"), items)


def build(
    enacted: Draft, amended: Amended, new: Draft, changes: Sequence[Change], reasons: Sequence[str] = ()
) -> Draft:
    """The Perubahan of ``enacted`` carrying ``changes``, with ``new``'s pembukaan and penutup;
    ``reasons`` are its Menimbang items before the closing one (none: one general item)."""
    kind = peraturan(enacted)
    jenis = _line(enacted, "judul.jenis")
    name = running_name(enacted)
    ordinal = _ordinal(len(amended.earlier) + 1)
    cited = f"{jenis} NOMOR {amended.number} TAHUN {amended.year} TENTANG {name.upper()}"
    nama = f"{ordinal.upper()} ATAS {cited}"
    running = f"{jenis.title()} Nomor {amended.number} Tahun {amended.year} tentang {name}"
    perubahan = f"{ordinal} atas {running}"  # the name in running text
    parts: list[Node] = [
        _judul(new, nama),
        _pembukaan(
            new, kind, nama, _menimbang(kind, running, perubahan, reasons), _cited(enacted, amended, running)
        ),
    ]
    parts.append(
        Node("batang_tubuh", "batang_tubuh", children=_pasal(enacted, amended, kind, running, changes))
    )
    parts.append(new.part("penutup"))
    parts.extend(_lampiran(new, nama, changes))
    title = f"{'Rancangan ' if new.meta.draft else ''}{jenis.title()} tentang {perubahan}"
    meta = replace(new.meta, title=title, attachments=())
    return Draft(meta, Node("perubahan", "perubahan", children=tuple(parts)))


def _judul(new: Draft, nama: str) -> Node:
    lines = tuple(
        replace(line, text=(nama,)) if line.key == "judul.nama" else line
        for line in new.part("judul").children
    )
    return new.part("judul").with_children(lines)


def _menimbang(kind: str, running: str, perubahan: str, reasons: Sequence[str]) -> Node:
    """The Perubahan's Menimbang: the region's reasons (or one general item), then the closing
    item citing them ("huruf a dan huruf b", R20, R24)."""
    given = list(reasons) or [
        f"bahwa {running} perlu disesuaikan dengan perkembangan kebutuhan hukum dan ketentuan "
        "peraturan perundang-undangan sehingga perlu diubah"
    ]
    letters = [letter_label(i) for i in range(1, len(given) + 1)]
    cited = [f"huruf {letter}" for letter in letters]
    if len(cited) > 2:
        cited = [", ".join(cited[:-1]) + ",", cited[-1]]
    closing = (
        f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {' dan '.join(cited)}, perlu menetapkan "
        f"{kind} tentang {perubahan}"
    )
    items = [
        *(
            (f"menimbang.perubahan_{i}" if i > 1 else "menimbang.perubahan", text)
            for i, text in enumerate(given, 1)
        ),
        ("menimbang.penetapan", closing),
    ]
    return Node(
        "konsiderans",
        "menimbang",
        children=tuple(
            Node("item", key, text=(text,), num=f"{letter_label(i)}.", eid=f"menimbang_{i}", end=";")
            for i, (key, text) in enumerate(items, 1)
        ),
    )


def _pembukaan(new: Draft, kind: str, nama: str, menimbang: Node, amended: str) -> Node:
    """The new draft's pembukaan with the Perubahan's ``menimbang``, the amended Perkada cited
    last in Mengingat (``amended``: its citation) and its own Menetapkan."""
    children = []
    for child in new.part("pembukaan").children:
        if child.kind == "konsiderans":
            child = menimbang
        elif child.kind == "dasar_hukum":
            n = len(child.children) + 1
            item = Node(
                "item",
                "mengingat.diubah",
                text=(amended,),
                style="rincian",
                num=f"{n}.",
                eid=f"mengingat_{n}",
                end=";",
            )
            child = child.with_children((*child.children, item))
        elif child.kind == "diktum":
            memutuskan, menetapkan = child.children
            menetapkan = replace(menetapkan, text=(f"{kind.upper()} TENTANG {nama}.",))
            child = child.with_children((memutuskan, menetapkan))
        children.append(child)
    return new.part("pembukaan").with_children(tuple(children))


def _cited(enacted: Draft, amended: Amended, running: str) -> str:
    """The amended Perkada as Mengingat cites it: with its Berita Daerah and, when it was amended
    before, "sebagaimana telah diubah dengan" the amendment, or "sebagaimana telah beberapa kali
    diubah, terakhir dengan" the last one (R35)."""
    cited, earlier = _gazetted(enacted, amended, running)
    jenis = _line(enacted, "judul.jenis").title()
    if not earlier:
        return cited
    chain = "diubah dengan" if len(earlier) == 1 else "beberapa kali diubah, terakhir dengan"
    return f"{cited} sebagaimana telah {chain} {jenis} {earlier[-1]}"


def _gazetted(enacted: Draft, amended: Amended, running: str) -> tuple[str, list[str]]:
    """The amended Perkada with its Berita Daerah, and each earlier amendment after its jenis
    ("Nomor 3 Tahun 2026 tentang Perubahan atas ... (Berita Daerah ...)")."""
    berita = f"Berita Daerah {_daerah(enacted)}"
    cited = f"{running} ({berita} Tahun {amended.year} Nomor {amended.gazette})"
    earlier = [
        f"Nomor {number} Tahun {year} tentang {_ordinal(n)} atas {running} ({berita} Tahun {year} Nomor {no})"
        for n, (number, year, no) in enumerate(amended.earlier, 1)
    ]
    return cited, earlier


def _pasal(
    enacted: Draft, amended: Amended, kind: str, running: str, changes: Sequence[Change]
) -> tuple[Node, ...]:
    jenis = _line(enacted, "judul.jenis").title()
    cited, earlier = _gazetted(enacted, amended, running)
    lead = "Beberapa ketentuan" if len(changes) > 1 else "Ketentuan"
    listed: tuple[Node, ...] = ()
    if len(earlier) == 1:
        text = f"{lead} dalam {cited} sebagaimana telah diubah dengan {jenis} {earlier[0]}, {BERIKUT}"
    elif earlier:  # R127: every earlier amendment, a., b., c., then the changes
        text = f"{lead} dalam {cited} yang telah beberapa kali diubah dengan {jenis}:"
        listed = (
            *(
                Node("item", f"perubahan.diubah_{i}", text=(words,), num=letter_label(i) + ".", end=";")
                for i, words in enumerate(earlier, 1)
            ),
            Node("line", "perubahan.diubah", text=(BERIKUT,)),
        )
    else:
        text = f"{lead} dalam {cited} {BERIKUT}"
    items = tuple(
        Node(
            "change",
            f"perubahan.{i}",
            text=(c.formula,),
            num=f"{i}.",
            eid=f"pasal_I__angka_{i}",
            children=c.nodes if c.restates else (),
        )
        for i, c in enumerate(changes, 1)
    )
    ayat = Node(
        "ayat", "perubahan.pasal_i.1", text=(text,), eid="pasal_I__ayat_1", children=(*listed, *items)
    )
    pasal_i = Node("pasal", "perubahan.pasal_i", num="I", eid="pasal_I", children=(ayat,))
    commencement = Node(
        "ayat",
        "perubahan.pasal_ii.1",
        text=(f"{kind} ini mulai berlaku pada tanggal diundangkan.",),
        eid="pasal_II__ayat_1",
    )
    return (pasal_i, Node("pasal", "perubahan.pasal_ii", num="II", eid="pasal_II", children=(commencement,)))


def _ordinal(n: int) -> str:
    """The name of the ``n``-th amendment: "Perubahan", "Perubahan Kedua", ... (R11)."""
    return "Perubahan" if n == 1 else f"Perubahan {ordinal_word(n)}"


def _daerah(draft: Draft) -> str:
    jenis = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}[draft.meta.level]
    return f"{jenis} {draft.meta.region_name}"


def _lampiran(new: Draft, nama: str, changes: Sequence[Change]) -> list[Node]:
    """The changed lampiran, headed as lampiran of the Perubahan (numbered when more than one)."""
    changed = [c.target for c in changes if c.mode == "lampiran"]
    out = []
    for index, key in enumerate(changed, 1):
        part = new.find(key)
        assert part is not None  # the merge refuses lampiran of one text only
        num = roman(index) if len(changed) > 1 else ""
        kepala, *rest = part.children
        heading = {f"{kepala.key}.lampiran": f"LAMPIRAN {num}".strip(), f"{kepala.key}.nama": nama}
        lines = tuple(
            replace(line, text=(heading[line.key],)) if line.key in heading else line
            for line in kepala.children
        )
        out.append(
            replace(part, num=num, eid=f"lampiran_{index}", children=(kepala.with_children(lines), *rest))
        )
    return out
