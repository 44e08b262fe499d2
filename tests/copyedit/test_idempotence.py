"""Property: a second copy-edit of corrected text changes nothing, on real articles and noisy variants."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from newsdesk.copyedit import copyedit_text

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))
WORD = re.compile(r"[^\W\d_]+")
VARIANTS = 48


def mutate(text: str, rng: random.Random) -> str:
    """Raw-copy noise: the first letter of some words flipped in case, some spaces after commas dropped."""

    def flip(m: re.Match[str]) -> str:
        word = m.group()
        return word[0].swapcase() + word[1:] if rng.random() < 0.15 else word

    flipped = WORD.sub(flip, text)
    return re.sub(r", (?=\w)", lambda m: "," if rng.random() < 0.3 else ", ", flipped)


@pytest.fixture(scope="module")
def sources(seed_text: str) -> list[str]:
    assert EXAMPLES  # the sample articles shipped in examples/
    return [seed_text, *(path.read_text(encoding="utf-8") for path in EXAMPLES)]


def test_examples_are_idempotent(sources: list[str]) -> None:
    for text in sources:
        assert copyedit_text(copyedit_text(text).text).edits == []


def test_noisy_variants_are_idempotent(sources: list[str]) -> None:
    failures = []
    for i in range(VARIANTS):
        text = mutate(sources[i % len(sources)], random.Random(i))
        once = copyedit_text(text)
        again = copyedit_text(once.text).edits
        failures += [(i, e.before, e.after, e.rule) for e in again]
    assert failures == []


def test_a_name_completed_by_a_sentence_start_capital() -> None:
    # `john` becomes `John` as a sentence start; a second run reads `John` as a name beside `toshack`.
    once = copyedit_text("It did them no good whatsoever. john toshack has his first game in charge of Wales.")
    assert "John Toshack" in once.text
    assert copyedit_text(once.text).edits == []


def test_a_spelling_fix_that_completes_a_name_is_done_in_one_pass() -> None:
    text = (
        "The Consumer Electronics Show opened in Las Vegas, where Consumer Electronics makers met. "
        "Sales of consumer electroincs rose."
    )
    once = copyedit_text(text)
    assert "Consumer Electronics rose" in once.text
    assert copyedit_text(once.text).edits == []


def test_a_spelling_fix_that_completes_a_gazetteer_name_is_done_in_one_pass() -> None:
    # `tuor` → `tour` makes `European tour`, a name of the gazetteer, which a second run would capitalise.
    once = copyedit_text("The arrival of the president on the German leg of his European tuor took an hour.")
    assert "European Tour took" in once.text
    assert copyedit_text(once.text).edits == []


def test_a_spelling_fix_is_cased_as_a_second_run_would_case_it() -> None:
    # The fix `association` ends the name `Football ...` (a place rule), and `world` stands inside one: a second
    # run would capitalise them, so the first does.
    for text, fixed in (
        ("Millwall were charged by the Football assocation on Monday.", "Football Association on"),
        ("The BBC wrold Service cut jobs.", "BBC World Service"),
    ):
        once = copyedit_text(text)
        assert fixed in once.text
        assert copyedit_text(once.text).edits == []


def test_a_capital_we_give_counts_for_the_word_after_it() -> None:
    # `london` becomes `London`; `stock` then stands between it and `Exchange`, as a second run would see.
    once = copyedit_text("Air China picked the london stock Exchange for its listing.")
    assert "London Stock Exchange" in once.text
    assert copyedit_text(once.text).edits == []


def test_a_space_after_a_question_mark_comes_with_the_capital_it_needs() -> None:
    # `?france`: no sentence reads on in lower case after `?`; once `France` is a name, the space belongs there.
    once = copyedit_text("Who won?france did, on tuesday.")
    assert once.text == "Who won? France did, on Tuesday."
    assert copyedit_text(once.text).edits == []
    assert copyedit_text("Who won?he did.").edits == []  # nothing reads as a sentence start: left as written
