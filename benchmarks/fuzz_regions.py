"""Fuzz region files and attached Word documents through the real CLI; report what breaks.

Each mutant (see :mod:`fuzz_mutations`) goes into a copy of this repository's ``templates/``
and ``regions/`` (a region file as ``regions/fuzz.yaml``, a document as the example lampiran of
``tests/attachments`` attached to ``regions/lahat.yaml`` in that copy) and through ``validate``
and ``assemble --format docx,md,html,txt`` run in-process with click's CliRunner, in a forked
child per mutant (warm imports and caches, a clean state, and a child that does not answer can
be killed). A command that runs over the timeout is interrupted by SIGALRM, so its traceback
says where it hung.

A finding is any of:

* ``traceback``: an exception other than the CLI's exits (signature: the exception type and
  the innermost frame in ``jamsostek_regs/``);
* ``hang``: a command over the timeout (signature: where it was interrupted), or a child that
  did not answer at all and was killed;
* ``no line``: a problem printed without a file or a real line (``:0:1:``, ``x:0:``);
* ``disagree``: assemble wrote a draft of what validate refuses, or (attached documents)
  validate passed what assemble refused;
* ``output``: an exit code other than 0, 1 or 2, an assembled draft missing a format, a
  temporary file left behind, or a written DOCX python-docx cannot open.

Usage: ``python benchmarks/fuzz_regions.py --count N --seed S [--docx M] [--jobs J]
[--timeout SECONDS] [--keep FOLDER] [--only region:I|docx:I]``. Prints the findings grouped
by signature with an example of each, the slowest run and the total time; ``--keep`` saves
the mutant of each finding for replay. Exits 1 when there is any finding.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from fuzz_mutations import ATTACHMENT, Mutant, docx_mutant, region_mutant  # noqa: E402

from tests.attachments import EXAMPLE, attach_example  # noqa: E402

FORMATS = "docx,md,html,txt"
SUFFIXES = (".docx", ".md", ".html", ".txt")
PACKAGE = str(ROOT / "jamsostek_regs")
#: A problem line: ``file:line:column: ...``.
_PROBLEM = re.compile(r"^(?P<file>[^\s:]*):(?P<line>-?\d+):(?P<column>-?\d+):(?: |$)")
#: How assemble says it refused a draft only because the linter found drafting errors.
_LINT_REFUSAL = "(--no-lint writes anyway)"


class Hang(BaseException):
    """Raised by SIGALRM in a command over the timeout (not an Exception: nothing catches it)."""


@dataclass
class Run:
    """One command on one mutant."""

    command: str
    code: int | None = None
    seconds: float = 0.0
    out: str = ""
    err: str = ""
    signature: str = ""  # of a traceback or a hang
    trace: str = ""


@dataclass
class Finding:
    """Something wrong with one mutant (see the module docstring for the kinds)."""

    kind: str
    signature: str
    mutant: str
    detail: str = ""


@dataclass
class Report:
    """What a fuzz run found, and how long it took."""

    mutants: int = 0
    runs: int = 0
    findings: list[Finding] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    started: float = field(default_factory=time.perf_counter)
    peak_kb: tuple[int, str] = (0, "")
    #: The mutants that gave a finding, by label.
    examples: dict[str, Mutant] = field(default_factory=dict)
    #: "validate exit 0" and so on: how often each command ended how.
    outcomes: Counter[str] = field(default_factory=Counter)

    def add(self, mutant: Mutant, runs: list[Run], findings: list[Finding], peak_kb: int) -> None:
        label = mutant.label
        self.mutants += 1
        self.runs += len(runs)
        self.findings += findings
        if findings:
            self.examples[label] = mutant
        for run in runs:
            self.outcomes[f"{mutant.kind} {run.command} exit {run.code}"] += 1
            if run.seconds > self.slowest[0]:
                self.slowest = (run.seconds, f"{run.command} on {label}")
        if peak_kb > self.peak_kb[0]:
            self.peak_kb = (peak_kb, label)


# ------------------------------------------------------------------------- in the child


def signature(exc: BaseException) -> str:
    """Exception type and the innermost frame of this package (or the innermost of all)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f.filename.startswith(PACKAGE)]
    frame = (ours or frames or [None])[-1]
    where = f"{os.path.relpath(frame.filename, ROOT)}:{frame.name}" if frame else "?"
    return f"{type(exc).__name__} at {where}"


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hang


def invoke(workspace: Path, timeout: float, *args: str) -> Run:
    """Run ``jamsostek-regs -C workspace ARGS`` in this process, under a timeout."""
    from click.testing import CliRunner

    from jamsostek_regs.cli import main

    run = Run(args[0])
    start = time.perf_counter()
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        result = CliRunner().invoke(main, ["-C", str(workspace), *args], catch_exceptions=True)
        run.code, run.out, run.err = result.exit_code, result.stdout, result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            run.signature = signature(result.exception)
            run.trace = "".join(traceback.format_exception(result.exception))
    except Hang as exc:
        run.signature = signature(exc)
        run.trace = "".join(traceback.format_exception(exc))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        run.seconds = time.perf_counter() - start
    return run


