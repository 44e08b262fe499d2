"""Build src/newsdesk/data/keywords/news_df.tsv: in how many BBC news articles each word occurs.

    .venv/bin/python scripts/build_news_df.py

Input: the public BBC News set (Greene & Cunningham 2006), `../shared/data/bbc_news/articles.jsonl`, headline and
body. It is no keyword benchmark; its document frequencies are the news background of the keywords stage's
informativeness (IDF, Sparck Jones 1972), as a TF-IDF extractor takes them from its document collection.
Each article is read by the pipeline's own model (tagger and lemmatizer) so a word is counted in the forms the
keywords stage looks up: its lower-case lemma and its lower-case written form, once per article each.
Words in fewer than MIN_DF articles are left out: their IDF is past every cap the presets use.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from newsdesk.nlp import load_model

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "data" / "bbc_news" / "articles.jsonl"
OUT = REPO / "src" / "newsdesk" / "data" / "keywords" / "news_df.tsv"
#: ln(1558 / 6) = 5.6, above the informativeness cap of 5: rarer words need no entry.
MIN_DF = 5


def main() -> None:
    rows = [json.loads(line) for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_model()
    df: Counter[str] = Counter()
    texts = (f"{row['title']}\n\n{row['text']}" for row in rows)
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]):
        for doc in nlp.pipe(texts, batch_size=32):
            df.update({form for t in doc if t.is_alpha for form in (t.lower_, t.lemma_.lower())})
    lines = [
        "# word<TAB>number of articles it occurs in (as a lower-case written form or lemma); the row `*` is the",
        "# number of articles. Built by scripts/build_news_df.py from the public BBC News set (see SOURCE.md);",
        f"# words in fewer than {MIN_DF} articles are left out.",
        f"*\t{len(rows)}",
    ]
    lines += [f"{word}\t{n}" for word, n in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])) if n >= MIN_DF]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines) - 4} words from {len(rows)} articles")


if __name__ == "__main__":
    main()
