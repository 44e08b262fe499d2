"""`newsdesk_gazetteer`: repairs the statistical NER where it is weak on news copy.

Placed after spaCy's `ner`, it rewrites `doc.ents`:

1. Knowledge-base matches. Every alias of the KB's places, nationalities and (with a Wikidata KB)
   organisations and facilities is matched case-insensitively, so `JAPAN`, `russia` and `Japan` are
   all found; a lower-case match is kept only when the name is not also an English word (`china`,
   `turkey`, `us` stay words). This is the gazetteer feature of classic news NER (Florian et al.
   2003; Ratinov & Roth 2009, "Design challenges and misconceptions in NER"), used here as rules.
2. Label repair where the KB knows the type better than the model: a country or nationality the model
   called ORG or PERSON gets its KB label (`Slovakia` ORG → GPE).
3. Span clean-up: a model name is cut at punctuation spaced on both sides, at a lower-case verb and at a
   line break; a leading `the` and a trailing possessive, punctuation or score are not part of a name, nor
   are trailing lower-case words of a name written with capitals. In an all-capitals line the model's names
   are dropped unless the KB knows them (the model reads every shouted word as a name).
4. Document-level consistency (Ratinov & Roth 2009's non-local features; Krishnan & Manning 2006):
   a name tagged once is tagged at its other, untagged occurrences (also lower-cased ones, when the
   name is not an English word), a person's surname and given name alone count as the person (unless the KB
   knows the word as a country, nationality or region), and
   every occurrence of a name gets the label most of its occurrences have.
5. Conventions of the copy: teams in results, standings and fixtures rows are ORG and people in results
   and line-ups PERSON (`sports`); the names opening a dateline are places, through the whole story.
6. Types from the words around a name: a GPE the KB does not know and no preposition marks as a place is
   an ORG; a name before an organisation noun (`Interfax news agency`) is an ORG, before a facility noun
   (`Druzhba pipeline`) a FAC.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsdesk.article import NAME_LABELS
from newsdesk.entities.kb import KnowledgeBase, common_words, normalize, resolve_kb, safe_lower, span_key
from newsdesk.entities.sports import (
    dateline_date,
    lines,
    mark_people,
    mark_teams,
    owners,
    run_after,
    run_before,
    team_consistency,
    words,
)
from newsdesk.errors import KBError
from newsdesk.tables import data_rows, function_words, word_set

#: Gazetteer labels: what a KB alias may add to a document on its own.
GAZETTEER_LABELS = ("GPE", "LOC", "NORP", "ORG", "FAC")
#: Labels the model gets wrong for countries and nationalities. Not PERSON: countries that are also
#: first names (Jordan, Chad, Georgia) stay persons when the model reads them so.
REPAIRABLE = frozenset({"ORG", "FAC", "LOC", "GPE", "NORP", "PRODUCT", "WORK_OF_ART"})
#: Lower-case words allowed inside a capitalised multi-word name (`Bank of England`).
NAME_JOINERS = frozenset({"of", "the", "and", "de", "du", "da", "von", "van", "der", "al", "el", "la", "le", "for"})
MAX_ALIAS_WORDS = 6
PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "near", "to", "into", "across", "outside", "inside", "of", "around"}
)
#: Labels whose names never end in a lower-case word (a work's or a law's title may: `Gone with the wind`).
TRIMMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
TRAILING_JUNK = frozenset({"'s", "’s", "'", "’", ",", ".", ";", ":", "-", "(", ")", '"'})


def is_capitalised(tokens: Iterable[Token]) -> bool:
    """Every word of the name starts with a capital (joiners aside), as names do in cased copy."""
    words = [t for t in tokens if t.is_alpha]
    return bool(words) and all(t.text[0].isupper() or t.lower_ in NAME_JOINERS for t in words)


class Gazetteer:
    def __init__(
        self,
        kb: KnowledgeBase,
        *,
        labels: Iterable[str],
        min_prior: float,
        propagate: bool,
        names: Path | None = None,
    ) -> None:
        self.kb = kb
        # A user's own list of names (`names`) is authoritative: it overrides the KB and the model.
        self.aliases: dict[str, tuple[str, bool]] = read_names(names) if names else {}
        for alias, label, strong in kb.aliases(labels=labels, min_prior=min_prior):
            # One-letter and pure-number aliases are noise, not names.
            if len(alias) > 1 and not alias.replace(" ", "").isdigit():
                self.aliases.setdefault(alias, (label, strong))
        # Groups no country data names (`Kurds`, `Muslims`, `English`): as sure as a demonym.
        for name, label in groups():
            self.aliases.setdefault(normalize(name), (label, True))
        self.first_words = frozenset(alias.split(" ", 1)[0] for alias in self.aliases)
        self.max_words = min(MAX_ALIAS_WORDS, max((a.count(" ") + 1 for a in self.aliases), default=1))
        self.propagate = propagate

    @classmethod
    def for_kb(
        cls, kb: KnowledgeBase, *, min_prior: float = 0.3, propagate: bool = True, names: Path | None = None
    ) -> Gazetteer:
        """One gazetteer per KB and options in a process: building the alias table is the costly part."""
        return _gazetteer(kb, min_prior, propagate, names)

    def __call__(self, doc: Doc) -> Doc:
        w = words(doc)
        keys = [normalize(text) for text in w.text]
        # Words the copy itself capitalises mid-sentence: lower-cased elsewhere they are the same name.
        # (Title case only: all-capital headlines capitalise every word.)
        named = frozenset(k for k, title, opens in zip(keys, w.title, w.opens, strict=True) if title and not opens)
        ents = {span: e.label_ for e in doc.ents for span in _split(doc, e.start, e.end)}
        if any(w.title[:200]) or any(w.upper[:200]):
            # In cased copy a lower-case English word is a word (`fine china`), whatever the model says.
            ents = {
                (s, e): label
                for (s, e), label in ents.items()
                if not (label in NAME_LABELS and doc[s:e].text.islower() and not _known(keys[s:e], named))
            }
        # In an all-capitals line the model reads every word as a name (`SOCCER`, `MAJOR LEAGUE STANDINGS`,
        # `BELGIUM BEAT TURKEY`): its names there are dropped, and the line's names come from the KB, the
        # body's own names (consistency, below) and the dateline and results-row conventions.
        shouted = _shouted(doc)
        ents = {
            (s, e): label
            for (s, e), label in ents.items()
            if not (label in NAME_LABELS and shouted[s] and span_key(keys, s, e) not in self.aliases)
        }
        ents = self._add_kb_matches(doc, keys, ents, named)
        ents = _extend_names(doc, keys, ents)
        ents = {span: label for span, label in (self._trim(doc, s, e, label) for (s, e), label in ents.items()) if span}
        ents = mark_people(doc, keys, ents, self.national)
        ents, teams = mark_teams(doc, keys, ents, self.national, self._place)
        ents, places = self._datelines(doc, keys, ents)
        if self.propagate:
            ents = self._propagate(doc, keys, ents, named)
        ents = team_consistency(doc, keys, ents, teams)
        # The dateline's place is that place through the story (`Longyear is a town in mourning`).
        ents = {
            (s, e): places[key] if label in ("PERSON", "ORG") and key in places and key not in teams else label
            for (s, e), label in ents.items()
            for key in [span_key(keys, s, e)]
        }
        ents = self._unknown_places(doc, keys, ents)
        ents = self._organisations(doc, keys, ents)
        ents = self._facilities(doc, keys, ents)
        doc.ents = [Span(doc, s, e, label=label) for (s, e), label in sorted(ents.items())]
        return doc

    # -- 1 and 2: KB matches and label repair ------------------------------------------------------

    def matches(
        self, doc: Doc, keys: list[str], named: frozenset[str] = frozenset()
    ) -> Iterable[tuple[int, int, str, bool]]:
        """Longest KB alias matches, left to right, not overlapping, that pass the casing check."""
        w = words(doc)
        i, n = 0, len(doc)
        while i < n:
            found = None
            # Most words open no alias: the first-word set spares the longest-match loop.
            if keys[i] in self.first_words and ((keys[i] and w.alpha[i]) or w.text[i][:1].isupper()):
                for j in range(min(n, i + self.max_words), i, -1):
                    key = span_key(keys, i, j)
                    hit = self.aliases.get(key)
                    if hit and keys[j - 1] and self._acceptable(doc[i:j], key, named):
                        found = (i, j, *hit)
                        break
            if found:
                yield found
                i = found[1]
            else:
                i += 1

    @staticmethod
    def _acceptable(span: Span, key: str, named: frozenset[str]) -> bool:
        if is_capitalised(span):
            return not _sentence_case_word(span, key)
        return safe_lower(key) or _known(key.split(), named)

    def _add_kb_matches(
        self, doc: Doc, keys: list[str], ents: dict[tuple[int, int], str], named: frozenset[str]
    ) -> dict[tuple[int, int], str]:
        owner = owners(len(doc), ents)
        for start, end, label, strong in self.matches(doc, keys, named):
            covering = {span for span in owner[start:end] if span is not None}
            if not covering:
                ents[(start, end)] = label
            elif covering == {(start, end)}:
                if strong and ents[(start, end)] in REPAIRABLE:
                    ents[(start, end)] = label
            elif all(start <= s and e <= end for s, e in covering):
                # The model found part of the name (`North` of `North Korea`): the KB has all of it.
                for span in covering:
                    del ents[span]
                ents[(start, end)] = label
            else:
                continue
            for k in range(start, end):
                owner[k] = (start, end)
        return ents

    def _capitalised_word(self, doc: Doc, start: int, end: int, key: str) -> bool:
        """An English word capitalised only because it opens a sentence (`Attendance`, `Men`), not a KB name."""
        return _sentence_case_word(doc[start:end], key) and key not in self.aliases

    def _place(self, key: str) -> bool:
        hit = self.aliases.get(key)
        return hit is not None and hit[0] in ("GPE", "LOC")

    def national(self, key: str) -> str | None:
        """The KB label of a country, a nationality or a region (a national side is named by it), else None."""
        hit = self.aliases.get(key)
        return hit[0] if hit is not None and hit[1] else None

    def _datelines(
        self, doc: Doc, keys: list[str], ents: dict[tuple[int, int], str]
    ) -> tuple[dict[tuple[int, int], str], dict[str, str]]:
        """The names opening a dateline are places (`LONDON 1996-08-30`, `ARLINGTON , Texas 1996-08-30`).

        Returns the entities and the places' labels by key.
        """
        w = words(doc)
        out = dict(ents)
        places: dict[str, str] = {}
        for start, end in lines(doc):
            names, k = [], start
            while k < end:
                stop = run_after(w, k, end)
                if stop == k:
                    break
                names.append((k, stop))
                k = stop + 1 if stop < end and doc[stop].text == "," else stop
            if not names or k >= end or not dateline_date(doc[k]) or len(names) > 2:
                continue
            for s, e in names:
                if any(a < s or b > e for a, b in out if a < e and s < b):
                    continue  # a longer name of the model's runs through the dateline
                for span in [span for span in out if span[0] < e and s < span[1]]:
                    del out[span]
                key = span_key(keys, s, e)
                out[(s, e)] = places[key] = self.aliases[key][0] if self._place(key) else "GPE"
        return out, places

    def _unknown_places(
        self, doc: Doc, keys: list[str], ents: dict[tuple[int, int], str]
    ) -> dict[tuple[int, int], str]:
        """A "place" the KB does not know, and that no `in`/`from` marks as a place, is more often a body: ORG.

        Every country and town of 15,000 people is in the KB; the model's other GPEs are mostly companies
        and institutions named like places.
        """
        out = dict(ents)
        marked = {span_key(keys, s, e) for s, e in ents if s > 0 and doc[s - 1].lower_ in PLACE_PREPOSITIONS}
        for (s, e), label in ents.items():
            key = span_key(keys, s, e)
            if label == "GPE" and key not in marked and not self.kb.candidates(key):
                out[(s, e)] = "ORG"
        return out

    def _facilities(self, doc: Doc, keys: list[str], ents: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
        """A name followed by a facility noun is the facility (`Druzhba pipeline`), unless it is a known place."""
        out = dict(ents)
        taken = {k for s, e in ents for k in range(s, e)}
        for (s, e), label in ents.items():
            if (
                label in NAME_LABELS
                and e < len(doc)
                and e not in taken
                and doc[e].lower_ in facility_nouns()
                and span_key(keys, s, e) not in self.aliases
            ):
                del out[(s, e)]
                out[(s, e + 1)] = "FAC"
        return out

    def _organisations(self, doc: Doc, keys: list[str], ents: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
        """A capitalised name right before an organisation noun is an organisation (`Interfax news agency`)."""
        w = words(doc)
        out = dict(ents)
        owner = owners(len(doc), out)
        nouns = org_nouns()
        for k in range(1, len(doc)):
            if w.lower[k] not in nouns or not w.text[k].islower():
                continue
            end = k - 1 if w.lower[k - 1] == "news" else k
            start = run_before(w, end, max(0, end - MAX_ALIAS_WORDS))
            key = span_key(keys, start, end)
            if start == end or self.national(key) or self._capitalised_word(doc, start, end, key):
                continue
            span = owner[start]
            if span is None and all(owner[i] is None for i in range(start, end)):
                out[(start, end)] = "ORG"
            elif span == (start, end) and out[span] in ("PERSON", "GPE", "LOC"):
                out[span] = "ORG"
        return out

    # -- 3: clean-up ----------------------------------------------------------------------------------

    @staticmethod
    def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[tuple[int, int] | None, str]:
        if label not in NAME_LABELS:
            return (start, end), label
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        while end > start and (doc[end - 1].text in TRAILING_JUNK or doc[end - 1].like_num):
            end -= 1
        # A name written with capitals ends at its last capitalised word: `Interfax news agency` is `Interfax`.
        if label in TRIMMED and start < end and doc[start].text[:1].isupper():
            # (A word joined to the one before is part of it: `Kim Jong-un`.)
            while end - 1 > start and doc[end - 1].is_lower and doc[end - 2].whitespace_:
                end -= 1
        return ((start, end) if end > start else None), label

    # -- 4: document-level consistency -------------------------------------------------------------

    def _propagate(
        self, doc: Doc, keys: list[str], ents: dict[tuple[int, int], str], named: frozenset[str]
    ) -> dict[tuple[int, int], str]:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        parts: Counter[str] = Counter()
        for (s, e), label in ents.items():
            if label in NAME_LABELS:
                key = span_key(keys, s, e)
                votes[key][label] += 2 if e - s > 1 else 1
        # A person's surname or given name alone (`Putin`, `Xi`) is that person.
        for (s, e), label in ents.items():
            if label == "PERSON" and e - s > 1:
                for k in (s, e - 1):
                    # Not an English word the model swept in (`Pirelli cables`), unless written as a name.
                    name_like = doc[k].is_title or keys[k] not in common_words()
                    # Nor a country or nationality the KB knows (`Greenpeace Norway`, a name the model read as a
                    # person's): alone, that word is the place or the people, not the person.
                    national = self.national(keys[k])
                    if name_like and not national and len(keys[k]) > 1 and keys[k] not in function_words():
                        parts[keys[k]] += 1
        for part, n in parts.items():
            # A full name is strong evidence: it outvotes the model's labels of the bare surname, however
            # often the model read that (`c Jayasuriya b Vaas` in a scorecard), unless the KB knows a place.
            votes[part]["PERSON"] += 3 * n if part in self.aliases else 3 * n + len(doc)
        # An acronym defined in brackets after a name (`Kurdistan Democratic Party ( KDP )`) is that name.
        for (s, e), label in ents.items():
            if label not in NAME_LABELS or e - s < 2 or e + 2 >= len(doc):
                continue
            acronym = doc[e + 1]
            if doc[e].text == "(" and doc[e + 2].text == ")" and acronym.is_upper and acronym.is_alpha:
                votes[keys[e + 1]][label] += 3 if len(acronym) > 1 else 0
        if not votes:
            return ents
        best = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
        out: dict[tuple[int, int], str] = {}
        for (s, e), label in ents.items():
            key = span_key(keys, s, e)
            if label in NAME_LABELS and self._capitalised_word(doc, s, e, key) and not parts[key]:
                continue
            out[(s, e)] = best.get(key, label) if label in NAME_LABELS else label
        owner = owners(len(doc), out)
        longest = min(MAX_ALIAS_WORDS, max(k.count(" ") + 1 for k in best))
        firsts = {k.split(" ", 1)[0] for k in best}
        i = 0
        while i < len(doc):
            hit = None
            if owner[i] is None and keys[i] in firsts:
                for j in range(min(len(doc), i + longest), i, -1):
                    if any(owner[k] is not None for k in range(i, j)):
                        continue
                    key = span_key(keys, i, j)
                    if key in best and keys[j - 1] and self._acceptable(doc[i:j], key, named):
                        hit = (i, j)
                        out[hit] = best[key]
                        break
            i = hit[1] if hit else i + 1
        return out


@cache
def facility_nouns() -> frozenset[str]:
    return word_set("entities/facility_nouns.txt")


@cache
def groups() -> list[tuple[str, str]]:
    return [(name, label) for name, label in data_rows("entities/groups.tsv")]


@cache
def org_nouns() -> frozenset[str]:
    return word_set("entities/org_nouns.txt")


def _shouted(doc: Doc) -> list[bool]:
    """For each token, whether its line is written in capitals (a wire headline, a standings table)."""
    # 0.6, not all: casing noise lower-cases a word or two of a headline.
    w = words(doc)
    out = [False] * len(doc)
    for start, end in lines(doc):
        letters = sum(w.alpha[start:end])
        upper = sum(a and u for a, u in zip(w.alpha[start:end], w.upper[start:end], strict=True))
        if letters and upper > 0.6 * letters:
            out[start:end] = [True] * (end - start)
    return out


def _sentence_case_word(span: Span, key: str) -> bool:
    """One title-case English word opening a sentence or a line: capitalised by position only, no evidence of a name."""
    first = span[0]
    opens = bool(first.is_sent_start) or first.i == 0 or (first.nbor(-1).is_space and "\n" in first.nbor(-1).text)
    return len(span) == 1 and opens and span.text.istitle() and key in common_words()


def _known(words: Iterable[str], named: frozenset[str]) -> bool:
    """Every word is written capitalised elsewhere in the copy, or is no English word at all."""
    words = [w for w in words if w]
    return bool(words) and all(w in named or safe_lower(w) for w in words)


def _extend_names(doc: Doc, keys: list[str], ents: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """A person or organisation name runs on over a lower-cased word that is no English word.

    Casing noise lower-cases parts of names (`Pedro linhart`, `sean Berry`); the model stops at the capital.
    """
    owner = owners(len(doc), ents)
    out = {}
    for (s, e), label in sorted(ents.items()):
        while (
            label in ("PERSON", "ORG")
            and e < len(doc)
            and owner[e] is None
            and doc[e].is_alpha
            and doc[e].is_lower
            and safe_lower(keys[e])
        ):
            owner[e] = (s, e)
            e += 1
        while (
            label == "PERSON"
            and s > 0
            and owner[s - 1] is None
            and doc[s - 1].is_alpha
            and doc[s - 1].is_lower
            and safe_lower(keys[s - 1])
        ):
            s -= 1
            owner[s] = (s, e)
        out[(s, e)] = label
    return out


def _split(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A model entity cut at punctuation spaced on both sides (`Romania - Cosmin Contra` is two names), at a
    lower-case verb and at line breaks (a name does not run from one line of a table or a list to the next)."""
    pieces, first = [], start
    for k in range(start + 1, end - 1):
        spaced = doc[k].is_punct and doc[k].whitespace_ and doc[k - 1].whitespace_
        # A lower-case verb is no part of a name written with capitals: `Romania beat Lithuania` is two.
        verb = doc[k].pos_ in ("VERB", "AUX") and doc[k].is_lower and doc[start].text[:1].isupper()
        if spaced or verb or (doc[k].is_space and "\n" in doc[k].text):
            pieces.append((first, k))
            first = k + 1
    pieces.append((first, end))
    return [(s, e) for s, e in pieces if e > s]