def check(mutant: Mutant, workspace: Path, timeout: float) -> tuple[list[Run], list[Finding]]:
    """Validate and assemble one mutant already in ``workspace``; the runs and findings."""
    region = "fuzz" if mutant.kind == "region" else "lahat"
    out = workspace / "out"
    validate = invoke(workspace, timeout, "validate", region)
    assemble = invoke(workspace, timeout, "assemble", region, "--format", FORMATS, "--out", str(out))
    runs = [validate, assemble]
    findings = [f for run in runs for f in _run_findings(mutant, run, timeout)]
    findings += _agreement(mutant, validate, assemble)
    findings += _outputs(mutant, assemble, out / region, region)
    return runs, findings


def _run_findings(mutant: Mutant, run: Run, timeout: float) -> Iterator[Finding]:
    if run.signature:
        kind = "hang" if run.signature.startswith("Hang") else "traceback"
        yield Finding(kind, f"{run.command}: {run.signature}", mutant.label, run.trace[-3000:])
    elif run.seconds > timeout:
        yield Finding("hang", f"{run.command}: over {timeout:g} s", mutant.label, f"{run.seconds:.1f} s")
    if run.code not in (0, 1, 2, None):
        yield Finding("output", f"{run.command}: exit {run.code}", mutant.label, run.err[-500:])
    for line in (run.out + run.err).splitlines():
        found = _PROBLEM.match(line)
        if found and (not found["file"] or int(found["line"]) < 1 or int(found["column"]) < 1):
            yield Finding("no line", f"{run.command}: problem without a place", mutant.label, line[:300])
            break


def _agreement(mutant: Mutant, validate: Run, assemble: Run) -> Iterator[Finding]:
    if validate.signature or assemble.signature:
        return
    if assemble.code == 0 and validate.code != 0:
        yield Finding("disagree", "assemble wrote what validate refuses", mutant.label, validate.out[-500:])
    refused = assemble.code != 0 and _LINT_REFUSAL not in assemble.err
    if mutant.kind == "docx" and validate.code == 0 and refused:
        yield Finding(
            "disagree", "validate passed a document assemble refused", mutant.label, assemble.err[-500:]
        )


def _outputs(mutant: Mutant, assemble: Run, folder: Path, region: str) -> Iterator[Finding]:
    temporary = [p.name for p in folder.parent.rglob("*.tmp")] if folder.parent.exists() else []
    if temporary:
        yield Finding("output", "temporary file left", mutant.label, ", ".join(temporary))
    if assemble.code != 0:
        return
    missing = [s for s in SUFFIXES if not (folder / f"{region}{s}").is_file()]
    if missing:
        yield Finding("output", "assembled draft misses formats", mutant.label, ", ".join(missing))
        return
    import docx

    try:
        docx.Document(str(folder / f"{region}.docx"))
    except Exception as exc:
        yield Finding("output", f"written DOCX does not open: {type(exc).__name__}", mutant.label, str(exc))


# ------------------------------------------------------------------------ in the parent


@dataclass
class Slot:
    """A workspace a child works in, and the child working there."""

    root: Path
    pid: int = 0
    mutant: Mutant | None = None
    deadline: float = 0.0

    @property
    def result(self) -> Path:
        return self.root / "result.json"


def make_slot(folder: Path) -> Slot:
    for name in ("templates", "regions"):
        shutil.copytree(ROOT / name, folder / name)
    attach_example(folder / "regions", "lahat")
    return Slot(folder)


def _prepare(slot: Slot, mutant: Mutant) -> None:
    """Put ``mutant`` in the slot's workspace, everything else as shipped."""
    shutil.rmtree(slot.root / "out", ignore_errors=True)
    slot.result.unlink(missing_ok=True)
    attached = slot.root / "regions" / ATTACHMENT
    region = slot.root / "regions" / "fuzz.yaml"
    if mutant.kind == "docx":
        attached.write_bytes(mutant.data)
        region.unlink(missing_ok=True)
    else:
        shutil.copyfile(EXAMPLE, attached)
        region.write_bytes(mutant.data)


def _start(slot: Slot, mutant: Mutant, timeout: float) -> None:
    _prepare(slot, mutant)
    pid = os.fork()
    if pid == 0:  # the child: run, write the result, leave without clean-up of the parent's
        code = 0
        try:
            runs, findings = check(mutant, slot.root, timeout)
            payload: dict[str, Any] = {
                "runs": [run.__dict__ for run in runs],
                "findings": [f.__dict__ for f in findings],
            }
            slot.result.write_text(json.dumps(payload), encoding="utf-8")
        except BaseException:
            traceback.print_exc()
            code = 3
        finally:
            os._exit(code)
    slot.pid, slot.mutant, slot.deadline = pid, mutant, time.monotonic() + 2 * timeout + 20


