"""Build src/newsdesk/data/copyedit/name_context.tsv: how often a word is capitalised right before or right after
a name, in a large English corpus.

Run once after changing a source (the output is committed, so nothing is built at run time):

    .venv/bin/python scripts/build_name_context.py

Build-time inputs (none is needed to *run* newsdesk):
- truecase's `english.dist` (requirements-bench.txt): its cased bigram counts. The backward table holds
  (previous word as written, word as written) for every word written in more than one case; the forward table
  (word as written, next word in lower case).
- CoNLL-2003 English TRAIN split (../shared/data/conll2003_en/train.jsonl): Reuters sentences, mid-sentence pairs
  read exactly. Only the train split is read.

A *name word* is a capitalised word (not an acronym, not a stop word) that the corpus writes capitalised at least
twice as often as not (`Gordon`, `Premier`; not `The` at a sentence start). For each lower-case form the table counts
its capitalised and lower-case uses right after a name word (`Gordon Brown` / `Blair said`) and right before one
(`Roger Federer` / `told Reuters`). Rows with fewer than two uses on both sides are left out.
"""

from __future__ import annotations

import json
import pickle
import re
from collections import Counter, defaultdict
from pathlib import Path

import truecase
from spacy.lang.en.stop_words import STOP_WORDS

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "newsdesk" / "data" / "copyedit" / "name_context.tsv"
CONLL_TRAIN = REPO.parent / "shared" / "data" / "conll2003_en" / "train.jsonl"
WORD = re.compile(r"^[^\W\d_]+$")
# CoNLL tokens after which a capital says nothing about the word: sentence, quote, bracket and dash starts.
SENTENCE_END = {".", "?", "!", '"', "''", "``", ":", ";", "-DOCSTART-", "(", "'", "-"}

# word -> [capitalised before a name, lower before a name, capitalised after a name, lower after a name]
Table = defaultdict[str, list[int]]


def _case(word: str) -> str | None:
    """`cap`, `lower` or None (all capitals, mixed case, not a word)."""
    if not WORD.match(word) or (word.isupper() and len(word) > 1):
        return None
    if word.islower():
        return "lower"
    return "cap" if word[0].isupper() else None


def _name_words(unigrams: dict[str, int]) -> frozenset[str]:
    """Lower forms of the words the corpus writes capitalised at least twice as often as not."""
    cap: Counter[str] = Counter()
    low: Counter[str] = Counter()
    for form, n in unigrams.items():
        kind = _case(form)
        if kind == "lower":
            low[form] += n
        elif kind == "cap":
            cap[form.lower()] += n
    return frozenset(w for w, n in cap.items() if n >= 2 * low[w] and w not in STOP_WORDS)


def _count(table: Table, word: str, side: int, n: int) -> None:
    """Add `n` uses of `word` as written to its row: `side` 0 counts before a name word, 2 after one."""
    kind = _case(word)
    if kind is not None:
        table[word.lower()][side + (0 if kind == "cap" else 1)] += n


def truecase_pairs(table: Table) -> None:
    """Count the pairs of truecase's cased bigram tables (its unigrams tell the name words)."""
    with (Path(truecase.__file__).parent / "data" / "english.dist").open("rb") as handle:
        dist = pickle.load(handle)  # the package's own data file, shipped by its wheel
    names = _name_words(dist["uni_dist"])
    for key, n in dist["backward_bi_dist"].items():
        prev, _, word = key.partition("_")
        if _case(prev) == "cap" and prev.lower() in names:
            _count(table, word, 2, int(n))
    for key, n in dist["forward_bi_dist"].items():
        word, _, nxt = key.partition("_")  # the next word is stored in lower case: a name word by its lower form
        if nxt in names:
            _count(table, word, 0, int(n))


def conll_pairs(table: Table) -> None:
    """Count the mid-sentence pairs of the CoNLL-2003 train sentences (their own unigrams tell the name words)."""
    rows = [json.loads(line)["tokens"] for line in CONLL_TRAIN.open(encoding="utf-8")]
    unigrams: Counter[str] = Counter(t for tokens in rows for t in tokens)
    names = _name_words(unigrams)
    for tokens in rows:
        words = [t for t in tokens if WORD.match(t)]
        # Headlines in all capitals or title case carry no case information.
        if not words or sum(t[0].isupper() for t in words) > 0.6 * len(words):
            continue
        for i in range(1, len(tokens)):
            if tokens[i - 1] in SENTENCE_END:
                continue
            prev, word = tokens[i - 1], tokens[i]
            if _case(prev) == "cap" and prev.lower() in names:
                _count(table, word, 2, 1)
            # At a sentence's start `prev` has the sentence's capital, not a name's: only later words count.
            if _case(word) == "cap" and word.lower() in names and i >= 2 and tokens[i - 2] not in SENTENCE_END:
                _count(table, prev, 0, 1)


def main() -> None:
    table: Table = defaultdict(lambda: [0, 0, 0, 0])
    truecase_pairs(table)
    conll_pairs(table)
    rows = sorted((w, c) for w, c in table.items() if c[0] + c[1] >= 2 or c[2] + c[3] >= 2)
    lines = ["word\tcap_before\tlower_before\tcap_after\tlower_after"]
    lines += ["\t".join([w, *map(str, c)]) for w, c in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
