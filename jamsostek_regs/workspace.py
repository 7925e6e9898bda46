"""The project folder a command works in: region files, the standard clause library, outputs.

The standard in ``templates/kemendagri_standard/`` is the current one. An earlier version stays
loadable beside it as a frozen copy, ``templates/kemendagri_standard@<version>/`` (a manifest
``version`` such as ``2025.1``), so a region drafted under it can be rebuilt and diffed against
the current standard. A workspace with a ``version`` reads that copy; whether the version
exists is checked where the standard is loaded (:func:`jamsostek_regs.source.standard.standard_of`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

STANDARD = "kemendagri_standard"
#: Between the standard's folder name and a frozen version's id: ``kemendagri_standard@2025.1``.
AT = "@"
#: The pseudo-region id of the standard draft with its default values (``defaults.yaml``).
STANDARD_REGION = "standard"
DEFAULTS = "defaults.yaml"


@dataclass(frozen=True, slots=True)
class Workspace:
    """The folders a project works in, and the version of the standard it drafts with.

    Attributes:
        root: the project folder.
        version: the standard's version (``None``: the current standard).
    """

    root: Path
    version: str | None = None

    def at(self, version: str | None) -> Workspace:
        """The same project, drafting with standard ``version`` (``None``: the current one)."""
        return replace(self, version=version)

    def of(self, ref: str) -> tuple[Workspace, str]:
        """The workspace and region id of ``region`` or ``region@version`` ("lahat@2025.1")."""
        region_id, at, version = ref.partition(AT)
        return (self.at(version) if at else self), region_id

    @property
    def regions(self) -> Path:
        """Folder of the region files."""
        return self.root / "regions"

    @property
    def standard(self) -> Path:
        """Folder of the standard clause library: the frozen copy of :attr:`version`, if there is
        one, else the current standard (which may be that version, or not: see ``standard_of``)."""
        frozen = self.frozen.get(self.version or "")
        return frozen or self.root / "templates" / STANDARD

    @property
    def frozen(self) -> dict[str, Path]:
        """The frozen earlier versions of the standard: version id -> folder, in name order."""
        folders = sorted((self.root / "templates").glob(f"{STANDARD}{AT}*"))
        return {path.name.partition(AT)[2]: path for path in folders if path.is_dir()}

    @property
    def inputs(self) -> tuple[Path, Path]:
        """The folders the tool reads and never writes: region files and clause libraries."""
        return (self.regions, self.root / "templates")

    @property
    def build(self) -> Path:
        """Default output folder."""
        return self.root / "build"


def find_root(start: Path) -> Path:
    """The project folder ``start`` lies in: ``start`` itself or its nearest parent holding the
    standard (``templates/kemendagri_standard/manifest.yaml``), as git finds its repository from
    a subfolder; ``start`` when none does (the error then names ``start``)."""
    for folder in (start, *start.parents):
        if (folder / "templates" / STANDARD / "manifest.yaml").is_file():
            return folder
    return start
