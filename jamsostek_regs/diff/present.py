"""What the reports say the same way: titles, places, runs of renumbering, and the words of the
pages a reviewer reads (the HTML diff and matrix) in Bahasa Indonesia: the classes of change,
the region fields behind a change, the summary."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jamsostek_regs.diff.changes import Change, Clause, Report

#: Equal stretches longer than this many words are shortened to their ends in the reports.
CONTEXT_WORDS = 6

#: Each class of change in Bahasa Indonesia.
KIND_WORDS: dict[str, str] = {
    "parameter": "parameter",
    "optional": "opsional",
    "wording": "redaksi",
    "added": "tambahan",
    "removed": "dihapus",
    "renumbered": "penomoran ulang",
}
#: What each class means, for the legend of the HTML pages.
KIND_MEANINGS: dict[str, str] = {
    "parameter": "teks berbeda karena data daerah berbeda",
    "opsional": "ketentuan pilihan ada di satu rancangan saja",
    "redaksi": "daerah mengubah rumusan ketentuan, dengan alasannya",
    "tambahan": "ketentuan yang ditambahkan daerah sendiri",
    "dihapus": "ketentuan yang dihapus daerah",
    "penomoran ulang": "nomor berubah karena ketentuan lain ditambah atau dihapus",
}
#: The region file's fields in words (the first name of a key: ``opd[1].name`` -> ``opd``).
FIELD_WORDS: dict[str, str] = {
    "level": "tingkat daerah",
    "name": "nama daerah",
    "province": "provinsi",
    "capital": "ibu kota",
    "village_unit": "sebutan desa",
    "mayor_spelling": "ejaan Wali Kota",
    "establishment": "undang-undang pembentukan",
    "head": "kepala daerah",
    "secretary": "Sekretaris Daerah",
    "segments": "segmen kepesertaan",
    "bpu_examples": "contoh pekerja bukan penerima upah",
    "government_groups": "pegawai pemerintah daerah",
    "financing": "sumber pendanaan",
    "opd": "Perangkat Daerah",
    "compliance": "kepatuhan",
    "targets": "target kepesertaan",
    "draft": "data rancangan",
    "attachments": "lampiran terlampir",
    "overrides": "rumusan sendiri",
    "additions": "pasal tambahan",
    "title": "judul sendiri",
    "laws": "peraturan sendiri",
    "mengingat": "dasar hukum tambahan",
    "instruments": "peraturan yang sudah berlaku",
    "lists": "daftar sendiri",
    "cost_share": "pembagian iuran",
    "changes": "perubahan sendiri",
    "lampiran": "lampiran sendiri",
}


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive Pasal whose only change is the same shift of their number."""

    first: Change
    last: Change


def title(report: Report) -> str:
    """The first line of a report: which drafts, which standard (none between two documents)."""
    standard = f" ({report.standard})" if report.standard else ""
    return f"{report.a.id} → {report.b.id}{standard}"


def summary(report: Report) -> str:
    """ "44 changes: 17 parameter, 13 optional, 7 renumbered" (or "no changes")."""
    counts = [f"{n} {kind}" for kind, n in report.summary().items() if n]
    total = len(report.changes)
    if not total:
        return "no changes: the drafts say the same"
    return f"{total} change{'s' * (total != 1)}: " + ", ".join(counts)


#: Clauses whose heading shows their key (the others are named by their label alone).
KEYED = frozenset({"pasal", "bab", "bagian", "paragraf", "lampiran"})


def clause_heading(clause: Clause) -> str:
    """ "Pasal 8 (kepesertaan.segmen)", or "Pasal 16 → Pasal 17 (...)" when the number moved."""
    names = list(dict.fromkeys(p.address for p in (clause.a, clause.b) if p is not None))
    label = " → ".join(names)
    return f"{label} ({clause.key})" if clause.kind in KEYED else label


def field_words(params: tuple[str, ...]) -> str:
    """The region fields behind a change in words, each once: "sumber pendanaan, segmen kepesertaan"."""
    fields = (key.split(".", 1)[0].split("[", 1)[0] for key in params)
    return ", ".join(dict.fromkeys(FIELD_WORDS.get(f, f) for f in fields))


def ringkasan(report: Report) -> str:
    """:func:`summary` in Bahasa Indonesia: "44 perubahan: 17 parameter, 13 opsional"."""
    counts = [f"{n} {KIND_WORDS[kind]}" for kind, n in report.summary().items() if n]
    if not report.changes:
        return "tidak ada perubahan: kedua rancangan berbunyi sama"
    return f"{len(report.changes)} perubahan: " + ", ".join(counts)


def where(change: Change, clause: Clause, report: Report, only_in: str = "only in") -> str:
    """Where in the clause a node change is, and on which side only ("ayat (2), only in lahat";
    ``only_in`` gives the words: "hanya di")."""
    place = change.b or change.a
    assert place is not None
    head = clause.b or clause.a
    top = head.address if head else ""
    local = place.address[len(top) :].strip() if place.address.startswith(top) else place.address
    if change.a is None or change.b is None:
        only = f"{only_in} {report.a.id if change.b is None else report.b.id}"
        return f"{local}, {only}" if local else only
    return local


def moved(change: Change) -> str:
    """ "Pasal 16 menjadi Pasal 17" (and the reference words that followed)."""
    a, b = change.a, change.b
    assert a is not None and b is not None
    head = f"{a.address} menjadi {b.address}" if a.address != b.address else a.address
    refs = "; ".join(f"{x} menjadi {y}" for x, y in change.refs)
    return f"{head}; rujukan: {refs}" if refs else head


def items(clauses: tuple[Clause, ...]) -> Iterator[Clause | Run]:
    """The clauses with changes; runs of Pasal that only moved by the same shift are grouped."""
    run: list[Clause] = []
    for clause in (c for c in clauses if c.changes):
        shift = _shift(clause)
        if run and (shift is None or shift != _shift(run[-1]) or not _follows(run[-1], clause)):
            yield _grouped(run)
            run = []
        if shift is None:
            yield clause
        else:
            run.append(clause)
    if run:
        yield _grouped(run)


def _grouped(run: list[Clause]) -> Clause | Run:
    return Run(run[0].changes[0], run[-1].changes[0]) if len(run) > 1 else run[0]


def _shift(clause: Clause) -> int | None:
    """How far a Pasal moved, if moving (without reference changes) is all that changed."""
    if clause.kind != "pasal" or len(clause.changes) != 1 or clause.a is None or clause.b is None:
        return None
    change = clause.changes[0]
    if change.kind != "renumbered" or change.refs or not (clause.a.num.isdigit() and clause.b.num.isdigit()):
        return None
    return int(clause.b.num) - int(clause.a.num)


def _follows(previous: Clause, clause: Clause) -> bool:
    assert previous.a is not None and clause.a is not None
    return int(clause.a.num) == int(previous.a.num) + 1


def run_text(run: Run) -> str:
    """ "Pasal 17 s.d. Pasal 22 menjadi Pasal 18 s.d. Pasal 23"."""
    a1, a2, b1, b2 = run.first.a, run.last.a, run.first.b, run.last.b
    assert a1 and a2 and b1 and b2
    return f"{a1.address} s.d. {a2.address} menjadi {b1.address} s.d. {b2.address}"


def shorten(text: str, words: int = CONTEXT_WORDS) -> str:
    """An equal stretch cut to its first and last ``words`` words."""
    parts = text.split(" ")
    if len(parts) <= 2 * words + 1:
        return text
    return " ".join(parts[:words]) + " … " + " ".join(parts[-words:])
