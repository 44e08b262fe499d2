"""The scan's building blocks: span membership."""

from __future__ import annotations

import random

from newsdesk.copyedit.scan import Spans, upper_first


def test_span_flags_agree_with_membership() -> None:
    """One sweep over sorted positions answers as a search for each would, at span edges too."""
    rng = random.Random(3)
    for _ in range(200):
        cuts = sorted(rng.sample(range(200), 2 * rng.randrange(0, 8)))
        spans = Spans(list(zip(cuts[::2], cuts[1::2], strict=True)))
        positions = sorted(rng.sample(range(210), 60))
        assert spans.flags(positions) == [p in spans for p in positions]


def test_upper_first_capitalises_one_letter_as_title_case() -> None:
    assert upper_first("mcCain") == "McCain"
    assert upper_first("ǆemal") == "ǅemal"  # the title-case digraph, not `Ǆ`
    # No one-letter capital: the word keeps its length and its letters (edit offsets stay right).
    assert upper_first("ﬁsh") == "ﬁsh"
    assert upper_first("ßen") == "ßen"
    assert upper_first("") == ""
