"""The ``lint`` command."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from jamsostek_regs.cli._app import FINDINGS, command, regions_argument, say

if TYPE_CHECKING:
    from jamsostek_regs.lint import Finding
    from jamsostek_regs.workspace import Workspace


def _rule_list(fmt: str) -> str:
    from jamsostek_regs.lint.registry import ordered

    rules = ordered()
    if fmt == "json":
        fields = [
            {"id": r.id, "severity": r.severity, "source": r.source, "summary": r.summary} for r in rules
        ]
        return json.dumps(fields, ensure_ascii=False, indent=1)
    return "\n".join(f"{r.id}\t{r.severity}\t{r.source}\t{r.summary}" for r in rules)


@command("lint", writes=False, example="jamsostek-regs lint lombok-timur --strict")
@regions_argument
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--list-rules", is_flag=True, help="List the implemented rules: id, severity, source, summary.")
@click.pass_obj
def lint_command(
    workspace: Workspace, regions: tuple[str, ...], fmt: str, strict: bool, list_rules: bool
) -> str | None:
    """Check the drafts of each REGION (every region when none) against Lampiran II UU 12/2011.

    A REGION may be a Perkada DOCX (FILE.docx): its text is checked by the same rules, each
    finding at its Pasal and paragraph of the file.

    Exit 1 when any finding is an error (with --strict: any finding at all), else 0.
    """
    if list_rules:
        if regions or strict:
            raise click.UsageError("--list-rules takes no REGION and no --strict")
        say(_rule_list(fmt))
        return None
    from jamsostek_regs import app

    results = app.lint(workspace, app.select(workspace, regions, standard=True, documents=True))
    if fmt == "json":
        say(json.dumps(_as_json(results), ensure_ascii=False, indent=2))
    else:
        _echo_text(results)
    failing = [f for findings in results.values() for f in findings if strict or f.severity == "error"]
    return FINDINGS if failing else None


def _counts(findings: list[Finding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.severity == "error")
    return errors, len(findings) - errors


def _as_json(results: dict[str, list[Finding]]) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for region_id, findings in results.items():
        errors, warnings = _counts(findings)
        out[region_id] = {"errors": errors, "warnings": warnings, "findings": [f.as_dict() for f in findings]}
    return out


def _echo_text(results: dict[str, list[Finding]]) -> None:
    for region_id, findings in results.items():
        for finding in findings:
            say(f"{region_id}: {finding}")
        errors, warnings = _counts(findings)
        say(f"{region_id}: {errors} error(s), {warnings} warning(s)")
