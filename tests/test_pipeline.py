import datetime as dt

import pytest

import newsdesk
from newsdesk.article import Analysis
from newsdesk.errors import HINTS, InputError
from newsdesk.ingest import parse_text
from newsdesk.pipeline import MAX_TOKENS, Pipeline, analyze


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


def test_a_line_of_symbols_is_analysed_in_time_and_kept(pipeline: Pipeline, seed_text: str) -> None:
    # spaCy's tokenizer alone took a minute on this line (`newsdesk analyze` 64 s on the story); now well under 1 s.
    rule = "=" * 15000
    headline, dateline_line, rest = seed_text.split("\n", 2)
    analysis = pipeline.analyze(parse_text(f"{headline}\n{dateline_line}\n{rule}\n{rest}"))
    assert rule in analysis.original
    assert rule in analysis.text
    assert "Vladimir Putin" in {entity.name for entity in analysis.entities}


def test_a_body_of_too_many_tokens_is_refused_before_the_model(
    pipeline: Pipeline, seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = parse_text(seed_text, source="seed.txt")
    assert pipeline.max_tokens == MAX_TOKENS
    monkeypatch.setattr(pipeline, "max_tokens", 100)  # the seed body is some 550 tokens
    with pytest.raises(InputError) as info:
        pipeline.analyze(article)
    assert info.value.code == "ND107"
    assert info.value.hint == HINTS["ND107"] == "Split it into articles."
    assert str(info.value).startswith("seed.txt: [ND107] body of ")
    assert "tokens is longer than the limit of 100" in str(info.value)
    assert pipeline.analyze(parse_text("Putin met Xi in Beijing.")).text == "Putin met Xi in Beijing."


def test_a_lone_surrogate_is_replaced_not_a_traceback() -> None:
    analysis = newsdesk.analyze("Putin \ud800 met Xi.")
    assert analysis.original == analysis.text == "Putin \ufffd met Xi."
    # What `newsdesk analyze` writes: UTF-8 JSON that reads back the same.
    assert Analysis.model_validate_json(analysis.model_dump_json().encode("utf-8")) == analysis
