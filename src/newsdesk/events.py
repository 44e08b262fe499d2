"""Who did what to whom, where and when: actor–action–target events coded to CAMEO.

Method (dependency-pattern event coding in the spirit of PETRARCH, Norris, Schrodt & Beieler 2017,
with a small verb/noun dictionary instead of its full one): a trigger is a verb or event noun from
data/events/triggers.tsv. For a verb, the actor is its subject (an `nsubjpass` is the target and the
`by` agent the actor), the target its object or the object of `with/against/on/to`; for a noun
(`meeting`, `agreements`, `criticism`), the actor is its possessor, the first of `between X and Y`, a
nationality adjective, or the subject of the verb it hangs on. Symmetric actions (meet, cooperate,
agree) take a coordinated subject's second conjunct as target (`Putin and Xi … a meeting`). All
roles come from one sentence, which is kept as evidence: no stitching across the article.

Place: a GPE/LOC/FAC attached by `in`/`at`, else the dateline for meetings. Time: a DATE/TIME entity
attached to the trigger, resolved by `newsdesk.dates`. Modality: `expected` for future tense or a
future date, `reported` under a reporting verb's complement or a hedge (`reportedly`), else
`happened`. The same component runs the date-arithmetic consistency checks into `doc._.notices`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsdesk.article import VALUE_LABELS, Event, Modality, Participant, TimeExpression
from newsdesk.dates import anchor_date, anniversary_notices, time_expression, verb_tense
from newsdesk.nlp import make_span, register_extensions
from newsdesk.quotes import Resolver, cue_table, hedge_of, names_someone, quoted_tokens, subject_of
from newsdesk.tables import data_rows

#: CAMEO root codes of actions between parties on an equal footing: a coordinated subject is both sides.
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
#: CAMEO roots of force (assault, fight, mass violence): a person using force on nothing named is sport or a figure
#: of speech (`proud of how he fought`); a polity's or an armed group's force needs no target to be an event.
FORCE_ROOTS = frozenset({"18", "19", "20"})
TARGET_PREPS = frozenset({"with", "against", "on", "to", "at", "over"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Modifiers that make the actor of an event noun; a GPE modifier is its place ("the Beijing summit").
NOMINAL_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
#: A reporting verb's dependents that hold what was reported.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj"})


@dataclass(frozen=True, slots=True)
class Trigger:
    code: str
    action: str
    prep: str | None


@lru_cache(maxsize=1)
def trigger_table() -> dict[tuple[str, str], Trigger]:
    """(lemma, 'VERB'|'NOUN') → CAMEO trigger, from data/events/triggers.tsv."""
    table = {}
    for lemma, pos, code, action, *rest in data_rows("events/triggers.tsv"):
        prep = rest[0].strip() if rest and rest[0].strip() else None
        table[(lemma, pos)] = Trigger(code, action, prep)
    return table


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, tuple[float, str]]:
    """CAMEO code → (Goldstein scale, description), from data/events/cameo.tsv."""
    return {code: (float(score), description.strip()) for code, score, description in data_rows("events/cameo.tsv")}


@lru_cache(maxsize=1)
def agent_types() -> dict[str, str]:
    """Generic agent noun → CAMEO actor type, from data/events/agents.tsv."""
    return {noun: code.strip() for noun, code in data_rows("events/agents.tsv")}


def _child(token: Token, deps: set[str] | frozenset[str]) -> Token | None:
    return next((child for child in token.children if child.dep_ in deps), None)


def _prep_object(token: Token, preps: frozenset[str] | set[str]) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = _child(child, {"pobj"})
            if obj is not None:
                return obj
    return None


def _governor(noun: Token) -> Token | None:
    """The verb a nominal trigger is the object of: `held talks`, `during a meeting`, `In a meeting … engaged`."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in {"dobj", "attr"}:
        return None
    return head if head.pos_ in {"VERB", "AUX"} and head.i != noun.i else None


def _attached(token: Token, anchors: set[int], *, steps: int) -> bool:
    """Whether `token` hangs on one of `anchors` through nouns and prepositions, within `steps`."""
    current = token
    for _ in range(steps):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.i in anchors:
            return True
        if current.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _possessor(resolver: Resolver, token: Token) -> Token:
    """For a phrase that names no one (`Russia's war`, `Beijing's willingness`), its possessor entity."""
    if resolver.mention_at(token) is not None:
        return token
    for child in token.children:
        if child.dep_ == "poss":
            mention = resolver.mention_at(child)
            if mention is not None and mention.label in ACTOR_LABELS:
                return child
    return token


def _is_reported(trigger: Token) -> bool:
    """The trigger lies in the reported content of a reporting verb (`reports suggest X is supporting`)."""
    cues = cue_table()
    current = trigger
    for _ in range(6):
        if current.head.i == current.i:
            return False
        dep = current.dep_
        current = current.head
        if current.lemma_.lower() in cues and dep in CONTENT_DEPS | {"conj"} and current.pos_ == "VERB":
            return dep != "conj" or _is_reported(current)
    return False


