"""The four copy-edit rules: sentence-start case, proper-noun case, space after punctuation, spelling.

Each rule proposes `Edit`s with a confidence and a reason a person can check. Casing evidence, strongest
first: the article's own capitalised forms (mid-sentence only, so sentence starts do not count; for a
dictionary word, only beside a name or when the article capitalises it on its own at least twice as often as
not; for a word the corpus seldom sees, whenever it does so at least as often), multi-word names seen in the
article, the gazetteer or the house names, corpus case statistics (the "unigram" truecasing model of Lita et al.,
"tRuEcasIng", ACL 2003, restricted to mid-sentence counts; two-letter acronyms only on strong counts), the house
archive's capitalised words where the article reads a name, SCOWL's proper-noun entries, the headline or
keyword trailer for words that are not dictionary words, a name beside an unknown word (`Benjamin
bratt`), an unknown word in use that is no coinage (`rosneft`), and the word's place beside names
(`names.py`: `roger Federer`, `James, mills, Distin`, `Axa sun Life`). Our own capitals count as the
article's, as a second run would read them. Spelling (`spelling.py`) is a noisy-channel corrector: a known
misspelling list first, then candidates one edit away (two for a long string no frequency list knows) ranked by
how well they fit the neighbouring words and how common the slip is, kept only when one clearly beats the others
and the word as written; the fix is then cased as any word is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from newsdesk.article import Edit, EditRule, Field_
from newsdesk.copyedit.lexicon import CaseInfo, Lexicon
from newsdesk.copyedit.names import Around, double_barrelled, irish_surname, load_names, may_name, name_by_place
from newsdesk.copyedit.presets import Preset
from newsdesk.copyedit.scan import (
    CLOSERS,
    CLOSING_QUOTES,
    WORD,
    Spans,
    Token,
    capitalised,
    is_abbreviation,
    name_form,
    next_to,
    split_possessive,
    upper_first,
)
from newsdesk.copyedit.spelling import (
    LONGEST,
    ArticleWords,
    attribution_verb,
    decide_spelling,
    edits1,
    known_misspelling,
)

RULES: tuple[EditRule, ...] = ("case.sentence_start", "case.proper_noun", "space.after_punct", "spelling")


#: Corpus capitalised share above which a dictionary word the article capitalises throughout is its name.
_OFTEN_A_NAME = 0.2
#: Corpus capitalised share above which a dictionary word the article capitalises more often than not is its name.
_MOSTLY_A_NAME = 0.9
#: A word the corpus capitalises in this share of at least this many uses is a name whatever the article writes.
_ALWAYS_A_NAME = 0.98
_ALWAYS_SEEN = 100
#: A frequent word (wordfreq Zipf) one letter away makes an unknown word a typo rather than a name.
_TYPO_OF_ZIPF = 4.0
#: Both halves of a word run together at least this frequent (wordfreq Zipf): a compound, not a name.
_PART_ZIPF = 3.0
#: Affixes that make a new word of a dictionary word (`wireless` + `ly`, `re` + `brand`).
_SUFFIXES = ("ly", "ness", "ers", "er", "s", "ed", "ing")
_PREFIXES = ("re", "un", "pre", "non", "co", "mis", "over", "under", "out")
#: Rounds of re-deciding the words our corrections bear on (see `word_edits`); news texts settle in
#: three or so, the cap guards against two words whose corrections undo each other.
_MAX_ROUNDS = 8
#: Longer runs of capitalised words are titles or captions, not names (and matching them would cost a pass each).
_LONGEST_NAME = 12
_CONTEXT_REASON = {"always": "always capitalised", "date": "a month next to a number", "title": "a title before a name"}
_NUMBER_BEFORE = re.compile(r"\d(?:st|nd|rd|th)? \Z")
_NUMBER_AFTER = re.compile(r" \d")
_MISSING_SPACE = re.compile(r"[,;:.?!](?=[^\W\d_])")
_HTML_ENTITY = re.compile(r"&#?\w+\Z")
#: Uses of a name with a word in lower case that make it the article's own style (a house name's `the Mac mini`
#: throughout, the article's own `lord chancellor`): a choice, not three slips. A document's consistent usage is the
#: strongest evidence of its case (Mikheev, Computational Linguistics 28(3), 2002).
_OWN_STYLE = 3
#: Fewer mid-sentence corpus uses than this do not tell a word's case: the article's own capitals decide it.
_FEW_SEEN = 10
#: Mid-sentence corpus uses a two-letter acronym needs: short ones are too often words (or typos of them).
_ACRONYM_SEEN = 30
#: Function words a house name may capitalise (`BBC Five Live`, `RBS Six Nations`): its number words.
_NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty", "hundred"}
)
#: The subject pronouns that stand before an attribution verb (`he said`).
_SUBJECTS = frozenset({"he", "she", "they", "we", "i"})
#: Words that open a reported clause after its verb (`Mr Prescott said there was a dinner`).
_REPORTED = frozenset({"that", "the", "there", "it", "he", "she", "they", "its", "his", "her", "their", "this", "we"})
#: A quotation just closed, then the slot (`," ___ Mark Sparrow`) or, where the sentence goes on past the quote, a
#: speaker in capitals or a pronoun and the slot (`," he ___`; after `."` a capital opens the next sentence).
_CLOSED_QUOTE = "[" + re.escape(CLOSING_QUOTES) + "]"
_AFTER_QUOTE = re.compile(
    rf"(?:[,?!.]{_CLOSED_QUOTE}\s+|[,?!]{_CLOSED_QUOTE}\s+"
    r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})\s)\Z"
)
#: A quotation opened right after the slot: `Mr Hague ___: "No."`.
_BEFORE_QUOTE = re.compile(r":\s?[“\"‘']")
_SCHEMES = frozenset({"http", "https", "ftp", "mailto", "tel", "urn", "file", "news"})


@dataclass(slots=True)
class Evidence:
    """What the article itself says: case forms seen mid-sentence, in headline/trailer, as names; the words it uses."""

    forms: dict[str, Counter[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = field(default_factory=dict)
    #: Mid-sentence lower-case uses, by word.
    lower: Counter[str] = field(default_factory=Counter)
    #: Capitalised mid-sentence uses that stand alone, not inside a run of capitalised words, by lower form:
    #: `Department` in `the Department said` but not in `Agriculture Department`.
    alone: Counter[str] = field(default_factory=Counter)
    #: Every word as the pass leaves it (the spelling candidates' context): lower-case, without a possessive `'s`, a
    #: hyphenated word whole.
    vocabulary: ArticleWords = field(default_factory=lambda: ArticleWords(Counter(), 0))


def collect_phrases(tokens: list[Token]) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """Runs of capitalised words mid-sentence (`North Korea`), by their first word's lower form."""
    phrases: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    run: list[Token] = []

    def close_run() -> None:
        if 1 < len(run) <= _LONGEST_NAME:
            words = tuple(t.base for t in run)
            entry = (tuple(w.lower() for w in words), words)
            if entry not in phrases.setdefault(entry[0][0], []):
                phrases[entry[0][0]].append(entry)
        run.clear()

    for tok in tokens:
        if not tok.odd and tok.mid_sentence and capitalised(tok.base):
            if run and not next_to(run[-1], tok):
                close_run()
            run.append(tok)
        elif run:
            close_run()
    close_run()
    for entries in phrases.values():
        entries.sort(key=lambda entry: (-len(entry[0]), entry))
    return phrases


