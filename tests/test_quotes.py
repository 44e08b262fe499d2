"""Quotes: the seed article's quotes and speakers, odd quote marks, indirect speech, hedges."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Span as SpacySpan

import newsdesk.events
import newsdesk.quotes
from newsdesk.article import Analysis, Entity, Quote, QuoteKind
from newsdesk.ingest import parse_text
from newsdesk.nlp import make_span
from newsdesk.pipeline import Pipeline
from newsdesk.quotes import Resolver, extract_quotes, quote_spans, quoted_tokens

STAGES = ["newsdesk_quotes", "newsdesk_events"]
assert newsdesk.events  # registers newsdesk_events


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Analysis:
    article = parse_text(seed_text).model_copy(update={"published": dt.date(2025, 9, 2)})
    return Pipeline(stages=STAGES).analyze(article)


@pytest.fixture(scope="module")
def nlp(bare_nlp: Language) -> Language:
    return bare_nlp


def by_content(quotes: list[Quote], text: str) -> Quote:
    return next(q for q in quotes if q.content.text.strip(" ,.") == text)


def quotes_of(nlp: Language, text: str, *kinds: QuoteKind) -> list[Quote]:
    """The quotes of `kinds` that `extract_quotes` finds in `text`, in text order."""
    return [q for q in extract_quotes(nlp(text)) if q.kind in kinds]


@pytest.mark.parametrize(
    ("content", "speaker", "kind"),
    [
        ("We were always together then, and we remain together now", "Vladimir Putin", "direct"),
        ("strategic nature", "Vladimir Putin", "partial"),
        ("withstood the test of international changes", "Xi Jinping", "partial"),
        ("more just and reasonable", "Xi Jinping", "partial"),
        ("bullying behavior", "Xi Jinping", "partial"),
    ],
)
def test_seed_quotes(seed: Analysis, content: str, speaker: str, kind: str) -> None:
    quote = by_content(seed.quotes, content)
    assert quote.speaker == speaker
    assert quote.kind == kind
    assert quote.cue is not None
    assert seed.text[quote.content.start : quote.content.end] == quote.content.text


def test_seed_pronoun_and_hedge(seed: Analysis) -> None:
    together = by_content(seed.quotes, "We were always together then, and we remain together now")
    assert together.speaker_mention is not None and together.speaker_mention.text == "he"
    assert together.cue is not None and together.cue.text == "stated"
    assert by_content(seed.quotes, "bullying behavior").hedge == "reportedly"


def test_seed_indirect_speech(seed: Analysis) -> None:
    indirect = [q for q in seed.quotes if q.kind == "indirect"]
    cues = {q.cue.text: q for q in indirect if q.cue is not None}
    assert cues["defended"].speaker == "Vladimir Putin"
    assert cues["anticipate"].speaker == "South Korean officials"
    assert cues["anticipate"].content.text.startswith("Kim will hold bilateral talks")
    assert cues["suggested"].hedge == "reportedly"
    assert "no limits" not in {q.content.text for q in seed.quotes}  # a scare quote, not speech


def test_quote_spans_pairs_marks_across_paragraphs() -> None:
    text = "He said: “First part.\n\n“Second part,” he added. A “short” one."
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["First part.\n\n“Second part", "short"]


def test_quote_spans_reopened_in_run_together_paragraphs() -> None:
    # The same continuation with the paragraph break lost: the reopening mark starts a new quote.
    text = 'He said: "First part. "Second part," he added. “Third.” “Fourth'
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["First part.", "Second part", "Third.", "Fourth"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“",
        "”””“““ ” “",
        '"Unbalanced straight quote, he said.\n\nAnd "another" one "',
        "“Never closed " + "word " * 3000,
        "Mixed scripts: «Это тест», 他说 “你好” and ‘single’ marks.",
    ],
)
def test_odd_quote_marks_never_raise(nlp: Language, text: str) -> None:
    quotes = extract_quotes(nlp(text))
    for quote in quotes:
        assert quote.content.end <= len(text)


def test_direct_forms(nlp: Language) -> None:
    cases = {
        "“The economy is strong,” said John Smith, a spokesman for the Treasury.": "John Smith",
        "“We have no choice.” — Angela Merkel": "Angela Merkel",
        "The minister was blunt: “This deal is dead.”": "The minister",
    }
    for text, speaker in cases.items():
        quotes = quotes_of(nlp, text, "direct")
        assert quotes and quotes[0].speaker == speaker, text


def test_continuation_paragraph_keeps_speaker(nlp: Language) -> None:
    text = "“We will not sign it,” Angela Merkel told reporters.\n\n“Not now, not ever.”"
    assert [q.speaker for q in quotes_of(nlp, text, "direct")] == ["Angela Merkel", "Angela Merkel"]


def test_plain_nlp_without_article_or_entities(nlp: Language) -> None:
    doc = nlp("Officials believe the vote will fail, the mayor said.")
    assert doc._.article is None and doc._.entities is None
    quotes = extract_quotes(doc)
    assert any(q.kind == "indirect" and q.content.text.startswith("the vote will fail") for q in quotes)


def test_component_writes_extension(nlp: Language) -> None:
    component = newsdesk.quotes.make_quotes(nlp, "newsdesk_quotes", indirect=False)
    doc = component(nlp("“Yes,” she said."))
    assert [q.kind for q in doc._.quotes] == ["direct"]


def test_bad_option_is_a_value_error(nlp: Language) -> None:
    with pytest.raises(ValueError):
        newsdesk.quotes.extract_indirect_quotes(nlp("x"), classes=["gossip"])


def test_quoted_tokens_cached_per_doc(nlp: Language) -> None:
    doc = nlp("He said “no deal” today.")
    mask = quoted_tokens(doc)
    assert [t.text for t in doc if mask[t.i]] == ["no", "deal"]
    assert quoted_tokens(doc) is mask


def test_resolver_cache_follows_entities(nlp: Language) -> None:
    doc = nlp("Angela Merkel said he would come.")
    assert Resolver.of(doc) is not Resolver.of(doc)  # no entities yet: `doc.ents` may still change
    span = make_span(doc, 0, len("Angela Merkel"))
    doc._.entities = [Entity(id="Q1", name="Merkel", label="PERSON", mentions=[span], salience=1.0)]
    first = Resolver.of(doc)
    assert Resolver.of(doc) is first and first.resolve(doc[0])[:2] == ("Merkel", "Q1")
    # A new entity list (the entity stage run again) must not reuse the cached resolver.
    doc._.entities = [Entity(id="Q2", name="A. Merkel", label="PERSON", mentions=[span], salience=1.0)]
    assert Resolver.of(doc).resolve(doc[0])[:2] == ("A. Merkel", "Q2")


def test_pronoun_takes_the_main_clause_subject_of_its_gender(nlp: Language) -> None:
    text = (
        "Mr Adams said she would win, as Ms Brown believed. “It is quite true,” he argued.\n\n"
        "Home Office minister Fiona Smith said she hoped Mr Adams would stay. “I work with him,” she said."
    )
    speakers = [q.speaker for q in quotes_of(nlp, text, "direct")]
    assert speakers == ["Mr Adams", "Fiona Smith"]


def test_verb_after_quote_and_spokesperson_phrase(nlp: Language) -> None:
    text = "“You can call it a peace dividend,” smiles one broker. “We are sure,” a BaFin spokeswoman said."
    quotes = quotes_of(nlp, text, "direct")
    assert [q.speaker for q in quotes] == ["one broker", "a BaFin spokeswoman"]


def test_definite_role_noun_refers_back_to_the_person(nlp: Language) -> None:
    text = "Real Madrid midfielder David Beckham has no plans.\n\n“I am not interested,” the England captain said."
    [quote] = quotes_of(nlp, text, "direct")
    assert quote.speaker == "David Beckham"
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "the England captain"


def test_surname_the_model_mislabels_is_the_person(nlp: Language) -> None:
    text = "Games maker Peter Molyneux was made an OBE. Mr Molyneux said it was a surprise. “I never guessed,” he said."
    [quote] = quotes_of(nlp, text, "direct")
    assert quote.speaker == "Peter Molyneux"


def test_organisation_it_takes_the_previous_speaker(nlp: Language) -> None:
    text = "“Profits will rise,” the company said in a statement. “Costs will fall,” it added."
    assert [q.speaker for q in quotes_of(nlp, text, "direct")] == ["the company", "the company"]


def test_only_quoting_verbs_attribute_a_quote_beside_them(nlp: Language) -> None:
    text = "“It was a great night,” DiCaprio said. “I have done a few films.” A retrospective was shown."
    speakers = [q.speaker for q in quotes_of(nlp, text, "direct")]
    assert speakers == ["DiCaprio", "DiCaprio"]


def test_words_inside_the_quote_are_never_its_speaker(nlp: Language) -> None:
    text = "“My reaction, that was outrageous,” Obama's former campaign strategist said in an interview."
    [quote] = quotes_of(nlp, text, "direct")
    assert quote.speaker == "Obama's former campaign strategist"


def test_cue_stays_in_the_quotes_paragraph(nlp: Language) -> None:
    text = (
        "“It was outrageous,” Axelrod said. “He really should apologise.”\n\n"
        "Dean, a former chairman, poked at Trump, tweeting, “Notice Trump sniffing.”"
    )
    speakers = [q.speaker for q in quotes_of(nlp, text, "direct")]
    assert speakers[:2] == ["Axelrod", "Axelrod"]


def test_an_office_is_its_titled_holder_not_the_last_subject(nlp: Language) -> None:
    text = (
        "President Barack Obama answered questions on Wednesday. Tina Houchins had a question for the president.\n\n"
        "“The truth is that this issue was manufactured,” the president said."
    )
    [quote] = quotes_of(nlp, text, "direct")
    assert quote.speaker == "Barack Obama"


def test_speaker_of_a_cue_after_a_preposition(nlp: Language) -> None:
    text = "President Barack Obama responded by saying the issue was “manufactured” by his critics."
    [quote] = quotes_of(nlp, text, "partial")
    assert quote.speaker == "Barack Obama"


def test_subjectless_cue_takes_the_noun_before_an_apposition(nlp: Language) -> None:
    text = (
        "In a panel discussion this weekend in Washington, Marc H. Morial, the chief executive of the National "
        "Urban League, forcefully told a young woman that “this is not the first generation to be frustrated.”"
    )
    [quote] = quotes_of(nlp, text, "direct", "partial")
    assert quote.speaker == "Marc H. Morial"


def test_pronoun_chain_and_first_name_gender(nlp: Language) -> None:
    text = (
        "Campaign spokesman Jason Miller told the Post that the plan covers single mothers. However, he could "
        "not explain why Ivanka Trump mentioned a marriage rule.\n\n“We don't have the exact legislation,” he said."
        "\n\nChris Christie called Hillary Clinton a disgrace after she blamed police for “implicit bias” last week."
    )
    quotes = extract_quotes(nlp(text))
    assert by_content(quotes, "We don't have the exact legislation").speaker == "Jason Miller"
    assert by_content(quotes, "implicit bias").speaker == "Hillary Clinton"


def test_short_name_prefers_the_full_name_it_ends(nlp: Language) -> None:
    doc = nlp("Obama Speech aired. Barack Obama spoke. Obama said so.")
    doc.ents = [
        SpacySpan(doc, 0, 2, label="PERSON"),
        SpacySpan(doc, 4, 6, label="PERSON"),
        SpacySpan(doc, 8, 9, label="PERSON"),
    ]
    mention = Resolver(doc).mention_at(doc[8])
    assert mention is not None and mention.name == "Barack Obama"


def test_participle_after_a_scare_quote_is_no_cue(nlp: Language) -> None:
    quotes = quotes_of(nlp, "Its “reforms,” boosting growth across the region, took hold.", "direct", "partial")
    assert not [q for q in quotes if q.speaker == "growth"]


def test_according_to_reads_only_its_own_paragraph(nlp: Language) -> None:
    text = (
        "The mayor described the budget as “a promise kept to every family.”\n\n"
        "Under the new budget, the city will hire 200 more teachers, according to a council report."
    )
    quotes = extract_quotes(nlp(text))
    assert [(q.kind, q.content.text, q.speaker) for q in quotes] == [
        ("direct", "a promise kept to every family.", "The mayor"),
        ("indirect", "Under the new budget, the city will hire 200 more teachers", "a council report"),
    ]


def test_indirect_speech_reads_only_its_own_paragraph(nlp: Language) -> None:
    # The next paragraph has no reporting verb: it is the reporter's, not the critics'.
    text = (
        "Critics denounced the reform as “a gift to landlords.”\n\n"
        "Under the reform, rents will rise by 4 percent a year in most cities."
    )
    quotes = extract_quotes(nlp(text))
    assert [(q.kind, q.content.text, q.speaker) for q in quotes] == [("partial", "a gift to landlords", "Critics")]