@lru_cache(maxsize=8)
def _gazetteer(kb: KnowledgeBase, min_prior: float, propagate: bool, names: Path | None) -> Gazetteer:
    return Gazetteer(kb, labels=GAZETTEER_LABELS, min_prior=min_prior, propagate=propagate, names=names)


def read_names(path: Path) -> dict[str, tuple[str, bool]]:
    """A names file: `name<TAB>label` lines (newsdesk labels; `#` comments), like an EntityRuler's patterns."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = "no names file there" if not path.is_file() else f"cannot be read as UTF-8 text ({err})"
        raise KBError(str(path), reason, code="ND154") from err
    out: dict[str, tuple[str, bool]] = {}
    for line in text.splitlines():
        name, _, label = line.partition("\t")
        if name and not name.startswith("#") and label.strip() in NAME_LABELS and normalize(name):
            out[normalize(name)] = (label.strip(), True)
    return out


@Language.factory(
    "newsdesk_gazetteer",
    default_config={"kb": "", "min_prior": 0.3, "propagate": True, "names": ""},
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def make_gazetteer(nlp: Language, name: str, kb: str, min_prior: float, propagate: bool, names: str) -> Gazetteer:
    """KB matches, label repair, span clean-up and document-level consistency for `doc.ents`.

    `kb`: path of a KB built by `newsdesk kb build` ("" = $NEWSDESK_KB, else the default KB in the package).
    `names`: optional path of a `name<TAB>label` file of domain names that override the KB and the model.
    """
    if not 0.0 <= min_prior <= 1.0:
        raise ValueError("min_prior must be within [0, 1]")
    return Gazetteer.for_kb(
        resolve_kb(kb), min_prior=min_prior, propagate=propagate, names=Path(names) if names else None
    )
