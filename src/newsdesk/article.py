"""The data model: one immutable `Article` in, one `Analysis` out.

Every stage reports into these types, and every output (CLI JSON, the store, batch export) serialises
the same `Analysis`. The JSON Schema in `schema/analysis.schema.json` is generated from them
(`newsdesk schema`), never written by hand.

Offsets: `start`/`end` are character offsets into the *corrected* body (`Analysis.text`);
`original_start`/`original_end` point into the *original* body (`Analysis.original`). Both bodies
have paragraphs separated by one blank line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "1"

PARAGRAPH_SEPARATOR = "\n\n"
#: How the keyword trailer is printed; `Edit` offsets with `field="keywords"` index into this form.
TRAILER_SEPARATOR = ", "


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


#: A UTF-16 surrogate code point: a Python string can hold one (from `"\ud800"` in JSON, or `surrogateescape`
#: decoding), but no UTF-8 text, and so no JSON output, can.
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """`text` with each surrogate code point replaced by U+FFFD: the same length, so the same offsets."""
    return _SURROGATE.sub("\ufffd", text)


def content_id(text: str) -> str:
    """A stable id for a text: SHA-256 of its NFC form with white space folded, first 16 hex digits.

    Folding white space makes the id survive re-wrapping and CRLF/LF changes of the same copy. A surrogate counts
    as U+FFFD, as in `Article`.
    """
    normal = " ".join(unicodedata.normalize("NFC", replace_surrogates(text)).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


class Article(_Model):
    """A news article as it arrived, before any change. Immutable.

    The one exception: a surrogate code point (U+D800 to U+DFFF, which no UTF-8 text holds; a JSON `"\\ud800"`
    decodes to one) in any text field becomes U+FFFD, the replacement character, so that the article can be hashed,
    analysed and written out. One character for one, so every other character keeps its offset in the body as given.
    """

    id: str = Field(description="Stable content id: hash of the normalised original (see `content_id`).")
    source: str | None = Field(default=None, description="File path or URL the article came from.")
    headline: str | None = None
    dateline: str | None = Field(default=None, description="Place of the dateline, e.g. 'Beijing, China'.")
    dateline_text: str | None = Field(
        default=None, description="The dateline as the copy wrote it, e.g. 'TORONTO, Feb. 23, 2026 (Reuters) -'."
    )
    agency: str | None = Field(default=None, description="The news agency the dateline credits, e.g. 'Reuters'.")
    published: dt.date | None = Field(default=None, description="Publication date, if known.")
    body: str = Field(description="Body text, paragraphs separated by one blank line; no dateline, no trailer.")
    source_keywords: list[str] = Field(default_factory=list, description="The article's own keyword trailer.")
    authors: list[str] = Field(default_factory=list)
    language: str = "en"

    @field_validator("*", mode="before")  # every text field, those added later too
    @classmethod
    def _replace_surrogates(cls, value: object) -> object:
        if isinstance(value, str):
            return replace_surrogates(value)
        if isinstance(value, list):
            return [replace_surrogates(item) if isinstance(item, str) else item for item in value]
        return value  # None, or a wrong type for pydantic to refuse

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split(PARAGRAPH_SEPARATOR) if p.strip()]

    @property
    def trailer(self) -> str:
        """The source keywords as one string, the form keyword-trailer edits index into."""
        return TRAILER_SEPARATOR.join(self.source_keywords)

    @classmethod
    def create(
        cls,
        body: str,
        *,
        headline: str | None = None,
        dateline: str | None = None,
        dateline_text: str | None = None,
        agency: str | None = None,
        published: dt.date | None = None,
        source_keywords: list[str] | None = None,
        source: str | None = None,
        authors: list[str] | None = None,
        language: str = "en",
    ) -> Article:
        """Build an article, computing its content id from headline and body."""
        return cls(
            id=content_id(f"{headline or ''}\n{body}"),
            source=source,
            headline=headline,
            dateline=dateline,
            dateline_text=dateline_text,
            agency=agency,
            published=published,
            body=body,
            source_keywords=list(source_keywords or []),
            authors=list(authors or []),
            language=language,
        )


Field_ = Literal["body", "headline", "keywords"]


class Span(_Model):
    """A stretch of text, located in the corrected body and in the original one."""

    text: str
    start: int
    end: int
    original_start: int
    original_end: int
    field: Field_ = Field(
        default="body", description="Where the span lies: the body, the headline or the keyword trailer."
    )


EditRule = Literal[
    "case.sentence_start",
    "case.proper_noun",
    "space.after_punct",
    "spelling",
]


class Edit(_Model):
    """One change the copy desk made, with its reason. Offsets are into the original `field`.

    For `field="keywords"`, `start`/`end` index into `Article.trailer` (the keywords joined by ", ").
    """

    start: int
    end: int
    before: str
    after: str
    rule: EditRule
    confidence: float = Field(ge=0.0, le=1.0)
    explanation: str
    field: Field_ = "body"


EntityLabel = Literal[
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
    "LANGUAGE",
    "DATE",
    "TIME",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "CARDINAL",
    "ORDINAL",
]


class Entity(_Model):
    """One real-world thing, with every mention of it in the article."""

    id: str = Field(description="Wikidata QID when linked, else a stable newsdesk id from name and type.")
    name: str = Field(description="Canonical name, e.g. 'Xi Jinping' for mentions 'Xi' and 'President Xi'.")
    label: EntityLabel
    mentions: list[Span]
    salience: float = Field(ge=0.0, le=1.0)
    wikidata: str | None = Field(default=None, description="Wikidata QID, when the knowledge base links it.")
    description: str | None = None
    link_confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    country: str | None = Field(default=None, description="For nationalities and places: the country's canonical name.")


#: Labels of things with a name; the others are values (dates, amounts, counts).
NAME_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
VALUE_LABELS: frozenset[str] = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})

KeywordKind = Literal["person", "organisation", "place", "event", "topic"]


class Keyword(_Model):
    text: str = Field(description="In the trailer's style: canonical entity name, or a title-cased topic.")
    score: float
    kind: KeywordKind
    entity_id: str | None = None


QuoteKind = Literal["direct", "partial", "indirect"]


class Quote(_Model):
    kind: QuoteKind
    content: Span
    speaker: str | None = Field(default=None, description="Canonical name of the speaker, if attributed.")
    speaker_id: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = Field(default=None, description="The reporting verb, e.g. 'stated', 'denounced'.")
    hedge: str | None = Field(default=None, description="A hedging word such as 'reportedly', if any.")


Modality = Literal["happened", "expected", "reported"]


class TimeExpression(_Model):
    text: str
    span: Span | None = None
    date: dt.date | None = Field(default=None, description="Resolved against the article's date, if known.")
    granularity: Literal["day", "week", "month", "quarter", "year", "unknown"] = "unknown"


class Participant(_Model):
    name: str
    entity_id: str | None = None
    span: Span | None = None


class Event(_Model):
    """Who did what to whom, where and when, coded to a three-digit CAMEO event code (first two digits: the root)."""

    code: str = Field(description="CAMEO event code, three digits, e.g. '040' consult, '111' criticise.")
    action: str = Field(description="Readable action class, e.g. 'meet', 'criticise'.")
    trigger: Span
    actor: Participant | None
    target: Participant | None = None
    place: Participant | None = None
    time: TimeExpression | None = None
    modality: Modality = "happened"
    evidence: Span


class Notice(_Model):
    """A consistency problem found in the copy, with its evidence. Never a rewrite."""

    code: str
    message: str
    evidence: Span | None = None


class Analysis(_Model):
    """Everything newsdesk found in one article. JSON round-trips through `model_validate_json`."""

    schema_version: str = SCHEMA_VERSION
    id: str
    source: str | None
    headline: str | None
    dateline: str | None
    dateline_text: str | None = Field(default=None, description="The dateline as the copy wrote it.")
    agency: str | None = Field(default=None, description="The news agency the dateline credits.")
    published: dt.date | None
    language: str = "en"
    source_keywords: list[str] = Field(description="The article's own trailer, copy-edited.")
    text: str = Field(description="The corrected body.")
    original: str = Field(description="The body exactly as it arrived.")
    edits: list[Edit] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    keywords: list[Keyword] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[Notice] = Field(default_factory=list)
    stages: list[str] = Field(default_factory=list, description="The pipeline stages that ran, in order.")
