"""Quote attribution on the PolNeAR test split: newsdesk vs textacy's `direct_quotations`, same run.

PolNeAR (../shared/data/polnear, SOURCE.md) is used for evaluation only: nothing in newsdesk was
tuned on it. Per article, the first annotator's attributions are the gold standard.

- Direct quotes: gold attributions whose content is delimited by double quote marks (it starts or
  ends with one, or one stands right before or after it). Recall = share of them matched by a
  predicted verbatim quote (direct, partial, or an indirect one carrying quoted words: a mixed quote
  like `said the election was “rigged”`) covering ≥ 50% of the gold content's characters;
  speaker accuracy = share of matched ones whose predicted speaker mention overlaps the gold
  source, or whose speaker name shares a capitalised word with it.
- All attributions: the same content match with any predicted quote (indirect included), and the
  source accuracy of those.
- Robustness: exceptions raised by either system, per article.
- Time: the spaCy model, newsdesk's quotes and events (+dates) components and textacy on the same
  parsed docs; the share of the pipeline taken by quotes+events.

Development set (`--dev`): 25 public BBC News articles with their direct and partial quotes and
speakers annotated by hand (tests/fixtures/quotes_dev.jsonl, see tests/fixtures/quotes_dev.md). Rules
are developed on it; PolNeAR is run to measure. A check set of 10 more (quotes_dev_check.jsonl),
annotated after the rules were written, is scored beside it and never tuned on. The speaker is scored
against the canonical name the reader needs (`he said` must resolve), stricter than PolNeAR's
local-mention match. `--dev --errors` lists the development set's misses.

Run: `.venv/bin/python -m benchmarks.quotes` (about a minute on 2 cores) or with `--dev`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from benchmarks.common import DATA, REPO, Timer, markdown_table, read_jsonl, write_results
from spacy.tokens import Doc

import newsdesk.events
import newsdesk.quotes  # noqa: F401  (registers newsdesk_quotes)
from newsdesk.article import Article, Quote
from newsdesk.nlp import load_model

QUOTE_MARKS = '“”"«»'
DEV = REPO / "tests" / "fixtures" / "quotes_dev.jsonl"
#: 10 more articles annotated the same way after the rules were written: a check never tuned on.
DEV_CHECK = REPO / "tests" / "fixtures" / "quotes_dev_check.jsonl"
STAGES = ("newsdesk_quotes", "newsdesk_events")
_WORD = re.compile(r"[A-Z][\w'-]{2,}")


def pieces(role: dict[str, Any]) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in role.get("offsets", [])]


def overlap(span: tuple[int, int], gold: list[tuple[int, int]]) -> float:
    """Share of the gold characters covered by `span`."""
    total = sum(e - s for s, e in gold)
    if total <= 0:
        return 0.0
    return sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in gold) / total


def is_direct(text: str, content: list[tuple[int, int]]) -> bool:
    """Content delimited by double quote marks, at either end (white space and punctuation aside)."""
    if not content:
        return False
    start, end = min(s for s, _ in content), max(e for _, e in content)
    inner = text[start:end].strip(" \n,.;:")
    before = text[max(0, start - 2) : start].strip()
    after = text[end : end + 2].strip(" ,.;:")
    ends = (inner[:1], inner[-1:], before[-1:], after[:1])
    return any(ch != "" and ch in QUOTE_MARKS for ch in ends)


def speaker_ok(names: Iterable[str], spans: Iterable[tuple[int, int]], source: dict[str, Any]) -> bool:
    gold = pieces(source)
    if not gold:
        return False
    if any(overlap(span, gold) > 0 or overlap(gold[0], [span]) > 0 for span in spans):
        return True
    gold_words = set(_WORD.findall(source.get("text", "")))
    return any(gold_words & set(_WORD.findall(name)) for name in names)


Predicted = list[tuple[tuple[int, int], list[str], list[tuple[int, int]], bool]]


def _best(predicted: Predicted, content: list[tuple[int, int]], *, verbatim_only: bool) -> tuple[float, Any, Any]:
    candidates = [(overlap(span, content), names, spans) for span, names, spans, v in predicted
                  if v or not verbatim_only]  # fmt: skip
    return max(candidates, default=(0.0, [], []), key=lambda item: item[0])


def score(text: str, gold: list[dict[str, Any]], predicted: Predicted) -> dict[str, int]:
    """Counts for one article. `predicted`: (content span, speaker names, speaker spans, verbatim?)."""
    counts = dict.fromkeys(("direct", "direct_found", "direct_speaker", "all", "all_found", "all_source"), 0)
    for attribution in gold:
        content = pieces(attribution.get("content", {}))
        if not content:
            continue
        source = attribution.get("source", {})
        found, names, spans = _best(predicted, content, verbatim_only=False)
        counts["all"] += 1
        if found >= 0.5:
            counts["all_found"] += 1
            counts["all_source"] += speaker_ok(names, spans, source)
        if is_direct(text, content):
            counts["direct"] += 1
            found, names, spans = _best(predicted, content, verbatim_only=True)
            if found >= 0.5:
                counts["direct_found"] += 1
                counts["direct_speaker"] += speaker_ok(names, spans, source)
    return counts


def ours(quotes: list[Quote]) -> Predicted:
    out = []
    for q in quotes:
        names = [q.speaker] if q.speaker else []
        spans = [(q.speaker_mention.start, q.speaker_mention.end)] if q.speaker_mention else []
        mixed = any(mark in q.content.text for mark in QUOTE_MARKS)
        out.append(((q.content.start, q.content.end), names, spans, q.kind != "indirect" or mixed))
    return out


def textacy_quotes(doc: Doc) -> Predicted:
    from textacy.extract.triples import direct_quotations

    out = []
    for triple in direct_quotations(doc):
        spans = [(t.idx, t.idx + len(t)) for t in triple.speaker]
        names = [" ".join(t.text for t in triple.speaker)]
        out.append(((triple.content.start_char, triple.content.end_char), names, spans, True))
    return out


_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady"})
_HEAD_CUT = re.compile(r" (?:for|of|at|from|in)\b.*")


def dev_speaker_ok(predicted: str | None, gold: list[str]) -> bool:
    """A name (`Richard Bowden`) matches on a shared name word, a description (`a BaFin spokeswoman`,
    `one analyst`) on its head noun, so `Dr Bowden` and `the spokeswoman` count while `he` does not."""
    if not predicted:
        return False
    words = {w.removesuffix("'s").strip(",.").lower() for w in predicted.split()}
    for name in gold:
        head = _HEAD_CUT.sub("", name).split()[-1].removesuffix("'s")
        if head[:1].islower():
            if head.lower() in words:
                return True
        elif {w.lower() for w in name.replace("'s", "").split() if w[:1].isupper() and w not in _TITLES} & words:
            return True
    return False


def run_dev(nlp: Any, path: Path, *, show_errors: bool) -> dict[str, Any]:
    """Score a hand-annotated BBC set (direct and partial quotes, speaker by name)."""
    texts = {row["id"]: row for row in read_jsonl(DATA / "bbc_news" / "articles.jsonl")}
    gold_rows = read_jsonl(path)
    counts = {kind: dict.fromkeys(("gold", "found", "speaker"), 0) for kind in ("direct", "partial")}
    errors = []
    for gold in gold_rows:
        row = texts[gold["id"]]
        doc = nlp(row["text"])
        predicted = ours(doc._.quotes)
        for quote in gold["quotes"]:
            start = row["text"].find(quote["content"])
            assert start >= 0, quote  # the fixture quotes the article verbatim
            found, names, _ = _best(predicted, [(start, start + len(quote["content"]))], verbatim_only=True)
            tally = counts[quote["kind"]]
            tally["gold"] += 1
            if found < 0.5:
                errors.append(f"{gold['id']} MISSED {quote['content'][:50]!r}")
                continue
            tally["found"] += 1
            right = dev_speaker_ok(names[0] if names else None, [quote["speaker"], *quote.get("also", [])])
            tally["speaker"] += right
            if not right:
                errors.append(f"{gold['id']} SPEAKER {quote['content'][:50]!r}: {names} ≠ {quote['speaker']}")
    if show_errors:
        print("\n".join(errors))
    results = {}
    for kind, t in counts.items():
        results[kind] = {
            "recall": t["found"] / t["gold"] if t["gold"] else 0.0,
            "speaker_accuracy": t["speaker"] / t["found"] if t["found"] else 0.0,
            **t,
        }
    print(path.name, json.dumps(results))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="score the development set only (no results written)")
    parser.add_argument("--errors", action="store_true", help="with --dev: list the misses")
    args = parser.parse_args()
    nlp = load_model()
    for name in STAGES:
        nlp.add_pipe(name)
    dev = {"dev": run_dev(nlp, DEV, show_errors=args.errors), "check": run_dev(nlp, DEV_CHECK, show_errors=False)}
    if args.dev:
        return
    rows = read_jsonl(DATA / "polnear" / "test.jsonl")
    components = {name: nlp.get_pipe(name) for name in STAGES}
    timer = Timer()
    docs = []
    for row in rows:
        article = Article.create(row["text"], headline=row.get("title"), published=dt.date.fromisoformat(row["date"]))
        doc = nlp.make_doc(article.body)
        doc._.article = article
        docs.append(doc)
    with timer.time("spaCy model"), nlp.select_pipes(disable=list(STAGES)):
        docs = list(nlp.pipe(docs, batch_size=16))
    totals: dict[str, dict[str, int]] = {"newsdesk": {}, "textacy": {}}
    errors = {"newsdesk": 0, "textacy": 0}
    kinds = {"direct": 0, "partial": 0, "indirect": 0}
    for row, doc in zip(rows, docs, strict=True):
        gold = row["annotations"][0]["attributions"]
        try:
            with timer.time("newsdesk quotes"):
                components["newsdesk_quotes"](doc)
            with timer.time("newsdesk events+dates"):
                components["newsdesk_events"](doc)
            predicted = ours(doc._.quotes)
            for q in doc._.quotes:
                kinds[q.kind] += 1
        except Exception:  # the benchmark counts crashes instead of stopping at the first
            errors["newsdesk"] += 1
            traceback.print_exc()
            predicted = []
        for key, value in score(row["text"], gold, predicted).items():
            totals["newsdesk"][key] = totals["newsdesk"].get(key, 0) + value
        try:
            with timer.time("textacy direct_quotations"):
                theirs = textacy_quotes(doc)
        except ValueError:
            errors["textacy"] += 1
            theirs = []
        for key, value in score(row["text"], gold, theirs).items():
            totals["textacy"][key] = totals["textacy"].get(key, 0) + value

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    table = []
    results: dict[str, Any] = {"articles": len(rows), "errors": errors, "newsdesk_quote_kinds": kinds, "dev": dev}
    for system, t in totals.items():
        metrics = {
            "direct_recall": ratio(t["direct_found"], t["direct"]),
            "direct_speaker_accuracy": ratio(t["direct_speaker"], t["direct_found"]),
            "all_content_recall": ratio(t["all_found"], t["all"]),
            "all_source_accuracy": ratio(t["all_source"], t["all_found"]),
            "articles_raising": errors[system],
            **t,
        }
        results[system] = metrics
        table.append([system, metrics["direct_recall"], metrics["direct_speaker_accuracy"],
                      metrics["all_content_recall"], metrics["all_source_accuracy"], errors[system]])  # fmt: skip
    seconds = timer.seconds
    order = [
        "spaCy model",
        "newsdesk quotes",
        "newsdesk events+dates",
        "textacy direct_quotations",
    ]
    ms = {name: 1000 * seconds.get(name, 0.0) / len(rows) for name in order}
    ours_s = seconds.get("newsdesk quotes", 0.0) + seconds.get("newsdesk events+dates", 0.0)
    share = ours_s / (ours_s + seconds["spaCy model"])
    results["ms_per_article"] = ms
    results["quotes_events_share_of_pipeline"] = share
    gold_direct = totals["newsdesk"]["direct"]
    markdown = "\n\n".join(
        [
            "# Quote attribution: PolNeAR test split (84 articles, first annotator)",
            f"{gold_direct} gold direct quotes, {totals['newsdesk']['all']} gold attributions in all. "
            "Content match: a predicted quote covering ≥ 50% of the gold content's characters.",
            markdown_table(
                [
                    "system",
                    "direct recall",
                    "speaker right (of found)",
                    "all attributions: content recall",
                    "source right (of found)",
                    "articles raising",
                ],
                table,
            ),
            f"newsdesk quotes by kind: {kinds}.",
            markdown_table(["stage", "ms / article"], [[name, value] for name, value in ms.items()]),
            f"Quotes + events + dates take {share:.1%} of the pipeline time (spaCy model + these stages), "
            "measured in this run (the spaCy model ran batched with nlp.pipe; newsdesk stages per doc).",
            "BBC sets annotated by hand (tests/fixtures/quotes_dev.md): `dev`, 25 articles the rules were developed "
            "on; `check`, 10 more annotated afterwards and never tuned on. The speaker is scored by canonical name, "
            "so an unresolved `he` is wrong:",
            markdown_table(
                ["set", "kind", "gold", "recall", "speaker right (of found)"],
                [
                    [name, kind, d["gold"], d["recall"], d["speaker_accuracy"]]
                    for name, kinds in dev.items()
                    for kind, d in kinds.items()
                ],
            ),
            "History: a first run counted any gold content with a quote mark within 2 characters as direct and "
            "only direct/partial predictions as verbatim: newsdesk 0.707 recall / 0.808 speaker, textacy 0.418 / "
            "0.870. The definitions above (quote-delimited gold; mixed quotes count) were fixed on principle "
            "afterwards, not by inspecting test-set errors. Speaker work for issue #6 (pronouns, role nouns, "
            "paragraph-bound cues, …) was developed on the BBC dev set and on a few PolNeAR *dev*-split articles "
            "read by eye; this test split was run six times to measure (speaker right 0.875, 0.878, 0.906, 0.908, "
            "0.912 after paragraph breaks became sentence boundaries, then this run, the same figures, with a "
            "speaker's title stripped as the entities stage strips it), never inspected.",
        ]
    )
    write_results("quotes", markdown, results)


if __name__ == "__main__":
    main()
