"""Dates: relative expressions against the article date, tense, anniversaries."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.dates import resolve_date

TUESDAY = dt.date(2025, 9, 2)


@pytest.mark.parametrize(
    ("text", "tense", "expected", "granularity"),
    [
        ("Tuesday", "past", dt.date(2025, 9, 2), "day"),
        ("Wednesday", "future", dt.date(2025, 9, 3), "day"),
        ("Wednesday", "past", dt.date(2025, 8, 27), "day"),
        ("last Tuesday", "past", dt.date(2025, 8, 26), "day"),
        ("next Monday", "past", dt.date(2025, 9, 8), "day"),
        ("yesterday", "past", dt.date(2025, 9, 1), "day"),
        ("tomorrow", "future", dt.date(2025, 9, 3), "day"),
        ("last week", "past", dt.date(2025, 8, 25), "week"),
        ("next month", "future", dt.date(2025, 10, 1), "month"),
        ("last year", "past", dt.date(2024, 1, 1), "year"),
        ("early 2022", "past", dt.date(2022, 1, 1), "quarter"),
        ("late 2019", "past", dt.date(2019, 10, 1), "quarter"),
        ("three days ago", "past", dt.date(2025, 8, 30), "day"),
        ("March 3", "past", dt.date(2025, 3, 3), "day"),
        ("December 24", "past", dt.date(2024, 12, 24), "day"),
        ("December 24", "future", dt.date(2025, 12, 24), "day"),
        ("3 March 2024", "past", dt.date(2024, 3, 3), "day"),
        ("January 2020", "past", dt.date(2020, 1, 1), "month"),
        ("2022", "past", dt.date(2022, 1, 1), "year"),
        ("the past several weeks", "past", None, "unknown"),
    ],
)
def test_resolve_against_anchor(text: str, tense: str, expected: dt.date | None, granularity: str) -> None:
    resolved = resolve_date(text, anchor=TUESDAY, tense=tense)  # type: ignore[arg-type]
    assert resolved.date == expected
    assert resolved.granularity == granularity


@pytest.mark.parametrize("text", ["Tuesday", "last week", "yesterday", "March 3", "next month"])
def test_no_anchor_keeps_relative_expressions_unresolved(text: str) -> None:
    assert resolve_date(text, anchor=None).date is None


def test_absolute_expressions_need_no_anchor() -> None:
    assert resolve_date("early 2022", anchor=None).date == dt.date(2022, 1, 1)
    assert resolve_date("3 March 2024", anchor=None).date == dt.date(2024, 3, 3)


def test_odd_input_does_not_raise() -> None:
    for text in ["", "Feb 30, 2024", "x" * 100_000, "周二", "the 99th of Smarch"]:
        resolve_date(text, anchor=TUESDAY)


def test_bad_tense_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        resolve_date("Tuesday", anchor=TUESDAY, tense="someday")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("3000 years ago", TUESDAY),
        ("9999 days ago", dt.date(1, 1, 1)),
        ("99999999999 days ago", TUESDAY),
        ("tomorrow", dt.date.max),
        ("yesterday", dt.date.min),
        ("next Monday", dt.date.max),
        ("last week", dt.date.min),
        ("next month", dt.date.max),
        ("7 months ago", dt.date.min),
        ("next year", dt.date.max),
        ("December 24", dt.date.max),
    ],
)
def test_arithmetic_off_the_calendar_stays_unresolved(text: str, anchor: dt.date) -> None:
    resolved = resolve_date(text, anchor=anchor, tense="future" if text == "December 24" else "past")
    assert resolved.date is None and resolved.granularity == "unknown"