class _Extractor:
    def __init__(self, doc: Doc, resolver: Resolver, anchor: dt.date | None, dateline: str | None) -> None:
        self.doc = doc
        self.resolver = resolver
        self.anchor = anchor
        self.dateline = dateline
        self.triggers = trigger_table()
        # `Span.ents` walks all of `doc.ents` (itself rebuilt from every token) on each call, so a
        # per-trigger `sent.ents` is quadratic in the article's length: read the entities once.
        self.ents: list[SpacySpan] = list(doc.ents)
        self.ent_starts = [ent.start for ent in self.ents]
        self.quoted = quoted_tokens(doc)

    def can_act(self, token: Token) -> bool:
        """A named actor (or a resolvable he/she), or a generic agent such as "government forces"."""
        return names_someone(self.resolver, token) or token.lemma_.lower() in agent_types()

    def person(self, token: Token | None) -> bool:
        """Is `token` a named person or a he/she resolved to one?"""
        if token is None:
            return False
        mention = self.resolver.mention_at(token)
        if mention is None and token.pos_ == "PRON":
            mention = self.resolver.pronoun(token)
        return mention is not None and mention.label == "PERSON"

    def participant(self, token: Token | None) -> Participant | None:
        if token is None:
            return None
        name, entity_id, span = self.resolver.resolve(token)
        return Participant(name=name, entity_id=entity_id, span=span)

    def trigger(self, token: Token) -> Trigger | None:
        # Part of a name ("Meet the Fockers") or inside quote marks (the speaker's words, in doc._.quotes).
        if token.pos_ not in {"VERB", "NOUN"} or token.ent_type_ or self.quoted[token.i]:
            return None
        found = self.triggers.get((token.lemma_.lower(), token.pos_))
        if found is None or (found.prep and _prep_object(token, {found.prep}) is None):
            return None
        if found.code[:2] in {"05", "13"} and _child(token, {"ccomp"}) is not None:
            return None  # "agreed that he was brilliant", "warned that demand would fall": statements, not acts
        return found

    def roles(self, token: Token, trigger: Trigger) -> tuple[Token | None, Token | None]:
        """Actor and target heads of a trigger."""
        actor: Token | None
        target: Token | None = None
        if token.pos_ == "VERB":
            passive = _child(token, {"nsubjpass"})
            if passive is not None:
                agent = _child(token, {"agent"})
                actor, target = (_child(agent, {"pobj"}) if agent is not None else None), passive
            else:
                actor = subject_of(token)
                obj = _child(token, {"dobj"})
                if obj is not None:
                    target = _possessor(self.resolver, obj)
                else:
                    target = _prep_object(token, {trigger.prep} if trigger.prep else TARGET_PREPS)
        else:
            actor, target = self.noun_roles(token)
        if actor is not None:
            actor = _possessor(self.resolver, actor)
        if actor is not None and (actor.i == token.i or not self.can_act(actor)):
            actor = None  # actors are people, organisations, polities and agents: not "the system"
        if target is not None and (target.ent_type_ in VALUE_LABELS or target.pos_ == "PRON"):
            target = None
        if actor is not None and target is None and trigger.code[:2] in SYMMETRIC_ROOTS:
            target = _child(actor, {"conj"})
        return actor, target

    def noun_roles(self, token: Token) -> tuple[Token | None, Token | None]:
        between = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if between is not None and (first := _child(between, {"pobj"})) is not None:
            other = _child(first, {"conj"})
            if other is None:
                # "between [Gazprom and China's] national energy company": the pair sits inside the phrase.
                pair = next((c for c in first.lefts if _child(c, {"conj"}) is not None), None)
                if pair is not None:
                    return pair, _child(pair, {"conj"})
            return first, other
        target = _prep_object(token, frozenset({"with", "of", "against", "on", "to"}))
        for child in token.children:
            if child.dep_ == "poss":
                if child.tag_ == "WP$" and token.dep_ in {"appos", "nsubj"}:  # "Fico, whose criticism"
                    return token.head if token.dep_ == "appos" else None, target
                return child, target
            mention = self.resolver.mention_at(child) if child.dep_ in {"amod", "compound"} else None
            if mention is not None and mention.label in NOMINAL_ACTOR_LABELS:  # "Ukrainian drone attacks"
                return child, target
        governor = _governor(token)
        if governor is None:
            return None, target
        actor = subject_of(governor)
        if target is None:
            target = _prep_object(governor, frozenset({"with"}))
        return actor, target

    def sentence_ents(self, sent: SpacySpan) -> list[SpacySpan]:
        """The entities lying wholly inside `sent` (what `sent.ents` gives, by bisection)."""
        lo = bisect.bisect_left(self.ent_starts, sent.start)
        hi = bisect.bisect_left(self.ent_starts, sent.end, lo)
        return [ent for ent in self.ents[lo:hi] if ent.end <= sent.end]

    def time(self, ents: list[SpacySpan], token: Token, *, steps: int) -> TimeExpression | None:
        for ent in ents:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            # Attached in the parse, or right after an event noun ("a parade on Wednesday …").
            adjacent = token.pos_ == "NOUN" and ent.start - token.i == 2 and self.doc[token.i + 1].pos_ == "ADP"
            if adjacent or _attached(ent.root, {token.i}, steps=steps):
                time = time_expression(self.doc, ent, anchor=self.anchor)
                # With an anchor, what does not resolve is a duration ("two year", "annual"), not a time.
                return time if self.anchor is None or time.date is not None else None
        return None

    def place(self, ents: list[SpacySpan], token: Token, trigger: Trigger) -> Participant | None:
        for ent in ents:
            if ent.label_ in PLACE_LABELS and ent.root.head.lower_ in PLACE_PREPS and ent.root.head.head.i == token.i:
                return self.participant(ent.root)
        if trigger.code.startswith("04") and self.dateline:
            # A meeting with no place of its own is where the story is filed from (the dateline).
            return Participant(name=self.dateline)
        return None

    def modality(self, token: Token, time: TimeExpression | None) -> Modality:
        clause = token if token.pos_ == "VERB" else _governor(token)
        future = clause is not None and verb_tense(clause) == "future"
        if time is not None and time.span is not None:
            span = self.doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
            future = future or (span is not None and verb_tense(span.root) == "future")
        if future:
            return "expected"
        return "reported" if hedge_of(token) is not None or _is_reported(token) else "happened"

    def events(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            found: list[tuple[Token, Trigger]] = []
            for token in sent:
                trig = self.trigger(token)
                if trig is not None:
                    found.append((token, trig))
            if not found:
                continue
            ents = self.sentence_ents(sent)
            verb_codes = {t.i: trig.code[:2] for t, trig in found if t.pos_ == "VERB"}
            sentence_events: list[Event] = []
            for token, trig in found:
                governor = _governor(token) if token.pos_ == "NOUN" else None
                if governor is not None and verb_codes.get(governor.i) == trig.code[:2]:
                    continue  # "signed an agreement": the verb already codes it
                actor, target = self.roles(token, trig)
                time = self.time(ents, token, steps=4 if token.pos_ == "VERB" else 2)
                actor_p = self.participant(actor)
                modality = self.modality(token, time)
                if actor_p is None:
                    # "…denounced X, widely seen as a rebuke of Y": the nominal repeats the verbal event.
                    same = [e for e in sentence_events if e.code[:2] == trig.code[:2] and e.actor is not None]
                    if same:
                        actor_p, modality = same[-1].actor, same[-1].modality
                if actor_p is None and time is None:
                    continue
                if trig.code.startswith("04") and token.pos_ == "VERB" and target and not self.can_act(target):
                    continue  # "met the deadline", "meet a tax bill"
                if trig.code[:2] in FORCE_ROOTS and target is None and self.person(actor):
                    continue
                target_p = self.participant(target)
                if target_p is not None and actor_p is not None and target_p.name == actor_p.name:
                    target_p = None
                sentence_events.append(
                    Event(
                        code=trig.code,
                        action=trig.action,
                        trigger=make_span(self.doc, token.idx, token.idx + len(token)),
                        actor=actor_p,
                        target=target_p,
                        place=self.place(ents, token, trig),
                        time=time,
                        modality=modality,
                        evidence=make_span(self.doc, sent.start_char, sent.start_char + len(sent.text.rstrip())),
                    )
                )
            events += _dedupe(sentence_events)
        return events


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (root code, actor) in a sentence: "talks … during the summit" is one meeting."""
    kept: dict[tuple[str, str | None], Event] = {}
    for event in events:
        key = (event.code[:2], event.actor.name if event.actor else f"@{event.trigger.start}")
        filled = sum(x is not None for x in (event.target, event.time))
        if key not in kept or filled > sum(x is not None for x in (kept[key].target, kept[key].time)):
            kept[key] = event
    return sorted(kept.values(), key=lambda e: e.trigger.start)


def extract_events(doc: Doc, *, resolver: Resolver | None = None, anchor: dt.date | None = None) -> list[Event]:
    """CAMEO-coded events of `doc`; `anchor` (default: the article's date) resolves their times."""
    article = doc._.article
    dateline = getattr(article, "dateline", None)
    anchor = anchor if anchor is not None else anchor_date(doc)
    return _Extractor(doc, resolver or Resolver.of(doc), anchor, dateline).events()


@Language.factory("newsdesk_events", default_config={"check_dates": True})
def make_events(nlp: Language, name: str, check_dates: bool) -> Callable[[Doc], Doc]:
    """spaCy component writing `doc._.events: list[Event]` and date warnings to `doc._.notices`."""
    register_extensions()

    def events_component(doc: Doc) -> Doc:
        doc._.events = extract_events(doc)
        if check_dates:
            doc._.notices = list(doc._.notices or []) + anniversary_notices(doc, anchor=anchor_date(doc))
        return doc

    return events_component
