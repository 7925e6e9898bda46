"""Aligning two sequences of texts by order and similarity (clauses of a draft with a reference).

:func:`similarity` is the Dice coefficient of the two texts' words (lower case, each word
counted as often as it occurs): 1 for the same words, 0 for none in common; labels and
punctuation do not count. :func:`align` finds the pairs, in order on both sides (no two pairs
cross), whose similarity sum is the largest, keeping only pairs of at least :data:`THRESHOLD`:
the classic alignment of two sequences by dynamic programming, ``O(len(a) * len(b))``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

#: The least similarity of an aligned pair.
THRESHOLD = 0.5
_WORD = re.compile(r"[^\W\d_]{2,}")


def words(text: str) -> Counter[str]:
    """The words of ``text`` (lower case, two letters or more) with their counts."""
    return Counter(_WORD.findall(text.lower()))


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """The Dice coefficient of the word counts ``a`` and ``b`` (0 when either is empty)."""
    total = a.total() + b.total()
    if not total:
        return 0.0
    common = sum(min(count, b[word]) for word, count in a.items() if word in b)
    return 2 * common / total


def align(a: Sequence[Counter[str]], b: Sequence[Counter[str]]) -> list[tuple[int, int, float]]:
    """The pairs ``(i, j, similarity)`` of the best order-keeping alignment of ``a`` with ``b``."""
    n, m = len(a), len(b)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    pair = [[0.0] * m for _ in range(n)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = similarity(a[i], b[j])
            pair[i][j] = s
            best = max(score[i + 1][j], score[i][j + 1])
            if s >= THRESHOLD:
                best = max(best, score[i + 1][j + 1] + s)
            score[i][j] = best
    out, i, j = [], 0, 0
    while i < n and j < m:
        s = pair[i][j]
        if s >= THRESHOLD and score[i][j] == score[i + 1][j + 1] + s:
            out.append((i, j, s))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return out
