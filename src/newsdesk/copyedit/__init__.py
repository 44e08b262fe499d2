"""The copy desk: restore capitals, spacing and spelling of raw copy, as explainable edits, before the model.

    >>> copyedit_text("the talks in beijing went on,and on.").text
    'The talks in Beijing went on, and on.'

Runs first in the pipeline (it changes the text, and casing noise is what breaks NER). Every change is an
`Edit` (offsets into the original, rule, confidence, reason); `apply_edits` turns them into the corrected
text and an `OffsetMap` back to the original. Inside quotation marks only spacing and sentence-start case
change: quotes are the speaker's words. Headlines are left as they are (title or sentence case).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Literal

from newsdesk.article import Article, Edit, EditRule
from newsdesk.copyedit.house import HouseNames, HouseOption, bundled_house_names, learn_house_names, lexicon_for
from newsdesk.copyedit.lexicon import Lexicon
from newsdesk.copyedit.offsets import OffsetMap, apply_edits
from newsdesk.copyedit.presets import PRESETS, Preset
from newsdesk.copyedit.rules import RULES, Evidence, collect_evidence, spacing_edits, word_edits
from newsdesk.copyedit.scan import scan
from newsdesk.copyedit.spelling import ArticleWords

__all__ = [
    "PRESETS",
    "RULES",
    "Corrected",
    "HouseNames",
    "HouseOption",
    "OffsetMap",
    "Preset",
    "apply_edits",
    "bundled_house_names",
    "copyedit_article",
    "copyedit_text",
    "learn_house_names",
]

PresetName = Literal["precision", "recall"]


@dataclass(frozen=True, slots=True)
class Corrected:
    """The corrected text, the edits that made it (offsets into the original) and the offset map."""

    text: str
    edits: list[Edit]
    offsets: OffsetMap


def _preset(preset: PresetName | Preset) -> Preset:
    if isinstance(preset, Preset):
        return preset
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; choose one of {sorted(PRESETS)}")
    return PRESETS[preset]


def _check(rules: Collection[EditRule] | None, min_confidence: float) -> frozenset[str]:
    chosen = frozenset(RULES if rules is None else rules)
    unknown = chosen - set(RULES)
    if unknown:
        raise ValueError(f"unknown rules {sorted(unknown)}; choose from {list(RULES)}")
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError("min_confidence must be between 0 and 1")
    return chosen


def _body_edits(text: str, titles: list[str], preset: Preset, lex: Lexicon) -> tuple[list[Edit], Evidence]:
    tokens, protected = scan(text, lex.abbreviations, lex.attribution, lex.function_words)
    evidence = collect_evidence(tokens, titles=titles, function_words=lex.function_words)
    words = word_edits(text, tokens, evidence, lex, preset)
    return words + spacing_edits(text, protected, lex.abbreviations, words), evidence


def _keep(edits: list[Edit], rules: frozenset[str], min_confidence: float) -> list[Edit]:
    kept = [e for e in edits if e.rule in rules and e.confidence >= min_confidence]
    return sorted(kept, key=lambda e: (e.field, e.start, e.end))


def copyedit_text(
    text: str,
    *,
    preset: PresetName | Preset = "precision",
    rules: Collection[EditRule] | None = None,
    min_confidence: float = 0.0,
    house: HouseOption = "bundled",
) -> Corrected:
    """Copy-edit plain text: corrected text, edits, offset map.

    `preset` is "precision" (default: change only what the evidence makes near-certain) or "recall";
    `rules` limits the rules applied (names in `RULES`); edits below `min_confidence` are dropped; `house`
    is the house names to complete where the article half writes them (and the dictionary words the house
    capitalises, where the article reads a name): the bundled table by default, a
    newsroom's own (`learn_house_names`) in its place, or None for none.
    """
    chosen = _check(rules, min_confidence)
    edits, _ = _body_edits(text, [], _preset(preset), lexicon_for(house))
    edits = _keep(edits, chosen, min_confidence)
    corrected, offsets = apply_edits(text, edits)
    return Corrected(corrected, edits, offsets)


def copyedit_article(
    article: Article,
    *,
    preset: PresetName | Preset = "precision",
    rules: Collection[EditRule] | None = None,
    min_confidence: float = 0.0,
    house: HouseOption = "bundled",
) -> list[Edit]:
    """Edits for the body (`field="body"`) and the keyword trailer (`field="keywords"`, offsets into the
    keywords joined by ", "). The headline is never edited, but its capitals count as evidence. Options as
    for `copyedit_text`."""
    chosen = _check(rules, min_confidence)
    chosen_preset = _preset(preset)
    titles = [article.headline or "", *article.source_keywords]
    lex = lexicon_for(house)
    edits, evidence = _body_edits(article.body, titles, chosen_preset, lex)
    trailer = article.trailer
    if trailer:
        tokens, _ = scan(trailer, lex.abbreviations)
        # Keywords are names or title-cased topics: no sentence starts, no spelling, just names.
        tokens = [t._replace(sentence_start=False, mid_sentence=False, in_quote=False) for t in tokens]
        # The body's evidence, but not its words: the trailer's spelling is not fixed, nor counted.
        vocabulary = ArticleWords(Counter(), 0)
        keyword_edits = word_edits(
            trailer, tokens, replace(evidence, vocabulary=vocabulary), lex, chosen_preset, field="keywords"
        )
        edits += [e for e in keyword_edits if e.rule == "case.proper_noun"]
    return _keep(edits, chosen, min_confidence)