def _count(tok: Token, forms: dict[str, Counter[str]], lower: Counter[str], sign: int = 1) -> list[str]:
    """Add (or with `sign=-1` take back) a mid-sentence token's case forms; the words it counts for.

    A count that falls to zero is dropped: a word is in `forms` only while the article capitalises it."""
    if tok.odd or not tok.mid_sentence:
        return []
    base = tok.base
    if base.islower():
        _add(lower, base, sign)
        return [base]
    counted = _capital_forms(base)
    for form in counted:
        key = form.lower()
        _add(forms.setdefault(key, Counter()), form, sign)
        if not forms[key]:
            del forms[key]
    return [form.lower() for form in counted]


def _capital_forms(base: str) -> list[str]:
    """The capitalised forms a token counts for: itself, and the capitalised parts of a hyphenated word
    (`russia-China` writes `China` capitalised whatever the case of the first part, which we may fix)."""
    forms = [base] if capitalised(base) else []
    return forms + [part for part in base.split("-") if capitalised(part)] if "-" in base else forms


def _add(counts: Counter[str], key: str, sign: int) -> None:
    counts[key] += sign
    if counts[key] <= 0:
        del counts[key]


def alone_counts(tokens: list[Token], function_words: frozenset[str]) -> Counter[str]:
    """`Evidence.alone`: the capital forms (`_capital_forms`) of mid-sentence tokens joined to no capitalised
    neighbour (`_lone_forms`)."""
    last = len(tokens) - 1
    return Counter(
        form
        for k, t in enumerate(tokens)
        if t.mid_sentence and not t.base.islower()  # a word in lower case has no capital form: skipped fast
        for form in _lone_forms(tokens[k - 1] if k else None, t, tokens[k + 1] if k < last else None, function_words)
    )


def _lone_forms(before: Token | None, tok: Token, after: Token | None, function_words: frozenset[str]) -> list[str]:
    """The lower-case capital forms `tok` adds to `Evidence.alone`: none unless it stands mid-sentence and joined
    to no capitalised neighbour (`_reads_capital`)."""
    if tok.odd or not tok.mid_sentence:
        return []
    if (before is not None and next_to(before, tok) and _reads_capital(before, function_words)) or (
        after is not None and next_to(tok, after) and _reads_capital(after, function_words)
    ):
        return []
    return [form.lower() for form in _capital_forms(tok.base)]


def _reads_capital(tok: Token, function_words: frozenset[str]) -> bool:
    """A capitalised neighbour. A sentence start counts as one unless it is a function word: `Agriculture
    Department` opening a sentence is no lone `Department`; `The Labour-led` is."""
    return not tok.odd and tok.text[:1].isupper() and (tok.mid_sentence or tok.text.lower() not in function_words)


def collect_evidence(
    tokens: list[Token], *, titles: Sequence[str] = (), function_words: frozenset[str] = frozenset()
) -> Evidence:
    """Capitalised forms and multi-word names the article uses mid-sentence, plus headline/trailer words."""
    ev = Evidence(
        phrases=collect_phrases(tokens),
        alone=alone_counts(tokens, function_words),
        vocabulary=ArticleWords(Counter(split_possessive(t.text.lower()) for t in tokens), len(tokens)),
    )
    for tok in tokens:
        _count(tok, ev.forms, ev.lower)
    for title in titles:
        for m in WORD.finditer(title):
            base = split_possessive(m.group())
            for part in base.split("-"):
                if capitalised(part):
                    ev.titles.setdefault(part.lower(), part)
    return ev


def _usable(form: str, word: str) -> bool:
    """An acronym form (`UN` for `un`) only for three letters or more: short ones are too often words (a two-letter
    one takes stronger evidence, in `decide_case`)."""
    return bool(form) and form.lower() == word and (not form.isupper() or len(form) >= 3)


class Context(NamedTuple):  # a tuple: one is made for every word decided, and a dataclass costs more to make
    """What surrounds a word: capitalised neighbours (a name around it), numbers (a date)."""

    number_before: bool = False
    number_after: bool = False
    name_after: bool = False
    compound_part: bool = False
    #: A capitalised name word right before or after (`Steve brown`, `Luton airport`).
    beside_name: bool = False


_NO_CONTEXT = Context()


def _corpus(info: CaseInfo) -> str:
    return f"capitalised in {info.cap_count} of {info.seen} mid-sentence uses in an English news corpus"


def _as_written(seen: Counter[str], confidence: float, why: str = "") -> tuple[str, float, str]:
    """The article's own capitalised form (its most frequent one)."""
    form = seen.most_common(1)[0][0]
    return form, confidence, f"written '{form}' mid-sentence elsewhere in this article{why}"


