import datetime as dt

import pytest
from pydantic import ValidationError

from newsdesk.article import Analysis, Article, Edit, content_id


def test_content_id_ignores_whitespace_layout() -> None:
    assert content_id("A  b\r\nc") == content_id("A b\nc")
    assert content_id("A b c") != content_id("A b d")
    assert len(content_id("x")) == 16


def test_article_json_round_trip() -> None:
    article = Article.create(
        "First paragraph.\n\nSecond one.",
        headline="Head",
        dateline="Paris, France",
        published=dt.date(2025, 1, 2),
        source_keywords=["France"],
        source="a.txt",
    )
    assert article.paragraphs == ["First paragraph.", "Second one."]
    again = Article.model_validate_json(article.model_dump_json())
    assert again == article


def test_models_are_immutable_and_strict() -> None:
    article = Article.create("Body.")
    with pytest.raises(ValidationError):
        article.body = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Edit(start=0, end=1, before="a", after="A", rule="no.such.rule", confidence=1.0, explanation="")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Edit(start=0, end=1, before="a", after="A", rule="spelling", confidence=1.5, explanation="")


def test_analysis_round_trip_minimal() -> None:
    analysis = Analysis(
        id="x", source=None, headline=None, dateline=None, published=None, source_keywords=[], text="t", original="t"
    )
    assert Analysis.model_validate_json(analysis.model_dump_json()) == analysis


def test_name_and_value_labels_partition_the_entity_labels() -> None:
    from typing import get_args

    from newsdesk.article import NAME_LABELS, VALUE_LABELS, EntityLabel

    assert NAME_LABELS.isdisjoint(VALUE_LABELS)
    assert NAME_LABELS | VALUE_LABELS | {"LANGUAGE"} == set(get_args(EntityLabel))


def test_surrogates_become_replacement_characters_in_place() -> None:
    # A JSON `"\ud800"` decodes to a lone surrogate, which UTF-8 cannot hold: it used to crash `content_id`.
    article = Article.create(
        "Putin \ud800 met Xi.\n\nThey \udc00\ud83d talked.",
        headline="Summit \udfff",
        source_keywords=["Xi \ud800"],
        authors=["\ud800 Staff"],
    )
    assert article.body == "Putin \ufffd met Xi.\n\nThey \ufffd\ufffd talked."
    assert article.headline == "Summit \ufffd"
    assert article.source_keywords == ["Xi \ufffd"]
    assert article.authors == ["\ufffd Staff"]
    assert article.id == content_id(f"{article.headline}\n{article.body}")
    assert Article.model_validate_json(article.model_dump_json().encode("utf-8")) == article
    # Built directly too; text without surrogates, astral characters included, is left as it is.
    assert Article(id="x", body="a \udc00 b").body == "a \ufffd b"
    assert Article(id="x", body="Xi 😀 é").body == "Xi 😀 é"
