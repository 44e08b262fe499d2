"""House names: learned from an archive, applied where the article half-writes them, saved and read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.copyedit import HouseNames, bundled_house_names, copyedit_text, learn_house_names
from newsdesk.copyedit.house import house_lexicon
from newsdesk.errors import InputError

ARCHIVE = [
    "Fans of the Champions League cheered. A report by Human Rights Watch said so.",
    "He told BBC Five Live he would win the Champions League with Sale Sharks.",
    "The Russian President Vladimir Putin met the Home Secretary Charles Clarke.",
    "Aid came from the Association of British Insurers and from Human Rights Watch.",
    "Analysts at the Yankee Group. Market Research in May. The Aviator won again.",
]


@pytest.fixture(scope="module")
def house() -> HouseNames:
    return learn_house_names(ARCHIVE)


def test_learns_runs_and_their_parts(house: HouseNames) -> None:
    assert house.counts["Human Rights Watch"] == (2, 0)
    assert "Human Rights" in house.counts  # a part that may stand alone
    assert "Association of British Insurers" in house.counts  # `of` inside a name
    assert "BBC Five Live" in house.counts  # acronyms and number words inside
    # Not across `in` (two names), not from a sentence start, not with a leading `The`.
    assert not any(" in " in name for name in house.counts)
    assert "Market Research" not in house.counts
    assert "Aviator" not in " ".join(house.counts)


def test_possessives_end_names_and_particles_stay_where_they_belong() -> None:
    house = learn_house_names(
        [
            "A report by Human Rights Watch's Kenneth Roth came out.",
            "Shares in De Beers rose as the Lord of the Rings opened and Van Gogh Museum staff watched.",
        ]
    )
    assert "Human Rights Watch" in house.counts and "Kenneth Roth" in house.counts
    assert not any("Watch Kenneth" in name for name in house.counts)
    assert {"De Beers", "Lord of the Rings", "Van Gogh Museum"} <= set(house.counts)
    assert "Mr De" not in learn_house_names(["He told Mr De Villepin so."]).counts  # a particle ends no name


def test_learns_the_dictionary_words_the_archive_capitalises() -> None:
    archive = [f"Voters backed Labour in poll {n}, as Windows ran on the windows of Kudrow." for n in range(12)]
    counts = learn_house_names(archive).counts
    assert counts["Labour"] == (12, 0)
    # Half in lower case (`Windows`), or no dictionary word (`Kudrow`, a name the copy desk knows as one anyway).
    assert not {"Windows", "Kudrow"} & set(counts)
    assert "Labour" not in learn_house_names(archive[:9]).counts  # nine uses are too few for one word
    assert "Labour" not in learn_house_names(archive, min_uses=13).counts  # a higher bar holds for words too


def test_a_house_word_is_applied_where_the_article_reads_a_name() -> None:
    house = learn_house_names([f"Users ran Windows on PC {n}." for n in range(12)])
    # The article writes `Windows` on its own twice: its lower-case slip is the name, which the corpus (mostly
    # `windows`) would not say.
    text = "Microsoft said Windows would sell, and Windows did. Users of pirated windows copies lost out."
    expected = "Microsoft said Windows would sell, and Windows did. Users of pirated Windows copies lost out."
    assert copyedit_text(text, house=house).text == expected
    assert copyedit_text(text, house=None).text == text
    assert copyedit_text(expected, house=house).edits == []  # a second pass changes nothing
    # Once on its own is not enough (`Labour's plan … the labour market`); no capital at all, the noun.
    for text in ("Microsoft said Windows would sell. The house had new windows.", "The house had new windows."):
        assert copyedit_text(text, house=house).text == text


def test_a_hand_made_table_holds_its_words_to_what_learning_keeps(tmp_path: Path) -> None:
    path = tmp_path / "names.tsv"
    path.write_text("Human Rights Watch\t3\t0\nWindows\t12\t0\nMay\t12\t0\nKudrow\t12\t0\n", encoding="utf-8")
    house = HouseNames.read(path)
    assert house.describe() == "1 name and 3 words"
    words = house_lexicon(house).house_words
    assert words == {"windows": "Windows"}  # `may` has a rule of its own, `kudrow` is no dictionary word
    house.write(path)
    assert HouseNames.read(path).counts == house.counts
    # Learning leaves them out too.
    learned = learn_house_names([f"It rained in March, he said in May {n}." for n in range(12)]).counts
    assert not {"March", "May"} & set(learned)


def test_a_name_the_archive_also_writes_lower_case_is_left_out() -> None:
    archive = ["The Conservative Party won.", "The Conservative party lost.", "The Conservative party met."]
    assert "Conservative Party" not in learn_house_names(archive).counts
    assert "Conservative Party" in learn_house_names(archive[:1]).counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He won the Champions league again.", "He won the Champions League again."),
        ("He told Human Rights watch on Monday.", "He told Human Rights Watch on Monday."),
        ("He told BBC five Live: no.", "He told BBC Five Live: no."),
        ("He joined the association of British Insurers.", "He joined the Association of British Insurers."),
    ],
)
def test_completes_a_name_the_article_half_writes(house: HouseNames, text: str, expected: str) -> None:
    assert copyedit_text(text, house=house).text == expected
    edit = copyedit_text(text, house=house).edits[0]
    assert edit.rule == "case.proper_noun" and "house names" in edit.explanation


@pytest.mark.parametrize(
    "text",
    [
        "He watched the champions league final.",  # no capital in the name: nothing to go on
        "They met Russian president Vladimir Putin.",  # a title before a person: styles differ
        "Human rights watch groups complained.",  # the capital is the sentence start's
    ],
)
def test_leaves_what_the_article_does_not_anchor(house: HouseNames, text: str) -> None:
    assert copyedit_text(text, house=house).text == text


def test_capitalises_an_office_written_with_its_department(house: HouseNames) -> None:
    text = "Critics include Home secretary Charles Clarke."
    assert copyedit_text(text, house=house).text == "Critics include Home Secretary Charles Clarke."


def test_without_house_names_nothing_changes_and_a_second_pass_is_clean(house: HouseNames) -> None:
    text = "He won the Champions league and told Human Rights watch."
    assert copyedit_text(text, house=None).text == text
    once = copyedit_text(text, house=house).text
    assert copyedit_text(once, house=house).edits == []


def test_the_bundled_names_are_the_default() -> None:
    bundled = bundled_house_names()
    assert len(bundled.counts) > 10_000 and "Champions League" in bundled.counts
    text = "He won the Champions league and told Human Rights watch."
    fixed = "He won the Champions League and told Human Rights Watch."
    assert copyedit_text(text).text == copyedit_text(text, house="bundled").text == fixed
    assert copyedit_text(fixed).edits == []


def test_a_wrong_house_argument_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="HouseNames"):
        copyedit_text("text", house="names.tsv")  # type: ignore[arg-type]


def test_the_article_own_style_kept_throughout_wins() -> None:
    house = learn_house_names(["He bought a Mac Mini today.", "The Mac Mini sold well."])
    own = "The Mac mini is small. Fans like the Mac mini. The Mac mini costs less."
    assert copyedit_text(own, house=house).text == own
    slip = "The Mac mini is small. Fans like the Mac Mini."
    assert copyedit_text(slip, house=house).text == "The Mac Mini is small. Fans like the Mac Mini."


def test_a_possessive_ends_a_house_name() -> None:
    house = learn_house_names(["It signed with China National Petroleum."])
    text = "It signed with China's national energy company."
    assert copyedit_text(text, house=house).text == text


@pytest.mark.parametrize(
    ("archive", "text"),
    [
        (["He joined the BBC News team."], "He told bbc news that it was over."),
        (["The Association of British Insurers said so."], "It is the group british insurers like."),
    ],
)
def test_a_name_our_own_capital_completes_is_completed_in_the_first_pass(archive: list[str], text: str) -> None:
    house = learn_house_names(archive)
    once = copyedit_text(text, house=house).text
    assert copyedit_text(once, house=house).edits == []


def test_the_table_is_read_only(house: HouseNames) -> None:
    with pytest.raises(TypeError):
        house.counts["New Name"] = (1, 0)  # type: ignore[index]


def test_round_trips_through_a_file(house: HouseNames, tmp_path: Path) -> None:
    path = tmp_path / "names.tsv"
    house.write(path)
    assert HouseNames.read(path).counts == house.counts


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("name\tuses\tother_uses\nChampions League\tmany\t0\n", "ND141"),
        ("Champions\t3\n", "ND141"),
        ("Champions League\t\u00b2\t0\n", "ND141"),  # a digit to `isdigit`, not to `int`
        ("Champions\u00a0League\t3\t0\n", "ND141"),  # a no-break space: one word
        ("Champions  League\t3\t0\n", "ND141"),
        (b"\xff\xfe\x00binary", "ND140"),
    ],
)
def test_a_bad_file_is_refused_with_its_code(tmp_path: Path, content: str | bytes, code: str) -> None:
    path = tmp_path / "names.tsv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        HouseNames.read(path)
    assert caught.value.code == code


def test_a_spreadsheet_saved_table_reads_and_errors_name_the_right_line(tmp_path: Path) -> None:
    path = tmp_path / "names.tsv"
    path.write_text("\ufeffname\tuses\tother_uses\nChampions League\t3\t0\n", encoding="utf-8")
    assert dict(HouseNames.read(path).counts) == {"Champions League": (3, 0)}
    path.write_text("Champions League\t3\t0\nChampions\t3\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2 "):
        HouseNames.read(path)


def test_wrong_options_are_value_errors() -> None:
    with pytest.raises(ValueError, match="min_uses"):
        learn_house_names(ARCHIVE, min_uses=0)
    with pytest.raises(ValueError, match="min_share"):
        learn_house_names(ARCHIVE, min_share=0.3)


def test_odd_archive_text_does_not_break_learning() -> None:
    odd = ["", "!!!", "A" * 10_000, "ÉLYSÉE Palace", "Щ Ж \x00 Human Rights Watch"]
    assert isinstance(learn_house_names(odd), HouseNames)