def decide_case(
    word: str, ev: Evidence, lex: Lexicon, preset: Preset, ctx: Context = _NO_CONTEXT
) -> tuple[str, float, str] | None:
    """The capitalised form of lower-case `word` with confidence and reason, or None to leave it."""
    info: CaseInfo | None = lex.case.get(word)
    seen = ev.forms.get(word)
    n_seen = sum(seen.values()) if seen else 0
    n_lower = ev.lower.get(word, 0)
    if ctx.compound_part:
        # Inside `co-star` or `sci-fi` only names proper (the article's own, the gazetteer's, SCOWL's) count.
        if seen and (info is None or not info.common_lower):
            return _as_written(seen, 0.9)
        if word in lex.names:
            return lex.names[word], 0.9, "a country, nationality, language or city name (gazetteer)"
        if info is not None and info.scowl == "C" and len(word) > 3 and _usable(info.capitalised, word):
            return info.capitalised, 0.9, "a proper noun in the SCOWL English word lists"
        return None
    if info is not None and info.common_lower:
        context = lex.contextual.get(word)
        if context is not None and (
            context[1] == "always"
            or (context[1] == "date" and (ctx.number_before or ctx.number_after))
            or (context[1] == "title" and ctx.name_after and not ctx.number_before)
        ):
            return context[0], 0.9, _CONTEXT_REASON[context[1]]
        # The article's own style wins over the corpus: `internet` written lower case throughout stays so; but no
        # style writes `french` so.
        always = info.cap_ratio >= _ALWAYS_A_NAME and info.seen >= _ALWAYS_SEEN
        article_lower = n_lower >= 2 and n_lower > n_seen and not always
        # `Steve brown`, or `labour` in a story that writes `Labour` throughout: the name, not the word.
        if seen and ctx.beside_name and n_seen >= n_lower:
            return _as_written(seen, 0.9, ", and next to a name")
        # Alone, a dictionary word that is often a name is the article's name only where the article writes the
        # name alone: `the department` beside `Agriculture Department` is the noun. A word with a rule of its
        # own (`may`, a month or a verb) needs the name three times as often as lower case, others twice.
        n_alone = ev.alone[word]
        times = 3 if context is not None else 2
        if seen and n_alone >= max(2, times * n_lower) and info.cap_ratio >= _OFTEN_A_NAME:
            return _as_written(seen, 0.9, f" ({n_alone} times on its own, lower case {n_lower})")
        # A word the corpus has seen too seldom to know its case (`hanks`, `premiership`): the article's own use
        # decides, the document-centred evidence Mikheev (2002) trusts for any word.
        if seen and info.seen < _FEW_SEEN and n_alone and n_alone >= n_lower:
            return _as_written(seen, 0.85, f" ({n_alone} times on its own, lower case {n_lower}; rare in the corpus)")
        # `united` in a story that writes `United` more often than not, a word the corpus nearly always capitalises.
        if seen and n_seen > n_lower and info.cap_ratio >= _MOSTLY_A_NAME:
            return _as_written(seen, 0.9, f" ({n_seen} times, lower case {n_lower}), as the corpus mostly does")
        # A word SCOWL knows only in lower case (`wireless`) needs far more corpus evidence than `china`.
        strict = info.scowl == "L"
        if (
            info.seen >= (100 if strict else max(20, preset.min_seen) if info.scowl == "B" else preset.min_seen)
            and info.cap_ratio >= (max(0.97, preset.common_ratio) if strict else preset.common_ratio)
            and _usable(info.capitalised, word)
            and (not info.capitalised.isupper() or info.cap_ratio >= 0.95)
            and not article_lower
            and word not in lex.style_lower
        ):
            return info.capitalised, round(min(0.99, info.cap_ratio), 3), _corpus(info)
        # The house archive's capitals (`Labour`, `Windows`), where the article reads a name too: it writes the word
        # capitalised on its own twice elsewhere (not only inside a name: `Manchester United` beside `stood united`),
        # or the word stands beside a name.
        house = lex.house_words.get(word)
        reads_a_name = n_alone >= 2 or ctx.beside_name
        if house is not None and reads_a_name and not article_lower and word not in lex.style_lower:
            form = seen.most_common(1)[0][0] if seen else house  # the article's own capitals first (`AIDS`)
            return form, 0.9, f"a name the house archive writes '{house}', and a name in this article"
        return None
    if seen:
        return _as_written(seen, 0.95)
    if info is not None:
        if info.seen >= preset.min_seen and info.cap_ratio < 0.5:
            return None
        # A SCOWL name nobody uses (`brocken`, `sadi`) is likelier a typo; name particles (`van`) stay small.
        attested = info.seen > 0 or lex.zipf_of(word) >= 2.5
        particle = lex.contextual.get(word, ("", ""))[1] == "particle"
        if info.scowl == "C" and attested and not particle and _usable(info.capitalised, word):
            return info.capitalised, 0.93, "a proper noun in the SCOWL English word lists"
        if particle:
            return None
        if info.seen >= 3 and info.cap_ratio >= preset.rare_ratio and _usable(info.capitalised, word):
            return info.capitalised, round(min(0.95, info.cap_ratio), 3), _corpus(info)
        # A two-letter acronym that is no dictionary word and that the corpus writes so nearly always (`uk`, `tv`),
        # unless its letters swapped make a frequent word (`sa`: a slip for `as`).
        acronym = len(word) == 2 and info.capitalised == word.upper() and info.seen >= _ACRONYM_SEEN
        if acronym and info.cap_ratio > 0.95 and lex.zipf_of(word[::-1]) < _TYPO_OF_ZIPF:
            return info.capitalised, 0.9, _corpus(info)
    name = lex.names.get(word)
    if name is not None:
        return name, 0.92, "a country, nationality, language or city name (gazetteer)"
    title = ev.titles.get(word)
    if title is not None and info is None and lex.zipf_of(word) < 4.0:
        return title, 0.85, f"written '{title}' in the headline or keywords, and not a dictionary word"
    return None


def name_like(word: str, lex: Lexicon, preset: Preset) -> tuple[str, float, str] | None:
    """A word no dictionary knows in lower case but that is in use (`kudrow`): most likely a name."""
    if word in lex.case or not 3 <= len(word) <= LONGEST or not word.isalpha() or lex.zipf_of(word) < preset.name_zipf:
        return None
    if _compound(word, lex) or _made_of_words(word, lex) or word in lex.misspelling_choices:
        return None  # a coinage, or a misspelling too common to settle here (`happend`: happened, happens?)
    if not word.isascii():
        # An accented word in English copy is a loanword (`résumé`, `déjà`) unless, accents dropped, it is a
        # name (`josé`). Imported here: the entities package imports the pipeline, which imports this one.
        from newsdesk.entities.kb import normalize

        info = lex.case.get(normalize(word))
        if info is None or not (info.scowl == "C" or (info.cap_ratio >= 0.5 and info.seen >= 3)):
            return None
    return name_form(word), 0.75, "not a dictionary word but a word in use: a name"


