"""The rule list of ``docs/lint-rules.md``, generated from the registry (a test keeps it in sync).

Regenerate with ``UPDATE_DOCS=1 python -m pytest tests/lint/test_docs.py``.
"""

from __future__ import annotations

import json

from jamsostek_regs.lint.finding import Finding
from jamsostek_regs.lint.registry import ordered

#: Rulebook rules without a check, with the reason (not on the tree, not decidable by a machine,
#: or outside the groups of issue 6 and not implemented yet).
NOT_CHECKED: dict[str, str] = {
    "R1": "font, size and F4 paper are properties of the DOCX writer's reference document; tested by the "
    "export tests, not visible on the tree",
    "R2": "line spacing and margins are DOCX page properties (and the top margin in L2-2022 angka 284a is "
    "an unverified OCR value)",
    "R3": "header block with emblem is practice, not law, and a per-region print setting",
    "R4": "page numbering is practice (not law) and a property of the printed pages",
    "R12": "the standard generates no repealing-only Perkada (judul PENCABUTAN ...); outside issue 6's "
    "groups",
    "R22": "whether a single konsiderans names the ordering pasal needs the parent regulation's delegation",
    "R23": "filosofis/sosiologis/yuridis elements need a human reading of each konsiderans (optional for "
    "Perkada)",
    "R25": "citing a court decision is a drafting choice, not a form",
    "R35": "amendment chains: the form is read by R34 for each cited regulation; completeness of a chain "
    "needs the gazette catalog",
    "R36": "applies to amending Perkada only (not generated)",
    "R37": "which laws a Perkada should cite is a legal judgement (practice varies, NOT VERIFIED in the "
    "rulebook)",
    "R38": "reference data (gazette numbers) for the legal-basis catalog, not a check on a draft",
    "R42": "whether material fits no group is a judgement on meaning",
    "R64": "needs the text of the higher regulation a definition is copied from",
    "R66": "asas, maksud and tujuan may sit in ketentuan umum or their own bab; both are allowed",
    "R67": "outside issue 6's groups (definitions of Menteri); not implemented yet",
    "R73": "the level of regulations referred to in running text needs the legal-basis catalog; outside "
    "issue 6's groups",
    "R78": "a general reference to unspecified rules is a judgement on intent",
    "R83": "restating the parent regulation's norms needs the parent's text",
    "R84": "outside issue 6's groups; the BAB order of R41 already places KETENTUAN PERALIHAN before "
    "KETENTUAN PENUTUP",
    "R85": "outside issue 6's groups; R41 checks that KETENTUAN PENUTUP is the last BAB",
    "R88": "retroactivity depends on the burden a provision imposes and on the parent's commencement",
    "R90": "outside issue 6's groups (level of the repealed regulation); not implemented yet",
    "R91": "keep-alive formulas are optional wording; outside issue 6's groups",
    "R99": "electronic signature is a signing procedure, not text",
    "R100": "a Perkada penjelasan is optional; the standard generates none",
    "R101": "the standard generates no penjelasan",
    "R102": "NOT VERIFIED in the rulebook (where a Perkada penjelasan is published)",
    "R104": "what a lampiran may contain is a non-exhaustive list",
    "R109": "applies to amending a lampiran only (not generated)",
    "R110": "an exception, applied by R111 and R113: tables in a lampiran are not checked for number words",
    "R118": "the exact scope of L2-2022 angka 270a is NOT VERIFIED (OCR text); outside issue 6's groups",
    "R119": "one term per concept needs a judgement on synonyms",
    "R120": "true reduplications (kupu-kupu, undang-undang) cannot be told from plurals without a dictionary",
    "R121": "capitals of jabatan, profession and institution names need a list of names; R63 covers defined "
    "terms",
    "R122": "italics are a run property of the DOCX, not on the tree; foreign words need a dictionary",
    "R123": "whether a list is cumulative or alternative is a judgement on meaning; R55 checks where the "
    "word stands",
    "R126": "decided by `amend` itself before any tree is made: it refuses a Perubahan when more than half "
    "of the Pasal change (angka 237) and offers the replacement (`--replace`)",
    "R127": "made by `amend` itself: Pasal I of a Perkada amended more than once lists every earlier "
    "amendment a., b., c. with its Berita Daerah; not a finding on a tree",
}

