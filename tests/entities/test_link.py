from __future__ import annotations

import pytest

from newsdesk.article import Article
from newsdesk.entities.kb import KnowledgeBase, content_words, normalize
from newsdesk.entities.link import Linker
from newsdesk.pipeline import Pipeline


def context(text: str, *names: str) -> set[str]:
    return set(content_words(text)) | {normalize(n) for n in names}


@pytest.mark.parametrize(
    ("name", "label", "text", "names", "expected"),
    [
        (
            "Georgia",
            "GPE",
            "Crowds filled the capital of the Caucasus republic.",
            ["Tbilisi"],
            "Q230",
        ),
        ("Georgia", "GPE", "The governor signed the bill, the state's lawmakers said.", ["Atlanta"], "Q1428"),
        ("Jordan", "GPE", "The kingdom hosts many refugees, officials said.", ["Amman"], "Q810"),
        ("Jordan", "PERSON", "He scored 38 points in the basketball final.", ["Chicago Bulls"], "Q41421"),
        ("Jordan", "GPE", "Jordan closed its border with Syria on Monday.", [], "Q810"),
    ],
)
def test_ambiguous_aliases_are_resolved_by_context(
    fixture_kb: KnowledgeBase, name: str, label: str, text: str, names: list[str], expected: str
) -> None:
    link = Linker(fixture_kb).link([name], label, context(text, *names))
    assert link is not None
    assert link.candidate.id == expected
    assert 0.5 <= link.confidence <= 1.0


def test_linker_abstains_without_enough_evidence(fixture_kb: KnowledgeBase) -> None:
    linker = Linker(fixture_kb, threshold=0.9)
    assert linker.link(["Georgia"], "GPE", set()) is None
    assert Linker(fixture_kb).link(["Nowhere Land"], "GPE", set()) is None


def test_linker_refuses_bad_options(fixture_kb: KnowledgeBase) -> None:
    with pytest.raises(ValueError):
        Linker(fixture_kb, threshold=1.5)


def test_pipeline_links_by_context(linked_pipeline: Pipeline) -> None:
    caucasus = Article.create(
        "Georgia's parliament met in Tbilisi on Monday. The Caucasus country borders Russia.",
        headline="Georgia votes",
    )
    us_state = Article.create(
        "Atlanta, the capital of Georgia, hosted the governors of the United States on Monday.",
    )
    basketball = Article.create("Michael Jordan led the Chicago Bulls to a sixth title. Jordan scored 45 points.")
    by_name = {}
    for analysis in linked_pipeline.pipe([caucasus, us_state, basketball]):
        by_name[analysis.id] = {e.name: e for e in analysis.entities}
    caucasus_georgia = by_name[caucasus.id]["Georgia"]
    assert caucasus_georgia.wikidata == "Q230" and caucasus_georgia.id == "Q230"
    assert {m.field for m in caucasus_georgia.mentions} == {"body", "headline"}
    assert by_name[us_state.id]["Georgia"].id == "Q1428"
    jordan = by_name[basketball.id]["Michael Jordan"]
    assert jordan.id == "Q41421" and jordan.label == "PERSON"
    assert [m.text for m in jordan.mentions] == ["Michael Jordan", "Jordan"]
