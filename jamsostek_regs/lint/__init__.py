"""Drafting-technique linter: checks a draft against Lampiran II UU 12/2011 (the rulebook R1-R129).

:func:`lint` runs every registered rule on the document tree and returns the findings in
document order; :func:`check_or_raise` is what ``assemble`` and ``export`` call before writing.
Each rule lives in a ``rules_*`` module, one small function per rule id (see ``registry``).
"""

from __future__ import annotations

from jamsostek_regs.errors import JamsostekError
from jamsostek_regs.lint import (  # noqa: F401  (importing a module registers its rules)
    rules_bilangan,
    rules_judul,
    rules_ketentuan_umum,
    rules_lampiran,
    rules_mengingat,
    rules_menimbang,
    rules_muatan,
    rules_pembukaan,
    rules_penutup,
    rules_rincian,
    rules_rujukan,
    rules_struktur,
    rules_tingkat,
)
from jamsostek_regs.lint.context import context
from jamsostek_regs.lint.finding import Finding, Severity
from jamsostek_regs.lint.registry import RULES, Rule, ordered
from jamsostek_regs.model import Draft

__all__ = ["RULES", "Finding", "LintError", "Rule", "Severity", "check_or_raise", "errors", "lint"]


class LintError(JamsostekError):
    """A draft has findings of severity error and the caller did not allow them."""

    def __init__(self, region_id: str, findings: list[Finding]) -> None:
        self.findings = findings
        ids = ", ".join(sorted({f.rule_id for f in errors(findings)}, key=lambda i: int(i[1:])))
        super().__init__(
            f"{region_id}: {len(errors(findings))} kesalahan teknik penyusunan ({ids}); nothing was written "
            "(--no-lint writes anyway)"
        )


def lint(draft: Draft) -> list[Finding]:
    """Every finding of every rule on ``draft``, in document order, then rule order."""
    ctx = context(draft)
    findings = [
        Finding(r.id, r.severity, r.source, hit.message, ctx.places.get(hit.key, hit.key), hit.key)
        for r in ordered()
        for hit in r.check(draft, ctx)
    ]
    unique = dict.fromkeys(findings)
    return sorted(unique, key=lambda f: (ctx.order.get(f.key, -1), RULES[f.rule_id].number))


def errors(findings: list[Finding]) -> list[Finding]:
    """The findings of severity error."""
    return [f for f in findings if f.severity == "error"]


def check_or_raise(draft: Draft, allow_errors: bool = False) -> list[Finding]:
    """Lint ``draft``; raise :class:`LintError` on any error unless ``allow_errors``."""
    findings = lint(draft)
    if errors(findings) and not allow_errors:
        raise LintError(draft.meta.region_id, findings)
    return findings
