"""Use cases on enacted Perkada: record an enactment, draft the Perubahan, print the consolidated
text; and rebase a region's own changes onto a revised standard.

``enact`` is the second writer into ``regions/`` (after ``new``): it creates
``regions/enacted/<id>/<year>-<number>.json`` and never overwrites one. When the region already
has a snapshot, the new one records an amending instrument: its tree is the consolidated text
and it lists the Pasal it changed.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from jamsostek_regs import __version__
from jamsostek_regs.amend import Amendment, SystematicsChanged, amendment
from jamsostek_regs.amend import snapshot as snapshots
from jamsostek_regs.amend.consolidate import marked
from jamsostek_regs.amend.perubahan import peraturan, running_name
from jamsostek_regs.amend.printed import unprinted
from jamsostek_regs.amend.rebase import Carried, carried, own
from jamsostek_regs.amend.snapshot import Instrument, Snapshot
from jamsostek_regs.app.reading import read
from jamsostek_regs.errors import (
    InputError,
    InvalidValueError,
    JamsostekError,
    SnapshotError,
    SubstantialChangeError,
)
from jamsostek_regs.lint import Finding, lint
from jamsostek_regs.model import Draft
from jamsostek_regs.output import create_new, sha256, write_outputs
from jamsostek_regs.pipeline import finish, load, refuse_lint_errors, write
from jamsostek_regs.source import schema
from jamsostek_regs.source.regions import LoadedRegion, check, display_name, region_path
from jamsostek_regs.source.standard import standard_of
from jamsostek_regs.source.yamlsource import load_file, load_text
from jamsostek_regs.workspace import Workspace
from jamsostek_regs.writers import ordered


@dataclass(frozen=True, slots=True)
class Drafted:
    """A Perubahan (or the replacement that repeals) written to files, with the linter's findings."""

    amendment: Amendment | None
    findings: list[Finding]
    written: list[Path]
    #: What the drafter still has to decide (the replacement: what becomes of the decisions made
    #: under the repealed Perkada).
    notes: tuple[str, ...] = ()


def enact(
    workspace: Workspace,
    region_id: str,
    instrument: Instrument,
    docx: Path | None = None,
) -> Path:
    """Record that the draft of ``region_id`` (or the Perkada in ``docx``) was enacted.

    Raises:
        InvalidValueError: a bad number, year or date.
        OverwriteError: that snapshot exists already.
    """
    _check(instrument)
    history = _history(workspace, region_id)
    if docx is not None:
        draft = snapshots.enacted_form(unprinted(read(workspace, docx).draft), instrument)  # limits first
        digest = sha256(_bytes(docx))
        record = Snapshot(region_id, instrument, draft, "docx", docx.name, digest, "", __version__)
    else:
        standard, loaded = load(workspace, region_id)
        if history:
            loaded = _unrepealed(loaded, history[0].instrument)
        draft = snapshots.enacted_form(finish(standard, loaded), instrument)
        source = loaded.path.relative_to(workspace.root).as_posix()
        text = loaded.path.read_text(encoding="utf-8")
        record = Snapshot(region_id, instrument, draft, "region", source, loaded.sha256, text, __version__)
    if history:
        made = amendment(history, record.draft)
        record = replace(
            record, draft=made.merged.draft, amends=history[-1].instrument.name, changes=made.changed()
        )
    path = snapshots.path_of(workspace.regions, region_id, instrument)
    create_new(path, record.to_json())
    return path


def _check(instrument: Instrument) -> None:
    if instrument.number < 1:
        raise InvalidValueError("number", "must be 1 or more")
    if not 1945 <= instrument.year <= 2100:
        raise InvalidValueError("year", "must be a year between 1945 and 2100")
    try:
        datetime.date.fromisoformat(instrument.date)
    except ValueError:
        raise InvalidValueError("date", "expected YYYY-MM-DD") from None
    if not snapshots.DATE.match(instrument.date):
        raise InvalidValueError("date", "expected YYYY-MM-DD")
    if not (instrument.gazette.isdigit() or instrument.gazette == snapshots.UNKNOWN):
        raise InvalidValueError(
            "gazette", f"expected its number in the Berita Daerah, or {snapshots.UNKNOWN}"
        )


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise JamsostekError(f"cannot read {path}: {exc.strerror or exc}") from None


def _history(workspace: Workspace, region_id: str) -> list[Snapshot]:
    return [snapshots.load(p) for p in snapshots.listed(workspace.regions, region_id)]


