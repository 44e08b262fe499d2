"""One linear scan of the text: word tokens, sentence starts, quotations and protected stretches.

Everything here is a precompiled regex or a dict lookup, so the copy desk stays far faster than the model.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
# Every quote mark `quotemarks` pairs, plus single quotes and brackets.
OPENING = '“"‘([«„'
CLOSING = '”"’)]»'
# A sentence ends at . ? ! (possibly inside a closing quote or bracket) followed by white space.
SENTENCE_BREAK = re.compile(r"([.?!]+)([”\"’'\)\]»]*)(\s+)([“\"‘'\(\[«„]*)(?=[^\W\d_])")
PARAGRAPH_START = re.compile(r"(?:\A|\n[ \t]*\n)\s*([“\"‘'\(\[«„]*)(?=[^\W\d_])")
DOTTED = re.compile(r"(?:[^\W\d_]\.)+\Z")  # U.S. a.m. e.g. J.


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


def upper_first(word: str) -> str:
    """`roger` → `Roger`, `mcCain` → `McCain`: the first letter in capitals, the rest as written."""
    return word[:1].upper() + word[1:]


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
    return text[start:end].lstrip(OPENING)


def is_abbreviation(word: str, abbreviations: frozenset[str]) -> bool:
    """`Jan.`, `Mr.`, `U.S.`, an initial `J.`: a full stop that does not end the sentence."""
    if word in abbreviations:
        return True
    return bool(DOTTED.match(word)) and (len(word) == 2 or word.count(".") >= 2)


def sentence_starts(text: str, abbreviations: frozenset[str]) -> set[int]:
    """Offsets of the first letter of each sentence: paragraph starts, after . ? ! and full-sentence quotes."""
    starts = {m.end() for m in PARAGRAPH_START.finditer(text)}
    for m in SENTENCE_BREAK.finditer(text):
        punct, closer, space = m.group(1), m.group(2), m.group(3)
        if "\n" in space and "\n" in space[space.index("\n") + 1 :]:
            starts.add(m.end())  # a blank line: a new paragraph whatever came before
            continue
        if len(punct) > 1 and "." in punct:
            continue  # an ellipsis usually trails into the same sentence
        if closer and punct[-1] in "?!" and any(c in "”\"’'»" for c in closer):
            continue  # “Why?” he asked.
        if punct == "." and not closer and is_abbreviation(_word_before(text, m.start(1) + 1), abbreviations):
            continue
        starts.add(m.end())
    return starts


def quote_sentence_starts(text: str, quotes: list[tuple[int, int]]) -> set[int]:
    """A quotation introduced by `,` or `:` that ends like a sentence starts one: `he said, “We…”`."""
    out = set()
    for start, end in quotes:
        mark = start - 1  # the spans leave out the marks, the spaces after them and a final `,`
        while mark > 0 and text[mark].isspace():
            mark -= 1
        lead = text[max(0, mark - 3) : mark].rstrip()
        ends = text[end - 1] in ".?!" or text[end : end + 1] == ","
        if lead.endswith((",", ":")) and ends:
            m = WORD.search(text, start, end)
            if m and not text[start : m.start()].strip(" ‘'("):
                out.add(m.start())
    return out


def _is_address(m: re.Match[str]) -> bool:
    """A dotted name is protected only when it ends in a web domain (`bbc.co.uk`), not `end.The`."""
    dotted = m.group("dotted")
    return dotted is None or dotted.rsplit(".", 1)[-1].lower() in TOP_LEVEL_DOMAINS


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


def scan(text: str, abbreviations: frozenset[str]) -> tuple[list[Token], Spans]:
    """Tokens of `text` with their context, plus the protected stretches (URLs, e-mails, numbers)."""
    quotes_list = quote_spans(text)
    quotes = Spans(quotes_list)
    protected = Spans([m.span() for m in PROTECTED.finditer(text) if _is_address(m)])
    starts = sentence_starts(text, abbreviations) | quote_sentence_starts(text, quotes_list)
    tokens: list[Token] = []
    n = len(text)
    for m in WORD.finditer(text):
        s, e = m.span()
        before = text[s - 1] if s else "\n"
        after = text[e] if e < n else " "
        odd = (
            before.isdigit()
            or before in "_@/\\#&"
            or after.isdigit()
            or after in "_@/\\"
            or (before == "." and s > 1 and text[s - 2].isalnum())
            or s in protected
        )
        # Look back over white space: what precedes the word decides if its capital says anything.
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        prev = text[j] if j >= 0 else "\n"
        mid = s not in starts and prev not in '.?!:;“"‘([«„—–-\n\r' and not (prev in "’'" and j == s - 1)
        word = m.group()
        spaced = bool(tokens) and tokens[-1].end == s - 1 and before == " "
        tokens.append(Token(s, e, word, s in starts, mid, s in quotes, odd, split_possessive(word), spaced))
    return tokens, protected
