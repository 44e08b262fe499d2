"""Plain text in wire-story layout: headline line, optional dateline, body, optional tag trailer.

    Putin and Xi Signal Deeper Ties in Beijing          <- headline (first line)
    Beijing, China – Russian President Vladimir ...     <- dateline, then the lead
    ...
    Keywords: Putin, Xi Jinping, China, ...             <- trailer: metadata, not body

Datelines follow the AP/Reuters conventions: `PLACE[, Region][, Mon D[, YYYY]] [(Agency)] –`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

import dateparser

from newsdesk.article import PARAGRAPH_SEPARATOR, Article
from newsdesk.copyedit.scan import WORD, is_title_case
from newsdesk.errors import InputError
from newsdesk.tables import function_words

# A headline is one short line with no sentence-final full stop.
_MAX_HEADLINE_CHARS = 250
# Hard-wrapped copy breaks its lines at 80 columns or fewer (RFC 5322 asks for 78): a longer line ends a paragraph.
_HARD_WRAP = 100

_LINE_BREAK = re.compile(r"\r\n?|[\x0b\x0c]")
_TRAILER = re.compile(r"^\s*(?:keywords|tags|topics|subjects)\s*:\s*(?P<list>.+?)\s*$", re.IGNORECASE | re.DOTALL)

_PLACE_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]{2,}|of|de|la|el|al-\w+)"
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,4}}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s*{_PLACE}){{0,2}}?)"
    rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*[–—-]{1,2}\s+(?=\S)"
)
# Raw copy lower-cases the place too (`toronto (Reuters) -`): with an agency credited, it is still a dateline.
_LOWER_DATELINE = re.compile(
    r"^(?P<place>[a-z][\w'’.-]*(?:\s+[a-z][\w'’.-]*){0,2})\s*\((?P<agency>[A-Z][^()\n]{0,39})\)\s*[–—-]{1,2}\s+(?=\S)"
)


class Dateline(NamedTuple):
    """A lead paragraph's dateline, taken apart: `TORONTO, Feb. 23, 2026 (Reuters) - The…`."""

    place: str | None  # `Toronto`: all-capital and lower-case parts title-cased
    published: date | None  # the date it gives, when it gives a year
    rest: str  # the paragraph after it
    agency: str | None = None  # `Reuters`
    written: str | None = None  # `TORONTO, Feb. 23, 2026 (Reuters) -`, as the copy has it


