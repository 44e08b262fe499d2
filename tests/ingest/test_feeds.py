"""RSS 2.0 and Atom feeds: one article per entry, dates, links, HTML stripped, nothing fetched."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdesk.article import Article
from newsdesk.errors import InputError
from newsdesk.ingest import parse_bytes, read_bytes
from newsdesk.ingest.feeds import parse_feed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def _items(name: str) -> list[Article | InputError]:
    path = FIXTURES / name
    return list(parse_feed(path.read_bytes(), source=str(path)))


def test_rss_entries() -> None:
    ports, wind, gallery = _items("feed_rss.xml")
    assert isinstance(ports, Article) and isinstance(wind, Article)
    assert ports.headline == "Ports Reopen as Dockworkers End Strike"
    assert ports.source == "https://ledger.example.org/world/ports-reopen"
    assert ports.published == dt.date(2025, 3, 14)
    assert ports.authors == ["Maria Okafor"]
    assert ports.source_keywords == ["Shipping", "Labour"]
    assert ports.dateline == "Rotterdam"
    # content:encoded wins over the shorter description; its HTML is stripped, its script dropped.
    assert ports.paragraphs == [
        "Container terminals in Rotterdam and Antwerp reopened on Friday after dockworkers accepted a new wage offer.",
        "“This is a fair deal,” union spokeswoman Els de Vries said.",
        "Port officials warned that clearing the backlog would take two weeks.",
    ]
    # No link: the source names the feed file and the entry's guid.
    assert wind.source == f"{FIXTURES / 'feed_rss.xml'}#ledger-2025-0313-wind"
    assert wind.paragraphs == [
        "The Dutch government approved a 2-gigawatt offshore wind farm on Thursday.",
        "Construction is due to start in 2027.",
    ]
    # An entry with no text at all is refused on its own; the others still load.
    assert isinstance(gallery, InputError)
    assert gallery.source == f"{FIXTURES / 'feed_rss.xml'}#https://ledger.example.org/world/gallery"


def test_rss_date_is_the_written_local_date() -> None:
    # 17:05 +0100 is the same day in UTC; 00:30 +0100 would not be, and must not move.
    feed = (FIXTURES / "feed_rss.xml").read_bytes().replace(b"17:05:00 +0100", b"00:30:00 +0100")
    [_, wind, _] = parse_feed(feed, source="feed.xml")
    assert isinstance(wind, Article)
    assert wind.published == dt.date(2025, 3, 13)


def test_atom_entries() -> None:
    glacier, avalanche = _items("feed_atom.xml")
    assert isinstance(glacier, Article) and isinstance(avalanche, Article)
    assert glacier.headline == "Glacier Melt Sets Record in Swiss Alps"  # type="html" title, tags stripped
    assert glacier.source == "https://courier.example.net/science/glacier-record"
    assert glacier.published == dt.date(2025, 2, 3)
    assert glacier.authors == ["Anna Keller", "Luca Bernasconi"]
    assert glacier.source_keywords == ["Climate", "Switzerland"]
    assert glacier.dateline == "Zurich"
    assert glacier.paragraphs[0].startswith("Swiss glaciers lost 4% of their remaining volume")
    assert (
        glacier.paragraphs[1] == "“The losses are accelerating,” glaciologist Matthias Huss told reporters in Zurich."
    )
    # type="text" content keeps its blank-line paragraphs; `updated` serves when there is no `published`.
    assert avalanche.published == dt.date(2025, 2, 2)
    assert len(avalanche.paragraphs) == 2
    assert avalanche.source.endswith("#tag:courier.example.net,2025:avalanche-valais")


@pytest.mark.parametrize(("name", "entries"), [("feed_rss.xml", 3), ("feed_atom.xml", 2)])
def test_feeds_are_detected_by_content_without_extension(name: str, entries: int) -> None:
    items = list(parse_bytes((FIXTURES / name).read_bytes(), source="download"))
    assert len(items) == entries


def test_feed_with_no_entries_is_an_input_error() -> None:
    with pytest.raises(InputError, match="feed with no entries") as info:
        read_bytes((FIXTURES / "feed_empty.xml").read_bytes(), source="feed_empty.xml")
    assert info.value.source == "feed_empty.xml"


def test_xml_that_is_not_a_feed_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        list(parse_feed(b"<?xml version='1.0'?><catalog><book>x</book></catalog>", source="books.rss"))


@pytest.mark.parametrize(
    "data", [b"https://example.com/feed.xml", b"/etc/hostname", str(FIXTURES / "feed_rss.xml").encode()]
)
def test_urls_and_file_names_are_never_followed(data: bytes) -> None:
    # feedparser given a str or bytes would fetch the URL or open the file; bytes here are content only.
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        list(parse_feed(data, source="x.rss"))


def test_feed_in_a_declared_legacy_encoding() -> None:
    feed = (
        '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Café Reopens</title><description>The café in Zürich reopened on Monday.</description>"
        "</item></channel></rss>"
    ).encode("cp1252")
    [article] = read_bytes(feed, source="cafe.rss")
    assert article.headline == "Café Reopens"
    assert article.body == "The café in Zürich reopened on Monday."


def _rss(description: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Deal</title>'
        f"<guid>d1</guid><description><![CDATA[{description}]]></description></item></channel></rss>"
    ).encode()


def test_text_after_a_comment_in_an_entry_is_kept() -> None:
    [article] = read_bytes(
        _rss(
            "<p>Putin met Xi in Beijing <!--more--> and the two leaders signed a trade deal on Tuesday.</p>"
            "<p>Officials welcomed it.</p>"
        ),
        source="f.rss",
    )
    assert article.paragraphs == [
        "Putin met Xi in Beijing and the two leaders signed a trade deal on Tuesday.",
        "Officials welcomed it.",
    ]


def test_an_entry_of_only_a_keyword_trailer_is_refused_as_text_files_are() -> None:
    [error] = parse_feed(_rss("<p>Keywords: Putin, Xi</p>"), source="f.rss")
    assert isinstance(error, InputError) and error.code == "ND106" and error.source == "f.rss#d1"
