"""Bookmark names: the rule that turns anchors into Word bookmark names, and its inverse.

Word cuts bookmark names at :data:`MAX` characters, so the name of an anchor is its first
:data:`MAX` characters; when an earlier anchor of the document already has that name, a suffix
``_1``, ``_2``, ... replaces its last characters. Only the first block of each anchor is
bookmarked. Bookmarks are numbered from 0 in document order.

The rule depends on the anchors before, so the inverse replays it: given the document's
anchors in order (from the same draft's layout), :func:`anchor` maps a bookmark name back to
the anchor (the node's ``eid``) it marks.
"""

from __future__ import annotations

from collections.abc import Iterable

#: The longest bookmark name Word keeps.
MAX = 40


class Bookmarks:
    """Names the bookmarks of one document, in document order."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # anchor -> name, in document order
        self._taken: set[str] = set()

    def add(self, anchor: str) -> tuple[int, str] | None:
        """The number and name of the bookmark of ``anchor``; ``None`` if it has one already or
        ``anchor`` is empty."""
        if not anchor or anchor in self.names:
            return None
        name, suffix = anchor[:MAX], 1
        while name in self._taken:
            tag = f"_{suffix}"
            name, suffix = anchor[: MAX - len(tag)] + tag, suffix + 1
        number = len(self.names)
        self.names[anchor] = name
        self._taken.add(name)
        return number, name


def names(anchors: Iterable[str]) -> dict[str, str]:
    """Anchor -> bookmark name for a document whose blocks have ``anchors``, in order."""
    bookmarks = Bookmarks()
    for each in anchors:
        bookmarks.add(each)
    return bookmarks.names


def anchor(name: str, anchors: Iterable[str]) -> str | None:
    """The anchor that the bookmark ``name`` marks in a document whose blocks have ``anchors``
    (in order); ``None`` when no bookmark of that document has this name."""
    return next((each for each, given in names(anchors).items() if given == name), None)
