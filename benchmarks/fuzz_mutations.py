"""Mutants for the fuzz harness: region files and attached Word documents, from a seed.

:func:`region_mutant` takes one of the shipped region files and applies one to three
structural YAML mutations: tags on keys and values (``!!binary`` with a bidi override,
``!!str``, ``!!bool maybe``, ``!custom``, Python tags), anchors and aliases (recursive,
undefined, as keys, alias bombs, merge keys), deep nesting, YAML 1.1 scalars (``yes``,
``0o7``, ``1:30``, impossible dates, ``.nan``), keys that are no text, duplicated keys and
blocks, type swaps, huge values, broken quoting and flow, extra documents and directives,
byte-level damage (BOMs, UTF-16, NULs, invalid UTF-8, controls, bidi and private-use
characters) and region-level oddities (long chains of additions, circles, tables and double
attribute blocks in clause texts, the same attachment twice).

:func:`docx_mutant` damages the example attached lampiran: truncated or bit-flipped zips,
zip bombs, a million empty paragraphs, thousands of paragraphs or styles, missing parts,
no ``[Content_Types].xml``, a ``.docm``, odd XML (not XML, UTF-16, unbound prefixes, deep
nesting, huge attributes), entity expansion, names given twice, other compressions,
broken relationships, images and numbering.

Every mutant is a pure function of ``(seed, index)``, so one can be made again alone.
"""

from __future__ import annotations

import base64
import io
import itertools
import random
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests.attachments import EXAMPLE, FILE

ROOT = Path(__file__).resolve().parents[1]
ATTACHMENT = FILE
DOCUMENT = "word/document.xml"
CONTENT_TYPES = "[Content_Types].xml"
MAIN = b"wordprocessingml.document.main+xml"
_KEY_LINE = re.compile(r"^(?P<indent>\s*(?:- )?)(?P<key>[A-Za-z_][\w]*):(?P<gap>\s*)(?P<value>.*)$")


@dataclass(frozen=True)
class Mutant:
    """One input to try: a region file, or the example document attached to ``lahat`` in the slot."""

    index: int
    kind: str  # "region" or "docx"
    base: str  # the seed file it came from
    operations: tuple[str, ...]
    data: bytes

    @property
    def label(self) -> str:
        return f"#{self.index} {self.kind} {self.base}: {' + '.join(self.operations)}"


def rng_for(seed: int, kind: str, index: int) -> random.Random:
    """The random source of mutant ``index`` of ``kind`` under ``seed``."""
    return random.Random(f"{seed}:{kind}:{index}")


# ------------------------------------------------------------------------------ region files

Lines = list[str]
Operation = Callable[[random.Random, Lines], str]

TAGS = (
    "!!str",
    "!!binary",
    "!!bool",
    "!!int",
    "!!float",
    "!!timestamp",
    "!!null",
    "!!set",
    "!!map",
    "!!seq",
    "!!omap",
    "!!python/object/apply:os.system",
    "!!python/name:os.system",
    "!custom",
    "!include",
    "!",
    "!<tag:yaml.org,2002:str>",
    "!e!undefined",
)
TAGGED_VALUES = ("maybe", "nope", "x", "abc", "2024-02-30", "[a, b]", "{a: b}", "'quoted'", "")
YAML11 = (
    "yes", "no", "on", "off", "y", "n", "Yes", "NO", "~", "null", "Null", "0o7", "0x1F", "0b101", "0b_",
    "017", "1:30", "190:20:30", "1_000", "2024-02-30", "2024-13-01", "2025-01-31", "2025-01-31 25:00:00",
    "2001-12-14t21:59:43.10-05:00", ".nan", ".NaN", ".inf", "-.Inf", "1e400", "1.5e3", "._", "=", "<<",
    "9" * 400, "0x" + "f" * 300, ":".join(["1"] + ["59"] * 2000), "'007'", '"\\x07"', '"\\ue000"',
)  # fmt: skip
WEIRD_KEYS = (
    "2024-02-30", "2025-01-01", "yes", "no", "null", "~", "1.5", "12", "0o7", "''", '"\\u202e"', "<<",
    "[a, b]", "{a: b}", "? [a]\n", "!!int 12", "!custom k", "*undefined", '"k\\x00"',
)  # fmt: skip
BAD_CHARS = (
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\u202e",
    "\u2066",
    "\ue000",
    "\ufffe",
    "\ufdd0",
)
BROKEN = ("[", "]", "{", "}", '"', "'", "|", ">", "&", "*", "!", "%", "@", "`", "? ", ": ", "- ", "#", "\t")


