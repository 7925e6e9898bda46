"""The rule registry: one small function per rulebook rule, registered by a decorator.

A rule function takes the draft and the shared :class:`~jamsostek_regs.lint.context.Context`
and yields :class:`Hit` values (the node key and the message); :func:`jamsostek_regs.lint.lint`
turns them into findings with the rule's id, severity, source and the location words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jamsostek_regs.lint.finding import Severity
from jamsostek_regs.model import Draft

if TYPE_CHECKING:
    from jamsostek_regs.lint.context import Context


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule function reports: the node key and the message (Bahasa Indonesia)."""

    key: str
    message: str


RuleFn = Callable[[Draft, "Context"], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One implemented rule of the rulebook."""

    id: str
    severity: Severity
    source: str
    summary: str
    check: RuleFn
    #: The standard version from which an error of this rule refuses a build; a draft of an earlier
    #: version (rebuilt to compare, say) gets the finding as a warning: that text predates the rule.
    since: str = ""

    def severity_for(self, version: str) -> Severity:
        """The severity of a finding on a draft of the standard ``version``."""
        older = bool(self.since) and _version(version) < _version(self.since)
        return "warning" if older and self.severity == "error" else self.severity

    @property
    def number(self) -> int:
        """The numeric part of the id, for ordering ("R63" -> 63)."""
        return int(self.id[1:])

    @property
    def in_rulebook(self) -> bool:
        """Whether the rule is one of the rulebook's (not a legal-substance check beyond it)."""
        return self.number <= RULEBOOK_LAST


RULES: dict[str, Rule] = {}
#: The last id of the rulebook (drafting_rules.md R1-R129); later ids check legal substance the
#: legal review found (issue 12), each with its own source.
RULEBOOK_LAST = 129
_ID = re.compile(r"^R[1-9][0-9]*$")


def rule(
    rule_id: str, severity: Severity, source: str, summary: str, since: str = ""
) -> Callable[[RuleFn], RuleFn]:
    """Register the decorated function as the check of ``rule_id`` (``since``: see :attr:`Rule.since`)."""

    def register(fn: RuleFn) -> RuleFn:
        if not _ID.match(rule_id) or rule_id in RULES:
            raise ValueError(f"rule id {rule_id!r} is malformed or registered twice")
        RULES[rule_id] = Rule(rule_id, severity, source, summary, fn, since)
        return fn

    return register


def _version(text: str) -> tuple[int, ...]:
    """``"2025.1"`` as ``(2025, 1)``; a version that is not dotted numbers sorts first."""
    parts = text.split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else ()


def ordered() -> list[Rule]:
    """Every registered rule in rulebook order."""
    return sorted(RULES.values(), key=lambda r: r.number)
