"""Map offsets between an original text and its corrected form.

Built from the list of replacements the copy desk made; later stages report spans in the
corrected text and use the map to point into the original as well.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from newsdesk.article import Edit


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Piecewise mapping: outside edits offsets shift by a constant; inside an edit they clamp to it."""

    # Parallel lists, one entry per edit in order: where it starts and ends in each text.
    _corr_starts: tuple[int, ...] = ()
    _corr_ends: tuple[int, ...] = ()
    _orig_starts: tuple[int, ...] = ()
    _orig_ends: tuple[int, ...] = ()

    @classmethod
    def identity(cls) -> OffsetMap:
        return cls()

    def to_original(self, pos: int, *, end: bool = False) -> int:
        """Original offset of corrected offset `pos`; `end=True` maps a span end (exclusive)."""
        i = bisect_right(self._corr_starts, pos) - 1
        if i < 0:
            return pos
        if pos >= self._corr_ends[i]:
            return pos - self._corr_ends[i] + self._orig_ends[i]
        # Inside a replaced stretch: a start snaps to its start, an end to its end.
        if end and pos > self._corr_starts[i]:
            return self._orig_ends[i]
        return self._orig_starts[i]


def apply_edits(original: str, edits: Sequence[Edit], *, field: str = "body") -> tuple[str, OffsetMap]:
    """Apply the non-overlapping edits of `field` to `original`; return the corrected text and its map.

    Raises ValueError if edits overlap or do not match the text they claim to replace.
    """
    body = sorted((e for e in edits if e.field == field), key=lambda e: (e.start, e.end))
    parts: list[str] = []
    cs: list[int] = []
    ce: list[int] = []
    os_: list[int] = []
    oe: list[int] = []
    cursor = 0
    length = 0
    for e in body:
        if e.start < cursor:
            raise ValueError(f"overlapping edits at offset {e.start}")
        if original[e.start : e.end] != e.before:
            raise ValueError(f"edit at {e.start} expects {e.before!r}, text has {original[e.start : e.end]!r}")
        parts.append(original[cursor : e.start])
        length += e.start - cursor
        cs.append(length)
        os_.append(e.start)
        parts.append(e.after)
        length += len(e.after)
        ce.append(length)
        oe.append(e.end)
        cursor = e.end
    parts.append(original[cursor:])
    return "".join(parts), OffsetMap(tuple(cs), tuple(ce), tuple(os_), tuple(oe))
