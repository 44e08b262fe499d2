"""Time expressions resolved against the article's date, and date-arithmetic consistency checks.

The anchor is the article's publication date (`doc._.article.published`). Relative expressions
(`on Tuesday`, `last week`, `early 2022` is absolute) are resolved against it; the direction of a bare
weekday comes from the tense of the verb it hangs on (`met on Tuesday` looks back, `a parade on
Wednesday expected to draw…` looks ahead), as in TimeML-style normalisers (HeidelTime, Strötgen &
Gertz 2013: "reference time + tense" for underspecified expressions). Without an anchor, a relative
expression stays unresolved: never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsdesk.article import Notice, TimeExpression
from newsdesk.nlp import doc_text, make_span
from newsdesk.tables import data_rows

Tense = Literal["past", "present", "future"]
Granularity = Literal["day", "week", "month", "quarter", "year", "unknown"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[5-9]\d\d|2[01]\d\d)"

#: Verbs whose complement lies ahead of the speaker: "expected to", "scheduled for", "plans to".
FUTURE_LEMMAS = frozenset({"expect", "plan", "schedule", "due", "intend", "prepare", "aim", "anticipate", "set"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
PAST_AUX = frozenset({"was", "were", "had", "did"})

_WEEKDAY_RE = re.compile(r"\b(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")\b")
_DEICTIC = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1}
_DEICTIC.update({"tomorrow": 1, "last night": -1})
# Compiled once, tried in table order: the first phrase found wins.
_DEICTIC_RES = [(re.compile(rf"\b{phrase}\b"), offset) for phrase, offset in _DEICTIC.items()]
_RELATIVE_UNIT_RE = re.compile(r"\b(?P<rel>last|this|next|past|coming|previous)\s+(?P<unit>week|month|year)\b")
# Counts are capped at four digits: "99999 days ago" is no date a story gives.
_AGO_RE = re.compile(
    r"\b(?P<n>\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week|month|year)s?\s+ago\b"
)
_PART_YEAR_RE = re.compile(r"\b(?P<part>early|mid|late|the end of|the beginning of|the start of)[\s-]+" + _YEAR + r"\b")
_DAY_MONTH_RE = re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b")
_MONTH_DAY_RE = re.compile(r"\b" + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+" + _YEAR + r")?")
_MONTH_YEAR_RE = re.compile(r"\b" + _MONTH + r"(?:\s+(?:of\s+)?" + _YEAR + r")?\b")
_ISO_RE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b")
_YEAR_RE = re.compile(r"\b" + _YEAR + r"\b")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBER_WORDS.update({"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10})
_PART_MONTH = {"early": 1, "the beginning of": 1, "the start of": 1, "mid": 7, "late": 10, "the end of": 10}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved date: the first day of the period the expression names, and the period's size."""

    date: dt.date | None
    granularity: Granularity


UNRESOLVED = Resolved(None, "unknown")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _weekday(anchor: dt.date, weekday: int, rel: str | None, tense: Tense) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if rel in {"last", "past"}:
        return anchor - dt.timedelta(days=back or 7)
    if rel in {"next", "coming"}:
        return anchor + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return anchor + dt.timedelta(days=ahead) if tense != "past" else anchor - dt.timedelta(days=back)
    # Bare weekday: the same day counts (a wire story dated Tuesday says "on Tuesday" for today).
    return anchor - dt.timedelta(days=back) if tense == "past" else anchor + dt.timedelta(days=ahead)


def _year_for(month: int, day: int, anchor: dt.date, tense: Tense) -> dt.date | None:
    """A month/day without a year: the nearest such date before the anchor (past) or after it."""
    this_year = _safe_date(anchor.year, month, day)
    if this_year is None:
        return None
    if tense == "past" and this_year > anchor:
        return _safe_date(anchor.year - 1, month, day)
    if tense != "past" and this_year < anchor:
        return _safe_date(anchor.year + 1, month, day)
    return this_year


def resolve_date(text: str, *, anchor: dt.date | None, tense: Tense = "past") -> Resolved:
    """Resolve a time expression's text against `anchor`; unresolvable or unanchored → date None.

    Absolute expressions (`early 2022`, `3 March 2024`) resolve without an anchor; relative ones
    (`on Tuesday`, `last week`, `March 3`) need it. `tense` orients bare weekdays and yearless dates.
    """
    if tense not in ("past", "present", "future"):
        raise ValueError(f"tense must be 'past', 'present' or 'future', not {tense!r}")
    low = " ".join(text.lower().split())[:200]  # long or odd input: only the head can be a date
    if m := _ISO_RE.search(low):
        day = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        return Resolved(day, "day") if day else UNRESOLVED
    if m := _PART_YEAR_RE.search(low):
        return Resolved(dt.date(int(m["year"]), _PART_MONTH[m["part"]], 1), "quarter")
    for pattern in (_DAY_MONTH_RE, _MONTH_DAY_RE):
        if m := pattern.search(low):
            month, day_of_month = MONTHS[m["month"]], int(m["day"])
            if m["year"]:
                day = _safe_date(int(m["year"]), month, day_of_month)
            else:
                day = _year_for(month, day_of_month, anchor, tense) if anchor else None
            return Resolved(day, "day") if day else UNRESOLVED
    if anchor is None:
        if (m := _MONTH_YEAR_RE.search(low)) and m["year"]:
            return Resolved(dt.date(int(m["year"]), MONTHS[m["month"]], 1), "month")
        if (m := _YEAR_RE.search(low)) and not _RELATIVE_UNIT_RE.search(low):
            return Resolved(dt.date(int(m["year"]), 1, 1), "year")
        return UNRESOLVED
    try:
        return _resolve_relative(text, low, anchor, tense)
    except (ValueError, OverflowError):
        # The arithmetic left the calendar ("3000 years ago", "tomorrow" in a story dated 9999-12-31):
        # that expression stays unresolved, the article's other dates do not.
        return UNRESOLVED


