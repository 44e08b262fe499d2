"""Build src/newsdesk/data/copyedit/house_names.tsv: the copy desk's bundled house names.

    .venv/bin/python -m scripts.build_house_names

Input: the public BBC News set (Greene & Cunningham 2006, `../shared/data/bbc_news/articles.jsonl`), article bodies,
less the copy-edit benchmark's test sample and every copy of a test article under another id
(`benchmarks.copyedit.house_archive`): the names are learned by
`learn_house_names` (defaults: one use for a multi-word name and ten for a dictionary word, capitalised in at
least 90% of uses), exactly as the benchmark learns them
in its own run for the test split, which never sees a test article's names. Run it again after changing
`learn_house_names`; the benchmark says when the bundled table differs from the one it learns.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.common import DATA, read_jsonl
from benchmarks.copyedit import house_archive

from newsdesk.copyedit import learn_house_names

OUT = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "data" / "copyedit" / "house_names.tsv"


def main() -> None:
    archive = house_archive(read_jsonl(DATA / "bbc_news" / "articles.jsonl"), [])
    names = learn_house_names(archive)
    names.write(OUT)
    print(f"{OUT}: {names.describe()} from {len(archive):,} articles")


if __name__ == "__main__":
    main()
