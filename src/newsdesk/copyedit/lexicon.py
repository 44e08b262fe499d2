"""The copy desk's tables (src/newsdesk/data/copyedit/, built by scripts/build_copyedit_data.py), loaded once.

- case.tsv: for every lower-case form, its usual capitalised form, capitalised and lower-case counts in
  a large English corpus (truecase's statistics plus CoNLL-2003 TRAIN, mid-sentence), and whether the
  SCOWL word lists know it in lower case (L), only capitalised (C), both (B) or not at all (-).
- gazetteer.tsv: countries, demonyms, languages, major cities, regions and multi-word entity names.
- misspellings.tsv: codespell's misspellings that have one confident fix.
- contextual.tsv: words capitalised only in one context (`may` next to a day, `ms` before a name).
- function_words.txt: spaCy's English stop words.
- abbreviations.txt: tokens ending in a full stop that do not end a sentence (`Jan.`, `U.S.`, `Mr.`).
Word frequencies come from wordfreq, frequent word pairs from symspellpy's bigram dictionary (Google Books
n-grams); both are run-time dependencies already, read where they are installed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from wordfreq import get_frequency_dict

from newsdesk.tables import word_set


class CaseInfo(NamedTuple):
    capitalised: str
    cap_count: int
    lower_count: int
    scowl: str  # L, C, B or -

    @property
    def common_lower(self) -> bool:
        """A dictionary word in lower case (`north`, `march`, `china`): capitalise only on strong evidence."""
        return self.scowl in ("L", "B")

    @property
    def cap_ratio(self) -> float:
        # Add-one smoothing so a single sighting does not read as certainty.
        return (self.cap_count + 0.5) / (self.cap_count + self.lower_count + 1)

    @property
    def seen(self) -> int:
        return self.cap_count + self.lower_count


@dataclass(frozen=True, slots=True)
class Lexicon:
    case: dict[str, CaseInfo]
    #: Single-word names that are not also common lower-case words, by lower form.
    names: dict[str, str]
    #: Nationalities and languages (`Greek`, `Russian`): capitalised adjectives, not parts of a name.
    adjectives: frozenset[str]
    #: Multi-word names by their first word's lower form: (lower words, cased words), longest first.
    phrases: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]
    misspellings: dict[str, tuple[str, float]]
    #: Words capitalised in one context only: word -> (form, "date" | "title").
    contextual: dict[str, tuple[str, str]]
    abbreviations: frozenset[str]
    zipf: dict[str, float]
    #: Lower-case dictionary words the corpus rarely capitalises: nothing to decide about them.
    plain: frozenset[str]
    #: Frequent English word pairs ("they were"), and the words they are made of.
    bigrams: frozenset[str]
    bigram_words: frozenset[str]
    #: Function words (spaCy's English stop words): never capitalised as part of a name.
    function_words: frozenset[str]

    def bigram_support(self, before: str | None, word: str, after: str | None) -> bool:
        """Is `word` attested next to a neighbour? Neighbours the table does not know cannot judge."""
        sides = []
        if before is not None and before in self.bigram_words:
            sides.append(f"{before} {word}" in self.bigrams)
        if after is not None and after in self.bigram_words:
            sides.append(f"{word} {after}" in self.bigrams)
        return not sides or any(sides)

    def zipf_of(self, word: str) -> float:
        return self.zipf.get(word, 0.0)


def _lines(name: str) -> list[str]:
    text = resources.files("newsdesk").joinpath("data", "copyedit", name).read_text(encoding="utf-8")
    return text.splitlines()


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the tables (about half a second, once per process)."""
    case: dict[str, CaseInfo] = {}
    for line in _lines("case.tsv")[1:]:
        lower, capitalised, cap, low, flag = line.split("\t")
        case[lower] = CaseInfo(capitalised, int(cap), int(low), flag)
    names: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    adjectives = set()
    for line in _lines("gazetteer.tsv")[1:]:
        name, kind = line.split("\t")
        words = tuple(name.split(" "))
        keys = tuple(w.lower() for w in words)
        if len(words) == 1:
            if kind in ("demonym", "language"):
                adjectives.add(keys[0])
            info = case.get(keys[0])
            if info is None or not info.common_lower:
                names[keys[0]] = name
        else:
            phrases.setdefault(keys[0], []).append((keys, words))
    for entries in phrases.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    misspellings = {}
    for line in _lines("misspellings.tsv")[1:]:
        wrong, right, confidence = line.split("\t")
        misspellings[wrong] = (right, float(confidence))
    contextual = {}
    for line in _lines("contextual.tsv")[1:]:
        word, form, context = line.split("\t")
        contextual[word] = (form, context)
    abbreviations = word_set("copyedit/abbreviations.txt")
    zipf = {w: math.log10(f) + 9 for w, f in get_frequency_dict("en", wordlist="large").items() if f > 0}
    plain = frozenset(
        w for w, info in case.items() if info.common_lower and info.cap_ratio < 0.6 and w not in contextual
    )
    # symspellpy (a run-time dependency) ships the pair table; it is read where it is, not copied.
    bigram_file = resources.files("symspellpy").joinpath("frequency_bigramdictionary_en_243_342.txt")
    pairs = [line.rsplit(" ", 1)[0] for line in bigram_file.read_text(encoding="utf-8").splitlines()]
    bigram_words = frozenset(w for pair in pairs for w in pair.split(" "))
    function_words = word_set("copyedit/function_words.txt")
    return Lexicon(
        case,
        names,
        frozenset(adjectives),
        phrases,
        misspellings,
        contextual,
        abbreviations,
        zipf,
        plain,
        frozenset(pairs),
        bigram_words,
        function_words,
    )
