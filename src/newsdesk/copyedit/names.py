"""Names told by their neighbours: a lower-case word whose place in the sentence makes it part of a name.

The case rules in `rules.py` judge a word by itself (the article's own capitals, corpus counts, the gazetteer).
These judge it by where it stands, each kept to a place where a lower-case word is almost never right; they
are tried in this order, after the word-by-itself rules found nothing:
- the word after a courtesy title (`Mr straw`), or after a formal title written capitalised (`President bush`)
  when the corpus capitalises it more often than not;
- a title of public office between its capitalised office and a name (`Foreign secretary Jack Straw`);
- a first name right before a surname (`roger Federer`), when the corpus writes the word capitalised before
  names (`name_context.tsv`) and the surname is no place (`north London`) nor the word part of a common phrase
  (`attorney general Eliot Spitzer`);
- a dictionary word the corpus nearly always capitalises, beside a name word (`Tim collins`), unless a role;
- a word between two words of one name (`Axa sun Life`) that the corpus capitalises after names, when the name
  goes on with no first name (`London mayor Ken Livingstone` is a title before a person), or any word but a
  verb or an adverb, when the name ends in a noun that ends names (`Mobile data Association`, `Mental capacity
  Bill`; `name_heads.txt`);
- such a noun right after a capitalised word, when the corpus nearly always capitalises it after names (`the
  Football association`);
- a word between `the` and a name word that the corpus capitalises before names (`the financial Times`);
- the word after a capitalised `The` mid-sentence (`comedy The matador`);
- a one-word item of a list of one-word names (`James, mills, Distin, Dunne`: sports line-ups, cast lists);
- a surname right after the first name that opens a name (`Richard hill`), when the corpus capitalises the word
  after names, or, never seen there, more often than not anywhere; not a word with the ending of a verb or an
  adverb (`Cher honouring`, `Williams controversially`).
Two more judge a name by its form: an O' surname (`o'sullivan`, `irish_surname`), and after a name word a
hyphenated word no dictionary knows (`Justine henin-hardenne`, `double_barrelled`).

`name_by_place` tries them. The corpus evidence is `name_context.tsv`: how often a word is written capitalised
right before and right after a name word, counted in truecase's cased bigrams and the CoNLL-2003 train split
(`scripts/build_name_context.py`): the unigram truecasing model of Lita et al. (ACL 2003) that `rules.py` uses,
widened to one neighbour. The thresholds were set on the benchmark's dev split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsdesk.copyedit.lexicon import Lexicon, capitalised_share
from newsdesk.copyedit.scan import Token, name_form, next_to, upper_first
from newsdesk.tables import data_lines, data_rows, word_set

#: Uses right before a name the corpus must show before their capitalised share counts (first names, words after `the`).
_BEFORE_SEEN = 3
#: The corpus must write a first name capitalised before a name at least this share of the time.
_FIRST_NAME_SHARE = 0.7
#: Uses right after a name the corpus must show before their capitalised share counts.
_CONTINUES_SEEN = 5
#: A word between two name words: capitalised after a name at least this share of the time ...
_CONTINUES_SHARE = 0.8
#: ... or this share, before a next word that names usually go on with (itself >= _CONTINUES_SHARE).
_CONTINUES_WEAK = 0.5
#: A noun that ends names ends the one before it when the corpus capitalises it after names this share of the time.
_ENDS_SHARE = 0.92
#: Before a noun that ends names, a word ending like an agent noun the corpus capitalises at least this share of the
#: time (`Consumer Council`, not `interviewer Hall`).
_AGENT_ENDINGS = ("er", "or")
_AGENT_SHARE = 0.1
#: Beside a name word, a dictionary word the corpus capitalises at least this share of at least this many uses.
_CORPUS_SHARE = 0.9
_CORPUS_SEEN = 5
#: After a formal title, a word the corpus capitalises at least this share of the time (`bush` 0.83): the
#: title itself says a name follows, so a word more often a name than not will do.
_TITLED_SHARE = 0.5
#: After `the`, before a name word: capitalised before names at least this share of the time (or the weak
#: share before a word names usually go on with).
_LEADS_SHARE = 0.9
_LEADS_WEAK = 0.4
#: After a first name, a word the corpus capitalises at least this share of the time after names (or anywhere).
_SURNAME_SHARE = 0.5
#: Endings of verbs and adverbs, which follow a name far more often than a surname with them does.
_NOT_SURNAME_ENDINGS = ("ing", "ed", "ly")
#: Endings of nouns for a person (`pianist`, `comedian`, `frontman`): a title before a name, no part of one.
_PERSON_ENDINGS = ("ist", "ian", "man")
#: `o'sullivan`, `o’neill`; `o'clock` is the one lower-case word of this form in use (`o'er` is too short).
_IRISH = re.compile(r"o['’](?!clock\Z)[^\W\d_]{3,}\Z")
#: The shortest part of a double-barrelled surname.
_BARREL = 4
#: What separates the one-word items of a list (`Distin, Dunne; Thatcher`).
_ITEM_BEFORE = re.compile(r"[ \t]*[,;:][ \t]*\Z|[ \t]*\n\s*\Z")
_ITEM_AFTER = re.compile(r"[ \t]*(?:[,;.(]|\n|\Z|\d+\b)")
_LINE_UP_MARK = re.compile(r"[ \t]*(?:\(|\d+\b)")


@dataclass(frozen=True, slots=True)
class NameTables:
    """The data tables the place rules read (see `load_names`)."""

    #: First names (Faker's lists, `quotes/first_names.tsv`), lower case.
    first_names: frozenset[str]
    #: Word -> (capitalised, lower case) uses right before a name word in the corpus.
    before: dict[str, tuple[int, int]]
    #: Word -> (capitalised, lower case) uses right after a name word.
    after: dict[str, tuple[int, int]]
    #: Role nouns (`mayor`, `singer`): before a person's name they are titles, not part of it.
    roles: frozenset[str]
    #: The last words of formal titles (`president`, `minister`, `lord`; `entities/titles.txt`).
    formal_titles: frozenset[str]
    #: Titles of public office capitalised before a name with their office (`copyedit/office_titles.txt`).
    offices: frozenset[str]
    #: Nouns that end names of organisations, events and places (`Association`; `copyedit/name_heads.txt`).
    heads: frozenset[str]


@lru_cache(maxsize=1)
def load_names() -> NameTables:
    """`copyedit/name_context.tsv` with the first names and role nouns of the quote tables, read once."""
    before: dict[str, tuple[int, int]] = {}
    after: dict[str, tuple[int, int]] = {}
    for word, cap_before, lower_before, cap_after, lower_after in data_rows("copyedit/name_context.tsv")[1:]:
        before[word] = (int(cap_before), int(lower_before))
        after[word] = (int(cap_after), int(lower_after))
    first_names = frozenset(name.lower() for name, _ in data_rows("quotes/first_names.tsv"))
    roles = frozenset(noun for noun, _ in data_rows("quotes/person_nouns.txt"))
    formal_titles = frozenset(line.split()[-1] for line in data_lines("entities/titles.txt"))
    offices = word_set("copyedit/office_titles.txt")
    return NameTables(first_names, before, after, roles, formal_titles, offices, word_set("copyedit/name_heads.txt"))


def _share(counts: tuple[int, int] | None, seen: int) -> float:
    """The capitalised share of `counts` (cap, lower), as `capitalised_share` smooths it; 0 below `seen` uses."""
    if counts is None or sum(counts) < seen:
        return 0.0
    return capitalised_share(*counts)


@dataclass(frozen=True, slots=True)
class Around:
    """A word's neighbours as the pass leaves them: lower-case text, and whether each marks a name.

    `None` where there is no neighbour joined by a single space."""

    before: str | None
    before_named: bool
    after: str | None
    after_named: bool
    #: The courtesy title right before (`Mr`, `Dr`), as written.
    before_title: str | None = None
    #: The word before is written capitalised mid-sentence (`President`, `Lord`).
    before_capitalised: bool = False
    #: A capitalised `The` mid-sentence right before (`comedy The matador`): a title or a name starts there.
    after_capital_the: bool = False
    #: The word itself ends in a possessive `'s` (`the state's National`): it ends a name, it does not open one.
    possessive: bool = False
    #: The name word after is followed by another (`bassist Bill Wyman`).
    after_goes_on: bool = False


def _first_name(word: str, around: Around, lex: Lexicon) -> tuple[str, float, str] | None:
    """`roger Federer`: a first name the corpus capitalises before names, right before a name word.

    A first name never seen before a name is judged by its case anywhere in the corpus (`case.tsv`)."""
    names = load_names()
    if word not in names.first_names or word in lex.names or word in lex.adjectives or word in names.roles:
        return None
    if not around.after_named or around.after is None or around.after in lex.names:
        return None  # `north London`: a first name is not followed by a place
    if around.before is not None and not around.before_named and f"{around.before} {word}" in lex.bigrams:
        return None  # `attorney general Eliot Spitzer`: the word ends a common phrase
    counts = names.before.get(word)
    info = lex.case.get(word)
    if counts is None and info is not None:
        counts = (info.cap_count, info.lower_count)  # never seen before a name: its case anywhere must do
    if _share(counts, _BEFORE_SEEN) < _FIRST_NAME_SHARE:
        return None
    return upper_first(word), 0.9, "a first name, right before a name"


def _after_title(word: str, around: Around, lex: Lexicon) -> tuple[str, float, str] | None:
    """`Mr straw`, `Dr fox`: the word right after a courtesy title (`contextual.tsv`) is the name it goes with."""
    title = around.before_title
    if title is None or word in lex.function_words:
        return None
    return upper_first(word), 0.9, f"a name after the title '{title}'"


def _after_formal_title(word: str, around: Around, lex: Lexicon) -> tuple[str, float, str] | None:
    """`President bush`, `Lord goldsmith`: after a formal title written capitalised mid-sentence, as news
    style writes one only before a name (AP Stylebook), a word the corpus mostly capitalises is that name."""
    if not around.before_capitalised or around.before not in load_names().formal_titles:
        return None
    info = lex.case.get(word)
    if info is None or info.seen < _CORPUS_SEEN or info.cap_ratio < _TITLED_SHARE:
        return None
    return upper_first(word), 0.85, f"a name after the title '{upper_first(around.before)}'"


def _office_title(word: str, around: Around, lex: Lexicon) -> tuple[str, float, str] | None:
    """`Foreign secretary Jack Straw`, `Finance minister Trevor Manuel`: a title of public office between the
    office, written capitalised, and a name is a formal title, capitalised (AP Stylebook). A nationality is no
    office (`Russian minister`), nor a name (`Chelsea secretary`)."""
    office = around.before
    if word not in load_names().offices or office is None or not (around.before_capitalised and around.after_named):
        return None
    info = lex.case.get(office)
    if info is None or not info.common_lower or office in lex.adjectives:
        return None  # an office is a dictionary word (`Foreign`, `Trade`), not a club's or firm's name (`Chelsea`)
    return upper_first(word), 0.85, f"a formal title between its office '{upper_first(office)}' and a name"


def _opens_title(word: str, around: Around, lex: Lexicon) -> tuple[str, float, str] | None:
    """`comedy The matador`, `while The killers`: after a `The` written capitalised mid-sentence, the name or
    title it starts goes on."""
    if not around.after_capital_the or word in lex.function_words:
        return None
    return upper_first(word), 0.85, "after a capitalised 'The' mid-sentence: a title or name"


def _enough(share: float, strong: float, weak: float, after: str) -> bool:
    """Does a capitalised `share` clear `strong`, or `weak` before a word names usually go on with (`Bank`,
    `Association`: capitalised after a name at least `_CONTINUES_SHARE` of the time)?"""
    return share >= strong or (
        share >= weak and _share(load_names().after.get(after), _CONTINUES_SEEN) >= _CONTINUES_SHARE
    )


def _leads_name(word: str, around: Around) -> tuple[str, float, str] | None:
    """`the financial Times`: between `the` and a name word, a word the corpus capitalises before names opens
    the name (less support will do before a word names usually go on with: `the home International`).
    Not after a possessive (`the state's National`): that ends a name."""
    names = load_names()
    if around.before != "the" or not around.after_named or around.after is None or around.possessive:
        return None
    if not _enough(_share(names.before.get(word), _BEFORE_SEEN), _LEADS_SHARE, _LEADS_WEAK, around.after):
        return None
    return upper_first(word), 0.85, "between 'the' and a name, and usually capitalised before a name"


def _corpus_name_beside_name(word: str, around: Around, lex: Lexicon) -> tuple[str, float, str] | None:
    """`Tim collins`, `Vera drake`: a dictionary word the corpus nearly always capitalises, beside a name word.
    Not a role before a person (`Wasps hooker Phil Greening`, `Chief constable Mr Hayman`)."""
    info = lex.case.get(word)
    if info is None or not (around.before_named or around.after_named) or word in lex.style_lower:
        return None
    if info.seen < _CORPUS_SEEN or info.cap_ratio < _CORPUS_SHARE or not info.capitalised[1:].islower():
        return None  # only a plain initial capital (`Collins`): acronyms and `McCain` forms are left to other rules
    names = load_names()
    after = around.after if around.after_named else None
    if word in names.roles or after in names.first_names or lex.contextual.get(after or "", ("", ""))[1] == "title":
        return None
    why = f"next to a name, and capitalised in {info.cap_count} of {info.seen} uses in an English news corpus"
    return info.capitalised, 0.85, why


def _name_continues(word: str, around: Around, lex: Lexicon) -> tuple[str, float, str] | None:
    """`Axa sun Life`: a word between two words of a name, which the corpus capitalises after names."""
    names = load_names()
    if not ((around.before_named or around.before_capitalised) and around.after_named) or around.after is None:
        return None
    if word in names.roles or word in lex.function_words:
        return None
    # After an acronym too (`BBC world Service`). Not a verb or an adverb (`Leeds joined Championship rivals`, `the
    # BBC yesterday Hall said`): by its ending, or as a word the corpus never capitalises after a name in five uses or
    # more. Its share of capitals anywhere cannot tell: `capacity` (the Mental Capacity Bill) is as seldom capitalised
    # as `joined`. Nor before a person whose first name is such a noun (`Stones bassist Bill Wyman`), nor a noun
    # for a person (`pianist`, `frontman`); one ending like an agent noun (`interviewer Hall said`, but `Consumer
    # Council`) takes the corpus's share of capitals as before.
    after_names = names.after.get(word)
    info = lex.case.get(word)
    no_name_word = (
        word.endswith(_NOT_SURNAME_ENDINGS + _PERSON_ENDINGS)
        or word in lex.attribution
        or (after_names is not None and after_names[0] == 0 and after_names[1] >= _CONTINUES_SEEN)
        or (around.after in names.first_names and around.after_goes_on)
        or (word.endswith(_AGENT_ENDINGS) and info is not None and info.cap_ratio < _AGENT_SHARE)
    )
    if around.before_capitalised and around.after in names.heads and not no_name_word:
        return upper_first(word), 0.85, f"between two words of a name that ends in '{upper_first(around.after)}'"
    if not around.before_named or around.after in names.first_names:
        return None  # `London mayor Ken Livingstone`: a title before a person
    if not _enough(_share(names.after.get(word), _CONTINUES_SEEN), _CONTINUES_SHARE, _CONTINUES_WEAK, around.after):
        return None
    return upper_first(word), 0.85, "between two words of a name, and usually capitalised after a name"


def _ends_name(word: str, around: Around, lex: Lexicon) -> tuple[str, float, str] | None:
    """`the Football association`: right after a name word, a noun that ends names and that the corpus nearly
    always capitalises after a name ends this one, when nothing but a function word follows it. Not after a
    nationality or an acronym (`the French ministry`, `the GMB union`), nor before another noun (`cup tie`)."""
    names = load_names()
    if word not in names.heads or not around.before_named:
        return None
    if around.after is not None and around.after not in lex.function_words:
        return None
    if _share(names.after.get(word), _CONTINUES_SEEN) < _ENDS_SHARE:
        return None
    return upper_first(word), 0.85, "a noun that ends names, after a name, and capitalised there in the corpus"


def _surname(word: str, around: Around, lex: Lexicon, opens: bool) -> tuple[str, float, str] | None:
    """`Richard hill`, `Mike ruddock`: right after a first name that `opens` a name (no name word before it: `Andy
    Robinson lambasted` is a surname and a verb), a word the corpus capitalises after names; never seen there, one
    it capitalises more often than not anywhere, unless it ends like a verb or an adverb (`Cher honouring`)."""
    names = load_names()
    first = around.before
    if not (opens and around.before_named) or first not in names.first_names or first in lex.plain:
        return None  # `Will`, `Mark` are words too
    if first in lex.names or word in lex.function_words or word in names.roles or word in lex.adjectives:
        return None  # a place is no first name (`Houston`); a role or a nationality no surname (`Lewis chairman`)
    if len(word) < 3 or word in names.heads or word in lex.style_lower or around.after in names.roles:
        return None  # `Stewart b Gough` (a scorecard), `Berlin stadium`, `Chelsea finance director`
    counts = names.after.get(word)
    if counts is not None and sum(counts) >= _CONTINUES_SEEN:
        if _share(counts, _CONTINUES_SEEN) < _SURNAME_SHARE:
            return None
    else:
        info = lex.case.get(word)
        if info is None or info.cap_ratio < _SURNAME_SHARE or word.endswith(_NOT_SURNAME_ENDINGS):
            return None
    return upper_first(word), 0.85, f"a surname, right after the first name '{upper_first(first)}'"


def _separated(text: str, start: int, end: int) -> bool:
    """Is `text[start:end]` one list item: a list separator before it and after it?"""
    return bool(_ITEM_BEFORE.search(text, max(0, start - 4), start)) and bool(_ITEM_AFTER.match(text, end))


def _list_item(
    text: str, tokens: list[Token], k: int, named: list[bool], abbreviations: frozenset[str]
) -> tuple[str, float, str] | None:
    """`James, mills, Distin`: a one-word item of a list holding two one-word names at least. One name beside
    a word set off by commas is an aside (`On Monday, Blair, smiling, said no`), not a list, unless the item
    carries line-up notation."""
    tok = tokens[k]
    if not _separated(text, tok.start, tok.end) or upper_first(tok.base) + "." in abbreviations:
        return None  # `Hayes, capt, Easterby`: an abbreviation (`Capt.`) is no name
    names = 0
    for step in (-1, 1):
        n = k + step
        while 0 <= n < len(tokens) and not tokens[n].odd and _separated(text, tokens[n].start, tokens[n].end):
            names += named[n]
            n += step
    # A bracket or a number after the item is line-up notation (`murphy (Euell 78)`, `graham 86`): one name will do.
    needed = 1 if _LINE_UP_MARK.match(text, tok.end) else 2
    return (upper_first(tok.base), 0.85, "an item of a list of one-word names") if names >= needed else None


def double_barrelled(parts: list[str], part: str, lex: Lexicon) -> tuple[str, float, str] | None:
    """`Justine henin-hardenne`: right after a name word, a hyphenated word whose parts no dictionary knows and
    the corpus does not write in lower case is a double-barrelled surname: each part capitalised. Parts of four
    letters at least: short syllables are East Asian given names, whose second part stays lower case
    (`Kim Jong-un`, `Kim Dae-jung`)."""
    for p in parts:
        info = lex.case.get(p.lower())
        if not p.isalpha() or len(p) < _BARREL or (info is not None and (info.common_lower or info.cap_ratio < 0.5)):
            return None
    return name_form(part), 0.8, "after a name, a hyphenated word no dictionary knows: a double-barrelled surname"


def irish_surname(word: str) -> tuple[str, float, str] | None:
    """`o'sullivan` → `O'Sullivan`: an O' name (`o'clock` aside, no English word has this form)."""
    if not _IRISH.match(word):
        return None
    return "O" + word[1] + name_form(word[2:]), 0.9, "an O' surname"


def may_name(text: str, tokens: list[Token], k: int, named: list[bool]) -> bool:
    """Could token `k`'s place make it a name: a name word joined to it, or a list separator before it?
    (A cheap test, to skip the plain dictionary words that are nowhere near a name.)"""
    tok = tokens[k]
    if k + 1 < len(tokens) and named[k + 1] and next_to(tok, tokens[k + 1]):
        return True
    if k > 0 and named[k - 1] and next_to(tokens[k - 1], tok):
        return True
    return bool(_ITEM_BEFORE.search(text, max(0, tok.start - 4), tok.start))


def name_by_place(
    word: str, around: Around, lex: Lexicon, text: str, tokens: list[Token], k: int, named: list[bool]
) -> tuple[str, float, str] | None:
    """The capitalised form of lower-case `word` (token `k`) with confidence and reason, from the first rule
    its place satisfies, in the order of the module docstring; None when none does."""
    return (
        _after_title(word, around, lex)
        or _after_formal_title(word, around, lex)
        or _office_title(word, around, lex)
        or _first_name(word, around, lex)
        or _corpus_name_beside_name(word, around, lex)
        or _name_continues(word, around, lex)
        or _ends_name(word, around, lex)
        or _leads_name(word, around)
        or _opens_title(word, around, lex)
        or _list_item(text, tokens, k, named, lex.abbreviations)
        or _surname(word, around, lex, not (k >= 2 and named[k - 2] and next_to(tokens[k - 2], tokens[k - 1])))
    )
