"""Throughput: the newsdesk pipeline against spaCy `en_core_web_sm` alone, same articles, same run.

Reports words/second for both, their ratio, and each stage's share of newsdesk's time (measured by
running the components one by one over the same documents).

    .venv/bin/python benchmarks/throughput.py [--limit 300]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import DATA, Timer, markdown_table, read_jsonl, write_results  # noqa: E402
from newsdesk.article import Article  # noqa: E402
from newsdesk.nlp import DEFAULT_MODEL, load_model  # noqa: E402
from newsdesk.pipeline import Pipeline  # noqa: E402


def stage_seconds(pipeline: Pipeline, articles: list[Article]) -> dict[str, float]:
    """Seconds spent in the copy-edit pre-pass and in each spaCy component, document by document."""
    seconds: dict[str, float] = {}
    for article in articles:
        start = time.perf_counter()
        doc = pipeline.prepare(article)
        seconds["copyedit"] = seconds.get("copyedit", 0.0) + time.perf_counter() - start
        for name, proc in pipeline.nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="BBC articles to use (public set, in file order)")
    args = parser.parse_args()

    rows = read_jsonl(DATA / "bbc_news" / "articles.jsonl", limit=args.limit)
    articles = [Article.create(r["text"], headline=r["title"], source=r["id"]) for r in rows]
    words = sum(len(a.body.split()) for a in articles)

    spacy_alone = load_model(DEFAULT_MODEL)
    pipeline = Pipeline()
    timer = Timer()
    # Warm both up so that one-time costs (lazy tables, allocations) are not charged to either.
    list(spacy_alone.pipe(a.body for a in articles[:5]))
    list(pipeline.pipe(articles[:5]))
    with timer.time("spacy"):
        for _ in spacy_alone.pipe((a.body for a in articles), batch_size=16):
            pass
    with timer.time("newsdesk"):
        for _ in pipeline.pipe(articles, batch_size=16):
            pass
    stages = stage_seconds(pipeline, articles)
    total_stages = sum(stages.values())

    wps = {name: words / secs for name, secs in timer.seconds.items()}
    ratio = timer.seconds["newsdesk"] / timer.seconds["spacy"]
    table = markdown_table(
        ["system", "words/s", "time vs spaCy alone"],
        [
            ["spaCy en_core_web_sm alone", round(wps["spacy"]), "1.00×"],
            [f"newsdesk ({', '.join(pipeline.stages)})", round(wps["newsdesk"]), f"{ratio:.2f}×"],
        ],
    )
    shares = markdown_table(
        ["stage", "share of newsdesk time"],
        [[name, f"{100 * secs / total_stages:.1f}%"] for name, secs in stages.items()],
    )
    markdown = (
        f"# Throughput\n\n{len(articles)} BBC News articles ({words:,} words), one process, batch size 16.\n\n"
        f"{table}\n\nStage shares (components run one by one over the same documents):\n\n{shares}\n"
    )
    write_results(
        "throughput",
        markdown,
        {"articles": len(articles), "words": words, "words_per_second": wps, "ratio": ratio, "stages": stages},
    )


if __name__ == "__main__":
    main()
