"""The terminal report: article text in rich titles and cells is shown as written, never read as markup."""

from __future__ import annotations

import io

from rich.console import Console

from newsdesk.article import Analysis, Keyword
from newsdesk.report import keyword_table, print_report

TEXT = "Putin met Xi in Beijing on Tuesday."


def _render(renderable: object) -> str:
    out = Console(file=io.StringIO(), width=200, highlight=False, color_system=None)
    out.print(renderable)
    return out.file.getvalue()  # type: ignore[attr-defined]


def _analysis(**fields: object) -> Analysis:
    return Analysis.model_validate(
        {"id": "abc", "source": None, "headline": None, "dateline": None, "published": None, "text": TEXT,
         "original": TEXT, "source_keywords": [],
         "keywords": [Keyword(text="Xi [b]Jinping", score=1.0, kind="person")], **fields}
    )  # fmt: skip


def test_keyword_table_title_is_the_headline_as_written() -> None:
    # `[/video]` closes no tag: unescaped it raised rich.errors.MarkupError; `[video]` alone vanished.
    assert "Putin Meets Xi [/video]" in _render(keyword_table(_analysis(headline="Putin Meets Xi [/video]")))
    assert "Putin Meets Xi [video]" in _render(keyword_table(_analysis(headline="Putin Meets Xi [video]")))
    assert "Xi [b]Jinping" in _render(keyword_table(_analysis(headline="H")))


def test_report_shows_a_record_id_as_written() -> None:
    out = Console(file=io.StringIO(), width=200, highlight=False, color_system=None)
    print_report(_analysis(id="wire-[/x]", headline="Putin Meets Xi [/video]"), out)
    text = out.file.getvalue()  # type: ignore[attr-defined]
    assert "wire-[/x]" in text and "Putin Meets Xi [/video]" in text
