"""Entities: robust NER, one canonical identity per real thing, offline linking to a knowledge base.

Importing this package registers the spaCy factories `newsdesk_gazetteer` and `newsdesk_entities`.
"""

from __future__ import annotations

from spacy.language import Language

from newsdesk.entities.component import EntityBuilder, make_entities
from newsdesk.entities.gazetteer import Gazetteer, make_gazetteer
from newsdesk.entities.kb import DEFAULT_KB, KnowledgeBase, build_kb, newsdesk_id, open_kb
from newsdesk.entities.link import Link, Linker

#: The pipe names, in order, that go after spaCy's `ner` (add them to `newsdesk.pipeline.STAGES`).
STAGES = ("newsdesk_gazetteer", "newsdesk_entities")


def add_pipes(nlp: Language, *, kb: str = "", names: str = "") -> Language:
    """Add the entity components to `nlp` (after its `ner`).

    `kb`: a KB file ("" = $NEWSDESK_KB, else the default); `names`: an optional `name<TAB>label` file of
    domain names that override the KB and the model.
    """
    nlp.add_pipe("newsdesk_gazetteer", config={"kb": kb, "names": names})
    nlp.add_pipe("newsdesk_entities", config={"kb": kb})
    return nlp


__all__ = [
    "DEFAULT_KB",
    "STAGES",
    "EntityBuilder",
    "Gazetteer",
    "KnowledgeBase",
    "Link",
    "Linker",
    "add_pipes",
    "build_kb",
    "make_entities",
    "make_gazetteer",
    "newsdesk_id",
    "open_kb",
]
