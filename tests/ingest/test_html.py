"""HTML pages through trafilatura: boilerplate gone, metadata kept, hostile markup refused cleanly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdesk.errors import InputError
from newsdesk.ingest import read_bytes
from newsdesk.ingest.html import fragment_paragraphs, html_charset, parse_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
PAGE = FIXTURES / "page.html"
BODY = (
    "<p>The council approved the new budget on Tuesday after a long debate about school funding and roads.</p>"
    "<p>“It is a fair compromise,” said councillor Anna Weber, who voted in favour of the plan.</p>"
)


@pytest.fixture(scope="module")
def page():  # type: ignore[no-untyped-def]
    return parse_html(PAGE.read_bytes(), source=str(PAGE))


def test_page_metadata(page) -> None:  # type: ignore[no-untyped-def]
    assert page.headline == "Ports Reopen as Dockworkers End Strike"
    assert page.published == dt.date(2025, 3, 14)
    assert page.authors == ["Maria Okafor", "Tom Lindqvist"]
    assert page.source_keywords == ["Shipping", "Labour", "Rotterdam"]
    assert page.dateline == "Rotterdam"
    assert page.source == str(PAGE)


def test_page_body_is_the_story_without_boilerplate(page) -> None:  # type: ignore[no-untyped-def]
    assert page.paragraphs[0].startswith("Container terminals in Rotterdam and Antwerp reopened on Friday")
    assert len(page.paragraphs) == 5
    assert "“This is a fair deal and our members have earned it,”" in page.body  # entities decoded
    assert "two weeks. Shipping lines" in page.body  # <br> is a space, not a paragraph break
    for boilerplate in ("Home", "Advertisement", "Related stories", "All rights reserved", "newsletter", "dataLayer"):
        assert boilerplate not in page.body
    assert "Backlog of ships" not in page.body  # sub-headings are not sentences of the story


def test_html_is_detected_by_content_without_extension() -> None:
    [article] = read_bytes(PAGE.read_bytes(), source="download")
    assert article.headline == "Ports Reopen as Dockworkers End Strike"


def test_declared_legacy_charset_is_honoured() -> None:
    markup = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "<title>Café Owners Protest</title></head><body><article>"
        "<p>Café owners in Zürich protested on Monday against the new “terrace tax”, which the city "
        "council says will raise two million francs a year for the upkeep of the old town.</p>"
        "<p>The council will vote on the tax next month, a spokesman for the mayor said.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    assert html_charset(markup) == "iso-8859-1"
    article = parse_html(markup, source="cafe.html")
    assert article.headline == "Café Owners Protest"
    # iso-8859-1 is read as windows-1252 (WHATWG), so the curly quotes survive.
    assert "Café owners in Zürich protested on Monday against the new “terrace tax”" in article.body


def test_a_declared_utf7_is_ignored_as_browsers_do() -> None:
    body = "<p>The council will vote on the tax next month, a spokesman for the mayor said on Monday.</p>" * 3
    markup = f'<html><head><meta charset="utf-7"></head><body><article><p>+AGEAYgBj-</p>{body}</article></body></html>'
    article = parse_html(markup.encode("ascii"), source="utf7.html")
    assert "+AGEAYgBj-" in article.body


@pytest.mark.parametrize(
    ("name", "markup"),
    [
        ("no body", "<html><head><title>Only a title</title></head></html>"),
        ("only scripts", "<html><body><script>" + "var a = 1;" * 5_000 + "</script><style>p{}</style></body></html>"),
        ("tag soup", "<<<>>><p<<a href=>>>" * 2_000),
        ("only navigation", "<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>"),
    ],
)
def test_hostile_html_is_a_clear_input_error(name: str, markup: str) -> None:
    with pytest.raises(InputError) as info:
        parse_html(markup.encode(), source=f"{name}.html")
    assert info.value.source == f"{name}.html"
    assert "\n" not in str(info.value)


def test_unclosed_tags_give_a_best_effort_article() -> None:
    markup = "<html><body><article><h1>Budget Passes<p>" + BODY.replace("</p>", "") + "<div><span>"
    article = parse_html(markup.encode(), source="unclosed.html")
    assert "The council approved the new budget on Tuesday" in article.body
    assert "Anna Weber" in article.body


def test_fragment_paragraphs_split_blocks_and_drop_scripts() -> None:
    fragment = "Lead text<br>second line<ul><li>one</li><li>two</li></ul><script>evil()</script>tail &amp; end"
    assert fragment_paragraphs(fragment) == ["Lead text", "second line", "one", "two", "tail & end"]


@pytest.mark.parametrize(
    "fragment", ["", "   ", "plain text only", "<", "<?xml version='1.0' encoding='utf-8'?><p>x</p>"]
)
def test_fragment_paragraphs_never_raises(fragment: str) -> None:
    fragment_paragraphs(fragment)


def test_too_deeply_nested_fragment_falls_back_to_stripped_text() -> None:
    # libxml2 stops at 255 levels; the text still comes out, scripts still dropped.
    markup = "<span>" * 20_000 + "deep &amp; <script>evil()</script>down" + "</span>" * 20_000
    assert fragment_paragraphs(markup) == ["deep & down"]


def test_unclosed_scripts_in_the_fallback_stay_linear() -> None:
    markup = "<b>" * 300 + "<script>x" * 50_000 + "</b>" * 300
    assert fragment_paragraphs(markup) == []


def test_page_without_a_date_has_none_not_today() -> None:
    markup = f"<html><head><title>Budget Passes</title></head><body><article>{BODY}</article></body></html>"
    article = parse_html(markup.encode(), source="budget.html")
    assert article.published is None
    assert article.headline == "Budget Passes"
    assert len(article.paragraphs) == 2


def test_text_after_a_comment_or_instruction_in_a_fragment_is_kept() -> None:
    fragment = "<p>Putin met Xi <!--more--> in Beijing <?php echo 1 ?> on Tuesday.</p><p>Officials welcomed it.</p>"
    assert fragment_paragraphs(fragment) == ["Putin met Xi in Beijing on Tuesday.", "Officials welcomed it."]


@pytest.mark.parametrize("reference", ["&#1;", "&#x1F;", "&#xFFFE;", "&#65535;", "&#xFDD0;"])
def test_a_control_or_noncharacter_reference_does_not_lose_the_page(reference: str) -> None:
    markup = (
        "<html><head><title>Budget Passes</title></head><body><article>"
        f"{BODY.replace('Tuesday', f'Tuesday{reference}')}</article></body></html>"
    )
    article = parse_html(markup.encode(), source="budget.html")
    assert article.paragraphs[0].startswith("The council approved the new budget on Tuesday after")
    assert len(article.paragraphs) == 2


def test_a_reference_to_a_usable_character_is_kept() -> None:
    markup = f"<html><body><article>{BODY.replace('Tuesday', 'Tuesday &#150; &#9;&#x20AC;5')}</article></body></html>"
    assert "Tuesday – €5 after" in parse_html(markup.encode(), source="budget.html").body


def test_a_page_nested_deeper_than_libxml2_reads_falls_back_to_its_text() -> None:
    # libxml2 keeps 255 levels; trafilatura then found nothing and the page was refused as boilerplate.
    markup = (
        "<html><head><title>Budget Passes</title></head><body><article>"
        f"{'<div>' * 253}{BODY}{'</div>' * 253}</article></body></html>"
    )
    article = parse_html(markup.encode(), source="deep.html")
    assert "The council approved the new budget on Tuesday" in article.body and "Anna Weber" in article.body
    huge = "<html><body>" + "<div>" * 50_000 + "deep text" + "</div>" * 50_000 + "</body></html>"
    assert parse_html(huge.encode(), source="huge.html").body == "deep text"


def test_a_page_of_only_a_keyword_trailer_is_refused_as_text_files_are() -> None:
    markup = "<html><body><article><p>Keywords: Putin, Xi Jinping, China, Russia, trade.</p></article></body></html>"
    with pytest.raises(InputError) as info:
        parse_html(markup.encode(), source="tags.html")
    assert info.value.code in {"ND106", "ND111"}