def name_beside_name(word: str, lex: Lexicon) -> tuple[str, float, str] | None:
    """A word no dictionary knows, with no spelling fix, next to a name (`Benjamin bratt`): its other part."""
    info = lex.case.get(word)
    if (info is not None and (info.scowl != "-" or info.cap_ratio < 0.5)) or not 2 <= len(word) <= LONGEST:
        return None
    if not word.isalpha() or _compound(word, lex) or _affixed(word, lex):
        return None
    # One letter from a frequent word (`sald`, `fror`, `thire`), it is likelier a typo we cannot settle.
    if any(lex.zipf_of(c) >= _TYPO_OF_ZIPF and c in lex.plain for c in edits1(word)):
        return None
    return name_form(word), 0.8, "not a dictionary word, and next to a name: part of the name"


def _compound(word: str, lex: Lexicon) -> bool:
    """`gameplay`, `frontman`: two words often written together, not a name (`beckham`)."""
    return any(f"{word[:i]} {word[i:]}" in lex.bigrams for i in range(3, len(word) - 2))


def _made_of_words(word: str, lex: Lexicon) -> bool:
    """`inkjet`, `passcode`: two frequent words run together. New coinages are made so; names rarely are."""
    return _affixed(word, lex) or any(
        lex.zipf_of(word[:i]) >= _PART_ZIPF and lex.zipf_of(word[i:]) >= _PART_ZIPF for i in range(3, len(word) - 2)
    )


def _affixed(word: str, lex: Lexicon) -> bool:
    """`wirelessly`, `rebrand`, `seater`: a dictionary word with a prefix or suffix, a new word and no name.
    After a prefix the word must be longer: a prefix and a short word is as often a surname (`coburn`,
    `unwin`, `mistry`)."""
    stems = [word[: -len(suffix)] for suffix in _SUFFIXES if word.endswith(suffix) and len(word) - len(suffix) >= 3]
    stems += [word[len(prefix) :] for prefix in _PREFIXES if word.startswith(prefix) and len(word) - len(prefix) >= 5]
    return any(stem in lex.case and lex.case[stem].common_lower for stem in stems)


def word_edits(
    text: str, tokens: list[Token], ev: Evidence, lex: Lexicon, preset: Preset, *, field: Field_ = "body"
) -> list[Edit]:
    """Case and spelling edits for the words of `text` (sentence starts, names, misspellings).

    Each word is judged as a second run would see the text this pass leaves, or that run would find
    what this one missed: its neighbours as corrected (`critisized tthe` is judged as `critisized the`,
    `john toshack` as `John toshack`), the names our capitals complete (`paris Club`), and the article's
    case counts with our capitals in them (`Labour` once more), and its words with our spelling fixes in them
    (`camp` once more, for `canp` elsewhere). So the words a correction bears on are decided again, round after
    round, up to a fixed point."""
    decided: dict[int, tuple[str, EditRule, float, str]] = {}  # start of word part -> new form
    _keep_styled_lower(tokens, ev, decided)
    _phrase_edits(tokens, ev, lex, decided)
    # Each word as the pass leaves it so far, as its neighbours read it: lower-case form, marks a name.
    words = [t.text.lower() for t in tokens]
    named = [_names_something(t, lex) for t in tokens]
    by_token: dict[int, list[Edit]] = {}
    counted: dict[int, Token] = {}  # edited tokens as the evidence last counted them
    looked_at: dict[int, str] = {}  # our capitals when names were last completed
    pending: Sequence[int] = range(len(tokens))
    for _ in range(_MAX_ROUNDS):
        changed = []
        respelled = False
        for k in pending:
            found = _token_edits(text, tokens, k, words, named, decided, ev, lex, preset, field)
            if not found and k not in by_token:
                continue  # unchanged, and never changed: `words` and `named` hold it as written
            if found and _same_changes(found, by_token.get(k)):
                found = by_token[k]  # the same change: keep its first reason, not our own capital read back
            if found:
                by_token[k] = found
            else:
                by_token.pop(k, None)
            form = _as_edited(tokens[k], found)
            name = _names_as_edited(tokens[k], found, lex)
            if form != words[k]:
                _add(ev.vocabulary.counts, split_possessive(words[k]), -1)
                _add(ev.vocabulary.counts, split_possessive(form), 1)
                respelled = True
            if form != words[k] or name != named[k]:
                words[k] = form
                named[k] = name
                changed.append(k)
        # What to look at again, nearest first: the neighbours of a changed word (and after a spelling fix, the
        # words it may bear on, `_fit` reading the article's words: the unknown ones, and a few more), the other
        # mentions of a name our capitals complete, the words whose article-wide counts our capitals move.
        respell: set[int] = set()
        if respelled:
            respell = {k for k, t in enumerate(tokens) if t.base.islower() and t.base not in lex.plain}
        pending = (
            sorted({n for k in changed for n in (k - 1, k + 1) if 0 <= n < len(tokens)} | respell)
            or _completed_names(tokens, by_token, ev, lex, decided, looked_at)
            or _recount(tokens, counted, by_token, ev, lex.function_words)
        )
        if not pending:
            break
    return [e for k in sorted(by_token) for e in by_token[k]]


def _same_changes(new: list[Edit], old: list[Edit] | None) -> bool:
    return old is not None and [(e.start, e.after) for e in new] == [(e.start, e.after) for e in old]


def _recount(
    tokens: list[Token],
    counted: dict[int, Token],
    by_token: dict[int, list[Edit]],
    ev: Evidence,
    function_words: frozenset[str],
) -> list[int]:
    """Count the article's case forms again as our capitals leave them; the tokens whose counts moved.

    A second run would read our capitals as the article's own evidence (`Labour` once more, `labour`
    once less), so the words they change are decided again here. `counted` holds each edited token as
    last counted."""
    changed = _case_forms(by_token.values())
    moved: set[str] = set()
    previous: dict[int, Token] = {}  # the tokens whose form changed, as counted before
    for k in by_token.keys() | counted.keys():
        now = _with_form(tokens[k], changed)
        before = counted.get(k, tokens[k])
        if now != before:
            moved.update(_count(before, ev.forms, ev.lower, -1), _count(now, ev.forms, ev.lower))
            previous[k] = before
            counted[k] = now
    # A token's lone capitals depend on its neighbours' capitals: only the changed tokens and theirs count again.
    last = len(tokens) - 1

    def view(n: int, old: bool) -> Token:
        return previous[n] if old and n in previous else counted.get(n, tokens[n])

    delta: Counter[str] = Counter()
    for k in {n for c in previous for n in (c - 1, c, c + 1) if 0 <= n <= last}:
        for old, sign in ((True, -1), (False, 1)):
            left = view(k - 1, old) if k > 0 else None
            right = view(k + 1, old) if k < last else None
            for form in _lone_forms(left, view(k, old), right, function_words):
                delta[form] += sign
    for form, change in delta.items():
        if change:
            _add(ev.alone, form, change)
            moved.add(form)
    if not moved:
        return []
    return [
        k
        for k, t in enumerate(tokens)
        if (any(p in moved for p in t.base.lower().split("-")) if "-" in t.base else t.base.lower() in moved)
    ]


