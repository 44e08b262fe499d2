"""Spelling: context-ranked candidates, long unknown strings, plurals, real-word typos (copyedit/spelling.py)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from newsdesk.copyedit import PRESETS
from newsdesk.copyedit.lexicon import load_lexicon
from newsdesk.copyedit.spelling import _channel, _distance, decide_spelling, known_misspelling, words_near

Fix = Callable[..., str]


def test_the_neighbouring_words_choose_between_candidates(fix: Fix) -> None:
    # `device` and `service` are both one letter from `sevice`; `the service sector` is the common pair.
    assert fix("Growth in the sevice sector slowed.") == "Growth in the service sector slowed."
    assert fix("It was on a larger skale than before.") == "It was on a larger scale than before."


def test_no_clear_winner_is_left_alone(fix: Fix) -> None:
    # `resk`: risk, rest and desk all fit after `the`.
    assert fix("He looked at the resk.") == "He looked at the resk."


def test_a_word_the_article_uses_elsewhere_is_likelier(fix: Fix) -> None:
    # On its own `canp` is camp, can or cap; in a story about a camp it is `camp`, and a fix counts as a use.
    assert fix("The canp played host to 30 players.") == "The canp played host to 30 players."
    text = "The training camp opened on Monday. The canp played host to 30 players."
    assert fix(text) == "The training camp opened on Monday. The camp played host to 30 players."
    # In a two-line text one use of `cap` is no topic: the neighbours still choose `camp`.
    assert fix("He wore a cap. The canp was cold.") == "He wore a cap. The camp was cold."
    # `the canp was` is `camp` by its neighbours alone; that fix makes the other `canp` a camp too.
    assert fix("The canp reopened. Later the canp was closed.") == "The camp reopened. Later the camp was closed."


def test_a_long_unknown_string_takes_a_rarer_fix(fix: Fix) -> None:
    assert fix("A poliycholder who had invested lost out.") == "A policyholder who had invested lost out."


def test_a_long_unknown_string_may_be_two_edits_from_its_word(fix: Fix) -> None:
    assert fix("The hotel offered accomodatoin to the players.") == "The hotel offered accommodation to the players."
    # A coinage (a prefix and a dictionary word) is no pair of slips from a word (`recycled`).
    assert fix("They were sold in unrecycled packaging.") == "They were sold in unrecycled packaging."


def test_words_two_edits_away_are_all_found() -> None:
    lex = load_lexicon()
    assert {"accommodation"} <= words_near("accomodatoin", lex)
    # A deletion and a substitution, two substitutions, an insertion and a transposition.
    assert {"government"} <= words_near("govenmant", lex) & words_near("guvernmant", lex)
    assert "government" in words_near("govrenmentt", lex)
    assert all(_distance("govenmant", w) <= 2 for w in words_near("govenmant", lex))
    assert (_distance("ab", "ba"), _distance("kitten", "sitting"), _distance("", "abc")) == (1, 3, 3)


def test_a_misspelt_attribution_verb_is_read_from_its_slot(fix: Fix) -> None:
    # Two slips from `said`, one from `side`: the slot after a closed quote holds a verb of saying.
    assert fix('"It is over," seiad Mark Sparrow.') == '"It is over," said Mark Sparrow.'
    assert fix('"We will go," he sead.') == '"We will go," he said.'
    assert fix('Mr Hague replyed: "No. Definitely not."') == 'Mr Hague replied: "No. Definitely not."'
    assert fix("It was one they targeted, sied Mr King.") == "It was one they targeted, said Mr King."
    assert fix("Mr Prescott sead there was a dinner.") == "Mr Prescott said there was a dinner."
    # After `."` the next sentence begins: `maens` is a slip of `means`, not of `warns`.
    assert fix('He said "growth is solid." That maens that rates will rise.') == (
        'He said "growth is solid." That means that rates will rise.'
    )
    # Names and dictionary words in the slot stay as written.
    assert fix('"It is over," Seiad said.') == '"It is over," Seiad said.'
    assert fix('"It is over," sadly said Mark.') == '"It is over," sadly said Mark.'


def test_a_swap_gives_way_to_a_word_the_neighbours_favour(fix: Fix) -> None:
    # `tiring` is `triing` with two letters swapped, but `is ... to` calls for `trying`, one letter away.
    assert fix("He is triing to win.") == "He is trying to win."
    assert fix("Now tihs is it.") == "Now this is it."


def test_a_listed_misspelling_with_several_fixes_takes_the_one_that_fits(fix: Fix) -> None:
    # codespell lists `then`, `hen` and `the` for `hten`: the neighbours choose.
    assert fix("They will hten take it.") == "They will then take it."
    assert fix("Where did the list come fomr? It came.") == "Where did the list come from? It came."
    lex = load_lexicon()
    assert lex.misspelling_choices["hten"] == ("then", "hen", "the")
    # No neighbour to judge by: the list's own confident fix, the far more frequent word.
    found = known_misspelling("hten", lex, PRESETS["precision"])
    assert found is not None and found[0] == "the"


def test_a_plural_the_word_lists_leave_out_is_no_typo(fix: Fix) -> None:
    text = "Firms with market capitalisations below $700m were hit."
    assert fix(text) == text


def test_a_rare_dictionary_word_between_words_that_call_for_a_frequent_one(fix: Fix) -> None:
    assert fix("At the stadium, seats weer ripped up.") == "At the stadium, seats were ripped up."
    assert fix("The fans said seats weer") == "The fans said seats were"  # the last word has a left neighbour
    assert fix("Weer the seats ripped?") == "Weer the seats ripped?"  # the first has none to judge by
    # Rare words with no frequent word a letter away, or none their neighbours favour, stay.
    for text in ("The bosun shouted at the crew.", "He wore a cagoule in the rain."):
        assert fix(text) == text


@pytest.mark.parametrize("word", ["policy", "xi", "jinping", "fueling"])
def test_known_words_and_names_are_not_candidates(word: str) -> None:
    assert decide_spelling(word, load_lexicon(), PRESETS["precision"], before="the", after="was") is None


def test_context_probability_backs_off_for_unseen_pairs() -> None:
    lex = load_lexicon()
    seen = lex.next_word_log10("the", "service")
    unseen = lex.next_word_log10("the", "thirl")
    assert seen > unseen
    # Without a known left word it is the word's own probability.
    assert lex.next_word_log10(None, "service") == pytest.approx(lex.zipf_of("service") - 9.0)
    assert lex.next_word_log10("zzqx", "service") == lex.next_word_log10(None, "service")  # a left word it lacks
    # An absent pair is rarer than the table's smallest count: its share is at most the floor's.
    assert unseen <= math.log10(lex.pair_floor / lex.pairs_begun["the"])


def test_common_slips_outweigh_uncommon_edits() -> None:
    # Swapped, left out, doubled, vowel for vowel, neighbouring key: the slips typists make.
    for typo, word in [("efes", "fees"), ("muic", "music"), ("tolld", "told"), ("defeet", "defeat"), ("ferm", "firm")]:
        assert _channel(typo, word) == 0.0
    # `efes` for `eyes` would need an f for a y, keys apart.
    assert _channel("efes", "eyes") < 0.0


@pytest.mark.parametrize("word", ["", "ab", "x" * 31, "sevice" * 1000, "divorcée", "manège", "sévice"])
def test_no_typo_too_short_too_long_or_with_accents(word: str) -> None:
    # An accented letter is written on purpose: `divorcée` is no slip for `divorce`, nor `manège` for `manage`.
    lex = load_lexicon()
    for preset in PRESETS.values():
        for before, after in [(None, None), ("a", "in"), ("the", "sector")]:
            assert decide_spelling(word, lex, preset, before=before, after=after) is None


def test_words_at_the_ends_of_the_text(fix: Fix) -> None:
    assert fix("Growth in the sevice") == "Growth in the sevice"  # `service` or `device`: no right word to tell
    assert fix("Growth in the sevice sector") == "Growth in the service sector"
    assert fix("sevice") == "Sevice"  # the sentence start only