def _value_lines(lines: Lines) -> list[int]:
    return [i for i, line in enumerate(lines) if _KEY_LINE.match(line)]


def _pick(rng: random.Random, lines: Lines) -> tuple[int, re.Match[str]] | None:
    candidates = _value_lines(lines)
    if not candidates:
        return None
    i = rng.choice(candidates)
    match = _KEY_LINE.match(lines[i])
    assert match is not None
    return i, match


def _set_value(rng: random.Random, lines: Lines, value: str) -> str:
    picked = _pick(rng, lines)
    if picked is None:
        lines.append(f"x: {value}")
        return "appended x"
    i, m = picked
    lines[i] = f"{m['indent']}{m['key']}: {value}"
    return m["key"]


def tag_value(rng: random.Random, lines: Lines) -> str:
    tag = rng.choice(TAGS)
    if tag == "!!binary":
        text = rng.choice(["Con\u202etoh", "Nama\ufffe", "ok", "\x00\x01", "Se\ue000long"])
        value = f"{tag} {base64.b64encode(text.encode('utf-8')).decode()}"
    else:
        picked = _pick(rng, lines)
        current = picked[1]["value"] if picked else "x"
        value = f"{tag} {rng.choice([*TAGGED_VALUES, current])}"
    return f"tag value {_set_value(rng, lines, value)} {tag}"


def tag_key(rng: random.Random, lines: Lines) -> str:
    picked = _pick(rng, lines)
    tag = rng.choice(TAGS)
    if picked is None:
        lines.append(f"{tag} k: v")
        return f"tag key {tag}"
    i, m = picked
    if rng.random() < 0.5:
        lines[i] = f"{m['indent']}{tag} {m['key']}:{m['gap']}{m['value']}"
    else:
        lines[i] = f"{m['indent']}? {tag} {rng.choice(['abc', m['key'], '12'])}"
        lines.insert(i + 1, f"{' ' * len(m['indent'])}: {m['value'] or 'x'}")
    return f"tag key {m['key']} {tag}"


def anchors(rng: random.Random, lines: Lines) -> str:
    kind = rng.choice(["recursive", "recursive-map", "undefined", "as-key", "bomb", "merge", "shared"])
    if kind == "bomb":
        names = "abcdefghi"
        lines.append(f"{names[0]}: &{names[0]} [x, x, x, x, x, x, x, x, x, x]")
        lines += [f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]" for p, n in itertools.pairwise(names)]
    elif kind == "shared":
        picked = _pick(rng, lines)
        if picked:
            i, m = picked
            lines[i] = f"{m['indent']}{m['key']}: &shared {m['value'] or 'x'}"
            _set_value(rng, lines, "*shared")
    else:
        value = {
            "recursive": "&r [x, *r]",
            "recursive-map": "&r {k: *r}",
            "undefined": "*nowhere",
            "as-key": "&k {a: 1}\n*k : x",
            "merge": "&m {a: 1}\nmerged:\n  <<: *m",
        }[kind]
        _set_value(rng, lines, value)
    return f"anchors {kind}"