def _case_forms(edit_lists: Iterable[list[Edit]]) -> dict[int, str]:
    """The new form of every word part a case edit changes, by its start (a second run sees them all)."""
    return {e.start: e.after for edits in edit_lists for e in edits if e.rule.startswith("case.")}


def _names_something(tok: Token, lex: Lexicon) -> bool:
    """A capital that marks a name: mid-sentence, or on a word that is not a plain dictionary word."""
    if tok.odd or not tok.text[:1].isupper():
        return False
    return tok.mid_sentence or (tok.base.lower() not in lex.plain and tok.base.lower() not in lex.function_words)


def _names_as_edited(tok: Token, edits: list[Edit], lex: Lexicon) -> bool:
    """Does the token mark a name once `edits` (its own) are applied, as a second run would see it?
    `john toshack` → `John` (a sentence start) names `toshack`; so does a capital we give as a name."""
    if not edits:
        return _names_something(tok, lex)
    return _names_something(_with_form(tok, _case_forms([edits])), lex) or any(
        e.start == tok.start and e.rule == "case.proper_noun" for e in edits
    )


def _name_word(tok: Token, named: bool, lex: Lexicon) -> bool:
    """A neighbour that makes a word part of a name: not a nationality (`Russian president`), an acronym
    (`digital TV`) or a possessive (`London's hotel`)."""
    return (
        named
        and tok.base == tok.text
        and not (tok.text.isupper() and len(tok.text) > 1)
        and tok.text.lower() not in lex.adjectives
    )


def _as_edited(tok: Token, edits: list[Edit]) -> str:
    """The token's lower-case text once `edits` (inside it) are applied."""
    out = tok.text
    for e in reversed(edits):
        at = e.start - tok.start
        out = out[:at] + e.after + out[at + len(e.before) :]
    return out.lower()


def _token_edits(
    text: str,
    tokens: list[Token],
    k: int,
    words: list[str],
    named: list[bool],
    decided: dict[int, tuple[str, EditRule, float, str]],
    ev: Evidence,
    lex: Lexicon,
    preset: Preset,
    field: Field_,
) -> list[Edit]:
    """The edits of token `k` (one per changed part of a hyphenated word), in text order."""
    tok = tokens[k]
    # Dictionary words the corpus writes in lower case need no decision, unless the article capitalises
    # them somewhere, they stand beside a name, or they are rare enough to be a typo: skip them fast.
    if tok.odd or (
        tok.text in lex.plain
        and lex.zipf_of(tok.text) >= preset.real_word_zipf
        and not tok.sentence_start
        and tok.start not in decided
        and tok.text not in ev.forms
        and not may_name(text, tokens, k, named)
    ):
        return []
    edits: list[Edit] = []
    parts = tok.base.split("-")
    offset = tok.start
    capital_before = False
    # A hyphenated word the article writes capitalised elsewhere (`Kilroy-Silk`) takes that form, part by part.
    seen = ev.forms.get(tok.base.lower()) if len(parts) > 1 and not tok.in_quote else None
    whole = max(seen.items(), key=lambda item: (item[1], sum(c.isupper() for c in item[0])))[0] if seen else ""
    whole_parts = whole.split("-") if whole else []
    why_whole = f"written '{whole}' mid-sentence elsewhere in this article"
    for i, part in enumerate(parts):
        start = offset
        offset += len(part) + 1
        new: str | None = None
        rule: EditRule = "case.proper_noun"
        confidence, why = 0.0, ""
        if start in decided:
            new, rule, confidence, why = decided[start]
        elif whole_parts and part.islower() and whole_parts[i] != part:
            new, confidence, why = whole_parts[i], 0.95, why_whole
        elif part.islower() and not tok.in_quote and not capital_before:
            found = _decide_word(text, tokens, k, words, named, part, len(parts) > 1, ev, lex, preset)
            if found is not None:
                new, rule, confidence, why = found
        capital_before = capital_before or part[:1].isupper()
        if i == 0 and tok.sentence_start and part.islower():
            target = new if new is not None else part
            capped = upper_first(target)
            if new is None or new == upper_first(part):
                rule, confidence, why = "case.sentence_start", 0.98, "a sentence starts here"
            new = capped
        if new is not None and new != part:
            edits.append(
                Edit(
                    start=start,
                    end=start + len(part),
                    before=part,
                    after=new,
                    rule=rule,
                    confidence=confidence,
                    explanation=why,
                    field=field,
                )
            )
    return edits


def _completed_names(
    tokens: list[Token],
    by_token: dict[int, list[Edit]],
    ev: Evidence,
    lex: Lexicon,
    decided: dict[int, tuple[str, EditRule, float, str]],
    looked_at: dict[int, str],
) -> list[int]:
    """Names our own capitals or spelling fixes complete, the article's (`paris Club` → `Paris Club`, to apply to
    their other mentions) or the gazetteer's (`European tuor` → `European Tour`): added to `decided`; returns the
    tokens to decide again. Otherwise a second run would find them.
    `looked_at` holds the capitals of the last look: only capitals new since then can complete a name."""
    changed = _case_forms(by_token.values())
    # A spelling fix can complete a name too (`consumer electroincs` beside `Consumer Electronics`).
    now = changed | {e.start: e.after for edits in by_token.values() for e in edits if e.rule == "spelling"}
    fresh = [start for start, form in now.items() if looked_at.get(start) != form]
    looked_at.clear()
    looked_at.update(now)
    if not fresh:
        return []
    updated = list(tokens)
    for k in by_token:
        updated[k] = _with_form(tokens[k], now)
    starts = [t.start for t in tokens]
    in_names = {w for entries in ev.phrases.values() for lower, _ in entries for w in lower}
    if not any(_may_name(updated, bisect_right(starts, start) - 1, changed, in_names, lex) for start in fresh):
        return []
    # Recounted even when no new run forms: our capitals also count as the article writing a name so.
    ev.phrases = collect_phrases(updated)
    found: dict[int, tuple[str, EditRule, float, str]] = {}
    _phrase_edits(updated, ev, lex, found)
    new = {start: v for start, v in found.items() if start not in decided}
    decided.update(new)
    return sorted({bisect_right(starts, start) - 1 for start in new})


