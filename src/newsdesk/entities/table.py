"""The entity table that `newsdesk entities FILE` prints."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsdesk.article import NAME_LABELS, Analysis


def entity_table(analysis: Analysis, *, values: bool = False) -> Table:
    """One row per entity, most salient first; dates and amounts only with `values=True`.

    Names, headlines and descriptions are text, not rich markup: `[/Acme]` is printed as it stands.
    """
    table = Table(title=escape(analysis.headline or analysis.source or analysis.id), title_justify="left")
    for column in ("entity", "label", "id", "mentions", "salience", "link", "about"):
        table.add_column(column, justify="right" if column in ("mentions", "salience", "link") else "left")
    for entity in analysis.entities:
        if not values and entity.label not in NAME_LABELS:
            continue
        forms = sorted({m.text for m in entity.mentions} - {entity.name})
        about = entity.description or entity.country or ""
        table.add_row(
            escape(entity.name + (f" ({', '.join(forms)})" if forms else "")),
            entity.label,
            entity.id,
            str(len(entity.mentions)),
            f"{entity.salience:.2f}",
            f"{entity.link_confidence:.2f}" if entity.link_confidence is not None else "",
            escape(about),
        )
    return table


def print_entities(analyses: Iterable[Analysis], *, values: bool = False, console: Console | None = None) -> None:
    """Print each analysis's entity table (the body of `newsdesk entities FILE...`)."""
    console = console or Console()
    for analysis in analyses:
        console.print(entity_table(analysis, values=values))
