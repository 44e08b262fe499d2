"""Model loading, tested on the real model package (never mocked)."""

import pytest
import spacy

from newsdesk.errors import ModelError
from newsdesk.nlp import DEFAULT_MODEL, check_model, load_model


def test_default_model_loads_and_is_compatible() -> None:
    nlp = load_model(DEFAULT_MODEL)
    assert nlp.meta["version"].startswith("3.8.")
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)
    doc = nlp("Vladimir Putin met Xi Jinping in Beijing.")
    assert any(ent.label_ == "PERSON" for ent in doc.ents)


def test_missing_model_package_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="not installed") as info:
        load_model("no_such_model_package")
    assert info.value.code == "ND001"


def test_incompatible_model_is_refused() -> None:
    with pytest.raises(ModelError, match="en_core_web_sm-compatible"):
        check_model(spacy.blank("en"), "blank")


def test_place_name_abbreviations_do_not_end_a_sentence(bare_nlp: spacy.language.Language) -> None:
    doc = bare_nlp("Workers at plants in Hamilton and Sault Ste. Marie were told. Others went to Ft. Worth.")
    assert [s.text for s in doc.sents] == [
        "Workers at plants in Hamilton and Sault Ste. Marie were told.",
        "Others went to Ft. Worth.",
    ]


def test_a_paragraph_break_always_ends_a_sentence(bare_nlp: spacy.language.Language) -> None:
    # The parser alone reads this as one sentence, over the blank line after the closing quote mark.
    text = (
        "The mayor described the budget as “a promise kept to every family.”\n\n"
        "Under the new budget, the city will hire 200 more teachers, according to a council report."
    )
    names = bare_nlp.pipe_names
    assert names.index("newsdesk_paragraphs") < names.index("parser")
    assert [s.text.strip() for s in bare_nlp(text).sents] == [paragraph.strip() for paragraph in text.split("\n\n")]
