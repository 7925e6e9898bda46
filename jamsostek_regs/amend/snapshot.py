"""Enacted snapshots: the record that a draft became law, as deterministic JSON.

A snapshot holds what is needed to draft the Perubahan of an enacted Perkada years later,
whatever the region file and the standard say by then: the instrument's number, year and date
of enactment, where the text came from (the region file's text and sha256, or the DOCX's
sha256 when the text was read back from Word), the standard and tool versions, the finished
tree (numbered and resolved, see :func:`node_json`) and sha256 hashes of the tree and of its
plain text. A snapshot of an amending instrument also names the instrument it amends and the
units it changed (``changes``), so the consolidated text can mark each changed unit.

Snapshots live in ``regions/enacted/<region id>/<year>-<number>.json``; the same inputs give
the same bytes (keys sorted, UTF-8, two-space indent, a final newline).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal, cast

from jamsostek_regs.errors import SnapshotError
from jamsostek_regs.model import Draft, Inline, Meta, Node, Ref, Source
from jamsostek_regs.output import sha256

#: The format id every snapshot carries; another id is refused.
FORMAT = "jamsostek-regs/enacted@1"
#: Where the snapshots of the regions live, under ``regions/``.
FOLDER = "enacted"
#: A date as ``enact`` takes it.
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
#: What a fact no source gives prints as.
UNKNOWN = "..."

Origin = Literal["region", "docx"]


@dataclass(frozen=True, slots=True)
class Instrument:
    """An enacted Perkada: its number, year, date of enactment (``YYYY-MM-DD``) and its number in
    the Berita Daerah of its year ("..." when not known)."""

    number: int
    year: int
    date: str
    gazette: str = UNKNOWN

    @property
    def name(self) -> str:
        """The snapshot's file stem: ``<year>-<number>``."""
        return f"{self.year}-{self.number}"


