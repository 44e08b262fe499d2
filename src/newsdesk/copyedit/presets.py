"""The copy desk's operating points: its rules' thresholds, as trafilatura's `favor_precision` / `favor_recall`.

Plain Python, not compiled with the rule modules (setup.py): a `Preset` is public, so it pickles, copies and
checks its fields as any dataclass does.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Preset:
    """Thresholds of one operating point (trafilatura-style `favor_precision` / `favor_recall`)."""

    #: Corpus capitalised share needed to capitalise a word that is also a dictionary word (`china`, `march`).
    common_ratio: float = 0.9
    #: The same for words that are not dictionary words.
    rare_ratio: float = 0.8
    #: Corpus sightings needed before the corpus share counts.
    min_seen: int = 10
    #: An unknown lower-case word at least this frequent (wordfreq Zipf) is taken for a name (`kudrow`).
    name_zipf: float = 2.0
    #: A token at least this frequent (wordfreq Zipf scale) is a known word, never a misspelling.
    known_zipf: float = 3.0
    #: The winning spelling candidate must be this frequent ...
    spell_min_zipf: float = 3.0
    #: ... fit its neighbours this much better than the runner-up (log10 of the odds, 1.0 = ten times; the fit
    #: adds the weight of the kind of slip, see `spelling._channel`) ...
    spell_margin: float = 1.5
    #: ... and this much better than the token as written (log10).
    spell_gap: float = 3.0
    #: From this many letters on, a string no frequency list knows has few neighbours one edit away, so a
    #: rarer winner will do ...
    long_word: int = 8
    #: ... one at least this frequent.
    long_min_zipf: float = 1.5
    #: A dictionary word rarer than this (Zipf) may be a typo of a frequent word (`weer`) ...
    real_word_zipf: float = 2.0
    #: ... one at least this frequent ...
    real_word_min_zipf: float = 4.0
    #: ... that the neighbouring words make this many orders of magnitude likelier.
    real_word_margin: float = 3.0


PRESETS: dict[str, Preset] = {
    "precision": Preset(),
    "recall": Preset(
        common_ratio=0.75,
        rare_ratio=0.6,
        min_seen=5,
        name_zipf=1.5,
        known_zipf=3.3,
        spell_min_zipf=2.5,
        spell_margin=0.5,
        spell_gap=1.5,
    ),
}
