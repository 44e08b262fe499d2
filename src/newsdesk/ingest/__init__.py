"""Readers that turn files, directories and standard input into `Article`s.

Formats: wire-story plain text, HTML pages, RSS/Atom feeds and JSONL, chosen by file extension
and, for other names (or standard input), by the first bytes of the content.

`read_sources` never raises for a bad input: it yields an `InputError` in the article's place, so
one unreadable file (or one bad JSONL line, or one empty feed entry) does not stop a run of thousands.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from newsdesk.article import Article
from newsdesk.errors import InputError
from newsdesk.ingest.decode import DEFAULT_MAX_BYTES, MAX_BODY_CHARS, check_size, decode
from newsdesk.ingest.feeds import parse_feed
from newsdesk.ingest.html import parse_html
from newsdesk.ingest.jsonl import JSONLimitError, parse_jsonl, read_json
from newsdesk.ingest.text import parse_text, require_body

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BODY_CHARS",
    "Format",
    "check_length",
    "detect_format",
    "parse_bytes",
    "parse_text",
    "read_bytes",
    "read_sources",
]

Format = Literal["text", "html", "feed", "jsonl"]

_BY_SUFFIX: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# What a directory walk reads: the known formats, `.xml`/`.json` (sniffed) and names without an
# extension. Other files (a README.md, images, scripts) are skipped, as a compiler skips files
# that are not source; a file named on the command line is always read.
_WALKED_SUFFIXES = frozenset({*_BY_SUFFIX, ".xml", ".json", ""})
# How far into a document its root element is looked for (past an XML declaration, comments, a doctype).
_SNIFF_CHARS = 2048
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def detect_format(head: str, *, source: str = "") -> Format:
    """The format of an input: by extension (`.txt .html .rss .atom .jsonl` and kin), else by content.

    Sniffing, for `.xml`, `.json`, other names and standard input: a feed's root element
    (`<rss`, `<feed`, `<rdf:RDF`), an HTML root or doctype, other XML (refused by the feed reader),
    other markup (HTML), a first line that is a JSON object (or too deep or long for `json.loads`, which
    `parse_jsonl` refuses alone); anything else is wire-story text.
    """
    by_suffix = _BY_SUFFIX.get(Path(source).suffix.lower()) if source else None
    if by_suffix:
        return by_suffix
    start = head.lstrip("\ufeff \t\r\n")[:_SNIFF_CHARS]
    if start.startswith("<"):
        feed, html = _FEED_ROOT.search(start), _HTML_ROOT.search(start)
        if feed and (not html or feed.start() < html.start()):
            return "feed"
        if html:
            return "html"
        # Other markup: XML goes to the feed reader, which names what it found; the rest is a fragment.
        return "feed" if start.startswith("<?xml") else "html"
    if start.startswith("{"):
        try:
            if isinstance(read_json(head.lstrip("\ufeff \t\r\n").split("\n", 1)[0]), dict):
                return "jsonl"
        except JSONLimitError:
            # An object too deep or too long for `json.loads` is JSON still: its line is refused, the rest read.
            return "jsonl"
        except ValueError:
            pass
    return "text"


def check_length(
    article: Article, size: int | None = None, *, unit: str = "characters", limit: int = MAX_BODY_CHARS
) -> Article:
    """The article itself, or an InputError (ND107) if its body is longer than the pipeline analyses: `size` in
    `unit` (its characters unless given) over `limit`."""
    size = len(article.body) if size is None else size
    if size > limit:
        raise InputError(
            article.source or article.id,
            f"body of {size:,} {unit} is longer than the limit of {limit:,}",
            code="ND107",
        )
    return article


def parse_bytes(data: bytes, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """The articles of one input, an InputError in place of each part that cannot be read."""
    for item in _parse_bytes(data, source=source, max_bytes=max_bytes):
        if isinstance(item, Article):
            try:
                item = check_length(item)
            except InputError as err:
                item = err
        yield item


def _parse_bytes(data: bytes, *, source: str, max_bytes: int) -> Iterator[Article | InputError]:
    try:
        text = decode(data, source=source, max_bytes=max_bytes)
        kind = detect_format(text, source=source)
        if kind == "feed":
            yield from parse_feed(data, source=source, max_bytes=max_bytes)
        elif kind == "html":
            yield parse_html(data, source=source, max_bytes=max_bytes)
        elif kind == "jsonl":
            yield from parse_jsonl(text, source=source)
        else:
            yield require_body(parse_text(text, source=source), source=source)
    except InputError as err:
        yield err


def read_bytes(data: bytes, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Parse one input's bytes into articles. Raises the first InputError if any part cannot be read."""
    articles: list[Article] = []
    for item in parse_bytes(data, source=source, max_bytes=max_bytes):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return articles


def printable(path: str | os.PathLike[str]) -> str:
    """A file name fit to print and serialise: bytes that are not UTF-8 (kept by the OS as lone surrogates,
    which JSON output cannot encode) written as `\\xff` escapes."""
    return os.fsencode(path).decode(sys.getfilesystemencoding(), errors="backslashreplace")


def _refusals(errors: list[OSError], root: Path) -> Iterator[InputError]:
    while errors:
        err = errors.pop(0)
        yield InputError(printable(err.filename or root), f"cannot be read ({err.strerror or err})", code="ND102")


def _files(root: Path) -> Iterator[Path | InputError]:
    """Article files under a directory in name order (see `_WALKED_SUFFIXES`); unreadable folders reported."""
    errors: list[OSError] = []
    for folder, dirs, names in os.walk(root, onerror=errors.append):
        yield from _refusals(errors, root)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(folder, name)
            if name.startswith(".") or path.suffix.lower() not in _WALKED_SUFFIXES:
                continue
            # Sockets and FIFOs are skipped (reading a FIFO blocks); a broken link is reported by the read.
            if path.is_file() or path.is_symlink():
                yield path
    yield from _refusals(errors, root)


def _read_file(path: Path, *, max_bytes: int) -> Iterator[Article | InputError]:
    source = printable(path)
    try:
        # Refuse on size before reading: a 50 MB file costs one stat, not 50 MB of memory.
        check_size(path.stat().st_size, source=source, max_bytes=max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except InputError as err:
        yield err
        return
    except OSError as err:
        yield InputError(source, f"cannot be read ({err.strerror or err})", code="ND102")
        return
    yield from parse_bytes(data, source=source, max_bytes=max_bytes)


def read_sources(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """Articles from files, directories (recursively, in name order) and `-` (standard input).

    A directory walk reads `.txt .text .html .htm .xhtml .rss .atom .xml .jsonl .ndjson .json`
    files and files without an extension; hidden files and other names are skipped.
    """
    for name in paths:
        if name == "-":
            yield from parse_bytes(sys.stdin.buffer.read(max_bytes + 1), source="<stdin>", max_bytes=max_bytes)
            continue
        root = Path(name)
        if not root.exists() and not root.is_symlink():
            yield InputError(printable(name), "no such file or directory", code="ND101")
        elif root.is_dir():
            for item in _files(root):
                if isinstance(item, InputError):
                    yield item
                else:
                    yield from _read_file(item, max_bytes=max_bytes)
        else:
            yield from _read_file(root, max_bytes=max_bytes)
