"""Spelling: a known misspelling list first, then candidates one (or two) edits away, kept only when one clearly wins.

A noisy-channel corrector (Kernighan, Church & Gale 1990; Norvig's practice): the candidates are the
dictionary words one deletion, transposition, substitution or insertion away (Damerau 1964), each scored by
how well it fits between the neighbouring words (a word-bigram model, Mays, Damerau & Mercer 1991) and how
common its slip is (a channel model). The token as written is the other hypothesis: a fix is made only when
one candidate clearly beats both the runner-up and the token. A word the article itself uses elsewhere is likelier
than its frequency says (a cache language model, Kuhn & De Mori 1990: `the canp` in a story about a camp). A rare
dictionary word is checked the same way against frequent words (a real-word typo, `weer` for `were`), with far
stronger odds required.
A string no frequency list knows, of five letters or more, may also be two edits away (`govermant`), found
by a symmetric-deletion index (Garbe's SymSpell): for every word one edit from the string, the dictionary
words one deletion from it or from one of its deletions. Short or attested strings stay at one edit: two
edits from them, lower-cased names were "corrected" as often as typos. The one exception is the slot of a
quote's attribution verb (`," seiad Mark Sparrow`, `Mr Hague replyed: "No."`), which only a verb of saying fills:
there a string no dictionary knows is the attribution verb one or two slips away (`attribution_verb`).
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from newsdesk.copyedit.lexicon import Lexicon
from newsdesk.copyedit.presets import Preset

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: The cache's share of a word's probability (the interpolation weight of a cache language model) ...
_CACHE_WEIGHT = 0.1
#: ... and the fewest words its counts are shared among: one use in a two-line text is no topic.
_CACHE_LEAST_WORDS = 200


class ArticleWords(NamedTuple):
    """The article's words as the pass leaves them, by lower-case form without a possessive `'s`: the memory of a
    cache language model (Kuhn & De Mori 1990). The pass keeps `counts` up to date as its fixes land."""

    counts: Counter[str]
    total: int


#: Past this many letters a string is no typo of an English word (and its edits would be costly).
LONGEST = 30


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away (Damerau-Levenshtein 1)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(word)
    return out


_VOWELS = frozenset("aeiouy")
#: QWERTY keys and their neighbours: a finger slipping to the next key is a common substitution.
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {
    (a, b)
    for r, row in enumerate(_KEYBOARD)
    for i, a in enumerate(row)
    for b in row[max(0, i - 1) : i + 2]
    + "".join(other[max(0, i - 1) : i + 2] for other in _KEYBOARD[max(0, r - 1) : r + 2] if other is not row)
    if a != b
}
#: log10 of how much less likely an edit of no common kind is than a common one; two slips weigh the same.
_UNCOMMON_EDIT = -1.0
#: Strings this long or longer that no frequency list knows may be two edits from their word.
_TWO_EDITS_FROM = 5
#: Dictionary words this frequent (wordfreq Zipf) are the candidates two edits away.
_NEAR_ZIPF = 3.0
#: Unknown words whose candidates are kept: a pass decides a word again when its neighbours change, and names
#: and typos recur across a collection; bounded, so a run over millions of articles does not grow without end.
_CACHED_WORDS = 1 << 16


def _channel(typo: str, word: str) -> float:
    """log10 weight of typing `typo` for `word`, one edit apart: 0 for the common kinds of slip, the
    ones Kernighan, Church & Gale (1990) find dominating their confusion matrices (two letters swapped, a
    letter left out, a letter doubled, an extra vowel or neighbouring key, one vowel for another, a
    neighbouring key for the right one), `_UNCOMMON_EDIT` otherwise."""
    if len(typo) == len(word):
        i = next(k for k in range(len(word)) if typo[k] != word[k])
        if typo[i + 1 : i + 2] == word[i : i + 1] and typo[i : i + 1] == word[i + 1 : i + 2]:
            return 0.0  # swapped
        a, b = typo[i], word[i]
        return 0.0 if (a in _VOWELS and b in _VOWELS) or (a, b) in _NEIGHBOURS else _UNCOMMON_EDIT
    if len(typo) < len(word):
        return 0.0  # a letter left out
    i = next((k for k in range(len(word)) if typo[k] != word[k]), len(word))
    extra = typo[i]
    near = {typo[i - 1 : i], typo[i + 1 : i + 2]} - {""}
    return 0.0 if extra in near or extra in _VOWELS or any((extra, n) in _NEIGHBOURS for n in near) else _UNCOMMON_EDIT


def _transpositions(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)} - {word}


def known_misspelling(
    word: str, lex: Lexicon, preset: Preset, *, before: str | None = None, after: str | None = None
) -> tuple[str, float, str] | None:
    """A fix from the misspelling list (codespell), unless the word is a dictionary word or a name.

    Where the list offers several fixes, the one the neighbouring words clearly favour (`will hten take`:
    `then`); failing that, the list's own confident fix, if it has one (the far more frequent word)."""
    choices = lex.misspelling_choices.get(word)
    if word not in lex.misspellings and choices is None:
        return _plural_of_misspelling(word, lex)
    info = lex.case.get(word)
    if info is not None and (info.common_lower or info.scowl == "C"):
        return None
    if choices is not None and (before is not None or after is not None):
        fits = {c: 0.0 for c in choices}  # one slip from each, as far as the list tells
        found = _winner(word, fits, lex, preset, preset.spell_min_zipf, preset.spell_gap, before, after)
        if found is not None:
            fix, margin = found
            confidence = round(min(0.95, 0.7 + 0.1 * margin), 3)
            return fix, confidence, f"a common misspelling of '{fix}' (codespell's list), the fix that fits here"
    if word not in lex.misspellings:
        return None
    fix, confidence = lex.misspellings[word]
    return fix, confidence, f"a common misspelling of '{fix}' (codespell's list)"


def _plural_of_misspelling(word: str, lex: Lexicon) -> tuple[str, float, str] | None:
    """`goverments` → `governments`: the plural of a listed misspelling, as a spell checker's affix rules extend its
    word list (Hunspell's suffix flags). Only for a listed stem of six letters or more whose fix is no function word
    (`thier`, `enew` → `theirs`, `news`: no plurals), when the fix's plural is a dictionary word, the string is none
    (nor a `-ies` plural of one: `expiries`) and, if the frequency lists know it, the fix is 100 times as common."""
    stem = word[:-1]
    if not word.endswith("s") or len(stem) < 6 or stem not in lex.misspellings or word in lex.case:
        return None
    fix, confidence = lex.misspellings[stem]
    plural = fix + "s"
    if fix in lex.function_words or not _dictionary_word(plural, lex):
        return None
    if word.endswith("ies") and _dictionary_word(word[:-3] + "y", lex):
        return None
    own = lex.zipf_of(word)
    if own > 0.0 and lex.zipf_of(plural) - own < 2.0:
        return None
    return plural, min(confidence, 0.9), f"the plural of '{stem}', a common misspelling of '{fix}' (codespell's list)"


def decide_spelling(
    word: str,
    lex: Lexicon,
    preset: Preset,
    *,
    transpositions_only: bool = False,
    two_edits: bool = False,
    before: str | None = None,
    after: str | None = None,
    article: ArticleWords | None = None,
) -> tuple[str, float, str] | None:
    """A single confident correction one edit away (with `two_edits`, two for a long unknown string), or None.

    Candidates are ranked by a word-bigram language model over the neighbouring words given, as in Mays,
    Damerau & Mercer (1991): log P(candidate | before) + log P(after | candidate), which is the word's own
    frequency where no neighbour is known. `the sevice sector` → `service`, not the as frequent `device`.
    With `article`, P(candidate | before) also takes the candidate's share of the article's words (`_fit`).
    The winner must also be frequent and fit far better than the runner-up and than the token itself."""
    info = lex.case.get(word)
    if info is not None and info.scowl == "L" and not transpositions_only:
        return _real_word_error(word, lex, preset, before, after)
    if info is not None and (info.common_lower or info.scowl == "C" or (info.cap_ratio >= 0.5 and info.seen >= 3)):
        return None  # a dictionary word or a name
    own = lex.zipf_of(word)
    if own >= preset.known_zipf or not _typable(word):
        return None
    if word.endswith("s") and _dictionary_word(word[:-1], lex):
        return None  # a plural the word lists leave out (`capitalisations`)
    if transpositions_only:
        near = {c: 0.0 for c in _transpositions(word) if _dictionary_word(c, lex)}  # a swap is a common slip
    else:
        near = one_edit(word, lex)
    # A long string no frequency list knows at all has few neighbours: a rarer winner will do.
    long_unknown = len(word) >= preset.long_word and own == 0.0
    least, gap = (
        (preset.long_min_zipf, preset.long_min_zipf) if long_unknown else (preset.spell_min_zipf, preset.spell_gap)
    )
    # The swap check is context-free (`_outfitted` brings the neighbours in); the full check weighs them.
    if transpositions_only:
        found = _winner(word, near, lex, preset, least, gap, None, None)
    else:
        found = _winner(word, near, lex, preset, least, gap, before, after, article)
    if transpositions_only and found is not None and _outfitted(word, found[0], lex, preset, before, after):
        return None  # left to the full check, after the name rules
    if found is not None:
        kind = "two letters swapped" if transpositions_only else "one letter away"
    elif two_edits and own == 0.0 and len(word) >= _TWO_EDITS_FROM:
        farther = {c: _UNCOMMON_EDIT for c in words_near(word, lex) if c not in near}
        found = _winner(
            word, near | farther, lex, preset, preset.spell_min_zipf, preset.spell_gap, before, after, article
        )
        kind = "one or two letters away"
    if found is None:
        return None
    best, margin = found
    confidence = round(min(0.95, 0.7 + 0.1 * margin), 3)
    return best, confidence, f"not an English word; '{best}' is {kind} and the likeliest word here by far"


def attribution_verb(word: str, lex: Lexicon, preset: Preset) -> tuple[str, float, str] | None:
    """The verb a string in a quote's attribution slot misspells (`Mr Hague replyed: "No."`, `" seiad Mark`).

    The slot is evidence no bigram reads (the words before and after are punctuation), and it holds a verb of
    saying: so a string no dictionary knows there is taken for the attribution verb nearest to it, one or two slips
    away (two only from four letters up), the commoner on a tie (`sayd`: `said`). Names are left alone."""
    if word in lex.case or lex.zipf_of(word) >= preset.known_zipf or not _typable(word):
        return None
    reach = 2 if len(word) >= 4 else 1
    near = [(_distance(word, verb), -lex.zipf_of(verb), verb) for verb in lex.attribution]
    distance, _, verb = min(near)
    if distance > reach:
        return None
    slips = "one letter" if distance == 1 else "two letters"
    return verb, 0.8, f"not an English word, where a quote's attribution verb goes; '{verb}' is {slips} away"


def _outfitted(word: str, swap: str, lex: Lexicon, preset: Preset, before: str | None, after: str | None) -> bool:
    """Swapped letters are the commonest slip, so a swap is first chosen by word frequency alone (`tihs` →
    `this`); it stands unless the neighbouring words make another word one edit away far likelier than it
    (`is triing to`: `trying`, not the swap `tiring`)."""
    if before is None and after is None:
        return False
    fit = _fit(swap, lex, before, after)  # a swap's channel weight is 0
    return any(
        _fit(c, lex, before, after) + weight - fit >= preset.spell_margin
        for c, weight in one_edit(word, lex).items()
        if c != swap
    )


def _winner(
    word: str,
    candidates: dict[str, float],
    lex: Lexicon,
    preset: Preset,
    least: float,
    gap: float,
    before: str | None,
    after: str | None,
    article: ArticleWords | None = None,
) -> tuple[str, float] | None:
    """The candidate (with its channel weight) that clearly wins, and its lead over the runner-up. The token as
    written gets no share of the article's words: a slip made twice would vouch for itself."""
    scored = sorted(
        ((_fit(c, lex, before, after, article) + weight, c) for c, weight in candidates.items()), reverse=True
    )
    if not scored:
        return None
    best_fit, best = scored[0]
    margin = _margin(scored, preset)
    # The token itself is the other hypothesis: the winner must fit its neighbours far better.
    if lex.zipf_of(best) < least or margin < preset.spell_margin or best_fit - _fit(word, lex, before, after) < gap:
        return None
    return best, margin


