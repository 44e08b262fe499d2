"""RSS 0.9x/1.0/2.0 and Atom feeds via feedparser: one article per entry.

feedparser is handed the bytes in a `BytesIO`, never a string: given a `str` or `bytes` it tries
it as a URL (and fetches it) or as a local file name before treating it as a document.
It honours the XML declaration's encoding and refuses external entities.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from newsdesk.article import Article
from newsdesk.errors import InputError
from newsdesk.ingest.decode import DEFAULT_MAX_BYTES, check_size
from newsdesk.ingest.html import fragment_paragraphs
from newsdesk.ingest.text import build_article, require_body, split_paragraphs

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


def _paragraphs(detail: Any) -> list[str]:
    value = str(detail.get("value") or "")
    if str(detail.get("type") or "text/html") in _HTML_TYPES:
        return fragment_paragraphs(value)
    return split_paragraphs(value)


def _body(entry: Any) -> list[str]:
    """The fullest text an entry carries: its longest `content` (Atom content, RSS content:encoded),
    else its summary (RSS description)."""
    contents = [_paragraphs(detail) for detail in entry.get("content") or []]
    best = max(contents, key=lambda paras: sum(map(len, paras)), default=[])
    if best or not entry.get("summary"):
        return best
    return _paragraphs(entry.get("summary_detail") or {"value": entry["summary"]})


def _link(entry: Any) -> str | None:
    # feedparser copies an Atom id into `link` when there is no link (`guidislink`); a `tag:` URI is no address.
    link = str(entry.get("link") or "")
    return link if link.startswith(("http://", "https://")) else None


def _date(entry: Any) -> dt.date | None:
    """The entry's own calendar date: the date as written, in the writer's time zone.

    feedparser's `*_parsed` fields are in UTC, which moves a story filed at 00:30 +01:00 to the day
    before; they serve only when the written date is in a format the standard library cannot read.
    """
    for key in ("published", "updated"):
        written = str(entry.get(key) or "")
        for parse in (email.utils.parsedate_to_datetime, dt.datetime.fromisoformat):
            try:
                return parse(written).date()
            except (TypeError, ValueError, IndexError):
                continue
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _title(entry: Any) -> str | None:
    detail = entry.get("title_detail") or {"value": entry.get("title") or ""}
    title = " ".join(_paragraphs(detail))
    return title or None


def _language(entry: Any, feed: Any) -> str:
    for detail in [*(entry.get("content") or []), entry.get("summary_detail") or {}, feed]:
        if detail.get("language"):
            return str(detail["language"]).split("-")[0].lower()
    return "en"


def parse_feed(data: bytes, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """Articles of a feed, one per entry; an entry with no text is an InputError of its own.

    An entry's source is its link, else `feed#entry-id`; a refused entry is named `feed#entry-id`.
    Raises InputError when the input is not a feed or has no entries.
    """
    check_size(len(data), source=source, max_bytes=max_bytes)
    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    except Exception as err:
        # feedparser keeps most errors in `bozo_exception`; anything else is this input's failure, not the run's.
        raise InputError(source, f"malformed feed ({type(err).__name__}: {err})", code="ND120") from err
    if not parsed.entries:
        if not parsed.get("version"):
            reason = " ".join(str(parsed.get("bozo_exception") or "unrecognised XML").split())
            raise InputError(source, f"not an RSS or Atom feed ({reason})", code="ND120")
        raise InputError(source, "feed with no entries", code="ND121")
    for index, entry in enumerate(parsed.entries, start=1):
        # Refusals name the feed file, articles the page they came from.
        in_feed = f"{source}#{entry.get('id') or entry.get('link') or f'entry-{index}'}"
        paragraphs = _body(entry)
        if not paragraphs:
            yield InputError(in_feed, "feed entry with no text", code="ND122")
            continue
        article = build_article(
            paragraphs,
            headline=_title(entry),
            published=_date(entry),
            source=_link(entry) or in_feed,
            authors=[a["name"] for a in entry.get("authors") or [] if a.get("name")],
            source_keywords=[t["term"] for t in entry.get("tags") or [] if t.get("term")],
            language=_language(entry, parsed.feed),
        )
        try:
            yield require_body(article, source=in_feed)
        except InputError as err:
            yield err
