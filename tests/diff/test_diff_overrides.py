"""Region overrides and additions: validated against the standard, placed, kept line by line."""

from __future__ import annotations

from jamsostek_regs.pipeline import assemble
from jamsostek_regs.workspace import Workspace
from tests.diff.sides import variant
from tests.regionkit import run_cli

OVERRIDE = """
overrides:
  - key: {key}
    reason: "Catatan harmonisasi (uji)"
    text: |
{text}
"""
ADDITION = """
additions:
  - key: baru
    after: {after}
    reason: "Permintaan DPRD (uji)"
    text: |
      Pasal baru {{{{ ref("kepesertaan.segmen.segmen") }}}}.
"""


def _indent(text: str) -> str:
    return "\n".join("      " + line if line else "" for line in text.splitlines())


def _override(ws: Workspace, key: str, text: str) -> tuple[int, str]:
    path = variant(ws.root, "ubah", "rejang-lebong", OVERRIDE.format(key=key, text=_indent(text)))
    code, out, err = run_cli(ws.root, "validate", "ubah")
    first = path.read_text(encoding="utf-8").splitlines().index("overrides:") + 1
    return code, (out + err).replace(f":{first + 1}:", ":OVERRIDE:").replace(f":{first + 4}:", ":TEXT+1:")


def test_an_override_keeps_its_ayat_and_rincian(workspace_tmp: Workspace) -> None:
    text = "Pasal ini diubah: {: #ubah}\n- satu\n- dua\n  - dua a\n\nAyat kedua."
    variant(
        workspace_tmp.root,
        "ubah",
        "rejang-lebong",
        OVERRIDE.format(key="kepesertaan.pendaftaran", text=_indent(text)),
    )
    pasal = assemble(workspace_tmp, "ubah").find("kepesertaan.pendaftaran")
    assert pasal is not None
    assert [(n.kind, n.num, n.plain()) for n in pasal.walk()][1:] == [
        ("ayat", "(1)", "Pasal ini diubah:"),
        ("item", "a.", "satu; dan"),
        ("item", "b.", "dua:"),
        ("item", "1.", "dua a."),
        ("ayat", "(2)", "Ayat kedua."),
    ]
    assert pasal.source is not None and pasal.source.file == "regions/ubah.yaml (kepesertaan.pendaftaran)"


def test_an_unknown_key_is_reported_at_its_line_with_the_closest_key(workspace_tmp: Workspace) -> None:
    code, err = _override(workspace_tmp, "kepesertaan.pendaftran", "Teks.")
    assert code == 2
    assert "regions/ubah.yaml:OVERRIDE:5: overrides[0].key: no Pasal 'kepesertaan.pendaftran'" in err
    assert "did you mean 'kepesertaan.pendaftaran'" in err


def test_jinja_other_than_ref_and_the_words_is_refused_at_its_line(workspace_tmp: Workspace) -> None:
    code, err = _override(workspace_tmp, "kepesertaan.pendaftaran", "Satu.\n\nNama {{ region.opd }}.")
    assert code == 2
    assert (
        ':1: kepesertaan.pendaftaran: only {{ ref("key") }}, {{ g.<word> }} and '
        "{{ region.name }}, {{ region.capital }} or {{ region.province }} are allowed here: region texts "
        "are data, not templates"
    ) in err


def test_a_clause_dialect_error_is_reported_in_the_region_file(workspace_tmp: Workspace) -> None:
    code, err = _override(workspace_tmp, "kepesertaan.pendaftaran", "Satu. {: #a}\n\nDua. {: #a}")
    assert code == 2
    assert "regions/ubah.yaml" in err and "id '#a' is used twice" in err


def test_an_override_of_a_pasal_the_region_leaves_out_is_an_error(workspace_tmp: Workspace) -> None:
    variant(
        workspace_tmp.root,
        "ubah",
        "rejang-lebong",
        OVERRIDE.format(key="pendanaan.dbh_sawit", text="      Teks."),
    )
    code, _, err = run_cli(workspace_tmp.root, "assemble", "ubah", "--format", "txt")
    assert code == 2
    assert "overrides[0].key: this region's draft leaves Pasal 'pendanaan.dbh_sawit' out" in err


def test_an_addition_follows_its_pasal_and_cites_by_key(workspace_tmp: Workspace) -> None:
    variant(workspace_tmp.root, "tambah", "rejang-lebong", ADDITION.format(after="kepesertaan.segmen"))
    draft = assemble(workspace_tmp, "tambah")
    keys = [n.key for n in draft.walk() if n.kind == "pasal"]
    assert keys[keys.index("kepesertaan.segmen") + 1] == "tambahan.baru"
    added = draft.find("tambahan.baru.1")
    assert added is not None and added.plain() == "Pasal baru sebagaimana dimaksud dalam Pasal 6 ayat (1)."


def test_an_addition_after_an_unknown_pasal_is_an_error(workspace_tmp: Workspace) -> None:
    variant(workspace_tmp.root, "tambah", "rejang-lebong", ADDITION.format(after="tidak.ada"))
    code, out, _ = run_cli(workspace_tmp.root, "validate", "tambah")
    assert code == 2
    assert "additions[0].after: no Pasal 'tidak.ada' in the standard" in out
