"""Errors a user can act on. The CLI prints them; the library never prints or exits.

The whole error tree lives here; the CLI's one error funnel (``cli/_app.py``) maps each class
to a message and an exit code. Every problem names the file, line, column and key it is about,
and what was expected, in the form ``file:line:column: key.path: message``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file or template."""

    file: str
    line: int
    column: int
    key: str
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        key = f" {self.key}:" if self.key else ""
        hint = f" (did you mean '{self.hint}'?)" if self.hint else ""
        severity = " warning:" if self.severity == "warning" else ""
        return f"{where}:{key}{severity} {self.message}{hint}"

    def as_dict(self) -> dict[str, str | int]:
        """The problem as a JSON-ready mapping."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "key": self.key,
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity,
        }


class JamsostekError(Exception):
    """Base class of every error meant for the user rather than for a developer."""


class InputError(JamsostekError):
    """One or more problems in region files, the manifest or templates."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class UnknownRegionError(JamsostekError):
    """A region id that has no region file."""

    def __init__(self, region_id: str, suggestion: str | None, why: str = "") -> None:
        self.region_id = region_id
        self.suggestion = suggestion
        hint = f" (did you mean '{suggestion}'?)" if suggestion else ""
        super().__init__(f"unknown region '{region_id}'{f': {why}' if why else ''}{hint}")


class UnknownStandardVersionError(JamsostekError):
    """A standard version that is neither the current standard's nor a frozen copy's."""

    def __init__(self, version: str, known: Sequence[str]) -> None:
        self.version = version
        super().__init__(f"unknown standard version '{version}': known versions are {', '.join(known)}")


class OutputError(JamsostekError):
    """An output cannot be written; the message names the path and the reason in plain words."""


class OverwriteError(OutputError):
    """The target exists and was not written by this tool (or was edited since)."""


class PdfUnavailableError(JamsostekError):
    """PDF output was asked for, but LibreOffice is not installed."""


class UsageError(JamsostekError):
    """A request that cannot be carried out as asked (e.g. regions named and "all" asked for)."""


class FindingLike(Protocol):
    """What :class:`LintError` (and whoever reports one) reads of a linter finding."""

    @property
    def rule_id(self) -> str: ...

    @property
    def severity(self) -> str: ...


class LintError(JamsostekError):
    """Drafts have linter findings of severity error and the caller did not allow them.

    Attributes:
        findings: region id -> every finding of its draft (errors and warnings).
    """

    def __init__(self, findings: Mapping[str, Sequence[FindingLike]]) -> None:
        self.findings = findings
        lines = []
        for region_id, found in findings.items():
            errors = [f for f in found if f.severity == "error"]
            if errors:
                ids = ", ".join(sorted({f.rule_id for f in errors}, key=lambda i: int(i[1:])))
                lines.append(f"{region_id}: {len(errors)} kesalahan teknik penyusunan ({ids})")
        super().__init__("; ".join(lines))


class InvalidValueError(UsageError):
    """A value given to a use case is not acceptable.

    Attributes:
        field: which value (the use case's parameter name), so a caller can point at its input.
        reason: what is wrong with it.
    """

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


class DocumentError(JamsostekError):
    """A Word document that cannot be read as a Perkada: no DOCX, over a limit, or no Perkada.

    Attributes:
        path: the document as the user named it.
        reason: completes "<path> ...", e.g. "is not a Perkada: it has no Pasal".
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path} {reason}")


class SnapshotError(JamsostekError):
    """An enacted snapshot that cannot be read or is missing (``regions/enacted/``)."""


class SubstantialChangeError(JamsostekError):
    """The changes exceed what an amendment should carry (Lampiran II UU 12/2011 angka 237)."""


class ConflictError(JamsostekError):
    """A region file changed on disk since the edit being saved was loaded; nothing was written.

    Attributes:
        on_disk: the file's text as it is now.
        mine: the text the save would have written.
    """

    def __init__(self, name: str, on_disk: str, mine: str) -> None:
        self.on_disk = on_disk
        self.mine = mine
        super().__init__(f"{name} changed on disk since it was opened; nothing was written")
