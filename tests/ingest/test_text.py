"""The wire-story text parser, on the seed article and on odd layouts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdesk.ingest import read_bytes
from newsdesk.ingest.text import parse_text, split_dateline, split_paragraphs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_bundled_seed_is_the_shared_reference(seed_path: Path) -> None:
    shared = seed_path.parents[2] / "shared" / "seed" / "article.txt"
    if not shared.is_file():
        pytest.skip("../shared is not beside the repository")
    assert seed_path.read_bytes() == shared.read_bytes()


def test_seed_headline_dateline_trailer_and_paragraphs(seed_text: str, seed_path: Path) -> None:
    article = parse_text(seed_text, source=str(seed_path))
    assert article.headline == "Putin and Xi Signal Deeper Ties in Beijing, Sharpen Criticism of the West"
    assert article.dateline == "Beijing, China"
    assert article.published is None
    assert len(article.source_keywords) == 17
    assert article.source_keywords[0] == "Putin"
    assert article.source_keywords[-1] == "Global Order"  # the trailer's final full stop is not kept
    assert "Keywords" not in article.body
    assert len(article.paragraphs) == 8
    assert article.paragraphs[0].startswith("Russian President Vladimir Putin")
    assert article.source == str(seed_path)


def test_seed_read_from_bytes_is_the_same_article(seed_text: str, seed_path: Path) -> None:
    [article] = read_bytes(seed_path.read_bytes(), source=str(seed_path))
    assert article == parse_text(seed_text, source=str(seed_path))


def test_windows_line_endings_give_the_same_article(seed_text: str) -> None:
    crlf = parse_text(seed_text.replace("\n", "\r\n"))
    lf = parse_text(seed_text)
    assert crlf.body == lf.body
    assert crlf.headline == lf.headline
    assert crlf.source_keywords == lf.source_keywords
    assert crlf.id == lf.id


def test_blank_line_paragraphs_with_hard_wraps_are_joined() -> None:
    text = "Storm Hits Coast\n\nMIAMI (AP) - A storm hit\nthe coast on Monday.\n\nPower was cut\nto thousands."
    article = parse_text(text)
    assert article.headline == "Storm Hits Coast"
    assert article.dateline == "Miami"
    assert article.paragraphs == ["A storm hit the coast on Monday.", "Power was cut to thousands."]


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("Beijing, China – Russian President…", "Beijing, China", None),
        ("WASHINGTON (Reuters) - The Senate…", "Washington", None),
        ("LONDON, Jan 5 — Shares fell…", "London", None),
        ("BERLIN, Germany, March 3, 2025 (dpa) – Talks…", "Berlin, Germany", dt.date(2025, 3, 3)),
        ("NEW YORK (AP) — Stocks rose…", "New York", None),
    ],
)
def test_datelines(line: str, place: str, date: dt.date | None) -> None:
    found = split_dateline(line)
    assert (found.place, found.published) == (place, date)
    assert found.rest and not found.rest.startswith(("-", "–", "—", " "))
    assert line == f"{found.written} {found.rest}"  # the dateline as written, nothing lost


@pytest.mark.parametrize(
    "line",
    ["The Fed - which met on Tuesday - held rates.", "Ukraine – Russia talks stall", "“Quote – with a dash”"],
)
def test_a_capitalised_phrase_before_a_dash_is_not_a_dateline(line: str) -> None:
    assert split_dateline(line) == (None, None, line, None, None)


def test_single_line_is_body_without_headline() -> None:
    article = parse_text("Officials said the bridge would reopen on Monday.")
    assert article.headline is None
    assert article.paragraphs == ["Officials said the bridge would reopen on Monday."]


def test_headline_with_only_a_trailer_is_body_not_headline() -> None:
    article = parse_text("Bridge Reopens\nKeywords: Bridge, Traffic")
    assert article.headline is None
    assert article.body == "Bridge Reopens"
    assert article.source_keywords == ["Bridge", "Traffic"]


def test_only_a_trailer_gives_an_empty_body() -> None:
    article = parse_text("Keywords: Bridge, Traffic.")
    assert article.body == ""
    assert article.source_keywords == ["Bridge", "Traffic"]


def test_first_paragraph_ending_in_a_full_stop_inside_quotes_is_not_a_headline() -> None:
    article = parse_text("“We will rebuild.”\nThe mayor spoke on Monday.")
    assert article.headline is None
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize("text", ["", "   \n\n\t", "\r\n\r\n", "“unbalanced quote\nand – dashes –", "-\n–\n—"])
def test_odd_text_never_raises(text: str) -> None:
    parse_text(text)


def test_very_long_line_and_mixed_scripts() -> None:
    line = "Москва и 北京 signed a deal, " * 20_000
    trailer = ", ".join(f"Tag {i}" for i in range(5_001))
    article = parse_text(f"Headline\n{line}\nKeywords: {trailer}")
    assert article.headline == "Headline"
    assert len(article.source_keywords) == 5_001
    assert len(article.paragraphs) == 1


def test_long_lines_under_one_blank_line_are_paragraphs_not_hard_wraps() -> None:
    """A blank line after the headline only, then one paragraph a line: lines too long to be wrapped."""
    first, second = "The mayor spoke on Tuesday about the port and the docks. " * 3, "He repeated his promise. " * 5
    assert split_paragraphs(f"Headline\n\n{first}\n{second}\nA short note wrapped\nin two lines.") == [
        "Headline",
        first.strip(),
        second.strip(),
        "A short note wrapped in two lines.",
    ]


def test_split_paragraphs_handles_old_mac_line_ends() -> None:
    assert split_paragraphs("a\rb\r\rc") == ["a b", "c"]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_bundled_examples_parse_as_wire_stories(path: Path) -> None:
    article = parse_text(path.read_text(encoding="utf-8"))
    assert article.headline
    assert article.dateline
    assert article.source_keywords
    assert 150 <= len(article.body.split()) <= 500
    assert len(article.paragraphs) >= 4


def test_a_title_case_first_line_is_a_headline_even_with_a_full_stop() -> None:
    """Some exports end every headline with a full stop; title case still marks it (a lead sentence is not in it)."""
    headline = "Mayor Warns Council Plan On Port Would Cost Thousands Of Jobs."
    article = parse_text(f"{headline}\n\nThe mayor said on Tuesday that jobs were at risk.")
    assert article.headline == headline
    assert parse_text("City paper backs mayor for a second term.\n\nThe paper said so.").headline is None
    assert parse_text("It was all about Paris.\n\nThe mayor saw it all.").headline is None


def test_a_dateline_keeps_its_agency_and_its_written_form() -> None:
    found = split_dateline("TORONTO, Feb. 23, 2026 (Reuters) - Prime Minister Mark Carney won the seat.")
    assert (found.place, found.published, found.agency) == ("Toronto", dt.date(2026, 2, 23), "Reuters")
    assert found.written == "TORONTO, Feb. 23, 2026 (Reuters) -"
    # Raw copy lower-cases the place too; the agency still marks a dateline.
    lower = split_dateline("toronto (Reuters) - prime minister mark carney won the seat.")
    assert (lower.place, lower.agency, lower.rest) == ("Toronto", "Reuters", "prime minister mark carney won the seat.")


def test_the_copy_desk_prints_the_dateline_as_written_and_a_second_pass_changes_nothing() -> None:
    from newsdesk.copyedit import copyedit_article
    from newsdesk.ingest.text import format_text
    from newsdesk.pipeline import corrected_article

    for raw in (
        "Carney Wins\n\nTORONTO, Feb. 23, 2026 (Reuters) - Prime Minister Mark Carney won the seat.\n",
        "Carney Wins\n\ntoronto (Reuters) - prime minister mark carney won the seat.\n",
    ):
        article = parse_text(raw)
        once = format_text(corrected_article(article, copyedit_article(article)))
        assert once.splitlines()[2].startswith(raw.splitlines()[2].split(" - ")[0] + " - ")
        again = parse_text(once)
        assert copyedit_article(again) == []
