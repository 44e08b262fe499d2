"""House names: the names a newsroom's own archive writes with capitals, learned from clean copy.

    >>> house = learn_house_names(["Fans of the Champions League cheered.", "He won the Champions League."])
    >>> copyedit_text("He won the Champions league again.", house=house).text  # doctest: +SKIP
    'He won the Champions League again.'

The copy desk's tables know general English and the gazetteer's names; a newsroom's archive knows its own beat:
the clubs, bands, programmes and committees it writes about every week (`Human Rights Watch`, `Welsh Assembly`,
`BBC Five Live`). A name is a maximal run of capitalised words mid-sentence (acronyms and a few particles allowed
inside: `Association of British Insurers`), or a part of one; the archive counts how often each is written so and
how often its words appear with a content word in lower case. A name written so in at least `min_share` of its
uses is a house name (the same test of a word's usual form against its corpus counts as `case.tsv`, applied to a
whole name; after Mikheev's document-centred case restoration, Computational Linguistics 28(3), 2002, with the
archive as the document collection).

At edit time a house name is applied like a gazetteer name made of dictionary words: only where the article
capitalises one of its words mid-sentence (`the champions League`, `Human Rights watch`), and never to a title
before a person (`US president Bill Clinton`), where styles differ. Any capital counts, an acronym's or a
nationality's too (`European council`, `BBC radio`), though it lets `US open market` through: requiring a capital
on some other word lost 22 right edits for 6 wrong ones on the dev split. The archive's
style is the house style: an article that writes the name half in lower case more than once is corrected too.

A dictionary word the archive capitalises in `min_share` of at least ten mid-sentence uses (inside names too, as
`case.tsv` counts them) is a house word (`Labour`, `Windows`, `Premiership`): the copy desk's corpus counts are
general English, where `labour` is mostly a noun. A house word is applied only where the article itself reads a
name there: it writes the word capitalised on its own at least twice, or the word stands beside a name; and not
where it writes the word in lower case more often than not. On the two dev splits this added 14 right edits and no
wrong one; with one capitalised use on its own, 21 for 3; applied wherever the article has the word, 36 for 15.
Words with a rule of their own (`march`, `may`) are left to it.

newsdesk ships one table, used by default (`bundled_house_names`): the names of 1,235 public BBC News articles of
2004-05: people, organisations, places and works in the news (`Champions League`, `Human Rights Watch`). A
newsroom learns its own from its archive (`newsdesk learn-names`) and passes it in place of the bundled one
(`newsdesk copyedit --house-names FILE`, `house=`); `--no-house-names` / `house=None` uses none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Literal, TypeAlias

from newsdesk.copyedit.lexicon import Lexicon, capitalised_share, index_names, load_lexicon
from newsdesk.copyedit.scan import Token, capitalised, next_to, scan
from newsdesk.errors import InputError
from newsdesk.tables import data_text

__all__ = ["HouseNames", "HouseOption", "bundled_house_names", "learn_house_names"]

#: Longer runs of capitalised words are headlines or captions, not names.
_LONGEST = 6
#: Longest all-capitals word taken for an acronym in a name (`BBC`, `NASDAQ`).
_ACRONYM = 6
#: Capitalised uses a single word needs to be a house word: one word is far less surely a name than a run of them.
_WORD_USES = 10
#: Lower-case words inside a name (`Bank of England`, `Lord of the Rings`, `Marks and Spencer`), at most two in a
#: row; others join two names (`Champions League in May`).
_INSIDE = frozenset({"of", "the", "and", "for", "upon", "de", "du", "la", "le", "van", "von", "der", "da", "di", "del"})
_HEADER = "name\tuses\tother_uses"


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: one lexicon is built per table
class HouseNames:
    """Names by their written form: (uses written so, uses with a content word in lower case); a single word's are
    its capitalised and its lower-case uses mid-sentence. Read-only."""

    counts: Mapping[str, tuple[int, int]]

    def names_and_words(self) -> tuple[list[str], list[str]]:
        """The table's multi-word names and its single words (house words), apart."""
        names = [name for name in self.counts if " " in name]
        return names, [name for name in self.counts if " " not in name]

    def describe(self) -> str:
        """The table's size for a message: `11,642 names and 157 words`."""
        names, words = map(len, self.names_and_words())
        return f"{names:,} name{'s' * (names != 1)} and {words:,} word{'s' * (words != 1)}"

    def __post_init__(self) -> None:
        object.__setattr__(self, "counts", MappingProxyType(dict(self.counts)))

    def write(self, path: Path) -> None:
        """Save as a TSV (name, uses, other uses), most used first: a table a person can read, and edit by deleting
        the rows of names the house does not want restored (the counts are for reading)."""
        rows = sorted(self.counts.items(), key=lambda item: (-item[1][0], item[0]))
        lines = [_HEADER, *(f"{name}\t{n}\t{other}" for name, (n, other) in rows)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> HouseNames:
        """Read a table written by `write` (or by hand: `name<TAB>uses<TAB>other uses`, UTF-8)."""
        try:
            text = path.read_text(encoding="utf-8-sig")  # a spreadsheet's BOM is no header
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(str(path), f"cannot read the house names ({err})", code="ND140") from err
        return cls.parse(text, source=str(path))

    @classmethod
    def parse(cls, text: str, *, source: str = "<house names>") -> HouseNames:
        """The table in `text`, as `read` reads a file; `source` names it in errors."""
        lines = text.splitlines()
        counts: dict[str, tuple[int, int]] = {}
        header = lines[:1] == [_HEADER]
        for number, line in enumerate(lines[1:] if header else lines, start=2 if header else 1):
            if not line.strip():
                continue
            fields = line.split("\t")
            words = fields[0].split(" ")
            if (
                len(fields) != 3
                or not (fields[1].isascii() and fields[1].isdigit() and fields[2].isascii() and fields[2].isdigit())
                or not all(w and not any(c.isspace() for c in w) for w in words)
            ):
                raise InputError(
                    source,
                    f"line {number} is not `name<TAB>uses<TAB>other uses` with a name of words separated by single "
                    "spaces",
                    code="ND141",
                )
            counts[fields[0]] = (int(fields[1]), int(fields[2]))
        return cls(counts)


def _runs(tokens: list[Token]) -> Iterable[list[Token]]:
    """Maximal runs of capitalised words mid-sentence, joined by single spaces, with up to two `_INSIDE` words in
    a row inside (`Lord of the Rings`); a possessive ends one (`Human Rights Watch's Kenneth Roth`)."""
    run: list[Token] = []

    def close() -> Iterable[list[Token]]:
        while run and run[-1].base in _INSIDE:
            run.pop()  # `Bank of` is no name
        # `The` of `The Australian Open` would match `the Australian` first; `De Beers` and `La Liga` keep theirs.
        while run and (run[0].base in _INSIDE or run[0].base == "The"):
            run.pop(0)
        # A run of acronyms alone is a line in capitals or a list of initials, not a name.
        if 1 < len(run) <= _LONGEST and any(t.base[1:2].islower() for t in run):
            yield list(run)
        run.clear()

    for tok in tokens:
        joined = bool(run) and next_to(run[-1], tok) and run[-1].text == run[-1].base
        # `Five Live`, `X Factor`, `BBC Radio`: title-case words, single capitals but `A` and `I`, acronyms.
        word = tok.base
        capital = (
            tok.mid_sentence
            and not tok.odd
            and word[:1].isupper()
            and (word[1:2].islower() or (word.isupper() and word not in ("A", "I") and len(word) <= _ACRONYM))
        )
        inside = joined and word in _INSIDE and not all(t.base in _INSIDE for t in run[-2:])
        if (capital and (joined or not run)) or inside:
            run.append(tok)
        else:
            yield from close()
            if capital:
                run.append(tok)
    yield from close()


def _may_be_house_word(part: str, lex: Lexicon) -> bool:
    """A dictionary word of three letters or more with no rule of its own (`march`, a month next to a number, is
    left to that rule)."""
    lower = part.lower()
    info = lex.case.get(lower)
    return len(part) >= 3 and part.isalpha() and info is not None and info.common_lower and lower not in lex.contextual


def learn_house_names(texts: Iterable[str], *, min_uses: int = 1, min_share: float = 0.9) -> HouseNames:
    """The names an archive of clean articles writes capitalised in at least `min_share` of `min_uses` or more
    uses, and the dictionary words it capitalises so in `min_share` of `max(min_uses, 10)` or more (a word's share
    is smoothed as the corpus shares are, `capitalised_share`, so `min_share=1` keeps no word). Learn from edited
    copy only: the archive's capitals are taken as right. The archive is read twice (names, then their other uses),
    so only its texts are held, not their tokens."""
    if min_uses < 1:
        raise ValueError("min_uses must be at least 1")
    if not 0.5 < min_share <= 1.0:
        raise ValueError("min_share must be above 0.5 and at most 1")
    archive = texts if isinstance(texts, Sequence) else list(texts)
    lex = load_lexicon()

    def tokens_of(text: str) -> list[Token]:
        return scan(text, lex.abbreviations, lex.attribution, lex.function_words)[0]

    written: dict[tuple[str, ...], Counter[str]] = {}  # lower-case words -> the capitalised forms written
    word_forms: dict[str, Counter[str]] = {}  # the same for dictionary words, one by one
    word_lower: Counter[str] = Counter()
    for text in archive:
        tokens = tokens_of(text)
        for tok in tokens:
            if tok.mid_sentence and not tok.odd:
                for part in tok.base.split("-"):
                    if not _may_be_house_word(part, lex):
                        continue
                    if part.islower():
                        word_lower[part] += 1
                    elif capitalised(part):
                        word_forms.setdefault(part.lower(), Counter())[part] += 1
        for run in _runs(tokens):
            words = [t.base for t in run]
            # Every part of a run that could be a name by itself (`Human Rights` in `Human Rights Watch`), but
            # not one that begins or ends with a function word (`In The` of `In The Name of The Father`), nor one
            # that ends with a name particle (`Mr De` of `Mr De Villepin`).
            for i in range(len(words) - 1):
                for j in range(i + 2, len(words) + 1):
                    ends = (words[i].lower(), words[j - 1].lower())
                    if ends[1] in _INSIDE and not words[j - 1].isupper():  # `Escape From LA` keeps its acronym
                        continue
                    if (i, j) == (0, len(words)) or not any(w in lex.function_words for w in ends):
                        key = tuple(w.lower() for w in words[i:j])
                        written.setdefault(key, Counter())[" ".join(words[i:j])] += 1
    keys_used = {key for key, forms in written.items() if sum(forms.values()) >= min_uses}
    longest = max((len(key) for key in keys_used), default=0)
    other: Counter[tuple[str, ...]] = Counter()  # uses mid-sentence with a content word in lower case
    for text in archive:
        tokens = tokens_of(text)
        keys = [t.base.lower() for t in tokens]
        for i, tok in enumerate(tokens):
            for n in range(2, min(longest, len(tokens) - i) + 1):
                key = tuple(keys[i : i + n])
                window = tokens[i : i + n]
                if key not in keys_used or not all(next_to(a, b) for a, b in pairwise(window)):
                    continue
                if tok.mid_sentence and any(t.base.islower() and t.base not in lex.function_words for t in window):
                    other[key] += 1
    counts = {}
    for lower, forms in word_forms.items():
        n = sum(forms.values())
        # Smoothed as the corpus shares are (`capitalised_share`): a word's lone lower-case use weighs more.
        if n >= max(min_uses, _WORD_USES) and capitalised_share(n, word_lower[lower]) >= min_share:
            counts[forms.most_common(1)[0][0]] = (n, word_lower[lower])
    for key in keys_used:
        uses = sum(written[key].values())
        if uses >= min_share * (uses + other[key]):
            counts[written[key].most_common(1)[0][0]] = (uses, other[key])
    return HouseNames(counts)


#: The house names the copy desk applies: a table, the bundled one (the default), or none.
HouseOption: TypeAlias = HouseNames | Literal["bundled"] | None


@cache
def bundled_house_names() -> HouseNames:
    """The table newsdesk ships (`data/copyedit/house_names.tsv`): the names learned from 1,235 public BBC News
    articles of 2004-05, none of them (nor a copy of one) in the copy-edit benchmark's test sample
    (`scripts/build_house_names.py`)."""
    return HouseNames.parse(data_text("copyedit/house_names.tsv"), source="newsdesk/data/copyedit/house_names.tsv")


def lexicon_for(house: HouseOption) -> Lexicon:
    """The copy desk's lexicon with `house`'s names (`"bundled"`: the shipped table; None: no house names)."""
    if house == "bundled":
        house = bundled_house_names()
    if house is not None and not isinstance(house, HouseNames):
        raise ValueError(f"house must be a HouseNames table (HouseNames.read(path)), 'bundled' or None, not {house!r}")
    return load_lexicon() if house is None else house_lexicon(house)


@lru_cache(maxsize=4)
def house_lexicon(house: HouseNames) -> Lexicon:
    """The copy desk's lexicon with `house`'s names beside the gazetteer's (built once per table)."""
    base = load_lexicon()
    names, words = house.names_and_words()
    # A hand-made table's word is held to what learning keeps: a dictionary word with no rule of its own.
    kept = {word.lower(): word for word in words if _may_be_house_word(word, base)}
    # The spelling index is the base lexicon's: the house names add no dictionary words.
    return replace(base, house=index_names(names), house_words=kept, near=base.near)
