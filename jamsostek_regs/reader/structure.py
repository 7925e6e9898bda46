"""Lines into the parts of a Perkada: judul, pembukaan, batang tubuh, penutup, lampiran.

:func:`structure` reads the lines in order, as a drafter would, by their words (never by
their styles alone, which Word and LibreOffice rename, nor by bold, which hand-made drafts use
freely), and puts each in its place:

- **judul**: from "PERATURAN BUPATI/WALI KOTA/GUBERNUR <daerah>" (after an optional
  "RANCANGAN"), "NOMOR ... TAHUN ...", "TENTANG" and the name (one or more lines);
- **pembukaan**: "DENGAN RAHMAT TUHAN YANG MAHA ESA", the jabatan ("BUPATI LAHAT,"), the rows
  of "Menimbang", "Mengingat" (a row without the word continues the group) and the diktum
  ("MEMUTUSKAN:", "Menetapkan : ...");
- **batang tubuh**: "BAB I", "Bagian Kesatu", "Paragraf 1" each with the title on the next
  line, "Pasal 1"; in a Pasal "(1)" starts an ayat, a text without a label is the Pasal's text
  (an unnumbered ayat), "a." "1." "a)" "1)" start rincian, nested by their form (a form seen
  higher up closes the deeper levels, a new form opens one);
- **penutup**: "Agar setiap orang mengetahuinya ...", the "Ditetapkan di" and "Diundangkan di"
  blocks (jabatan, the blank line of the signature, the name) and "BERITA DAERAH ...";
- **lampiran**: "LAMPIRAN I" and its heading block down to the name after "TENTANG", the title,
  then text, rincian and bordered tables, down to the signature block (a jabatan line).

A line that fits nowhere is noted ("unplaced", with its paragraph number), never dropped
silently and never an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jamsostek_regs.reader.lines import Line, form, lead, split_label
from jamsostek_regs.reader.parts import Part
from jamsostek_regs.reader.result import Note

#: The most lines a lampiran's heading block takes before its title.
KEPALA_LINES = 7
#: The longest excerpt of an unplaced paragraph quoted in its note.
EXCERPT = 60


@dataclass(slots=True)
class Structure:
    """The parts read, whether a judul and a Pasal were found, and the unplaced lines."""

    root: Part
    has_judul: bool
    has_pasal: bool
    notes: list[Note] = field(default_factory=list)


def structure(lines: list[Line]) -> Structure:
    """The parts of the document made of ``lines``."""
    reader = _Reader()
    for line in lines:
        reader.feed(line)
    return reader.finish()


class _Reader:
    def __init__(self) -> None:
        self.judul = Part("judul", role="judul")
        self.pembukaan = Part("pembukaan", role="pembukaan")
        self.batang = Part("batang_tubuh", role="batang_tubuh")
        self.penutup = Part("penutup", role="penutup")
        self.diktum = Part("diktum", role="diktum")
        self.lampiran: list[Part] = []
        self.notes: list[Note] = []
        self.state = "start"
        self.has_pasal = False
        self.group: Part | None = None  # the Menimbang or Mengingat group rows go to
        self.heading: Part | None = None  # a BAB, Bagian or Paragraf waiting for its title
        self.sections: list[Part] = []  # the open BAB, Bagian, Paragraf
        self.pasal: Part | None = None
        self.container: Part | None = None  # what rincian go into: an ayat, a lampiran text
        self.items: list[tuple[str, Part]] = []  # the open rincian levels: (form, item)
        self.signing: tuple[Part, list[Line]] | None = None
        self.kepala: Part | None = None  # the heading block of a lampiran, while it is read
        self.title_due = False  # the lampiran's title is the next line

    def feed(self, line: Line) -> None:
        if line.rows:
            self._table(line)
            return
        if not line.text:
            if self.signing is not None:
                self.signing[1].append(line)
            return
        role = line.role()
        if self.state == "start":
            self._start(line, role)
        elif role == "lampiran":
            self._open_lampiran(line)
        elif self.state == "lampiran":
            self._lampiran(line, role)
        elif role in ("perintah", "ditetapkan", "diundangkan", "berita"):
            self._penutup(line, role)
        elif self.state == "penutup":
            self._signing_or_unplaced(line)
        elif role in ("bab", "bagian", "paragraf", "pasal"):
            self._heading(line, role)
        elif self.state == "batang":
            self._body(line)
        else:
            self._opening(line, role)

    # judul and pembukaan

    def _start(self, line: Line, role: str | None) -> None:
        if role == "rancangan":
            self.judul.add(Part("line", line, text=line.text, role="judul.rancangan"))
        elif role == "jenis":
            self.judul.add(Part("line", line, text=line.text, role="judul.jenis"))
            self.state = "judul"
        else:
            self._unplaced(line)

    def _opening(self, line: Line, role: str | None) -> None:
        word, rest = lead(line.raw)
        if self.state == "judul" and not word and role not in ("frasa", "jabatan"):
            self._judul(line, role)
            return
        self.state = "pembukaan"
        if role == "frasa":
            self.pembukaan.add(Part("line", line, text=line.text, role="pembukaan.frasa"))
        elif role == "jabatan" and self.group is None:
            self.pembukaan.add(Part("line", line, text=line.text, role="pembukaan.jabatan"))
        elif role == "memutuskan":
            self.diktum.add(Part("line", line, text=line.text, role="diktum.memutuskan"))
            self.group = None
        elif word == "Menetapkan":
            self.diktum.add(Part("line", line, text=" ".join(rest.split()), role="diktum.menetapkan"))
        elif word:
            group = Part("konsiderans" if word == "Menimbang" else "dasar_hukum", role=word.lower())
            self.group = self.pembukaan.add(group)
            if rest:
                self._row(line, rest)
        elif self.group is not None:
            self._row(line, line.raw)
        else:
            self._unplaced(line)

    def _judul(self, line: Line, role: str | None) -> None:
        if role in ("nomor", "tentang"):
            self.judul.add(Part("line", line, text=line.text, role=f"judul.{role}"))
            return
        last = self.judul.children[-1]
        if last.role == "judul.nama":
            last.text = f"{last.text} {line.text}"
        else:
            self.judul.add(Part("line", line, text=line.text, role="judul.nama"))

    def _row(self, line: Line, raw: str) -> None:
        assert self.group is not None
        label, text = split_label(raw)
        self.group.add(Part("item", line, num=label, text=text))

    # batang tubuh

    def _heading(self, line: Line, role: str) -> None:
        self.state = "batang"
        found = line.match(role)
        num = found["num"] if found else ""
        depth = ("bab", "bagian", "paragraf", "pasal").index(role)
        if role == "pasal":
            self.has_pasal = True
            self.pasal = self._section_parent().add(Part("pasal", line, num=num))
            self.container, self.items, self.heading = None, [], None
            return
        del self.sections[depth:]
        parent = self.sections[-1] if self.sections else self.batang
        self.heading = parent.add(Part(role, line, num=num))  # type: ignore[arg-type]
        self.sections.append(self.heading)
        self.pasal, self.container, self.items = None, None, []

    def _section_parent(self) -> Part:
        return self.sections[-1] if self.sections else self.batang

    def _body(self, line: Line) -> None:
        if self.heading is not None:
            self.heading.title, self.heading = line.text, None
            return
        if self.pasal is None:
            self._unplaced(line)
            return
        label, text = split_label(line.raw)
        kind = form(label)
        if kind in ("(1)", ""):
            self.container = self.pasal.add(Part("ayat", line, num=label, text=text))
            self.items = []
            return
        if self.container is None:  # rincian straight after the heading: an ayat without text
            self.container = self.pasal.add(Part("ayat"))
        self._item(kind, Part("item", line, num=label, text=text))

    def _item(self, kind: str, item: Part) -> None:
        """Put ``item`` (of label form ``kind``) in the open list: beside the level of its form,
        or one level deeper than the last item."""
        assert self.container is not None
        levels = [f for f, _ in self.items]
        if kind in levels:
            del self.items[levels.index(kind) :]
        parent = self.items[-1][1] if self.items else self.container
        if parent is self.container and kind == "1.":
            parent.style = "definisi"  # a numbered list at the first level: definitions (R60)
        parent.add(item)
        self.items.append((kind, item))

    def _table(self, line: Line) -> None:
        parent = self.items[-1][1] if self.items else self.container
        if self.state == "lampiran" and self.lampiran and self.signing is None:
            parent = self.lampiran[-1]
            self.container, self.items = None, []
        if parent is None:
            self._unplaced(line)
            return
        table = parent.add(Part("table", line))
        for i, cells in enumerate(line.rows, 1):
            row = table.add(Part("row", role=f".{i}"))
            for j, cell in enumerate(cells, 1):
                row.add(Part("line", text=cell, role=f".{j}"))

    # penutup and lampiran

    def _penutup(self, line: Line, role: str) -> None:
        self.state = "penutup"
        self._close_signing()
        if role in ("ditetapkan", "diundangkan"):
            block = self.penutup.add(Part("pengesahan", role=f"penutup.{role}"))
            self.signing = (block, [line])
        else:
            self.penutup.add(Part("line", line, text=line.text, role=f"penutup.{role}"))

    def _signing_or_unplaced(self, line: Line) -> None:
        if self.signing is not None:
            self.signing[1].append(line)
        else:
            self._unplaced(line)

    def _close_signing(self) -> None:
        """Give the lines of the open signature block their places: "di", "tanggal", the
        jabatan, the blank line of the signature ("ttd") and the name after it."""
        if self.signing is None:
            return
        block, lines = self.signing
        self.signing = None
        kept: list[Line] = []
        for line in lines:
            if line.text or (kept and kept[-1].text):  # runs of blank lines as one
                kept.append(line)
        while kept and not kept[-1].text:
            kept.pop()
        signed = False
        for i, line in enumerate(kept):
            role = ""
            if i == 0 and line.role() in ("ditetapkan", "diundangkan"):
                role = ".di"
            elif line.text.lower().startswith("pada tanggal"):
                role = ".tanggal"
            elif not signed and line.role() == "jabatan":
                role, signed = ".jabatan", True
            elif not line.text:
                role = ".ttd"
            elif signed and i == len(kept) - 1:
                role = ".nama"
            block.add(Part("line", line, text=line.text, role=role))

    def _open_lampiran(self, line: Line) -> None:
        self._close_signing()
        self.state = "lampiran"
        found = line.match("lampiran")
        part = Part("lampiran", num=(found["num"] or "") if found else "")
        self.lampiran.append(part)
        self.kepala = part.add(Part("pengesahan", role=".kepala"))
        self.kepala.add(Part("line", line, text=line.text, role=".lampiran"))
        self.container, self.items, self.title_due = None, [], False

    def _lampiran(self, line: Line, role: str | None) -> None:
        part = self.lampiran[-1]
        if self.kepala is not None and line.style != "LampiranJudul":
            self._kepala_line(self.kepala, line, role)
        elif self.kepala is not None or self.title_due:
            self.kepala, self.title_due = None, False
            part.title, part.line = line.text, line
        elif self.signing is not None:
            self.signing[1].append(line)
        elif role == "jabatan":
            self.signing = (part.add(Part("pengesahan", role=".ttd")), [line])
        else:
            self._lampiran_text(part, line)

    def _kepala_line(self, kepala: Part, line: Line, role: str | None) -> None:
        after_tentang = kepala.children[-1].role == ".tentang"
        named = {"jenis": ".jenis", "nomor": ".nomor", "tentang": ".tentang"}
        kepala.add(
            Part("line", line, text=line.text, role=".nama" if after_tentang else named.get(role or "", ""))
        )
        if after_tentang or len(kepala.children) >= KEPALA_LINES:
            self.kepala, self.title_due = None, True

    def _lampiran_text(self, part: Part, line: Line) -> None:
        label, text = split_label(line.raw)
        kind = form(label)
        if kind and kind != "(1)" and self.container is not None:
            self._item(kind, Part("item", line, num=label, text=text))
            return
        self.container = part.add(Part("line", line, num=label, text=text))
        self.items = []

    def _unplaced(self, line: Line) -> None:
        excerpt = line.text if len(line.text) <= EXCERPT else line.text[:EXCERPT] + "..."
        self.notes.append(Note(line.number, "unplaced", f"tidak dapat ditempatkan: '{excerpt}'"))

    def finish(self) -> Structure:
        self._close_signing()
        if len(self.diktum.children) == 2:
            self.pembukaan.add(self.diktum)
        else:
            for lone in self.diktum.children:
                assert lone.line is not None
                self._unplaced(lone.line)
        root = Part("draft", role="draft")
        root.children = [self.judul, self.pembukaan, self.batang, self.penutup, *self.lampiran]
        has_judul = any(p.role == "judul.jenis" for p in self.judul.children)
        self.notes.sort(key=lambda n: n.paragraph)
        return Structure(root, has_judul, self.has_pasal, self.notes)
