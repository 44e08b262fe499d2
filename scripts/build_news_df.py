"""Build src/newsdesk/data/keywords/news_df.tsv: in how many BBC news articles each word and phrase occurs.

    .venv/bin/python scripts/build_news_df.py

Input: the public BBC News set (Greene & Cunningham 2006), `../shared/data/bbc_news/articles.jsonl`, headline and
body. It is no keyword benchmark; its document frequencies are the news background of the keywords stage's
informativeness (IDF, Sparck Jones 1972), as a TF-IDF extractor takes them from its document collection.
Each article is read by the pipeline's own model (tagger and lemmatizer) so a word is counted in the forms the
keywords stage looks up: its lower-case lemma and its lower-case written form, once per article each. Phrases
are runs of 2 to MAX_WORDS words (letters only, neither end a stop word), lower-case, as written and with the
last word's lemma (`oil prices`, `oil price`): a phrase's IDF is taken as a unit, as TF-IDF takes a
candidate's. Entries in fewer than MIN_DF articles are left out: their IDF is past every cap the presets use.
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
#: Longest phrase counted; longer ones are rarer than MIN_DF articles almost always.
MAX_WORDS = 4


def main() -> None:
    rows = [json.loads(line) for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_model()
    df: Counter[str] = Counter()
    texts = (f"{row['title']}\n\n{row['text']}" for row in rows)
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]):
        for doc in nlp.pipe(texts, batch_size=32):
            forms = {form for t in doc if t.is_alpha for form in (t.lower_, t.lemma_.lower())}
            for start in range(len(doc)):
                for end in range(start + 2, min(start + MAX_WORDS, len(doc)) + 1):
                    run = doc[start:end]
                    if not (run[0].is_alpha and run[-1].is_alpha):
                        break
                    if not (run[0].is_stop or run[-1].is_stop):
                        words = [t.lower_ for t in run]
                        forms |= {" ".join(words), " ".join([*words[:-1], run[-1].lemma_.lower()])}
            df.update(forms)
    lines = [
        "# word or phrase<TAB>number of articles it occurs in (lower-case, as written or with the last word's lemma);",
        "# the row `*` is the number of articles. Built by scripts/build_news_df.py from the public BBC News set",
        f"# (see SOURCE.md); entries in fewer than {MIN_DF} articles are left out.",
        f"*\t{len(rows)}",
    ]
    lines += [f"{word}\t{n}" for word, n in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])) if n >= MIN_DF]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines) - 4} words and phrases from {len(rows)} articles")


if __name__ == "__main__":
    main()
