"""Drafting-technique linter: checks a draft against Lampiran II UU 12/2011 (the rulebook R1-R129).

:func:`lint` runs every registered rule on the document tree and returns the findings in
document order (``pipeline.refuse_lint_errors`` decides whether a draft with errors is written).
Each rule lives in a ``rules_*`` module, one small function per rule id (see ``registry``).
"""

from __future__ import annotations

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
    rules_perubahan,
    rules_rincian,
    rules_rujukan,
    rules_struktur,
    rules_substansi,
    rules_tingkat,
)
from jamsostek_regs.lint.context import context
from jamsostek_regs.lint.finding import Finding, Severity
from jamsostek_regs.lint.registry import RULES, Rule, ordered
from jamsostek_regs.model import Draft

__all__ = ["RULES", "Finding", "Rule", "Severity", "errors", "lint"]


#: The rules an amending Perkada (root ``perubahan``) is checked by: those on its own judul,
#: pembukaan and penutup, and the Perubahan's own (R11, R124, R125). The units Pasal I restates
#: are the enacted text's, checked when it was drafted; the long name of R9 is R11's matter.
_PERUBAHAN_MODULES = frozenset(
    f"jamsostek_regs.lint.{name}"
    for name in (
        "rules_judul",
        "rules_pembukaan",
        "rules_menimbang",
        "rules_mengingat",
        "rules_penutup",
        "rules_perubahan",
    )
)
_PERUBAHAN_SKIPS = frozenset({"R9"})


def _applies(r: Rule, draft: Draft) -> bool:
    if draft.root.kind != "perubahan":
        return True
    return r.check.__module__ in _PERUBAHAN_MODULES and r.id not in _PERUBAHAN_SKIPS


def lint(draft: Draft) -> list[Finding]:
    """Every finding of every rule on ``draft``, in document order, then rule order."""
    ctx = context(draft)
    version = draft.meta.standard_version
    findings = [
        Finding(
            r.id, r.severity_for(version), r.source, hit.message, ctx.places.get(hit.key, hit.key), hit.key
        )
        for r in ordered()
        if _applies(r, draft)
        for hit in r.check(draft, ctx)
    ]
    unique = dict.fromkeys(findings)
    return sorted(unique, key=lambda f: (ctx.order.get(f.key, -1), RULES[f.rule_id].number))


def errors(findings: list[Finding]) -> list[Finding]:
    """The findings of severity error."""
    return [f for f in findings if f.severity == "error"]
