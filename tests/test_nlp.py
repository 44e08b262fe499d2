"""Model loading, tested on the real model package (never mocked)."""

import pickle
from pathlib import Path

import pytest
import spacy

from newsdesk.errors import ModelError
from newsdesk.nlp import DEFAULT_MODEL, MAX_RUN_CHARS, LongRunTokenizer, check_model, load_model

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


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


def _tokens(doc: spacy.tokens.Doc) -> list[tuple[str, str, str]]:
    return [(token.text, token.whitespace_, token.norm_) for token in doc]


#: Prose the wrapper must leave to spaCy untouched: URLs, hyphens, quote marks, contractions, white space.
PROSE = [
    "See https://www.example.com/news/2024/09/03/putin-xi.html?ref=home (in Russian), or www.kremlin.ru.",
    "The Russia-China “no-limits” partnership isn't new -- it's 'strategic' — said Xi's aide, e-mail: a@b.org.",
    "  Two  spaces,\ttabs,\n\nblank lines and a trailing space… ",
    "He said: \"We were always together then,and we remain together now,\" he stated,highlighting it.",
]


def test_prose_is_tokenized_exactly_as_spacy_does(bare_nlp: spacy.language.Language) -> None:
    wrapper = bare_nlp.tokenizer
    assert isinstance(wrapper, LongRunTokenizer)
    examples = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    assert examples
    for text in [*examples, *PROSE]:
        assert _tokens(wrapper(text)) == _tokens(wrapper.tokenizer(text))


LONG_RUNS = ["=" * 15000, "!" * 6000, "&lt;" * 2000, "😀" * 500, "=" * (MAX_RUN_CHARS + 1)]


@pytest.mark.parametrize("run", LONG_RUNS, ids=lambda run: f"{run[:4]}x{len(run)}")
@pytest.mark.parametrize(
    "template",
    [
        "{run}",
        "{run} Putin met Xi.",
        "Putin met Xi.  {run}",
        "Putin didn't go.\n{run}\n\nXi did.",
        "  {run}   isn't {run}\t{run} ",
        "\n{run}.\n",
    ],
)
def test_a_long_run_without_white_space_is_one_token(
    bare_nlp: spacy.language.Language, template: str, run: str
) -> None:
    # spaCy alone takes a minute on `=` x 15,000 (its time is cubic in a run's length), 4 s on `!` x 6,000.
    wrapper = bare_nlp.tokenizer
    assert isinstance(wrapper, LongRunTokenizer)
    text = template.format(run=run)
    doc = wrapper(text)
    assert doc.text == text
    # Everything else is tokenized as spaCy does when a short word stands in for the run.
    chunk = run + "." if "{run}." in template else run
    assert chunk in [token.text for token in doc]
    expected = _tokens(wrapper.tokenizer(text.replace(chunk, "x")))
    assert [("x", ws, "x") if word == chunk else (word, ws, norm) for word, ws, norm in _tokens(doc)] == expected


def test_the_wrapped_tokenizer_pickles_serialises_and_pipes(bare_nlp: spacy.language.Language) -> None:
    wrapper = bare_nlp.tokenizer
    assert isinstance(wrapper, LongRunTokenizer)
    text = "Putin met Xi. " + "=" * 500 + " They talked."
    copy = pickle.loads(pickle.dumps(wrapper))
    assert isinstance(copy, LongRunTokenizer)
    assert _tokens(copy(text)) == _tokens(wrapper(text))
    # `nlp.to_bytes()` and `to_disk` save the wrapped tokenizer, so a saved model is a plain spaCy one.
    assert wrapper.to_bytes(exclude=["vocab"]) == wrapper.tokenizer.to_bytes(exclude=["vocab"])
    assert [doc.text for doc in bare_nlp.pipe([text, "Xi answered."])] == [text, "Xi answered."]
    assert [doc.text for doc in wrapper.pipe([text])] == [text]
