"""Sports copy: results, standings and fixtures lines name teams, and a team is an organisation.

The wire's sports pages are tables set as text, one row a line (`Bolton 2 Leeds 1`, `Barcelona 3 2 1 0 6 2 7`,
`Birmingham v Barnsley`). The model reads a club named after its town as the town; these conventions say:

- In a results or standings line (mostly names and scores), a name in score position (at the line's start or
  after a score or punctuation, right before a score) is a team.
- Names on both sides of `v` / `vs` are teams.
- A town or county the parse makes a side of a match verb (`Leicestershire beat Somerset`, `lost to Rotor`) is a
  team, and so are the names coordinated with a team.
- A team named once so keeps that identity through the story (`Surrey beat Kent by 141 runs`), except where the
  copy marks a place (`in Leeds`) or in the dateline (`LONDON 1996-08-30`): one sense per discourse.
- People the model misses outside sentences (`mark_people`): a name before a bracketed country, a name opened
  by an initial, and the other names of a list that is mostly people.

National sides keep their country's label (the press, and CoNLL, name them by the place), and people in
individual sports' results (`Michael Johnson 19.32`, `Ekimov 1:07`) stay people: a full name the model read as
a person, or its surname, is not a team; times, decimals and bowling figures are not scores.

The per-Doc token facts these rules read (`words`, `lines`, `owners`, `run_before`/`run_after`) serve the
gazetteer's other rules too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from newsdesk.article import NAME_LABELS
from newsdesk.copyedit.lexicon import load_lexicon
from newsdesk.entities.kb import safe_lower, span_key
from newsdesk.tables import word_set

#: A score: goals, points, runs, wins, or a cricket total (`108-3`). Not a year, a time or a decimal.
SCORE = re.compile(r"[0-9]{1,3}(?:-[0-9]{1,3})?")
#: The dateline's date (`LONDON 1996-08-30`, `LONDON , Aug 30`).
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
INITIAL = re.compile(r"[A-Z]\.")
MONTH_DAY = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? [0-9]{1,2}\b", re.IGNORECASE)
FIXTURE = frozenset({"v", "v.", "vs", "vs.", "versus"})
#: Lower-case words inside a club's name (`Brighton and Hove Albion`, `Queen of the South`).
JOINERS = frozenset({"of", "the", "and", "&", "de", "del", "la", "di", "du", "van", "von", "der"})
#: What may stand before a team in a table row: the line's start (handled apart), a score, or these.
ROW_PUNCT = frozenset({",", ";", ":", ")", "-", "/"})
#: Prepositions that make a team's town a place again (`the match in Leeds`).
PLACE_MARKS = frozenset({"in", "at", "near", "outside", "inside", "around"})
#: Labels a team name may carry from the model or the gazetteer.
RELABEL = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON"})

Ents = dict[tuple[int, int], str]
LINES_KEY = "newsdesk.lines"
WORDS_KEY = "newsdesk.words"


def lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the text's lines (a line break is a whitespace token in spaCy), computed once per Doc."""
    cached: list[tuple[int, int]] | None = doc.user_data.get(LINES_KEY)
    if cached is not None:
        return cached
    # From the text and the tokens' offsets: iterating the Doc's tokens costs more than the rest of this stage.
    starts = doc.to_array("IDX").tolist()
    breaks = sorted({bisect_right(starts, m.start()) - 1 for m in re.finditer("\n", doc.text)})
    out, start = [], 0
    for k in breaks:
        if k > start:
            out.append((start, k))
        start = k + 1
    if start < len(doc):
        out.append((start, len(doc)))
    doc.user_data[LINES_KEY] = out
    return out


@dataclass(frozen=True, slots=True)
class Words:
    """What the rules ask of each token, read once per Doc: making spaCy Tokens again and again is the cost."""

    text: list[str]
    lower: list[str]
    alpha: list[bool]
    name: list[bool]  # a capitalised word, or a lower-cased one that is no English word
    score: list[bool]
    plain: list[bool]  # a lower-case English word (not a joiner): sentences have them, table rows do not
    upper: list[bool]
    title: list[bool]
    opens: list[bool]  # opens a sentence


