"""The project folder a command works in: region files, the standard clause library, outputs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STANDARD = "kemendagri_standard"
#: The pseudo-region id of the standard draft with its default values (``defaults.yaml``).
STANDARD_REGION = "standard"
DEFAULTS = "defaults.yaml"


@dataclass(frozen=True, slots=True)
class Workspace:
    """The folders a project works in."""

    root: Path

    @property
    def regions(self) -> Path:
        """Folder of the region files."""
        return self.root / "regions"

    @property
    def standard(self) -> Path:
        """Folder of the standard clause library."""
        return self.root / "templates" / STANDARD

    @property
    def inputs(self) -> tuple[Path, Path]:
        """The folders the tool reads and never writes: region files and clause libraries."""
        return (self.regions, self.root / "templates")

    @property
    def build(self) -> Path:
        """Default output folder."""
        return self.root / "build"
