"""The newsdesk pipeline: a copy-edit pre-pass, then one spaCy pipeline, then one `Analysis`.

    Article ──copyedit──▶ corrected text + edits + OffsetMap
            ──spaCy────▶ Doc (model components, with `newsdesk_paragraphs` before the parser so that a paragraph
                              break ends a sentence, then the newsdesk components named in STAGES)
            ──build────▶ Analysis

Copy-editing runs before the model because it changes the text (a `Doc`'s text is immutable) and
because casing noise is what breaks NER. Every later stage reports spans in the corrected text;
`newsdesk.nlp.make_span` locates them in the original through the OffsetMap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsdesk import entities, events, keywords, quotes  # noqa: F401  (registers the components)
from newsdesk.article import TRAILER_SEPARATOR, Analysis, Article, Edit
from newsdesk.copyedit import HouseOption, copyedit_article
from newsdesk.copyedit.house import lexicon_for
from newsdesk.copyedit.offsets import apply_edits
from newsdesk.ingest import MAX_BODY_CHARS, check_length
from newsdesk.ingest.text import parse_text
from newsdesk.nlp import DEFAULT_MODEL, doc_text, load_model

#: newsdesk components run after the model, in this order. Each is a registered spaCy factory
#: (importing its module registers it).
STAGES: tuple[str, ...] = (*entities.STAGES, "newsdesk_keywords", "newsdesk_quotes", "newsdesk_events")

#: The most tokens of one body the model analyses. `MAX_BODY_CHARS` bounds characters, but the model's memory grows
#: with tokens: a 985,000-character article (about 190,000 tokens) took 3.3 GB, and `I ` x 499,000 (a million tokens,
#: under the character limit) 8.3 GB. 150,000 tokens keep one article under about 2.5 GB and are some 750,000
#: characters of prose (five characters a token), far longer than any news story.
MAX_TOKENS = 150_000


class Pipeline:
    """Analyse articles. Build once per process and reuse: loading the model dominates start-up."""

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        copyedit: bool = True,
        stages: Iterable[str] = STAGES,
        config: Mapping[str, Mapping[str, Any]] | None = None,
        house: HouseOption = "bundled",
        max_tokens: int = MAX_TOKENS,
    ) -> None:
        """`config` overrides components' settings by pipe name, e.g. `{"newsdesk_keywords": {"top_n": 10}}`;
        `house` is the copy desk's house names: the bundled table, a newsroom's own (`learn_house_names`) or None;
        a body of more than `max_tokens` tokens is refused (`prepare`)."""
        lexicon_for(house)  # a wrong `house` is refused here, not at the first article
        self.nlp: Language = load_model(model)
        # Room for the spaces the copy desk inserts; longer bodies are refused by `check_length`.
        self.nlp.max_length = 2 * MAX_BODY_CHARS
        self.max_tokens = max_tokens
        self.copyedit = copyedit
        self.house = house
        config = config or {}
        for name in stages:
            self.nlp.add_pipe(name, config=dict(config.get(name, {})))

    @property
    def stages(self) -> list[str]:
        return (["newsdesk_copyedit"] if self.copyedit else []) + list(self.nlp.pipe_names)

    def prepare(self, article: Article) -> Doc:
        """The copy-edit pre-pass: a Doc of the corrected body, not yet run through any component.

        Raises InputError (ND107) for a body longer than `MAX_BODY_CHARS`, or of more than `max_tokens` tokens.
        """
        check_length(article)
        edits: list[Edit] = copyedit_article(article, house=self.house) if self.copyedit else []
        text, offsets = apply_edits(article.body, edits)
        doc = self.nlp.make_doc(text)
        # Counted on the tokenizer's Doc, before any model component allocates for it.
        check_length(article, len(doc), unit="tokens", limit=self.max_tokens)
        doc._.article = article
        doc._.offsets = offsets
        doc._.edits = edits
        return doc

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Analysis]:
        """Analyse a stream of articles, batched through spaCy's `nlp.pipe` (the hot path)."""
        docs = (self.prepare(article) for article in articles)
        for doc in self.nlp.pipe(docs, batch_size=batch_size):
            yield self.build(doc)

    def analyze(self, article: Article) -> Analysis:
        return next(self.pipe([article]))

    def build(self, doc: Doc) -> Analysis:
        """Collect what the components wrote on `doc` into one Analysis."""
        article: Article = doc._.article
        edits: list[Edit] = doc._.edits or []
        return Analysis(
            id=article.id,
            source=article.source,
            headline=article.headline,
            dateline=article.dateline,
            dateline_text=article.dateline_text,
            agency=article.agency,
            published=article.published,
            language=article.language,
            source_keywords=corrected_keywords(article, edits),
            text=doc_text(doc),
            original=article.body,
            edits=edits,
            entities=doc._.entities or [],
            keywords=doc._.keywords or [],
            quotes=doc._.quotes or [],
            events=doc._.events or [],
            warnings=doc._.notices or [],
            stages=self.stages,
        )


def corrected_keywords(article: Article, edits: list[Edit]) -> list[str]:
    """The article's keyword trailer with the copy desk's `field="keywords"` edits applied."""
    trailer, _ = apply_edits(article.trailer, edits, field="keywords")
    return trailer.split(TRAILER_SEPARATOR) if trailer else []


def corrected_article(article: Article, edits: list[Edit]) -> Article:
    """The article with the copy desk's edits applied to its body and its keyword trailer."""
    body, _ = apply_edits(article.body, edits)
    return article.model_copy(update={"body": body, "source_keywords": corrected_keywords(article, edits)})


@lru_cache(maxsize=4)
def get_pipeline(*, model: str = DEFAULT_MODEL, copyedit: bool = True) -> Pipeline:
    """The shared pipeline for these options, built on first use."""
    return Pipeline(model=model, copyedit=copyedit)


def analyze(
    text: str,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    copyedit: bool = True,
) -> Analysis:
    """Analyse one article given as wire-story text (headline line, body, optional trailer)."""
    article = parse_text(text, source=source, published=published)
    return get_pipeline(copyedit=copyedit).analyze(article)
