"""`newsdesk_entities`: one `Entity` per real thing, with every mention, a canonical name, an id and a salience.

Runs last, on `doc.ents` as the model and `newsdesk_gazetteer` left them, and writes
`doc._.entities: list[newsdesk.article.Entity]`, most salient first.

- Titles are stripped from person mentions (`President Xi` → `Xi`), then a person's short mentions join
  the longer name that contains them (`Xi` → `Xi Jinping`, `Kim` → `Kim Jong-un`): the one-document
  name coreference of news NER systems (e.g. Stanford's "sieve" name matching, Lee et al. 2013).
- Names are linked to the KB (see `link.Linker`); mentions linked to one KB entity are one entity
  (`U.S.` and `United States`). Unlinked entities get `newsdesk_id(canonical name, label)`.
- The headline is not in the Doc (title case confuses NER): it is searched for the body's entities
  and for KB names, so its verbs are never tagged.
- Salience mixes mention count, first position and presence in the headline (the positional and
  frequency features of Gamon et al. 2013, "Identifying salient entities in web pages").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.article import NAME_LABELS, Article, Entity, EntityLabel, Span
from newsdesk.entities.gazetteer import Gazetteer, is_capitalised
from newsdesk.entities.kb import content_words, newsdesk_id, normalize, resolve_kb, safe_lower
from newsdesk.entities.link import Link, Linker
from newsdesk.nlp import doc_text, make_span, register_extensions
from newsdesk.tables import word_set

QID = re.compile(r"Q[0-9]+")
#: Salience weights: frequency, earliness, headline. Values (dates, amounts) are scaled down.
W_COUNT, W_FIRST, W_HEADLINE = 0.45, 0.25, 0.3
VALUE_SCALE = 0.3


@cache
def titles() -> frozenset[str]:
    return word_set("entities/titles.txt")


@dataclass
class Group:
    label: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # start char, end char, label
    names: Counter[str] = field(default_factory=Counter)
    headline: list[tuple[int, int]] = field(default_factory=list)
    tokens: tuple[str, ...] = ()  # normalized words of the longest person name

    @property
    def canonical(self) -> str:
        if self.label == "PERSON":
            return max(self.names, key=lambda n: (len(normalize(n).split()), self.names[n], len(n)))
        return max(self.names, key=lambda n: (self.names[n], len(n)))


def strip_title(words: list[str]) -> int:
    """How many leading words of a person mention are a title (`Prime Minister`, `Mr.`)."""
    n = 0
    while n < len(words) - 1:
        for size in (3, 2, 1):
            if " ".join(w.lower().rstrip(".") for w in words[n : n + size]) in titles() and n + size < len(words):
                n += size
                break
        else:
            break
    return n


class EntityBuilder:
    def __init__(self, tokenizer: Callable[[str], Doc], gazetteer: Gazetteer, linker: Linker) -> None:
        self.tokenizer = tokenizer
        self.gazetteer = gazetteer
        self.linker = linker

    def __call__(self, doc: Doc) -> Doc:
        article: Article | None = doc._.article
        groups = self._group(doc)
        context = set(content_words(doc_text(doc)[:20000]))
        headline = article.headline if article and article.headline else ""
        if headline:
            context.update(content_words(headline))
        context.update(normalize(name) for group in groups for name in group.names)
        links = {}
        for i, group in enumerate(groups):
            if group.label in NAME_LABELS:
                link = self.linker.link(group.names, group.label, context)
                if link is not None:
                    links[i] = link
        groups, links = self._merge_linked(groups, links)
        if headline:
            self._headline(doc, headline, groups, links)
        doc._.entities = self._entities(doc, groups, links, headline)
        return doc

    def _group(self, doc: Doc) -> list[Group]:
        persons: list[Group] = []
        others: dict[tuple[str, str], Group] = {}
        spans = []
        for ent in doc.ents:
            start = ent.start
            if ent.label_ == "PERSON":
                start += strip_title([t.text for t in ent])
            spans.append((doc[start].idx, ent.end_char, ent.label_))
        # Longest person names first, so short mentions find the full name whatever the order.
        text_of = doc_text(doc)
        order = sorted(spans, key=lambda m: -len(normalize(text_of[m[0] : m[1]]).split()) if m[2] == "PERSON" else 0)
        for start, end, label in order:
            text = text_of[start:end]
            key = normalize(text)
            if not key:
                continue
            if label == "PERSON":
                words = tuple(key.split())
                group = next((g for g in persons if _contains(g.tokens, words)), None)
                if group is None:
                    group = Group("PERSON", tokens=words)
                    persons.append(group)
            else:
                family = "value" if label not in NAME_LABELS else "name"
                group = others.setdefault((family, key), Group(label))
            group.mentions.append((start, end, label))
            group.names[text] += 1
        groups = persons + list(others.values())
        for group in groups:
            group.mentions.sort()
            votes = Counter(m[2] for m in group.mentions)
            group.label = votes.most_common(1)[0][0]
        return groups

    @staticmethod
    def _merge_linked(groups: list[Group], links: dict[int, Link]) -> tuple[list[Group], dict[int, Link]]:
        """Groups linked to the same KB entity are one entity (`U.S.` and `United States`)."""
        by_id: dict[str, int] = {}
        merged: list[Group] = []
        new_links: dict[int, Link] = {}
        for i, group in enumerate(groups):
            link = links.get(i)
            if link is not None and link.candidate.id in by_id:
                target = merged[by_id[link.candidate.id]]
                target.mentions = sorted(target.mentions + group.mentions)
                target.names.update(group.names)
                continue
            if link is not None:
                by_id[link.candidate.id] = len(merged)
                new_links[len(merged)] = link
            merged.append(group)
        return merged, new_links

    def _headline(self, doc: Doc, headline: str, groups: list[Group], links: dict[int, Link]) -> None:
        """Mentions of known entities in the headline, and KB names the body does not have."""
        taken: list[tuple[int, int]] = []
        for group in sorted(groups, key=lambda g: -len(g.canonical)):
            if group.label not in NAME_LABELS:
                continue
            forms = set(group.names) | {group.canonical}
            if group.label == "PERSON":
                # A surname or given name alone, but not one that is a country or nationality (`Norway`).
                national = self.gazetteer.national
                forms |= {w for w in group.canonical.split() if len(w) > 1 and not national(normalize(w))}
            for form in sorted(forms, key=len, reverse=True):
                for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", headline, flags=re.IGNORECASE):
                    s, e = m.span()
                    if any(s < te and ts < e for ts, te in taken):
                        continue
                    surface = headline[s:e]
                    if surface[:1].isupper() or safe_lower(normalize(surface)):
                        group.headline.append((s, e))
                        taken.append((s, e))
        hdoc = self.tokenizer(headline)
        for start, end, label, _ in self.gazetteer.matches(hdoc, [normalize(t.text) for t in hdoc]):
            s, e = hdoc[start:end].start_char, hdoc[start:end].end_char
            if any(s < te and ts < e for ts, te in taken) or not is_capitalised(hdoc[start:end]):
                continue
            group = Group(label)
            group.names[headline[s:e]] += 1
            group.headline.append((s, e))
            link = self.linker.link([headline[s:e]], label, set())
            if link is not None:
                links[len(groups)] = link
            groups.append(group)
            taken.append((s, e))

    def _entities(self, doc: Doc, groups: list[Group], links: dict[int, Link], headline: str) -> list[Entity]:
        length = max(len(doc_text(doc)), 1)
        top = max((len(g.mentions) for g in groups), default=1) or 1
        out = []
        for i, group in enumerate(groups):
            link = links.get(i)
            cand = link.candidate if link is not None else None
            label = cand.label if cand is not None and group.label != cand.label else group.label
            name = cand.name if cand is not None and group.label != "PERSON" else group.canonical
            first = group.mentions[0][0] / length if group.mentions else 1.0
            salience = (
                W_COUNT * math.log1p(len(group.mentions)) / math.log1p(top)
                + W_FIRST * (1.0 - first) * (1.0 if group.mentions else 0.0)
                + W_HEADLINE * (1.0 if group.headline else 0.0)
            )
            if label not in NAME_LABELS:
                salience *= VALUE_SCALE
            mentions = [make_span(doc, s, e) for s, e, _ in group.mentions]
            mentions += [
                Span(text=headline[s:e], start=s, end=e, original_start=s, original_end=e, field="headline")
                for s, e in sorted(group.headline)
            ]
            qid = cand.id if cand is not None and QID.fullmatch(cand.id) else None
            out.append(
                Entity(
                    id=cand.id if cand is not None else newsdesk_id(name, label),
                    name=name,
                    label=_label(label),
                    mentions=mentions,
                    salience=round(min(1.0, salience), 4),
                    wikidata=qid,
                    description=cand.description or None if cand is not None else None,
                    link_confidence=link.confidence if link is not None else None,
                    country=cand.country if cand is not None and label != "PERSON" else None,
                )
            )
        out.sort(key=lambda e: (-e.salience, e.name))
        return out


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _label(label: str) -> EntityLabel:
    return label  # type: ignore[return-value]


@Language.factory(
    "newsdesk_entities",
    default_config={"kb": "", "link_threshold": 0.5},
    requires=["doc.ents"],
    assigns=["doc._.entities"],
)
def make_entities(nlp: Language, name: str, kb: str, link_threshold: float) -> EntityBuilder:
    """Group, name, link and rank the document's entities into `doc._.entities`.

    `kb`: path of a KB built by `newsdesk kb build` ("" = $NEWSDESK_KB, else the default KB); `link_threshold`: the
    confidence below which the linker abstains.
    """
    register_extensions()
    knowledge = resolve_kb(kb)
    return EntityBuilder(nlp.tokenizer, Gazetteer.for_kb(knowledge), Linker(knowledge, threshold=link_threshold))
