"""The `newsdesk` command line."""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from newsdesk import __version__
from newsdesk.article import Analysis, Article
from newsdesk.copyedit import HouseNames, HouseOption, copyedit_article, learn_house_names
from newsdesk.entities import STAGES as ENTITY_STAGES
from newsdesk.entities import build_kb, open_kb
from newsdesk.entities.table import print_entities
from newsdesk.errors import InputError, NewsdeskError
from newsdesk.export import write_export
from newsdesk.ingest import DEFAULT_MAX_BYTES, printable, read_sources
from newsdesk.ingest.text import format_text
from newsdesk.keywords import format_trailer
from newsdesk.pipeline import Pipeline, corrected_article, get_pipeline
from newsdesk.report import keyword_table, print_report

app = typer.Typer(
    name="newsdesk",
    help="A copy desk and research desk for news text: clean copy, entities, keywords, quotes, events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Exit status when any input was refused (the others are still processed).
EXIT_REFUSED = 2
#: Articles analysed per `Pipeline.pipe` call: the size of spaCy's batches, and what is redone one article
#: at a time when one of them fails.
BATCH = 16


class Format(enum.StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class Preset(enum.StrEnum):
    precision = "precision"
    recall = "recall"


class KeywordPreset(enum.StrEnum):
    trailer = "trailer"
    keyphrase = "keyphrase"
    index_terms = "index"  # `index` would shadow str.index


class TagStyle(enum.StrEnum):
    trailer = "trailer"
    table = "table"
    json = "json"


class ExportFormat(enum.StrEnum):
    gdelt_gkg = "gdelt-gkg"
    gdelt_events = "gdelt-events"
    jsonl = "jsonl"


PathsArg = Annotated[list[str], typer.Argument(help="Files, directories (read recursively) or - for standard input.")]
DateOpt = Annotated[
    dt.datetime | None,
    typer.Option("--date", formats=["%Y-%m-%d"], help="Publication date, anchoring 'on Tuesday' etc."),
]
NoCopyeditOpt = Annotated[bool, typer.Option("--no-copyedit", help="Skip the copy-edit pre-pass.")]
KbOpt = Annotated[
    Path | None,
    typer.Option("--kb", envvar="NEWSDESK_KB", help="Knowledge base for entity linking (default: the shipped one)."),
]
HouseOpt = Annotated[
    Path | None,
    typer.Option(
        "--house-names",
        envvar="NEWSDESK_HOUSE_NAMES",
        help="Names learned from your archive (`newsdesk learn-names`), in place of the bundled ones.",
    ),
]
NoHouseOpt = Annotated[bool, typer.Option("--no-house-names", help="Use no house names, bundled or yours.")]
#: Largest --max-bytes: a read asks for the whole limit up front, so a larger one fails in the read itself.
MAX_BYTES_LIMIT = 2**30
MaxBytesOpt = Annotated[
    int,
    typer.Option(
        "--max-bytes", envvar="NEWSDESK_MAX_BYTES", min=1, max=MAX_BYTES_LIMIT, help="Refuse inputs larger than this."
    ),
]


def _error(error: NewsdeskError | str) -> None:
    """Report on stderr: `newsdesk: error: SOURCE: [CODE] reason. Hint.` (the form of `str(InputError)`)."""
    typer.echo(f"newsdesk: error: {error}", err=True)


def _unwritable(path: Path, reason: str | OSError) -> typer.Exit:
    if isinstance(reason, OSError):
        reason = reason.strerror or str(reason)
    _error(InputError(printable(path), f"cannot be written ({reason})", code="ND160"))
    return typer.Exit(EXIT_REFUSED)


def _check_writable(path: Path) -> None:
    """Refuse an output file that cannot be written before any input is read: not after a long run."""
    if path.is_dir():
        raise _unwritable(path, "it is a directory")
    if not path.parent.is_dir():
        raise _unwritable(path, "no such directory")
    if not os.access(path if path.exists() else path.parent, os.W_OK):
        raise _unwritable(path, "permission denied")


class Run:
    """Reads the inputs of one command, reporting refused ones on stderr and remembering them."""

    def __init__(self, max_bytes: int, published: dt.datetime | None) -> None:
        self.max_bytes = max_bytes
        self.published = published.date() if published else None
        self.refused = 0

    def refuse(self, error: InputError) -> None:
        self.refused += 1
        _error(error)

    def articles(self, paths: list[str]) -> Iterator[Article]:
        for item in read_sources(paths, max_bytes=self.max_bytes):
            if isinstance(item, InputError):
                self.refuse(item)
                continue
            yield item.model_copy(update={"published": self.published}) if self.published else item

    def analyses(self, pipeline: Pipeline, paths: list[str]) -> Iterator[Analysis]:
        """The articles' analyses, in order; an article whose analysis fails is refused, the others go on."""
        articles = self.articles(paths)
        while batch := list(itertools.islice(articles, BATCH)):
            try:
                yield from list(pipeline.pipe(batch, batch_size=BATCH))
            except Exception:
                # `pipe` ends at a batch's first failure: redo that batch one article at a time to keep the rest.
                yield from self._one_by_one(pipeline, batch)

    def _one_by_one(self, pipeline: Pipeline, batch: Iterable[Article]) -> Iterator[Analysis]:
        for article in batch:
            try:
                yield pipeline.analyze(article)
            except InputError as err:
                self.refuse(err)
            except Exception as err:  # a bug met on odd text: this article's failure, not the run's
                reason = f"analysis failed ({type(err).__name__}: {err})"
                self.refuse(InputError(article.source or article.id, reason, code="ND200"))

    def exit(self) -> None:
        if self.refused:
            raise typer.Exit(EXIT_REFUSED)


def _house(path: Path | None, off: bool) -> HouseOption:
    if off and path is not None:
        _error("give --house-names FILE or --no-house-names, not both")
        raise typer.Exit(EXIT_REFUSED)
    if off:
        return None
    if path is None:
        return "bundled"
    try:
        return HouseNames.read(path)
    except NewsdeskError as exc:
        _error(exc)
        raise typer.Exit(EXIT_REFUSED) from exc


def _pipeline(
    no_copyedit: bool,
    kb: Path | None,
    *,
    config: dict[str, dict[str, Any]] | None = None,
    house: HouseOption = "bundled",
) -> Pipeline:
    config = dict(config or {})
    if kb is not None:
        try:
            open_kb(kb)  # a missing or wrong file is refused here, not in the middle of the first article
        except NewsdeskError as exc:
            _error(exc)
            raise typer.Exit(EXIT_REFUSED) from exc
        for name in ENTITY_STAGES:
            config[name] = {**config.get(name, {}), "kb": str(kb)}
    try:
        if config or house != "bundled":
            return Pipeline(copyedit=not no_copyedit, config=config, house=house)
        return get_pipeline(copyedit=not no_copyedit)
    except NewsdeskError as exc:
        _error(exc)
        raise typer.Exit(1) from exc


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsdesk {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """newsdesk command line."""


@app.command()
def analyze(
    paths: PathsArg,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    date: DateOpt = None,
    no_copyedit: NoCopyeditOpt = False,
    kb: KbOpt = None,
    house: HouseOpt = None,
    no_house: NoHouseOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Analyse articles: copy-edit, entities, keywords, quotes, events.

    `--format json` prints one indented JSON object per article (a stream `jq` reads);
    `--format jsonl` one compact object per line. Both follow schema/analysis.schema.json.
    """
    run = Run(max_bytes, date)
    out = Console(highlight=False, soft_wrap=False)
    for analysis in run.analyses(_pipeline(no_copyedit, kb, house=_house(house, no_house)), paths):
        if fmt is Format.text:
            print_report(analysis, out)
        elif fmt is Format.json:
            sys.stdout.write(analysis.model_dump_json(indent=2) + "\n")
        else:
            sys.stdout.write(analysis.model_dump_json() + "\n")
        sys.stdout.flush()
    run.exit()


@app.command()
def copyedit(
    paths: PathsArg,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff instead of the corrected text.")] = False,
    edits: Annotated[
        bool, typer.Option("--edits", help="Print the edits as JSON lines instead (not with --diff).")
    ] = False,
    preset: Annotated[
        Preset,
        typer.Option(
            "--preset",
            help="precision: only near-certain fixes; recall: also likely ones, at lower thresholds (review them).",
        ),
    ] = Preset.precision,
    house: HouseOpt = None,
    no_house: NoHouseOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Copy-edit articles (capitals, spacing, spelling) without running the model: fast."""
    if diff and edits:
        _error("give --diff or --edits, not both")
        raise typer.Exit(EXIT_REFUSED)
    run = Run(max_bytes, None)
    names = _house(house, no_house)
    for article in run.articles(paths):
        changes = copyedit_article(article, preset=preset.value, house=names)
        if edits:
            for change in changes:
                typer.echo(change.model_dump_json())
            continue
        before = format_text(article)
        after = format_text(corrected_article(article, changes))
        if diff:
            name = article.source or article.id
            lines = difflib.unified_diff(
                before.splitlines(keepends=True), after.splitlines(keepends=True), name, f"{name} (copy-edited)"
            )
            sys.stdout.writelines(lines)
        else:
            sys.stdout.write(after)
    run.exit()


@app.command("learn-names")
def learn_names(
    paths: PathsArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="The house names file to write (TSV).")] = Path(
        "house-names.tsv"
    ),
    min_uses: Annotated[
        int,
        typer.Option(
            "--min-uses",
            min=1,
            help="Keep names used at least this often; a lone dictionary word (`Labour`) needs 10, or this if more.",
        ),
    ] = 1,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Learn your archive's names (`Human Rights Watch`) and capitalised words (`Labour`) for `copyedit --house-names`.

    Give it edited copy: its capitals are taken as right."""
    _check_writable(output)
    run = Run(max_bytes, None)
    bodies = [article.body for article in run.articles(paths)]
    names = learn_house_names(bodies, min_uses=min_uses)
    try:
        names.write(output)
    except OSError as err:
        raise _unwritable(output, err) from err
    typer.echo(f"{output}: {names.describe()} from {len(bodies):,} articles")
    run.exit()


@app.command()
def entities(
    paths: PathsArg,
    values: Annotated[bool, typer.Option("--values", help="Also list dates, amounts and numbers.")] = False,
    date: DateOpt = None,
    no_copyedit: NoCopyeditOpt = False,
    kb: KbOpt = None,
    house: HouseOpt = None,
    no_house: NoHouseOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Print the entity table of each article: canonical names, types, ids, mentions, salience."""
    run = Run(max_bytes, date)
    pipeline = _pipeline(no_copyedit, kb, house=_house(house, no_house))
    print_entities(run.analyses(pipeline, paths), values=values)
    run.exit()


@app.command()
def export(
    paths: PathsArg,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="GDELT 2.0 GKG rows, GDELT event rows, or JSONL.")
    ] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    date: DateOpt = None,
    no_copyedit: NoCopyeditOpt = False,
    kb: KbOpt = None,
    house: HouseOpt = None,
    no_house: NoHouseOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Export analyses in a format existing tools read (tab-separated GDELT 2.0 rows, or JSONL)."""
    if output is not None:
        _check_writable(output)
    run = Run(max_bytes, date)
    analyses = run.analyses(_pipeline(no_copyedit, kb, house=_house(house, no_house)), paths)
    if output is None:
        write_export(analyses, fmt.value, sys.stdout)
    else:
        try:
            with output.open("w", encoding="utf-8", newline="") as out:
                write_export(analyses, fmt.value, out)
        except OSError as err:
            raise _unwritable(output, err) from err
    run.exit()


@app.command()
def tag(
    paths: PathsArg,
    top_n: Annotated[int, typer.Option("--top", "-n", min=1, help="How many keywords.")] = 17,
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score", min=0.0, max=1.0, help="Drop keywords scoring below this share of the best one's score."
        ),
    ] = 0.0,
    style: Annotated[TagStyle, typer.Option("--style", help="A 'Keywords: …' line, a table, or JSON.")] = (
        TagStyle.trailer
    ),
    preset: Annotated[
        KeywordPreset,
        typer.Option(
            "--preset",
            help="trailer: names and topics as editors tag; keyphrase: noun phrases; index: index words and names.",
        ),
    ] = KeywordPreset.trailer,
    date: DateOpt = None,
    no_copyedit: NoCopyeditOpt = False,
    kb: KbOpt = None,
    house: HouseOpt = None,
    no_house: NoHouseOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Write each article's keyword trailer: people, places, organisations and topics, best first."""
    run = Run(max_bytes, date)
    pipeline = _pipeline(
        no_copyedit,
        kb,
        config={"newsdesk_keywords": {"top_n": top_n, "min_score": min_score, "preset": preset.value}},
        house=_house(house, no_house),
    )
    for analysis in run.analyses(pipeline, paths):
        if style is TagStyle.trailer:
            typer.echo(format_trailer(analysis.keywords))
        elif style is TagStyle.json:
            typer.echo(json.dumps([k.model_dump() for k in analysis.keywords], ensure_ascii=False))
        else:
            Console(highlight=False).print(keyword_table(analysis))
    run.exit()


kb_app = typer.Typer(help="Build the knowledge base used for entity linking.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("build")
def kb_build(
    dump: Annotated[Path, typer.Argument(help="Wikidata JSON dump: .json, .json.gz or .json.bz2.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The knowledge base file to write.")] = Path(
        "newsdesk-kb.sqlite"
    ),
    min_sitelinks: Annotated[
        int, typer.Option("--min-sitelinks", min=0, help="Keep entities with at least this many sitelinks.")
    ] = 5,
    lang: Annotated[str, typer.Option("--lang", help="Language of labels, aliases and descriptions.")] = "en",
) -> None:
    """Stream a Wikidata dump into a compact knowledge base, in one pass with bounded memory.

    A knowledge base already at the output is replaced only when the build succeeds."""
    try:
        stats = build_kb(dump, output, lang=lang, min_sitelinks=min_sitelinks)
    except NewsdeskError as exc:
        _error(exc)
        raise typer.Exit(EXIT_REFUSED) from exc
    typer.echo(f"{stats.path}: {stats.kept:,} of {stats.read:,} entities kept")


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    """Print the JSON Schema of the analysis object (generated from the data model)."""
    text = json.dumps(Analysis.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as err:
            raise _unwritable(output, err) from err
    else:
        sys.stdout.write(text)


if __name__ == "__main__":  # pragma: no cover
    app()