def _resolve_relative(text: str, low: str, anchor: dt.date, tense: Tense) -> Resolved:
    """`resolve_date`'s anchored part; raises ValueError or OverflowError past date.min/date.max."""
    for pattern_, offset in _DEICTIC_RES:
        if pattern_.search(low):
            return Resolved(anchor + dt.timedelta(days=offset), "day")
    if m := _WEEKDAY_RE.search(low):
        return Resolved(_weekday(anchor, WEEKDAYS.index(m["day"]), m["rel"], tense), "day")
    if m := _AGO_RE.search(low):
        n = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"]]
        if m["unit"] == "day":
            return Resolved(anchor - dt.timedelta(days=n), "day")
        if m["unit"] == "week":
            return Resolved(anchor - dt.timedelta(weeks=n), "week")
        if m["unit"] == "month":
            return Resolved(_shift_months(anchor, -n), "month")
        return Resolved(dt.date(anchor.year - n, 1, 1), "year")
    if m := _RELATIVE_UNIT_RE.search(low):
        step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[m["rel"]]
        if m["unit"] == "week":
            monday = anchor - dt.timedelta(days=anchor.weekday())
            return Resolved(monday + dt.timedelta(weeks=step), "week")
        if m["unit"] == "month":
            return Resolved(_shift_months(anchor, step), "month")
        return Resolved(dt.date(anchor.year + step, 1, 1), "year")
    if m := _MONTH_YEAR_RE.search(low):
        month = MONTHS[m["month"]]
        if m["year"]:
            return Resolved(dt.date(int(m["year"]), month, 1), "month")
        # "may" is also a modal verb: only a capitalised May counts as the month.
        if m["month"] == "may" and "May" not in text:
            return UNRESOLVED
        day = _year_for(month, 1, anchor.replace(day=1), tense)
        return Resolved(day, "month") if day else UNRESOLVED
    if m := _YEAR_RE.search(low):
        return Resolved(dt.date(int(m["year"]), 1, 1), "year")
    return UNRESOLVED


def verb_tense(token: Token) -> Tense:
    """The tense of the clause `token` belongs to: climb to the first verb and read its auxiliaries.

    `expected`/`scheduled`/`plans to` count as future (the event lies ahead of the report).
    """
    current = token
    for _ in range(8):  # parse trees are shallow; a bound guards against odd input
        if current.pos_ in {"VERB", "AUX"}:
            aux = {child.lower_ for child in current.children if child.dep_ in {"aux", "auxpass"}}
            if aux & FUTURE_AUX or current.lemma_ in FUTURE_LEMMAS:
                return "future"
            if current.tag_ in {"VBD", "VBN"} or aux & PAST_AUX:
                return "past"
            return "present"
        if current.head.i == current.i:
            break
        current = current.head
    return "past"


def anchor_date(doc: Doc) -> dt.date | None:
    """The article's publication date, or None when the doc carries no article (plain `nlp(text)`)."""
    article = doc._.article
    published: dt.date | None = getattr(article, "published", None)
    return published


def time_expression(doc: Doc, span: SpacySpan, *, anchor: dt.date | None) -> TimeExpression:
    """A `TimeExpression` for a DATE/TIME span of `doc`, oriented by the tense of its verb."""
    resolved = resolve_date(span.text, anchor=anchor, tense=verb_tense(span.root))
    return TimeExpression(
        text=span.text,
        span=make_span(doc, span.start_char, span.end_char),
        date=resolved.date,
        granularity=resolved.granularity,
    )


# --- consistency checks ---------------------------------------------------------------------------

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "eightieth": 80,
    "ninetieth": 90, "hundredth": 100, "centenary": 100, "centennial": 100, "bicentenary": 200,
}  # fmt: skip
_ANNIVERSARY_RE = re.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+|\b(?P<word>"
    + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + r")\s+anniversary\s+of\s+",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def known_events() -> tuple[tuple[int, str], ...]:
    """(year, alias) pairs from data/events/known_events.tsv, longest alias first."""
    pairs = []
    for year, aliases in data_rows("events/known_events.tsv"):
        pairs += [(int(year), alias.strip()) for alias in aliases.split("|") if alias.strip()]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[1])))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def anniversary_notices(doc: Doc, *, anchor: dt.date | None) -> list[Notice]:
    """Flag `Nth anniversary of <known event>` whose arithmetic disagrees with the article's year.

    A warning with the evidence, never a rewrite: 1945 + 79 = 2024 in an article dated 2025.
    """
    if anchor is None:
        return []
    notices = []
    text = doc_text(doc)
    for match in _ANNIVERSARY_RE.finditer(text):
        n = int(match["n"]) if match["n"] else _ORDINAL_WORDS[match["word"].lower()]
        following = text[match.end() : match.end() + 80].lower()
        for year, alias in known_events():
            if not following.startswith(alias) or (len(following) > len(alias) and following[len(alias)].isalnum()):
                continue
            implied = year + n
            if implied != anchor.year:
                end = match.end() + len(alias)
                notices.append(
                    Notice(
                        code="date.anniversary_mismatch",
                        message=(
                            f"'{text[match.start() : end]}' implies {implied} ({year} + {n}), but the article is "
                            f"dated {anchor.isoformat()}: that would be the {_ordinal(anchor.year - year)} anniversary."
                        ),
                        evidence=make_span(doc, match.start(), end),
                    )
                )
            break
    return notices
