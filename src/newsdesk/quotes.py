"""Who said what: direct, partial and indirect quotes with speaker, cue verb and hedge.

Method (rule-based attribution, after Pareti 2016 and Krestel et al. 2008; cf. textacy's
`direct_quotations`, which this extends):

1. Quote marks are paired per paragraph with a tolerant scanner (`quote_spans`): curly and straight
   marks, quotes continued across paragraphs by the news convention (a paragraph left open and the
   next one opening again), stray marks dropped instead of raising.
2. A quote is `direct` when it stands as its own utterance (sentence or paragraph start, or after a
   colon/comma/dash), `partial` when it is embedded in the reporter's sentence.
3. Its cue is a reporting verb (data/quotes/cues.tsv) outside the quote, preferring one the quote
   depends on, then the nearest quoting verb (`introduces_quote`) in the quote's sentences (no sentence runs
   over a paragraph break: `newsdesk.nlp.mark_paragraphs`) and the short sentence right after it, then a finite
   verb right after its comma (`“…,” smiles one broker`); the speaker is that verb's subject (climbing through
   `advcl`/`conj`/`xcomp`), `according to X`, or the previous quote's speaker when a quote paragraph continues.
4. Indirect speech: a reporting verb with a clausal complement (`X said that…`) or, for verbs like
   `denounce`/`defend`, a direct object; hedges such as `reportedly` are recorded.

Speakers resolve to canonical entities through `doc._.entities` when the entity stage ran, else through
`doc.ents`. A he/she goes back sentence by sentence to the nearest main-clause subject of agreeing gender
(Hobbs 1978; gender from titles, `data/quotes/gender.tsv`, and first names, `first_names.tsv`); a definite
role noun (`the president`, `the England captain`, `person_nouns.txt`) to the person introduced with it
or, for a role that is no office, to the person just spoken of.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsdesk.article import Entity, Quote, QuoteKind, Span
from newsdesk.entities.component import strip_title
from newsdesk.nlp import doc_text, make_span, register_extensions
from newsdesk.quotemarks import CLOSING, OPENING, STRAIGHT
from newsdesk.quotemarks import quote_spans as quote_spans  # one scanner, shared with the copy desk
from newsdesk.tables import data_rows, word_set

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Dependencies through which a verb without its own subject inherits its head's subject.
INHERIT_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "acl", "ccomp"})
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
PERSONAL_PRONOUNS = frozenset(PRONOUN_GENDER)
#: Subjects that, left unresolved, stand for the previous speaker (see `extract_direct_quotes`).
CONTINUING_SUBJECTS = PERSONAL_PRONOUNS | {"it", "they"}
#: Prepositions whose phrase belongs to a speaker's description ("reports from South Korean intelligence").
SOURCE_PREPS = frozenset({"from", "of", "at", "for"})
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
ORGANISATION_LABELS = frozenset({"ORG", "NORP", "GPE"})
#: Who or where an attribution or event can name: not works, laws, dates or amounts.
PARTICIPANT_LABELS = SPEAKER_LABELS | {"LOC", "FAC"}
SENTENCE_MARKS = frozenset({".", "!", "?", ";", ":", "—", "–"})
SHORT_PARTIAL_WORDS = 3  # an unattributed quote of ≤ 3 words is a scare quote, not speech


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    cls: str
    object_is_content: bool
    introduces_quote: bool


@lru_cache(maxsize=1)
def cue_table() -> dict[str, Cue]:
    """Reporting verbs from data/quotes/cues.tsv, keyed by lemma."""
    return {
        lemma: Cue(lemma, cls, obj == "yes", intro == "yes") for lemma, cls, obj, intro in data_rows("quotes/cues.tsv")
    }


@lru_cache(maxsize=1)
def hedge_words() -> frozenset[str]:
    return word_set("quotes/hedges.txt")


@lru_cache(maxsize=1)
def person_nouns() -> dict[str, str]:
    """Role nouns that stand for a person named before, with their kind, `office` or `role`
    (data/quotes/person_nouns.txt)."""
    return {noun: kind for noun, kind in data_rows("quotes/person_nouns.txt")}


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First names whose gender is clear (data/quotes/first_names.tsv)."""
    return {name: gender for name, gender in data_rows("quotes/first_names.tsv")}


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    """Titles and role words that tell a person's gender (data/quotes/gender.tsv)."""
    return {word: gender for word, gender in data_rows("quotes/gender.tsv")}


# --- entity resolution ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    name: str
    id: str | None
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Antecedent:
    i: int  # token index
    sent: int  # start of its sentence
    rank: int  # 0 main-clause subject, 1 other subject, 2 other mention
    mention: Mention


