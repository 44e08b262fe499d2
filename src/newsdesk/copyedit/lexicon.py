"""The copy desk's tables (src/newsdesk/data/copyedit/, built by scripts/build_copyedit_data.py), loaded once.

- case.tsv: for every lower-case form, its usual capitalised form, capitalised and lower-case counts in
  a large English corpus (truecase's statistics plus CoNLL-2003 TRAIN, mid-sentence), and whether the
  SCOWL word lists know it in lower case (L), only capitalised (C), both (B) or not at all (-).
- gazetteer.tsv: countries, demonyms, languages, major cities, regions and multi-word entity names.
- misspellings.tsv: codespell's misspellings that have one confident fix.
- misspelling_choices.tsv: codespell's misspellings with several fixes, to choose among by context.
- contextual.tsv: words capitalised only in one context (`may` next to a day, `ms` before a name).
- function_words.txt: spaCy's English stop words.
- style_lower.txt: words news style writes in lower case though the corpus capitalises them.
- abbreviations.txt: tokens ending in a full stop that do not end a sentence (`Jan.`, `U.S.`, `Mr.`).
- attribution_verbs.txt: verbs that attribute a quote (`said`, `added`); after a closing quote, the sentence goes on.
Word frequencies come from wordfreq, frequent word pairs from symspellpy's bigram dictionary (Google Books
n-grams); both are run-time dependencies already, read where they are installed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from wordfreq import get_frequency_dict

from newsdesk.tables import data_text, function_words, word_set

#: log10 of stupid backoff's discount (Brants et al. 2007 use 0.4).
_BACKOFF = math.log10(0.4)


#: Multi-word names by their first two words in lower case: (lower words, cased words), longest first.
NameIndex = dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...]]]]


def index_names(names: Iterable[str]) -> NameIndex:
    """Multi-word names (`Human Rights Watch`) indexed by their first two words: a text's word pair finds the few
    names it may begin in one look-up."""
    index: NameIndex = {}
    for name in names:
        words = tuple(name.split(" "))
        keys = tuple(w.lower() for w in words)
        index.setdefault((keys[0], keys[1]), []).append((keys, words))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))  # stable: equal lengths keep the table's order
    return index


def capitalised_share(cap: int, lower: int) -> float:
    """The capitalised share of `cap` capitalised and `lower` lower-case uses, smoothed by half a use
    (Krichevsky-Trofimov) so that a few sightings do not read as certainty: 3 of 3 scores 0.875."""
    return (cap + 0.5) / (cap + lower + 1)


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
        return capitalised_share(self.cap_count, self.lower_count)

    @property
    def seen(self) -> int:
        return self.cap_count + self.lower_count


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: the spelling caches key on it
class Lexicon:
    case: dict[str, CaseInfo]
    #: Single-word names that are not also common lower-case words, by lower form.
    names: dict[str, str]
    #: Nationalities and languages (`Greek`, `Russian`): capitalised adjectives, not parts of a name.
    adjectives: frozenset[str]
    #: The gazetteer's multi-word names.
    phrases: NameIndex
    misspellings: dict[str, tuple[str, float]]
    #: Misspellings with several fixes (`hten`: then, hen, the), chosen among by the neighbouring words.
    misspelling_choices: dict[str, tuple[str, ...]]
    #: Words capitalised in one context only: word -> (form, "date" | "title").
    contextual: dict[str, tuple[str, str]]
    abbreviations: frozenset[str]
    zipf: dict[str, float]
    #: Lower-case dictionary words the corpus rarely capitalises: nothing to decide about them.
    plain: frozenset[str]
    #: Frequent English word pairs ("they were") and their counts; all counts of pairs a word begins.
    bigrams: dict[str, int]
    pairs_begun: dict[str, int]
    #: The table's smallest count: rarer pairs were left out of it.
    pair_floor: int
    #: Function words (spaCy's English stop words): never capitalised as part of a name.
    function_words: frozenset[str]
    #: Words the corpus capitalises that news style now writes in lower case (`internet`, `west`).
    style_lower: frozenset[str]
    #: Verbs that attribute a quote (`said`): after a closing quote they carry the sentence on.
    attribution: frozenset[str]
    #: Frequent dictionary words by themselves and by each string one deletion away: built on first use by
    #: `spelling.near_index`.
    near: dict[str, set[str]] = field(default_factory=dict)
    #: A newsroom's own multi-word names, learned from its archive (`house.py`), keyed like `phrases`.
    house: NameIndex = field(default_factory=dict)
    #: The dictionary words that archive writes capitalised (`labour` -> `Labour`), by lower form.
    house_words: dict[str, str] = field(default_factory=dict)

    def next_word_log10(self, before: str | None, word: str) -> float:
        """log10 P(word | before) from the pair table, with stupid backoff (Brants et al., EMNLP 2007).

        Without a left neighbour the table knows, it is the word's own probability (wordfreq). The table
        holds only pairs above a count, so an absent pair is rarer than that: at most the floor's share."""
        unigram = self.zipf_of(word) - 9.0
        if before is None or before not in self.pairs_begun:
            return unigram
        begun = self.pairs_begun[before]
        count = self.bigrams.get(f"{before} {word}")
        if count is not None:
            return math.log10(count / begun)
        return min(unigram + _BACKOFF, math.log10(self.pair_floor / begun))

    def zipf_of(self, word: str) -> float:
        return self.zipf.get(word, 0.0)


def _lines(name: str) -> list[str]:
    """Every line of a copy-desk table: the frequency tables' words may begin with `#`."""
    return data_text(f"copyedit/{name}").splitlines()


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the tables (about half a second, once per process)."""
    case: dict[str, CaseInfo] = {}
    for line in _lines("case.tsv")[1:]:
        lower, capitalised, cap, low, flag = line.split("\t")
        case[lower] = CaseInfo(capitalised, int(cap), int(low), flag)
    names: dict[str, str] = {}
    multi_word: list[str] = []
    adjectives = set()
    for line in _lines("gazetteer.tsv")[1:]:
        name, kind = line.split("\t")
        if " " in name:
            multi_word.append(name)
            continue
        key = name.lower()
        if kind in ("demonym", "language"):
            adjectives.add(key)
        info = case.get(key)
        if info is None or not info.common_lower:
            names[key] = name
    phrases = index_names(multi_word)
    misspellings = {}
    for line in _lines("misspellings.tsv")[1:]:
        wrong, right, confidence = line.split("\t")
        misspellings[wrong] = (right, float(confidence))
    choices = {
        wrong: tuple(fixes.split(" "))
        for wrong, fixes in (line.split("\t") for line in _lines("misspelling_choices.tsv")[1:])
    }
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
    bigrams: dict[str, int] = {}
    pairs_begun: Counter[str] = Counter()
    for line in bigram_file.read_text(encoding="utf-8").splitlines():
        pair, _, count = line.rpartition(" ")
        bigrams[pair] = int(count)
        pairs_begun[pair.partition(" ")[0]] += int(count)
    return Lexicon(
        case,
        names,
        frozenset(adjectives),
        phrases,
        misspellings,
        choices,
        contextual,
        abbreviations,
        zipf,
        plain,
        bigrams,
        dict(pairs_begun),
        min(bigrams.values()),
        function_words(),
        word_set("copyedit/style_lower.txt"),
        word_set("copyedit/attribution_verbs.txt"),
    )
