"""Sports copy conventions: teams in results, standings and fixtures lines are organisations (real model)."""

from __future__ import annotations

from spacy.language import Language

from newsdesk.entities.sports import lines


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


def test_people_in_results_and_line_ups(nlp: Language) -> None:
    text = (
        "Results :\n"
        "1. Marta Oksanen ( Finland ) 12.71 seconds\n"
        "Bowling : Hargreave 8-0-39-3 , Tolliday 6-0-30-1 , Pemberton 7-0-32-0 , Quillfeather 2-0-22-0\n"
        "Scorers : K. Ambleworth 52 , A. Sorrell 13\n"
    )
    found = labels(nlp, text)
    for person in ("Marta Oksanen", "K. Ambleworth", "A. Sorrell"):
        assert found.get(person) == "PERSON", (person, found)
    assert found.get("Finland") == "GPE"


def test_the_datelines_name_opens_a_place_and_a_shouted_headline_is_read_by_the_kb(nlp: Language) -> None:
    text = (
        "SLOVAKIA BEAT FAROES IN QUALIFIER .\n"
        "TOFTIR , Faroe Islands 1996-08-31\n"
        "Slovakia won 2-1 in Toftir on Saturday .\n"
    )
    doc = nlp(text)
    found = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
    assert found[(text.index("TOFTIR"), text.index("TOFTIR") + 6)] == "GPE"
    assert found[(0, len("SLOVAKIA"))] == "GPE"
    # The model's reading of a shouted line (`SLOVAKIA BEAT FAROES` as one name) is not kept.
    assert not [e for e in doc.ents if "BEAT" in e.text]
