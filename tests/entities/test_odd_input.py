"""Odd input must neither crash nor hang: empty text, no article, unbalanced quotes, long lines, mixed scripts."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import newsdesk.entities
from newsdesk.article import Article
from newsdesk.entities.component import strip_title
from newsdesk.errors import KBError
from newsdesk.nlp import load_model
from newsdesk.pipeline import Pipeline


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "“Unbalanced quote from President Xi in Beijing",
        "Москва и Пекин: Putin met Xi Jinping in 北京 on Monday.",
        "russia china ukraine japan " * 2000,
        "The The The the of of of , , , ...",
        "A" * 5000,
        "Scorers : Smith 52 , A.",  # a name of one initial, the text's last token
    ],
)
def test_plain_nlp_without_article(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert isinstance(doc._.entities, list)
    for entity in doc._.entities:
        assert 0.0 <= entity.salience <= 1.0
        assert all(m.field == "body" for m in entity.mentions)


def test_lower_case_names_are_found_when_they_are_no_words(nlp: Language) -> None:
    doc = nlp("officials in slovakia and ukraine met on monday.")
    assert {e.name: e.label for e in doc._.entities}.items() >= {"Slovakia": "GPE", "Ukraine": "GPE"}.items()


def test_lower_case_english_words_are_not_places(nlp: Language) -> None:
    doc = nlp("She bought fine china and a turkey for us.")
    assert not [e for e in doc._.entities if e.label in ("GPE", "LOC")]


def test_headline_only_article(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(Article.create("", headline="Russia and China Sign Deal"))
    names = {e.name for e in analysis.entities}
    assert {"Russia", "China"} <= names
    assert all(m.field == "headline" for e in analysis.entities for m in e.mentions)


def test_titles_are_stripped_but_never_the_whole_name() -> None:
    assert strip_title(["Prime", "Minister", "Robert", "Fico"]) == 2
    assert strip_title(["President", "Xi"]) == 1
    assert strip_title(["President"]) == 0


def test_component_options_are_checked() -> None:
    nlp = load_model()
    with pytest.raises(ValueError):
        nlp.add_pipe("newsdesk_gazetteer", config={"min_prior": 2.0})


def test_a_names_file_overrides_the_model(tmp_path: Path) -> None:
    names = tmp_path / "names.tsv"
    names.write_text("# newsroom list\nLeicestershire\tORG\nbad line without label\n", encoding="utf-8")
    nlp = newsdesk.entities.add_pipes(load_model(), names=str(names))
    doc = nlp("Leicestershire beat Surrey by five wickets on Friday.")
    assert {e.name: e.label for e in doc._.entities}["Leicestershire"] == "ORG"
    with pytest.raises(KBError) as missing:  # also a ValueError, as before it had a code
        newsdesk.entities.add_pipes(load_model(), names=str(tmp_path / "missing.tsv"))
    assert missing.value.code == "ND154" and isinstance(missing.value, ValueError)
    latin = tmp_path / "latin.tsv"
    latin.write_bytes("Zürich\tGPE\n".encode("latin-1"))
    with pytest.raises(KBError, match="UTF-8"):
        newsdesk.entities.add_pipes(load_model(), names=str(latin))
