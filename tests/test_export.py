"""Export: GDELT GKG and Event rows with the documented columns, and JSON Lines."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from newsdesk.article import Analysis, Entity, Event, Participant, Quote, Span, TimeExpression
from newsdesk.export import EVENT_COLUMNS, GKG_COLUMNS, write_export

GDELT = Path(__file__).resolve().parents[2] / "shared" / "data" / "gdelt_sample"
TEXT = "Vladimir Putin met Xi Jinping in Beijing on Tuesday.\n\n“We remain together,” Putin said."


def span(text: str, start: int) -> Span:
    return Span(text=text, start=start, end=start + len(text), original_start=start, original_end=start + len(text))


@pytest.fixture()
def analysis() -> Analysis:
    putin = Entity(id="Q7747", name="Vladimir Putin", label="PERSON", salience=1.0,
                   mentions=[span("Vladimir Putin", 0), span("Putin", TEXT.index("Putin said"))])  # fmt: skip
    beijing = Entity(id="Q956", name="Beijing", label="GPE", salience=0.5, mentions=[span("Beijing", 32)])
    event = Event(
        code="040", action="meet", trigger=span("met", 15),
        actor=Participant(name="Vladimir Putin", entity_id="Q7747"), target=Participant(name="Xi Jinping"),
        place=Participant(name="Beijing"), evidence=span(TEXT[:52], 0), modality="happened",
        time=TimeExpression(text="Tuesday", span=span("Tuesday", 43), date=dt.date(2025, 9, 2), granularity="day"),
    )  # fmt: skip
    quote = Quote(kind="direct", content=span("We remain together", TEXT.index("We")), speaker="Vladimir Putin",
                  cue=span("said", TEXT.index("said")))  # fmt: skip
    return Analysis(id="abc", source="https://example.com/story", headline="H", dateline="Beijing, China",
                    published=dt.date(2025, 9, 2), source_keywords=[], text=TEXT, original=TEXT,
                    entities=[putin, beijing], quotes=[quote], events=[event])  # fmt: skip


def test_columns_match_the_gdelt_schema() -> None:
    lines = (GDELT / "schema_gkg_v2.csv").read_text().splitlines()[1:]
    gkg = [line.split(",")[0] for line in lines if line[:1].isupper()]
    assert tuple(c for c in gkg if c in GKG_COLUMNS) == GKG_COLUMNS
    events = (GDELT / "events_v2_column_labels.csv").read_text()
    assert all(column in events for column in EVENT_COLUMNS) and len(EVENT_COLUMNS) == 61


def test_gkg_row(analysis: Analysis) -> None:
    out = io.StringIO()
    assert write_export([analysis], "gdelt-gkg", out) == 1
    row = dict(zip(GKG_COLUMNS, out.getvalue().rstrip("\n").split("\t"), strict=True))
    assert row["DATE"] == "20250902000000" and row["SourceCommonName"] == "example.com"
    assert row["V2Persons"] == f"Vladimir Putin,0;Vladimir Putin,{TEXT.index('Putin said')}"
    assert row["V2Locations"].startswith("4#Beijing#CH#") and row["V2Locations"].endswith("#32")
    assert row["Dates"] == "3#9#2#2025#43"
    assert row["Quotations"] == f"{TEXT.index('We')}|18|said|We remain together"


def test_event_row(analysis: Analysis) -> None:
    out = io.StringIO()
    write_export([analysis, analysis], "gdelt-events", out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and lines[0] == lines[1]  # stable ids
    row = dict(zip(EVENT_COLUMNS, lines[0].split("\t"), strict=True))
    assert row["SQLDATE"] == "20250902" and row["Actor1Name"] == "VLADIMIR PUTIN"
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("040", "040", "04", "1")
    assert row["GoldsteinScale"] == "1.0" and row["IsRootEvent"] == "1"
    assert row["ActionGeo_FullName"] == "Beijing" and row["ActionGeo_CountryCode"] == "CH"


def test_jsonl_round_trips(analysis: Analysis) -> None:
    out = io.StringIO()
    write_export([analysis], "jsonl", out)
    assert Analysis.model_validate(json.loads(out.getvalue())) == analysis


def test_unknown_format_is_a_value_error(analysis: Analysis) -> None:
    with pytest.raises(ValueError):
        write_export([analysis], "csv", io.StringIO())


@pytest.mark.parametrize(
    ("code", "quad_class"),
    [("010", "1"), ("057", "1"), ("061", "2"), ("081", "2"), ("090", "3"), ("111", "3"), ("138", "3"),
     ("141", "4"), ("145", "4"), ("173", "4"), ("190", "4"), ("202", "4")],
)  # fmt: skip
def test_quad_class_follows_gdelt(analysis: Analysis, code: str, quad_class: str) -> None:
    """GDELT's QuadClass: roots 01-05 verbal and 06-08 material cooperation, 09-13 verbal and 14-20 (protest
    on) material conflict."""
    events = [event.model_copy(update={"code": code}) for event in analysis.events]
    out = io.StringIO()
    write_export([analysis.model_copy(update={"events": events})], "gdelt-events", out)
    row = dict(zip(EVENT_COLUMNS, out.getvalue().splitlines()[0].split("\t"), strict=True))
    assert (row["EventRootCode"], row["QuadClass"]) == (code[:2], quad_class)