@lru_cache(maxsize=_CACHED_WORDS)
def one_edit(word: str, lex: Lexicon) -> dict[str, float]:
    """The dictionary words one edit from `word`, with the channel weight of each slip (`_channel`). Shared,
    cached: not to be changed by the caller."""
    return {c: _channel(word, c) for c in edits1(word) & lex.case.keys() if lex.case[c].common_lower}


@lru_cache(maxsize=_CACHED_WORDS)
def words_near(word: str, lex: Lexicon) -> frozenset[str]:
    """Frequent dictionary words one or two edits (Damerau-Levenshtein) from `word`.

    Every word one edit from `word` is looked up, with its deletions, in `lex.near`, which holds each frequent
    word under itself and its one-deletion strings: together these cover every pair of deletions, insertions,
    substitutions and transpositions (symmetric deletion, Garbe 2012). The deletions of the longer strings, one
    letter inserted, are left out (more than half the look-ups): a word they reach is also reached otherwise, by
    the string with the other edit (an insertion is a deletion from the word looked for)."""
    index = near_index(lex)
    ones = edits1(word)
    keys = ones | {one[:i] + one[i + 1 :] for one in ones if len(one) <= len(word) for i in range(len(one))}
    near = {w for key in keys & index.keys() for w in index[key]}
    near.discard(word)
    return frozenset(w for w in near if _distance(word, w) <= 2)


