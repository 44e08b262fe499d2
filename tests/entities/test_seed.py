"""The issue's must-show list on the reference article, through the full pipeline (copy-edit included)."""

from __future__ import annotations

import re

import pytest

from newsdesk.article import Analysis, Entity
from newsdesk.ingest.text import parse_text
from newsdesk.pipeline import Pipeline


@pytest.fixture(scope="module")
def analysis(pipeline: Pipeline, seed_text: str) -> Analysis:
    return pipeline.analyze(parse_text(seed_text))


def by_name(analysis: Analysis) -> dict[str, Entity]:
    return {e.name: e for e in analysis.entities}


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Vladimir Putin", "PERSON"),
        ("Xi Jinping", "PERSON"),
        ("Kim Jong-un", "PERSON"),
        ("Robert Fico", "PERSON"),
        ("Gazprom", "ORG"),
        ("Beijing", "GPE"),
        ("China", "GPE"),
        ("Russia", "GPE"),
        ("Ukraine", "GPE"),
        ("North Korea", "GPE"),
        ("Slovakia", "GPE"),
        ("Moscow", "GPE"),
        ("Japan", "GPE"),
        ("United States", "GPE"),
        ("World War II", "EVENT"),
    ],
)
def test_seed_entities_and_labels(analysis: Analysis, name: str, label: str) -> None:
    assert by_name(analysis)[name].label == label


def test_druzhba_is_a_facility(analysis: Analysis) -> None:
    (druzhba,) = [e for e in analysis.entities if "Druzhba" in e.name]
    assert druzhba.label == "FAC"


def test_every_xi_and_putin_mention_is_grouped_under_the_full_name(analysis: Analysis) -> None:
    entities = by_name(analysis)
    for full, short in (("Vladimir Putin", "Putin"), ("Xi Jinping", "Xi")):
        body = [m for m in entities[full].mentions if m.field == "body"]
        assert len(body) == len(re.findall(rf"\b{short}\b", analysis.text))
        assert any(m.field == "headline" and m.text == short for m in entities[full].mentions)
        # No other entity claims a mention of the same person.
        assert not [e for e in analysis.entities if e.name != full and short in e.name.split()]
    assert entities["Vladimir Putin"].salience == max(e.salience for e in analysis.entities)


def test_headline_verbs_are_never_entities(analysis: Analysis) -> None:
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert "Signal" not in mention.text and "Sharpen" not in mention.text


def test_mentions_point_into_both_texts(analysis: Analysis) -> None:
    assert analysis.headline is not None
    for entity in analysis.entities:
        for m in entity.mentions:
            if m.field == "headline":
                assert analysis.headline[m.start : m.end] == m.text
            else:
                assert analysis.text[m.start : m.end] == m.text
                assert analysis.original[m.original_start : m.original_end].lower() == m.text.lower()


def test_ids_are_stable_across_articles(pipeline: Pipeline, analysis: Analysis) -> None:
    other = pipeline.analyze(parse_text("Putin meets Xi\nVladimir Putin met Xi Jinping in Moscow on Friday."))
    ids = {e.name: e.id for e in other.entities}
    assert ids["Vladimir Putin"] == by_name(analysis)["Vladimir Putin"].id
    assert ids["Xi Jinping"] == by_name(analysis)["Xi Jinping"].id