def _finish(slot: Slot, status: int, peak_kb: int, report: Report) -> None:
    mutant = slot.mutant
    assert mutant is not None
    runs: list[Run] = []
    findings: list[Finding] = []
    if slot.result.exists():
        payload = json.loads(slot.result.read_text(encoding="utf-8"))
        runs = [Run(**r) for r in payload["runs"]]
        findings = [Finding(**f) for f in payload["findings"]]
    elif os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        findings = [Finding("hang", "child killed: no answer", mutant.label)]
    else:
        findings = [Finding("traceback", f"child died (status {status})", mutant.label)]
    report.add(mutant, runs, findings, peak_kb)
    slot.pid, slot.mutant = 0, None
    if report.mutants % 500 == 0:
        elapsed = time.perf_counter() - report.started
        print(f"{report.mutants} mutants, {len(report.findings)} findings, {elapsed:.0f} s", file=sys.stderr)


def mutants(seed: int, count: int, docx: int, only: str = "") -> Iterator[Mutant]:
    """The region mutants, then the document mutants (or just the one ``only`` names)."""
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "regions").glob("*.yaml"))}
    if only:
        kind, _, index = only.partition(":")
        yield region_mutant(seed, int(index), seeds) if kind == "region" else docx_mutant(seed, int(index))
        return
    for index in range(count):
        yield region_mutant(seed, index, seeds)
    for index in range(docx):
        yield docx_mutant(seed, index)


def run(seed: int, count: int, docx: int, jobs: int = 1, timeout: float = 10.0, only: str = "") -> Report:
    """Fuzz ``count`` region mutants and ``docx`` document mutants; the report."""
    report = Report()
    pending = mutants(seed, count, docx, only)
    with tempfile.TemporaryDirectory(prefix="fuzz-regions-") as folder:
        slots = [make_slot(Path(folder) / f"slot{n}") for n in range(jobs)]
        _warm(slots[0], timeout)
        exhausted = False
        try:
            while True:
                for slot in slots:
                    if not slot.pid and not exhausted:
                        mutant = next(pending, None)
                        if mutant is None:
                            exhausted = True
                        else:
                            _start(slot, mutant, timeout)
                busy = [slot for slot in slots if slot.pid]
                if not busy:
                    return report
                _reap(busy, report)
        finally:  # an error or Ctrl-C here leaves no child running
            for slot in slots:
                if slot.pid:
                    os.kill(slot.pid, signal.SIGKILL)
                    os.waitpid(slot.pid, 0)


def _warm(slot: Slot, timeout: float) -> None:
    """Import and cache in the parent what every child needs (the standard, the writers)."""
    import docx  # noqa: F401

    invoke(slot.root, timeout, "assemble", "lahat", "--format", FORMATS, "--out", str(slot.root / "out"))


def _reap(busy: list[Slot], report: Report) -> None:
    """Wait for a child to end (or kill the ones past their deadline)."""
    pid, status, usage = os.wait4(-1, os.WNOHANG)
    if pid == 0:
        now = time.monotonic()
        for slot in busy:
            if now > slot.deadline:
                os.kill(slot.pid, signal.SIGKILL)
        time.sleep(0.005)
        return
    slot = next(s for s in busy if s.pid == pid)
    _finish(slot, status, int(usage.ru_maxrss), report)


def print_report(report: Report, keep: Path | None = None) -> None:
    """The counts, the slowest run, and each group of findings with an example."""
    total = time.perf_counter() - report.started
    print(f"{report.mutants} mutants, {report.runs} CLI runs in {total:.1f} s")
    print(f"slowest run: {report.slowest[0]:.2f} s ({report.slowest[1]})")
    print(f"largest child: {report.peak_kb[0] / 1000:.0f} MB peak RSS ({report.peak_kb[1]})")
    print("outcomes: " + ", ".join(f"{n} {what}" for what, n in sorted(report.outcomes.items())))
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault((finding.kind, finding.signature), []).append(finding)
    counts = {kind: sum(len(g) for (k, _), g in groups.items() if k == kind) for kind, _ in groups}
    print("findings: " + (", ".join(f"{n} {kind}" for kind, n in counts.items()) or "none"))
    for (kind, sig), found in sorted(groups.items(), key=lambda item: -len(item[1])):
        print(f"\n[{kind}] {sig}  x{len(found)}\n  e.g. {found[0].mutant}")
        if found[0].detail:
            print("  " + found[0].detail.strip().replace("\n", "\n  ")[-1500:])
        if keep is not None:
            mutant = report.examples[found[0].mutant]
            keep.mkdir(parents=True, exist_ok=True)
            suffix = ".docx" if mutant.kind == "docx" else ".yaml"
            (keep / f"{mutant.kind}-{mutant.index}{suffix}").write_bytes(mutant.data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="region-file mutants")
    parser.add_argument("--docx", type=int, default=0, help="attached-document mutants")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per command")
    parser.add_argument("--keep", type=Path, help="save the mutant of each finding here")
    parser.add_argument("--only", default="", help="run one mutant: region:I or docx:I")
    args = parser.parse_args()
    report = run(args.seed, args.count, args.docx, args.jobs, args.timeout, args.only)
    print_report(report, args.keep)
    sys.exit(1 if report.findings else 0)


if __name__ == "__main__":
    main()
