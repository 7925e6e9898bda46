"""One owner of the Word file format: no other module spells its namespace; input-side code
(``source/``) never imports a writer."""

from __future__ import annotations

import ast
from pathlib import Path

from jamsostek_regs.ooxml.names import W_NS
from tests.conftest import ROOT

PACKAGE = ROOT / "jamsostek_regs"
URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_only_the_owner_spells_the_wordprocessingml_namespace() -> None:
    assert W_NS == URI
    spelled = [
        p.relative_to(ROOT).as_posix() for p in _modules(PACKAGE) if URI in p.read_text(encoding="utf-8")
    ]
    assert spelled == ["jamsostek_regs/ooxml/names.py"]  # found where it is, and nowhere else


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return names | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}


def test_the_input_side_imports_no_writer() -> None:
    importing = {
        p.relative_to(ROOT).as_posix(): sorted(
            m for m in _imported(p) if m.startswith("jamsostek_regs.writers")
        )
        for p in _modules(PACKAGE / "source")
    }
    assert {path: modules for path, modules in importing.items() if modules} == {}
    assert "jamsostek_regs.ooxml.package" in _imported(
        PACKAGE / "source" / "attachments.py"
    )  # the scan reads imports
