"""Events: the seed article's actor–action–target events, dates, places and the anniversary check."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import newsdesk.quotes
from newsdesk.article import Analysis, Event
from newsdesk.dates import anniversary_notices
from newsdesk.events import cameo_table, extract_events, make_events
from newsdesk.ingest import parse_text
from newsdesk.pipeline import Pipeline
from newsdesk.tables import data_rows

assert newsdesk.quotes  # registers newsdesk_quotes
ANCHOR = dt.date(2025, 9, 2)


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Analysis:
    article = parse_text(seed_text).model_copy(update={"published": ANCHOR})
    return Pipeline(stages=["newsdesk_quotes", "newsdesk_events"]).analyze(article)


@pytest.fixture(scope="module")
def nlp(bare_nlp: Language) -> Language:
    return bare_nlp


def find(events: list[Event], code: str, actor: str, target: str | None = None) -> Event:
    for event in events:
        same = event.code.startswith(code) and event.actor is not None and event.actor.name == actor
        if same and (target is None or (event.target is not None and target in event.target.name)):
            return event
    raise AssertionError(f"no {code} event {actor} -> {target}: {[(e.code, e.actor, e.target) for e in events]}")


def test_putin_xi_meeting_in_beijing_on_tuesday(seed: Analysis) -> None:
    event = find(seed.events, "04", "Vladimir Putin", "Xi Jinping")
    assert event.place is not None and event.place.name == "Beijing"
    assert event.time is not None and event.time.date == dt.date(2025, 9, 2)
    assert event.modality == "happened"
    assert "meeting in Beijing on Tuesday" in event.evidence.text


def test_putin_fico_meeting_on_tuesday(seed: Analysis) -> None:
    event = find(seed.events, "04", "Vladimir Putin", "Robert Fico")
    assert event.time is not None and event.time.date == dt.date(2025, 9, 2)


def test_parade_on_wednesday_is_expected_and_resolves_forward(seed: Analysis) -> None:
    parade = next(e for e in seed.events if e.trigger.text == "parade")
    assert parade.time is not None and parade.time.date == dt.date(2025, 9, 3)
    assert parade.modality == "expected"


@pytest.mark.parametrize(
    ("code", "actor", "target", "modality"),
    [
        ("057", "Gazprom", "China", "reported"),
        ("111", "Xi Jinping", "United States", "reported"),
        ("112", "Vladimir Putin", "Western governments", "happened"),
        ("07", "North Korea", "Russia", "reported"),
    ],
)
def test_seed_events(seed: Analysis, code: str, actor: str, target: str, modality: str) -> None:
    assert find(seed.events, code, actor, target).modality == modality


def test_seventy_ninth_anniversary_is_flagged(seed: Analysis) -> None:
    [notice] = [w for w in seed.warnings if w.code == "date.anniversary_mismatch"]
    assert "2024" in notice.message and "80th" in notice.message
    assert notice.evidence is not None and notice.evidence.text.startswith("79th anniversary of Japan")


def test_anniversary_consistent_or_unanchored_is_quiet(nlp: Language) -> None:
    doc = nlp("Leaders marked the 80th anniversary of Japan's surrender in World War II.")
    assert anniversary_notices(doc, anchor=dt.date(2025, 9, 2)) == []
    assert anniversary_notices(doc, anchor=None) == []
    assert anniversary_notices(nlp("the 55th anniversary of the moon landing"), anchor=dt.date(2024, 7, 20)) == []


def test_plain_nlp_without_article_keeps_dates_unresolved(nlp: Language) -> None:
    doc = make_events(nlp, "newsdesk_events", check_dates=True)(nlp("Germany and France met on Tuesday in Paris."))
    assert doc._.notices == []
    [event] = [e for e in doc._.events if e.code.startswith("04")]
    assert event.time is not None and event.time.text == "Tuesday" and event.time.date is None


def test_passive_and_odd_text(nlp: Language) -> None:
    doc = nlp("The rebels were attacked by government forces near Aleppo.")
    [event] = extract_events(doc)
    assert event.target is not None and event.target.name == "The rebels"
    for text in ["", "”“", "sanctions " * 2000, "Путин встретился с Си. 他们见面了。"]:
        extract_events(nlp(text))


def test_a_person_using_force_on_no_one_is_no_event(nlp: Language) -> None:
    doc = nlp("Carlos Alcaraz said he was proud of how he fought.")
    assert [e for e in extract_events(doc) if e.code.startswith(("18", "19", "20"))] == []
    doc = nlp(
        "Russian forces attacked Kharkiv on Monday. John Smith attacked Peter Jones outside the bar. "
        "Osama bin Laden attacked the embassy in Nairobi."
    )
    assert len([e for e in extract_events(doc) if e.code.startswith("19")]) == 3


#: Varied sentences with names, places, dates and meeting verbs. PERSON names are kept rare because
#: the NER fallback of `quotes.Resolver` pairs every PERSON with every other (quadratic on its own).
LONG_ARTICLE_SENTENCES = (
    "Germany and France held talks in Paris on Tuesday.",
    "China signed an agreement with Russia in Moscow on 3 March 2024.",
    "Officials said Japan would meet South Korea in Seoul next week.",
    "The European Union criticized Hungary in Brussels last month.",
    "Robert Fico is expected to visit Washington in early 2026.",
    "Protesters attacked the police near the parliament in Warsaw last night.\n\n",
)


def test_long_article_goes_through_in_linear_time(nlp: Language) -> None:
    # ~200 kB: per-trigger `sent.ents` (a walk over the whole doc each time) took minutes here.
    # Copies of one parsed paragraph keep the test fast; the events stage sees a 200 kB doc all the same.
    paragraph = nlp(" ".join(LONG_ARTICLE_SENTENCES))
    copies = 200_000 // len(paragraph.text) + 1
    doc = Doc.from_docs([paragraph] * copies)
    assert len(doc.text) > 200_000
    expected = [_summary(e) for e in extract_events(paragraph, anchor=ANCHOR)]
    events = extract_events(doc, anchor=ANCHOR)
    # Each copy gives the paragraph's events, times and places: every trigger reads its own sentence.
    assert len(expected) >= 5 and [_summary(e) for e in events] == expected * copies
    assert events[-1].trigger.start > 199_000


def _summary(event: Event) -> tuple[object, ...]:
    time = (event.time.text, event.time.date) if event.time else None
    names = [p.name if p else None for p in (event.actor, event.target, event.place)]
    return (event.code, event.trigger.text, *names, time, event.modality)


def test_every_cameo_row_has_a_goldstein_score() -> None:
    """`cameo_table` reads every score as a float: a row without one would be a data error, caught here."""
    rows = data_rows("events/cameo.tsv")
    assert all(len(row) == 3 for row in rows)
    assert cameo_table() == {code: (float(score), name.strip()) for code, score, name in rows}
    assert cameo_table()["145"] == (-7.5, "Protest violently, riot")
