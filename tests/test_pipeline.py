import datetime as dt

import pytest

import newsdesk
from newsdesk.article import Analysis
from newsdesk.ingest import parse_text
from newsdesk.pipeline import Pipeline, analyze


def test_seed_parses_and_round_trips(pipeline: Pipeline, seed_text: str) -> None:
    analysis = pipeline.analyze(parse_text(seed_text, source="seed.txt"))
    assert analysis.headline == "Putin and Xi Signal Deeper Ties in Beijing, Sharpen Criticism of the West"
    assert analysis.dateline == "Beijing, China"
    assert len(analysis.source_keywords) == 17
    assert "Keywords:" not in analysis.original
    assert analysis.original.startswith("Russian President Vladimir Putin")
    assert analysis.original.count("\n\n") == 7
    assert Analysis.model_validate_json(analysis.model_dump_json()) == analysis


def test_corrected_spans_map_to_original(pipeline: Pipeline, seed_text: str) -> None:
    analysis = pipeline.analyze(parse_text(seed_text))
    for entity in analysis.entities:
        for m in entity.mentions:
            if m.field == "body":
                assert analysis.text[m.start : m.end] == m.text
                assert analysis.original[m.original_start : m.original_end].lower() == m.text.lower()


def test_analyze_text_api_with_date() -> None:
    result = newsdesk.analyze("Headline here\nPARIS (AFP) - France said so on Tuesday.", published=dt.date(2025, 9, 2))
    assert result.published == dt.date(2025, 9, 2)
    assert result.dateline == "Paris"
    assert result.text.startswith("France said")


def test_pipe_keeps_order_and_count(pipeline: Pipeline) -> None:
    texts = [f"Story {i}\nBody number {i} is here." for i in range(5)]
    results = list(pipeline.pipe(parse_text(t) for t in texts))
    assert [r.headline for r in results] == [f"Story {i}" for i in range(5)]


def test_empty_body_does_not_crash(pipeline: Pipeline) -> None:
    assert analyze("Only a headline").text == "Only a headline"


def test_a_wrong_house_option_is_refused_before_the_model_loads() -> None:
    with pytest.raises(ValueError, match="HouseNames"):
        Pipeline(house="names.tsv")  # type: ignore[arg-type]