def _may_name(tokens: list[Token], k: int, changed: dict[int, str], in_names: set[str], lex: Lexicon) -> bool:
    """Can our capital on token `k` change the article's names: does it join a capitalised neighbour, belong to a
    name the article writes, or begin or continue a gazetteer or house name (`bbc news` → `BBC news`, a capital
    that makes `BBC News` match)? (Looking again costs a pass over the text.)"""
    tok = tokens[k]
    if any(part.lower() in in_names for part in tok.base.split("-")):
        return True
    for n in (k - 1, k + 1):
        if 0 <= n < len(tokens):
            other = tokens[n]
            joined = next_to(other, tok) if n < k else next_to(tok, other)
            if joined and (other.text[:1].isupper() or other.start in changed):
                return True
            pair = (other.base.lower(), tok.base.lower()) if n < k else (tok.base.lower(), other.base.lower())
            if joined and (pair in lex.phrases or pair in lex.house):
                return True
    return False


def _with_form(tok: Token, changed: dict[int, str]) -> Token:
    """The token as our edits leave it, part by part (`jong-Un` → `Jong-Un`); an edit replaces a whole part."""
    parts = []
    start = tok.start
    for part in tok.base.split("-"):
        parts.append(changed.get(start, part))
        start += len(part) + 1
    base = "-".join(parts)
    if base == tok.base:
        return tok
    return tok._replace(text=base + tok.text[len(tok.base) :], base=base)


def _decide_word(
    text: str,
    tokens: list[Token],
    k: int,
    words: list[str],
    named: list[bool],
    part: str,
    compound: bool,
    ev: Evidence,
    lex: Lexicon,
    preset: Preset,
) -> tuple[str, EditRule, float, str] | None:
    """A part of a hyphenated word: the article's or a proper name's form, or a double-barrelled surname. Else an
    O' surname, then a known misspelling, then name evidence (the word itself: `decide_case`; then its place
    beside names: `names.py`), then a swapped-letter typo, then an unknown name, then a typo, then an unknown word
    beside a name. A spelling fix is then cased as the corrected word would be.

    `words` are the lower-case words as the pass leaves them so far: the context of the last check."""
    tok = tokens[k]
    last = len(tokens) - 1
    if compound:
        found = decide_case(part, ev, lex, preset, Context(compound_part=True))
        if found is None and k > 0 and next_to(tokens[k - 1], tok) and _name_word(tokens[k - 1], named[k - 1], lex):
            found = double_barrelled(tok.base.split("-"), part, lex)
        return None if found is None else (found[0], "case.proper_noun", found[1], found[2])
    found = irish_surname(part)
    if found is not None:
        return found[0], "case.proper_noun", found[1], found[2]
    # Before an apostrophe (`goin'`, `yukos'`) the spelling is the writer's own; the case may still be wrong.
    elision = tok.end < len(text) and text[tok.end] in "'’"
    joined_before = k > 0 and next_to(tokens[k - 1], tok)
    joined_after = k < last and next_to(tok, tokens[k + 1])
    name_before = joined_before and _name_word(tokens[k - 1], named[k - 1], lex)
    name_after = joined_after and _name_word(tokens[k + 1], named[k + 1], lex)
    # For a dictionary word, a name after it makes it the name's first word only where nothing else precedes
    # it: `the labour Party`, not the titles `Russian president Vladimir Putin`, `education secretary Tim`.
    beside_name = name_before or (name_after and (not joined_before or words[k - 1] in lex.function_words))
    ctx = Context(beside_name=beside_name)

    def around() -> Around:
        """The neighbours the place rules read (built only for the words that get that far)."""
        left = words[k - 1] if joined_before else None
        title = lex.contextual.get(left) if left is not None and named[k - 1] else None
        return Around(
            before=left,
            before_named=name_before,
            after=words[k + 1] if joined_after else None,
            after_named=name_after,
            before_title=title[0] if title is not None and title[1] == "title" else None,
            # Mid-sentence, `named` is whether the word is capitalised as the pass leaves it (`london` → `London`).
            before_capitalised=joined_before and tokens[k - 1].mid_sentence and named[k - 1],
            after_capital_the=k > 0 and tokens[k - 1].text == "The" and _mid_sentence_the(tokens, k - 1),
            possessive=tok.text != tok.base,
            after_goes_on=joined_after and k + 2 <= last and next_to(tokens[k + 1], tokens[k + 2]) and named[k + 2],
        )

    def spelled(fix: tuple[str, float, str]) -> tuple[str, EditRule, float, str]:
        """A spelling fix, its case decided as a second run would decide the corrected word's (`the Football
        assocation` → `Association`, a noun that ends names)."""
        word, confidence, why = fix
        cased = decide_case(word, ev, lex, preset, ctx)
        if cased is None and word not in lex.function_words and word not in lex.contextual:
            cased = name_by_place(word, around(), lex, text, tokens, k, named)
        if cased is None or cased[0] == word:
            return word, "spelling", confidence, why
        return cased[0], "spelling", min(confidence, cased[1]), f"{why}; {cased[2]}"

    words_before = text[tokens[k - 1].end : tok.start] if k > 0 else "."
    words_after = text[tok.end : tokens[k + 1].start] if k < last else "."
    before = words[k - 1] if words_before.isspace() else None
    after = words[k + 1] if words_after.isspace() else None
    if part not in ev.titles and not elision:
        listed = known_misspelling(part, lex, preset, before=before, after=after)
        if listed is not None:
            return spelled(listed)
    if part in lex.contextual:
        nxt = tokens[k + 1] if joined_after else None
        ctx = Context(
            number_before=bool(_NUMBER_BEFORE.search(text, max(0, tok.start - 4), tok.start)),
            number_after=bool(_NUMBER_AFTER.match(text, tok.end)),
            name_after=nxt is not None and (nxt.text[:1].isupper() or nxt.base.lower() not in lex.plain),
            beside_name=beside_name,
        )
    found = decide_case(part, ev, lex, preset, ctx)
    if found is None and part not in lex.function_words and part not in lex.contextual:
        found = name_by_place(part, around(), lex, text, tokens, k, named)
    if found is not None:
        return found[0], "case.proper_noun", found[1], found[2]
    if part in ev.titles:
        return None
    if elision:
        found = name_like(part, lex, preset)
        return None if found is None else (found[0], "case.proper_noun", found[1], found[2])
    if tok.text.islower() and _attribution_slot(text, tokens, k):
        result = attribution_verb(part, lex, preset)
        if result is not None:
            return spelled(result)
    result = decide_spelling(part, lex, preset, transpositions_only=True, before=before, after=after)
    if result is not None:
        return spelled(result)
    result = name_like(part, lex, preset)
    if result is not None:
        return result[0], "case.proper_noun", result[1], result[2]
    # Only a string no frequency list knows may be two slips away; `unrecycled` is a coinage, not `recycled`.
    two_edits = len(part) <= LONGEST and lex.zipf_of(part) == 0.0 and not _made_of_words(part, lex)
    result = decide_spelling(part, lex, preset, two_edits=two_edits, before=before, after=after, article=ev.vocabulary)
    if result is not None:
        return spelled(result)
    if name_before or name_after:  # a word no dictionary knows may be a first name (`actor ewan McGregor`)
        result = name_beside_name(part, lex)
        if result is not None:
            return result[0], "case.proper_noun", result[1], result[2]
    return None


