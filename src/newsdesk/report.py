"""A readable report of one `Analysis`, for a person at a terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsdesk.article import NAME_LABELS, Analysis


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def keyword_table(a: Analysis) -> Table:
    # The title is the article's own text: escaped, or `[/video]` in a headline is read as a closing tag.
    table = _table(escape(a.headline or a.source or a.id), "#", "keyword", "kind", "score", "entity id")
    for rank, k in enumerate(a.keywords, 1):
        table.add_row(str(rank), escape(k.text), k.kind, f"{k.score:.3f}", escape(k.entity_id or ""))
    return table


def print_report(a: Analysis, out: Console) -> None:
    """Print headline and metadata, then one table per stage that found something."""
    out.rule(escape(a.headline or "(no headline)"))
    meta = [
        f"[b]source[/b] {escape(a.source or '-')}",
        f"[b]dateline[/b] {escape(a.dateline or '-')}",
        f"[b]published[/b] {a.published or 'unknown'}",
        f"[b]id[/b] {escape(a.id)}",  # a JSONL record's own id
        f"[b]paragraphs[/b] {a.text.count(chr(10) * 2) + 1 if a.text else 0}",
        f"[b]words[/b] {len(a.text.split())}",
    ]
    out.print("  ".join(meta))
    if a.source_keywords:
        out.print(f"[b]trailer[/b] {escape(', '.join(a.source_keywords))}")
    if a.edits:
        table = _table(f"Edits ({len(a.edits)})", "where", "before", "after", "rule", "conf.")
        for e in a.edits:
            where = f"{e.field}:{e.start}-{e.end}"
            table.add_row(where, escape(repr(e.before)), escape(repr(e.after)), e.rule, f"{e.confidence:.2f}")
        out.print(table)
    names = [ent for ent in a.entities if ent.label in NAME_LABELS]
    if names:
        values = len(a.entities) - len(names)
        table = _table(f"Entities ({len(names)}, and {values} dates, amounts and numbers)", "name", "type",
                       "mentions", "salience", "id")  # fmt: skip
        for ent in names:
            table.add_row(escape(ent.name), ent.label, str(len(ent.mentions)), f"{ent.salience:.2f}", escape(ent.id))
        out.print(table)
    if a.keywords:
        out.print("[b]Keywords:[/b] " + escape(", ".join(k.text for k in a.keywords)))
    if a.quotes:
        table = _table(f"Quotes ({len(a.quotes)})", "speaker", "kind", "cue", "content")
        for q in a.quotes:
            cue = q.cue.text if q.cue else "-"
            table.add_row(escape(q.speaker or "?"), q.kind, escape(cue), escape(q.content.text))
        out.print(table)
    if a.events:
        table = _table(f"Events ({len(a.events)})", "actor", "action", "target", "where", "when")
        for ev in a.events:
            when = ev.time.date.isoformat() if ev.time and ev.time.date else (ev.time.text if ev.time else "-")
            table.add_row(
                escape(ev.actor.name if ev.actor else "?"),
                f"{ev.action} ({ev.code})",
                escape(ev.target.name if ev.target else "-"),
                escape(ev.place.name if ev.place else "-"),
                escape(when),
            )
        out.print(table)
    for w in a.warnings:
        out.print(f"[yellow]warning[/yellow] {w.code}: {escape(w.message)}")
    out.print()
