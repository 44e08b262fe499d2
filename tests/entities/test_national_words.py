"""A country or nationality inside a name the model reads as a person's stays the place (real model)."""

from __future__ import annotations

from newsdesk.article import Analysis, Article, Entity
from newsdesk.pipeline import Pipeline


def by_name(analysis: Analysis) -> dict[str, Entity]:
    return {e.name: e for e in analysis.entities}


def test_a_country_ending_a_person_name_is_no_surname_of_it(pipeline: Pipeline) -> None:
    body = (
        "Swedish Energy Minister Ebba Lindqvist and her Finnish counterpart signed a deal in Stockholm on Monday "
        "to study a power cable under the Baltic Sea.\n\n"
        "Sweden will remain a reliable partner, Lindqvist said.\n\n"
        "Environmental groups criticised the deal. “Every new cable delays the real work,” said Maja Berg, head "
        "of Greenpeace Sweden.\n\n"
        "The agreement follows a dry winter in which Sweden became Finland's largest supplier."
    )
    entities = by_name(pipeline.analyze(Article.create(body, headline="Sweden and Finland Agree Power Cable Study")))
    sweden = entities["Sweden"]
    assert sweden.label == "GPE"
    assert [(m.field, m.text) for m in sweden.mentions] == [("body", "Sweden")] * 2 + [("headline", "Sweden")]
    people = [e for e in entities.values() if e.label == "PERSON"]
    assert not [m for e in people for m in e.mentions if m.text == "Sweden"]
    # A real surname still joins its person.
    assert [m.text for m in entities["Ebba Lindqvist"].mentions] == ["Ebba Lindqvist", "Lindqvist"]


def test_the_headline_country_is_not_a_persons_short_name(pipeline: Pipeline) -> None:
    body = (
        "The government approved a power cable under the Baltic Sea on Monday.\n\n"
        "“Every new cable delays the real work,” said Maja Berg, head of Greenpeace Sweden."
    )
    entities = by_name(pipeline.analyze(Article.create(body, headline="Sweden Approves Baltic Power Cable")))
    assert entities["Sweden"].label == "GPE"
    assert [(m.field, m.text) for m in entities["Sweden"].mentions] == [("headline", "Sweden")]
    assert all(m.field == "body" for e in entities.values() if e.label == "PERSON" for m in e.mentions)