@dataclass(frozen=True, slots=True)
class Changed:
    """One unit an amending instrument changed: its key, its address and what was done."""

    key: str
    address: str
    action: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One enacted instrument and the text of the Perkada as it stands after it.

    Attributes:
        region_id: the region.
        instrument: number, year, date.
        draft: the finished tree (of the consolidated text, for an amending instrument).
        origin: ``region`` (made by this tool from the region file) or ``docx`` (read back).
        source: the region file's path (relative to the project) or the DOCX's file name.
        source_sha256: sha256 of the region file or DOCX bytes.
        source_text: the region file's text ("" for a DOCX).
        tool_version: the version of jamsostek-regs that made the snapshot.
        amends: the ``<year>-<number>`` of the instrument this one amends ("" for an original).
        changes: the units an amending instrument changed, in Pasal I order.
    """

    region_id: str
    instrument: Instrument
    draft: Draft
    origin: Origin
    source: str
    source_sha256: str
    source_text: str
    tool_version: str
    amends: str = ""
    changes: tuple[Changed, ...] = field(default=())

    def to_json(self) -> bytes:
        """The snapshot as deterministic JSON bytes."""
        tree = node_json(self.draft.root)
        document = {
            "format": FORMAT,
            "region": self.region_id,
            "number": self.instrument.number,
            "year": self.instrument.year,
            "date": self.instrument.date,
            "gazette": self.instrument.gazette,
            "amends": self.amends,
            "changes": [{"key": c.key, "address": c.address, "action": c.action} for c in self.changes],
            "standard": {"id": self.draft.meta.standard_id, "version": self.draft.meta.standard_version},
            "tool": self.tool_version,
            "source": {
                "origin": self.origin,
                "path": self.source,
                "sha256": self.source_sha256,
                "text": self.source_text,
            },
            "meta": _meta_json(self.draft.meta),
            "tree": tree,
            "hashes": {"tree": sha256(_dump(tree)), "text": sha256(text_of(self.draft))},
        }
        return _dump(document)


def text_of(draft: Draft) -> bytes:
    """The plain text a snapshot's ``text`` hash covers: every node's label, title and text."""
    return "\n".join(f"{n.num} {n.title} {n.plain()}".strip() for n in draft.walk()).encode("utf-8")


def _dump(document: object) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _meta_json(meta: Meta) -> dict[str, Any]:
    return {f.name: getattr(meta, f.name) for f in fields(meta) if f.name != "attachments"}


#: Node fields written only when they differ from these defaults.
_DEFAULTS = Node("draft", "")


def node_json(node: Node) -> dict[str, Any]:
    """``node`` as a JSON-ready mapping: fields at their default are left out."""
    out: dict[str, Any] = {"kind": node.kind, "key": node.key}
    if node.text:
        out["text"] = [_inline_json(p) for p in node.text]
    for name in ("title", "conj", "num", "eid", "end"):
        value = getattr(node, name)
        if value != getattr(_DEFAULTS, name):
            out[name] = value
    if node.style != _DEFAULTS.style:
        out["style"] = node.style
    if node.source is not None:
        out["source"] = [node.source.file, node.source.line]
    if node.params:
        out["params"] = list(node.params)
    if node.children:
        out["children"] = [node_json(c) for c in node.children]
    return out


def _inline_json(part: Inline) -> str | dict[str, Any]:
    if isinstance(part, str):
        return part
    return {
        "ref": part.key,
        "source": [part.source.file, part.source.line],
        "bare": part.bare,
        "words": part.words,
    }


def node_from_json(data: dict[str, Any]) -> Node:
    """The node :func:`node_json` wrote."""
    source = data.get("source")
    return Node(
        kind=data["kind"],
        key=data["key"],
        text=tuple(_inline_from_json(p) for p in data.get("text", ())),
        title=data.get("title", ""),
        children=tuple(node_from_json(c) for c in data.get("children", ())),
        conj=data.get("conj", ""),
        style=data.get("style", _DEFAULTS.style),
        source=None if source is None else Source(source[0], source[1]),
        num=data.get("num", ""),
        eid=data.get("eid", ""),
        end=data.get("end", ""),
        params=tuple(data.get("params", ())),
    )


def _inline_from_json(part: str | dict[str, Any]) -> Inline:
    if isinstance(part, str):
        return part
    file, line = part["source"]
    return Ref(part["ref"], Source(file, line), part["bare"], part["words"])


def parse(data: bytes, display: str) -> Snapshot:
    """The snapshot in ``data`` (``display`` names the file in errors).

    Raises:
        SnapshotError: not JSON, another format, or a hash that does not match its tree.
    """
    try:
        document = json.loads(data)
        if document.get("format") != FORMAT:
            raise SnapshotError(f"{display} is not an enacted snapshot (format {FORMAT})")
        meta = Meta(**document["meta"])
        draft = Draft(meta, node_from_json(document["tree"]))
        snapshot = Snapshot(
            region_id=document["region"],
            instrument=Instrument(
                int(document["number"]), int(document["year"]), document["date"], document["gazette"]
            ),
            draft=draft,
            origin=cast(Origin, document["source"]["origin"]),
            source=document["source"]["path"],
            source_sha256=document["source"]["sha256"],
            source_text=document["source"]["text"],
            tool_version=document["tool"],
            amends=document.get("amends", ""),
            changes=tuple(Changed(c["key"], c["address"], c["action"]) for c in document.get("changes", ())),
        )
        hashes = document["hashes"]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SnapshotError(f"{display} is not a readable enacted snapshot: {exc}") from None
    if hashes.get("tree") != sha256(_dump(document["tree"])):
        raise SnapshotError(f"{display}: its tree does not match its recorded hash (edited by hand?)")
    return snapshot


def folder(regions: Path, region_id: str) -> Path:
    """The folder of a region's snapshots."""
    return regions / FOLDER / region_id


def path_of(regions: Path, region_id: str, instrument: Instrument) -> Path:
    """The file of one snapshot."""
    return folder(regions, region_id) / f"{instrument.name}.json"


def listed(regions: Path, region_id: str) -> list[Path]:
    """A region's snapshot files, oldest first (by year, then number)."""

    def order(path: Path) -> tuple[int, int, str]:
        year, _, number = path.stem.partition("-")
        return (
            (int(year), int(number), path.name) if year.isdigit() and number.isdigit() else (0, 0, path.name)
        )

    return sorted(folder(regions, region_id).glob("*.json"), key=order)


def load(path: Path, display: str | None = None) -> Snapshot:
    """Read the snapshot at ``path``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SnapshotError(f"cannot read {display or path}: {exc.strerror or exc}") from None
    return parse(data, display or str(path))


def enacted_form(draft: Draft, instrument: Instrument) -> Draft:
    """``draft`` as enacted: no longer a rancangan (no "RANCANGAN" line, the title without it),
    its number and year in the judul and in every lampiran heading."""
    nomor = f"NOMOR {instrument.number} TAHUN {instrument.year}"

    def visit(node: Node) -> Node:
        if node.key == "judul.nomor" or (node.kind == "line" and node.key.endswith(".kepala.nomor")):
            return replace(node, text=(nomor,))
        children = tuple(visit(c) for c in node.children if c.key != "judul.rancangan")
        return node if children == node.children else node.with_children(children)

    meta = replace(draft.meta, draft=False, title=draft.meta.title.removeprefix("Rancangan "))
    return Draft(meta, visit(draft.root))
