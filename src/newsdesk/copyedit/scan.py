"""One linear scan of the text: word tokens, sentence starts, quotations and protected stretches.

Everything here is a precompiled regex or a dict lookup, so the copy desk stays far faster than the model.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from newsdesk.quotemarks import quote_spans

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# URLs, e-mail addresses and dotted names (`bbc.co.uk`, `Node.js`). Possessive quantifiers and the
# look-behinds keep the scan linear: a 100,000-letter "word" must not make it quadratic.
PROTECTED = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++"
    r"|(?<![\w.-])(?P<dotted>[\w-]++(?:\.[\w-]++)++)(?:/\S*)?",
    re.IGNORECASE,
)
TOP_LEVEL_DOMAINS = frozenset(
    ["com", "org", "net", "gov", "edu", "int", "info", "io", "co", "uk", "us", "de", "fr", "ru", "cn", "jp", "eu"]
)
# What opens and what closes a quotation or an aside: every quote mark `quotemarks` pairs, plus single quotes and
# brackets (wider than `quotemarks.OPENING`/`CLOSING`, which pair quotations only).
OPENERS = '“"‘([«„'
CLOSERS = '”"’)]»'
#: The quote marks among `CLOSERS`, with the apostrophe a closing single quote is typed as.
CLOSING_QUOTES = '”"’»' + "'"
_OPENED = "[" + re.escape(OPENERS + "'") + "]*"
_CLOSED = "[" + re.escape(CLOSERS + "'") + "]*"
# A sentence ends at . ? ! (possibly inside a closing quote or bracket) followed by white space.
SENTENCE_BREAK = re.compile(rf"([.?!]+)({_CLOSED})(\s+)({_OPENED})(?=[^\W\d_])")
PARAGRAPH_START = re.compile(rf"(?:\A|\n[ \t]*\n)\s*({_OPENED})(?=[^\W\d_])")
#: What may end a paragraph that ends its sentence: a stop, a colon or semicolon, a closing quote or bracket.
_SENTENCE_ENDS = frozenset(".?!:;…'" + CLOSERS)
#: A paragraph of at most this many words that ends without a stop is a heading or a list line, after which a
#: sentence starts; a longer one is a sentence broken off (`_paragraph_starts`).
_HEADING_WORDS = 8
#: A list item: a line that opens with a bullet (`- best new opera`, `• the seats`) starts a sentence.
BULLET_START = re.compile(rf"(?:\A|\n)[ \t]*[-*•·–—][ \t]+({_OPENED})(?=[^\W\d_])")
DOTTED = re.compile(r"(?:[^\W\d_]\.)+\Z")  # U.S. a.m. e.g. J.
SPACED_ELLIPSIS = re.compile(r"\.\s\.\s?\Z")  # `. . .`: the last stop of one, which trails on
#: A bracket this short, with no space, that ends in a full stop holds an abbreviation (`(U.S.)`, `(D-Mo.)`).
_SHORT_BRACKET = 12
#: Words that open a new clause after a quote (`“we won,” and she said, “they…”`): no split quote goes on there.
_CLAUSE_OPENERS = frozenset({"and", "but", "or", "while", "whereas", "although", "though", "yet"})
#: How far back from a quote's introducing comma to look for the verb that introduces it.
_CLAUSE_REACH = 80
#: Capitalised content words a title-case line or sentence has at least.
_TITLE_WORDS = 3


class Token(NamedTuple):
    start: int
    end: int
    text: str
    sentence_start: bool
    #: Capitalisation here says something about the word (not a sentence, quote or line start).
    mid_sentence: bool
    in_quote: bool
    #: Part of a URL, e-mail, number or code-like string: no word rule applies.
    odd: bool
    #: The word without a possessive `'s` (`china's` → `china`): the part the case rules look at.
    base: str
    #: Exactly one space separates this word from the word before: the two may form one name.
    after_space: bool


def next_to(a: Token, b: Token) -> bool:
    """`b` follows `a` across a single space, not across punctuation (`Gas,North` is two names)."""
    return b.after_space and b.start == a.end + 1


def capitalised(word: str) -> bool:
    """A name's capital: `Blair`, `McCain`, an acronym up to five letters (`NATO`); a longer word in capitals is a
    shout or a line in capitals."""
    return word[:1].isupper() and (not word.isupper() or len(word) <= 5)


def upper_first(word: str) -> str:
    """`roger` → `Roger`, `mcCain` → `McCain`: the first letter in capitals, the rest as written. Title case, not
    upper (`ǆemal` → `ǅemal`); a letter with no one-letter capital (`ß`, `ﬁ`) stays as written."""
    first = word[:1].title()
    return (first if len(first) == 1 else word[:1]) + word[1:]


def name_form(word: str) -> str:
    """The capitals of an unknown name: `kudrow` → `Kudrow`, `mcgregor` → `McGregor`."""
    if word.startswith("mc") and len(word) > 3:
        return "Mc" + upper_first(word[2:])
    return upper_first(word)


def split_possessive(word: str) -> str:
    """`china's` → `china`."""
    return word[:-2] if len(word) > 2 and word[-2] in "'’" and word[-1] == "s" else word


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters ending at `end`, without leading brackets or quotes."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(OPENERS)


def is_abbreviation(word: str, abbreviations: frozenset[str]) -> bool:
    """`Jan.`, `Mr.`, `U.S.`, an initial `J.`: a full stop that does not end the sentence."""
    if word in abbreviations:
        return True
    return bool(DOTTED.match(word)) and (len(word) == 2 or word.count(".") >= 2)


def _continues(text: str, m: re.Match[str], abbreviations: frozenset[str], attribution: frozenset[str]) -> bool:
    """Does the sentence go on after this `SENTENCE_BREAK` match (not across a blank line)?"""
    punct, closer = m.group(1), m.group(2)
    spaced = punct == "." and SPACED_ELLIPSIS.search(text, max(0, m.start(1) - 4), m.start(1))
    if (len(punct) > 1 and "." in punct) or spaced:
        return True  # an ellipsis usually trails into the same sentence
    quoted = any(c in CLOSING_QUOTES for c in closer)
    if quoted and punct[-1] in "?!":
        return True  # “Why?” he asked.
    word = WORD.match(text, m.end())
    if quoted and word is not None and word.group() in attribution:
        return True  # `…the deal is off.” said Mary Brown`: the quote's attribution, after a stop for a comma
    if punct == "." and closer[:1] == ")":
        # `Senator Jane Roe (Ore.) on the fact`, `(D-Ore.)`: one short abbreviation in brackets, no sentence.
        opening = text.rfind("(", max(0, m.start(1) - _SHORT_BRACKET), m.start(1))
        return opening >= 0 and not any(c.isspace() for c in text[opening : m.start(1)])
    return punct == "." and not closer and is_abbreviation(_word_before(text, m.start(1) + 1), abbreviations)


def _opens_item(text: str, at: int) -> bool:
    """Does the list item whose line begins at `at` (its newline, or the text's start) open a sentence? Only after
    a blank line, a sentence's or a lead-in's end (`. ? ! :`) or another item, so a dash that hard wrapping puts at a
    line's start is none; and not when the item goes on a sentence, ending in `,` `;` or `and`/`or` (`- they fear
    the cost, and`), nor after such an item."""
    if at > 0:
        line = text[text.rfind("\n", 0, at) + 1 : at].strip()
        ends = line.rstrip(CLOSERS)
        if ends and ends[-1] not in ".?!:" and not (BULLET_START.match("\n" + line) and not _goes_on(line)):
            return False
    end = text.find("\n", at + 1)
    return not _goes_on(text[at : len(text) if end < 0 else end])


def _goes_on(line: str) -> bool:
    """A line that ends mid-sentence: in `,` `;` or `and`/`or`."""
    line = line.rstrip()
    return line.endswith((",", ";")) or line.rsplit(None, 1)[-1:] in (["and"], ["or"])


def _paragraph_starts(text: str) -> set[int]:
    """The paragraphs that start a sentence: not one that goes on the sentence of the paragraph before, which ends
    without a stop and is longer than a heading (`_HEADING_WORDS`) or goes on a sentence itself. Pages break
    sentences so where extraction drops their links or emphasis (`Olympic bronze medallist` ‖ `rounded off a
    useful weekend`, `The` ‖ `joie de vivre` ‖ `so evident`); neither a start nor mid-sentence then, its case says
    nothing. Headings and list lines end without a stop too (`Everton v Manchester United`)."""
    starts: set[int] = set()
    carried: set[int] = set()  # paragraphs that go on a sentence
    for m in PARAGRAPH_START.finditer(text):
        end = m.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0 or text[end - 1] in _SENTENCE_ENDS:
            starts.add(m.end())
            continue
        begin = text.rfind("\n", 0, end) + 1
        while begin > 0:  # back to the paragraph's first line, hard-wrapped or not
            above = text.rfind("\n", 0, begin - 1) + 1
            if not text[above : begin - 1].strip():
                break
            begin = above
        paragraph = text[begin:end]
        opened = begin + len(paragraph) - len(paragraph.lstrip(" \t\n“\"‘'([«„"))
        if len(paragraph.split()) > _HEADING_WORDS or opened in carried:
            carried.add(m.end())
        else:
            starts.add(m.end())
    return starts


def sentence_starts(text: str, abbreviations: frozenset[str], attribution: frozenset[str] = frozenset()) -> set[int]:
    """Offsets of the first letter of each sentence: paragraph and list-item starts, after . ? ! and full-sentence
    quotes.
    After a closing quote, a word in `attribution` (`said`) carries the sentence on."""
    starts = _paragraph_starts(text)
    starts |= {m.end() for m in BULLET_START.finditer(text) if _opens_item(text, m.start())}
    for m in SENTENCE_BREAK.finditer(text):
        space = m.group(3)
        if "\n" in space and "\n" in space[space.index("\n") + 1 :]:
            starts.add(m.end())  # a blank line: a new paragraph whatever came before
        elif not _continues(text, m, abbreviations, attribution):
            starts.add(m.end())
    return starts


def _clause_before(text: str, comma: int) -> str:
    """The clause that ends at the comma before a quote (`He said on Tuesday in a statement`), back to the last
    punctuation mark, at most `_CLAUSE_REACH` characters."""
    start = max(0, comma - _CLAUSE_REACH)
    for i in range(comma - 1, start - 1, -1):
        if text[i] in '.,;:?!”"\n':
            return text[i + 1 : comma]
    return text[start:comma]


def quote_sentence_starts(
    text: str, quotes: list[tuple[int, int]], attribution: frozenset[str] = frozenset()
) -> set[int]:
    """A quotation introduced by `:`, or by `,` right after its attribution (`he said, “We…”`), that ends like a
    sentence starts one. Not the second half of a quote split by its attribution (`“…last season,” he said, “in
    every match.”`), nor a quote after any other comma (`Bear in mind, “there are rules…”`): both go on a
    sentence."""
    out = set()
    previous_end = -1
    for start, end in quotes:
        mark = start - 1  # the spans leave out the marks, the spaces after them and a final `,`
        while mark > 0 and text[mark].isspace():
            mark -= 1
        lead = text[max(0, mark - 3) : mark].rstrip()
        ends = text[end - 1] in ".?!" or text[end : end + 1] == ","
        # `“…last season,” he said, “in every match.”`: the quote before ended in a comma, and only its attribution
        # stands between, not a new clause (`“we won,” and she said, “they lost.”`).
        between = text[previous_end + 1 : mark]
        first_word = WORD.search(between)
        split = (
            previous_end >= 0
            and "," in text[previous_end - 1 : previous_end + 2]
            and not any(c in ".?!\n" for c in between)
            and first_word is not None
            and first_word.group().lower() not in _CLAUSE_OPENERS
        )
        previous_end = end
        if not ends or not (lead.endswith(":") or (lead.endswith(",") and not split)):
            continue
        clause = _clause_before(text, text.rfind(",", 0, mark)) if lead.endswith(",") else ""
        if lead.endswith(",") and not attribution & set(WORD.findall(clause.lower())):
            continue  # `Remember, “there are…”`: no attribution, a quote inside the sentence
        m = WORD.search(text, start, end)
        if m and not text[start : m.start()].strip(" ‘'("):
            out.add(m.start())
    return out


def _is_address(m: re.Match[str]) -> bool:
    """A dotted name is protected only when it ends in a web domain (`bbc.co.uk`), not `end.The`."""
    dotted = m.group("dotted")
    return dotted is None or dotted.rsplit(".", 1)[-1].lower() in TOP_LEVEL_DOMAINS


#: One to three words closed by `)`: an aside in brackets too short to be a sentence.
_SHORT_ASIDE = re.compile(r"[^\W\d_][\w'’-]*(?: [\w'’-]+){0,2}\)")


class Spans:
    """Membership test for sorted, non-overlapping (start, end) stretches."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def __contains__(self, pos: int) -> bool:
        if not self._starts:
            return False
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def flags(self, positions: Sequence[int]) -> list[bool]:
        """Membership of each of `positions`, given in ascending order: one sweep, not a search each."""
        out = []
        i, n = 0, len(self._starts)
        for pos in positions:
            while i < n and self._ends[i] <= pos:
                i += 1
            out.append(i < n and self._starts[i] <= pos)
        return out


def is_title_case(words: Sequence[str], function_words: frozenset[str]) -> bool:
    """`Mayor Jones Sees A Brighter Future`, `Port Jobs Safe Despite Fall of Exports`: four words or more, every
    one capitalised or a function word, and three capitalised words at least that are no function word (spaCy's
    stop words hold `go`, `made`, `see`: `He will go to Paris on Monday.` is no title)."""
    if len(words) < 4 or not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or w.lower() in function_words for w in words[1:]):
        return False
    return sum(w[:1].isupper() and w.lower() not in function_words for w in words) >= _TITLE_WORDS


def _title_stretches(text: str, tokens: list[Token], function_words: frozenset[str]) -> set[int]:
    """Indices of the tokens of lines and sentences in title case: headlines, subheads and captions inside a
    body (`Jones Said Growth “Has To Come From The Port.” “We will…`), whose
    capitals say nothing about their words."""
    out: set[int] = set()
    first = 0
    for k in range(1, len(tokens) + 1):
        if k < len(tokens) and not (tokens[k].sentence_start or "\n" in text[tokens[k - 1].end : tokens[k].start]):
            continue
        if is_title_case([t.text for t in tokens[first:k]], function_words):
            out.update(range(first, k))
        first = k
    return out


def scan(
    text: str,
    abbreviations: frozenset[str],
    attribution: frozenset[str] = frozenset(),
    function_words: frozenset[str] = frozenset(),
) -> tuple[list[Token], Spans]:
    """Tokens of `text` with their context, plus the protected stretches (URLs, e-mails, numbers).

    `attribution`: the verbs that attribute a quote (`said`), which carry a sentence on past a quotation.
    With `function_words`, a line or sentence in title case is no evidence: its tokens are not `mid_sentence`."""
    quotes_list = quote_spans(text)
    protected = Spans([m.span() for m in PROTECTED.finditer(text) if _is_address(m)])
    starts = sentence_starts(text, abbreviations, attribution) | quote_sentence_starts(text, quotes_list, attribution)
    matches = list(WORD.finditer(text))
    at = [m.start() for m in matches]
    tokens: list[Token] = []
    n = len(text)
    for m, s, quoted, shielded in zip(matches, at, Spans(quotes_list).flags(at), protected.flags(at), strict=True):
        e = m.end()
        before = text[s - 1] if s else "\n"
        after = text[e] if e < n else " "
        odd = (
            shielded
            or before.isdigit()
            or before in "_@/\\#&"
            or after.isdigit()
            or after in "_@/\\"
            or (before == "." and s > 1 and text[s - 2].isalnum())
        )
        # Look back over white space: what precedes the word decides if its capital says anything.
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        prev = text[j] if j >= 0 else "\n"
        # After `(` a sentence may open, but not in a short aside (`K Robertson (Viadana)`: a line-up's club).
        mid = s not in starts and (
            (prev not in '.?!:;“"‘([«„—–-\n\r' and not (prev in "’'" and j == s - 1))
            or (prev == "(" and _SHORT_ASIDE.match(text, s) is not None)
        )
        word = m.group()
        spaced = bool(tokens) and tokens[-1].end == s - 1 and before == " "
        tokens.append(Token(s, e, word, s in starts, mid, quoted, odd, split_possessive(word), spaced))
    if function_words:
        for k in _title_stretches(text, tokens, function_words):
            tokens[k] = tokens[k]._replace(mid_sentence=False)
    return tokens, protected