def nesting(rng: random.Random, lines: Lines) -> str:
    depth = rng.choice([3, 19, 20, 21, 50, 500, 5000])
    style = rng.choice(["flow-list", "flow-map", "block-map", "block-list"])
    if style == "flow-list":
        value = "[" * depth + "x" + "]" * depth
    elif style == "flow-map":
        value = "{a: " * depth + "x" + "}" * depth
    else:
        step = "k{}:" if style == "block-map" else "-"
        value = "\n" + "\n".join("  " * (n + 1) + step.format(n) for n in range(min(depth, 2000)))
    return f"nesting {style} {depth} at {_set_value(rng, lines, value)}"


def yaml11(rng: random.Random, lines: Lines) -> str:
    value = rng.choice(YAML11)
    return f"yaml 1.1 {value[:12]!r} at {_set_value(rng, lines, value)}"


def weird_key(rng: random.Random, lines: Lines) -> str:
    key = rng.choice(WEIRD_KEYS)
    at = rng.randint(0, len(lines))
    indent = ""
    if 0 < at <= len(lines) and lines[at - 1].startswith(" "):
        indent = " " * (len(lines[at - 1]) - len(lines[at - 1].lstrip()))
    lines.insert(at, f"{indent}{key}: value")
    return f"key {key[:12]!r}"


def duplicate(rng: random.Random, lines: Lines) -> str:
    picked = _pick(rng, lines)
    if picked is None:
        return "duplicate nothing"
    i, m = picked
    indent = len(lines[i]) - len(lines[i].lstrip())
    end = i + 1
    while end < len(lines) and (
        len(lines[end]) - len(lines[end].lstrip()) > indent or not lines[end].strip()
    ):
        end += 1
    block = [line.replace("- ", "  ", 1) if n == 0 else line for n, line in enumerate(lines[i:end])]
    lines[end:end] = block if m["indent"].endswith("- ") else lines[i:end]
    return f"duplicate {m['key']}"


def type_swap(rng: random.Random, lines: Lines) -> str:
    value = rng.choice(
        ["[a, b]", "{a: 1}", "\n  - x\n  - y", "\n  k: v", "x", "''", "null", "[]", "{}", "-1"]
    )
    return f"type swap {value.strip()[:8]!r} at {_set_value(rng, lines, value)}"


