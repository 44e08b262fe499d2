"""HTML pages: boilerplate removed by trafilatura, metadata (title, date, authors, tags) kept.

trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for Text
Discovery and Extraction", ACL demos) finds the main text with its own rules and falls back on
readability and jusText; its metadata step reads `<meta>`, JSON-LD and htmldate's date heuristics.
"""

from __future__ import annotations

import datetime as dt
import html
import re

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document

from newsdesk.article import Article
from newsdesk.errors import InputError
from newsdesk.ingest.decode import DEFAULT_MAX_BYTES, decode
from newsdesk.ingest.text import build_article, require_body

# `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`, looked
# for in the first 1024 bytes as the HTML standard's prescan does.
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_PRESCAN_BYTES = 1024

# Elements that end a paragraph in a loose HTML fragment (feed summaries, content:encoded).
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "footer"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section"),
        *("table", "td", "th", "tr", "ul"),
    }
)
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "title"})
_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"<[^<>]*>")
_WORD = re.compile(r"[^\W\d_]{2}")  # two letters in a row
_BODY_TAG = re.compile(r"<body\b[^<>]*>", re.IGNORECASE)
_CODE_TAG = re.compile(r"(</?(?:script|style)\b[^<>]*>)", re.IGNORECASE)
# A numeric character reference (`&#1;`, `&#xFFFE;`): one to a C0 control or a noncharacter makes
# trafilatura's XML step drop the whole page, so such references are removed before parsing.
_CHAR_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}))(?![0-9a-fA-F]);?")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def fragment_paragraphs(markup: str) -> list[str]:
    """Paragraphs of an HTML fragment: text between block elements, scripts and styles dropped.

    Walks the tree with `lxml.etree.iterwalk` rather than recursion, so deeply nested markup
    cannot exhaust the stack.
    """
    if not markup.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        # lxml refuses strings with an XML encoding declaration.
        return _stripped(markup)
    paragraphs = _block_texts(root)
    # libxml2 gives up on nesting deeper than 255 elements and returns an empty tree.
    return paragraphs or _stripped(markup)


def _stripped(markup: str) -> list[str]:
    """Last resort for markup lxml cannot parse: tags (and script/style bodies) removed, one paragraph."""
    kept: list[str] = []
    inside = False
    # One linear pass (a `<script>.*?</script>` regex rescans to the end for every unclosed tag).
    for piece in _CODE_TAG.split(markup):
        if _CODE_TAG.fullmatch(piece):
            inside = not piece.startswith("</")
        elif not inside:
            kept.append(piece)
    text = _clean(html.unescape(_TAG.sub(" ", " ".join(kept))))
    return [text] if text else []


def _block_texts(root: lxml.etree._Element) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _clean("".join(current))
        if text:
            paragraphs.append(text)
        current.clear()

    # Comments and processing instructions come as events of their own, not as "start"/"end": without
    # them the text after `<!--more-->` (their tail) would be lost.
    walker = lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event in ("comment", "pi"):
            current.append(element.tail or "")
        elif event == "start":
            if tag in _SKIP_TAGS or not tag:
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                flush()
            current.append(element.text or "")
        else:
            if tag in _BLOCK_TAGS:
                flush()
            if element is not root:
                current.append(element.tail or "")
    flush()
    return paragraphs


def _body_paragraphs(body: lxml.etree._Element, *, title: str | None) -> list[str]:
    """Paragraphs of trafilatura's XML body (`p`, `list/item`, `quote`, `head`, `lb` for <br>).

    Sub-headings (`head`) are left out: they are page furniture, not sentences of the story.
    """
    paragraphs: list[str] = []
    for element in body:
        if element.tag == "head":
            continue
        blocks = element.findall(".//item") or element.findall(".//p") or [element]
        for block in blocks:
            for lb in block.iter("lb"):
                lb.tail = " " + (lb.tail or "")
            text = _clean("".join(block.itertext()))
            if text and text != title:
                paragraphs.append(text)
    return paragraphs


def _split_names(value: str | None, separator: str) -> list[str]:
    return [name.strip() for name in (value or "").split(separator) if name.strip()]


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _unusable(code: int) -> bool:
    """C0 controls but tab, LF and CR, and the noncharacters (U+FDD0..U+FDEF, U+xFFFE and U+xFFFF)."""
    return (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def _drop_unusable_references(text: str) -> str:
    def keep(match: re.Match[str]) -> str:
        hexa, decimal = match.groups()
        return "" if _unusable(int(hexa, 16) if hexa else int(decimal)) else match.group()

    return _CHAR_REFERENCE.sub(keep, text)


def _too_deep(markup: str) -> bool:
    """Whether libxml2 gave up on the page for its nesting depth (it keeps 255 levels)."""
    parser = lxml.html.HTMLParser()
    try:
        lxml.html.document_fromstring(markup, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return False
    return any("Excessive depth" in error.message for error in parser.error_log)


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in a `<meta>` in its first 1024 bytes, if any."""
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    return match.group(1).decode("ascii") if match else None


def parse_html(data: bytes, *, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One article from an HTML page, or InputError when the page holds no main text."""
    text = _drop_unusable_references(decode(data, source=source, max_bytes=max_bytes, declared=html_charset(data)))
    try:
        doc = trafilatura.bare_extraction(
            text,
            url=source if source.startswith(("http://", "https://")) else None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as err:
        # Hostile markup can trip any part of a third-party parser; it is this input's failure, not the run's.
        raise InputError(source, f"malformed HTML ({type(err).__name__}: {err})", code="ND110") from err
    if not isinstance(doc, Document):
        doc = Document()
    title = _clean(doc.title) if doc.title else None
    paragraphs = _body_paragraphs(doc.body, title=title) if doc.body is not None else []
    if not paragraphs and _too_deep(text):
        # libxml2 stops at 255 levels of nesting, leaving trafilatura an empty tree: the body's text, stripped,
        # as `fragment_paragraphs` does; tag soup nests as deep, and what it leaves with no word in it is no text.
        paragraphs = [p for p in _stripped(_BODY_TAG.split(text, maxsplit=1)[-1]) if _WORD.search(p)]
    if not paragraphs:
        raise InputError(source, "HTML page with no article text (boilerplate only, or not a page)", code="ND111")
    article = build_article(
        paragraphs,
        headline=title or None,
        published=_date(doc.date),
        source=source,
        authors=_split_names(doc.author, ";"),
        source_keywords=[tag for value in doc.tags or [] for tag in _split_names(value, ",")],
        language=(doc.language or "en").split("-")[0].lower(),
    )
    return require_body(article, source=source)