def _attribution_slot(text: str, tokens: list[Token], k: int) -> bool:
    """Is token `k` where a quote's attribution verb goes? Right after a closed quotation (`," ___ Mark Sparrow`,
    `," he ___.`), before one it opens (`Mr Hague ___: "No."`), before a name after a clause (`…, ___ Mr Ross.`),
    between a name and the reported clause (`Mr Prescott ___ there was a dinner`) or between a subject pronoun and a
    stop (`he ___.`). A name's capital counts mid-sentence only: `That ___ that` opens a sentence."""
    tok = tokens[k]
    prev = tokens[k - 1] if k > 0 and next_to(tokens[k - 1], tok) else None
    nxt = tokens[k + 1] if k + 1 < len(tokens) and next_to(tok, tokens[k + 1]) else None
    if _AFTER_QUOTE.search(text, max(0, tok.start - 80), tok.start):
        return True
    subject = prev is not None and (capitalised(prev.text) or prev.text.lower() in _SUBJECTS)
    if subject and _BEFORE_QUOTE.match(text, tok.end):
        return True
    if nxt is not None and capitalised(nxt.text) and text[max(0, tok.start - 2) : tok.start] == ", ":
        return True
    if prev is not None and prev.mid_sentence and capitalised(prev.text) and nxt is not None and nxt.text in _REPORTED:
        return True
    return prev is not None and prev.text.lower() in _SUBJECTS and text[tok.end : tok.end + 1] in (".", ",")


def _mid_sentence_the(tokens: list[Token], k: int) -> bool:
    """Is token `k` a `The` whose capital says something: mid-sentence, not after a line in capitals?"""
    before = tokens[k - 1].text if k > 0 else ""
    return tokens[k].mid_sentence and not (before.isupper() and len(before) > 1)


def _keep_styled_lower(tokens: list[Token], ev: Evidence, decided: dict[int, tuple[str, EditRule, float, str]]) -> None:
    """A name the article writes in lower case as its style (BBC's `lord chancellor` six times, `Lord Chancellor`
    once): wholly in lower case `_OWN_STYLE` times or more, and more often than capitalised. Its lower-case uses are
    decided as written (a sentence start still takes its capital), so no rule capitalises a word of them."""
    # The first words of the article's names that it also writes in lower case often enough mid-sentence: most
    # articles have none, and are done without a look at their tokens.
    firsts = {word for word in ev.phrases if ev.lower[word] >= _OWN_STYLE}
    lower_at: dict[str, list[int]] = {}
    for i, tok in enumerate(tokens if firsts else ()):
        if tok.base in firsts:
            lower_at.setdefault(tok.base, []).append(i)
    for first, at in lower_at.items():
        for lower, words in ev.phrases[first]:
            n = len(lower)
            windows = [tokens[i : i + n] for i in at]
            written_lower = [
                w for w in windows if tuple(t.base for t in w) == lower and all(next_to(a, b) for a, b in pairwise(w))
            ]
            if len(written_lower) < _OWN_STYLE:
                continue
            capitalised_at = [i for i, tok in enumerate(tokens) if tok.base == words[0]]
            if len(written_lower) > _written_as(words, capitalised_at, tokens):
                for window in written_lower:
                    for tok in window:
                        start = tok.start
                        for part in tok.base.split("-"):
                            decided[start] = (part, "case.proper_noun", 1.0, "")
                            start += len(part) + 1


def _phrase_edits(
    tokens: list[Token],
    ev: Evidence,
    lex: Lexicon,
    decided: dict[int, tuple[str, EditRule, float, str]],
) -> None:
    """Multi-word names (`north korean` → `North Korean`) from the article's own names, then the gazetteer, then
    the house names (the bundled table, a newsroom's own, or none)."""
    keys = [t.base.lower() for t in tokens]
    pairs = list(zip(keys, [*keys[1:], ""], strict=False))  # the last word pairs with nothing
    # Only the words that begin a name are looked at, in text order.
    firsts = [i for i, pair in enumerate(pairs) if pair[0] in ev.phrases or pair in lex.phrases or pair in lex.house]
    where: dict[str, list[int]] = {}  # first word -> its token indices, to count a phrase's spellings fast
    for i in firsts:
        where.setdefault(keys[i], []).append(i)
    styles: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[int, int]] = {}

    def style(lower: tuple[str, ...], words: tuple[str, ...]) -> tuple[int, int]:
        """How often the text writes the name with a word in lower case, and exactly so: counted once a name, not
        once a use (a story that names `Tony Blair` 2,000 times would cost 2,000 × 2,000 looks)."""
        if (lower, words) not in styles:
            at = where[lower[0]]
            styles[lower, words] = (
                _written_lower(lower, words, at, keys, tokens, lex),
                _written_as(words, at, tokens),
            )
        return styles[lower, words]

    free = 0  # tokens before this are part of a name matched already
    for i in firsts:
        if i < free:
            continue
        matched = 0
        second = pairs[i][1]
        sources = (
            ("this article", ev.phrases.get(keys[i], [])),
            ("the gazetteer", lex.phrases.get(pairs[i], [])),
            ("the house names", lex.house.get(pairs[i], [])),
        )
        for source, entries in sources:
            for lower, words in entries:
                if lower[1] != second:
                    continue  # the article's names are ruled out by their second word, at no cost
                n = len(lower)
                window = tokens[i : i + n]
                if (
                    len(window) < n
                    or tuple(keys[i : i + n]) != lower
                    or any(t.odd or t.in_quote or t.start in decided for t in window)
                    or not all(next_to(a, b) for a, b in pairwise(window))
                ):
                    continue
                plain = all(w in lex.plain or w in lex.function_words for w in lower)
                if source == "this article" and (style(lower, words)[0] > 1 or (plain and style(lower, words)[1] < 2)):
                    continue  # the article's own style is lower case, or a name of plain words seen only once
                # `central bank` in lower case (a sentence start's capital says nothing) is a noun phrase;
                # `World cup` names. A house name is the archive's style: only where the article half writes it.
                capital = any(t.mid_sentence and t.base[:1].isupper() for t in window)
                house = source == "the house names"
                if (house or (source == "the gazetteer" and plain)) and not capital:
                    continue
                if house and not _house_name_fits(words, window, i, tokens, lex, *style(lower, words)):
                    continue
                why = f"part of the name '{' '.join(words)}' ({source})"
                confidence = 0.95 if source == "the gazetteer" else 0.9
                # A function word keeps its lower case, except the first word of a name the article itself writes
                # with it capitalised mid-sentence (`The Aviator`, `Who's Your Daddy`) and a house name's number
                # words. Titles of works capitalise the others too unevenly to follow (`Breakfast with Frost`).
                opener = lower[0] if source == "this article" else ""
                numbers = _NUMBER_WORDS if house else frozenset()
                for tok, word in zip(window, words, strict=True):
                    start = tok.start
                    for part, form in zip(tok.base.split("-"), word.split("-"), strict=True):
                        function = (
                            part in lex.function_words
                            and part not in numbers
                            and not (tok is window[0] and part == opener)
                        )
                        if part != form and part.islower() and not function:
                            decided[start] = (form, "case.proper_noun", confidence, why)
                            matched = n
                        start += len(part) + 1
                if matched:
                    break  # a name written right already takes no words: `London's Earls court` holds `Earls Court`
            if matched:
                break
        free = i + matched


