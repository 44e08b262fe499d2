"""Sports copy conventions: teams in results, standings and fixtures lines are organisations (real model)."""

from __future__ import annotations

import pytest
from spacy.language import Language

import newsdesk.entities
from newsdesk.entities.sports import lines
from newsdesk.nlp import load_model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return newsdesk.entities.add_pipes(load_model())


def labels(nlp: Language, text: str) -> dict[str, str]:
    """Each name's label at its first mention."""
    out: dict[str, str] = {}
    for e in nlp(text).ents:
        out.setdefault(e.text, e.label_)
    return out


def test_results_and_standings_rows_name_teams(nlp: Language) -> None:
    text = (
        "FOOTBALL - NORTHERN LEAGUE RESULTS .\n"
        "LEEDS 2024-03-02\n"
        "Results of Northern League matches on Saturday :\n"
        "Gateshead 2 Darlington 1\n"
        "Whitby 0 Consett 3\n"
        "Reading 1 Morpeth 1\n"
        "Standings :\n"
        "Consett 5 4 1 0 11 3 13\n"
        "Gateshead 5 3 1 1 9 6 10\n"
        "Postponed : Hexham v Blyth\n"
        "Consett , who beat Whitby in Whitby , lead the table .\n"
    )
    found = labels(nlp, text)
    for team in ("Gateshead", "Darlington", "Whitby", "Consett", "Morpeth", "Hexham", "Blyth"):
        assert found.get(team) == "ORG", (team, found)
    doc = nlp(text)
    # The dateline's town and a town after `in` stay places.
    by_start = {e.start_char: e.label_ for e in doc.ents}
    assert by_start[text.index("LEEDS")] == "GPE"
    assert by_start[text.rindex("Whitby")] == "GPE"


def test_national_sides_and_athletes_are_not_clubs(nlp: Language) -> None:
    found = labels(nlp, "Results :\nFrance 2 Italy 1\nGermany 0 Spain 0\n1. Carl Lewis ( U.S. ) 9.99\n")
    assert found["France"] == found["Italy"] == "GPE"
    assert found.get("Carl Lewis") == "PERSON"


def test_a_prose_sentence_with_numbers_is_no_table(nlp: Language) -> None:
    found = labels(nlp, "Officials in Leeds said 2 people were hurt and 3 cars burned near Bradford on Sunday.")
    assert found.get("Leeds") == "GPE"
    assert found.get("Bradford") == "GPE"


def test_lines_are_token_ranges_between_line_breaks(nlp: Language) -> None:
    doc = nlp.make_doc("a b\nc\n\nd")
    assert [doc[s:e].text for s, e in lines(doc)] == ["a b", "c", "d"]
