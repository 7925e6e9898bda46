"""Rules of an amending Perkada (root ``perubahan``): judul, Pasal I and II, the change formulas.

* R11: the name reads "PERUBAHAN ATAS ...", from the second amendment "PERUBAHAN KEDUA ATAS ..."
  (Lampiran II UU 12/2011 angka 3 jo. 233b);
* R124: the batang tubuh holds exactly Pasal I and Pasal II, numbered in Roman (angka 233, 233c);
* R125: every change of Pasal I is numbered 1., 2., ... and written in a statutory formula,
  counts as "1 (satu)" (angka 233 to 236, 234a, 236a to 236b).

They check nothing on a Perkada that amends nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jamsostek_regs.lint.context import Context
from jamsostek_regs.lint.registry import Hit, rule
from jamsostek_regs.model import Draft, Node

_NAME = re.compile(
    r"^PERUBAHAN (?:(?:KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM|KETUJUH|KEDELAPAN|KESEMBILAN) )?ATAS \S"
)
_UNIT = (
    r"(?:Pasal \d+[A-Z]?|BAB [IVXLC]+[A-Z]?|Bagian \w+(?: [A-Z])?|Paragraf \d+[A-Z]?|Lampiran(?: [IVXLC]+)?)"
)
_COUNT = r"\d+ \([a-z ]+\) (?:bab|bagian|paragraf|pasal|ayat)"
_PIECE = r"(?:(?:huruf|angka) \w+\)?|ayat \(\d+[a-z]?\))"
_ADDRESS = rf"{_PIECE}(?: {_PIECE})*"
_ADDRESSES = rf"{_ADDRESS}(?:(?:, dan |, | dan ){_ADDRESS})*"
_FORMULAS = (
    re.compile(rf"^Ketentuan {_UNIT} diubah sehingga berbunyi sebagai berikut:$"),
    re.compile(
        rf"^Ketentuan {_ADDRESSES} {_UNIT} (?:diubah|dihapus) sehingga {_UNIT} berbunyi sebagai berikut:$"
    ),
    re.compile(
        rf"^Di antara .+ disisipkan {_COUNT}, yakni .+ sehingga (?:{_UNIT} )?berbunyi sebagai berikut:$"
    ),
    re.compile(
        rf"^Setelah .+ ditambahkan {_COUNT}, yakni .+ sehingga (?:{_UNIT} )?berbunyi sebagai berikut:$"
    ),
    re.compile(rf"^(?:{_UNIT}|{_UNIT} .+) dihapus\.$"),
    re.compile(rf"^Judul {_UNIT}.* diubah sehingga berbunyi sebagai berikut:$"),
    re.compile(
        rf"^Ketentuan {_UNIT}(?: Peraturan .+)? diubah sehingga menjadi sebagaimana tercantum dalam {_UNIT} "
        r"yang merupakan "
        r"bagian tidak terpisahkan dari .+ ini\.$"
    ),
)
_BARE_COUNT = re.compile(r"disisipkan \(\d+\)|ditambahkan \(\d+\)")


def _pasal(draft: Draft) -> tuple[Node, ...]:
    return tuple(n for n in draft.part("batang_tubuh").children if n.kind == "pasal")


@rule(
    "R11", "error", "Lampiran II UU 12/2011 angka 3 dan 233b", "Nama peraturan perubahan: PERUBAHAN ATAS ..."
)
def perubahan_name(draft: Draft, _ctx: Context) -> Iterator[Hit]:
    if draft.root.kind != "perubahan":
        return
    nama = draft.find("judul.nama")
    if nama is not None and not _NAME.match(nama.plain()):
        yield Hit(
            nama.key,
            'Nama peraturan perubahan diawali "PERUBAHAN ATAS", atau "PERUBAHAN KEDUA ATAS" dan seterusnya.',
        )


@rule(
    "R124",
    "error",
    "Lampiran II UU 12/2011 angka 233 dan 233c",
    "Batang tubuh perubahan: Pasal I dan Pasal II",
)
def perubahan_pasal(draft: Draft, _ctx: Context) -> Iterator[Hit]:
    if draft.root.kind != "perubahan":
        return
    pasal = _pasal(draft)
    if [p.num for p in pasal] != ["I", "II"] or len(pasal) != len(draft.part("batang_tubuh").children):
        yield Hit(
            "batang_tubuh",
            "Batang tubuh peraturan perubahan terdiri atas Pasal I dan Pasal II (angka Romawi).",
        )


@rule("R125", "error", "Lampiran II UU 12/2011 angka 233-236", "Rumusan perubahan dalam Pasal I")
def perubahan_formulas(draft: Draft, _ctx: Context) -> Iterator[Hit]:
    if draft.root.kind != "perubahan":
        return
    changes = [n for n in draft.walk() if n.kind == "change"]
    for index, change in enumerate(changes, 1):
        text = change.plain()
        if change.num != f"{index}.":
            yield Hit(change.key, f'Perubahan ke-{index} diberi nomor "{index}.", bukan "{change.num}".')
        if _BARE_COUNT.search(text):
            yield Hit(change.key, 'Jumlah yang disisipkan ditulis dengan angka dan huruf: "1 (satu)".')
        elif not any(f.match(text) for f in _FORMULAS):
            yield Hit(
                change.key,
                f'Rumusan perubahan tidak dikenal: "{text}"; gunakan rumusan Lampiran II angka 233-236.',
            )
        if change.children and not text.endswith("berikut:"):
            yield Hit(
                change.key, 'Ketentuan yang dirumuskan ulang didahului "sehingga berbunyi sebagai berikut:".'
            )
