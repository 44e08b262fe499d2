import pytest

from newsdesk.article import Edit
from newsdesk.copyedit.offsets import OffsetMap, apply_edits


def edit(start: int, end: int, before: str, after: str) -> Edit:
    return Edit(start=start, end=end, before=before, after=after, rule="spelling", confidence=1.0, explanation="t")


def test_apply_edits_and_map_back() -> None:
    original = "then,and othre words"
    corrected, offsets = apply_edits(original, [edit(5, 5, "", " "), edit(9, 14, "othre", "other")])
    assert corrected == "then, and other words"
    # "words" keeps its identity on both sides.
    start = corrected.index("words")
    assert original[offsets.to_original(start) : offsets.to_original(start + 5, end=True)] == "words"
    # A span covering a replaced word maps to the replaced stretch.
    s = corrected.index("other")
    assert original[offsets.to_original(s) : offsets.to_original(s + 5, end=True)] == "othre"
    assert offsets.to_original(0) == 0


def test_identity_map() -> None:
    assert OffsetMap.identity().to_original(7) == 7


def test_overlapping_or_stale_edits_are_refused() -> None:
    with pytest.raises(ValueError):
        apply_edits("abcdef", [edit(0, 3, "abc", "x"), edit(2, 4, "cd", "y")])
    with pytest.raises(ValueError):
        apply_edits("abcdef", [edit(0, 3, "xyz", "x")])
