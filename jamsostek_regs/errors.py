"""Errors a user can act on. The CLI prints them; the library never prints or exits.

Every problem names the file, line, column and key it is about, and what was expected, in
the form ``file:line:column: key.path: message``.
"""

from __future__ import annotations

from dataclasses import dataclass


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
        return f"{where}:{key} {self.message}{hint}"

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


class OutputError(JamsostekError):
    """An output cannot be written; the message names the path and the reason in plain words."""


class OverwriteError(OutputError):
    """The target exists and was not written by this tool (or was edited since)."""
