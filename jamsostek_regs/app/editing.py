"""Use cases of the region editor (the browser workbench): open a region file, preview values
not yet saved, save them back, and the choices the catalogs offer.

A region file is opened by id only: the id must be a region id (no ``/``, no ``..``, no
absolute path) and its file a regular file inside ``regions/`` (a symbolic link is refused, so
an id never reaches a file elsewhere). An opened file carries the sha256 of its bytes; saving
names that hash, and is refused with a :class:`ConflictError` holding both texts when the file
on disk has changed since (another tab, an editor). Saving goes through a round-trip YAML
writer (:mod:`jamsostek_regs.source.roundtrip`), so comments and order survive.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jamsostek_regs.errors import ConflictError, InputError, Problem, UnknownRegionError
from jamsostek_regs.lint import Finding, lint
from jamsostek_regs.model import Node
from jamsostek_regs.output import replace_file
from jamsostek_regs.pipeline import finish
from jamsostek_regs.source import roundtrip
from jamsostek_regs.source.regions import LoadedRegion, check, display_name, region_path
from jamsostek_regs.source.schema import LegalInstrument
from jamsostek_regs.source.standard import standard_of
from jamsostek_regs.source.yamlsource import Located, load_file
from jamsostek_regs.validation import check_standard
from jamsostek_regs.workspace import Workspace
from jamsostek_regs.writers import html

#: One save at a time in this process: the hash check and the write are one step.
_SAVING = threading.Lock()


@dataclass(frozen=True, slots=True)
class Opened:
    """A region file as opened for editing: its text, its values and the sha256 of its bytes."""

    region_id: str
    text: str
    data: dict[str, Any]
    sha256: str


def region_file(workspace: Workspace, region_id: str) -> Path:
    """The file of ``region_id``; :class:`UnknownRegionError` for an unsafe id, a missing file,
    or a file that is a symbolic link or leads outside ``regions/``."""
    path = region_path(workspace.regions, region_id)
    inside = Path(os.path.realpath(path)).parent == Path(os.path.realpath(workspace.regions))
    if path.is_symlink() or not inside:
        raise UnknownRegionError(
            region_id, None, f"{display_name(region_id)} is a link; open the file it names"
        )
    return path


def open_region(workspace: Workspace, region_id: str) -> Opened:
    """Read the file of ``region_id`` for editing.

    Raises:
        UnknownRegionError: see :func:`region_file`.
        InputError: the file is not YAML the loader takes (its problems, located).
    """
    path = region_file(workspace, region_id)
    located = load_file(path, display_name(region_id), partial=True)  # size, UTF-8 and YAML checked
    raw = path.read_bytes()
    data = located.data if isinstance(located.data, dict) else {}
    return Opened(region_id, raw.decode("utf-8-sig"), data, hashlib.sha256(raw).hexdigest())


def save(workspace: Workspace, region_id: str, data: dict[str, Any], loaded_sha256: str) -> Opened:
    """Write ``data`` into the file of ``region_id`` (comments and order kept) and reopen it.

    Raises:
        ConflictError: the file changed since it was opened with ``loaded_sha256``.
    """
    with _SAVING:
        current = open_region(workspace, region_id)
        mine = roundtrip.merged(current.text, data)
        if current.sha256 != loaded_sha256:
            raise ConflictError(display_name(region_id), current.text, mine)
        replace_file(region_file(workspace, region_id), mine.encode("utf-8"))
    return open_region(workspace, region_id)


@dataclass(frozen=True, slots=True)
class Preview:
    """The draft of unsaved values: its HTML page (empty while there are problems), the
    problems of the values (at their keys), the linter's findings (at their Pasal), and the
    anchor in the page of each node key (its own, or its nearest ancestor's)."""

    html: bytes
    problems: list[Problem]
    findings: list[Finding]
    anchors: dict[str, str]


def preview(workspace: Workspace, region_id: str, data: dict[str, Any]) -> Preview:
    """Check ``data`` as the file of ``region_id`` and, when it is valid, draft and lint it.

    Nothing is written; the standard stays loaded between calls (it is cached per process).
    """
    standard = standard_of(workspace)
    region, problems = check(Located(display_name(region_id), data, {}), standard)
    if region is None:
        return Preview(b"", problems, [], {})
    loaded = LoadedRegion(region_id, workspace.regions / f"{region_id}.yaml", region, "")
    try:
        draft = finish(standard, loaded)
    except InputError as exc:
        return Preview(b"", exc.problems, [], {})
    return Preview(html.render(draft), [], lint(draft), _anchors(draft.root, ""))


def _anchors(node: Node, inherited: str) -> dict[str, str]:
    anchor = node.eid or inherited
    out = {node.key: anchor} if anchor else {}
    for child in node.children:
        out |= _anchors(child, anchor)
    return out


def preload(workspace: Workspace) -> None:
    """Load the standard now (it stays loaded), so that the first preview is as fast as the next.

    Raises:
        InputError: the standard has problems.
    """
    check_standard(workspace.standard)
    standard_of(workspace)


@dataclass(frozen=True, slots=True)
class Choices:
    """What the catalogs of the standard offer a region file: id -> printed name, per list."""

    segments: dict[str, str]
    government_groups: dict[str, str]
    financing: dict[str, str]
    opd_roles: dict[str, str]
    laws: dict[str, str]
    establishment: dict[str, str]


#: The title of a law that forms a daerah or is about one (its establishment law).
_FORMS_A_DAERAH = re.compile(r"(?:Pembentukan )?(?:Daerah|Kabupaten|Kota|Provinsi|Propinsi)\b")


def choices(workspace: Workspace) -> Choices:
    """The catalogs' choices, and the laws of legal_basis.yaml with their names."""
    standard = standard_of(workspace)
    catalog = standard.catalog

    def names(entries: dict[str, Any]) -> dict[str, str]:
        return {key: entry.name for key, entry in entries.items()}

    laws = {key: _law_name(law) for key, law in standard.legal_basis.items()}
    # An establishment law: an Undang-Undang the standard does not cite for every region, that
    # amends no other law of the catalog and forms or is about a daerah (UU 69/1958, UU 89/2024
    # "Kota Bengkulu di Provinsi Bengkulu" ...), and the placeholder that has no number yet.
    cited = {item if isinstance(item, str) else item.ref for item in standard.manifest.mengingat}
    amending = {later for law in standard.legal_basis.values() for later in law.amended_by}
    not_establishing = cited | amending
    establishment = {
        key: name if law.nomor else f"belum diisi: Undang-Undang pembentukan daerah ({key})"
        for key, name in laws.items()
        if (law := standard.legal_basis[key]).jenis == "uu"
        and key not in not_establishing
        and (not law.nomor or _FORMS_A_DAERAH.match(law.tentang or ""))
    }
    return Choices(
        names(catalog.segments),
        names(catalog.government_groups),
        names(catalog.financing),
        names(catalog.opd_roles),
        laws,
        establishment,
    )


def _law_name(law: LegalInstrument) -> str:
    """A catalog law as a choice reads: "UU Nomor 89 Tahun 2024 tentang Kota Bengkulu ...",
    "UUD Pasal 18 ayat (6)"."""
    parts = [law.jenis.upper()]
    if law.pasal:
        parts.append(law.pasal)
    if law.nomor or law.tahun:
        parts.append(f"Nomor {law.nomor or '...'} Tahun {law.tahun or '...'}")
    if law.tentang:
        parts.append(f"tentang {law.tentang}")
    return " ".join(parts)
