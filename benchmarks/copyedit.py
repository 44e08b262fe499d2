"""Copy-edit benchmark: corrupt clean BBC news bodies with the seed's error kinds, restore, score edit by edit.

Documents: the public BBC set (../shared/data/bbc_news), a fixed random sample. Each body (never the
headline) is corrupted with a fixed seed at these rates, outside quotations for the word-level kinds,
because the copy desk's contract keeps a quotation's words as the speaker said them (inside quotations
only dropped spaces and lower-cased sentence starts are made, and they are to be fixed):
- proper nouns: 15% of mid-sentence capitalised words lower-cased (`Blair` → `blair`, `Kilroy-Silk` → `kilroy-silk`);
- sentence starts: 15% of sentence-initial words lower-cased;
- spacing: 25% of spaces after a comma before a letter dropped;
- spelling: 1% of lower-case words of 4+ letters get an adjacent-letter transposition, and 2% of words that
  have a real misspelling in ../shared/data/misspellings/ (Wikipedia list and Birkbeck corpus) get one.
  Both only when the result is not an English word (wordfreq Zipf < 2): a real-word error is not a
  spelling error any context-free tool can see.
Quotations are found by the direction of their marks (`quoted_spans`); since version 2 of this benchmark,
a quote continued in a run-together paragraph ends where the next one opens. Version 1 paired every second
mark and corrupted words inside such quotes, which the contract keeps as written: on the dev split, 100 of
the 880 gold edits newsdesk missed lay inside real quotations.
A second test set of another style, US political news (PolNeAR's test articles), is corrupted and scored
the same way. It is no development set, but not untouched either: false edits seen on its clean text
prompted the title-case and split-quote rules, which were then developed on the BBC dev split and CoNLL-2003
testa. Gold = the clean text. Each system also runs on the clean text itself: what it changes there, it
breaks (the `clean` column, changes per 10,000 words). Every system's output is compared with the corrupted
text by the same token diff, and an edit counts as right only if its span and replacement match a gold edit.
Peers run as a user would, changing only what the tool changes: truecase (token case), symspellpy (word
lookup, distance 2, casing kept), pyspellchecker (unknown words → `correction`; too slow for the second set),
codespell's dictionary (single-fix entries, as `codespell -w` does). Speed: words per CPU-second of
newsdesk's copy-edit stage alone and of spaCy's en_core_web_sm pipeline alone, on one core in the same run,
the best of three interleaved runs of each (the words/s column of the table is wall-clock, and includes each
peer's own start-up work per document).
House names: newsdesk's rows complete the multi-word names, and capitalise the dictionary words, learned
(`learn_house_names`) from a house archive:
the public BBC articles outside the test sample and outside the documents scored, and no copy of one of those (the
set holds 74 articles twice under another id; for the test split, the archive is the dev and second-dev documents and
the others; never a scored document). For the test split these are the names newsdesk
ships (`scripts/build_house_names.py` learns them from the same articles; the run checks that the two tables are
equal); for a dev split the run learns them without the dev documents. `newsdesk (precision), no house names` is
the copy desk without them. On the PolNeAR set the BBC-learned names are another house's.
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import DATA, Timer, markdown_table, read_jsonl, write_results

from newsdesk.article import Article
from newsdesk.build import build
from newsdesk.copyedit import HouseOption, apply_edits, bundled_house_names, copyedit_article, learn_house_names
from newsdesk.copyedit.lexicon import load_lexicon
from newsdesk.copyedit.spelling import near_index

SEED = 20261129
#: The dev split: documents outside the test sample, corrupted with another seed. Develop on it; the default
#: (test) run measures.
DEV_SEED = 7
#: A second dev set, documents outside the test sample and the dev split, to check rules the dev split chose.
DEV2_SEED = 4242
#: Interleaved speed runs of the stage and of spaCy; the best of each counts.
SPEED_RUNS = 3
#: 2: quotations continued in run-together paragraphs are no longer corrupted (see `quoted_spans`).
VERSION = 2
RATES = {"proper": 0.15, "sentence": 0.15, "comma": 0.25, "transpose": 0.01, "misspell": 0.02}
UNIT = re.compile(r"[^\W\d_]+|\d+|\s+|[^\w\s]")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_START = re.compile(r"(?:\A|[.?!][\"'”’)]*\s+|\n\s*)[\"“‘(]*(?=[^\W\d_])")
QUOTE_MARK = re.compile(r"[\"“”\n]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Quotations, marks included. One opens at `“`, or at `"` after a space, bracket or dash and before a word; it
    runs to its closing mark, to the next opening mark (a quote that goes on in the next paragraph opens
    again without closing, and BBC bodies run paragraphs together: `…final. "The only…"`), or to the line end.
    (Pairing every second mark, as version 1 of this benchmark did, took the text between two such quotes
    for narrative and corrupted it.) Written apart from newsdesk's own scanner (`newsdesk.quotemarks`) on
    purpose: the gold must not depend on the system it scores."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for m in QUOTE_MARK.finditer(text):
        i, mark = m.start(), m.group()
        before, after = text[i - 1 : i] or " ", text[i + 1 : i + 2] or " "
        opening = mark == "“" or (mark == '"' and (before.isspace() or before in "([—–-") and not after.isspace())
        if start is not None and (mark == "\n" or opening):
            spans.append((start, i))
            start = None
        elif start is not None:
            spans.append((start, i + 1))
            start = None
            continue
        if opening:
            start = i
    if start is not None:
        spans.append((start, len(text)))
    return spans


def load_misspellings() -> dict[str, list[str]]:
    """Correct word -> real misspellings of it (single lower-case words only)."""
    out: dict[str, list[str]] = {}
    for name in ("wikipedia_common_misspellings.tsv", "birkbeck_misspellings.tsv"):
        for line in (DATA / "misspellings" / name).read_text(encoding="utf-8").splitlines()[1:]:
            wrong, _, right = line.partition("\t")
            if wrong.isalpha() and right.isalpha() and wrong.islower() and right.islower() and wrong != right:
                out.setdefault(right, []).append(wrong)
    return out


def corrupt(text: str, rng: random.Random, misspellings: dict[str, list[str]], zipf: Callable[[str], float]) -> str:
    """The corrupted body; the clean `text` is its gold."""
    quoted = quoted_spans(text)
    starts = {m.end() for m in SENTENCE_START.finditer(text)}
    out: list[str] = []
    cursor = 0
    for m in WORD.finditer(text):
        s, e = m.span()
        word = m.group()
        in_quote = any(a <= s < b for a, b in quoted)
        new = word
        if s in starts:
            if word[0].isupper() and word[1:].islower() and len(word) > 1 and rng.random() < RATES["sentence"]:
                new = word[0].lower() + word[1:]
        elif in_quote:
            pass
        elif word[0].isupper() and not word.isupper() and len(word) > 1:
            if rng.random() < RATES["proper"]:
                new = word.lower()
        elif word.islower() and word.isalpha():
            options = misspellings.get(word)
            if options and rng.random() < RATES["misspell"]:
                wrong = rng.choice(options)
                if zipf(wrong) < 2.0:
                    new = wrong
            elif len(word) >= 4 and rng.random() < RATES["transpose"]:
                i = rng.randrange(len(word) - 1)
                swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                if swapped != word and zipf(swapped) < 2.0:
                    new = swapped
        out.append(text[cursor:s])
        out.append(new)
        cursor = e
    out.append(text[cursor:])
    noisy = "".join(out)
    return re.sub(r"(?<=,) (?=[^\W\d_])", lambda _: "" if rng.random() < RATES["comma"] else " ", noisy)


def diff_edits(source: str, target: str) -> set[tuple[int, int, str]]:
    """Edits turning `source` into `target`: (start, end, replacement) over word/space/punctuation units."""
    a = [(m.start(), m.group()) for m in UNIT.finditer(source)]
    b = [m.group() for m in UNIT.finditer(target)]
    matcher = difflib.SequenceMatcher(None, [u for _, u in a], b, autojunk=False)
    edits = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start = a[i1][0] if i1 < len(a) else len(source)
        end = a[i2 - 1][0] + len(a[i2 - 1][1]) if i2 > i1 else start
        edits.add((start, end, "".join(b[j1:j2])))
    return edits


def kind_of(edit: tuple[int, int, str], source: str) -> str:
    before = source[edit[0] : edit[1]]
    if before == "":
        return "spacing"
    if before.lower() == edit[2].lower():
        return "case"
    return "spelling"


def map_words(text: str, change: Callable[[str], str]) -> str:
    return WORD.sub(lambda m: change(m.group()), text)


def keep_case(original: str, fix: str) -> str:
    if original[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix


# --- systems -----------------------------------------------------------------------------------------


def make_newsdesk(preset: str, house: HouseOption) -> Callable[[str, str], str]:
    def run(text: str, headline: str) -> str:
        article = Article.create(text, headline=headline)
        return apply_edits(text, copyedit_article(article, preset=preset, house=house))[0]  # type: ignore[arg-type]

    return run


def make_truecase() -> Callable[[str, str], str]:
    from truecase import TrueCaser

    caser = TrueCaser()
    sentence = re.compile(r"[^.?!\n]+[.?!]*")

    def run(text: str, headline: str) -> str:
        parts = []
        cursor = 0
        for m in sentence.finditer(text):
            words = list(WORD.finditer(m.group()))
            if not words:
                continue
            cased = caser.get_true_case_from_tokens([w.group() for w in words], out_of_vocabulary_token_option="as-is")
            for w, new in zip(words, cased, strict=True):
                s = m.start() + w.start()
                parts.append(text[cursor:s])
                # truecase only changes case; keep the original when it returns another string.
                parts.append(new if new.lower() == w.group().lower() else w.group())
                cursor = m.start() + w.end()
        parts.append(text[cursor:])
        return "".join(parts)

    return run


def make_symspell() -> Callable[[str, str], str]:
    from importlib import resources

    from symspellpy import SymSpell, Verbosity

    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    sym.load_dictionary(str(resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)

    def fix(word: str) -> str:
        if not word.isalpha():
            return word
        found = sym.lookup(word, Verbosity.TOP, max_edit_distance=2, include_unknown=True, transfer_casing=True)
        return found[0].term if found else word

    return lambda text, headline: map_words(text, fix)


def make_pyspellchecker() -> Callable[[str, str], str]:
    from spellchecker import SpellChecker

    spell = SpellChecker()
    cache: dict[str, str] = {}

    def fix(word: str) -> str:
        if not word.isalpha():
            return word
        lower = word.lower()
        if lower not in cache:
            cache[lower] = lower if spell.known([lower]) else (spell.correction(lower) or lower)
        return keep_case(word, cache[lower])

    return lambda text, headline: map_words(text, fix)


def make_codespell() -> Callable[[str, str], str]:
    import codespell_lib

    table: dict[str, str] = {}
    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong, _, fixes = line.partition("->")
        candidates = [f.strip() for f in fixes.split(",") if f.strip()]
        if len(candidates) == 1:  # `codespell -w` fixes only unambiguous entries
            table[wrong.strip()] = candidates[0]

    def fix(word: str) -> str:
        return keep_case(word, table[word.lower()]) if word.lower() in table else word

    return lambda text, headline: map_words(text, fix)


def score(gold: list[set[tuple[int, int, str]]], pred: list[set[tuple[int, int, str]]]) -> dict[str, float]:
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    n_pred = sum(len(p) for p in pred)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    beta2 = 0.25
    f05 = (1 + beta2) * precision * recall / (beta2 * precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f0.5": f05, "tp": tp, "predicted": n_pred, "gold": n_gold}


def split_sample(rows: list[dict[str, Any]], n: int, split: str) -> tuple[list[dict[str, Any]], random.Random]:
    """The documents of `split` and the generator that goes on to corrupt them.

    test: the fixed 300-document sample of earlier runs (seed SEED). dev: documents outside every test
    sample of up to 300 documents, drawn and corrupted with DEV_SEED. dev2: 400 documents outside the test sample
    and the 400-document dev split, drawn and corrupted with DEV2_SEED."""
    rng = random.Random(SEED)
    test = rng.sample(rows, min(n if split == "test" else 300, len(rows)))
    if split == "test":
        return test, rng
    held = {d["id"] for d in test}
    rest = [d for d in rows if d["id"] not in held]
    dev_rng = random.Random(DEV_SEED)
    if split == "dev":
        return dev_rng.sample(rest, min(n, len(rest))), dev_rng
    held |= {d["id"] for d in dev_rng.sample(rest, min(400, len(rest)))}
    rest = [d for d in rows if d["id"] not in held]
    dev2_rng = random.Random(DEV2_SEED)
    return dev2_rng.sample(rest, min(n, len(rest))), dev2_rng


def house_archive(rows: list[dict[str, Any]], docs: list[dict[str, Any]]) -> list[str]:
    """The house archive for `docs`: the public BBC articles outside the test sample and outside `docs`. The BBC
    set holds some articles twice under two ids: a copy of a held article is held too, by its text."""
    held = {_body_key(d["text"]) for d in [*split_sample(rows, 300, "test")[0], *docs]}
    return [r["text"] for r in rows if _body_key(r["text"]) not in held]


def _body_key(text: str) -> str:
    return " ".join(text.split())


def other_style(
    systems: dict[str, Callable[[str, str], str]], misspellings: dict[str, list[str]], zipf: Callable[[str], float]
) -> tuple[list[list[Any]], dict[str, Any]]:
    """Every system on copy of another style, corrupted the same way: the 84 US political news articles of the
    PolNeAR test set (2016; NYT, Washington Post, Politico, Breitbart…), headline split off at the first blank
    line. Its SOURCE.md keeps it for final evaluation. It is not untouched: false edits seen on its clean text
    prompted two rules (see the module docstring)."""
    rows = read_jsonl(DATA / "polnear" / "test.jsonl")
    articles = list({r["id"]: r["text"].partition("\n\n") for r in rows}.values())
    rng = random.Random(SEED)
    clean = [body for _, _, body in articles]
    titles = [title for title, _, _ in articles]
    noisy = [corrupt(t, rng, misspellings, zipf) for t in clean]
    gold = [diff_edits(n, c) for n, c in zip(noisy, clean, strict=True)]
    table: list[list[Any]] = []
    results: dict[str, Any] = {}
    for name, system in systems.items():
        pred = [diff_edits(n, system(n, t)) for n, t in zip(noisy, titles, strict=True)]
        s = score(gold, pred)
        changes = sum(len(diff_edits(c, system(c, t))) for c, t in zip(clean, titles, strict=True))
        s["clean_changes_per_10k_words"] = 10_000 * changes / sum(len(WORD.findall(c)) for c in clean)
        results[name] = s
        clean_rate = round(s["clean_changes_per_10k_words"], 1)
        table.append([name, len(articles), s["precision"], s["recall"], s["f0.5"], s["tp"], s["predicted"], clean_rate])
        print("other style:", name, s, flush=True)
    return table, {"documents": len(articles), "words": sum(len(WORD.findall(t)) for t in noisy), "systems": results}


def write_misses(
    path: Path, noisy: list[str], gold: list[set[tuple[int, int, str]]], pred: list[set[tuple[int, int, str]]]
) -> None:
    """One line per missed (`-`) or wrong (`+`) edit with its kind and context, to study a dev run."""
    lines = []
    for text, g, p in zip(noisy, gold, pred, strict=True):
        for mark, edits in (("-", g - p), ("+", p - g)):
            for start, end, after in sorted(edits):
                context = text[max(0, start - 40) : end + 40].replace("\n", " | ")
                lines.append(f"{mark}\t{kind_of((start, end, after), text)}\t{text[start:end]!r}\t{after!r}\t{context}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def speed(sample: list[str], titles: list[str], words: int) -> tuple[float, float]:
    """Words per CPU-second of the copy-edit stage alone and of spaCy's pipeline alone, on the same documents in
    this process, the best of SPEED_RUNS interleaved runs of each: on a shared machine one run of either can be
    slowed by half, which a single pass would read as the system's speed. The stage's caches of spelling
    candidates are emptied before each of its runs, so a run after the first reads no word it has seen before."""
    from newsdesk.copyedit.spelling import clear_caches
    from newsdesk.nlp import load_model

    nlp = load_model()
    stage = make_newsdesk("precision", "bundled")
    spacy_wps = stage_wps = 0.0
    for _ in range(SPEED_RUNS):
        start = time.process_time()
        for _ in nlp.pipe(sample, batch_size=16):
            pass
        spacy_wps = max(spacy_wps, words / (time.process_time() - start))
        clear_caches()
        start = time.process_time()
        for n, t in zip(sample, titles, strict=False):
            stage(n, t)
        stage_wps = max(stage_wps, words / (time.process_time() - start))
    return stage_wps, spacy_wps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="documents sampled from the public BBC set")
    parser.add_argument(
        "--split",
        choices=["test", "dev", "dev2"],
        default="test",
        help="dev: documents outside the test sample; dev2: outside both",
    )
    parser.add_argument("--only-newsdesk", action="store_true", help="newsdesk only, no speed run; print only")
    parser.add_argument("--misses", type=Path, help="write newsdesk (precision)'s missed and wrong edits here")
    parser.add_argument("--spacy-docs", type=int, default=60, help="documents for spaCy's speed")
    parser.add_argument("--slow-docs", type=int, default=30, help="documents for pyspellchecker (slow)")
    args = parser.parse_args()

    from wordfreq import zipf_frequency

    rows = read_jsonl(DATA / "bbc_news" / "articles.jsonl")
    docs, rng = split_sample(rows, args.docs, args.split)
    misspellings = load_misspellings()
    cache: dict[str, float] = {}

    def zipf(word: str) -> float:
        if word not in cache:
            cache[word] = zipf_frequency(word, "en")
        return cache[word]

    clean = [d["text"] for d in docs]
    noisy = [corrupt(t, rng, misspellings, zipf) for t in clean]
    titles = [d["title"] for d in docs]
    gold = [diff_edits(n, c) for n, c in zip(noisy, clean, strict=True)]
    words = sum(len(WORD.findall(t)) for t in noisy)

    make_newsdesk("precision", "bundled")(noisy[0], titles[0])  # load the tables before timing
    near_index(load_lexicon())  # and the one built on first need (spelling two edits away)
    sample = noisy[: args.spacy_docs]
    sample_words = sum(len(WORD.findall(t)) for t in sample)
    stage_wps = spacy_wps = 0.0
    if not args.only_newsdesk and args.split == "test":
        # Measured first, while the process holds what a newsdesk process holds: the peers' tables, loaded
        # below, make Python's garbage collector slower for every program in the process.
        stage_wps, spacy_wps = speed(sample, titles, sample_words)
    archive = house_archive(rows, docs)
    house = learn_house_names(archive)
    print(f"house names: {house.describe()} learned from {len(archive)} archive articles", flush=True)
    bundled = house.counts == bundled_house_names().counts
    if bundled:
        house = bundled_house_names()  # the very table the stage was warmed up and timed with
    elif args.split == "test":
        print("warning: the bundled house names differ: run scripts/build_house_names.py", flush=True)
    systems: dict[str, Callable[[str, str], str]] = {
        "identity (no change)": lambda text, headline: text,
        "newsdesk (precision)": make_newsdesk("precision", house),
        "newsdesk (recall)": make_newsdesk("recall", house),
        "newsdesk (precision), no house names": make_newsdesk("precision", None),
        "truecase 0.0.14": make_truecase(),
        "symspellpy 6.10.1": make_symspell(),
        "pyspellchecker 0.9.1": make_pyspellchecker(),
        "codespell 2.4.3 dictionary": make_codespell(),
    }
    if args.only_newsdesk:
        systems = {k: v for k, v in systems.items() if k.startswith("newsdesk")}
    timer = Timer()
    results: dict[str, Any] = {}
    table = []
    # pyspellchecker needs ~10 ms per unknown word: it runs on the first --slow-docs documents only, and
    # newsdesk is scored again on exactly those documents beside it.
    subset = {"pyspellchecker 0.9.1": args.slow_docs, "newsdesk (precision), same subset": args.slow_docs}
    systems["newsdesk (precision), same subset"] = systems["newsdesk (precision)"]
    for name, system in systems.items():
        n_docs = subset.get(name, len(noisy))
        docs_noisy, docs_gold = noisy[:n_docs], gold[:n_docs]
        with timer.time(name):
            outputs = [system(n, t) for n, t in zip(docs_noisy, titles, strict=False)]
        pred = [diff_edits(n, o) for n, o in zip(docs_noisy, outputs, strict=True)]
        s = score(docs_gold, pred)
        n_words = sum(len(WORD.findall(t)) for t in docs_noisy)
        s["documents"] = n_docs
        s["words_per_second"] = n_words / timer.seconds[name] if timer.seconds[name] else 0.0
        by_kind = Counter(kind_of(e, n) for g, p, n in zip(docs_gold, pred, docs_noisy, strict=True) for e in g & p)
        gold_kind = Counter(kind_of(e, n) for g, n in zip(docs_gold, docs_noisy, strict=True) for e in g)
        s["recall_by_kind"] = {k: by_kind[k] / gold_kind[k] for k in gold_kind}
        # The same articles uncorrupted: every change there breaks correct copy (or fixes the source's own typo).
        with timer.time(f"{name}, clean"):
            clean_changes = sum(len(diff_edits(c, system(c, t))) for c, t in zip(clean[:n_docs], titles, strict=False))
        s["clean_changes_per_10k_words"] = 10_000 * clean_changes / sum(len(WORD.findall(c)) for c in clean[:n_docs])
        results[name] = s
        wps = round(s["words_per_second"])
        clean_rate = round(s["clean_changes_per_10k_words"], 1)
        table.append([name, n_docs, s["precision"], s["recall"], s["f0.5"], s["tp"], s["predicted"], wps, clean_rate])
        print(name, s, flush=True)
        if args.misses and name == "newsdesk (precision)":
            write_misses(args.misses, docs_noisy, docs_gold, pred)
    if args.only_newsdesk or args.split != "test":
        return  # results files hold the test split only

    # pyspellchecker's ~10 ms an unknown word would take most of an hour here: the fast peers only.
    fast = {k: v for k, v in systems.items() if k not in subset}
    other_table, other = other_style(fast, misspellings, zipf)
    gold_kinds = Counter(kind_of(e, n) for g, n in zip(gold, noisy, strict=True) for e in g)
    md = [
        "# Copy-edit benchmark (BBC news, corrupted)",
        "",
        f"{len(docs)} documents sampled (seed {SEED}) from the public BBC set, {words:,} words, "
        f"{sum(len(g) for g in gold):,} gold edits ({', '.join(f'{k} {v}' for k, v in sorted(gold_kinds.items()))}). "
        "Rates: " + ", ".join(f"{k} {v}" for k, v in RATES.items()) + ". Edit-level scores; F0.5 weighs precision. "
        f"Benchmark version {VERSION} (see the module docstring).",
        "",
        markdown_table(
            ["system", "docs", "precision", "recall", "F0.5", "right", "edits made", "words/s", "clean: changes/10k"],
            table,
        ),
        "",
        "`clean: changes/10k`: the edits each system makes on the same articles before corruption, per 10,000 "
        "words. Each one changes correct copy, unless it fixes a typo of the source.",
        "",
        "Recall by kind, newsdesk (precision): "
        + ", ".join(f"{k} {v:.3f}" for k, v in sorted(results["newsdesk (precision)"]["recall_by_kind"].items())),
        "",
        f"House names: newsdesk's rows use {house.describe()} learned (`learn_house_names`: multi-word "
        "names with at least one use, dictionary words with ten, capitalised in ≥ 90% of uses) from "
        f"{len(archive)} public BBC "
        "articles outside this sample (never a scored document, nor a copy of one): "
        + ("the table newsdesk ships" if bundled else "NOT the table newsdesk ships (rebuild it)")
        + ". `no house names` is the copy desk without them. On the PolNeAR set below they are another house's names.",
        "",
        f"Speed (CPU time, best of {SPEED_RUNS} interleaved runs), one core, same run, {args.spacy_docs} documents "
        f"({sample_words:,} words): "
        f"newsdesk copy-edit stage ({build()}) "
        f"{stage_wps:,.0f} words/s; spaCy en_core_web_sm (full pipeline) {spacy_wps:,.0f} words/s "
        f"(ratio {stage_wps / spacy_wps:.1f}x).",
        "",
        "## Copy of another style",
        "",
        f"The {other['documents']} US political news articles of the PolNeAR test set (2016: NYT, Washington Post, "
        f"Politico, Breitbart…), {other['words']:,} words, corrupted at the same rates with the same seed. Not a "
        "development set, but not untouched: false edits seen on its clean text prompted the title-case and "
        "split-quote rules, which were developed on the BBC dev split and CoNLL-2003 testa.",
        "",
        markdown_table(
            ["system", "docs", "precision", "recall", "F0.5", "right", "edits made", "clean: changes/10k"],
            other_table,
        ),
    ]
    house_names, house_words = house.names_and_words()
    write_results(
        "copyedit",
        "\n".join(md),
        {
            "documents": len(docs),
            "seed": SEED,
            "version": VERSION,
            "rates": RATES,
            "words": words,
            "gold_edits": sum(len(g) for g in gold),
            "house_names": {
                "archive_documents": len(archive),
                "names": len(house_names),
                "words": len(house_words),
                "min_uses": 1,
                "bundled": bundled,
            },
            "systems": results,
            "speed": {
                "newsdesk_stage_wps": stage_wps,
                "newsdesk_build": build(),
                "spacy_wps": spacy_wps,
                "docs": args.spacy_docs,
                "best_of": SPEED_RUNS,
            },
            "other_style": other,
        },
    )


if __name__ == "__main__":
    main()
