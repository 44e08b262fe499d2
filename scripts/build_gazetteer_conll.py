"""Build a domain names file (`name<TAB>label`) from the CoNLL-2003 English TRAIN split.

    .venv/bin/python scripts/build_gazetteer_conll.py OUT

Domain-tied on purpose and never shipped in the package (the text is Reuters RCV1, research use only):
`benchmarks/ner.py --train-names` uses it to show what a newsroom's own name list adds on top of the
general KB. Only the train split is read. A name is kept when it occurs at least MIN_COUNT times and one
CoNLL type has at least MIN_SHARE of its occurrences; types map to newsdesk labels PER→PERSON,
ORG→ORG, LOC→GPE, MISC→NORP (any MISC-class label scores the same in the CoNLL mapping).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRAIN = REPO.parent / "shared" / "data" / "conll2003_en" / "train.jsonl"
LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "NORP"}
MIN_COUNT = 2
MIN_SHARE = 0.8


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with TRAIN.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            start, kind = -1, ""
            tags = [*row["ner"], "O"]
            for i, tag in enumerate(tags):
                if start >= 0 and not tag.startswith("I-"):
                    counts[" ".join(row["tokens"][start:i])][kind] += 1
                    start = -1
                if tag.startswith("B-"):
                    start, kind = i, tag[2:]
    rows = []
    for name, by_type in sorted(counts.items()):
        kind, n = by_type.most_common(1)[0]
        total = sum(by_type.values())
        if total >= MIN_COUNT and n / total >= MIN_SHARE:
            rows.append(f"{name}\t{LABELS[kind]}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        "# from CoNLL-2003 train (scripts/build_gazetteer_conll.py)\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    print(f"{len(rows)} names → {out}")


if __name__ == "__main__":
    main()
