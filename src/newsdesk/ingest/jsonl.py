"""JSONL (JSON Lines, jsonlines.org): one article object per line, fields as in `Article`.

Common aliases from news corpora are accepted: `text`/`content` for `body`, `title` for `headline`,
`date` for `published`, `url` for `source`, `keywords`/`tags` for `source_keywords`, `author` for
`authors`, `lang` for `language`; the model's own name wins when both are given. Unknown fields
are ignored, and so is a `published` date that cannot be read (the article is kept, undated). A body
is laid out like a text file's (paragraphs on blank lines or single lines); a `Keywords:` trailer is
taken off it as for wire copy, and so is a dateline unless `dateline` is given.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from typing import Any

import dateparser

from newsdesk.article import Article
from newsdesk.errors import InputError
from newsdesk.ingest.text import build_article, require_body, split_paragraphs

_YEAR = re.compile(r"\b\d{4}\b")
_ALIASES: dict[str, tuple[str, ...]] = {
    "body": ("body", "text", "content"),
    "headline": ("headline", "title"),
    "published": ("published", "date"),
    "source": ("source", "url"),
    "source_keywords": ("source_keywords", "keywords", "tags"),
    "authors": ("authors", "author"),
    "language": ("language", "lang"),
}


def _field(record: dict[str, Any], name: str) -> Any:
    for key in _ALIASES.get(name, (name,)):
        if record.get(key) is not None:
            return record[key]
    return None


def _text(record: dict[str, Any], name: str) -> str | None:
    value = _field(record, name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"'{name}' must be a string, not {type(value).__name__}")
    return value.strip() or None


def _names(record: dict[str, Any], name: str) -> list[str] | None:
    """A list of strings, also given as one comma-separated string (`"a, b"`)."""
    value = _field(record, name)
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"'{name}' must be a list of strings")
    return [item.strip() for item in value if item.strip()]


def _date(record: dict[str, Any]) -> dt.date | None:
    """ISO 8601 first; then, as corpora write them (`2016/12/08`, `Dec 8, 2016`), any absolute
    date dateparser reads strictly (day, month and a four-digit year; nothing relative like "yesterday").

    A date it cannot read is None: the article is kept without one, as the feed and HTML readers keep theirs.
    """
    value = _field(record, "published")
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    if _YEAR.search(value):
        parsed: dt.datetime | None = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
        if parsed is not None:
            return parsed.date()
    return None


class JSONLimitError(ValueError):
    """JSON that `json.loads` refuses for its own limits (nesting, digits), not for its syntax."""


def read_json(line: str) -> Any:
    """`json.loads`, every way a line can fail to load raised as a ValueError saying why.

    Besides JSONDecodeError, `json.loads` raises RecursionError on deep nesting and a bare ValueError on
    an integer longer than Python's digit limit: valid JSON still, but a bad line all the same.
    """
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"{err.msg} at column {err.colno}") from err
    except RecursionError as err:
        raise JSONLimitError("nested too deeply") from err
    except ValueError as err:
        raise JSONLimitError(f"a number longer than {sys.get_int_max_str_digits():,} digits") from err


def parse_record(record: dict[str, Any], *, source: str) -> Article:
    """One article from one decoded JSONL object; `source` serves when it names none.

    Raises ValueError naming the field that cannot be read.
    """
    body = _text(record, "body")
    if body is None:
        raise ValueError("no article text (expected a 'body' or 'text' string)")
    article = build_article(
        split_paragraphs(body),
        headline=_text(record, "headline"),
        dateline=_text(record, "dateline"),
        published=_date(record),
        source=_text(record, "source") or source,
        authors=_names(record, "authors"),
        source_keywords=_names(record, "source_keywords"),
        language=_text(record, "language") or "en",
    )
    # An id the producer gave is kept: it is how the caller matches results back to its records.
    return article.model_copy(update={"id": str(record["id"])}) if record.get("id") is not None else article


def parse_jsonl(text: str, *, source: str) -> Iterator[Article | InputError]:
    """Articles of a JSONL text; a bad line is an InputError naming `source:line`, the rest still load."""
    # Split on LF only: str.splitlines would also break on U+2028, which JSON strings may hold raw.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        name = f"{source}:{number}"
        try:
            record = read_json(line)
        except ValueError as err:
            yield InputError(name, f"not valid JSON ({err})", code="ND130")
            continue
        if not isinstance(record, dict):
            yield InputError(name, f"a JSON {type(record).__name__}, not an article object", code="ND131")
            continue
        try:
            article = require_body(parse_record(record, source=name), source=name)
        except InputError as err:
            yield err
        except ValueError as err:
            yield InputError(name, str(err), code="ND132")
        else:
            yield article