def _house_name_fits(
    words: tuple[str, ...],
    window: list[Token],
    i: int,
    tokens: list[Token],
    lex: Lexicon,
    written_lower: int,
    written_as: int,
) -> bool:
    """May the house name `words` complete the tokens `window`, from `i`? Not across a possessive, which ends a
    learned name (`China's national energy company`); not against the article's own style, kept throughout (`the Mac
    mini`: `written_lower` uses with a word in lower case, none `written_as` the name); not to a title before a person
    (`_titles_a_name`)."""
    n = len(window)
    if any(t.base != t.text for t in window[:-1]):
        return False
    if written_lower >= _OWN_STYLE and not written_as:
        return False
    after = tokens[i + n] if i + n < len(tokens) and next_to(window[-1], tokens[i + n]) else None
    return not _titles_a_name(window, words, after, lex)


def _titles_a_name(window: list[Token], words: tuple[str, ...], after: Token | None, lex: Lexicon) -> bool:
    """Would the name capitalise a title or role before a person (`US president Bill Clinton`, `New York attorney
    general Eliot Spitzer`)? Styles differ there (the AP writes `president` so, the BBC `President`): an archive's
    style is not the article's. A public office written with its department is a title both write so (`Home
    Secretary Charles Clarke`; `office_titles.txt`)."""
    tables = load_names()
    following = [*words[1:], after.base if after is not None else ""]
    for k, (tok, nxt) in enumerate(zip(window, following, strict=True)):
        title = tok.base in tables.formal_titles or tok.base in tables.roles
        if not (tok.base.islower() and title and nxt[:1].isupper()):
            continue
        office = words[k - 1].lower() if k > 0 else ""
        if not (tok.base in tables.offices and office and office not in lex.names and office not in lex.adjectives):
            return True
    return False


def _written_as(words: tuple[str, ...], at: list[int], tokens: list[Token]) -> int:
    """How often the text writes the phrase exactly so."""
    n = len(words)
    return sum(1 for i in at if tuple(t.base for t in tokens[i : i + n]) == words)


def _written_lower(
    lower: tuple[str, ...], words: tuple[str, ...], at: list[int], keys: list[str], tokens: list[Token], lex: Lexicon
) -> int:
    """How often the text writes the phrase with a dictionary word in lower case that the name capitalises.

    Only dictionary words count: no other rule changes them, so our own edits leave the count as it is."""
    n = len(lower)
    return sum(
        1
        for i in at
        if tuple(keys[i : i + n]) == lower
        and any(
            t.base.islower() and w[:1].isupper() and t.base in lex.plain
            for t, w in zip(tokens[i : i + n], words, strict=True)
        )
    )


def spacing_edits(
    text: str, protected: Spans, abbreviations: frozenset[str], word_edits: Iterable[Edit] = ()
) -> list[Edit]:
    """A missing space after , ; : . ? ! before a word; never in numbers, URLs, e-mails, `U.S.`, times.

    After . ? ! the word must read as a sentence's first (a capital, then lower case) as `word_edits` leave it:
    `won?france` gets its space in the pass that makes it `France`, not in the next one."""
    edited = {e.start: e.after for e in word_edits}
    edits = []
    for m in _MISSING_SPACE.finditer(text):
        p = m.start()
        punct = m.group()
        before = text[p - 1] if p else ""
        following = edited.get(p + 1) or text[p + 1 : p + 3]
        nxt = following[0]
        after_next = following[1] if len(following) > 1 else text[p + 2] if p + 2 < len(text) else " "
        if (
            p in protected
            or not before
            or not (before.isalpha() or before in CLOSERS or before.isdigit() or before == "%")
        ):
            continue
        if punct in ".?!" and not (nxt.isupper() and after_next.islower()):
            continue  # `U.S.`, `a.m.`, `Node.js`, `ASP.NET` keep their stops
        if punct == "." and (before.isdigit() or is_abbreviation(_word_at(text, p) + ".", abbreviations)):
            continue
        if punct in ":;" and before.isdigit():
            continue
        if punct == ";" and _HTML_ENTITY.search(text, max(0, p - 10), p):
            continue
        if punct == ":" and _word_at(text, p).lower() in _SCHEMES:
            continue
        edits.append(
            Edit(
                start=p + 1,
                end=p + 1,
                before="",
                after=" ",
                rule="space.after_punct",
                confidence=0.97 if punct == "," else 0.9,
                explanation=f"a space belongs after '{punct}'",
            )
        )
    return edits


def _word_at(text: str, end: int) -> str:
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end]