_RESOLVER_KEY = "newsdesk.resolver"
_QUOTES_KEY = "newsdesk.quote_marks"


class Resolver:
    """Maps tokens to canonical entities: `doc._.entities` when present, else `doc.ents`.

    He/she and definite role nouns resolve to an earlier person (`pronoun`, `described`). Use
    `Resolver.of(doc)` to share one per doc between the quote and event stages.
    """

    @classmethod
    def of(cls, doc: Doc) -> Resolver:
        """The resolver of `doc`, cached in `doc.user_data` once the entity stage has run."""
        entities = doc._.entities
        if entities is None:
            # Without entities it reads `doc.ents`, which a later stage may still replace: not cached.
            return cls(doc)
        cached: tuple[list[Entity], Resolver] | None = doc.user_data.get(_RESOLVER_KEY)
        # Keyed on the entity list itself (held, so its id cannot be reused): a new `doc._.entities`
        # gets a new resolver.
        if cached is None or cached[0] is not entities:
            cached = doc.user_data[_RESOLVER_KEY] = (entities, cls(doc))
        return cached[1]

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        mentions: list[Mention] = []
        entities: list[Entity] | None = doc._.entities
        if entities is not None:
            for entity in entities:
                for span in entity.mentions:
                    if span.field == "body":
                        mentions.append(Mention(entity.name, entity.id, entity.label, span.start, span.end))
        else:
            mentions = self._from_ents(doc)
        mentions = self._with_surnames(doc, mentions)
        mentions.sort(key=lambda m: (m.start, -m.end))
        self.mentions = mentions
        self._starts = [m.start for m in mentions]
        # Each person mention with its tokens, located once for the gender and title readers.
        people = [
            (m, tokens)
            for m in mentions
            if m.label == "PERSON" and (tokens := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
        ]
        self._genders = self._read_genders(doc, people)
        self._titled = self._read_titles(doc, people)
        self._antecedents = self._find_antecedents(doc)
        self._antecedent_index = [a.i for a in self._antecedents]

    @staticmethod
    def _with_surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """`mentions` with a person's surname wherever the model missed or mislabelled it (`Mr Molyneux`
        after `Peter Molyneux`, tagged ORG); a surname two people share is left alone."""
        people: dict[str, Mention | None] = {}
        for mention in mentions:
            words = mention.name.split()
            if mention.label == "PERSON" and len(words) > 1:
                known = people.setdefault(words[-1], mention)
                if known is not None and known.name != mention.name:
                    people[words[-1]] = None
        if not people:
            return mentions
        out = []
        text = doc_text(doc)
        for mention in mentions:
            words = text[mention.start : mention.end].split()
            words = words[strip_title(words) :]  # `Mr Ebbers`, `Prime Minister Blair`: the entities stage's titles
            person = people.get(words[0]) if mention.label != "PERSON" and len(words) == 1 else None
            out.append(mention if person is None else replace(person, start=mention.start, end=mention.end))
        covered = {i for m in mentions for i in range(m.start, m.end)}
        for token in doc:
            person = people.get(token.text)
            if person is not None and token.pos_ == "PROPN" and token.idx not in covered:
                out.append(replace(person, start=token.idx, end=token.idx + len(token)))
        return out

    @staticmethod
    def _from_ents(doc: Doc) -> list[Mention]:
        """Mentions from spaCy's NER; a PERSON's short form ('Putin', 'Xi') takes its full name."""
        # Distinct names only: a long article repeats a few names many times (pairs of mentions are quadratic).
        # In order of first mention: a surname several people share ("Cruz") is the one introduced first.
        names = list(dict.fromkeys(ent.text for ent in doc.ents if ent.label_ == "PERSON"))
        full_names: dict[str, str] = {}
        for name in names:
            words = name.split()
            best = (False, 0)  # (ends with the short name, length): a surname match beats a given-name one
            for other in names:
                longer = other.split()
                if len(longer) <= len(words):
                    continue
                ends = longer[-len(words) :] == words
                if (ends or longer[: len(words)] == words) and (ends, len(longer)) > best:
                    best, full_names[name] = (ends, len(longer)), other
        return [
            Mention(full_names.get(ent.text, ent.text), None, ent.label_, ent.start_char, ent.end_char)
            for ent in doc.ents
        ]

    def mention_at(self, token: Token) -> Mention | None:
        """The entity mention covering `token`, if any."""
        i = bisect.bisect_right(self._starts, token.idx) - 1
        while i >= 0:
            mention = self.mentions[i]
            if mention.start <= token.idx < mention.end:
                return mention
            if token.idx - mention.start > 200:  # mentions are short; stop scanning far back
                return None
            i -= 1
        return None

    def person_at(self, token: Token) -> Mention | None:
        """The person a subject names: its own mention, its apposition's (`His creator, Richard Bowden,`),
        or for a relative `who` the noun it qualifies."""
        if token.tag_ in {"WP", "WDT"} and token.head.dep_ == "relcl":
            token = token.head.head
        mention = self.mention_at(token)
        if mention is None:
            appos = next((child for child in token.children if child.dep_ == "appos"), None)
            mention = self.mention_at(appos) if appos is not None else None
        return mention if mention is not None and mention.label == "PERSON" else None

    def _read_genders(self, doc: Doc, people: Iterable[tuple[Mention, SpacySpan]]) -> dict[str, str | None]:
        """Each person's gender where the text shows it, a title or role word before a mention (`Mr Pound`,
        `actress Jane Russell`), else where the first name tells it; conflicting evidence leaves it unknown."""
        words = gender_words()
        genders: dict[str, str | None] = {}
        for mention, span in people:
            for token in (span[0], doc[span.start - 1] if span.start > 0 else None):
                gender = words.get(token.lower_.rstrip(".")) if token is not None else None
                if gender is not None:
                    genders[mention.name] = gender if genders.get(mention.name, gender) == gender else None
                    break
        names = first_names()
        for mention in self.mentions:
            first, *rest = mention.name.split()
            if mention.label == "PERSON" and rest and mention.name not in genders:
                genders[mention.name] = names.get(first)  # "Chris Christie" is a he, "Tina Houchins" a she
        return genders

    @staticmethod
    def _read_titles(doc: Doc, people: Iterable[tuple[Mention, SpacySpan]]) -> dict[str, list[tuple[int, Mention]]]:
        """Who each role noun introduced, in text order: `President Barack Obama`, `Labour MP Stephen Pound`,
        `Robbie Savage, the Wales star` (apposition)."""
        nouns = person_nouns()
        titled: dict[str, list[tuple[int, Mention]]] = {}
        for mention, span in people:
            roles = [t for t in doc[max(0, span.start - 3) : span.start] if t.lower_ in nouns]
            roles += [t for t in span.root.children if t.dep_ == "appos" and t.lower_ in nouns]
            if span.root.dep_ == "appos" and span.root.head.lower_ in nouns:
                roles.append(span.root.head)
            for role in roles:
                titled.setdefault(role.lower_, []).append((span.start, mention))
        return titled

    def described(self, token: Token) -> Mention | None:
        """The person a definite role noun stands for (`describes_person`): the one introduced with that
        title before it, else, for a role that is not an office, the person the story was just about."""
        introduced = [mention for i, mention in self._titled.get(token.lower_, []) if i < token.i]
        if introduced:
            return introduced[-1]
        return self.pronoun(token) if person_nouns()[token.lower_] == "role" else None

    def _find_antecedents(self, doc: Doc) -> list[Antecedent]:
        """Persons a later he/she can refer to, outside quote marks (a quoted `he` is the speaker's own)."""
        quoted = quoted_tokens(doc)
        found: list[Antecedent] = []
        for token in doc:
            if quoted[token.i]:
                continue
            subject = token.dep_ in SUBJECT_DEPS
            mention = self.person_at(token) if subject else None
            if mention is None and subject and token.lower_ in PERSONAL_PRONOUNS:
                # A he/she subject carries its own antecedent on: "Jason Miller told the Post… However, he
                # could not explain why Ivanka Trump… “…,” he said." is still Miller.
                chained = self._agreeing(reversed(found), PRONOUN_GENDER[token.lower_])
                mention = chained.mention if chained is not None else None
            if mention is not None:
                # A main-clause subject is the likeliest antecedent (Hobbs 1978; Lappin & Leass 1994):
                # "X said he did not feel it was as bad as Y believed. “…,” he argued." is X.
                verb = token.head.head if token.head.dep_ == "conj" else token.head
                main = verb.dep_ == "ROOT"
                found.append(Antecedent(token.i, token.sent.start, 0 if main else 1, mention))
            else:
                other = self.mention_at(token)  # counted once, at its first token
                if other is not None and other.label == "PERSON" and other.start == token.idx:
                    found.append(Antecedent(token.i, token.sent.start, 2, other))
        return found

    def pronoun(self, token: Token) -> Mention | None:
        """The person a he/she (or `the England captain`) refers to: searching back sentence by sentence,
        the nearest main-clause subject of agreeing gender, else another subject, else any person
        mentioned in that sentence."""
        gender = PRONOUN_GENDER.get(token.lower_) or gender_words().get(token.lower_)
        before = bisect.bisect_left(self._antecedent_index, token.i)
        best = self._agreeing((self._antecedents[j] for j in range(before - 1, -1, -1)), gender)
        return best.mention if best is not None else None

    def _agreeing(self, nearest_first: Iterable[Antecedent], gender: str | None) -> Antecedent | None:
        """Of candidates nearest first, the best-ranked of agreeing gender in the nearest sentence that has one."""
        best: Antecedent | None = None
        for candidate in nearest_first:
            if best is not None and candidate.sent != best.sent:
                break  # the nearest sentence with a candidate decides
            known = self._genders.get(candidate.mention.name)
            if gender is not None and known is not None and known != gender:
                continue
            if best is None or candidate.rank < best.rank:
                best = candidate
        return best

    def resolve(self, token: Token) -> tuple[str, str | None, Span]:
        """Canonical name, entity id and mention span for a noun-phrase head token."""
        doc = self.doc
        mention = self.mention_at(token)
        # A title the model took for a WORK_OF_ART ("Trump accused Holt of being a") names no one.
        if mention is not None and mention.label in PARTICIPANT_LABELS:
            return mention.name, mention.id, make_span(doc, mention.start, mention.end)
        if token.lower_ in PERSONAL_PRONOUNS and (antecedent := self.pronoun(token)) is not None:
            return antecedent.name, antecedent.id, make_span(doc, token.idx, token.idx + len(token))
        start, end = noun_phrase(token)
        if describes_person(token) and (antecedent := self.described(token)) is not None:
            return antecedent.name, antecedent.id, make_span(doc, start, end)
        # A phrase that is not itself a name: "Clinton's running mate, Tim Kaine," is the person in the
        # apposition; "a BaFin spokeswoman", "a spokesman for the ministry" are the phrase (not BaFin),
        # linked to the organisation they speak for.
        organisation: Mention | None = None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
                child = next((c for c in child.children if c.dep_ == "pobj"), child)
            elif child.dep_ not in {"compound", "amod", "appos", "poss"}:
                continue
            inner = self.mention_at(child)
            if inner is None:
                continue
            if child.dep_ == "appos" and inner.label in {"PERSON", "ORG"}:
                return inner.name, inner.id, make_span(doc, inner.start, inner.end)
            if inner.label in ORGANISATION_LABELS and organisation is None:
                organisation = inner
        return self.text[start:end], organisation.id if organisation else None, make_span(doc, start, end)


def describes_person(token: Token) -> bool:
    """A definite singular role noun standing for someone named before: `the England captain`,
    `the feminist writer` (data/quotes/person_nouns.txt); `a spokesman` or `the company` do not."""
    return (
        token.tag_ in {"NN", "NNP"}  # the tagger takes "MP" for a name
        and token.lower_ in person_nouns()
        and any(child.dep_ == "det" and child.lower_ == "the" for child in token.children)
        and not any(child.dep_ in {"prep", "relcl", "acl"} for child in token.children)
    )


def noun_phrase(token: Token) -> tuple[int, int]:
    """Characters of `token`'s noun phrase: its left modifiers and flat name parts, not clauses."""
    doc = token.doc
    left = token.i
    # Contiguous dependents to the left, stopping at a sentence mark a mis-parse may have swallowed.
    while (
        left - 1 >= token.sent.start
        and doc[left - 1].text not in SENTENCE_MARKS
        and doc[left - 1].dep_ not in {"relcl", "acl", "appos", "cc", "conj"}
        and token in doc[left - 1].ancestors
    ):
        left -= 1
    while left < token.i and doc[left].dep_ in {"case", "punct"}:  # a phrase never starts with "'s" or a comma
        left += 1
    right = token
    for child in token.rights:
        if child.dep_ in {"flat", "compound"}:
            right = child
        elif child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:  # "officials at the ministry"
            right = child.right_edge
    return doc[left].idx, right.idx + len(right)


# --- attribution ---------------------------------------------------------------------------------


def subject_of(verb: Token) -> Token | None:
    """The subject of a reporting verb, inherited from its head through advcl/conj/xcomp chains.

    A finite verb without a subject of its own takes the noun right before it, as in
    `officials anticipate` parsed as a subjectless conjunct. For a verb outside quote marks, words
    inside them are never its subject (`“My reaction, that was outrageous,” his strategist said`).
    """
    quoted = quoted_tokens(verb.doc)
    outside = not quoted[verb.i]

    def is_subject(child: Token) -> bool:
        return child.dep_ in SUBJECT_DEPS and not (outside and quoted[child.i])

    if not any(is_subject(child) for child in verb.children) and verb.tag_ not in {"VBG", "VBN"}:
        # A finite verb right after a noun has that noun as subject even when the parse says otherwise
        # ("… south Korean officials anticipate …" attached as a conjunct of an earlier verb).
        prev = verb.i - 1
        while prev >= verb.sent.start and verb.doc[prev].pos_ in {"ADV", "AUX", "PART"}:
            prev -= 1
        if prev > verb.sent.start and verb.doc[prev].text == ",":
            # "Marc Morial, the chief executive of the League, told": the noun the apposition describes.
            last = verb.doc[prev - 1]
            appos = next((a for a in (last, *last.ancestors) if a.dep_ == "appos" and a.right_edge == last), None)
            prev = appos.head.i if appos is not None else prev
        if (
            prev >= verb.sent.start
            and verb.doc[prev].pos_ in {"NOUN", "PROPN", "PRON"}
            and not (outside and quoted[prev])
        ):
            return verb.doc[prev]
    current = verb
    for _ in range(6):
        # "relations have withstood … and expressing …": a participle conjoined to a finite verb is
        # a mis-attached sister of an earlier participle, so the finite verb's subject is not its own.
        skip = current.dep_ == "conj" and current.tag_ == "VBG" and current.head.tag_ != "VBG"
        if skip and current.head.dep_ in INHERIT_DEPS:
            current = current.head.head
        for child in current.children:
            if is_subject(child):
                if child.tag_ in {"WP", "WDT"} and current.dep_ == "relcl":  # "…, who said" → the head noun
                    return current.head
                return child
            if child.dep_ == "agent":  # "was quoted by X"
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if current.dep_ not in INHERIT_DEPS or current.head.i == current.i:
            break
        # "responded … by saying": through the preposition to the verb it belongs to.
        through_prep = current.dep_ == "pcomp" and current.head.dep_ == "prep"
        current = current.head.head if through_prep else current.head
    return None


def according_to(sent: SpacySpan) -> tuple[Token, Token] | None:
    """`according to X` in a sentence: (the `according` token, X's head)."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
            for child in token.nbor().children:
                if child.dep_ == "pobj":
                    return token, child
    return None


def hedge_of(*tokens: Token) -> str | None:
    """The first hedging adverb attached to any of `tokens` (data/quotes/hedges.txt)."""
    hedges = hedge_words()
    for token in tokens:
        for child in token.children:
            if child.lower_ in hedges:
                return child.lower_
    return None


def _quote_marks(doc: Doc) -> tuple[list[tuple[int, int]], list[bool]]:
    """Quote spans of `doc`'s text and which tokens they cover, computed once per Doc."""
    cached: tuple[list[tuple[int, int]], list[bool]] | None = doc.user_data.get(_QUOTES_KEY)
    if cached is None:
        spans = quote_spans(doc_text(doc))
        inside = [False] * len(doc)
        for start, end in spans:
            for token in doc.char_span(start, end, alignment_mode="expand") or ():
                inside[token.i] = True
        cached = doc.user_data[_QUOTES_KEY] = (spans, inside)
    return cached


def quoted_tokens(doc: Doc) -> list[bool]:
    """For each token of `doc`, whether it lies inside quote marks (cached per Doc; do not mutate)."""
    return _quote_marks(doc)[1]


@dataclass(slots=True)
class _Attribution:
    cue: Token | None
    speaker: Token | None


class _Context:
    """Per-doc state shared by the quote finders: text, quote spans, which tokens are quoted."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.spans, self.inside = _quote_marks(doc)
        self.cues = cue_table()

    def is_cue(self, token: Token) -> bool:
        """A reporting verb outside quote marks; a bare participle (`a parade expected to…`,
        `the partnership announced in 2022`) modifies a noun and reports no one's speech."""
        if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in self.cues or self.inside[token.i]:
            return False
        if token.tag_ in {"VBN", "VBD"} and token.dep_ in {"acl", "advcl", "amod", "relcl"}:
            return any(child.dep_ in SUBJECT_DEPS | {"aux", "auxpass"} for child in token.children)
        return True

    def speaks(self, token: Token) -> bool:
        """A cue that introduces quotes (`said`, `wrote`), as opposed to one that only governs its content
        (`showed`, `believes`)."""
        if not self.is_cue(token):
            return False
        cue = self.cues[token.lemma_.lower()]
        # "a form that can be read": a passive publishing verb names what is read, not who wrote it.
        passive = any(child.dep_ == "auxpass" for child in token.children)
        return cue.introduces_quote and (cue.cls == "speech" or not passive)


def _attribute(ctx: _Context, start: int, end: int) -> _Attribution:
    """Find the cue and speaker of the quote at characters start:end."""
    doc = ctx.doc
    qspan = doc.char_span(start, end, alignment_mode="expand")
    if qspan is None or len(qspan) == 0:
        return _Attribution(None, None)
    sents = list({id(t.sent): t.sent for t in (qspan[0], qspan[-1])}.values())
    first, last = sents[0], sents[-1]
    # The short sentence right after a quote that closes its sentence ("…together now." He said.)
    if last.end < len(doc) and doc[last.end - 1].idx < end + 3:
        following = doc[last.end].sent
        if len(following) <= 12 and "\n\n" not in ctx.text[end : following.start_char]:
            sents.append(following)
    # Cues come from the quote's own sentences (never across a paragraph break: `newsdesk_paragraphs`)…
    candidates = [t for sent in sents for t in sent if ctx.is_cue(t)]
    # … or from the sentence before, when it introduces the quote with a colon ("He said:")
    if first.start > 0:
        before = doc[first.start - 1].sent
        if before.text.rstrip().endswith(":"):
            candidates[:0] = [t for t in before if ctx.is_cue(t)]
    # A cue the quote depends on ("…highlighting the “strategic nature”") wins over the nearest one.
    ancestors = {a.i for a in qspan.root.ancestors}
    governing = [t for t in candidates if t.i in ancestors]
    # Only a quoting verb attributes a quote it does not govern: "… films.” A retrospective was shown."
    candidates = [t for t in candidates if ctx.speaks(t)]
    if governing:
        cue: Token | None = max(governing, key=lambda t: t.i)  # the closest governor
    elif candidates:
        cue = min(candidates, key=lambda t: min(abs(t.i - qspan.start), abs(t.i - qspan.end)))
    elif after := _verb_after(ctx, qspan):
        return after
    else:
        cue = None
    if cue is not None:
        return _Attribution(cue, subject_of(cue))
    for sent in sents:
        if found := according_to(sent):
            return _Attribution(found[0], found[1])
    return _Attribution(None, _name_by_mark(ctx, qspan))


def _verb_after(ctx: _Context, qspan: SpacySpan) -> _Attribution | None:
    """The verb of a short clause closing a quote, `“…,” smiles one broker`: any verb in that position
    reports the quote, even one missing from the cue table."""
    doc = ctx.doc
    after = qspan.end
    while after < len(doc) and (doc[after].text in CLOSING + STRAIGHT + "," or doc[after].is_space):
        after += 1
    # Only a quote that hands over to its clause: `“…,” smiles`, `“…?” asked`, not one ending its sentence.
    if after == qspan.end or after >= len(doc) or not set(ctx.text[qspan.end_char - 1 : doc[after].idx]) & set(",?!"):
        return None
    for token in doc[after : min(after + 5, len(doc))]:
        if token.is_punct or ctx.inside[token.i]:
            return None
        if token.pos_ == "VERB":
            if token.tag_ not in {"VBD", "VBZ", "VBP"}:
                return None  # a participle qualifies the quoted words: `the “reforms,” boosting growth`
            # The parser takes an inverted subject for an object: `smiles one broker`.
            inverted = next((c for c in token.rights if c.dep_ in {"dobj", "nsubj"} and c.i <= token.i + 4), None)
            subject = _child_subject(token) or inverted
            return _Attribution(token, subject) if subject is not None else None
    return None


def _child_subject(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)


def _name_by_mark(ctx: _Context, qspan: SpacySpan) -> Token | None:
    """A speaker named by punctuation alone: `Smith: “…”` or `“…” — Smith` (no reporting verb)."""
    doc = ctx.doc
    before = qspan.start - 1
    while before >= 0 and doc[before].text in OPENING + STRAIGHT:
        before -= 1
    if before >= 1 and doc[before].text == ":":
        if doc[before - 1].ent_type_ in SPEAKER_LABELS:
            return doc[before - 1]
        clause = doc[before - 1]  # "The minister was blunt: “…”": the subject of the clause before the colon
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        subject = _child_subject(clause)
        if subject is not None and subject.i < before:
            return subject
    after = qspan.end
    while after < len(doc) and (doc[after].text in CLOSING + STRAIGHT or doc[after].is_space):
        after += 1
    if after + 1 < len(doc) and doc[after].text in {"—", "–", "--", "-"} and doc[after + 1].ent_type_ in SPEAKER_LABELS:
        name = doc[after + 1]
        while name.i + 1 < len(doc) and doc[name.i + 1].ent_iob_ == "I":
            name = doc[name.i + 1]
        return name
    return None


def _earlier_speaker(ctx: _Context, start: int) -> Token | None:
    """The subject of the last reporting verb in the two sentences before `start`, within one paragraph break."""
    doc = ctx.doc
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None or len(token) == 0:
        return None
    sent_start = token[0].sent.start
    for _ in range(2):
        if sent_start == 0:
            return None
        previous = doc[sent_start - 1].sent
        if ctx.text.count("\n\n", previous.end_char, start) > 1:
            return None
        for candidate in reversed(previous):
            if ctx.speaks(candidate) and (subject := subject_of(candidate)) is not None:
                return subject
        sent_start = previous.start
    return None


def _kind(text: str, start: int, end: int) -> QuoteKind:
    """`direct` when the quote is its own utterance, `partial` when embedded in a sentence."""
    j = start - 1
    while j >= 0 and (text[j] in OPENING or text[j] == STRAIGHT or text[j] in " \t"):
        j -= 1
    if j < 0 or text[j] in "\n:,.;!?—–-([":
        return "direct"
    words = len(text[start:end].split())
    ends_sentence = text[end - 1 : end] in {".", "!", "?", ","} and words >= 6
    return "direct" if ends_sentence else "partial"


def extract_direct_quotes(
    doc: Doc, *, resolver: Resolver | None = None, min_partial_words: int = SHORT_PARTIAL_WORDS + 1
) -> list[Quote]:
    """Quoted material with its speaker: `direct` and `partial` quotes.

    `min_partial_words`: an embedded quote shorter than this with no cue is a scare quote and skipped.
    """
    if min_partial_words < 1:
        raise ValueError("min_partial_words must be at least 1")
    resolver = resolver or Resolver.of(doc)
    ctx = _Context(doc)
    quotes: list[Quote] = []
    last_speaker: tuple[str, str | None, Span] | None = None
    last_end = -1
    for start, end in ctx.spans:
        kind = _kind(ctx.text, start, end)
        found = _attribute(ctx, start, end)
        speaker = resolver.resolve(found.speaker) if found.speaker is not None else None
        if (
            speaker is not None
            and found.speaker is not None
            and found.speaker.lower_ in CONTINUING_SUBJECTS
            and speaker[0] == found.speaker.text
        ):
            # An unresolved "he said" (no PERSON subject before it), or an organisation's "it added", is
            # most likely the previous speaker.
            earlier = _earlier_speaker(ctx, start)
            previous = resolver.resolve(earlier) if earlier is not None else last_speaker
            if previous is not None:
                speaker = (previous[0], previous[1], speaker[2])
        if speaker is None and kind == "direct":
            # A quote with no cue of its own continues the nearest attribution before it: the previous
            # quote's speaker, or the speaker of a paraphrase just before (`X said he was sure. “…”`).
            earlier = _earlier_speaker(ctx, start)
            # Bounded before counting: slicing the whole gap would copy O(document) text per quote.
            recent = (
                last_speaker is not None and start - last_end < 400 and ctx.text.count("\n\n", last_end, start) <= 1
            )
            if earlier is not None and (not recent or earlier.idx > last_end):
                speaker = resolver.resolve(earlier)
            elif recent:
                speaker = last_speaker
        words = len(ctx.text[start:end].split())
        if found.cue is None and kind == "partial" and words < min_partial_words:
            continue
        if kind == "partial" and ctx.text[end - 1] in ".!?" and end - 1 > start:
            end -= 1  # the full stop inside the closing mark ends the reporter's sentence, not the quote
        cue_tokens = [found.cue] if found.cue is not None else []
        quotes.append(
            Quote(
                kind=kind,
                content=make_span(doc, start, end),
                speaker=speaker[0] if speaker else None,
                speaker_id=speaker[1] if speaker else None,
                speaker_mention=speaker[2] if speaker else None,
                cue=make_span(doc, found.cue.idx, found.cue.idx + len(found.cue)) if found.cue is not None else None,
                hedge=hedge_of(*cue_tokens),
            )
        )
        if speaker is not None:
            last_speaker, last_end = speaker, end
    return quotes


def names_someone(resolver: Resolver, token: Token) -> bool:
    """A person, organisation or place-as-government, a resolvable he/she, or a phrase modified by one
    ("South Korean officials", "Opel management")."""
    mention = resolver.mention_at(token)
    if mention is not None:
        return mention.label in SPEAKER_LABELS
    if token.pos_ == "PRON":
        return token.lower_ in PERSONAL_PRONOUNS and resolver.pronoun(token) is not None
    return any(resolver.mention_at(child) is not None for child in token.children if child.dep_ in {"amod", "compound"})


def _content_child(verb: Token, cue: Cue) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and child.i > verb.i:
            return child
    if cue.object_is_content:
        for child in verb.children:
            # "criticized Trump": a named object is who the verb is aimed at, not what was said.
            if child.dep_ in {"dobj", "attr"} and child.ent_type_ not in SPEAKER_LABELS:
                return child
    return None


def extract_indirect_quotes(
    doc: Doc, *, resolver: Resolver | None = None, classes: Iterable[str] = ("speech", "source", "thought")
) -> list[Quote]:
    """Reported speech: `X said (that) …`, `X reportedly denounced …`, `officials anticipate …`.

    Content is the reporting verb's clausal complement, or its object for verbs whose object is
    what was said (`cues.tsv`); content lying wholly inside quote marks is left to the direct finder.
    """
    wanted = set(classes)
    if not wanted <= {"speech", "source", "thought"}:
        raise ValueError(f"unknown cue classes: {sorted(wanted - {'speech', 'source', 'thought'})}")
    resolver = resolver or Resolver.of(doc)
    ctx = _Context(doc)
    quotes = []
    for token in doc:
        if not ctx.is_cue(token):
            continue
        cue = ctx.cues[token.lemma_.lower()]
        if cue.cls not in wanted:
            continue
        content = _content_child(token, cue)
        if content is None:
            continue
        left = content.left_edge
        while left.i < content.i and (left.dep_ in {"mark", "punct"} or left.lower_ == "that"):
            left = left.nbor()
        right = content.right_edge
        while right.i > left.i and right.is_punct and right.text not in CLOSING:
            right = right.nbor(-1)
        start, end = left.idx, right.idx + len(right)
        if all(ctx.inside[i] or doc[i].is_punct for i in range(left.i, right.i + 1)):
            continue
        speaker_token = subject_of(token)
        if speaker_token is None or left.i <= speaker_token.i <= right.i:
            continue
        if content.dep_ in {"dobj", "attr"} and not names_someone(resolver, speaker_token):
            continue  # "the meeting underscores a growing alignment": an inanimate subject says nothing
        name, entity_id, mention = resolver.resolve(speaker_token)
        quotes.append(
            Quote(
                kind="indirect",
                content=make_span(doc, start, end),
                speaker=name,
                speaker_id=entity_id,
                speaker_mention=mention,
                cue=make_span(doc, token.idx, token.idx + len(token)),
                hedge=hedge_of(token, content),
            )
        )
    return quotes


def extract_according_to(doc: Doc, *, resolver: Resolver | None = None) -> list[Quote]:
    """`According to X, …` / `…, according to X`: the rest of the sentence is X's (indirect) content."""
    resolver = resolver or Resolver.of(doc)
    quotes = []
    for sent in doc.sents:
        found = according_to(sent)
        if found is None:
            continue
        cue, source = found
        phrase = list(cue.subtree)
        first, last = phrase[0].i, phrase[-1].i
        if first == sent.start:
            start_tok, end_tok = last + 1, sent.end - 1
        else:
            start_tok, end_tok = sent.start, first - 1
        while start_tok <= end_tok and doc[start_tok].is_punct:
            start_tok += 1
        while end_tok >= start_tok and (doc[end_tok].is_punct or doc[end_tok].is_space):
            end_tok -= 1
        if end_tok < start_tok:
            continue
        name, entity_id, mention = resolver.resolve(source)
        quotes.append(
            Quote(
                kind="indirect",
                content=make_span(doc, doc[start_tok].idx, doc[end_tok].idx + len(doc[end_tok])),
                speaker=name,
                speaker_id=entity_id,
                speaker_mention=mention,
                cue=make_span(doc, cue.idx, cue.nbor().idx + len(cue.nbor())),  # "according to"
                hedge=None,
            )
        )
    return quotes


def extract_quotes(doc: Doc, *, indirect: bool = True) -> list[Quote]:
    """All quotes of `doc` in text order: direct and partial, then (optionally) indirect speech."""
    resolver = Resolver.of(doc)
    quotes = extract_direct_quotes(doc, resolver=resolver)
    if indirect:
        quotes += extract_indirect_quotes(doc, resolver=resolver)
        quotes += extract_according_to(doc, resolver=resolver)
    return sorted(quotes, key=lambda q: (q.content.start, q.kind))


@Language.factory("newsdesk_quotes", default_config={"indirect": True})
def make_quotes(nlp: Language, name: str, indirect: bool) -> Callable[[Doc], Doc]:
    """spaCy component writing `doc._.quotes: list[Quote]`."""
    register_extensions()

    def quotes_component(doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, indirect=indirect)
        return doc

    return quotes_component
