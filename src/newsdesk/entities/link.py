"""Entity linking: choose a KB entity for a name by popularity AND context, or abstain.

The score is the classic prior + context combination of Wikify!/TagMe-style linkers (Mihalcea &
Csomai 2007; Ferragina & Scaiella 2010): a candidate's popularity prior (from sitelinks) mixed with
the overlap between the article's words and entities and the candidate's description and related
entities (country, capital, region, employer, team). A candidate whose KB type contradicts the NER
label is kept but penalised, and the linker abstains when the winner's confidence is below threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsdesk.entities.kb import Candidate, KnowledgeBase, normalize

#: Labels that name the same kind of thing for linking purposes (places are GPE, LOC or FAC by context).
FAMILIES = {"GPE": "place", "LOC": "place", "FAC": "place"}
#: How much an incompatible type costs (the NER label is evidence, not proof: `Jordan` PERSON may be wrong).
TYPE_PENALTY = 0.3


@dataclass(frozen=True, slots=True)
class Link:
    candidate: Candidate
    confidence: float


def compatible(ner_label: str, kb_label: str) -> bool:
    return FAMILIES.get(ner_label, ner_label) == FAMILIES.get(kb_label, kb_label)


class Linker:
    def __init__(self, kb: KnowledgeBase, *, threshold: float = 0.5, prior_weight: float = 0.5) -> None:
        if not 0.0 <= threshold <= 1.0 or not 0.0 <= prior_weight <= 1.0:
            raise ValueError("threshold and prior_weight must be within [0, 1]")
        self.kb = kb
        self.threshold = threshold
        self.prior_weight = prior_weight

    def candidates(self, names: Iterable[str]) -> list[Candidate]:
        seen: dict[str, Candidate] = {}
        for name in names:
            for cand in self.kb.candidates(name):
                seen.setdefault(cand.id, cand)
        return list(seen.values())

    def link(self, names: Iterable[str], label: str, context: set[str]) -> Link | None:
        """The best candidate for an entity called `names`, typed `label`, in an article with `context` words.

        `context` holds the article's normalized content words (see `kb.content_words`) and the normalized
        names of its entities; the entity's own names are removed so a name is no evidence for itself.
        """
        names = list(names)
        cands = self.candidates(names)
        if not cands:
            return None
        own = {normalize(n) for n in names} | {w for n in names for w in normalize(n).split()}
        ctx = context - own
        raws = []
        for cand in cands:
            overlap = len(cand.context & ctx)
            # Context evidence saturates: one shared fact gives 0.5, two 0.67, three 0.75.
            raw = self.prior_weight * cand.prior + (1 - self.prior_weight) * overlap / (overlap + 1)
            raws.append(raw * (1.0 if compatible(label, cand.label) else TYPE_PENALTY))
        best = max(range(len(cands)), key=raws.__getitem__)
        # Among rivals, a candidate is as sure as its share of the scores. Alone and of the right type,
        # only its own evidence counts: an unrivalled name is half-way linked already.
        if len(cands) > 1:
            confidence = raws[best] / (sum(raws) or 1.0)
        elif compatible(label, cands[best].label):
            confidence = 0.5 + 0.5 * raws[best]
        else:
            confidence = raws[best]
        confidence = round(min(1.0, confidence), 4)
        if confidence < self.threshold:
            return None
        return Link(cands[best], confidence)
