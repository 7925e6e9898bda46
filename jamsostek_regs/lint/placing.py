"""Where a linter finding is, as a problem of an input file: ``file:line:column: key: message``.

``validate`` reports the linter's errors (those that make ``assemble`` refuse a draft) at the
text they come from. A finding names a node key; the node's :attr:`Node.source
<jamsostek_regs.model.Node.source>` (or its nearest ancestor's) is a template of the standard,
reported under the standard's folder (``templates/<standard>/<file>``), or the text of an
override or addition of the region file, reported at its line in that file. A node no file
placed (the judul, the signature lines) is reported at the first region key its text depends
on, else at the start of the region file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from jamsostek_regs.errors import Problem
from jamsostek_regs.lint.finding import Finding
from jamsostek_regs.model import Draft, Node, Source
from jamsostek_regs.source import overrides
from jamsostek_regs.source.schema import Region
from jamsostek_regs.source.yamlsource import KeyPath, Located


def problems(
    draft: Draft, findings: list[Finding], region: Located, model: Region, standard: Path
) -> list[Problem]:
    """``findings`` as problems located in the standard's templates or in ``region``'s file.

    ``region`` is the region file as loaded (positions), ``model`` its validated values (from
    which ``draft`` was built), ``standard`` the standard's folder.
    """
    placed = dict(_placed(draft.root, None))
    prefix = f"{standard.parent.name}/{standard.name}"
    out = []
    for finding in findings:
        node, source = placed.get(finding.key, (None, None))
        message = f"{finding.location}: {finding.rule_id} {finding.message_id_text}"
        if source is None:
            line, column = region.where(_first_param(node))
            out.append(Problem(region.path, line, column, finding.key, message))
        elif source.file.startswith(f"{region.path} ("):
            line = region.where(_text_key(model, source.file))[0] + source.line
            out.append(Problem(region.path, line, 1, finding.key, message))
        else:
            out.append(Problem(f"{prefix}/{source.file}", source.line, 1, finding.key, message))
    return out


def _placed(node: Node, inherited: Source | None) -> Iterator[tuple[str, tuple[Node, Source | None]]]:
    """Key -> (node, its source or its nearest ancestor's), for every node in document order."""
    source = node.source or inherited
    yield node.key, (node, source)
    for child in node.children:
        yield from _placed(child, source)


def _first_param(node: Node | None) -> KeyPath:
    """The top-level region key of the first value ``node``'s text depends on, or ``()``."""
    if node is None or not node.params:
        return ()
    return (re.split(r"[.\[]", node.params[0], maxsplit=1)[0],)


def _text_key(region: Region, file: str) -> KeyPath:
    """Key path of the ``text`` of the override or addition that ``file`` names
    (``regions/<id>.yaml (<clause key>)``, see :func:`overrides.display`)."""
    key = file[file.rindex("(") + 1 : -1]
    for i, override in enumerate(region.overrides):
        if override.key == key:
            return ("overrides", i, "text")
    for i, addition in enumerate(region.additions):
        if overrides.addition_key(addition) == key:
            return ("additions", i, "text")
    return ()