def _target(
    workspace: Workspace, region_id: str, to: str | None, original: Instrument
) -> tuple[Draft, tuple[str, ...]]:
    """The draft to amend towards: a DOCX read back, or a region's draft (which cannot repeal the
    Perkada it amends: an entry of ``instruments`` repealing it is left out); and the Menimbang
    items its region file gives the Perubahan (``perubahan.menimbang``; for a DOCX, REGION's)."""
    if to is not None and to.lower().endswith(".docx"):
        return unprinted(read(workspace, Path(to)).draft), _reasons(load(workspace, region_id)[1])
    ref_workspace, target = workspace.of(to or region_id)
    standard, loaded = load(ref_workspace, target)
    return finish(standard, _unrepealed(loaded, original)), _reasons(loaded)


def _reasons(loaded: LoadedRegion) -> tuple[str, ...]:
    given = loaded.region.perubahan
    return tuple(given.menimbang) if given is not None else ()


def _repeals(entry: schema.Instrument, original: Instrument) -> bool:
    return entry.jenis == "peraturan" and entry.nomor == str(original.number) and entry.tahun == original.year


def _unrepealed(loaded: LoadedRegion, original: Instrument) -> LoadedRegion:
    """``loaded`` without the entry of ``instruments`` that repeals ``original``."""
    kept = [i for i in loaded.region.instruments if not (_repeals(i, original) and i.fate == "dicabut")]
    return replace(loaded, region=loaded.region.model_copy(update={"instruments": kept}))


def amend(
    workspace: Workspace,
    region_id: str,
    formats: Sequence[str],
    *,
    start: Path | None = None,
    to: str | None = None,
    out: Path | None = None,
    force: bool = False,
    replacement: bool = False,
    allow_lint_errors: bool = False,
    on_written: Callable[[Path], None] = lambda _path: None,
) -> Drafted:
    """Draft the Perubahan of ``region_id``'s latest enacted snapshot (or of ``start``) towards
    its current draft (or ``to``: a region, ``region@version`` or a DOCX) into
    ``out/<region>/<region>-perubahan.<suffix>``; with ``replacement``, the new Perkada that
    repeals the enacted one instead (``<region>-pengganti``). When the draft says what is
    enacted, nothing is written.

    Raises:
        SnapshotError: the region has no snapshot.
        SubstantialChangeError: the change is too large for an amendment (and no replacement asked).
    """
    history = [snapshots.load(start)] if start is not None else _required(workspace, region_id)
    made: Amendment | None = None
    notes: tuple[str, ...] = ()
    if replacement:
        (draft, notes), name = _replacement(workspace, region_id, history[0]), f"{region_id}-pengganti"
    else:
        made = _amendment(history, *_target(workspace, region_id, to, history[0].instrument))
        if not made.changes:  # the draft says what is enacted: there is nothing to amend
            return Drafted(made, [], [])
        draft, name = made.draft, f"{region_id}-perubahan"
    findings = lint(draft)
    refuse_lint_errors({region_id: findings}, allow_lint_errors)
    files = write(replace(draft, meta=replace(draft.meta, region_id=name)), ordered(formats))
    written = write_outputs((out or workspace.build) / region_id, files, force=force, inputs=workspace.inputs)
    for path in written:
        on_written(path)
    return Drafted(made, findings, written, notes)


#: What ``amend`` says when the changes exceed an amendment.
_REPLACE = (
    "which an amendment should not carry (Lampiran II UU 12/2011 angka 237, R126); draft the replacement "
    "that repeals the enacted Perkada with --replace"
)


def _amendment(history: Sequence[Snapshot], new: Draft, reasons: Sequence[str] = ()) -> Amendment:
    """The Perubahan, refused when the change is one an amendment should not carry."""
    try:
        made = amendment(history, new, reasons)
    except SystematicsChanged as exc:
        raise SubstantialChangeError(f"the new draft changes the systematics ({exc}), {_REPLACE}") from None
    if made.substantial:
        raise SubstantialChangeError(
            f"{made.changed_pasal} of {made.enacted_pasal} Pasal change: more than half, {_REPLACE}"
        )
    return made


def _undecided(loaded: LoadedRegion, original: Snapshot) -> tuple[str, ...]:
    """What the replacement leaves to the drafter: a repeal says what becomes of the decisions
    made under the repealed Perkada (Lampiran II angka 148, R89 to R91); the tool cannot know,
    so unless the region file lists an instrument besides the repealed one, it says so."""
    if [i for i in loaded.region.instruments if not _repeals(i, original.instrument)]:
        return ()
    return (
        f"the replacement repeals {peraturan(original.draft)} {original.draft.meta.region_name} Nomor "
        f"{original.instrument.number} Tahun {original.instrument.year}; list in regions/{loaded.id}.yaml"
        " `instruments` what becomes of the Keputusan made under it (fate tetap_berlaku, peralihan or"
        " dicabut: Lampiran II UU 12/2011 angka 148, R89 to R91)",
    )


