"""JSONL: one article object per line; a bad line is refused alone, naming file and line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsdesk.article import Article, content_id
from newsdesk.errors import InputError
from newsdesk.ingest import parse_bytes, read_sources
from newsdesk.ingest.jsonl import parse_jsonl, parse_record

GOOD = {
    "title": "Rail Strike Called Off",
    "text": "BERLIN, Germany – The train drivers' union called off a strike on Sunday.\n\nServices resume Monday.",
    "date": "2025-01-12T18:00:00+01:00",
    "author": "Jonas Weber",
    "keywords": "Rail, Strike",
}


def _lines(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def test_aliases_and_wire_layout_of_the_body() -> None:
    article = parse_record(GOOD, source="x.jsonl:1")
    assert article.headline == "Rail Strike Called Off"
    assert article.dateline == "Berlin, Germany"
    assert article.published == dt.date(2025, 1, 12)
    assert article.authors == ["Jonas Weber"]
    assert article.source_keywords == ["Rail", "Strike"]
    assert article.paragraphs == ["The train drivers' union called off a strike on Sunday.", "Services resume Monday."]
    assert article.source == "x.jsonl:1"
    assert article.id == content_id(f"{article.headline}\n{article.body}")  # computed when missing


def test_model_field_names_round_trip() -> None:
    original = Article.create(
        "First paragraph.\n\nSecond paragraph.",
        headline="Head",
        dateline="Paris, France",
        published=dt.date(2025, 5, 1),
        source_keywords=["A", "B"],
        source="https://example.org/story",
        authors=["Ann Lee"],
    )
    [article] = parse_jsonl(original.model_dump_json() + "\n", source="dump.jsonl")
    assert article == original


def test_given_id_and_dateline_are_kept() -> None:
    article = parse_record({"id": "wire-42", "body": "LONDON - Not a dateline here.", "dateline": "Leeds"}, source="s")
    assert article.id == "wire-42"
    assert article.dateline == "Leeds"
    assert article.body == "LONDON - Not a dateline here."


def test_bad_lines_are_refused_alone_naming_file_and_line() -> None:
    text = _lines(
        GOOD,
        "{not json",
        "",
        "[1, 2]",
        {"title": "No body"},
        {"text": ["a", "list"]},
        {"body": "Also fine.", "tags": ["X"], "url": "https://example.org/a"},
    )
    items = list(parse_jsonl(text, source="feed.jsonl"))
    assert [type(item).__name__ for item in items] == [
        "Article", "InputError", "InputError", "InputError", "InputError", "Article",
    ]  # fmt: skip
    errors = [item for item in items if isinstance(item, InputError)]
    assert [e.source for e in errors] == [f"feed.jsonl:{n}" for n in (2, 4, 5, 6)]
    assert "not valid JSON" in errors[0].reason
    assert "not an article object" in errors[1].reason
    assert "no article text" in errors[2].reason
    assert "must be a string" in errors[3].reason
    assert items[-1].source == "https://example.org/a"  # type: ignore[union-attr]


def test_line_separator_inside_a_string_does_not_split_the_line() -> None:
    [article] = parse_jsonl(json.dumps({"text": "One\u2028two."}, ensure_ascii=False), source="s.jsonl")
    assert isinstance(article, Article)


def test_jsonl_is_detected_by_content_without_extension() -> None:
    items = list(parse_bytes(_lines(GOOD, GOOD).encode(), source="export.json"))
    assert all(isinstance(item, Article) for item in items) and len(items) == 2


def test_a_directory_of_jsonl_files(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(_lines(GOOD, "oops"), encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "b.jsonl").write_text(_lines({**GOOD, "title": "Second"}), encoding="utf-8")
    items = list(read_sources([str(tmp_path)]))
    assert [item.headline for item in items if isinstance(item, Article)] == ["Rail Strike Called Off", "Second"]
    [error] = [item for item in items if isinstance(item, InputError)]
    assert error.source == f"{tmp_path / 'a.jsonl'}:2"


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2025-01-12", dt.date(2025, 1, 12)),
        ("2025-01-12T23:30:00-05:00", dt.date(2025, 1, 12)),  # the date as written, not moved to UTC
        ("2016/12/08", dt.date(2016, 12, 8)),
        ("Dec 8, 2016", dt.date(2016, 12, 8)),
        ("Thu, 08 Dec 2016 10:00:00 +0000", dt.date(2016, 12, 8)),
    ],
)
def test_dates_as_corpora_write_them(value: str, date: dt.date) -> None:
    assert parse_record({"text": "Body.", "date": value}, source="s").published == date


@pytest.mark.parametrize("value", ["yesterday", "last Tuesday", "2016", "soon", "", 20161208, ["2016-12-08"]])
def test_a_date_that_cannot_be_read_is_dropped_and_the_article_kept(value: object) -> None:
    [article] = parse_jsonl(json.dumps({"text": "Body kept.", "date": value}), source="s.jsonl")
    assert isinstance(article, Article) and article.body == "Body kept." and article.published is None


@pytest.mark.parametrize("text", ["", "\n\n", "   "])
def test_blank_jsonl_text_has_no_articles(text: str) -> None:
    assert list(parse_jsonl(text, source="s")) == []


DEEP = '{"text": "ok", "x": ' + "[" * 5000 + "]" * 5000 + "}"
LONG_NUMBER = '{"text": "ok", "n": 1' + "0" * 5000 + "}"


@pytest.mark.parametrize(("line", "reason"), [(DEEP, "nested too deeply"), (LONG_NUMBER, "a number longer than")])
def test_a_line_too_deep_or_long_for_json_loads_is_a_bad_line(line: str, reason: str) -> None:
    # json.loads raises RecursionError and a bare ValueError on these, not JSONDecodeError.
    items = list(parse_jsonl(_lines(GOOD, line, GOOD), source="f.jsonl"))
    assert [type(item).__name__ for item in items] == ["Article", "InputError", "Article"]
    assert isinstance(items[1], InputError) and items[1].code == "ND130" and reason in items[1].reason
    assert items[1].source == "f.jsonl:2"


@pytest.mark.parametrize("line", [DEEP, LONG_NUMBER])
def test_a_first_line_too_deep_or_long_still_makes_the_input_jsonl(line: str) -> None:
    items = list(parse_bytes(_lines(line, GOOD).encode(), source="export.json"))
    assert [type(item).__name__ for item in items] == ["InputError", "Article"]
    assert isinstance(items[0], InputError) and items[0].source == "export.json:1" and items[0].code == "ND130"


@pytest.mark.parametrize("record", [{"text": "Keywords: a, b"}, {"body": "Tags: x.", "title": "Head"}])
def test_a_record_of_only_a_keyword_trailer_is_refused_as_text_files_are(record: dict[str, str]) -> None:
    [error] = parse_jsonl(_lines(record), source="f.jsonl")
    assert isinstance(error, InputError) and error.code == "ND106" and error.source == "f.jsonl:1"
