"""The ``lint`` command, and the lint step ``assemble`` and ``export`` run before writing.

Only click and the CLI's group are imported at the top, so ``jamsostek-regs --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

import click

from jamsostek_regs.cli import handle_errors, main

if TYPE_CHECKING:
    from jamsostek_regs.lint import Finding
    from jamsostek_regs.model import Draft
    from jamsostek_regs.workspace import Workspace


def echo_findings(region_id: str, findings: list[Finding]) -> None:
    """Print ``findings`` to stderr, one line each, prefixed with the region id."""
    for finding in findings:
        colour = "red" if finding.severity == "error" else "yellow"
        click.secho(f"{region_id}: {finding}", fg=colour, err=True)


def check_drafts(drafts: Mapping[str, Draft], allow_errors: bool) -> None:
    """Lint every draft, print the findings, and raise on an error unless ``allow_errors``.

    ``assemble`` and ``export`` call this before writing anything (``--no-lint`` allows errors).
    """
    from jamsostek_regs.lint import LintError, errors, lint

    results = {region_id: lint(draft) for region_id, draft in drafts.items()}
    for region_id, findings in results.items():
        echo_findings(region_id, findings)
    for region_id, findings in results.items():
        if errors(findings) and not allow_errors:
            raise LintError(region_id, findings)


def _rule_list(fmt: str) -> str:
    from jamsostek_regs.lint.registry import ordered

    rules = ordered()
    if fmt == "json":
        fields = [
            {"id": r.id, "severity": r.severity, "source": r.source, "summary": r.summary} for r in rules
        ]
        return json.dumps(fields, ensure_ascii=False, indent=1)
    return "\n".join(f"{r.id}\t{r.severity}\t{r.source}\t{r.summary}" for r in rules)


def _drafts(workspace: Workspace, regions: tuple[str, ...]) -> dict[str, Draft]:
    from jamsostek_regs.pipeline import assemble
    from jamsostek_regs.source.regions import every_region

    ids = list(dict.fromkeys(regions)) or every_region(workspace.regions)
    return {region_id: assemble(workspace, region_id) for region_id in ids}


@main.command(name="lint")
@click.argument("regions", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--list-rules", is_flag=True, help="List the implemented rules: id, severity, source, summary.")
@click.pass_obj
@handle_errors
def lint_command(
    workspace: Workspace, regions: tuple[str, ...], fmt: str, strict: bool, list_rules: bool
) -> None:
    """Check the drafts of REGION ... (every region when none) against Lampiran II UU 12/2011.

    Exit 1 when any finding is an error (with --strict: any finding at all), else 0.
    """
    if list_rules:
        if regions or strict:
            raise click.UsageError("--list-rules takes no REGION and no --strict")
        click.echo(_rule_list(fmt))
        return
    from jamsostek_regs.lint import lint

    results = {region_id: lint(draft) for region_id, draft in _drafts(workspace, regions).items()}
    if fmt == "json":
        click.echo(json.dumps(_as_json(results), ensure_ascii=False, indent=2))
    else:
        _echo_text(results)
    failing = [f for findings in results.values() for f in findings if strict or f.severity == "error"]
    sys.exit(1 if failing else 0)


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
            click.echo(f"{region_id}: {finding}")
        errors, warnings = _counts(findings)
        click.echo(f"{region_id}: {errors} error(s), {warnings} warning(s)")