def words(doc: Doc) -> Words:
    """The Doc's `Words`, computed once (the Doc's own text and entities must not change after)."""
    cached: Words | None = doc.user_data.get(WORDS_KEY)
    if cached is not None:
        return cached
    # The model calls table cells (`4 1`) dates too: only a date with a word in it (`August 31`) is no score.
    dated = {
        k
        for e in doc.ents
        if e.label_ in ("DATE", "TIME") and any(c.isalpha() for c in e.text)
        for k in range(e.start, e.end)
    }
    text, lower, alpha, name, score, plain, upper, title, opens = [], [], [], [], [], [], [], [], []
    for t in doc:
        upper.append(t.is_upper)
        title.append(t.is_title)
        opens.append(bool(t.is_sent_start))
        text.append(t.text)
        lower.append(t.lower_)
        alpha.append(t.is_alpha)
        # A lower-cased word counts when it is no English word (casing noise: `brentford 4 3 1`).
        upper_first = t.text[:1].isupper()
        is_name = any(c.isalpha() for c in t.text) if upper_first else t.is_alpha and safe_lower(t.lower_)
        name.append(is_name)
        score.append(bool(SCORE.fullmatch(t.text)) and t.i not in dated)
        plain.append(t.is_alpha and t.is_lower and t.lower_ not in JOINERS and not is_name)
    out = Words(text, lower, alpha, name, score, plain, upper, title, opens)
    doc.user_data[WORDS_KEY] = out
    return out