#: Choices the rulebook leaves open, as the checks make them.
NOTES = (
    "An amending Perkada (`amend`) is checked by the rules on its own judul, pembukaan and penutup and by "
    "R11, R124 and R125; the units its Pasal I restates are the enacted text's, and R9's length limit is "
    "left to R11 (the name of a Perubahan repeats the amended one's).",
    "R63 and R64: definitions copied from a higher regulation keep its wording, lowercase words included "
    "(L2 angka 98 itself writes 'Bupati dan perangkat daerah'), so R63 checks every use after the ketentuan "
    "umum (later Pasal and the lampiran, L2 angka 108) and not the definitions; R61 checks the head of a "
    "definition (term, short form, 'adalah') and not its body. A few terms of art keep a defined word in its "
    "generic sense ('kepala daerah', 'daerah otonom', 'pembangunan daerah', 'keuangan daerah').",
    "R111 exempts the numbers of references, regulations, gazettes, years and dates; percentages are R112's "
    "and money R113's; tables in a lampiran are not checked (R110).",
    "Layout rules (centred judul, right-hand penetapan, lampiran heading) read the paragraph style each line "
    "gets from layout.layout(); page size and fonts are the DOCX writer's and are tested there.",
    "The draft-mode '...' placeholders are accepted wherever a number, date, place or name is not known yet.",
    "R51 reads which norm a sanction enforces from its reference ('... sebagaimana dimaksud dalam Pasal 5 "
    "... dikenai sanksi'): a sanction is in the last Pasal it refers to; that it comes after the norm is "
    "R74's check of forward references.",
    "R130 and later are not in the rulebook: they check legal substance found by the legal review of the "
    "shipped drafts (issue 12), each with its own source; the names R130 and R131 look for are the lists "
    "of jamsostek_regs/lint/nomenclature.py, each entry with its source.",
)

SAMPLE = Finding(
    rule_id="R63",
    severity="error",
    source="Lampiran II UU 12/2011 angka 108",
    message_id_text='Istilah "Program Jaminan Sosial Ketenagakerjaan" didefinisikan dalam Pasal 1 angka 8: '
    "tulis "
    '"Program Jaminan Sosial Ketenagakerjaan", bukan "program Jaminan Sosial Ketenagakerjaan".',
    location="Pasal 4 huruf b",
    key="maksud_tujuan.ruang_lingkup.ruang_lingkup.2",
)


def id_ranges(ids: list[str]) -> str:
    """Rule ids in rulebook order, three or more in a row as a range: "R5 to R10, R13, R15, R16"."""
    numbers = sorted(int(i[1:]) for i in ids)
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"R{r[0]} to R{r[-1]}" if len(r) > 2 else ", ".join(f"R{n}" for n in r) for r in runs)


def readme_summary() -> str:
    """The README's two list items: which rules are implemented and which are not."""
    implemented = [r.id for r in ordered()]
    return (
        f"- Implemented ({len(implemented)}): {id_ranges(implemented)}.\n"
        f"- Not checked mechanically ({len(NOT_CHECKED)}, each with its reason in the list): "
        f"{id_ranges(list(NOT_CHECKED))}."
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown() -> str:
    """The whole of ``docs/lint-rules.md``."""
    rules = ordered()
    lines = [
        "# Drafting-technique linter: rules",
        "",
        "<!-- Generated by jamsostek_regs.lint.docs.markdown(); tests/lint/test_docs.py fails when it "
        "drifts. -->",
        "",
        "`jamsostek-regs lint` checks every draft against the rulebook "
        f"(`../shared/reference/drafting_rules.md`). {len(rules)} rules are implemented "
        f"({sum(r.in_rulebook for r in rules)} of the rulebook, {sum(not r.in_rulebook for r in rules)} "
        "beyond it); `lint "
        "--list-rules` prints the same list. An error blocks `assemble` and `export` unless `--no-lint`; "
        "warnings fail only with `lint --strict`.",
        "",
        "## Sample finding",
        "",
        "```text",
        f"lombok-timur: {SAMPLE}",
        "```",
        "",
        "With `--format json` each region maps to its counts and findings:",
        "",
        "```json",
        '{"lombok-timur": {"errors": 1, "warnings": 0, "findings": [',
        "  " + _json(SAMPLE),
        "]}}",
        "```",
        "",
        "## Choices",
        "",
        "- Severity: a rule is an error when the rulebook gives an exact CHECK; a warning when it says "
        f"soft or warn ({', '.join(r.id for r in rules if r.severity == 'warning')}).",
        *(f"- {note}" for note in NOTES),
        "",
        "## Implemented rules",
        "",
        "| id | severity | source | summary |",
        "| --- | --- | --- | --- |",
        *(f"| {r.id} | {r.severity} | {_cell(r.source)} | {_cell(r.summary)} |" for r in rules),
        "",
        "## Rules not checked mechanically",
        "",
        "| id | reason |",
        "| --- | --- |",
        *(f"| {rule_id} | {_cell(reason)} |" for rule_id, reason in NOT_CHECKED.items()),
        "",
    ]
    return "\n".join(lines)


def _json(finding: Finding) -> str:
    return json.dumps(finding.as_dict(), ensure_ascii=False)
