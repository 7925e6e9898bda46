"""Problems in the drafter's language: the schema's messages put into Bahasa Indonesia.

The checks word their problems in English for the command line; the form shows them in
Indonesian. Each known wording has its translation here; a message no pattern knows is shown
as it is (the linter's findings are Indonesian already). :func:`diff_page` does the same for
the headings and classes of change of the side-by-side diff page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Sub = str | Callable[[re.Match[str]], str]

#: (pattern, translation); applied in order, each to the whole message.
_WORDS: list[tuple[re.Pattern[str], _Sub]] = [
    (re.compile(r"^required key is missing"), "wajib diisi"),
    (re.compile(r"^expected [^(]*\(got null\)$"), "wajib diisi"),  # a required field left empty
    (re.compile(r"^must not be empty"), "tidak boleh kosong"),
    (re.compile(r"^unknown key; expected one of: "), "kunci tidak dikenal; yang dikenal: "),
    (re.compile(r"^unknown key"), "kunci tidak dikenal"),
    (re.compile(r"^expected a whole number"), "harus bilangan bulat"),
    (re.compile(r"^expected a number"), "harus angka"),
    (re.compile(r"^expected a date without a time \(YYYY-MM-DD\)"), "harus tanggal tanpa jam (TTTT-BB-HH)"),
    (re.compile(r"^expected a date \(YYYY-MM-DD\)"), "harus tanggal (TTTT-BB-HH)"),
    (re.compile(r"^expected true or false"), "harus ya atau tidak"),
    (re.compile(r"^expected text"), "harus teks"),
    (re.compile(r"^expected a list"), "harus daftar"),
    (re.compile(r"^expected a mapping of keys"), "harus berisi kelompok isian"),
    (re.compile(r"^expected one of: "), "pilih salah satu: "),
    (
        re.compile(r"^expected an id: lowercase letters, digits and '_', starting with a letter"),
        "harus kode: huruf kecil, angka dan '_', diawali huruf",
    ),
    (re.compile(r"^expected a Pasal key: ids joined by '.', e.g. "), "harus kunci Pasal, mis. "),
    (re.compile(r"^must be at least (\S+)"), lambda m: f"paling sedikit {m.group(1)}"),
    (re.compile(r"^must be at most (\S+)"), lambda m: f"paling banyak {m.group(1)}"),
    (re.compile(r"^needs (\d+) items"), lambda m: f"perlu paling sedikit {m.group(1)} butir"),
    (
        re.compile(r"^too long: at most (\d+) characters"),
        lambda m: f"terlalu panjang: paling banyak {m.group(1)} karakter",
    ),
    (
        re.compile(r"^'(.*)' appears twice \(first on line \d+\)"),
        lambda m: f"'{m.group(1)}' disebut dua kali",
    ),
    (
        re.compile(r"^unknown value '(.*?)'; expected one of: "),
        lambda m: f"nilai '{m.group(1)}' tidak dikenal; pilihan: ",
    ),
    (
        re.compile(r"^'(.*)' needs villages, but village_unit is 'none'.*"),
        lambda m: f"'{m.group(1)}' memerlukan desa atau nagari, tetapi satuan desa 'none'",
    ),
    (
        re.compile(r"^a provinsi has no desa/nagari financing; use 'none'"),
        "provinsi tidak mempunyai desa/nagari; pilih 'none'",
    ),
    (re.compile(r"^a provinsi file has no 'province'.*"), "provinsi tidak mengisi Provinsi"),
    (
        re.compile(r"^a (kabupaten|kota) needs 'province'.*"),
        lambda m: f"{m.group(1)} wajib mengisi provinsi tempatnya",
    ),
    (re.compile(r"^only a kota has a Wali Kota spelling"), "hanya kota yang memakai ejaan Wali Kota"),
    (
        re.compile(r"^only a provinsi shares the Bantuan Iuran.*"),
        "hanya provinsi yang membagi Bantuan Iuran dengan kabupaten/kota",
    ),
    (
        re.compile(r"^a licensing requirement needs 'licensing_source'.*"),
        "syarat perizinan memerlukan dasar keputusannya",
    ),
    (re.compile(r" \(got (.*)\)"), lambda m: f" (diisi {m.group(1)})"),
    (re.compile(r"; write decimals with a dot"), "; tulis desimal dengan titik"),
    (re.compile(r"; put text in quotes"), ""),
]


def indonesian(message: str) -> str:
    """``message`` (a problem's, in English) in Bahasa Indonesia, as far as it is known."""
    for pattern, sub in _WORDS:
        message = pattern.sub(sub, message, count=1)
    return message


#: The diff page's own words (it is shared with ``diff --format html``, in English) and the
#: classes of change, as the workbench shows them.
_KINDS = {
    "parameter": "nilai daerah",
    "optional": "bagian pilihan",
    "wording": "rumusan",
    "added": "ditambahkan",
    "removed": "dihapus",
    "renumbered": "nomor berubah",
}
_DIFF: list[tuple[re.Pattern[str], _Sub]] = [
    (re.compile(r'(<label for="only">)only changed clauses(</label>)'), r"\1hanya yang berubah\2"),
    (re.compile(r"<th>Clause</th>"), "<th>Pasal/bagian</th>"),
    (re.compile(r"<th>Changes</th>"), "<th>Perubahan</th>"),
    (
        re.compile(r'<span class="kind">(\w+)</span>'),
        lambda m: f'<span class="kind">{_KINDS.get(m.group(1), m.group(1))}</span>',
    ),
    (
        re.compile(r"<p>(\d+) changes?: ([^<]*)</p>"),
        lambda m: (
            f"<p>{m.group(1)} perubahan: "
            + re.sub(r"\b(\w+)\b", lambda k: _KINDS.get(k.group(1), k.group(1)), m.group(2))
            + "</p>"
        ),
    ),
    (re.compile(r"<p>no changes: the drafts say the same</p>"), "<p>tidak ada perubahan: isinya sama</p>"),
]


def diff_page(page: str) -> str:
    """The diff page with its headings, classes of change and summary in Bahasa Indonesia."""
    for pattern, sub in _DIFF:
        page = pattern.sub(sub, page)
    return page