def _table_line(w: Words, start: int, end: int) -> bool:
    """Two scores or more, and (nearly) no lower-case English words: a row of a table, not a sentence."""
    if sum(w.score[start:end]) < 2:
        return False
    return sum(w.plain[start:end]) <= max(1, sum(w.alpha[start:end]) // 4)


def run_before(w: Words, end: int, floor: int) -> int:
    """Start of the capitalised name that ends at `end` (joiners allowed inside), or `end` if there is none."""
    if end <= floor or not w.name[end - 1]:
        return end
    k = end - 1
    while k > floor and (w.name[k - 1] or w.lower[k - 1] in JOINERS):
        k -= 1
    while not w.name[k]:
        k += 1
    return k


def run_after(w: Words, start: int, ceiling: int) -> int:
    """End of the capitalised name that starts at `start`, or `start` if there is none."""
    if start >= ceiling or not w.name[start]:
        return start
    k = start + 1
    while k < ceiling and (w.name[k] or w.lower[k] in JOINERS):
        k += 1
    while not w.name[k - 1]:
        k -= 1
    return k


def _score_after(w: Words, end: int, ceiling: int) -> bool:
    """A score right after the name, or after a one-letter bracket (`Mladost ( L ) 4`)."""
    if end < ceiling and w.score[end]:
        return True
    return (
        end + 3 < ceiling
        and w.text[end] == "("
        and w.text[end + 2] == ")"
        and len(w.text[end + 1]) <= 3
        and w.score[end + 3]
    )


def _table_names(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Names in score position in a table row."""
    w = words(doc)
    out = []
    for k in range(start + 1, end):
        if not w.score[k]:
            continue
        stop = k
        if w.text[k - 1] == ")" and k - 3 >= start and w.text[k - 3] == "(" and len(w.text[k - 2]) <= 3:
            stop = k - 3
        first = run_before(w, stop, start)
        if first == stop or not _score_after(w, stop, end):
            continue
        if first == start or w.score[first - 1] or w.text[first - 1] in ROW_PUNCT:
            # A one-letter bracket is part of the club's name (`Rad ( B )`, Rad of Belgrade).
            out.append((first, k))
    return out


def _fixture_names(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The names on both sides of `v` (`Birmingham v Barnsley`)."""
    out = []
    w = words(doc)
    for k in range(start + 1, end - 1):
        if w.lower[k] in FIXTURE:
            left, right = run_before(w, k, start), run_after(w, k + 1, end)
            if left < k and right > k + 1:
                out += [(left, k), (k + 1, right)]
    return out


def mark_teams(
    doc: Doc,
    keys: list[str],
    ents: Ents,
    national: Callable[[str], str | None],
    place: Callable[[str], bool],
) -> tuple[Ents, set[str]]:
    """Tag the teams of results, standings and fixtures lines as ORG; returns the entities and the teams' keys.

    Teams the parse makes a side of a match (`Leicestershire beat Somerset`) are returned too, for
    `team_consistency`. `national(key)`: the KB label of a country, nationality or region (a national side
    keeps it), else None; `place(key)`: does the KB know the name as a place?
    """
    rows = []
    for start, end in lines(doc):
        found = _fixture_names(doc, start, end)
        if _table_line(words(doc), start, end):
            found += _table_names(doc, start, end)
        if found:
            ents = _split_at_scores(doc, ents, start, end)
        rows.append(found)
    for row in rows:
        for s, e in row:
            # A national side the model's span ran into another name (`France 2 Italy`): the KB's label.
            label = national(span_key(keys, s, e))
            if label and (s, e) in ents:
                ents[(s, e)] = label
    persons = _person_parts(doc, keys, ents)
    rows = [[(s, e) for s, e in row if _team_candidate(doc, keys, ents, s, e, persons, national)] for row in rows]
    # A club named by English words (`Reading 2 Stoke 2`, but also `Total 228`) counts on a row with a club
    # that is no word, or in a story whose rows show two such clubs: a page of results.
    named = [any(not _words_only(keys, s, e) for s, e in row) for row in rows]
    out = dict(ents)
    teams = _match_sides(doc, keys, ents, persons, national, place)
    for row, row_named in zip(rows, named, strict=True):
        if not row_named and sum(named) < 2:
            continue
        for s, e in row:
            # The model's span may run over the score (`Norwich 1 Wolverhampton`): the row's names replace it.
            for span in [span for span in out if span[0] < e and s < span[1]]:
                del out[span]
            out[(s, e)] = "ORG"
            teams.add(span_key(keys, s, e))
    return out, teams


def _match_sides(
    doc: Doc,
    keys: list[str],
    ents: Ents,
    persons: set[str],
    national: Callable[[str], str | None],
    place: Callable[[str], bool],
) -> set[str]:
    """Places the parse makes a side of a match (`Leicestershire beat Somerset`, `lost to Rotor`): teams."""
    teams = set()
    for (s, e), label in ents.items():
        key = span_key(keys, s, e)
        if label not in RELABEL or national(key) or key in persons:
            continue
        # The model calls a county a person now and then (`Surrey`): a place the KB knows is no person.
        if label == "PERSON" and (e - s > 1 or not place(key)):
            continue
        head = doc[e - 1]
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head  # `Essex and Kent drew`: the first of the pair holds the role
        verb = head.head.head if head.dep_ == "pobj" else head.head
        if head.dep_ in ("nsubj", "dobj", "pobj") and verb.pos_ == "VERB" and verb.lemma_ in team_verbs():
            teams.add(key)
    # The names coordinated with a team are teams too (`title rivals Essex , Derbyshire and Surrey`).
    owner = owners(len(doc), ents)
    for (s, e), label in ents.items():
        key = span_key(keys, s, e)
        if key in teams or label not in RELABEL or national(key) or key in persons or (label == "PERSON" and e - s > 1):
            continue
        head = doc[e - 1]
        other = owner[head.head.i] if head.dep_ == "conj" else None
        if other is not None and span_key(keys, *other) in teams:
            teams.add(key)
    return teams


@cache
def team_verbs() -> frozenset[str]:
    return word_set("entities/team_verbs.txt")


def mark_people(doc: Doc, keys: list[str], ents: Ents, national: Callable[[str], str | None]) -> Ents:
    """People in results and line-ups, which the model misses outside sentences.

    - A name of two words or more before a bracketed country (`Pete Sampras ( U.S. )`): an athlete.
    - A name opened by an initial (`K. Curran 52`, `A. Smith`).
    - The other names of a list whose names are mostly people (`Mullally 6-0-30-1 , Headley 7-0-32-0 , Irani
      2-0-22-0`): the items of a list are alike.
    """
    w = words(doc)
    out = dict(ents)
    owner = owners(len(doc), out)
    for start, end in lines(doc):
        items: list[tuple[int, int]] = []
        k = start
        while k < end:
            stop = run_after(w, k, end)
            if stop == k:
                k += 1
                continue
            # Names of two words or more; this also keeps `k + 1` inside the Doc (`Smith 52 , A.` at its end).
            if stop - k > 1:
                athlete = _bracketed_country(doc, keys, stop, end, national) and not _words_only(keys, k, stop)
                initial = INITIAL.fullmatch(w.text[k]) and not w.upper[k + 1]
                if athlete or initial:
                    _claim(out, owner, k, stop)
            if k == start or w.text[k - 1] in (",", ";", "-") or doc[k - 1].like_num:
                items.append((k, stop))
            k = stop
        people = [(s, e) for s, e in items if out.get(owner[s] or (-1, -1)) == "PERSON"]
        if len(people) >= 2 and 2 * len(people) >= len(items):
            for s, e in items:
                key = span_key(keys, s, e)
                if owner[s] is None and not national(key) and not _words_only(keys, s, e):
                    _claim(out, owner, s, e)
    return out


def _bracketed_country(
    doc: Doc, keys: list[str], end: int, ceiling: int, national: Callable[[str], str | None]
) -> bool:
    """`( U.S. )`, `( South Africa )` right after the name."""
    if end >= ceiling or doc[end].text != "(":
        return False
    close = next((k for k in range(end + 1, min(ceiling, end + 5)) if doc[k].text == ")"), None)
    return close is not None and bool(national(span_key(keys, end + 1, close)))


def _claim(out: Ents, owner: list[tuple[int, int] | None], start: int, end: int) -> None:
    """Tag `start:end` PERSON unless the model or the KB already tagged a word of it."""
    if any(owner[k] is not None for k in range(start, end)):
        return
    out[(start, end)] = "PERSON"
    for k in range(start, end):
        owner[k] = (start, end)


def owners(n: int, ents: Ents) -> list[tuple[int, int] | None]:
    """For each token, the entity span that holds it."""
    owner: list[tuple[int, int] | None] = [None] * n
    for s, e in ents:
        for k in range(s, e):
            owner[k] = (s, e)
    return owner


def _split_at_scores(doc: Doc, ents: Ents, start: int, end: int) -> Ents:
    """Names the model ran over a score or a `v` in a row (`France 2 Italy`) are cut there."""
    w = words(doc)
    out = {}
    for (s, e), label in ents.items():
        if label not in NAME_LABELS or e <= start or s >= end:
            out[(s, e)] = label
            continue
        first = s
        for k in range(s, e + 1):
            if k == e or w.score[k] or w.lower[k] in FIXTURE:
                if any(w.name[first:k]):
                    out[(first, k)] = label
                first = k + 1
    return out


def _crosses_row(w: Words, start: int, end: int) -> bool:
    """A span running over a score or a `v`: two names of a row that the model joined."""
    return any(w.score[k] or w.lower[k] in FIXTURE for k in range(start, end))


def _team_candidate(
    doc: Doc,
    keys: list[str],
    ents: Ents,
    start: int,
    end: int,
    persons: set[str],
    national: Callable[[str], str | None],
) -> bool:
    w = words(doc)
    key = span_key(keys, start, end)
    # An initial opens a person's name (`A. Dale 69`), never a club's.
    if not key or national(key) or key in persons or INITIAL.fullmatch(w.text[start]):
        return False
    for (s, e), label in ents.items():
        if e <= start or s >= end:
            continue
        if (s < start or e > end) and not _crosses_row(w, s, e):
            return False
        if label not in RELABEL or (label == "PERSON" and s >= start and e <= end and e - s > 1):
            return False
    return True


def _words_only(keys: list[str], start: int, end: int) -> bool:
    """Every word of the name is a lower-case English word the corpus rarely capitalises."""
    plain = load_lexicon().plain
    return all(k in plain for k in keys[start:end] if k)


def _person_parts(doc: Doc, keys: list[str], ents: Ents) -> set[str]:
    """Full names the model found, and their first and last words (`Ekimov` of `Vyacheslav Ekimov`)."""
    w = words(doc)
    out = set()
    for (s, e), label in ents.items():
        # Not a "person" run over a score (`Norwich 1 Wolverhampton`): two clubs the model joined.
        if label == "PERSON" and e - s > 1 and not _crosses_row(w, s, e):
            out |= {keys[s], keys[e - 1], span_key(keys, s, e)}
    return out


def team_consistency(doc: Doc, keys: list[str], ents: Ents, teams: set[str]) -> Ents:
    """Every other mention of a team is the team, unless the copy marks it as a place or it heads the dateline."""
    if not teams:
        return ents
    starts = {s for s, _ in lines(doc)}
    out = dict(ents)
    for (s, e), label in ents.items():
        key = span_key(keys, s, e)
        if key not in teams or label not in RELABEL:
            continue
        place = (s > 0 and doc[s - 1].lower_ in PLACE_MARKS) or (s in starts and _dated(doc, e))
        out[(s, e)] = "GPE" if place else "ORG"
    return out


def _dated(doc: Doc, end: int) -> bool:
    """The dateline's place: a date follows the name, maybe after `, Region` (`ARLINGTON , Texas 1996-08-30`)."""
    for k in range(end, min(len(doc), end + 4)):
        if dateline_date(doc[k]):
            return True
        if doc[k].is_space:
            return False
    return False


def dateline_date(token: Token) -> bool:
    """The first token of a dateline's date: an ISO date or a month and a day (`1996-08-30`, `Aug 30`)."""
    doc, end = token.doc, token.i + 1
    while end < len(doc) and not doc[end - 1].whitespace_ and not doc[end].is_space:
        end += 1  # spaCy cuts `1996-08-30` at the hyphens
    following = doc[token.i : min(len(doc), token.i + 3)].text
    return bool(DATE.fullmatch(doc[token.i : end].text) or MONTH_DAY.match(following))
