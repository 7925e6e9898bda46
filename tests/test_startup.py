"""Start-up of the main job: ``assemble`` loads only what it uses, reuses compiled templates and
checks an unchanged standard once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from jinja2.bccache import Bucket

from jamsostek_regs import validation
from jamsostek_regs.dialect import templating
from jamsostek_regs.errors import InputError
from tests.conftest import ROOT, WORKSPACE
from tests.regionkit import make_workspace

#: Runs the command line in a fresh interpreter, then prints the modules it loaded.
PROBE = """
import sys
from jamsostek_regs.cli import main
try:
    main(sys.argv[1:], prog_name="jamsostek-regs")
except SystemExit as exit:
    assert not exit.code, exit.code
print("\\n".join(sorted(sys.modules)))
"""


def test_assemble_loads_neither_the_diff_nor_the_bundle(tmp_path: Path) -> None:
    command = [sys.executable, "-c", PROBE, "assemble", "lombok-timur", "-o", str(tmp_path), "-q"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    imported = set(done.stdout.split())
    assert "jamsostek_regs.app.drafts" in imported and "jamsostek_regs.writers.docx" in imported
    heavy = {"jamsostek_regs.diff.compare", "jamsostek_regs.bundle", "jamsostek_regs.reader", "openpyxl"}
    assert not imported & heavy
    assert (tmp_path / "lombok-timur" / "lombok-timur.docx").is_file()


def test_a_damaged_template_cache_is_skipped(tmp_path: Path) -> None:
    cache = templating._Bytecode(str(tmp_path))
    environment = templating.environment(WORKSPACE.standard)
    bucket = Bucket(environment, "key", "checksum")
    (tmp_path / cache.pattern.replace("%s", "key")).write_bytes(b"not a cache entry")
    cache.load_bytecode(bucket)
    assert bucket.code is None  # the template is compiled again, no error
    read_only = templating._Bytecode(str(tmp_path / "missing"))
    bucket.code = compile("x = 1", "<test>", "exec")
    read_only.dump_bytecode(bucket)  # a folder that cannot be written is no error either


def test_a_valid_standard_is_checked_once_and_a_changed_one_again(tmp_path: Path) -> None:
    validation.check_standard(WORKSPACE.standard)
    stamp = validation._stamp(WORKSPACE.standard)
    assert stamp is not None and stamp.is_file()  # the next process skips the checks
    copy = make_workspace(tmp_path, copy_standard=True) / "templates" / "kemendagri_standard"
    assert validation._stamp(copy) == stamp  # the same bytes, the same stamp
    manifest = copy / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\nunknown_key: 1\n", encoding="utf-8")
    assert validation._stamp(copy) != stamp
    with pytest.raises(InputError):
        validation.check_standard(copy)