def clear_caches() -> None:
    """Forget the candidates found so far (a speed measurement on text the process has not seen)."""
    one_edit.cache_clear()
    words_near.cache_clear()


def near_index(lex: Lexicon) -> dict[str, set[str]]:
    """`lex.near`, built on first use (about 0.4 s; few texts need it): each frequent dictionary word under
    itself and under each string one deletion from it."""
    if not lex.near:
        index: dict[str, set[str]] = {}
        for w, info in lex.case.items():
            if info.common_lower and w.isalpha() and lex.zipf_of(w) >= _NEAR_ZIPF:
                for key in {w} | {w[:i] + w[i + 1 :] for i in range(len(w))}:
                    index.setdefault(key, set()).add(w)
        lex.near.update(index)  # whole or not at all: an interrupted build leaves it empty, to be built again
    return lex.near


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


def _typable(word: str) -> bool:
    """Could `word` be a slip typing an English word? Not when it is very short or very long, nor when it has a
    letter such as `é` (`divorcée`, `manège`): nobody types one by slipping."""
    return 3 <= len(word) <= LONGEST and word.isascii()


def _dictionary_word(word: str, lex: Lexicon) -> bool:
    info = lex.case.get(word)
    return info is not None and info.common_lower


def _fit(word: str, lex: Lexicon, before: str | None, after: str | None, article: ArticleWords | None = None) -> float:
    """log10 P(word | before) + log10 P(after | word): how well `word` fits between its neighbours. With `article`,
    P(word | before) is interpolated with the word's share of the article's words (a cache language model, Kuhn &
    De Mori 1990); not for function words, which every article uses."""
    fit = lex.next_word_log10(before, word)
    if article is not None and word not in lex.function_words and article.counts[word] > 0:
        share = article.counts[word] / max(article.total, _CACHE_LEAST_WORDS)
        fit = math.log10((1 - _CACHE_WEIGHT) * 10**fit + _CACHE_WEIGHT * share)
    return fit if after is None else fit + lex.next_word_log10(word, after)


