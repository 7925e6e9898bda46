"""One finding of the drafting-technique linter: which rule, where, and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """A place in a draft that breaks a rule of the rulebook.

    Attributes:
        rule_id: the rulebook id ("R63").
        severity: ``error`` blocks a build; ``warning`` only with ``--strict``.
        source: the legal source the rule enforces ("Lampiran II UU 12/2011 angka 108").
        message_id_text: what is wrong and how to fix it, in Bahasa Indonesia.
        location: the place in drafting words ("Pasal 12 ayat (2) huruf b", "Menimbang huruf c").
        key: the stable key of the node the finding is about.
    """

    rule_id: str
    severity: Severity
    source: str
    message_id_text: str
    location: str
    key: str

    def __str__(self) -> str:
        return f"{self.location}: {self.rule_id} {self.severity}: {self.message_id_text} [{self.source}]"

    def as_dict(self) -> dict[str, str]:
        """The finding as a JSON-ready mapping."""
        return asdict(self)