def _replacement(workspace: Workspace, region_id: str, original: Snapshot) -> tuple[Draft, tuple[str, ...]]:
    """The region's draft with the enacted Perkada repealed in its Ketentuan Penutup (R89): its
    entry of ``instruments`` (added when the region file has none) gets the fate ``dicabut``;
    and what it leaves to the drafter (:func:`_undecided`)."""
    standard, loaded = load(workspace, region_id)
    enacted = original.instrument
    region = loaded.region
    listed = [i for i in region.instruments if _repeals(i, enacted)]
    others = [i for i in region.instruments if not _repeals(i, enacted)]
    repeal = schema.Instrument(
        jenis="peraturan",
        nomor=str(enacted.number),
        tahun=enacted.year,
        tentang=running_name(original.draft) or None,
        berita=int(enacted.gazette) if enacted.gazette.isdigit() else None,
        fate="dicabut",
        reason="replaced: the changes exceed an amendment (Lampiran II UU 12/2011 angka 237)",
        source=f"regions/enacted/{region_id}/{enacted.name}.json",
    )
    entries = [i.model_copy(update={"fate": "dicabut"}) for i in listed] or [repeal]
    region = region.model_copy(update={"instruments": [*others, *entries]})
    return finish(standard, replace(loaded, region=region)), _undecided(loaded, original)


def consolidate(
    workspace: Workspace,
    region_id: str,
    formats: Sequence[str],
    *,
    out: Path | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the enacted text with every enacted amendment applied, each changed Pasal marked with
    the amending instrument ("Pasal 5 diubah dengan Peraturan Bupati ... Nomor 3 Tahun 2026"), into
    ``out/<region>/<region>-konsolidasi.<suffix>``."""
    draft = marked(_required(workspace, region_id))
    files = write(
        replace(draft, meta=replace(draft.meta, region_id=f"{region_id}-konsolidasi")), ordered(formats)
    )
    return write_outputs((out or workspace.build) / region_id, files, force=force, inputs=workspace.inputs)


def _required(workspace: Workspace, region_id: str) -> list[Snapshot]:
    history = _history(workspace, region_id)
    if not history:
        raise SnapshotError(f"{region_id} has no enacted snapshot: record one with jamsostek-regs enact")
    return history


@dataclass(frozen=True, slots=True)
class Rebased:
    """A region's own changes carried from standard ``base`` to ``onto`` (see :mod:`amend.rebase`).

    Attributes:
        written: the region file, when ``--write`` updated it.
    """

    region_id: str
    base: str
    onto: str
    items: tuple[Carried, ...]
    written: Path | None = None

    @property
    def clean(self) -> bool:
        """Every own change carries over as it is."""
        return all(item.status == "clean" for item in self.items)


def rebase(
    workspace: Workspace, region_id: str, onto: str, *, base: str | None = None, write: bool = False
) -> Rebased:
    """Carry ``region_id``'s own changes from standard ``base`` (default: the version its file
    records) to ``onto``; with ``write``, and when all is clean, record ``onto`` in the file.

    Raises:
        InvalidValueError: no base version given or recorded.
        InputError: the region file is not valid under ``base`` (or, to write, under ``onto``).
    """
    path = region_path(workspace.regions, region_id)
    recorded = load_file(path, display_name(region_id)).data
    base = base or (recorded.get("standard") if isinstance(recorded, dict) else None)
    if not isinstance(base, str):
        raise InvalidValueError("base", "the region file records no standard version: give --from VERSION")
    standard, loaded = load(workspace.at(base), region_id)
    target = standard_of(workspace.at(onto))
    pure = replace(loaded, region=own(loaded.region))
    base_draft, onto_draft = finish(standard, pure), finish(target, pure)
    items = carried(loaded.region, base_draft, onto_draft, frozenset(target.legal_basis))
    result = Rebased(region_id, base, onto, items)
    if not (write and result.clean):
        return result
    text = _recorded(path.read_text(encoding="utf-8"), onto)
    valid, problems = check(load_text(text, display_name(region_id)), target)
    if valid is None:
        raise InputError(problems)
    finish(
        target, replace(loaded, region=valid)
    )  # the draft builds on the new standard, or nothing is written
    _replace_text(path, text)
    return replace(result, written=path)


def _recorded(text: str, version: str) -> str:
    """The region file ``text`` with ``standard: "<version>"``, every comment and line kept."""
    line = f'standard: "{version}"'
    if re.search(r"^standard:.*$", text, flags=re.MULTILINE):
        return re.sub(r"^standard:.*$", line, text, count=1, flags=re.MULTILINE)
    return f"{text.rstrip(chr(10))}\n{line}\n"


def _replace_text(path: Path, text: str) -> None:
    """Put ``text`` in place of the file at ``path`` at once (a new file renamed over it)."""
    temp = path.with_name(f".{path.name}.rebase")
    temp.unlink(missing_ok=True)
    create_new(temp, text.encode("utf-8"))
    try:
        temp.replace(path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise JamsostekError(f"cannot write {path}: {exc.strerror or exc}") from None