def split_trailer(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Remove a `Keywords: a, b, c.` last paragraph; return (paragraphs, keywords)."""
    if not paragraphs:
        return paragraphs, []
    match = _TRAILER.match(paragraphs[-1])
    if not match:
        return paragraphs, []
    items = re.split(r"\s*[,;]\s*", match.group("list").strip().rstrip("."))
    return paragraphs[:-1], [item.strip() for item in items if item.strip()]


def split_dateline(first: str) -> Dateline:
    """Split `Beijing, China – Russian President…` into its place, date, agency and the rest of the paragraph."""
    match = _DATELINE.match(first) or _LOWER_DATELINE.match(first)
    if not match:
        return Dateline(None, None, first)
    place = match.group("place").strip()
    groups = match.groupdict()
    # A bare capitalised phrase before a dash is as often a subject ("The Fed - which…") as a place:
    # take it only in the unambiguous forms, ALL CAPS or with a region, date or agency.
    if not (place.isupper() or "," in place or groups.get("date") or groups["agency"]):
        return Dateline(None, None, first)
    published = None
    if groups.get("date") and re.search(r"\d{4}", groups["date"]):
        parsed = dateparser.parse(groups["date"], languages=["en"])
        published = parsed.date() if parsed else None
    # Wire style capitalises the city (`BERLIN, Germany`, `NEW YORK`): title-case the all-caps parts.
    place = ", ".join(
        part.title() if part.isupper() or part.islower() else part for part in re.split(r",\s*", place)
    )
    agency = groups["agency"].strip() if groups["agency"] else None
    return Dateline(place, published, first[match.end() :], agency, match.group().rstrip())


def split_paragraphs(text: str) -> list[str]:
    """Blank-line blocks, their hard wraps joined; or, with no blank lines at all, one per line. A block whose
    lines run longer than a wrap is a run of one-line paragraphs (a blank line after the headline only)."""
    # CR LF and CR (old Mac) end lines, and so do Word's manual line break \x0b and page break \x0c.
    text = _LINE_BREAK.sub("\n", text)
    if not re.search(r"\n[ \t]*\n", text):
        return [line.strip() for line in text.split("\n") if line.strip()]
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not any(len(line) > _HARD_WRAP for line in lines[:-1]):
            paragraphs += [" ".join(lines)] if lines else []
            continue
        # One paragraph a line; a line that stops mid-sentence is still wrapped into the next.
        current: list[str] = []
        for line in lines:
            current.append(line)
            if line.endswith((".", "?", "!", '"', "”", ")", ":")):
                paragraphs.append(" ".join(current))
                current = []
        paragraphs += [" ".join(current)] if current else []
    return paragraphs


def _is_headline(paragraph: str) -> bool:
    """One short line, not a dateline, with no sentence-final full stop (inside closing quotes too) unless it is
    in title case (`Mayor Warns Council Plan On Port Would Cost Jobs.`: some exports end
    every headline with one)."""
    if len(paragraph) > _MAX_HEADLINE_CHARS or split_dateline(paragraph).place is not None:
        return False
    if not paragraph.rstrip("\"”’')]").endswith("."):
        return True
    return is_title_case(WORD.findall(paragraph), function_words())


def build_article(
    paragraphs: list[str],
    *,
    headline: str | None = None,
    dateline: str | None = None,
    published: date | None = None,
    source: str | None = None,
    authors: list[str] | None = None,
    source_keywords: list[str] | None = None,
    language: str = "en",
) -> Article:
    """An article from body paragraphs, taking a dateline off the first and a trailer off the last.

    Shared by every reader, so an HTML page or feed entry carrying wire copy (`LONDON (Reuters) -`)
    gets the same dateline and trailer handling as a text file. Keywords from the trailer follow
    `source_keywords` given by the format's own metadata, without repeats. A `dateline` given by
    the format's metadata is kept, and the body is then not searched for one.
    """
    paragraphs, trailer = split_trailer([p for p in paragraphs if p.strip()])
    keywords = list(dict.fromkeys([*(source_keywords or []), *trailer]))
    found = Dateline(None, None, "")
    if paragraphs and dateline is None:
        found = split_dateline(paragraphs[0])
        dateline, published = found.place, published or found.published
        paragraphs = [found.rest, *paragraphs[1:]]
    return Article.create(
        PARAGRAPH_SEPARATOR.join(paragraphs),
        headline=headline,
        dateline=dateline,
        dateline_text=found.written,
        agency=found.agency,
        published=published,
        source_keywords=keywords,
        source=source,
        authors=authors,
        language=language,
    )


def require_body(article: Article, *, source: str) -> Article:
    """The article, or InputError (ND106) when its text was a keyword trailer and nothing else."""
    if not article.body.strip():
        raise InputError(source, "no article text (only a keyword trailer)", code="ND106")
    return article


def parse_text(text: str, *, source: str | None = None, published: date | None = None) -> Article:
    """Parse plain text in wire-story layout. Text with a single paragraph has no headline."""
    paragraphs = split_paragraphs(text)
    headline = None
    # Counted without the trailer: "Headline / Keywords: …" is one paragraph of body, not a headline.
    if len(split_trailer(paragraphs)[0]) > 1 and _is_headline(paragraphs[0]):
        headline, paragraphs = paragraphs[0], paragraphs[1:]
    return build_article(paragraphs, headline=headline, published=published, source=source)


def format_text(article: Article) -> str:
    """The article in wire-story layout again: the inverse of `parse_text`, one blank line between paragraphs."""
    paragraphs = list(article.paragraphs)
    if article.dateline_text and paragraphs:
        paragraphs[0] = f"{article.dateline_text} {paragraphs[0]}"  # as the copy wrote it, date and agency too
    elif article.dateline and paragraphs:
        paragraphs[0] = f"{article.dateline} – {paragraphs[0]}"
    if article.headline:
        paragraphs.insert(0, article.headline)
    if article.source_keywords:
        paragraphs.append(f"Keywords: {article.trailer}.")
    return PARAGRAPH_SEPARATOR.join(paragraphs) + "\n"