def huge(rng: random.Random, lines: Lines) -> str:
    size = rng.choice([2_001, 20_001, 200_000, 999_000, 1_000_001])
    kind = rng.choice(["text", "list", "keys"])
    if kind == "text":
        _set_value(rng, lines, "x" * size)
    elif kind == "list":
        _set_value(rng, lines, "[" + ", ".join(["a"] * (size // 3)) + "]")
    else:
        lines += [f"k{n}: v" for n in range(size // 8)]
    return f"huge {kind} {size}"


def line_damage(rng: random.Random, lines: Lines) -> str:
    if not lines:
        lines.append(rng.choice(YAML11))
        return "line into empty"
    i = rng.randrange(len(lines))
    kind = rng.choice(["delete", "swap", "indent", "dedent", "break"])
    if kind == "delete":
        del lines[i]
    elif kind == "swap":
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "indent":
        lines[i] = rng.choice([" ", "   ", "\t"]) + lines[i]
    elif kind == "dedent":
        lines[i] = lines[i].lstrip()
    else:
        at = rng.randint(0, len(lines[i]))
        lines[i] = lines[i][:at] + rng.choice(BROKEN) + lines[i][at:]
    return f"line {kind}"


def documents(rng: random.Random, lines: Lines) -> str:
    kind = rng.choice(["second", "directive", "tag-directive", "end", "empty"])
    if kind == "second":
        lines += ["---", "level: kota"]
    elif kind == "directive":
        lines[:0] = ["%YAML 1.1", "---"]
    elif kind == "tag-directive":
        lines[:0] = ["%TAG ! tag:evil.example,2000:", "---"]
    elif kind == "end":
        lines += ["...", "garbage: [1"]
    else:
        lines.clear()
    return f"documents {kind}"


def _chain(count: int, circle: bool) -> Lines:
    out = ["additions:"]
    for n in range(count):
        after = (
            f"tambahan.a{n - 1}"
            if n
            else ("tambahan.a" + str(count - 1) if circle else "pemantauan.pelaporan")
        )
        out.append(f"  - {{key: a{n}, after: {after}, reason: uji, text: Teks tambahan.}}")
    return out


def region_oddity(rng: random.Random, lines: Lines) -> str:
    kind = rng.choice(
        ["chain", "circle", "table", "two-blocks", "jinja", "attach-twice", "attach-path", "ref"]
    )
    lines[:] = [line for line in lines if not line.startswith(("additions:", "overrides:"))]
    override = ["overrides:", "  - key: pemantauan.pelaporan", "    reason: uji", "    text: |"]
    if kind in ("chain", "circle"):
        lines += _chain(rng.choice([2, 3, 100, 101, 1000, 3000]), kind == "circle")
    elif kind == "table":
        lines += [*override, "      Teks.", "", "      | a | b |", "      |---|---|", "      | 1 | 2 |"]
    elif kind == "two-blocks":
        lines += [*override, "      Teks {: #x} {: #y}"]
    elif kind == "jinja":
        lines += [*override, "      Teks {{ 7*7 }} {% if x %}{% endif %}"]
    elif kind == "ref":
        lines += [*override, '      Lihat {{ ref("tidak.ada") }} dan {{ ref("pemantauan.pelaporan") }}.']
    else:
        file = (
            ATTACHMENT
            if kind == "attach-twice"
            else rng.choice(["../x.docx", "/etc/passwd.docx", "a\\b.docx"])
        )
        entry = f"  - {{file: {file}, title: Lampiran, pasal: pemantauan.pelaporan}}"
        lines += ["attachments:", entry, entry] if kind == "attach-twice" else ["attachments:", entry]
    return f"region {kind}"


UNICODE_NAMES = ("Kota Baubau é", "Lomboke\u0301 Timur", "Nias Ω", "Tana\u00a0Toraja", "Sabu Raijua 日本")


def benign(rng: random.Random, lines: Lines) -> str:
    """A change that keeps the file's meaning, so the mutant can still build a draft."""
    kind = rng.choice(["comment", "quote", "document-markers", "trailing", "alias", "unicode", "flow"])
    picked = _pick(rng, lines)
    if kind == "comment":
        lines.insert(rng.randint(0, len(lines)), rng.choice(["# catatan", "#", "# \u202e bidi in a comment"]))
    elif kind == "document-markers":
        lines[:0] = ["---"]
        lines.append("...")
    elif kind == "trailing":
        lines[:] = [line + rng.choice(["", " ", "  # c"]) if line.strip() else line for line in lines]
    elif picked is not None:
        i, m = picked
        value = m["value"]
        if kind == "quote" and value and value[0] not in "[{&*!|>'\"#":
            lines[i] = f"{m['indent']}{m['key']}: '{value}'"
        elif kind == "alias" and value and value[0] not in "[{&*!|>#":
            lines[i] = f"{m['indent']}{m['key']}: &same {value}"
        elif kind == "unicode" and m["key"] in ("name", "capital", "title", "author", "reason"):
            lines[i] = f"{m['indent']}{m['key']}: {rng.choice(UNICODE_NAMES)}"
        elif kind == "flow" and value.startswith("[") and value.endswith("]"):
            items = [v.strip() for v in value[1:-1].split(",") if v.strip()]
            lines[i : i + 1] = [
                f"{m['indent']}{m['key']}:",
                *(f"{' ' * len(m['indent'])}  - {v}" for v in items),
            ]
    return f"benign {kind}"


REGION_OPERATIONS: tuple[Operation, ...] = (
    tag_value, tag_key, anchors, nesting, yaml11, weird_key, duplicate, type_swap, huge,
    line_damage, documents, region_oddity,
)  # fmt: skip


def _bytes_damage(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    kind = rng.choice(["bom", "double-bom", "utf16", "nul", "invalid-utf8", "latin1", "cr", "char"])
    at = rng.randint(0, len(data))
    if kind == "bom":
        return b"\xef\xbb\xbf" + data, "bytes bom"
    if kind == "double-bom":
        return b"\xef\xbb\xbf\xef\xbb\xbf" + data, "bytes double bom"
    if kind == "utf16":
        return data.decode("utf-8", "surrogatepass").encode(
            rng.choice(["utf-16", "utf-16-be"]), "surrogatepass"
        ), "utf16"
    if kind == "nul":
        return data[:at] + b"\x00" + data[at:], "bytes nul"
    if kind == "invalid-utf8":
        return data[:at] + rng.choice([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"]) + data[
            at:
        ], "bytes invalid utf-8"
    if kind == "latin1":
        return data.replace(b"a", b"\xe9", 3), "bytes latin-1"
    if kind == "cr":
        return data.replace(b"\n", rng.choice([b"\r", b"\r\n"])), "bytes line ends"
    char = rng.choice(BAD_CHARS).encode("utf-8", "surrogatepass")
    return data[:at] + char + data[at:], f"bytes char {char!r}"


def region_mutant(seed: int, index: int, seeds: dict[str, str]) -> Mutant:
    """Mutant ``index`` of the region files ``seeds`` (file name -> text)."""
    rng = rng_for(seed, "region", index)
    base = rng.choice(sorted(seeds))
    lines = seeds[base].splitlines()
    if rng.random() < 0.3:  # a third of the mutants keep their meaning and should build
        operations = [benign(rng, lines) for _ in range(rng.randint(1, 4))]
    else:
        operations = [rng.choice(REGION_OPERATIONS)(rng, lines) for _ in range(rng.randint(1, 3))]
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    if rng.random() < 0.15:
        data, damage = _bytes_damage(rng, data)
        operations.append(damage)
    return Mutant(index, "region", base, tuple(operations), data)


# --------------------------------------------------------------------------- Word documents

Parts = list[tuple[str, bytes]]
DocxOperation = Callable[[random.Random, Parts], str]


@cache
def shipped_parts() -> tuple[tuple[str, bytes], ...]:
    """The parts of the example attached lampiran, in zip order."""
    with zipfile.ZipFile(EXAMPLE) as archive:
        return tuple((name, archive.read(name)) for name in archive.namelist())


def _replace(parts: Parts, name: str, data: bytes) -> None:
    parts[:] = [(n, data if n == name else d) for n, d in parts]


def _get(parts: Parts, name: str) -> bytes:
    """Part ``name`` (empty when an earlier mutation dropped it)."""
    return next((d for n, d in parts if n == name), b"")


def _in_body(parts: Parts, extra: bytes) -> None:
    document = _get(parts, DOCUMENT)
    end = document.rfind(b"<w:sectPr")
    end = len(document) if end < 0 else end
    _replace(parts, DOCUMENT, document[:end] + extra + document[end:])


def _distinct(count: int, template: bytes = b"<w:p><w:r><w:t>%x</w:t></w:r></w:p>") -> bytes:
    return b"".join(template % (n * 2654435761 % 2**32) for n in range(count))


@cache
def bomb(size: int) -> bytes:
    """The example lampiran with ``size`` bytes of whitespace in its body, packed a megabyte
    at a time (a 1 GB bomb is a 1 MB file)."""
    document = dict(shipped_parts())[DOCUMENT]
    end = document.rindex(b"<w:sectPr")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in shipped_parts():
            if name != DOCUMENT:
                archive.writestr(name, data)
                continue
            with archive.open(name, "w", force_zip64=True) as part:
                part.write(document[:end])
                chunk = b" " * 1_000_000
                for _ in range(size // len(chunk)):
                    part.write(chunk)
                part.write(document[end:])
    return out.getvalue()


def empty_paragraphs(rng: random.Random, parts: Parts) -> str:
    count = rng.choice([1_700_000, 200_000, 1_501])
    _in_body(parts, b"<w:p/>" * count)
    return f"{count} empty paragraphs"


def many(rng: random.Random, parts: Parts) -> str:
    kind = rng.choice(["paragraphs", "cells", "styles", "runs", "links", "footnotes", "lists"])
    if kind in ("links", "footnotes", "lists"):
        return _many_references(rng, parts, kind)
    if kind == "paragraphs":
        count = rng.choice([500, 1_500, 1_501, 5_000])
        _in_body(parts, _distinct(count))
    elif kind == "cells":
        count = rng.choice([2_000, 20_001])
        _in_body(parts, b"<w:tbl><w:tr><w:tc>" + _distinct(count) + b"</w:tc></w:tr></w:tbl>")
    elif kind == "styles":
        count = rng.choice([10, 39, 41, 300])
        _in_body(
            parts, b"".join(b'<w:p><w:pPr><w:pStyle w:val="G%d"/></w:pPr></w:p>' % n for n in range(count))
        )
    else:
        count = rng.choice([10_000, 260_000])
        _in_body(parts, b"<w:p>" + _distinct(count, b"<w:r><w:t>%x</w:t></w:r>") + b"</w:p>")
    return f"{count} {kind}"


_NOTE = b'<w:footnote w:id="%d"><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:footnote>'
_NOTES_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _many_references(rng: random.Random, parts: Parts, kind: str) -> str:
    """Hyperlinks (relationships), footnote references, or numbered paragraphs."""
    if kind == "links":
        count = rng.choice([100, 501])
        for n in range(count):
            _relate(parts, f"rIdL{n}", f"https://example.invalid/{n}", True, "hyperlink")
        link = b'<w:p><w:hyperlink r:id="rIdL%d"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>'
        _in_body(parts, b"".join(link % n for n in range(count)))
    elif kind == "footnotes":
        count = rng.choice([10, 120])
        notes = b"".join(_NOTE % (n, rng.randbytes(8_000).hex().encode()) for n in range(count))
        parts.append(
            ("word/footnotes.xml", b'<w:footnotes xmlns:w="' + _W_NS + b'">' + notes + b"</w:footnotes>")
        )
        _relate(parts, "rIdF", "footnotes.xml", False, "footnotes")
        override = b'<Override PartName="/word/footnotes.xml" ContentType="' + _NOTES_TYPE + b'"/></Types>'
        _replace(parts, CONTENT_TYPES, _get(parts, CONTENT_TYPES).replace(b"</Types>", override))
        reference = b'<w:p><w:r><w:footnoteReference w:id="%d"/></w:r></w:p>'
        _in_body(parts, b"".join(reference % n for n in range(count)))
    else:
        count = rng.choice([200, 1_400])
        numbered = b'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        _in_body(parts, _distinct(count, numbered + b"<w:r><w:t>%x</w:t></w:r></w:p>"))
    return f"{count} {kind}"


def drop_part(rng: random.Random, parts: Parts) -> str:
    names = [n for n, _ in parts]
    name = rng.choice(
        [CONTENT_TYPES, "_rels/.rels", DOCUMENT, "word/styles.xml", "word/numbering.xml", *names]
    )
    parts[:] = [(n, d) for n, d in parts if n != name]
    return f"drop {name}"


def content_type(rng: random.Random, parts: Parts) -> str:
    kind = rng.choice(["docm", "docm+vba", "template", "no-override", "garbage"])
    types = _get(parts, CONTENT_TYPES)
    if kind.startswith("docm"):
        _replace(parts, CONTENT_TYPES, types.replace(MAIN, b"ms-word.document.macroEnabled.main+xml"))
        if kind == "docm+vba":
            parts.append(("word/vbaProject.bin", bytes(rng.randrange(256) for _ in range(2_000))))
    elif kind == "template":
        _replace(parts, CONTENT_TYPES, types.replace(MAIN, b"wordprocessingml.template.main+xml"))
    elif kind == "no-override":
        _replace(parts, CONTENT_TYPES, re.sub(rb'<Override PartName="/word/document.xml"[^>]*/>', b"", types))
    else:
        _replace(parts, CONTENT_TYPES, b"<Types/>" if rng.random() < 0.5 else b"\x00\x01garbage")
    return f"content types {kind}"


def odd_xml(rng: random.Random, parts: Parts) -> str:
    name = rng.choice(
        [DOCUMENT, DOCUMENT, "word/styles.xml", "word/numbering.xml", "_rels/.rels", CONTENT_TYPES]
    )
    data = _get(parts, name)
    kind = rng.choice(
        ["not-xml", "truncated", "utf16", "bom", "unbound", "deep", "attribute", "pi", "prefix"]
    )
    if kind == "not-xml":
        data = rng.choice([b"this is not XML", b"", b"\x89PNG\r\n", b"<a><b></a>"])
    elif kind == "truncated":
        data = data[: rng.randrange(max(len(data), 1))]
    elif kind == "utf16":
        data = data.replace(b"encoding='UTF-8'", b"encoding='UTF-16'").decode("utf-8").encode("utf-16")
    elif kind == "bom":
        data = b"\xef\xbb\xbf" + data
    elif kind == "unbound":
        data = data.replace(b"<w:body>", b"<w:body><zz:x/>", 1)
    elif kind == "deep":
        depth = rng.choice([300, 10_000])
        _in_body(parts, b"<w:p>" + b"<w:sdt>" * depth + b"</w:sdt>" * depth + b"</w:p>")
        return f"xml deep {depth}"
    elif kind == "attribute":
        data = data.replace(b"<w:body>", b'<w:body w:x="' + b"a" * 5_000_000 + b'">', 1)
    elif kind == "pi":
        data = data.replace(b"<w:body>", b"<w:body><?pi x?><!-- c --><![CDATA[x]]>", 1)
    else:
        data = data.replace(b"w:", b"q:").replace(b"xmlns:w=", b"xmlns:q=")
    _replace(parts, name, data)
    return f"xml {kind} in {name}"


def entities(rng: random.Random, parts: Parts) -> str:
    name = rng.choice([DOCUMENT, "word/styles.xml", CONTENT_TYPES, "_rels/.rels"])
    data = _get(parts, name)
    start = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
    laughs = b"".join(
        b'<!ENTITY l%d "%s">' % (n, b"&l%d;" % (n - 1) * 10 if n else b"lol") for n in range(10)
    )
    kind = rng.choice(["laughs", "external"])
    dtd = (
        b"<!DOCTYPE x [" + laughs + b"]>" if kind == "laughs" else b'<!DOCTYPE x SYSTEM "file:///etc/passwd">'
    )
    _replace(parts, name, data[:start] + dtd + data[start:].replace(b"<w:body>", b"<w:body>&l9;", 1))
    return f"entities {kind} in {name}"


_OPC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006"
_RELS = "word/_rels/document.xml.rels"


def _picture(rid: str) -> bytes:
    """A body paragraph with an inline picture whose image is relationship ``rid``."""
    blip = f'<a:blip xmlns:r="{_OPC}" r:embed="{rid}"/>'
    picture = (
        f'<pic:pic xmlns:pic="{_DRAWING}/picture"><pic:nvPicPr><pic:cNvPr id="5" name="x"/><pic:cNvPicPr/>'
        f"</pic:nvPicPr><pic:blipFill>{blip}</pic:blipFill><pic:spPr/></pic:pic>"
    )
    graphic = (
        f'<a:graphic xmlns:a="{_DRAWING}/main"><a:graphicData uri="{_DRAWING}/picture">{picture}'
        "</a:graphicData></a:graphic>"
    )
    inline = (
        f'<wp:inline xmlns:wp="{_DRAWING}/wordprocessingDrawing"><wp:extent cx="10" cy="10"/>'
        f'<wp:docPr id="5" name="x"/>{graphic}</wp:inline>'
    )
    return f"<w:p><w:r><w:drawing>{inline}</w:drawing></w:r></w:p>".encode()


def _relate(parts: Parts, rid: str, target: str, external: bool = False, kind: str = "image") -> None:
    mode = ' TargetMode="External"' if external else ""
    extra = f'<Relationship Id="{rid}" Type="{_OPC}/{kind}" Target="{target}"{mode}/></Relationships>'
    _replace(parts, _RELS, _get(parts, _RELS).replace(b"</Relationships>", extra.encode()))


def zip_level(rng: random.Random, parts: Parts) -> str:
    kind = rng.choice(["twice", "many-parts", "big-part", "rels", "image", "numbering", "footnote"])
    if kind == "twice":
        parts.append((DOCUMENT, _get(parts, DOCUMENT)))
    elif kind == "many-parts":
        parts += [(f"word/x{n}.xml", b"<x/>") for n in range(rng.choice([100, 1_001]))]
    elif kind == "big-part":
        parts.append(("word/media/big.bin", rng.randbytes(rng.choice([1_000_000, 21_000_000]))))
    elif kind == "rels":  # a picture whose image is missing or outside the package
        external = rng.random() < 0.5
        _relate(parts, "rId99", "http://example.invalid/x.png" if external else "media/none.png", external)
        _in_body(parts, _picture("rId99"))
    elif kind == "image":  # a picture whose image is garbage
        parts.append(("word/media/none.png", rng.randbytes(500)))
        _relate(parts, "rId98", "media/none.png")
        png = b'<Default Extension="png" ContentType="image/png"/></Types>'
        _replace(parts, CONTENT_TYPES, _get(parts, CONTENT_TYPES).replace(b"</Types>", png))
        _in_body(parts, _picture("rId98"))
    elif kind == "numbering":
        numbered = b'<w:pPr><w:numPr><w:ilvl w:val="9"/><w:numId w:val="999"/></w:numPr></w:pPr>'
        _in_body(parts, b"<w:p>" + numbered + b"<w:r><w:t>x</w:t></w:r></w:p>")
    else:
        _in_body(parts, b'<w:p><w:r><w:footnoteReference w:id="77"/></w:r></w:p>')
    return f"zip {kind}"


DOCX_OPERATIONS: tuple[DocxOperation, ...] = (
    empty_paragraphs, many, drop_part, content_type, odd_xml, entities, zip_level,
)  # fmt: skip
BOMB_SIZES = (40_000_000, 120_000_000, 1_000_000_000)


def _pack(parts: Parts, method: int) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a name given twice
        with zipfile.ZipFile(out, "w", method) as archive:
            for name, data in parts:
                archive.writestr(name, data)
    return out.getvalue()


def docx_mutant(seed: int, index: int) -> Mutant:
    """Mutant ``index`` of the example attached lampiran."""
    rng = rng_for(seed, "docx", index)
    if rng.random() < 0.08:
        size = rng.choice(BOMB_SIZES)
        operations = [f"whitespace bomb {size // 1_000_000} MB"]
        data = bomb(size)
    else:
        parts: Parts = list(shipped_parts())
        operations = [rng.choice(DOCX_OPERATIONS)(rng, parts) for _ in range(1 if rng.random() < 0.8 else 2)]
        method = zipfile.ZIP_DEFLATED
        if rng.random() < 0.1:
            method = rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
            operations.append(f"compression {method}")
        data = _pack(parts, method)
    damage = rng.random()
    if damage < 0.08:
        data = data[: rng.randrange(len(data))]
        operations.append("truncated")
    elif damage < 0.16:
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            flipped[rng.randrange(len(flipped))] ^= rng.randint(1, 255)
        data = bytes(flipped)
        operations.append("bytes flipped")
    return Mutant(index, "docx", ATTACHMENT, tuple(operations), data)
