from __future__ import annotations

from rich.console import Console

from newsdesk.article import Article
from newsdesk.entities.table import print_entities
from newsdesk.pipeline import Pipeline


def test_entity_table_lists_names_not_values(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(
        Article.create(
            "President Xi Jinping met Vladimir Putin in Moscow on Monday. Xi said 15% more.", headline="Xi in Moscow"
        )
    )
    console = Console(record=True, width=200)
    print_entities([analysis], console=console)
    out = console.export_text()
    assert "Xi Jinping (Xi)" in out and "Moscow" in out and "PERSON" in out
    assert "15%" not in out
    print_entities([analysis], values=True, console=console)
    assert "15%" in console.export_text()


def test_entity_table_prints_markup_characters_as_text(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(Article.create("Acme Corp hired Jane Doe in Paris.", headline="[/Acme] [bold]news"))
    entity = analysis.entities[0]
    mention = entity.mentions[0].model_copy(update={"text": "[red]Acme"})
    odd = entity.model_copy(update={"name": "[/Acme]", "mentions": [mention], "description": "a [link=x]firm[/link]"})
    console = Console(record=True, width=200)
    print_entities([analysis.model_copy(update={"entities": [odd]})], console=console)
    out = console.export_text()
    assert "[/Acme] [bold]news" in out
    assert "[/Acme] ([red]Acme)" in out and "a [link=x]firm[/link]" in out