def _margin(scored: list[tuple[float, str]], preset: Preset) -> float:
    """How far the best candidate leads the runner-up (a lone candidate leads by more than needed)."""
    return scored[0][0] - scored[1][0] if len(scored) > 1 else preset.spell_margin + 1.0


def _real_word_error(
    word: str, lex: Lexicon, preset: Preset, before: str | None, after: str | None
) -> tuple[str, float, str] | None:
    """A rare dictionary word that is a typo of a frequent one (`seats weer ripped up` → `were`).

    The real-word check of Mays, Damerau & Mercer (1991): the word as written is presumed right, and a
    frequent word one edit away replaces it only when the neighbours make that word far likelier (by
    `real_word_margin` orders of magnitude, the odds against a typo) and no other candidate comes close."""
    if lex.zipf_of(word) >= preset.real_word_zipf or before not in lex.pairs_begun or not _typable(word):
        return None
    frequent = {c: w for c, w in one_edit(word, lex).items() if lex.zipf_of(c) >= preset.real_word_min_zipf}
    found = _winner(word, frequent, lex, preset, preset.real_word_min_zipf, preset.real_word_margin, before, after)
    if found is None:
        return None
    best = found[0]
    return best, 0.8, f"a rare word where '{best}', one letter away, is far likelier between these words"
